"""The general prose-measure reader (lacompare.extractors.prose), written as a spec.

Each table row is one sentence a council might print and the one indicator row it states:
(description, result, previous, target, period). The negatives state no measure's value.
The sentences are written here; the corpus tests read real documents when ../shared is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lacompare.extractors import prose
from lacompare.model import Indicator
from tests.parser_helpers import quote_problems, text_doc

Row = tuple[str, str | None, str | None, str | None, str | None]


def rows(*pages: str) -> list[Indicator]:
    facts = prose.read(text_doc(*pages))
    assert all(isinstance(f, Indicator) for f in facts)
    return [f for f in facts if isinstance(f, Indicator)]


def only_row(text: str) -> Row:
    found = rows(text)
    assert len(found) == 1, [(f.description, f.result) for f in found]
    f = found[0]
    return (f.description, f.result, f.previous, f.target, f.period)


# ---- "N <measure> …, compared to M in YEAR" --------------------------------------------------

COMPARED = [
    (
        "4,512 adults received long term support, compared to 4,390 in 2022-23 (+2.8%).",
        ("adults who received long term support", "4,512", "4,390", None, None),
    ),
    (
        "9,104 requests for support were received, compared with 8,877 in 2021/22.",
        ("requests for support received", "9,104", "8,877", None, None),
    ),
    (
        "612 carers were assessed and reviewed, compared to 580 in 2022-23",
        ("carers assessed and reviewed", "612", "580", None, None),
    ),
    (
        "1,875 clients were accessing home care at the end of 2023/24, compared to 1,790 at the end of 2022/23 (+4.7%)",
        ("clients accessing home care", "1,875", "1,790", None, "2023-24"),
    ),
    (
        "In 2023-24 we received 41,220 new contacts compared to the previous year's 39,870.",
        ("new contacts", "41,220", "39,870", None, "2023-24"),
    ),
    (
        "During 2022/23 the council supported 2,345 people with a direct payment, "
        "compared with 2,101 the previous year.",
        ("people with a direct payment", "2,345", "2,101", None, "2022-23"),
    ),
    (
        "388 people started a reablement package, including those in extra care, compared to 351 in 2021-22.",
        ("people who started a reablement package", "388", "351", None, None),
    ),
    (
        "The number of delayed days was 5,980 in 2016/17 compared with 5,680 in 2015/16.",
        ("delayed days", "5,980", "5,680", None, "2016-17"),
    ),
    (
        "3,950 adults with eligible needs during the year, a small increase compared to the previous year (3,812).",
        ("adults with eligible needs during the year", "3,950", "3,812", None, None),
    ),
    (
        "There were 5980 delayed days in 16/17 compared with 5680 in 15/16.",
        ("delayed days", "5980", "5680", None, "2016-17"),
    ),
    (
        "245 residents were supported by the hospital discharge team in Q3, compared with 198 in Q3 2022/23.",
        ("residents supported by the hospital discharge team", "245", "198", None, "Q3"),
    ),
    (
        "1,402 young carers are known to the service, compared to 1,288 in 2022.",
        ("young carers known to the service", "1,402", "1,288", None, None),
    ),
    (
        "Emergency admissions for falls stood at 17.4 per 1,000 compared to 18.9 in 2019-20.",
        ("Emergency admissions for falls", "17.4", "18.9", None, None),
    ),
]

# ---- "<measure> rose from M [in Y1] to N [in Y2]" --------------------------------------------

FROM_TO = [
    (
        "The proportion of carers who feel involved in decisions has increased "
        "from 64.2% in 2019-20 to 70.3% in 2021-22.",
        ("proportion of carers who feel involved in decisions", "70.3%", "64.2%", None, "2021-22"),
    ),
    (
        "Permanent admissions of younger adults fell from 21.5 in 2021/22 to 17.1 in 2022/23.",
        ("Permanent admissions of younger adults", "17.1", "21.5", None, "2022-23"),
    ),
    (
        "The number of people using shared lives went up from 48 to 57 in 2023.",
        ("people using shared lives", "57", "48", None, "2023"),
    ),
    (
        "The number of safeguarding enquiries rose in 2023/24 by 9.2%, from 1,203 the previous year, to 1,314.",
        ("safeguarding enquiries", "1,314", "1,203", None, "2023-24"),
    ),
    (
        "Survey results show that the percentage of people who find it easy to get information has decreased "
        "from 71.8% in 2018-19 to 66.0% in 2019-20.",
        ("percentage of people who find it easy to get information", "66.0%", "71.8%", None, "2019-20"),
    ),
    (
        "Carers receiving a direct payment has risen by 12% (45) on the previous year, from 375 in 2022/23 to 420.",
        ("Carers receiving a direct payment", "420", "375", None, None),
    ),
    (
        "Average length of stay in hospital dropped from 9.5 days to 8.1 days during 2024.",
        ("Average length of stay in hospital", "8.1", "9.5", None, "2024"),
    ),
]

# ---- "<measure> increased to N[%] [in YEAR]" (result only) ------------------------------------

CHANGE_TO = [
    (  # bug: the form's quick keyword test had its own list of verbs, without "come down"
        "Delayed transfers of care have come down to 4.1 in 2023/24.",
        ("Delayed transfers of care", "4.1", None, None, "2023-24"),
    ),
    (
        "Overall satisfaction of carers with social services increased to 38.5% in 2023/24, "
        "an increase of 2.1% on 2021/22.",
        ("Overall satisfaction of carers with social services", "38.5%", None, None, "2023-24"),
    ),
    (
        "The number of council homes meeting the decency standard rose to 91.2%, representing 812 of 890 homes.",
        ("council homes meeting the decency standard", "91.2%", None, None, None),
    ),
    (
        "Delayed transfers of care fell to 0.5 per 100,000 population in Q2.",
        ("Delayed transfers of care", "0.5", None, None, "Q2"),
    ),
    (
        "Uptake of annual health checks for people with a learning disability has improved to 78% in 2023.",
        ("Uptake of annual health checks for people with a learning disability", "78%", None, None, "2023"),
    ),
    (
        "The rate of repeat referrals rose to 22.4%, up from 19.0% in 2022-23.",
        ("rate of repeat referrals", "22.4%", "19.0%", None, None),
    ),
]

# ---- "N (M in YEAR)", "N, an improvement on YEAR (M)", "… the previous year (M)" ----------------

BRACKETS = [
    (
        "1,904 went on to receive home care (2,011 in 2021-22)",
        ("went on to receive home care", "1,904", "2,011", None, None),
    ),
    (
        "512 older people were placed in residential care (540 in 2022/23).",
        ("older people placed in residential care", "512", "540", None, None),
    ),
    (
        "Reviews completed on time were 81.4%, an improvement on 2022/23 (76.9%).",
        ("Reviews completed on time", "81.4%", "76.9%", None, None),
    ),
    (
        "72.8% of service users were supported at home, this is a slight increase from the previous year (71.5%).",
        ("service users supported at home", "72.8%", "71.5%", None, None),
    ),
    (
        "Hospital discharges to usual residence were 93.5% in 2023-24, down from 94.1% in 2022-23.",
        ("Hospital discharges to usual residence", "93.5%", "94.1%", None, "2023-24"),
    ),
    (
        "Carers assessments completed rose to 1,120 (2022-23: 1,045).",
        ("Carers assessments completed", "1,120", "1,045", None, None),
    ),
]

# ---- a figure dated by its period in brackets right after it: "27.3% (Q2 2024/25)" ----------------

PERIOD_IN_BRACKETS = [
    (
        "Direct payments: 27.3% (Q2 2024/25) compared with 26.9% at Q1.",
        ("Direct payments", "27.3%", "26.9%", None, "Q2 2024-25"),
    ),
    (
        "Carers assessed: 1,204 (2023/24) compared to 1,118 (2022/23).",
        ("Carers assessed", "1,204", "1,118", None, "2023-24"),
    ),
    (
        "Delayed transfers of care: 4.1 per 100,000 (March 2024) compared with 5.3 in March 2023.",
        ("Delayed transfers of care", "4.1", "5.3", None, "March 2024"),
    ),
    (
        "New contacts: 10,412 (Q3 2023/24), compared with 9,870 (Q2 2023/24).",
        ("New contacts", "10,412", "9,870", None, "Q3 2023-24"),
    ),
    (
        "Admissions to residential care rose to 512 (2023/24) from 489 (2022/23).",
        ("Admissions to residential care", "512", "489", None, "2023-24"),
    ),
    (
        "The number of reviews completed increased from 2,310 (2022/23) to 2,604 (2023/24).",
        ("reviews completed", "2,604", "2,310", None, "2023-24"),
    ),
    (
        "Safeguarding enquiries: 1,077 (2023-24 provisional) compared with 1,012 in 2022-23.",
        ("Safeguarding enquiries", "1,077", "1,012", None, "2023-24"),
    ),
    (
        "Safeguarding enquiries: 1,077 (provisional 2023-24) compared with 1,012 (2022-23, final).",
        ("Safeguarding enquiries", "1,077", "1,012", None, "2023-24"),
    ),
]


@pytest.mark.parametrize(
    ("sentence", "previous_period"),
    [
        ("Carers assessed: 1,204 (2023/24) compared to 1,118 (2022/23).", "2022-23"),
        ("New contacts: 10,412 (Q3 2023/24), compared with 9,870 (Q2 2023/24).", "Q2 2023-24"),
        ("The number of reviews completed increased from 2,310 (2022/23) to 2,604 (2023/24).", "2022-23"),
        ("Direct payments: 27.3% (Q2 2024/25) compared with 26.9% at Q1.", "Q1"),  # no year is invented
    ],
)
def test_the_earlier_figures_period_in_brackets_is_its_own(sentence: str, previous_period: str) -> None:
    (row,) = rows(sentence)
    assert row.previous_period == previous_period


def test_a_share_in_brackets_dates_nothing() -> None:
    assert only_row("612 (29%) carers were assessed, compared to 580 in 2022-23.")[4] is None


def test_a_forecast_in_brackets_is_no_result() -> None:
    assert rows("Safeguarding enquiries: 1,077 (2024/25 forecast) compared with 1,012 in 2023-24.") == []


# ---- a rate and its base: "512.3 per 100,000 population" --------------------------------------

RATES = [
    (
        "Permanent admissions to care homes fell to 512.3 per 100,000 in 2023/24 from 560.1 in 2022/23.",
        ("Permanent admissions to care homes", "512.3", "560.1", None, "2023-24"),
    ),
    (
        "17.1 incidents per 1,000 people against a maximum target of 15",
        ("incidents per 1,000 people", "17.1", None, "15", None),
    ),
    (
        "Delayed discharges fell to 9.2 for every 100,000 people in 2023/24, down from 11.4 in 2022/23.",
        ("Delayed discharges", "9.2", "11.4", None, "2023-24"),
    ),
]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rate fell to 512.3 per 100,000 population in 2023/24, down from 560.1 in 2022/23.",
        "The rate rose to 31.4 per 1,000 people (2023/24), up from 29.8 (2022/23).",
    ],
)
def test_a_rates_base_is_never_a_value(sentence: str) -> None:
    """ "The rate" names no measure, so no row; the base (100,000) is never read as the result."""
    assert all(f.result not in ("100,000", "1,000") for f in rows(sentence))


# ---- targets ---------------------------------------------------------------------------------

TARGETS = [
    (
        "NI 130 Self Directed Support – Achieved 61.20% against a target of 60%, an improvement from 44.5% in 2010/11",
        ("Self Directed Support", "61.20%", "44.5%", "60%", None),
    ),
    (
        "AS01 Reviews – Achieved 90.4% against a target of 88%, an improvement on 2011/12 (86.3%)",
        ("Reviews", "90.4%", "86.3%", "88%", None),
    ),
    (
        "A rise in the number of missed bin collections at 42.3 per 100,000 collections "
        "against a maximum target of 40;",
        ("missed bin collections", "42.3", None, "40", None),
    ),
    (
        "Timeliness of financial assessments was 78.0% against a milestone target of 85.0%.",
        ("Timeliness of financial assessments", "78.0%", None, "85.0%", None),
    ),
    (
        "Performance on hospital discharges within 48 hours was 314, which was within the target of 350.",
        ("Performance on hospital discharges within 48 hours", "314", None, "350", None),
    ),
    (
        "Assessments completed within 28 days reached 68.9% (against a 75% target).",
        ("Assessments completed within 28 days", "68.9%", None, "75%", None),
    ),
]

# ---- two sentences; measure heads; "with N% of"; lists introduced as figures ------------------

OTHER = [
    (
        "At March 2023, there were 212 adults with autism who had a current support plan. "
        "At September 2024 this was the case for 247 adults.",
        ("adults with autism who had a current support plan", "247", "212", None, "September 2024"),
    ),
    (
        "As at April 2022, there were 1,020 people in receipt of telecare. At March 2023 the figure was 1,164.",
        ("people in receipt of telecare", "1,164", "1,020", None, "March 2023"),
    ),
    (
        "· The Percentage of eligible adults offered a flu vaccination who took it up is 74.5%.",
        ("Percentage of eligible adults offered a flu vaccination who took it up", "74.5%", None, None, None),
    ),
    (
        "In 2023/24 the proportion of safeguarding enquiries where the risk was reduced was 91%.",
        ("proportion of safeguarding enquiries where the risk was reduced", "91%", None, None, "2023-24"),
    ),
    (
        "The falls service has grown, with 79% of the 1,204 people referred reporting fewer falls;",
        ("people referred reporting fewer falls", "79%", None, None, None),
    ),
    (
        "2B(1) Proportion of older people still at home 91 days after discharge – "
        "achieved 84.1% against a target of 82%",
        ("Proportion of older people still at home 91 days after discharge", "84.1%", None, "82%", None),
    ),
]

# A test per bug found on a real paper's prose (the words are ours).
BUGS: list[tuple[str, Row]] = [
    (  # "over 65s" is an age group, not a figure
        "There are 312 care home placements for over 65s at the end of Q3 compared to 305 at the end of Q2.",
        ("care home placements for over 65s", "312", "305", None, "Q3"),
    ),
    (  # a subordinate clause's opening word and its verb are not the measure
        "While the number of carers' reviews fell short at 212 against the target of 250 reviews, demand rose.",
        ("carers' reviews", "212", None, "250", None),
    ),
    (  # the figure belongs to the clause after "though", not the sentence's first subject
        "Satisfaction remains high (93%) though the percentage of calls answered within a minute has fallen "
        "from 72% at the end of Q1 to 64% at the end of Q2.",
        ("percentage of calls answered within a minute", "64%", "72%", None, "Q2"),
    ),
]

POSITIVES = COMPARED + FROM_TO + CHANGE_TO + BRACKETS + PERIOD_IN_BRACKETS + RATES + TARGETS + OTHER + BUGS


@pytest.mark.parametrize(("sentence", "expected"), POSITIVES, ids=[s[:50] for s, _ in POSITIVES])
def test_sentence_states_one_row(sentence: str, expected: Row) -> None:
    assert only_row(sentence) == expected


def test_enough_positive_wordings() -> None:
    assert len(POSITIVES) >= 40


@pytest.mark.parametrize(
    ("sentence", "ref"),
    [
        ("NI136 People Supported to Live Independently – Achieved 3,104 against a target of 3,000.", "NI136"),
        ("ASC 1A Social care-related quality of life – achieved 19.1 against a target of 19.0", "ASC 1A"),
        ("2B(1) Still at home after reablement – achieved 83.0% against a target of 82%", "2B(1)"),
        ("• NAS 1 Reviews – Achieved 87.32% against a target of 87%.", "NAS 1"),
        ("ASC002 Carers assessed – achieved 812 against a target of 800.", "ASC002"),
    ],
)
def test_reference_at_the_start_is_the_rows_ref(sentence: str, ref: str) -> None:
    [row] = rows(sentence)
    assert row.ref == ref
    assert not any(ch.isdigit() for ch in row.description.split()[0][:1])


def test_next_sentence_gives_the_previous_figure() -> None:
    text = (
        "- NI136 People Supported to Live Independently – Achieved 2,950 against a target of 2,900.  "
        "This was an improvement from 2,611 in 2011/12 and rated top quartile."
    )
    [row] = rows(text)
    assert (row.result, row.previous, row.target) == ("2,950", "2,611", "2,900")
    assert "2,611" in row.quote and "2,950" in row.quote


def test_this_indicator_points_to_the_reference_line_above() -> None:
    text = (
        "  • NAS 2 (PAF D41) Percentage of carers receiving a review\n\n"
        "This indicator was off target with a Quarter 2 score of 41.2% against a milestone target of 45.0%."
    )
    [row] = rows(text)
    assert (row.ref, row.description, row.result, row.target) == (
        "NAS 2",
        "Percentage of carers receiving a review",
        "41.2%",
        "45.0%",
    )


def test_achieved_its_target_with_an_earlier_figure() -> None:
    [row] = rows("NI125 Intermediate Care – Achieved its 88% target, an improvement on 2009/10 (86.02%)")
    assert (row.result, row.previous, row.target) == (None, "86.02%", "88%")


def test_list_introduced_as_figures_gives_lone_figures() -> None:
    text = (
        "Our adult social care numbers for 2023:\n"
        "- 41.2% (15,030) of the new contacts went on to receive support from the council, and 212 were closed.\n"
        "- 8,840 people used reablement services to regain independence, and 71.0% of adults following "
        "reablement no longer required services.\n"
        "- 1,944* people went on to receive low-level support.\n"
        "Other text follows here."
    )
    found = {(f.description, f.result) for f in rows(text)}
    assert found == {
        ("new contacts that went on to receive support from the council", "41.2%"),
        ("people who used reablement services", "8,840"),
        ("adults following reablement who no longer required services", "71.0%"),
    }


def test_same_lone_figures_outside_a_figures_list_give_nothing() -> None:
    text = "How we work:\n- 8,840 people used reablement services to regain independence.\n"
    assert rows(text) == []


# ---- negatives -------------------------------------------------------------------------------

NEGATIVES = [
    "Members were advised that there were 18 measures which could be reported in quarter 2, of which 13 had achieved.",
    "13 of 18 measures achieved their target compared to 11 in the previous quarter.",
    "That the six outcome measures that are Red rated would be given extra focus; 6 outcome measures are Red.",
    "The Committee was referred to page 45 of the agenda and pages 49 to 87.",
    "Meeting: 23/01/2024 - Cabinet (Item 79)",
    "The number of new contacts had increased by 41% and the percentage of work requests at risen by 26%.",
    "37% are aged between 18-64 and 63% are aged 65+, the same proportions as in 2021-22.",
    "Spending on home care rose to £45.2m in 2023/24 from £41.0m in 2022/23.",
    "The budget increased to £1,250,000 compared to £1,100,000 in 2022/23.",
    "With these included the Quarter 1 score would be 21% which was just under the milestone target.",
    "We are aiming to reach 95% by March 2022.",
    "The target set by the County Council is for this to increase to 95% by the end of March 2025.",
    "Our 2020-21 milestone target is 94%.",
    "Satisfaction increased to 64.5%, above the England average of 61.0%.",
    "72% of people said they felt safe, compared to the England average of 70%.",
    "The proportion of people aged 18-64 is 56.5%, which is lower than the national average (60.5%).",
    "The minutes noted the indicators for delayed transfers, reviews and carers assessments.",
    "In 2021 we changed the way requests are recorded, which led to a 10% increase in demand in 2021.",
    "At the end of the Quarter, 9 (75%) out of the 12 Key Performance Indicators had achieved their targets.",
    "It increased to 45% in 2023.",
    "The borough is diverse, with 47.9% of people from minority ethnic backgrounds.",
    "The average number of deaths each year was 1,748.",
    "If demand continues, the number of referrals would rise to 5,000 by 2026.",
    "Survey questionnaires were dispatched to 1,564 customers in January 2020.",
]


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[s[:50] for s in NEGATIVES])
def test_sentence_states_no_row(sentence: str) -> None:
    assert [(f.description, f.result) for f in rows(sentence)] == []


# ---- one measure in several wordings ---------------------------------------------------------

WORDINGS = [
    "1,230 carers received a carers assessment, compared to 1,105 in 2022-23.",
    "1,230 carers received a carers assessment (1,105 in 2022-23).",
    "The number of carers receiving a carers assessment rose from 1,105 in 2022-23 to 1,230 in 2023-24.",
    "The number of carers receiving a carers assessment increased to 1,230, up from 1,105 in 2022-23.",
    "Carers assessments were 1,230, an increase on 2022-23 (1,105).",
    "In 2023-24 we assessed 1,230 carers compared to the previous year's 1,105.",
]


@pytest.mark.parametrize("sentence", WORDINGS, ids=[s[:40] for s in WORDINGS])
def test_one_measure_in_several_wordings_gives_one_result_and_previous(sentence: str) -> None:
    [row] = rows(sentence)
    assert (row.result, row.previous) == ("1,230", "1,105")
    assert "carers" in row.description.lower()


def test_several_facts_in_one_page_keep_their_sentences() -> None:
    text = (
        "Performance at a glance\n\n"
        "2,100 adults received long term support, compared to 2,050 in 2022-23 (+2.4%).\n\n"
        "640 people received one-off support, compared to 701 in 2022-23 (-8.7%)\n"
    )
    found = rows(text)
    assert [(f.result, f.previous) for f in found] == [("2,100", "2,050"), ("640", "701")]
    doc = text_doc(text)
    assert quote_problems(doc, list(found)) == []


# ---- properties ------------------------------------------------------------------------------

_WORDS = ["carers", "people", "adults", "requests", "reviews", "received", "support", "were", "rose", "from"]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["compared to", "against a target of", "increased to", "rose from", "to", "in", "(", ")", ","]),
    st.sampled_from(["2022-23", "2023/24", "2021", "Q2", "October 2024", "April 2023", "£4.5m", "18-64", "65+"]),
    st.integers(0, 99999).map(lambda n: f"{n:,}"),
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.1f}%"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=25).map(" ".join), min_size=1, max_size=4).map(". ".join))
def test_every_row_quotes_its_numbers_and_no_year_is_a_result(text: str) -> None:
    heading = "Performance in 2023/24\n"
    doc = text_doc(heading + text)
    facts = prose.read(doc)
    assert quote_problems(doc, facts) == []
    for fact in facts:
        assert isinstance(fact, Indicator)
        assert fact.result is None or not _is_year(fact.result)
        assert fact.quote in doc.page(fact.page).text


def _is_year(figure: str) -> bool:
    return figure.isdigit() and 1990 <= int(figure) <= 2039


def test_a_long_line_with_no_full_stop_is_no_sentence() -> None:
    """Bug: a 1 MB line of "1,234 people received support, compared to 1,100 in 2022/23;" gave
    16,000 rows each quoting the whole megabyte, in 50 s. A "sentence" over MAX_SENTENCE_CHARS is
    no prose and is skipped, as every reader skips it (the time is measured by bench/, not here)."""
    line = ("1,234 people received support, compared to 1,100 in 2022/23; " * 16000)[:1_000_000]
    assert prose.read(text_doc(line)) == []
    sentences = "1,234 people received support, compared to 1,100 in 2022/23. " * 3
    rows = prose.read(text_doc(sentences))
    assert [(r.result, r.previous, len(r.quote) < 80) for r in rows] == [("1,234", "1,100", True)] * 3


# ---- real documents (third-party / OGL: read in place, never copied) ---------------------------

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"
# stem -> (gold results found, extra results emitted that the gold does not list) as this reader
# stands; each extra is a fact the gold leaves to another reader or leaves out.
CORPUS_EXPECTED = {
    "torbay-local-account-2022-23-performance": (8, {"3,287"}),
    "torbay-local-account-2023-24-performance": (3, set()),
    "essex-providerhub-benchmarking-insight-2022-23": (7, {"37,087", "20,249"}),
    "lbbd-cabinet-corporate-plan-q1-q2-2023-24": (4, set()),
    "wiltshire-asc-kpi-update-minutes-2024": (2, set()),
    "westsussex-performance-people-feel-safe": (1, set()),
    "lincolnshire-acw-service-level-performance-q2-minutes": (1, set()),
    "rotherham-asc-q4-2010-11-kpi-minutes": (7, set()),
}


def _number(text: object) -> float | None:
    if text is None:
        return None
    return float(str(text).replace(",", "").rstrip("%"))


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not present")
@pytest.mark.parametrize("stem", sorted(CORPUS_EXPECTED))
def test_corpus_document(stem: str) -> None:
    from lacompare.readers import read_document

    doc = read_document(CORPUS / "text" / f"{stem}.txt")
    facts = prose.read(doc)
    assert quote_problems(doc, facts) == []
    gold = json.loads((CORPUS / "gold" / f"{stem}.json").read_text())["indicators"]
    wanted = {_number(g["result"]) for g in gold if g["result"] is not None}
    got = {_number(f.result): f.result for f in facts if isinstance(f, Indicator) and f.result}
    hits = wanted & set(got)
    extras = {got[n] for n in set(got) - wanted}
    assert (len(hits), extras) == CORPUS_EXPECTED[stem]


# ---- "<measure> fell to N [in P2] from M [in P1]" ----------------------------------------------

TO_FROM = [
    (
        "Delayed discharges fell to 12 a day in March 2024 from 19 a day in March 2023.",
        ("Delayed discharges", "12", "19", "March 2024", "March 2023"),
    ),
    (
        "The proportion of reviews completed on time increased to 71% in 2023/24 from 64% in 2022/23.",
        ("proportion of reviews completed on time", "71%", "64%", "2023-24", "2022-23"),
    ),
    (
        "The number of adults in residential care has reduced to 1,045, from 1,102 last year.",
        ("adults in residential care", "1,045", "1,102", None, None),
    ),
    ("Admissions to care homes rose to 412, up from 388.", ("Admissions to care homes", "412", "388", None, None)),
]


@pytest.mark.parametrize(("text", "expected"), TO_FROM, ids=[t[:40] for t, _ in TO_FROM])
def test_a_change_stated_to_the_new_figure_from_the_old(text: str, expected: tuple[str, ...]) -> None:
    [f] = rows(text)
    assert (f.description, f.result, f.previous, f.period, f.previous_period) == expected


def test_the_previous_figure_keeps_its_own_period() -> None:
    [f] = rows("In 2023/24 we received 14,210 new requests for support, compared to 13,552 in 2022/23.")
    assert (f.period, f.previous_period) == ("2023-24", "2022-23")


def test_a_figure_stated_for_another_place_is_no_previous_figure() -> None:
    """'compared with 66% in Surrey' is a peer's figure (a comparison), not this council's last year."""
    assert rows("Kent scored 58%, compared with 66% in Surrey.") == []
    [f] = rows("Reviews reached 80%, compared with 75% at the end of Q2.")
    assert (f.result, f.previous) == ("80%", "75%")
