"""Readers that once ran for one kind of paper only, now general: each runs on every document and
finds its facts by the words around them, never by the document's kind.

- Rows of minutes under a reference line: the reference's code ("NI 136 (Vital Signs 3)") is read
  by the one code grammar (``refs.CODE_AFTER``) that tables use too; a sentence naming only
  "Performance at Q1" states the measure named above it (the reference line, else the page's
  title); a lone figure in a sentence that opens with its period states the reference's result.
  Grammar seen in Rotherham's KPI minutes (reference lines) and Shropshire's measure pages (titles).
- Target comparisons, budget sentences and tables, and RAG counts on a paper of any kind.
"""

from __future__ import annotations

import pytest

from lacompare.extractors.tables.labels import reference
from lacompare.model import Comparison, Finance, Indicator, Statistic
from lacompare.parsers.performance.refs import code_after
from lacompare.pipeline import extract_text
from lacompare.provenance import quote_problem

# --- one grammar of a code after a reference ----------------------------------------------------

CODES = [
    ("(ASCOF 1G) Percentage of adults", "ASCOF 1G"),
    ("(Vital Signs 3) People supported", "Vital Signs 3"),
    ("(PAF D40) Percentage of service users", "PAF D40"),
    ("ASCOF3A Percentage of people", "ASCOF3A"),
    ("ASCOF 2B(1) Older people at home", "ASCOF 2B(1)"),
    ("(LAA) People supported", None),  # no digit: part of the name
    ("People supported (ASCOF 1G)", None),  # not right after the reference
]


@pytest.mark.parametrize(("after_ref", "code"), CODES)
def test_one_code_grammar(after_ref: str, code: str | None) -> None:
    assert code_after(after_ref)[0] == code


@pytest.mark.parametrize(("after_ref", "code"), [c for c in CODES if c[1] and "(" in c[0][:1]])
def test_tables_and_minutes_read_a_code_alike(after_ref: str, code: str) -> None:
    """A table's label and a minute's reference line give the same (reference, code, measure)."""
    measure = after_ref.split(") ", 1)[1]
    assert reference(None, f"NI 136 {after_ref}") == ("NI 136", code, measure)
    sentence = "This indicator was showing off target with a score of 18.08% against a target of 22.67%."
    text = f"• NI 136 {after_ref}\n\n{sentence}"
    [row] = extract_text(text).indicators
    assert (row.ref, row.code, row.description) == ("NI 136", code, measure)


# --- minutes: the measure named above a sentence ------------------------------------------------

HEADED = [
    # (text, (ref, code, measure, result, target))
    (
        "• NI 136 (Vital Signs C3) People supported to live independently\n\n"
        "Performance at the end of Quarter 2 was 2334.36 which was below the monthly control target of 2801.50.",
        ("NI 136", "Vital Signs C3", "People supported to live independently", "2334.36", "2801.50"),
    ),
    (
        "ASC 12 Carers assessed in the year\n\nPerformance in Q3 of 410 was above the target of 380.",
        ("ASC 12", None, "Carers assessed in the year", "410", "380"),
    ),
    (
        "Rate of permanent admissions to care homes for those aged 65+\n\nOur goal\n\n"
        "Performance at Q1 of 130 was within the target of 150.",
        ("", None, "Rate of permanent admissions to care homes for those aged 65+", "130", "150"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADED, ids=[t[:30] for t, _ in HEADED])
def test_performance_points_to_the_measure_named_above(text: str, expected: tuple[object, ...]) -> None:
    [row] = extract_text(text).indicators
    assert (row.ref, row.code, row.description, row.result, row.target) == expected
    assert quote_problem(row, text) is None


def test_a_sentence_naming_its_measure_keeps_its_own_name() -> None:
    text = "• NI 141 Vulnerable people\n\nThe number of carers assessed was 410, against a target of 380."
    [row] = extract_text(text).indicators
    assert (row.ref, row.description, row.result) == ("", "carers assessed", "410")


def test_a_later_pages_first_line_is_a_running_header_not_a_title() -> None:
    text = (
        "Rate of permanent admissions to care homes for those aged 65+\n\nOur goal\n"
        "\fCouncil performance report page two\n\nPerformance at Q1 of 130 was within the target of 150.\n"
    )
    assert [(r.page, r.description) for r in extract_text(text).indicators] == [(2, "Performance at Q1")]


def test_a_title_that_is_a_sentence_names_no_measure() -> None:
    [row] = extract_text("Agenda item\n\nPerformance at Q1 of 130 was within the target of 150.").indicators
    assert row.description == "Performance at Q1"


PERIOD_LED = [
    ("At the end of Quarter 1 we were helping 5,666 service users to live at home.", "5,666", "Quarter 1"),
    ("At the end of Q2, 4,120 people were being supported at home.", "4,120", "Q2"),
    ("As at March 2024 there were 812 people supported.", "812", "March 2024"),
]


@pytest.mark.parametrize(("sentence", "result", "period"), PERIOD_LED)
def test_a_lone_figure_led_by_its_period_is_the_references_result(sentence: str, result: str, period: str) -> None:
    text = f"• NI 136 (Vital Signs 3) People supported to live independently\n\n{sentence}\n"
    [row] = extract_text(text).indicators
    assert (row.ref, row.code, row.result, row.period, row.quote) == (
        "NI 136",
        "Vital Signs 3",
        result,
        period,
        sentence,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "At the end of Quarter 1 we were helping 5,666 service users, up on 5,100 planned.",  # two figures
        "We were helping 5,666 service users to live at home.",  # no period leads it
        "At the end of Quarter 1, 3 of the 17 indicators were off target.",  # a count of measures
    ],
)
def test_no_lone_figure_row_without_its_grammar(sentence: str) -> None:
    text = f"• NI 136 People supported to live independently\n\n{sentence}\n"
    assert [r for r in extract_text(text).indicators if r.ref == "NI 136" and r.result in ("5,666", "3")] == []


def test_no_lone_figure_row_without_a_reference_line() -> None:
    text = "Adult social care update\n\nAt the end of Quarter 1 we were helping 5,666 service users to live at home.\n"
    assert extract_text(text).indicators == []


# --- target, budget and RAG readers on a paper of any kind -----------------------------------


@pytest.mark.parametrize("kind", [None, "unknown", "news", "performance_report"])
def test_target_budget_and_rag_readers_read_any_paper(kind: str | None) -> None:
    text = (
        "Quarter 2 update\n\n"
        "The reablement measure reached 65.9% (against a 63% target).\n\n"
        "The directorate has a forecast overspend of £4.2m at the end of the quarter.\n\n"
        "Of the 35 measures reported below 8 are Red; 3 are Amber and 24 are Green.\n"
    )
    report = extract_text(text, kind=kind)
    targets = [(c.value, c.comparator, c.comparator_value) for c in report.facts if isinstance(c, Comparison)]
    assert targets == [(65.9, "target", 63)]
    assert [(f.field_id, f.value) for f in report.facts if isinstance(f, Finance)] == [("forecast_overspend", 4200000)]
    counts = {f.metric_id: f.value for f in report.facts if isinstance(f, Statistic)}
    assert counts == {
        "rag.summary.total.count": 35,
        "rag.summary.red.count": 8,
        "rag.summary.amber.count": 3,
        "rag.summary.green.count": 24,
    }


def test_minutes_that_count_or_name_measures_give_no_rows() -> None:
    """The issue's negatives, now that every reader runs on every document."""
    text = (
        "The following 10 performance measures had achieved their Quarter 2 targets:\n\n"
        "  • NAS 5 Average waiting time for an OT assessment\n"
        "  • NI 141 Percentage of vulnerable people achieving independent living\n\n"
        "Of the 35 measures reported below 8 are Red; 3 are Amber and 24 are Green.\n"
    )
    report = extract_text(text)
    assert [f for f in report.facts if isinstance(f, Indicator | Comparison)] == []
