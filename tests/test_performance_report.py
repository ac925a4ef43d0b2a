"""Council performance reports: indicator rows, budget lines, RAG counts and targets."""

from __future__ import annotations

from functools import cache

import pytest

from lacompare.model import Comparison, Finance, Indicator, Report, Statistic
from lacompare.parsers.performance.refs import NOT_STATED
from lacompare.pipeline import extract, extract_text
from lacompare.provenance import quote_problem
from lacompare.readers import read_document
from tests.conftest import BARNET_CHROMIUM, PERF_PDF, PERF_TXT

# ref, code, polarity, annual target, period target, numerator/denominator, result, previous
# result, DOT short, last year's result, DOT long, benchmarks: every cell of the PDF's tables.
INDICATOR_ROWS = [
    (
        "AC/S1",
        "ASCOF3A",
        "Bigger is Better",
        "61.0% (within CI)",
        "61.0%",
        "N/A",
        "61.3%",
        "N/A",
        "N/A",
        "N/A (Not comparable)",
        "N/A",
        "60.5% CIPFA",
    ),
    (
        "AC/S3",
        "ASCOF 1G",
        "Bigger is Better",
        "63.0%",
        "63.0%",
        "478/725",
        "65.9%",
        "64.2%",
        "Improving",
        "59.2%",
        "Improving",
        "68.8% CIPFA 70.1% London",
    ),
    (
        "AC/S6",
        "ASCOF 1H",
        "Bigger is Better",
        "83.2%",
        "82%",
        "549/660",
        "83.2%",
        "81.6%",
        "Improving",
        "81.4%",
        "Improving",
        "74.4% CIPFA 73.5% London",
    ),
    (
        "AC/S10",
        "ASCOF 1B",
        "Bigger is Better",
        "69.0% (within CI)",
        "68.5%",
        "N/A",
        "69.4%",
        "N/A",
        "N/A",
        "68.5%",
        "Improving",
        "71.7% CIPFA",
    ),
    (
        "AC/S14",
        "",
        "Bigger is Better",
        "32.5% (within CI)",
        "32.5%",
        "N/A",
        "43.8%",
        "N/A",
        "N/A",
        "32.5%",
        "Improving",
        "42.2% CIPFA 41.1% London",
    ),
    ("AC/C8", "", "Monitor", "Monitor", "Monitor", "N/A", "987", "426", "N/A", "1073", "N/A", ""),
    ("AC/S27", "", "Monitor", "Monitor", "Monitor", "N/A", "50.0%", "61.0%", "N/A", "43.0%", "N/A", ""),
    (
        "AC/S4",
        "ASCOF 1E",
        "Bigger is Better",
        "10.8%",
        "9.9%",
        "68/725",
        "9.4%",
        "9.3%",
        "Improving",
        "8.9%",
        "Improving",
        "9.9% CIPFA 7.5% London",
    ),
    (
        "AC/S5",
        "ASCOF 1F",
        "Bigger is Better",
        "7.2%",
        "6.2%",
        "38/660",
        "5.8%",
        "7.2%",
        "Worsening",
        "5.8%",
        "Same",
        "6.5% CIPFA 5.0% London",
    ),
    ("AC/S17", "", "Bigger is Better", "800", "400", "N/A", "539", "216", "Improving", "471", "Improving", ""),
    (
        "AC/S18",
        "",
        "Bigger is Better",
        "17%",
        "14.9%",
        "618/4126",
        "15.0%",
        "13.8%",
        "Improving",
        "12.5%",
        "Improving",
        "",
    ),
    (
        "AC/S2",
        "ASCOF 3D",
        "Bigger is Better",
        "71.3% (within CI)",
        "71.3%",
        "N/A",
        "69.4%",
        "N/A",
        "N/A",
        "71.3%",
        "Worsening",
        "72.9% CIPFA",
    ),
    ("AC/C17", "", "Monitor", "Monitor", "Monitor", "698/3709", "18.8%", "15.1%", "Monitor", "N/A", "N/A", ""),
    ("AC/S8", "", "Bigger is Better", "63.0%", "63.0%", "194/365", "53.2%", "59.7%", "Worsening", "N/A", "N/A", ""),
    (
        "AC/S9",
        "ASCOF2A (2)",
        "Smaller is Better",
        "530 (new method)",
        "192.7",
        "N/A",
        "169.72",
        "75.6",
        "Worsening",
        "155.11 or N/A as not comparable",
        "N/A",
        "445.2 CIPFA 516.5 London",
    ),
    (
        "AC/S11",
        "ASCOF 2B (1)",
        "Bigger is Better",
        "81.5%",
        "81.5%",
        "N/A",
        "69.3%",
        "N/A",
        "",
        "77.1%",
        "Worsening",
        "83.8% CIPFA 85.4% London",
    ),
    (
        "AC/S16",
        "ASCOF 1C/2A",
        "Bigger is Better",
        "42.0%",
        "41.1%",
        "1007/2595",
        "38.8%",
        "39.2%",
        "Worsening",
        "39.2%",
        "Worsening",
        "29.5% CIPFA 27.6% London",
    ),
    ("AC/S23", "", "Bigger is Better", "91%", "91%", "15/15", "100%", "100%", "Same", "91%", "Improving", ""),
    (
        "AC/C10",
        "",
        "Bigger is Better",
        "75.0%",
        "37.0%",
        "2270/7192",
        "31.6%",
        "13.9%",
        "Improving",
        "Not comparable",
        "N/A",
        "",
    ),
    (
        "AC/C12",
        "ASCOF 2C/2",
        "Smaller is Better",
        "7.25",
        "7.42",
        "N/A",
        "8.3",
        "7.5",
        "Worsening",
        "6.5",
        "Worsening",
        "8.8 CIPFA 7.8 London",
    ),
    (
        "AC/C13",
        "ASCOF 2C/2",
        "Smaller is Better",
        "2.5",
        "2.9",
        "N/A",
        "3.8",
        "3.3",
        "Worsening",
        "2.7",
        "Worsening",
        "3.6 CIPFA 3.3 London",
    ),
    ("AC/C14", "", "Smaller is Better", "16.6", "5.4", "N/A", "5.1", "1.3", "Worsening", "N/A", "N/A", ""),
    ("AC/C16", "", "Monitor", "Monitor", "Monitor", "N/A", "364", "181", "N/A", "397", "N/A", ""),
    (
        "AC/S25",
        "",
        "Bigger is Better",
        "85.0%",
        "85.0%",
        "N/A",
        "91.0%",
        "100.0%",
        "Worsening",
        "95.0%",
        "Worsening",
        "",
    ),
    ("AC/C1", "", "Smaller is Better", "30098", "7625", "N/A", "7302", "7152", "Worsening", "7836", "Improving", ""),
    (
        "AC/S15",
        "ASCOF 4A",
        "Bigger is Better",
        "80.1%",
        "80.1%",
        "N/A",
        "79.6%",
        "N/A",
        "N/A",
        "67.4%",
        "Improving",
        "67.8% CIPFA 65.9% London",
    ),
    ("AC/C7", "", "Bigger is Better", "Monitor", "Monitor", "2/40", "5.0%", "5.6%", "N/A", "12.9%", "N/A", ""),
    ("AC/S21", "", "Bigger is Better", "1045", "418", "N/A", "390", "194", "Improving", "946", "Worsening", ""),
    ("AC/S29", "", "Bigger is Better", "3,000", "1500", "N/A", "1649", "758", "Improving", "N/A", "N/A", ""),
]


@cache
def pdf_report() -> Report:
    return extract(PERF_PDF)


@cache
def text_report() -> Report:
    return extract(PERF_TXT)


def scorecard(f: Indicator) -> tuple[str | None, ...]:
    """The general row's cells in the scorecard's column order (annual target … long-term direction)."""
    return (
        f.cell("annual_target"),
        f.target,
        f.cell("numerator_denominator"),
        f.result,
        f.previous,
        f.direction,
        # the text dump's reader names the columns; the table reader names them by their headings
        f.cell("last_year_result") or f.cell("result_q2_2015_16"),
        f.cell("direction_last_year") or f.cell("dot_long_term_previous_year"),
    )


def cells(f: Indicator) -> tuple[str, ...]:
    bench = " ".join(f"{b.text} {b.comparator}" for b in f.benchmarks)
    return (
        f.ref,
        f.code or "",
        f.polarity or "",
        *(cell or "" for cell in scorecard(f)),
        bench,
    )


def test_both_forms_are_performance_reports() -> None:
    assert pdf_report().kind == "performance_report"
    assert text_report().kind == "performance_report"


def table_rows(report: Report) -> list[Indicator]:
    """The indicator rows of the report's tables (each has a reference); its commentary's
    prose rows have none."""
    return [f for f in report.indicators if f.ref]


def test_pdf_gives_all_29_indicator_rows_with_every_cell() -> None:
    """Every printed cell; a cell that says no value is stated ("N/A") is kept as not stated."""
    assert [cells(f) for f in table_rows(pdf_report())] == [tuple(_stated(c) for c in r) for r in INDICATOR_ROWS]


def _stated(cell: str) -> str:
    return "" if cell.casefold() in NOT_STATED else cell


def test_pdf_indicators_are_for_q2_and_unflagged() -> None:
    assert {f.period for f in table_rows(pdf_report())} == {"Q2 2016-17"}
    assert [f.ref for f in table_rows(pdf_report()) if f.flag] == []


def test_the_commentary_states_its_measures_in_prose() -> None:
    """The report's commentary pages state figures in sentences; the prose reader gives each its row."""
    prose = [(f.page, f.description, f.result, f.previous, f.target) for f in pdf_report().indicators if not f.ref]
    assert prose == [
        (7, "residential and nursing care packages for over 65s", "271", "268", None),
        (7, "residential and nursing packages for working age adults", "330", "329", None),
        (17, "LBB carers’ assessments", "390", None, "418"),
        (19, "percentage of calls resolved at first contact", "50%", "61%", None),
    ]


def test_indicator_measures_are_tidy_rows() -> None:
    s3 = next(f for f in pdf_report().indicators if f.ref == "AC/S3")
    by_id = {(m.metric_id, m.comparator): m for m in s3.measures()}
    assert by_id[("indicator.AC/S3.result", None)].value == 65.9
    assert by_id[("indicator.AC/S3.result", None)].unit == "%"
    assert by_id[("indicator.AC/S3.numerator_denominator", None)].value == "478/725"
    # the benchmarks are for 2015/16, the result for Q2 2016/17: each is a figure of its own period
    # in the tidy rows (the comparison the row states is kept as a flagged Comparison, below)
    cipfa, london = by_id[("indicator.AC/S3.benchmark_cipfa", None)], by_id[("indicator.AC/S3.benchmark_london", None)]
    assert (cipfa.value, cipfa.year, london.value, london.year) == (68.8, "2015-16", 70.1, "2015-16")


def test_benchmarks_are_also_comparisons() -> None:
    """The comparison's year is the result's (Q2 2016-17); the benchmarks are for 2015/16, which
    the comparison says in its flag rather than taking the benchmark's year as the result's."""
    s3 = [c for c in pdf_report().comparisons if c.quote.startswith("AC/S3")]
    assert [(c.value, c.unit, c.comparator, c.comparator_value, c.source, c.year) for c in s3] == [
        (65.9, "%", "CIPFA", 68.8, "ASCOF", "Q2 2016-17"),
        (65.9, "%", "London", 70.1, "ASCOF", "Q2 2016-17"),
    ]
    assert all(c.flag and "benchmark is for 2015-16" in c.flag for c in s3)


def test_every_fact_keeps_the_quote_rule() -> None:
    for report, path in ((pdf_report(), PERF_PDF), (text_report(), PERF_TXT)):
        doc = read_document(path)
        problems = [(f.kind, f.quote[:30], quote_problem(f, doc.page(f.page).text)) for f in report.facts]
        assert [p for p in problems if p[2]] == []


REVENUE = [
    ("performance_improvement", 992, 1317, 1325, 8, 0.6),
    ("safeguarding", 604, 667, 1146, 479, 71.8),
    ("care_quality", 4736, 4438, 4372, -66, -1.5),
    ("community_well_being", 733, 535, 293, -242, -45.2),
    ("customer_care", 334, 254, 259, 5, 2.0),
    ("customer_finance", 719, 845, 861, 16, 1.9),
    ("dir_adult_soc_serv_health", 187, 795, 164, -631, -79.4),
    ("integrated_care_ld_mh", 40587, 39575, 42185, 2610, 6.6),
    ("integrated_care_op_dp", 35609, 38382, 41040, 2658, 6.9),
    ("prevention_well_being", 653, 657, 654, -3, -0.5),
    ("social_care_management", 412, 1442, 1375, -67, -4.6),
    ("total", 85566, 88907, 93674, 4767, 5.4),
]


def revenue_rows(report: Report) -> list[tuple[object, ...]]:
    rows: dict[str, list[object]] = {}
    for f in report.finance:
        if "." not in f.field_id:
            continue  # a figure the commentary states in a sentence (read by the prose budget reader)
        section, service, *_field = f.field_id.split(".")
        if section == "revenue":
            rows.setdefault(service, [service]).append(f.value)
    return [tuple(r) for r in rows.values()]


@pytest.mark.parametrize("which", ["pdf", "text"])
def test_twelve_revenue_budget_rows(which: str) -> None:
    report = pdf_report() if which == "pdf" else text_report()
    assert revenue_rows(report) == REVENUE
    safeguarding = [f for f in report.finance if f.field_id.startswith("revenue.safeguarding.")]
    assert {(f.unit, f.period) for f in safeguarding} == {("£000", "Q2 2016/17"), ("%", "Q2 2016/17")}


@pytest.mark.parametrize("which", ["pdf", "text"])
def test_capital_summary_and_dashboard_variances(which: str) -> None:
    report = pdf_report() if which == "pdf" else text_report()
    values = {f.field_id: f.value for f in report.finance if not f.field_id.startswith("revenue.")}
    # The commentary's sentences: the prose budget reader runs on every paper, a performance report too.
    assert {k: values.pop(k) for k in ("forecast_overspend", "pressures")} == {
        "forecast_overspend": 4767000,
        "pressures": 4800000,
    }
    assert values == {
        "dashboard.revenue_budget_variance": 4767,
        "dashboard.capital_actual_variance": 5754,
        "capital.adults_and_communities.approved_budget": 6793,
        "capital.adults_and_communities.additions_deletions": -7170,
        "capital.adults_and_communities.slippage": 1416,
        "capital.adults_and_communities.proposed_budget": 1039,
        "capital.adults_and_communities.spend_to_date": 462,
        "capital.adults_and_communities.forecast": 1039,
        "capital.adults_and_communities.variance": -5754,
        "capital.adults_and_communities.slippage_pct": 20.8,
    }


@pytest.mark.parametrize("which", ["pdf", "text"])
def test_rag_summary_counts(which: str) -> None:
    report = pdf_report() if which == "pdf" else text_report()
    counts = {f.metric_id: f.value for f in report.facts if isinstance(f, Statistic) and f.unit == "count"}
    assert counts == {
        "rag.performance.green.count": 15,
        "rag.performance.green_amber.count": 4,
        "rag.performance.red_amber.count": 2,
        "rag.performance.red.count": 3,
        "rag.performance.improved_same.count": 11,
        "rag.performance.worsened.count": 8,
        "rag.key_actions.green.count": 9,
        "rag.key_actions.green_amber.count": 6,
        "rag.key_actions.red_amber.count": 1,
        "rag.key_actions.red.count": 0,
        "rag.risks.low.count": 0,
        "rag.risks.medium_low.count": 3,
        "rag.risks.medium_high.count": 5,
        "rag.risks.high.count": 6,
    }
    borrowed = {f.flag for f in report.facts if isinstance(f, Statistic) and f.metric_id.startswith("rag.key_actions")}
    assert borrowed == {"labels taken from the row above"}


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "target", "relation"),
    [
        ("The measures are better than the Q2 targets at 65.9% (against a 63% target).", 65.9, "%", 63, None),
        (
            "The number of telecare installations is high (539 at the end of Q2 against a target of 400).",
            539,
            None,
            400,
            None,
        ),
        (
            "This indicator has underachieved against the target at 69.3% against the 81.5% target.",
            69.3,
            "%",
            81.5,
            "lower",
        ),
        ("The LD indicator, at 9.4%, did not achieve the interim target of 9.9% of people.", 9.4, "%", 9.9, "lower"),
        ("The number fell short at 390 against the target of 418 assessments.", 390, None, 418, "lower"),
    ],
)
def test_narrative_targets(sentence: str, value: float, unit: str | None, target: float, relation: str | None) -> None:
    from lacompare.extractors.prose import targets

    [fact] = targets.parse(read_document_text(sentence))
    assert isinstance(fact, Comparison)
    assert (fact.value, fact.unit, fact.comparator, fact.comparator_value, fact.relation) == (
        value,
        unit,
        "target",
        target,
        relation,
    )
    assert fact.quote == sentence


def read_document_text(text: str):  # type: ignore[no-untyped-def]
    from lacompare.readers import document_from_bytes

    return document_from_bytes(text.encode(), "-")


def test_report_targets_in_both_forms() -> None:
    for report in (pdf_report(), text_report()):
        pairs = [(c.value, c.comparator_value, c.relation) for c in report.comparisons if c.comparator == "target"]
        assert pairs == [
            (69.3, 81.5, "lower"),
            (539, 400, None),
            (65.9, 63, None),
            (83.2, 82, None),
            (9.4, 9.9, "lower"),
            (390, 418, "lower"),
        ]


# --- the text dump: every reference found, every emitted cell right ---------------------------


def test_text_dump_finds_every_ref() -> None:
    assert [f.ref for f in table_rows(text_report())] == [r[0] for r in INDICATOR_ROWS]


def test_text_dump_values_all_match_the_pdf_table() -> None:
    table = {r[0]: r for r in INDICATOR_ROWS}
    emitted = []
    for f in table_rows(text_report()):
        for index, cell in enumerate(cells(f)):
            if cell:
                emitted.append((f.ref, index, cell, table[f.ref][index]))
    wrong = [e for e in emitted if e[2] != e[3]]
    assert wrong == []
    assert len(emitted) == 303  # refs, codes, polarities, recovered cells and benchmarks


def test_text_dump_flags_the_rows_it_could_not_read() -> None:
    flagged = {f.ref: f.flag for f in table_rows(text_report()) if f.flag}
    assert sorted(flagged) == ["AC/C10", "AC/S11", "AC/S9"]
    assert "read the PDF" in flagged["AC/S11"]
    s11 = next(f for f in text_report().indicators if f.ref == "AC/S11")
    assert (s11.result, s11.cell("annual_target"), s11.benchmarks) == (None, None, ())


def test_cqc_report_gives_no_indicator_facts() -> None:
    from lacompare.extractors.tables import budget, rag
    from lacompare.parsers.performance import indicator_shapes

    doc = read_document(BARNET_CHROMIUM)
    assert indicator_shapes.parse(doc) == []
    assert budget.parse(doc) == []
    assert rag.parse(doc) == []


def test_prose_reference_is_not_an_indicator_row() -> None:
    report = extract_text(
        "Polarity\nIndicator AC/S11, which measures the proportion of people at home.\n", kind="performance_report"
    )
    assert report.indicators == []
    assert not any(isinstance(f, Finance) for f in report.facts)
