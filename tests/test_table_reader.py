"""The one table reader on tables written here in the shapes councils print (no council's words):
which rows become indicator rows, which cells become comparisons, and what is left alone."""

from __future__ import annotations

from lacompare.extractors import tables
from lacompare.model import Comparison, Indicator, Wait
from tests.parser_helpers import quote_problems, text_doc

ASCOF_TABLE = """Adult social care outcomes: key performance
Measure 2022/23 Outturn 2023/24 Outturn 2023/24 Target 2023/24 England average RAG
1A: Social care-related quality of life score 18.7 19.1 19.5 19.0 Amber
1C(2a): Adults receiving direct payments 24.0% 26.5% 28.0% 25.9% Green
2A(1): Admissions aged 18-64 per 100,000 population 14.2 12.9 n/a 14.6 Green
3D part 1: People finding it easy to find information 62.5% - 65.0% 66.3% Red
The table shows our position at year end."""


def _indicators(text: str) -> list[Indicator]:
    return [f for f in tables.read(text_doc(text)) if isinstance(f, Indicator)]


def _comparisons(text: str) -> list[Comparison]:
    return [f for f in tables.read(text_doc(text)) if isinstance(f, Comparison)]


def test_a_flattened_indicator_table_gives_a_row_per_line() -> None:
    rows = _indicators(ASCOF_TABLE)
    assert [(r.ref, r.result, r.previous, r.target, r.rag, r.period) for r in rows] == [
        ("1A", "19.1", "18.7", "19.5", "Amber", "2023-24"),
        ("1C(2a)", "26.5%", "24.0%", "28.0%", "Green", "2023-24"),
        ("2A(1)", "12.9", "14.2", None, "Green", "2023-24"),
        ("3D part 1", None, "62.5%", "65.0%", "Red", "2023-24"),
    ]


def test_a_number_inside_a_label_stays_in_the_label() -> None:
    row = _indicators(ASCOF_TABLE)[2]
    assert row.description == "Admissions aged 18-64 per 100,000 population"


def test_each_benchmark_cell_of_the_results_period_is_a_comparison() -> None:
    pairs = [(c.value, c.comparator, c.comparator_value, c.year) for c in _comparisons(ASCOF_TABLE)]
    assert pairs == [
        (19.1, "England", 19.0, "2023-24"),
        (26.5, "England", 25.9, "2023-24"),
        (12.9, "England", 14.6, "2023-24"),
    ]


def test_every_fact_quotes_its_row() -> None:
    doc = text_doc(ASCOF_TABLE)
    assert quote_problems(doc, tables.read(doc)) == []


def test_a_benchmark_of_another_period_is_not_compared() -> None:
    text = """Measure 2023/24 Outturn 2024/25 Outturn 2024/25 Target 2023/24 England
AS01: Reviews completed on time 71.0% 74.5% 80.0% 69.9%
AS02: Carers assessed 1,204 1,388 1,300 n/a"""
    assert _comparisons(text) == []
    assert [r.result for r in _indicators(text)] == ["74.5%", "1,388"]


def test_a_benchmarking_table_gives_comparisons_and_no_indicator_rows() -> None:
    text = """How we compare
Outcome Barnshire England
People who feel safe 71.2% 69.7%
Carers who are satisfied with support 38.0% 36.3%"""
    assert _indicators(text) == []
    assert [(c.value, c.comparator, c.comparator_value) for c in _comparisons(text)] == [
        (71.2, "England", 69.7),
        (38.0, "England", 36.3),
    ]


def test_a_label_line_followed_by_its_values_line() -> None:
    text = """Indicator Q1 2024-25 Actual Q2 2024-25 Actual Q2 2024-25 Target DoT
Percentage of safeguarding enquiries where the risk was removed or reduced
88.0% 91.5% 90.0% Improving
Number of people waiting for a Care Act assessment
412 365 300 Improving"""
    rows = _indicators(text)
    assert [r.description for r in rows] == [
        "Percentage of safeguarding enquiries where the risk was removed or reduced",
        "Number of people waiting for a Care Act assessment",
    ]
    assert [(r.result, r.previous, r.target, r.direction) for r in rows] == [
        ("91.5%", "88.0%", "90.0%", "Improving"),
        ("365", "412", "300", "Improving"),
    ]


def test_a_header_of_two_lines_is_not_read_as_one() -> None:
    """Columns grouped by place, dated by the second line: each place's % change is compared, its
    populations (the dated columns, which the label's heading names) are not, and no row is an
    indicator row (tests/test_grouped_tables.py has the grammar)."""
    text = """Population England % Change Barnshire % Change
2020 2040 2020 2040
All ages 100.0 110.0 10.0 50.0 52.0 4.0
65+ 20.0 26.0 30.0 11.0 14.3 30.0"""
    facts = tables.read(text_doc(text))
    assert [(f.value, f.comparator, f.comparator_value) for f in facts if isinstance(f, Comparison)] == [
        (4.0, "England", 10.0),
        (30.0, "England", 30.0),
    ]
    assert not any(isinstance(f, Indicator) for f in facts)


def test_minutes_that_count_rag_ratings_give_no_rows() -> None:
    text = """Performance summary
Of the 24 indicators, 15 were green, 6 amber and 3 red.
AS07: Percentage of reviews completed – the committee noted the position."""
    assert tables.read(text_doc(text)) == []


def test_a_period_series_of_waits() -> None:
    text = """How long did people wait for a care needs assessment?
Year Median wait in days
2021/22 41
2022/23 37
2023/24 33"""
    waits = [f for f in tables.read(text_doc(text)) if isinstance(f, Wait)]
    assert [(w.service, w.median, w.year) for w in waits] == [
        ("care_act_assessment", 41, "2021-22"),
        ("care_act_assessment", 37, "2022-23"),
        ("care_act_assessment", 33, "2023-24"),
    ]


def test_a_measure_with_its_values_one_name_a_line() -> None:
    text = """Adults who receive direct payments
Barnshire – 27.3% (25.1%)
England – 25.5% (26.2%)"""
    pairs = [(c.value, c.comparator_value, c.flag is not None) for c in _comparisons(text)]
    assert pairs == [(27.3, 25.5, False), (25.1, 26.2, True)]


def test_an_unruled_pdf_table_whose_header_and_refs_break_over_lines() -> None:
    """Chromium's print of a borderless table (tests/data/tables/scorecard_unruled.html): PDF text
    gives the header's cells and a row's reference on lines of their own ("Result" / "Sep-24";
    "ASCOF" / "1C(2)" / the measure / its values). No ruled table is found; the text is read."""
    from pathlib import Path

    from lacompare.pipeline import extract

    report = extract(Path(__file__).parent / "data" / "tables" / "scorecard_unruled.pdf")
    rows = [(f.ref, f.result, f.target, f.rag) for f in report.indicators]
    assert rows == [
        ("ASCOF 1A", "19.3", "19.0", "Green"),
        ("ASCOF 1C(2)", "25.4%", "26.0%", "Amber"),
        ("ASCOF 2B(1)", "84.3%", "82.0%", "Green"),
        ("ASCOF 2D", "76.2%", "78.0%", "Amber"),
        ("ASCOF 3D(1)", "63.9%", "65.5%", "Red"),
        ("ASCOF 4A", "71.8%", "70.0%", "Green"),
    ]
    assert len([c for c in report.comparisons if c.comparator == "England"]) == 6


def test_a_cqc_score_list_is_no_indicator_table() -> None:
    """A press release's table of the nine scores, a cell a line ("Theme" / "Area" / "Score"): the
    scores reader's, not an indicator table (a score is no result of a period)."""
    text = "\n".join(
        ["Theme", "Area", "Score", "How the local authority works with people", "1. assessing people’s needs", "2"]
        + ["2. supporting people to lead healthier lives", "3", "Providing support", "4. care provision", "2"]
    )
    assert [f for f in tables.read(text_doc(text)) if isinstance(f, Indicator)] == []


def test_quarters_without_a_year_are_a_series_under_the_years_target() -> None:
    """ "Q1 Q2 Q3": quarters the page dates elsewhere; the latest is the result, the one before it the
    previous value; a RAG column is never a quarter's ("Q3 RAG" is two columns)."""
    text = """Quarterly scorecard
Indicator Polarity 2023/24 Target Q1 Q2 Q3 RAG DoT
AS01 Reviews completed within 12 months High 80% 61% 64% 68% Red Improving
AS02 New admissions to care homes (65+) Low 250 61 58 66 Amber Worsening"""
    rows = [
        (r.ref, r.result, r.previous, r.target, r.period, r.rag, r.direction, r.polarity) for r in _indicators(text)
    ]
    assert rows == [
        ("AS01", "68%", "64%", "80%", "Q3", "Red", "Improving", "High"),
        ("AS02", "66", "58", "250", "Q3", "Amber", "Worsening", "Low"),
    ]


def test_a_table_of_waits_by_team_and_by_month() -> None:
    """FOI answers give waiting figures a row a team or a month: each row is a wait, the team or
    month kept in its flag, its service named where the row or the header names one."""
    text = """Waiting lists by team (FOI response)
Team Number waiting Average wait (days)
North locality 212 41
Hospital discharge 54 12
Month Number waiting for an OT assessment Median wait (weeks)
April 2024 96 7
May 2024 88 6"""
    waits = [
        (w.service, w.people, w.average, w.median, w.duration_unit, w.year)
        for w in tables.read(text_doc(text))
        if isinstance(w, Wait)
    ]
    assert waits == [
        ("unspecified", 212, 41, None, "days", None),
        ("other_hospital_discharge", 54, 12, None, "days", None),
        ("ot_assessment", 96, None, 7, "weeks", "Apr 2024"),
        ("ot_assessment", 88, None, 6, "weeks", "May 2024"),
    ]


def test_a_line_too_long_to_be_a_row_is_no_row() -> None:
    """Bug: a 1 MB line under a table header was searched for a wrapped row at every word (10 s).
    A row, its wrapped label rejoined, is at most MAX_ROW_CHARS; a longer line is no row."""
    line = ("AS01 Reviews completed 12 14 15 13 and then some words here " * 16000)[:1_000_000]
    assert tables.read(text_doc("KPI 2022/23 Outturn 2023/24 Outturn Target England\n" + line)) == []
