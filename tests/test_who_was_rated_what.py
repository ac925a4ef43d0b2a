"""Who was rated what: ratings, overall scores and statement scores in news, council pages and
minutes, each given to the council it is about, and checked against each other.

Every sentence here was written for the test, in the ways news stories, council press releases and
minutes state an assessment's outcome; each row is read through the whole pipeline
(``lacompare.extract_text``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lacompare
from lacompare.model import QUALITY_STATEMENTS, Rating, Report, Score

KENT = "Kent County Council"
SURREY = "Surrey County Council"
MEDWAY = "Medway Council"
CQC = "The Care Quality Commission (CQC) published its assessment on Friday."


def extract(text: str) -> Report:
    return lacompare.extract_text(text)


def ratings(report: Report) -> list[tuple[str | None, str | None, object]]:
    """(council, rating, %) of each rating fact; council None: the document's own."""
    return [(f.local_authority, f.overall, f.score_pct) for f in report.facts if isinstance(f, Rating)]


def words_and_pcts(report: Report) -> set[tuple[str | None, object]]:
    found = {(f.overall, f.score_pct) for f in report.facts if isinstance(f, Rating)}
    return {(word, None) for word, _ in found if word} | {(None, pct) for _, pct in found if pct is not None}


# --- the rating in every wording (grammar: verb / adjective / noun phrase; quoted; broken line) --

WORDINGS = [
    (f"{KENT}'s adult social care has been rated good by the Care Quality Commission (CQC).", "Good", None),
    (f"The CQC has rated {KENT}'s adult social care services as requires improvement.", "Requires improvement", None),
    (f"Adult social care at {KENT} has been rated 'Good'. {CQC}", "Good", None),
    (f"The CQC rated {KENT} requires improvement.", "Requires improvement", None),
    (f"CQC inspectors say {KENT}'s adult social care services require improvement.", "Requires improvement", None),
    (f"{KENT} was told it must improve its adult social care by the CQC.", "Requires improvement", None),
    (f"{KENT}'s adult social care was found to require improvement by the CQC.", "Requires improvement", None),
    (f"{CQC} Inspectors had judged it 'Good', a spokesperson for {KENT} said.", "Good", None),
    (
        f"The CQC gave {KENT} an overall rating of “Requires\nImprovement” for its adult social care.",
        "Requires improvement",
        None,
    ),  # fmt: skip
    (f"The CQC gave {KENT} a ‘Good’ rating for its adult social care.", "Good", None),
    (f"{KENT} has received a rating of Outstanding from the CQC.", "Outstanding", None),
    (f"The CQC deemed {KENT}'s adult social care inadequate.\n", None, None),  # "deemed X inadequate": no verb link
    (f"CQC has rated {KENT} as good. Its overall score was 64 out of 100.", "Good", 64),
    (f"CQC has rated {KENT} as good, with a score of 72.", "Good", 72),
    (f"{KENT} scored 64 per cent in its CQC assessment and was rated good.", "Good", 64),
    (
        f'"We are delighted with our score of 64%," said the leader of {KENT}, after CQC rated the council good.',
        "Good",
        64,
    ),  # fmt: skip
    (f"The CQC rated {KENT} good, with an indicative score of 68%.", "Good", 68),
    (f"The CQC rated {KENT} Good (70%).", "Good", 70),
    (f"{KENT} was rated good by the CQC, scoring 72% overall.", "Good", 72),
    ("Kent adult social care 'requires improvement', says CQC", "Requires improvement", None),
    (f'The CQC said {KENT}\'s adult social care was "good".', "Good", None),
    (f"{KENT}’s adult social care was graded as good by the CQC.", "Good", None),
    (f"{KENT} has retained its good rating from the Care Quality Commission.", "Good", None),
    (
        f"Cabinet noted that the CQC had assessed {KENT}'s adult social care as Requires Improvement, with an "
        "overall score of 58%.",
        "Requires improvement",
        58,
    ),  # fmt: skip
    (f"Adult social care at {KENT}: CQC rating Good, score 70%.", "Good", 70),
    (f"{KENT} achieved a score of 70% in its CQC assessment, which equates to a rating of good.", "Good", 70),
    (f"In May 2025, {KENT} was rated good by the CQC.", "Good", None),
    (f"{KENT} was rated good in 2025, the CQC said.", "Good", None),
    (
        f"{KENT} has become one of the first councils in England to be rated outstanding by the CQC.",
        "Outstanding",
        None,
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "word", "pct"), WORDINGS)
def test_the_rating_and_overall_score_in_every_wording(text: str, word: str | None, pct: int | None) -> None:
    report = extract(text)
    expected = ({(word, None)} if word else set()) | ({(None, pct)} if pct is not None else set())
    assert words_and_pcts(report) == expected
    assert all(f.local_authority is None for f in report.facts if isinstance(f, Rating))
    assert all(not f.flag for f in report.facts if isinstance(f, Rating))


# One outcome, written as a news story, a council press release and minutes: the same facts.
RENDERINGS = [
    f"Care watchdog rates {KENT} adult social care as good\n\n{KENT} scored 70 per cent in its CQC assessment.",
    f"{KENT} press release\n\nOur adult social care services have been rated ‘Good’ by the Care Quality "
    "Commission (CQC), with an overall score of 70%.",
    f"Minutes of the Adult Social Care Committee, {KENT}\n\nThe Committee noted that the CQC had judged the "
    "council 'Good', with a score of 70 out of 100.",
    f"{KENT}\n\nThe CQC’s assessment gave the council an overall rating of good\n(70%).",
]


@pytest.mark.parametrize("text", RENDERINGS)
def test_one_outcome_in_news_press_release_and_minutes_gives_the_same_facts(text: str) -> None:
    report = extract(text)
    assert report.local_authority == KENT
    assert words_and_pcts(report) == {("Good", None), (None, 70)}


# --- only an assessment outcome is a rating ---------------------------------------------------

NOT_OUTCOMES = [
    f"{KENT}, which is just below the threshold for good, said the CQC visited in May.",
    f"{KENT} is aiming to be rated outstanding by the CQC at its next assessment.",
    f"{KENT} says it is on the way to good, after the CQC visit.",
    f"The CQC could rate {KENT} as inadequate if waiting lists grow.",
    f"{KENT}'s children's services were rated inadequate by Ofsted in 2023, the CQC noted.",
    f"Most care homes in {KENT} are rated good by the CQC.",
    f"85% of home care providers in {KENT} were rated good or outstanding by the CQC.",
    f"The CQC rated {KENT} ‘Outstanding’ in two areas.",
    f"The CQC rated {KENT} good for safeguarding.",
    "CQC's bands: a score of 63 to 87% is rated good.",
    f"Councillors heard the CQC would rate {KENT} good if it cut waiting lists.",
    "The CQC has awarded ‘good’ ratings for adult social care provision at three councils.",
    "Three councils rated good by the CQC this week.",
    f"{KENT} says it is on track for a good rating at its next CQC assessment.",
    f"{KENT} is expected to be rated good by the CQC.",
    f"{KENT} has improved on its previous rating of requires improvement, the CQC said in its letter.",
    f"The CQC said {KENT}'s adult social care was good at listening to carers.",
]


@pytest.mark.parametrize("text", NOT_OUTCOMES)
def test_hypotheticals_aims_other_services_and_parts_of_the_work_are_no_rating(text: str) -> None:
    assert ratings(extract(text)) == []


def test_an_areas_word_under_a_ratings_heading_is_no_overall_rating() -> None:
    text = (
        f"CQC ratings by area\n\nSafeguarding: Good\nLeadership: Requires improvement\n\nThe CQC rated {KENT} as good."
    )
    assert [(r.overall, r.quote) for r in extract(text).facts if isinstance(r, Rating)] == [
        ("Good", f"The CQC rated {KENT} as good.")
    ]


def test_another_services_rating_beside_the_councils_leaves_only_the_councils() -> None:
    text = f"{KENT}'s children's services were rated inadequate by Ofsted. CQC rated its adult social care as good."
    assert ratings(extract(text)) == [(None, "Good", None)]


# --- attribution: every figure belongs to the council its sentence (or the subject before) names --

ATTRIBUTIONS = [
    (
        f"{KENT} was rated good by the CQC, while neighbouring {SURREY} was rated requires improvement.",
        KENT,
        [(None, "Good", None), (SURREY, "Requires improvement", None)],
    ),
    (
        f"{KENT} scored 58% in its CQC assessment, while {SURREY} scored 66%.",
        KENT,
        [(None, None, 58), (SURREY, None, 66)],
    ),
    (
        f"Following {SURREY}'s inadequate rating last year, {KENT} has been rated good by the CQC.",
        KENT,
        [(SURREY, "Inadequate", None), (None, "Good", None)],
    ),
    (
        f"{KENT} has been rated good by the CQC. {MEDWAY} was rated requires improvement in March.",
        KENT,
        [(None, "Good", None), (MEDWAY, "Requires improvement", None)],
    ),
    (  # a round-up: nobody's document, each council its own rating
        f"Three councils rated good\n\nEssex County Council, {SURREY} and {KENT} were all assessed as ‘good’ by CQC.",
        None,
        [("Essex County Council", "Good", None), (SURREY, "Good", None), (KENT, "Good", None)],
    ),
    (  # a neighbour's figure in a possessive owns nothing of the council's
        f"{KENT} rated requires improvement\n\n{KENT}'s score of 58% was below {SURREY}'s 66%, the CQC said.",
        KENT,
        [(None, "Requires improvement", None), (None, None, 58)],
    ),
    (  # a relative clause goes on speaking of the name before it
        f"{KENT} rated requires improvement\n\nLike {SURREY}, which scored 66%, {KENT} was rated requires "
        "improvement by the CQC.",
        KENT,
        [(None, "Requires improvement", None), (SURREY, None, 66)],
    ),
    (
        f"{KENT} rated requires improvement\n\nThe CQC rated {KENT} requires improvement with 58%, compared with "
        f"66% for neighbouring {SURREY}.",
        KENT,
        [(None, "Requires improvement", 58)],
    ),
    (  # the headline names the council by its place alone
        "Care watchdog rates Medway adult social care as good\n\nThe CQC visited in May.",
        MEDWAY,
        [(None, "Good", None)],
    ),
]


def test_a_fact_about_another_council_says_which_document_it_was_stated_in() -> None:
    text = f"{KENT} has been rated good by the CQC. {MEDWAY} was rated requires improvement in March."
    flags = [(f.local_authority, f.flag) for f in extract(text).facts if isinstance(f, Rating)]
    assert flags == [(None, None), (MEDWAY, f"stated in a document about {KENT}")]


def test_diff_and_rank_take_no_rating_from_a_text_about_another_council() -> None:
    """Medway's rating in a story about Kent is Medway's, flagged, but counts for no council in
    ``diff`` or ``rank``: a council's rating comes from texts about it (or a round-up of several)."""
    from lacompare.catalogue.authorities import find
    from lacompare.library.values import values_of

    text = f"{KENT} has been rated good by the CQC. {MEDWAY} was rated requires improvement in March."
    report = extract(text)
    kent = find(KENT)
    assert kent is not None
    found = [(v.gss_code, v.value) for v in values_of(report, kent.gss_code) if v.metric_id == "rating.overall"]
    assert found == [(kent.gss_code, "Good"), (None, "Requires improvement")]


@pytest.mark.parametrize(("text", "council", "expected"), ATTRIBUTIONS)
def test_each_rating_belongs_to_the_council_its_sentence_names(
    text: str, council: str | None, expected: list[tuple[str | None, str | None, object]]
) -> None:
    report = extract(text)
    assert report.local_authority == council
    assert ratings(report) == expected


def test_a_figure_with_no_council_of_its_own_belongs_to_the_subject_before_it() -> None:
    text = (
        f"{KENT} has been rated good by the CQC, with a score of 70%.\n\n"
        f"{MEDWAY} was rated requires improvement by the CQC. It received a two for safeguarding."
    )
    report = extract(text)
    scores = [(s.local_authority, s.statement_id, s.score) for s in report.facts if isinstance(s, Score)]
    assert scores == [(MEDWAY, "safeguarding", 2)]


# --- statement scores in words and by theme --------------------------------------------------

SCORE_WORDINGS = [
    (
        "The council received a three for safeguarding and a two for partnerships.",
        {"safeguarding": 3, "partnerships_and_communities": 2},
    ),  # fmt: skip
    ("It received an indicative score of three for assessing needs.", {"assessing_needs": 3}),
    ("It scored 2 out of 4 for learning, improvement and innovation.", {"learning_improvement_innovation": 2}),
    ("Inspectors gave a score of 4 for ‘partnership and communities’.", {"partnerships_and_communities": 4}),
    ("It was given a four for leadership.", {"governance_management_sustainability": 4}),
    (
        "The authority scored a two for assessing people's needs and a one for safeguarding.",
        {"assessing_needs": 2, "safeguarding": 1},
    ),  # fmt: skip
    ("Three areas achieved a score of three for better performance in system safety.", {}),
]


@pytest.mark.parametrize(("sentence", "expected"), SCORE_WORDINGS)
def test_statement_scores_in_words(sentence: str, expected: dict[str, int]) -> None:
    report = extract(f"The CQC has rated {KENT} as good. {sentence}")
    found = {s.statement_id: s.score for s in report.facts if isinstance(s, Score)}
    assert found == expected
    assert all(not s.flag for s in report.facts if isinstance(s, Score))  # the quote rule holds


# --- the consistency check: flagged with the reason, never corrected ---------------------------

NINE = "\n".join(
    f"{label} - {n}"
    for label, n in zip(
        (
            "Assessing needs",
            "Supporting people to lead healthier lives",
            "Equity in experience and outcomes",
            "Care provision, integration and continuity",
            "Partnerships and communities",
            "Safe pathways, systems and transitions",
            "Safeguarding",
            "Governance, management and sustainability",
            "Learning, improvement and innovation",
        ),  # fmt: skip
        (2, 3, 3, 2, 2, 2, 2, 3, 3),  # 22 of 36: 61%, Requires improvement
        strict=True,
    )
)
CONSISTENCY = [
    (f"The CQC rated {KENT} good, with a score of 70%.", None),
    (f"The CQC rated {KENT} good, with a score of 58%.", "58% is in CQC's 'Requires improvement' band, not 'Good'"),
    (f"The CQC rated {KENT} good.\n\n{NINE}", "sum to 22 of 36 (61%), CQC's 'Requires improvement' band, not 'Good'"),
    (f"The CQC rated {KENT} requires improvement, with a score of 61%.\n\n{NINE}", None),
    (f"The CQC rated {KENT} requires improvement, with a score of 55%.\n\n{NINE}", "sum to 22 of 36 (61%), not 55%"),
]


@pytest.mark.parametrize(("text", "reason"), CONSISTENCY)
def test_rating_percentage_and_nine_scores_are_checked_against_each_other(text: str, reason: str | None) -> None:
    found = [f for f in extract(text).facts if isinstance(f, Rating)]
    assert found, "the rating is kept, flagged or not"
    flags = " ".join(f.flag or "" for f in found)
    assert (reason in flags) if reason else not flags


def test_each_council_is_checked_on_its_own_figures() -> None:
    text = f"The CQC rated {KENT} good, with a score of 70%, while {SURREY} was rated inadequate, scoring 30%."
    assert [(r.local_authority, r.flag) for r in extract(text).facts if isinstance(r, Rating)] == [
        (None, None),
        (SURREY, f"stated in a document about {KENT}"),  # Surrey's figures agree; where they were said is noted
    ]


# --- a league: several councils' results side by side ----------------------------------------

LEAGUES = [
    (
        "CQC pilot results\n\nThe CQC's indicative scores for the pilot councils were Nottingham City Council 60%, "
        "Suffolk County Council 70% and Lincolnshire County Council 68%.",
        [
            ("Nottingham City Council", None, 60),
            ("Suffolk County Council", None, 70),
            ("Lincolnshire County Council", None, 68),
        ],  # fmt: skip
    ),
    (
        f"Regional round-up of CQC ratings\n\n{KENT} – Good (70%)\n{SURREY} – Requires improvement (58%)\n"
        f"{MEDWAY} – Good (66%)",
        [(KENT, "Good", 70), (SURREY, "Requires improvement", 58), (MEDWAY, "Good", 66)],
    ),
    (
        f"How the region was rated by CQC\n\n| Council | Rating | Score |\n| {KENT} | Good | 70% |\n"
        f"| {SURREY} | Requires improvement | 58% |",
        [(KENT, "Good", 70), (SURREY, "Requires improvement", 58)],
    ),
    (
        f"CQC publishes three assessments\n\nThe CQC has rated three councils: {KENT} (Good), {SURREY} (Requires "
        f"improvement, 58%) and {MEDWAY} (Outstanding).",
        [(KENT, "Good", None), (SURREY, "Requires improvement", 58), (MEDWAY, "Outstanding", None)],
    ),
    (
        f"• {KENT}: 70%\n• {SURREY}: 58%\n\nThe CQC published both councils' scores, 70% and 58%, on Friday.",
        [(KENT, None, 70), (SURREY, None, 58)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEAGUES)
def test_a_league_gives_each_council_its_own_result_and_is_nobodys_document(
    text: str, expected: list[tuple[str | None, str | None, object]]
) -> None:
    report = extract(text)
    assert report.local_authority is None
    assert ratings(report) == expected


def test_a_name_followed_by_a_share_is_no_league() -> None:
    report = extract(f"{KENT} rated good by CQC\n\nIn {KENT}, 60% of carers were satisfied, the CQC found.")
    assert ratings(report) == [(None, "Good", None)]


# --- real documents (OGL, copied in tests/real_documents with their gold) ----------------------

REAL = sorted((Path(__file__).parent / "real_documents" / "text").glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_rating_and_score_of_a_real_document_is_its_own_councils_and_consistent(path: Path) -> None:
    # CQC pages, press releases and councils' news pages: each about one council, whose figures agree.
    report = lacompare.extract(path)
    facts = [f for f in report.facts if isinstance(f, Rating | Score)]
    assert [f.local_authority for f in facts if f.local_authority] == []
    assert [f.flag for f in facts if isinstance(f, Rating) and f.flag] == []


# --- nine scores in a news story, however the list is drawn -----------------------------------

_NINE_SCORES = (2, 3, 3, 2, 3, 2, 3, 3, 3)
_LABELS = (
    "Assessing needs", "Supporting people to live healthier lives", "Equity in experience and outcomes",
    "Care provision, integration and continuity", "Partnerships and communities",
    "Safe pathways, systems and transitions", "Safeguarding", "Governance, management and sustainability",
    "Learning, improvement and innovation",
)  # fmt: skip
_THEMES = {0: "Working with people", 3: "Providing support", 5: "Ensuring safety", 7: "Leadership"}
SCORE_LISTS = {
    "dash": "\n".join(f"{label} - {n}" for label, n in zip(_LABELS, _NINE_SCORES, strict=True)),
    "colon": "\n".join(f"• {label}: {n}" for label, n in zip(_LABELS, _NINE_SCORES, strict=True)),
    "out-of-4": "\n".join(f"{label} – score {n} out of 4" for label, n in zip(_LABELS, _NINE_SCORES, strict=True)),
    "bracketed": "\n".join(f"{label} (score: {n})" for label, n in zip(_LABELS, _NINE_SCORES, strict=True)),
    "scored": "\n".join(f"{label} – scored {n}" for label, n in zip(_LABELS, _NINE_SCORES, strict=True)),
    "theme-headings": "\n".join(
        (f"Theme: {_THEMES[i]}\n" if i in _THEMES else "") + f"{label}: {n}"
        for i, (label, n) in enumerate(zip(_LABELS, _NINE_SCORES, strict=True))
    ),
    "table": "| Theme | Quality statement | Score |\n"
    + "\n".join(
        f"| {_THEMES.get(i, '')} | {label} | {n} |"
        for i, (label, n) in enumerate(zip(_LABELS, _NINE_SCORES, strict=True))
    ),
}


@pytest.mark.parametrize("rendering", SCORE_LISTS)
def test_nine_scores_in_a_news_story_however_listed(rendering: str) -> None:
    text = f"The CQC has rated {KENT} as good.\n\n{KENT} received the following scores:\n\n{SCORE_LISTS[rendering]}"
    report = extract(text)
    found = {s.statement_id: s.score for s in report.facts if isinstance(s, Score)}
    assert found == dict(zip(QUALITY_STATEMENTS, _NINE_SCORES, strict=True))
    assert all(f.local_authority is None and not f.flag for f in report.facts if isinstance(f, Rating | Score))


def test_every_score_of_a_list_belongs_to_the_council_the_sentence_before_the_list_names() -> None:
    text = (
        f"{KENT} rated good by CQC\n\n{KENT} has been rated good by the CQC.\n\n"
        f"{SURREY} was rated requires improvement. {SURREY} received these scores:\n\n{SCORE_LISTS['dash']}"
    )
    owners = {s.local_authority for s in extract(text).facts if isinstance(s, Score)}
    assert owners == {SURREY}


def test_a_councils_own_paper_stating_its_rating_gives_it_whatever_the_papers_kind() -> None:
    """The rating's grammar decides, not the document's kind: a local account or a performance
    report that states the council's assessment gives its rating and score."""
    text = (
        "Adult Social Care Local Account 2023/24\n"
        "In 2023/24, 85.2% of people who use services said they felt safe.\n"
        "Our Care Quality Commission assessment rated us as good, with a score of 68%.\n"
    )
    for kind in (None, "performance_report", "unknown"):
        report = lacompare.extract_text(text, kind=kind)
        assert [(r.overall, r.score_pct) for r in report.of_kind("rating")] == [("Good", 68)], kind
