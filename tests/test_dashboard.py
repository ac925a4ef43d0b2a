"""Data dashboards: every "national average" comparison with numbers, with the right units."""

from __future__ import annotations

from functools import cache

import pytest

from lacompare.model import Comparison, Report, Statistic
from lacompare.parsers.dashboard import dashboard
from lacompare.pipeline import extract, extract_text
from lacompare.provenance import quote_problem
from lacompare.readers import read_document
from tests.conftest import DASHBOARD_TXT

# Counted by hand: 53 sentences set a Barnet number against a stated national, England or
# London number (the population, density, deprivation and rural figures recur in four sections).
COMPARISONS = [
    (14.2, "%", "national", 17.6, "lower"),
    (381, "per 100,000", "national", 1143.48, "lower"),
    (550.62, "per 100,000", "national", 532.68, "higher"),
    (11.39, "per 100,000", "national", 13.75, "lower"),
    (56.96, "per 100,000", "national", 60.61, "comparable"),
    (122.78, "per 100,000", "national", 122.17, "comparable"),
    (56.96, "per 100,000", "national", 47.95, "higher"),
    (303.79, "per 100,000", "national", 266.67, "higher"),
    (395007, "people", "national", 377060.9, "higher"),
    (4488.7, "people per square kilometre", "national", 2468.5, None),
    (6.38, "decile", "national", 5.9, "better"),
    (0.12, "%", "national", 34.6, None),
    (15, "%", "national", 18.5, "lower"),
    (1128, "per 100,000", "national", 2438, "lower"),
    (896, "per 100,000", "national", 1003, "lower"),
    (561, "per 100,000", "national", 508, "higher"),
    (9, "per 100,000", "national", 6, "higher"),
    (4489, "people per square kilometre", "national", 2469, None),
    (7406, "per 100,000", "national", 8203, "lower"),
    (30.9, "%", "national", 29.3, "higher"),
    (50.6, "%", "national", 59.3, "lower"),
    (2.5, "per 100,000", "national", 149.9, None),
    (86, "per 100,000", "national", 338.7, None),
    (526, "per 100,000", "national", 129.6, "higher"),
    (4488.7, "people per square kilometre", "national", 2468.5, None),
    (6.38, "decile", "national", 5.9, None),
    (395007, "people", "England", 377060.9, "higher"),
    (4488.7, "people per square kilometre", "England", 2468.5, None),
    (75, "services", "national", 63.8, "higher"),
    (75, "providers", "national", 91, "lower"),
    (9.3, "%", "national", 16.8, "lower"),
    (6.8, "%", "national", 8.4, "lower"),
    (56, "%", "London", 68.1, "lower"),
    (68, "%", "London", 79.8, None),
    (6.38, "decile", "England", 5.9, None),
    (64, "score", "national", 64.7, "lower"),
    (95.41, "%", "national", 89, "higher"),
    (8.24, "%", "national", 12.3, "lower"),
    (0.2668, "days", "national", 0.7, "lower"),
    (60.9, "%", "national", 64.7, "lower"),
    (63, "%", "national", 68.2, "lower"),
    (4.3, "per 100,000", "national", 4.45, "lower"),
    (3.29, "per 100,000", "national", 4.12, "lower"),
    (4488.7, "people per square kilometre", "England", 2468.5, None),
    (0.12, "%", "national", 34.6, None),
    (47941.63, "£ per 100,000", "England", 47758.16, "higher"),
    (43356.12, "£ per 100,000", "England", 40471.81, None),
    (4585.51, "£ per 100,000", "England", 7286.35, "lower"),
    (7578.08, "£ per 100,000", "England", 7878.45, "lower"),
    (395007, "people", "England", 377060.9, "higher"),
    (4488.7, "people per square kilometre", "England", 2468.5, None),
    (6.38, "decile", "England", 5.9, "higher"),
    (0.1, "%", "England", 34.6, None),
]


@cache
def report() -> Report:
    return extract(DASHBOARD_TXT)


def test_the_page_is_a_dashboard() -> None:
    assert report().kind == "dashboard"


def test_every_national_average_comparison_with_its_units() -> None:
    got = [(c.value, c.unit, c.comparator, c.comparator_value, c.relation) for c in report().comparisons]
    assert got == COMPARISONS
    assert len(got) == 53


def test_every_fact_keeps_the_quote_rule() -> None:
    doc = read_document(DASHBOARD_TXT)
    assert [f.quote for f in report().facts if quote_problem(f, doc.page(f.page).text)] == []
    assert [f.flag for f in report().facts if f.flag] == []


def test_counts_are_their_own_facts() -> None:
    counts = {(s.value, s.unit, s.year) for s in report().facts if isinstance(s, Statistic)}
    assert {(1505, "requests", "2024"), (2175, "people", "2024"), (45, "people", None), (34, "cases", None)} <= counts
    assert (388955, "people", "2021") in counts  # the population the carers' rate is based on
    assert len([f for f in report().facts if isinstance(f, Statistic)]) == 14


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2024, there were 1,505 requests for care from working-age people in Barnet. This is 381 people "
            "per 100,000, which is lower than the national average of 1,143.48 people per 100,000.",
            (381, "per 100,000", "national", 1143.48, "lower", "2024"),
        ),
        (
            "Barnet is also more densely populated, with 4,488.7 people per square kilometre compared to the "
            "national average of 2,468.5 people per square kilometre.",
            (4488.7, "people per square kilometre", "national", 2468.5, None, None),
        ),
        (
            "There were 3,540 older people receiving care in Barnet in 2024, which is 896 per 100,000 people. "
            "The national average is slightly higher at 1,003 per 100,000.",
            (896, "per 100,000", "national", 1003, "lower", "2024"),
        ),
        (
            "The area has a mean deprivation decile of 6.38 out of 10 (the national mean is 5.9).",
            (6.38, "decile", "national", 5.9, None, None),
        ),
        (
            "Clients in Barnet contribute £4,585.51 per 100,000 people towards their social care. This is lower "
            "than the England average of £7,286.35.",
            (4585.51, "£ per 100,000", "England", 7286.35, "lower", None),
        ),
        (
            "For recruiting staff, 68% of providers found it more challenging, compared to 79.8% in London.",
            (68, "%", "London", 79.8, None, None),
        ),
        (
            "Barnet has 4.30 ombudsman complaints received per 100,000 people, slightly below the national "
            "average of 4.45.",
            (4.3, "per 100,000", "national", 4.45, "lower", None),
        ),
    ],
)
def test_dashboard_sentences(sentence: str, expected: tuple[object, ...]) -> None:
    doc = read_document_text(sentence)
    [fact] = [f for f in dashboard.parse(doc) if isinstance(f, Comparison)]
    assert (fact.value, fact.unit, fact.comparator, fact.comparator_value, fact.relation, fact.year) == expected


def read_document_text(text: str):  # type: ignore[no-untyped-def]
    from lacompare.readers import document_from_bytes

    return document_from_bytes(text.encode(), "-")


def test_claim_that_contradicts_the_numbers_is_flagged() -> None:
    doc = read_document_text("Barnet scored 12% in 2024, which is higher than the national average of 20%.")
    [fact] = dashboard.parse(doc)
    assert fact.flag == "text says higher but 12 vs 20"


def test_case_studies_give_no_facts_and_a_claim_without_a_benchmark_no_comparison() -> None:
    prose = (
        "She lives on second floor with 5 flights because of the way the building is designed. "
        "Social Services offered MW 9 hours of social care support.\n"
        "Barnet has a population of about 395,000 in 2023, which is higher than the national average."
    )
    facts = extract_text(prose, kind="dashboard").facts
    # the area's population is a stated figure (a dashboard's "About" facts); nothing else is
    assert [(f.kind, m.metric_id, m.value, m.year) for f in facts for m in f.measures()] == [
        ("finance", "finance.population", 395000, "2023")
    ]


def test_source_lines_attach_where_the_topic_is_clear() -> None:
    by_value = {c.value: c.source for c in report().comparisons}
    assert by_value[50.6] == "Survey of Adult Carers in England (SACE) - question 17"
    assert by_value[63] == "Personal Social Services Adult Social Care Survey, question 13"
    assert by_value[56] == "Workforce_survey_data_tables, Tab 6_2"
    assert by_value[395007] is None  # area figures never take a chart's source


OTHER_COUNCIL = (
    "Older people\n"
    "In 2023, 2,310 people aged 65 and over received long-term support in Leeds. This is 1,890 per 100,000 "
    "people, which is higher than the national average of 1,654 per 100,000.\n"
    "Working age adults\n"
    "Leeds supported 3,020 adults aged 18 to 64 in 2023, or 612 per 100,000, which is lower than the "
    "national average of 640 per 100,000.\n"
)


def test_any_per_100000_page_is_read_by_its_own_sections() -> None:
    facts = [f for f in dashboard.parse(read_document_text(OTHER_COUNCIL)) if isinstance(f, Comparison)]
    got = [(f.value, f.unit, f.comparator, f.comparator_value, f.relation, f.year) for f in facts]
    assert got == [
        (1890, "per 100,000", "national", 1654, "higher", "2023"),
        (612, "per 100,000", "national", 640, "lower", "2023"),
    ]
    from lacompare.parsers.dashboard import dashboard_words

    assert [s.name for s in dashboard_words.sections(OTHER_COUNCIL)] == ["older_people", "working_age"]
