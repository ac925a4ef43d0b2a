"""The table reader's grammar: header words -> column roles, cells -> values, labels -> refs.

Each case is a general form councils print (not one document's words): header tables list
several councils' ways of naming one column.
"""

from __future__ import annotations

import pytest

from lacompare.extractors.tables.cells import CellKind, read_cell, row_cells
from lacompare.extractors.tables.header import Role, column, split_header
from lacompare.extractors.tables.labels import split_label
from lacompare.vocab.periods import first_period


@pytest.mark.parametrize(
    ("header", "role", "period", "comparator"),
    [
        ("2022/23 Outturn", Role.RESULT, "2022-23", None),
        ("Outturn 2022/23 (Prov.)", Role.RESULT, "2022-23", None),
        ("Q2 2023-24 Actual", Role.RESULT, "Q2 2023-24", None),
        ("Result Sep-24", Role.RESULT, "Sep 2024", None),
        ("Year to date", Role.RESULT, None, None),
        ("YTD", Role.RESULT, None, None),
        ("2023/24", Role.PERIOD, "2023-24", None),
        ("Target", Role.TARGET, None, None),
        ("2023/24 Tgt", Role.TARGET, "2023-24", None),
        ("Ambition", Role.TARGET, None, None),
        ("Plan 2024/25", Role.TARGET, "2024-25", None),
        ("Last year", Role.PREVIOUS, None, None),
        ("Baseline", Role.PREVIOUS, None, None),
        ("Previous", Role.PREVIOUS, None, None),
        ("England", Role.BENCHMARK, None, "England"),
        ("England average", Role.BENCHMARK, None, "England"),
        ("National", Role.BENCHMARK, None, "national"),
        ("Regional average", Role.BENCHMARK, None, "regional"),
        ("South East", Role.BENCHMARK, None, "South East"),
        ("North West 2022/23", Role.BENCHMARK, "2022-23", "North West"),
        ("London", Role.BENCHMARK, None, "London"),
        ("CIPFA comparator group average", Role.BENCHMARK, None, "CIPFA"),
        ("Statistical neighbours", Role.BENCHMARK, None, "comparator group"),
        ("Nearest neighbours", Role.BENCHMARK, None, "comparator group"),
        ("SN average", Role.BENCHMARK, None, "comparator group"),
        ("RAG", Role.RAG, None, None),
        ("RAG rating", Role.RAG, None, None),
        ("DoT", Role.DIRECTION, None, None),
        ("Direction of travel", Role.DIRECTION, None, None),
        ("Trend", Role.DIRECTION, None, None),
        ("Polarity", Role.POLARITY, None, None),
        ("Good is", Role.POLARITY, None, None),
        ("Ref", Role.LABEL, None, None),
        ("Indicator", Role.LABEL, None, None),
        ("Performance indicator", Role.LABEL, None, None),
        ("Comments", Role.NOTE, None, None),
    ],
)
def test_a_header_cell_names_its_role(header: str, role: Role, period: str | None, comparator: str | None) -> None:
    col = column(header)
    assert (col.role, col.period.text if col.period else None, col.comparator) == (role, period, comparator)


@pytest.mark.parametrize(
    ("line", "roles"),
    [
        (
            "KPI 2021/22 Outturn 2022/23 Outturn Prov. 2021/22 Target 2022/23 Target 2021/22 England Average",
            ["result 2021-22", "result 2022-23", "target 2021-22", "target 2022-23", "benchmark 2021-22"],
        ),
        (
            "Measure Outturn 2021/22 Outturn 2022/23 Target 2022/23 England 2021/22",
            ["result 2021-22", "result 2022-23", "target 2022-23", "benchmark 2021-22"],
        ),
        (
            "Ref Indicator Q2 2023-24 Actual Q2 2023-24 Target Regional RAG DoT",
            ["result Q2 2023-24", "target Q2 2023-24", "benchmark -", "rag -", "direction -"],
        ),
        ("Indicator 2020/21 2021/22 2022/23", ["period 2020-21", "period 2021-22", "period 2022-23"]),
        ("Outcomes West Sussex England", ["value -", "benchmark -"]),
        ("Measure Our performance England North West", ["result -", "benchmark -", "benchmark -"]),
        (
            "Indicator Polarity Target Actual RAG Direction of travel CIPFA comparator group average South East",
            ["polarity -", "target -", "result -", "rag -", "direction -", "benchmark -", "benchmark -"],
        ),
    ],
)
def test_a_flattened_header_is_cut_into_columns(line: str, roles: list[str]) -> None:
    found = split_header(line)
    assert found is not None
    assert [f"{c.role.value} {c.period.text if c.period else '-'}" for c in found[1]] == roles


@pytest.mark.parametrize(
    "line",
    [
        "Local authority rating and score",
        "The council has improved its performance this year.",
        "Year Arithmetic mean wait in days – unvalidated figures",
        "Quality statement scores",
        "Summary of people's experiences",
        "Performance in 2022/23",
        "Overall satisfaction rose in 2023/24 against the England average",
    ],
)
def test_headings_and_sentences_are_not_headers(line: str) -> None:
    assert split_header(line) is None


@pytest.mark.parametrize(
    ("cell", "kind", "value", "unit"),
    [
        ("65.9%", CellKind.NUMBER, 65.9, "%"),
        ("£1,234", CellKind.NUMBER, 1234, "£"),
        ("1.2k", CellKind.NUMBER, 1200, None),
        ("£3.4m", CellKind.NUMBER, 3_400_000, "£"),
        ("£1.2bn", CellKind.NUMBER, 1_200_000_000, "£"),
        ("(1.2)", CellKind.NUMBER, -1.2, None),
        ("-2.1", CellKind.NUMBER, -2.1, None),
        ("1,944*", CellKind.NUMBER, 1944, None),
        ("0", CellKind.NUMBER, 0, None),
        ("n/a", CellKind.NOT_STATED, None, None),
        ("N/A", CellKind.NOT_STATED, None, None),
        ("TBC", CellKind.NOT_STATED, None, None),
        ("-", CellKind.NOT_STATED, None, None),
        ("*", CellKind.NOT_STATED, None, None),
        ("", CellKind.NOT_STATED, None, None),
        ("no tgt", CellKind.NOT_STATED, None, None),
        ("Green", CellKind.RAG, None, None),
        ("Amber", CellKind.RAG, None, None),
        ("Improving", CellKind.DIRECTION, None, None),
        ("↑", CellKind.DIRECTION, None, None),
        ("High is good", CellKind.POLARITY, None, None),
        ("Care homes", CellKind.TEXT, None, None),
    ],
)
def test_a_cell_says_what_it_holds(cell: str, kind: CellKind, value: float | None, unit: str | None) -> None:
    found = read_cell(cell)
    assert (found.kind, found.value, found.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("line", "width", "label", "cells"),
    [
        ("ASC 1A: Quality of life 19 19.3 n/a 18.9", 4, "ASC 1A: Quality of life", ["19", "19.3", "n/a", "18.9"]),
        ("Admissions aged 18-64 per 100,000 12.5 13", 2, "Admissions aged 18-64 per 100,000", ["12.5", "13"]),
        (
            "Reviews within 91 days 81% 85% Green Improving",
            4,
            "Reviews within 91 days",
            ["81%", "85%", "Green", "Improving"],
        ),
        ("People in control 76.9% (76.8%) 77.2% (76.8%)", 2, "People in control", ["76.9% (76.8%)", "77.2% (76.8%)"]),
        ("Budget variance 10.5 (1.2) 3.4", 3, "Budget variance", ["10.5", "(1.2)", "3.4"]),
    ],
)
def test_a_flattened_row_is_read_from_the_right(line: str, width: int, label: str, cells: list[str]) -> None:
    found = row_cells(line, width)
    assert found is not None
    assert (line[: found[0]].strip(), [c.text for c in found[1]]) == (label, cells)


@pytest.mark.parametrize(
    ("label", "ref", "measure"),
    [
        ("ASC 1C part 1A: The proportion of people", "ASC 1C part 1A", "The proportion of people"),
        ("NI 136 People supported to live independently", "NI 136", "People supported to live independently"),
        ("AS01 Reviews completed", "AS01", "Reviews completed"),
        ("1C(2) Adults receiving direct payments", "1C(2)", "Adults receiving direct payments"),
        ("ASC002: Care Act assessments", "ASC002", "Care Act assessments"),
        ("People aged 18-64: admissions", None, "People aged 18-64: admissions"),
        ("Domain 1: Enhancing quality of life", None, "Domain 1: Enhancing quality of life"),
    ],
)
def test_a_label_gives_its_reference(label: str, ref: str | None, measure: str) -> None:
    assert split_label(label) == (ref, measure)


@pytest.mark.parametrize(
    ("text", "normal", "end"),
    [
        ("2022/23", "2022-23", (2023, 3)),
        ("2022-2023", "2022-23", (2023, 3)),
        ("22/23", "2022-23", (2023, 3)),
        ("Q1 2023-24", "Q1 2023-24", (2023, 6)),
        ("Quarter 4 2023/24", "Q4 2023-24", (2024, 3)),
        ("2023/24 Q3", "Q3 2023-24", (2023, 12)),
        ("Sep-24", "Sep 2024", (2024, 9)),
        ("March 2023", "Mar 2023", (2023, 3)),
        ("2024", "2024", (2024, 12)),
    ],
)
def test_periods_are_read_into_one_comparable_form(text: str, normal: str, end: tuple[int, int]) -> None:
    period = first_period(text)
    assert period is not None
    assert (period.text, period.end) == (normal, end)
