"""A table's rows as facts: one indicator row per data row, and each benchmark cell the row's
result set against that benchmark (a comparison), so councils line up by measure.

Which column is the row's result: the result column of the latest period (an "Outturn",
"Actual" or bare period column), else the one column of values the header does not name (the
council's own name beside "England"). Previous: a "Last year" / "Baseline" column, else the
result column of the period before. Target: the target of the result's period, else the one
target. A benchmark is compared with the result only when both are for the same period, or one
of them names none. A table of the council's values beside benchmarks alone (a column under the
council's name or a bare year, and no reference, target, previous, RAG or direction) gives the
comparisons and no indicator rows; a column headed as a result ("Outturn", "Actual") makes rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lacompare import ascof
from lacompare.extractors.periods import Period
from lacompare.extractors.tables.cells import Cell, CellKind
from lacompare.extractors.tables.header import Column, Role
from lacompare.extractors.tables.labels import split_label
from lacompare.extractors.tables.model import Grid, Row
from lacompare.model import Benchmark, Comparison, Fact, Indicator


@dataclass(frozen=True, slots=True)
class Plan:
    """Which column (an index into the grid's columns) holds what."""

    result: int | None
    previous: int | None = None
    target: int | None = None
    benchmarks: tuple[int, ...] = ()
    rag: int | None = None
    direction: int | None = None
    polarity: int | None = None
    period: Period | None = None

    @property
    def is_indicator_table(self) -> bool:
        return any(i is not None for i in (self.previous, self.target, self.rag, self.direction))


def plan(columns: Sequence[Column]) -> Plan:
    results = [i for i, c in enumerate(columns) if c.role is Role.RESULT]
    if not results:
        results = [i for i, c in enumerate(columns) if c.role is Role.PERIOD]
    if not results:
        results = [i for i, c in enumerate(columns) if c.role is Role.VALUE][:1]
    if not results:
        return Plan(None)
    result = max(results, key=lambda i: (_end(columns[i]), -i))
    period = columns[result].period
    return Plan(
        result,
        previous=_previous(columns, results, result),
        target=_target(columns, period),
        benchmarks=tuple(i for i, c in enumerate(columns) if c.role is Role.BENCHMARK),
        rag=_first(columns, Role.RAG),
        direction=_first(columns, Role.DIRECTION),
        polarity=_first(columns, Role.POLARITY),
        period=period,
    )


def _first(columns: Sequence[Column], role: Role) -> int | None:
    return next((i for i, c in enumerate(columns) if c.role is role), None)


def _previous(columns: Sequence[Column], results: list[int], result: int) -> int | None:
    named = _first(columns, Role.PREVIOUS)
    if named is not None:
        return named
    end = _end(columns[result])
    earlier = [i for i in results if i != result and (0, 0) < _end(columns[i]) < end]
    return max(earlier, key=lambda i: _end(columns[i])) if earlier else None


def _end(col: Column) -> tuple[int, int]:
    """The month a column's period ends in; (0, 0) when it names none."""
    return col.period.end if col.period else (0, 0)


def _target(columns: Sequence[Column], period: Period | None) -> int | None:
    targets = [i for i, c in enumerate(columns) if c.role is Role.TARGET]
    if len(targets) <= 1:
        return targets[0] if targets else None
    same = [i for i in targets if columns[i].period == period]
    return same[0] if same else next((i for i in targets if columns[i].period is None), None)


def grid_facts(grid: Grid) -> list[Fact]:
    """The grid's rows as indicator rows and benchmark comparisons."""
    how = plan(grid.columns)
    if how.result is None:
        return []
    has_refs = any(r.ref or split_label(r.label)[0] for r in grid.rows)
    named_result = grid.columns[how.result].role is Role.RESULT  # "Outturn", "Actual", "Result", "YTD"
    rows_are_indicators = how.is_indicator_table or has_refs or named_result
    facts: list[Fact] = []
    for row in grid.rows:
        indicator = _indicator(grid, row, how)
        if rows_are_indicators:
            facts.append(indicator)
        facts.extend(_comparisons(grid, row, how, indicator))
    return facts


def _indicator(grid: Grid, row: Row, how: Plan) -> Indicator:
    ref, description = split_label(row.label)
    ref = row.ref or ref
    period = how.period.text if how.period else None

    def cell(index: int | None) -> str | None:
        if index is None or index >= len(row.cells):
            return None
        found = row.cells[index]
        return found.text if found.text and found.kind is not CellKind.NOT_STATED else None

    result = row.cells[how.result] if how.result is not None else None  # type: ignore[index]
    return Indicator(
        grid.page,
        row.quote,
        flag=row.flag,
        ref=ref or "",
        description=description,
        result=_number_text(result),
        previous_result=_number_text(_at(row, how.previous)),
        target=_number_text(_at(row, how.target)),
        rag=cell(how.rag),
        status=cell(how.direction),
        polarity=cell(how.polarity),
        benchmarks=tuple(
            Benchmark(c.value, c.text, grid.columns[i].comparator or "average")
            for i in how.benchmarks
            if (c := row.cells[i]).is_number and _same_period(how.period, grid.columns[i].period)
        ),
        period=period,
        metric_id=ascof.metric_id((ref, description), period),
    )


def _at(row: Row, index: int | None) -> Cell | None:
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _number_text(cell: Cell | None) -> str | None:
    """The cell as the indicator keeps it: its number and unit ('65.9%', '£1234'), or None."""
    if cell is None or not cell.is_number:
        return None
    value = cell.value
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return f"£{text}" if cell.unit == "£" else f"{text}%" if cell.unit == "%" else text


def _comparisons(grid: Grid, row: Row, how: Plan, indicator: Indicator) -> list[Comparison]:
    result = _at(row, how.result)
    if result is None or not result.is_number:
        return []
    out = []
    for index in how.benchmarks:
        bench, column = row.cells[index], grid.columns[index]
        if not bench.is_number or not _same_period(how.period, column.period):
            continue
        out.append(_comparison(grid, row, indicator, result, bench, column, aside=False))
        if result.aside is not None and bench.aside is not None:
            out.append(_comparison(grid, row, indicator, result, bench, column, aside=True))
    return out


def _same_period(result: Period | None, benchmark: Period | None) -> bool:
    return result is None or benchmark is None or result.text == benchmark.text


def _comparison(
    grid: Grid, row: Row, indicator: Indicator, result: Cell, bench: Cell, column: Column, *, aside: bool
) -> Comparison:
    value = result.aside if aside else result.value
    against = bench.aside if aside else bench.value
    flag = row.flag
    if aside:
        flag = "; ".join(f for f in (flag, "bracketed figures: an earlier period the table does not name") if f)
    return Comparison(
        grid.page,
        row.quote,
        flag=flag,
        metric=indicator.description,
        value=value,  # type: ignore[arg-type]
        unit=result.unit or bench.unit,
        comparator=column.comparator or "average",
        comparator_value=against,  # type: ignore[arg-type]
        year=None if aside else indicator.period,
        metric_id=indicator.metric_id or "",
    )
