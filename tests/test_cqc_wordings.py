"""Ratings and quality-statement scores in the forms real CQC pages, press releases and news use.

Each row is raw text as a reader meets it (bullets, indentation, numbered lists, flattened web
tables), read through the whole pipeline: normaliser, blocks, parsers.
"""

from __future__ import annotations

import pytest

from lacompare.model import QUALITY_STATEMENTS, Rating, Score
from lacompare.parsers.cqc import rating, scores
from lacompare.parsers.cqc.statements import statement_id
from lacompare.readers import document_from_bytes
from lacompare.readers.base import Document

from .parser_helpers import quote_problems

NINE = tuple(QUALITY_STATEMENTS)


def read(text: str, name: str = "page.txt") -> Document:
    return document_from_bytes(text.encode("utf-8"), name)


def ratings_of(text: str) -> list[tuple[str | None, object]]:
    doc = read(text)
    found = rating.parse(doc)
    assert quote_problems(doc, found) == []
    return [(r.overall, r.score_pct) for r in found if isinstance(r, Rating)]


def scores_of(text: str) -> dict[str, int]:
    doc = read(text)
    found = scores.parse(doc)
    assert quote_problems(doc, found) == []
    return {s.statement_id: s.score for s in found if isinstance(s, Score)}


RATINGS = [
    # the web layout: the rating under the council's name, as a bullet with an indented value
    (
        "Local authority rating and score\n\n  • Hartlepool Borough Council\n    Good\n"
        "Overall rating for Hartlepool Borough Council: 70%\n",
        [("Good", 70)],
    ),
    (
        "Local authority rating and score\n\n  • Hertfordshire County Council\n    Good\n"
        "Hertfordshire County Council scored 78 out of 100 overall, indicating a good standard\n",
        [("Good", 78)],
    ),
    # press-release headlines and sentences
    ("CQC rates Hertfordshire County Council’s adult social care provision as good\n", [("Good", None)]),
    (
        "The Care Quality Commission (CQC), has rated Norfolk County Council as requires improvement, in how "
        "well they are meeting their responsibilities.\n",
        [("Requires improvement", None)],
    ),
    (
        "The Council’s adult social care provision has received a ‘Good’ rating, achieving an overall score "
        "of 70% across the categories considered.\n",
        [("Good", 70)],
    ),
    (
        "Our adult social care services have been rated as ‘GOOD’ by the Care Quality Commission (CQC).\n",
        [("Good", None)],
    ),
    (
        "A local authority has become the first in England to be rated as “inadequate” over its adult social "
        "care responsibilities.\n",
        [("Inadequate", None)],
    ),
    (
        "Hertfordshire County Council, Hounslow Council and West Berkshire Council were all assessed as ‘good’.\n",
        [("Good", None)] * 3,  # one per council: see the round-up test below
    ),
    ("CQC looked at nine areas in order to create their good rating.\n", [("Good", None)]),
    (
        "This assessment resulted in the council receiving an overall rating of Good with a score of 70%.\n",
        [("Good", 70)],
    ),
    ("The council’s services received an overall rating of 81 per cent, the third highest.\n", [(None, 81)]),
    # not the council's current overall rating
    ("Good\nThe service is performing well and meeting our expectations -63 to 87%\n", []),
    ("Inadequate\nThe service is performing badly - 38% or lower.\n", []),
    ("The CQC rated the council ‘Outstanding’ in two areas and ‘Good’ in all others.\n", []),
    ("100% of supported living services were rated good by CQC.\n", []),
    ("85% of care homes were rated Good or Outstanding, compared to 81% in England.\n", []),
    ("Our ambition is to be rated outstanding at our next assessment.\n", []),
    ("In 2009-10 CQC rated the council’s adult social care as good.\n", []),
    ("The regulator awarded the second top rating behind outstanding to none of them.\n", []),
]


@pytest.mark.parametrize(("text", "expected"), RATINGS)
def test_rating_wordings(text: str, expected: list[tuple[str | None, object]]) -> None:
    assert ratings_of(text) == expected


SCORES = [
    # numbered and bulleted lists with the score after a dash or a colon
    (
        "  1. Assessing people’s needs – 2\n  2. Supporting people to lead healthier lives – 3\n"
        "  7. Safeguarding - 1\n",
        {"assessing_needs": 2, "supporting_healthier_lives": 3, "safeguarding": 1},
    ),
    (
        "- Care provision, integration and continuity of care: 2\n- Partnership and communities: 2\n",
        {"care_provision_integration_continuity": 2, "partnerships_and_communities": 2},
    ),
    # the press release's own names for the first statement of each theme
    (
        "1. how the local authority works with people – 3\n"
        "4. providing support (care provision, integration and continuity) – 3\n"
        "6. how the local authority ensures safety in the system – 3\n7. safeguarding –\n8. leadership – 2\n",
        {
            "assessing_needs": 3,
            "care_provision_integration_continuity": 3,
            "safe_pathways_systems_transitions": 3,
            "governance_management_sustainability": 2,
        },
    ),
    # a web table flattened into cells, one per line
    (
        "Theme\nArea\nScore\nHow the local authority works with people\n1.    assessing people’s needs\n2\n"
        "2.    supporting people to lead healthier lives\n2\nLeadership\n"
        "8.    governance, management and sustainability\n3\n",
        {"assessing_needs": 2, "supporting_healthier_lives": 2, "governance_management_sustainability": 3},
    ),
    # ... and into pipe cells over lines
    (
        "Theme |\nArea |\nScore |\n|---|---|---|\n|\nHow the local authority works with people |\n"
        "1. assessing people’s needs |\n3 |\n| 2. supporting people to lead healthier lives |\n3 | |\n"
        "| Providing support | 4. care provision, integration and continuity of care |\n2 |\n",
        {"assessing_needs": 3, "supporting_healthier_lives": 3, "care_provision_integration_continuity": 2},
    ),
    # prose that names one statement and scores the rest together
    (
        "Hertfordshire County Council received the highest rating of 4 for ‘partnership and communities’, "
        "and a score of 3 for all other areas.\n",
        {sid: 4 if sid == "partnerships_and_communities" else 3 for sid in NINE},
    ),
    # not quality-statement scores
    ("Barnet has an Index of Multiple Deprivation score of 4.\n", {}),
    ("Each area gets a score from 1 to 4\n1 = inadequate\n2 = requires improvement\n", {}),
    ("The rated ‘Outstanding’ in two (Partnerships & Communities) and ‘Good’ in all others.\n", {}),
]


@pytest.mark.parametrize(("text", "expected"), SCORES)
def test_score_wordings(text: str, expected: dict[str, int]) -> None:
    assert scores_of(text) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Assessing needs", "assessing_needs"),
        ("1. Assessing people’s needs", "assessing_needs"),
        ("Supporting people to live healthier lives", "supporting_healthier_lives"),
        ("Care provision, integration and continuity of care", "care_provision_integration_continuity"),
        ("Partnerships & Communities", "partnerships_and_communities"),
        ("Safe systems, pathways and transitions", "safe_pathways_systems_transitions"),
        ("‘learning, improvement and innovation’", "learning_improvement_innovation"),
        ("Quality statement: Safeguarding", "safeguarding"),
        ("Deprivation", None),
        ("Theme 1: How London Borough of X works with people", None),
    ],
)
def test_statement_names(label: str, expected: str | None) -> None:
    assert statement_id(label) == expected


SUMMARY = (
    "Local authority rating and score\n\n{item}Hartlepool Borough Council\n{indent}Good\n"
    "Overall rating for Hartlepool Borough Council: 70%\n\nQuality statement scores\n\n"
    "{item}Assessing needs\n{indent}Score: 3\n{item}Safeguarding\n{indent}Score: 2\n"
)


def facts_of(doc: Document) -> list[tuple[str, object]]:
    found = rating.parse(doc) + scores.parse(doc)
    return sorted((m.metric_id, m.value) for fact in found for m in fact.measures())


@pytest.mark.parametrize(
    ("item", "indent"),
    [("  • ", "    "), ("• ", ""), ("- ", "  "), ("", "")],
    ids=["bullets-indented", "bullets", "dashes", "plain-lines"],
)
def test_the_summary_gives_the_same_facts_however_its_list_is_drawn(item: str, indent: str) -> None:
    assert facts_of(read(SUMMARY.format(item=item, indent=indent))) == [
        ("qs.assessing_needs", 3),
        ("qs.safeguarding", 2),
        ("rating.overall", "Good"),
        ("rating.score_pct", 70),
    ]


def test_the_summary_saved_as_html_gives_the_same_facts() -> None:
    markup = (
        "<html><body><h2>Local authority rating and score</h2><ul><li><p>Hartlepool Borough Council</p>"
        "<p>Good</p></li></ul><p>Overall rating for Hartlepool Borough Council: 70%</p>"
        "<h2>Quality statement scores</h2><ul><li>Assessing needs<br>Score: 3</li>"
        "<li>Safeguarding<br>Score: 2</li></ul></body></html>"
    )
    html = document_from_bytes(markup.encode(), "summary.html")
    assert facts_of(html) == facts_of(read(SUMMARY.format(item="• ", indent="")))


def test_a_score_table_saved_as_html_gives_the_same_facts_as_its_text() -> None:
    markup = (
        "<table><tr><th>Theme</th><th>Area</th><th>Score</th></tr>"
        "<tr><td>How the local authority works with people</td><td><p>1. assessing people’s needs</p></td>"
        "<td>2</td></tr><tr><td></td><td>7. safeguarding</td><td>3</td></tr></table>"
    )
    html = document_from_bytes(markup.encode(), "scores.html")
    assert facts_of(html) == [("qs.assessing_needs", 2), ("qs.safeguarding", 3)]


def test_a_rewrapped_press_release_gives_the_same_facts() -> None:
    one_line = (
        "The Care Quality Commission (CQC), has rated Kent County Council as requires improvement, in how "
        "well they are meeting their responsibilities.\n\n1. Assessing people’s needs – 2\n"
    )
    wrapped = (
        "The Care Quality Commission (CQC), has rated Kent County Council as\nrequires improvement, in how "
        "well they are meeting\ntheir responsibilities.\n\n1. Assessing people’s needs – 2\n"
    )
    assert (
        facts_of(read(wrapped))
        == facts_of(read(one_line))
        == [
            ("qs.assessing_needs", 2),
            ("rating.overall", "Requires improvement"),
        ]
    )


def test_a_round_up_gives_each_council_it_rates_its_own_rating() -> None:
    doc = read(
        "First three councils rated by CQC\n\nHertfordshire County Council, Hounslow Council and West Berkshire "
        "Council were all assessed as ‘good’ by the Care Quality Commission (CQC).\n"
    )
    found = [r for r in rating.parse(doc) if isinstance(r, Rating)]
    assert [(r.local_authority, r.overall) for r in found] == [
        ("Hertfordshire County Council", "Good"),
        ("London Borough of Hounslow", "Good"),
        ("West Berkshire Council", "Good"),
    ]


def test_a_fact_about_another_council_names_it_in_its_row() -> None:
    from lacompare import extract_text
    from lacompare.render.rows import report_rows

    report = extract_text(
        "Hertfordshire County Council and Hounslow Council were both rated as good by the Care Quality "
        "Commission (CQC).\n"
    )
    assert [(row["local_authority"], row["value"]) for row in report_rows(report) if row["fact"] == "rating"] == [
        ("Hertfordshire County Council", "Good"),
        ("London Borough of Hounslow", "Good"),
    ]
