"""The overall rating and the nine quality-statement scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.model import QUALITY_STATEMENTS, Rating, Score
from lacompare.parsers.cqc import rating, scores

from .conftest import (
    ALL_FIXTURES,
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    BARNET_MD,
    CAMDEN_CHROMIUM,
    CAMDEN_TXT,
    DASHBOARD_TXT,
    PERF_PDF,
    PERF_TXT,
    QS_CHROMIUM,
    QS_TXT,
)
from .parser_helpers import fixture, quote_problems, text_doc

BARNET = (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE)
CAMDEN = (CAMDEN_TXT, CAMDEN_CHROMIUM)
QS_PAGE = (QS_TXT, QS_CHROMIUM)
NOT_CQC = (PERF_TXT, PERF_PDF)


def ratings(path: Path) -> list[tuple[str | None, object, str | None]]:
    found = rating.parse(fixture(path))
    assert all(isinstance(r, Rating) for r in found)
    return [(r.overall, r.score_pct, r.flag) for r in found]  # type: ignore[attr-defined]


def score_list(path: Path) -> list[tuple[str, int, str | None]]:
    found = scores.parse(fixture(path))
    assert all(isinstance(s, Score) for s in found)
    return [(s.statement_id, s.score, s.flag) for s in found]  # type: ignore[attr-defined]


def in_order(*values: int) -> list[tuple[str, int, None]]:
    return [(sid, value, None) for sid, value in zip(QUALITY_STATEMENTS, values, strict=True)]


# --- fixtures -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", BARNET, ids=lambda p: p.name)
def test_barnet_is_rated_good(path: Path) -> None:
    assert ratings(path) == [("Good", None, None)]
    assert rating.parse(fixture(path))[0].quote == "Local authority rating and score\nLondon Borough of Barnet\nGood"


@pytest.mark.parametrize("path", CAMDEN, ids=lambda p: p.name)
def test_camden_is_rated_outstanding(path: Path) -> None:
    assert ratings(path) == [("Outstanding", None, None)]


@pytest.mark.parametrize("path", QS_PAGE + NOT_CQC, ids=lambda p: p.name)
def test_documents_without_an_overall_rating_give_none(path: Path) -> None:
    assert ratings(path) == []


def test_a_dashboard_stating_the_cqc_score_gives_the_score_and_no_rating() -> None:
    # "In the 2024/25 assessment by the Care Quality Commission (CQC), Barnet received a score of 64, …
    # yet maintaining a status of "Good"": the score is CQC's; a status word is no rating.
    assert ratings(DASHBOARD_TXT) == [(None, 64, None)]


@pytest.mark.parametrize("path", BARNET, ids=lambda p: p.name)
def test_barnet_scores(path: Path) -> None:
    assert score_list(path) == in_order(2, 2, 2, 3, 3, 2, 3, 3, 3)


@pytest.mark.parametrize("path", CAMDEN, ids=lambda p: p.name)
def test_camden_scores(path: Path) -> None:
    assert score_list(path) == in_order(3, 3, 4, 3, 4, 4, 3, 4, 4)


@pytest.mark.parametrize("path", QS_PAGE, ids=lambda p: p.name)
def test_the_safeguarding_page_scores_safeguarding_only(path: Path) -> None:
    assert score_list(path) == [("safeguarding", 3, None)]


@pytest.mark.parametrize("path", NOT_CQC, ids=lambda p: p.name)
def test_documents_without_scores_give_none(path: Path) -> None:
    assert score_list(path) == []


def test_scores_come_from_the_summary_list_not_the_detailed_sections() -> None:
    doc = fixture(BARNET_CHROMIUM)
    found = scores.parse(doc)
    assert {s.page for s in found} == {2}
    assert found[1].quote == "Supporting people to lead healthier lives\nScore: 2"


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_rating_and_score_keeps_the_quote_rule(path: Path) -> None:
    doc = fixture(path)
    assert quote_problems(doc, rating.parse(doc) + scores.parse(doc)) == []


# --- wordings -------------------------------------------------------------------------------

RATING_WORDINGS = [
    ("Local authority rating and score\nLondon Borough of Barnet\nGood", [("Good", None)]),
    (
        "Local authority rating and score\nNorth Lincolnshire Council\nRequires Improvement\n58%",
        [("Requires improvement", 58)],
    ),
    (
        "Local authority rating and score\nNottingham City Council\nrequires improvement",
        [("Requires improvement", None)],
    ),
    ("Local authority rating and score\nA Council\nInadequate\nScore: 30%", [("Inadequate", 30)]),
    ("Overall rating for Suffolk County Council: 70%", [(None, 70)]),
    ("Overall rating for Suffolk County Council: Good (70%)", [("Good", 70)]),
    ("Overall rating: Outstanding", [("Outstanding", None)]),
    ("The local authority scored 78 out of 100 across the nine quality statements.", [(None, 78)]),
    ("This gave an overall score of 64% for the local authority.", [(None, 64)]),
    ("We gave the local authority an overall rating of Inadequate.", [("Inadequate", None)]),
    ("The council was rated Good overall.", [("Good", None)]),
    ("85% of care homes were rated Good or Outstanding, compared to 81% in England.", []),
    ("Overall, people had a good experience of receiving care and support.", []),
    ("Barnet has an Index of Multiple Deprivation score of 3 and is rated 117th out of 152.", []),
]


@pytest.mark.parametrize(("text", "expected"), RATING_WORDINGS)
def test_rating_wordings(text: str, expected: list[tuple[str | None, int | None]]) -> None:
    doc = text_doc(text)
    found = rating.parse(doc)
    assert [(r.overall, r.score_pct) for r in found] == expected  # type: ignore[attr-defined]
    assert quote_problems(doc, found) == []


def test_the_rating_and_a_percentage_stated_apart_are_two_facts() -> None:
    doc = text_doc(
        "Local authority rating and score\nLondon Borough of X\nGood\nQuality statement scores",
        "It scored 70 out of 100.",
    )
    found = rating.parse(doc)
    assert [(r.page, r.overall, r.score_pct, r.flag) for r in found] == [(1, "Good", None, None), (2, None, 70, None)]  # type: ignore[attr-defined]


def test_a_percentage_outside_the_rating_band_is_flagged() -> None:
    found = rating.parse(text_doc("Local authority rating and score\nLondon Borough of X\nGood\n91%"))
    assert found[0].flag == "91% is in CQC's 'Outstanding' band, not 'Good'"


def test_two_different_ratings_are_both_kept_and_flagged() -> None:
    found = rating.parse(text_doc("Local authority rating and score\nX Council\nGood", "Overall rating: Inadequate"))
    assert [r.overall for r in found] == ["Good", "Inadequate"]  # type: ignore[attr-defined]
    assert all("more than one overall rating" in (r.flag or "") for r in found)


def test_a_rating_word_on_the_page_after_its_heading_is_quoted_from_its_own_page() -> None:
    doc = text_doc("Overall summary\nLocal authority rating and score", "London Borough of X\nGood")
    found = rating.parse(doc)
    assert [(r.page, r.quote) for r in found] == [(2, "London Borough of X\nGood")]


@pytest.mark.parametrize(
    ("score_pct", "word"),
    [
        (25, "Inadequate"),
        (38, "Inadequate"),
        (39, "Requires improvement"),
        (62, "Requires improvement"),
        (63, "Good"),
        (87, "Good"),
        (88, "Outstanding"),
        (10, None),
    ],
)
def test_cqc_bands(score_pct: int, word: str | None) -> None:
    assert rating.band(score_pct) == word


SCORE_WORDINGS = [
    ("Safeguarding\nScore: 3\n3 – Evidence shows a good standard", [("safeguarding", 3)]),
    ("Assessing needs\nScore: 2\n2 - Evidence shows some shortfalls", [("assessing_needs", 2)]),
    ("Supporting people to lead healthier lives\nScore: 4", [("supporting_healthier_lives", 4)]),
    ("Supporting people to live healthier lives\nScore: 1", [("supporting_healthier_lives", 1)]),
    ("Safe systems, pathways and transitions\nScore: 2", [("safe_pathways_systems_transitions", 2)]),
    ("Governance, management & sustainability\nScore: 3", [("governance_management_sustainability", 3)]),
    ("Learning, improvement and innovation\n---\nScore: 3", [("learning_improvement_innovation", 3)]),
    ("Equity in experience and outcomes Score: 4", [("equity_in_experience_and_outcomes", 4)]),
    ("Care provision, integration and continuity\nScore 3/4", [("care_provision_integration_continuity", 3)]),
    ("Partnerships and communities\nScore: 5", []),
    ("Theme 1: How London Borough of X works with people\nScore: 2", []),
    ("Barnet has an Index of Multiple Deprivation score of 3", []),
]


@pytest.mark.parametrize(("text", "expected"), SCORE_WORDINGS)
def test_score_wordings(text: str, expected: list[tuple[str, int]]) -> None:
    doc = text_doc(text)
    found = scores.parse(doc)
    assert [(s.statement_id, s.score) for s in found] == expected  # type: ignore[attr-defined]
    assert quote_problems(doc, found) == []


def test_one_score_per_statement_and_a_later_disagreement_is_flagged() -> None:
    summary = "Quality statement scores\nAssessing needs\nScore: 2\nSafeguarding\nScore: 3"
    detail = "Assessing needs\nScore: 3\n3 - Evidence shows a good standard\nSafeguarding\nScore: 3"
    found = scores.parse(text_doc(summary, detail))
    assert [(s.page, s.statement_id, s.score, s.flag) for s in found] == [  # type: ignore[attr-defined]
        (1, "assessing_needs", 2, "later statement of this score disagrees: page 2 says 3"),
        (1, "safeguarding", 3, None),
    ]


def test_a_score_whose_band_line_disagrees_is_flagged() -> None:
    found = scores.parse(text_doc("Safeguarding\nScore: 3\n2 – Evidence shows some shortfalls"))
    assert found[0].flag == "score line says 3 but the line below says 2"


def test_a_score_on_the_page_after_its_label_is_quoted_from_its_own_page() -> None:
    found = scores.parse(text_doc("Theme 3\nSafeguarding", "Score: 3\n3 – Evidence shows a good standard"))
    assert [(s.page, s.statement_id, s.quote) for s in found] == [(2, "safeguarding", "Score: 3")]  # type: ignore[attr-defined]
