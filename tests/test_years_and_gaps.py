"""Years written one way ("2023-24") so reports line up; the gap column: difference for two, range for more."""

from __future__ import annotations

import pytest

from lacompare.compare import Side, diff, gap_column
from lacompare.model import Comparison, Finance, Report
from lacompare.parsers import parse
from lacompare.render.diff_rows import difference_text, table_columns, table_records, wide_columns, wide_records
from lacompare.vocab.patterns import normalise_year
from tests.parser_helpers import text_doc


@pytest.mark.parametrize(
    ("stated", "normalised"),
    [
        ("2023/24", "2023-24"),
        ("2023-24", "2023-24"),
        ("2023–24", "2023-24"),
        ("2023 - 24", "2023-24"),
        ("2023 to 2024", "2023-24"),
        ("2022/2023", "2022-23"),
        ("2023-2024", "2023-24"),
        ("1999/2000", "1999-00"),
        ("24/25", "2024-25"),
        (" 2023/24 ", "2023-24"),
        ("2024", "2024"),
        ("Q2 2016/17", "Q2 2016/17"),  # a period, not a year: kept as stated
        ("23/27", None),  # a short pair that is not one year on: no year
        ("", None),
        (None, None),
    ],
)
def test_years_are_written_one_way(stated: str | None, normalised: str | None) -> None:
    assert normalise_year(stated) == normalised


VACANCY = (
    "Skills for Care workforce estimates data ({year}) showed there was a staff vacancy rate of {value}% "
    "compared to an England average of 8.06% in the local authority."
)
BUDGET = "The local authority estimated that in {year}, its total budget would be £{value}."


def report(name: str, year: str, vacancy: str, budget: str) -> Report:
    doc = text_doc(VACANCY.format(year=year, value=vacancy) + "\n" + BUDGET.format(year=year, value=budget))
    return parse(doc, kind="cqc_assessment")


def test_reports_stating_a_year_two_ways_line_up_with_no_years_differ_note() -> None:
    a = report("A", "2023/24", "6.4", "553,918,000")
    b = report("B", "2023-24", "16.78", "589,322,000")
    for r, stated in ((a, "2023/24"), (b, "2023-24")):
        dated = [f for f in r.facts if isinstance(f, Comparison | Finance)]
        assert {f.year for f in dated} == {"2023-24"}, dated
        assert all(stated in f.quote for f in dated)  # the quote keeps the form the text states
        assert not any(f.flag for f in dated)
    rows = {row.metric_id: row for row in diff([Side.of_report("A", a), Side.of_report("B", b)])}
    for metric_id in ("sfc.vacancy_rate", "finance.total_budget_estimated"):
        row = rows[metric_id]
        assert row.shared
        assert [v.year for v in row.values if v] == ["2023-24", "2023-24"]
        assert not any(note.startswith("years differ") for note in row.notes), row.notes
    assert rows["sfc.vacancy_rate"].difference == pytest.approx(10.38)


def comparison_report(name: str, value: float) -> Report:
    fact = Comparison(1, f"a vacancy rate of {value}% against 50%", metric="vacancy rate", value=value, unit="%",
                      comparator="England", comparator_value=50, metric_id="sfc.vacancy_rate")  # fmt: skip
    return Report(name, "cqc_assessment", name, None, 1, name, facts=(fact,))


def councils(*values: float) -> list[Side]:
    return [Side.of_report(name, comparison_report(name, v)) for name, v in zip("ABCD", values, strict=False)]


def test_two_councils_get_the_signed_difference_second_minus_first() -> None:
    sides = councils(16.78, 6.4)
    (row,) = diff(sides)
    assert (row.difference, row.range, row.gap) == (pytest.approx(-10.38), None, pytest.approx(-10.38))
    assert gap_column(sides) == "difference"
    assert "difference" in wide_columns(sides) and "range" not in wide_columns(sides)
    assert wide_records([row], sides)[0]["difference"] == pytest.approx(-10.38)
    assert "difference" in table_columns(sides)
    assert table_records([row], sides)[0]["difference"] == "-10.38 pts"
    assert difference_text(diff(councils(6.4, 16.78))[0]) == "+10.38 pts"


def test_three_councils_get_a_range_highest_minus_lowest_not_a_difference() -> None:
    sides = councils(9.5, 4.25, 12.0)
    (row,) = diff(sides)
    assert (row.difference, row.range) == (None, pytest.approx(7.75))
    assert gap_column(sides) == "range"
    assert "range" in wide_columns(sides) and "difference" not in wide_columns(sides)
    record = wide_records([row], sides)[0]
    assert record["range"] == pytest.approx(7.75) and "difference" not in record
    cells = table_records([row], sides)[0]
    assert cells["range"] == "7.75 pts" and "difference" not in cells  # a range has no sign
    assert row.better == (1,)  # lower vacancy is better


def test_a_range_needs_two_councils_that_state_the_measure() -> None:
    sides = [*councils(9.5, 4.25), Side.of_report("C", Report("C", "cqc_assessment", "C", None, 1, "C", facts=()))]
    (row,) = diff(sides)
    assert (row.difference, row.range) == (None, pytest.approx(5.25))
    lone = [Side.of_report("A", comparison_report("A", 9.5)), *sides[2:], sides[2].__class__("D", sides[2].values)]
    assert diff(lone)[0].range is None
