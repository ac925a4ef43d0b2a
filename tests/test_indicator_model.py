"""The general indicator row: cells by role, whatever the council's column set; rows stored by the
first release (one council's columns as fields) read into it."""

from __future__ import annotations

import pytest

from lacompare.model import Benchmark, CellRole, Indicator, RowCell, fact_from_dict

QUOTE = "AC/S1 Satisfied with care and support 64% 65% 478/725 65.9% 64.1% Improving 63.0% Improving 68.8% (CIPFA)"

# A scorecard row as the first release stored it: its columns as fields.
FIRST_RELEASE = {
    "fact": "indicator", "page": 3, "quote": QUOTE, "flag": None, "local_authority": None,
    "ref": "AC/S1", "code": None, "description": "Satisfied with care and support", "polarity": "Bigger is Better",
    "annual_target": "64%", "period_target": "65%", "numerator_denominator": "478/725", "result": "65.9%",
    "previous_result": "64.1%", "dot_short": "Improving", "last_year_result": "63.0%", "dot_long": "Improving",
    "benchmarks": [{"value": 68.8, "text": "68.8%", "comparator": "CIPFA"}], "period": "Q2 2016/17",
    "target": None, "baseline": None, "rag": None, "status": None, "metric_id": None,
}  # fmt: skip

GENERAL = Indicator(
    3,
    QUOTE,
    ref="AC/S1",
    description="Satisfied with care and support",
    polarity="Bigger is Better",
    result="65.9%",
    period="Q2 2016/17",
    target="65%",
    previous="64.1%",
    direction="Improving",
    benchmarks=(Benchmark(68.8, "68.8%", "CIPFA"),),
    cells=(
        RowCell(CellRole.TARGET, "annual target", "64%"),
        RowCell(CellRole.COUNT, "numerator denominator", "478/725"),
        RowCell(CellRole.PREVIOUS, "last year result", "63.0%"),
        RowCell(CellRole.DIRECTION, "direction vs last year", "Improving"),
    ),
)


def test_a_row_the_first_release_stored_reads_as_the_general_row() -> None:
    assert fact_from_dict(FIRST_RELEASE) == GENERAL


def test_the_general_row_round_trips() -> None:
    assert fact_from_dict(GENERAL.to_dict()) == GENERAL


def test_measures_are_named_by_role_and_heading() -> None:
    ids = {m.metric_id: m.value for m in GENERAL.measures()}
    assert ids == {
        "indicator.AC/S1.result": 65.9,
        "indicator.AC/S1.target": 65,
        "indicator.AC/S1.previous": 64.1,
        "indicator.AC/S1.direction": "Improving",
        "indicator.AC/S1.polarity": "Bigger is Better",
        "indicator.AC/S1.annual_target": 64,
        "indicator.AC/S1.numerator_denominator": "478/725",
        "indicator.AC/S1.last_year_result": 63.0,
        "indicator.AC/S1.direction_last_year": "Improving",
        "indicator.AC/S1.benchmark": 65.9,
    }


@pytest.mark.parametrize(
    ("name", "year"), [("result", "2023-24"), ("target", "2023-24"), ("previous", "2022-23"), ("polarity", None)]
)
def test_each_cell_carries_its_own_period(name: str, year: str | None) -> None:
    row = Indicator(
        1, "x", description="Reviews", result="80%", target="85%", previous="78%", polarity="high is good",
        period="2023-24", previous_period="2022-23",
    )  # fmt: skip
    assert {m.metric_id.rsplit(".", 1)[1]: m.year for m in row.measures()}[name] == year


def test_a_further_cell_by_its_name() -> None:
    assert GENERAL.cell("annual_target") == "64%"
    assert GENERAL.cell("baseline") is None


@pytest.mark.parametrize(
    ("old", "field", "value"),
    [("period_target", "target", "65%"), ("previous_result", "previous", "64.1%"), ("dot_short", "direction", "Same")],
)
def test_each_old_headline_column_finds_its_role(old: str, field: str, value: str) -> None:
    row = fact_from_dict({"fact": "indicator", "page": 1, "quote": "q", old: value})
    assert getattr(row, field) == value


@pytest.mark.parametrize(
    ("old", "role", "name"),
    [("baseline", CellRole.PREVIOUS, "baseline"), ("status", CellRole.STATUS, "status")],
)
def test_other_layouts_old_columns_become_further_cells(old: str, role: CellRole, name: str) -> None:
    row = fact_from_dict({"fact": "indicator", "page": 1, "quote": "q", old: "On track"})
    assert isinstance(row, Indicator)
    assert [(c.role, c.name, c.text) for c in row.cells] == [(role, name, "On track")]
