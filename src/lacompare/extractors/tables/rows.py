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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from lacompare import compiled
from lacompare.catalogue import ascof
from lacompare.extractors.tables.cells import Cell, CellKind, read_cell
from lacompare.extractors.tables.header import Column, Role, without_period
from lacompare.extractors.tables.labels import reference, split_label
from lacompare.extractors.tables.model import Grid, Row
from lacompare.extractors.tables.named import named_benchmarks, other_period, stated_source
from lacompare.model import Benchmark, CellRole, Comparison, Fact, Indicator, RowCell, split_cell
from lacompare.vocab.periods import Period


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
    others: tuple[int, ...] = ()  # further cells the row keeps: other targets, results, directions, counts

    @property
    def is_indicator_table(self) -> bool:
        return any(i is not None for i in (self.previous, self.target, self.rag, self.direction))


def plan(columns: Sequence[Column]) -> Plan:
    results = [i for i, c in enumerate(columns) if c.role is Role.RESULT]
    bare = [i for i, c in enumerate(columns) if c.role is Role.PERIOD]
    if not results or _later(columns, bare, results):
        # "2023/24 Outturn | Q2 2024/25": a bare period after every named result is the latest result
        results += bare
    if not results:
        results = [i for i, c in enumerate(columns) if c.role is Role.VALUE][:1]
    if not results:
        return Plan(None)
    result = max(results, key=lambda i: (_end(columns[i]), -i))
    period = columns[result].period
    how = Plan(
        result,
        previous=_previous(columns, results, result),
        target=_target(columns, period),
        benchmarks=tuple(i for i, c in enumerate(columns) if c.role is Role.BENCHMARK),
        rag=_first(columns, Role.RAG),
        direction=_first(columns, Role.DIRECTION),
        polarity=_first(columns, Role.POLARITY),
        period=period,
    )
    used = {how.result, how.previous, how.target, how.rag, how.direction, how.polarity}
    others = tuple(i for i, c in enumerate(columns) if i not in used and _further_role(c) is not None)
    return replace(how, others=others)


# The roles of further cells a row keeps beside its headline ones (a bare period's column is a result).
_FURTHER = {
    Role.RESULT: CellRole.RESULT,
    Role.PERIOD: CellRole.RESULT,
    Role.TARGET: CellRole.TARGET,
    Role.PREVIOUS: CellRole.PREVIOUS,
    Role.DIRECTION: CellRole.DIRECTION,
    Role.RAG: CellRole.RAG,
}
_COUNT_HEADING = compiled.pattern(r"(?i)\b(?:numerator|denominator)")


def _further_role(column: Column) -> CellRole | None:
    if column.role is Role.NOTE:
        return CellRole.COUNT if _COUNT_HEADING.search(column.header) else None
    return _FURTHER.get(column.role)


def _first(columns: Sequence[Column], role: Role) -> int | None:
    return next((i for i, c in enumerate(columns) if c.role is role), None)


def _previous(columns: Sequence[Column], results: list[int], result: int) -> int | None:
    named = _first(columns, Role.PREVIOUS)
    if named is not None:
        return named
    end = _end(columns[result])
    earlier = [i for i in results if i != result and (0, 0) < _end(columns[i]) < end]
    return max(earlier, key=lambda i: _end(columns[i])) if earlier else None


def _later(columns: Sequence[Column], bare: list[int], named: list[int]) -> bool:
    """Whether a bare period's column is dated after every named result column."""
    latest = max((_end(columns[i]) for i in named), default=(0, 0))
    return any(_end(columns[i]) > latest for i in bare) and latest > (0, 0)


def _end(col: Column) -> tuple[int, int]:
    """The month a column's period ends in; (0, 0) when it names none. A quarter or month named
    without its year ("Q2 Actual" beside "2023/24 Outturn") is the year in progress: a scorecard
    dates the years behind it and names only the part of the current one, so it comes after them."""
    if col.period is None:
        return (0, 0)
    year, month = col.period.end
    return (year or _YEAR_IN_PROGRESS, month)


_YEAR_IN_PROGRESS = 9999


def _target(columns: Sequence[Column], period: Period | None) -> int | None:
    targets = [i for i, c in enumerate(columns) if c.role is Role.TARGET]
    if len(targets) <= 1:
        return targets[0] if targets else None
    same = [i for i in targets if columns[i].period == period]
    return same[0] if same else next((i for i in targets if columns[i].period is None), None)


def grid_facts(grid: Grid) -> list[Fact]:
    """The grid's rows as indicator rows and benchmark comparisons."""
    if grid.pairs is not None:
        return list(_paired(grid))
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


def _paired(grid: Grid) -> Iterator[Comparison]:
    """A table grouped by place: the council's cell set against the benchmark's like it, row by row."""
    for row in grid.rows:
        for mine, theirs in grid.pairs or ():
            value, bench = _at(row, mine), _at(row, theirs)
            if value is None or bench is None or value.value is None or bench.value is None:
                continue
            column = grid.columns[mine]
            yield Comparison(
                grid.page,
                row.quote,
                flag=row.flag,
                metric=f"{row.label}: {column.header}",
                value=value.value,
                unit="%" if "%" in column.header else value.unit or bench.unit,
                comparator=grid.columns[theirs].comparator or "average",
                comparator_value=bench.value,
                year=column.period.text if column.period else None,
            )


def _indicator(grid: Grid, row: Row, how: Plan) -> Indicator:
    ref, code, description = reference(row.ref, row.label)
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
        code=code,
        description=description,
        result=_number_text(result),
        previous=_number_text(_at(row, how.previous)),
        previous_period=_period_of(grid, how.previous),
        target=_number_text(_at(row, how.target)) or _word(_at(row, how.target)),
        rag=cell(how.rag),
        direction=cell(how.direction),
        polarity=cell(how.polarity),
        benchmarks=tuple(Benchmark(b.cell.value, b.cell.text, b.comparator, b.period) for b in _beside(grid, row, how)),
        cells=tuple(_further(grid, row, i) for i in how.others if _stated(_at(row, i))),
        period=period,
        metric_id=ascof.metric_id((code, ref, description), period),
    )


@dataclass(frozen=True, slots=True)
class _Beside:
    """A benchmark beside a row's result: a column of its own, or one a cell names among several."""

    comparator: str
    cell: Cell
    period: str | None = None  # its own period, where the cell states one that is not the result's
    source: str | None = None
    column: bool = True
    compared: bool = True  # False: a column of another period than the result's, kept on the row only


def _beside(grid: Grid, row: Row, how: Plan) -> list[_Beside]:
    out: list[_Beside] = []
    for index in how.benchmarks:
        cell, column = _at(row, index), grid.columns[index]
        if cell is None:
            continue
        if cell.is_number:
            # "England 2023/24" beside a "Q3 2024/25" result: kept with its period, never compared as equal
            same = _same_period(how.period, column.period)
            own = None if same or column.period is None else column.period.text
            out.append(_Beside(column.comparator or "average", cell, own, compared=same))
        elif cell.kind is CellKind.TEXT:  # "68.8% (CIPFA) 70.1% (London) ASCOF comparators (2015/16)"
            source, own = stated_source(cell.text)
            other = own if own and (how.period is None or own != how.period.text) else None
            named = named_benchmarks(cell.text)
            out.extend(_Beside(n.comparator, read_cell(n.text), other, source, column=False) for n in named)
    return out


def _further(grid: Grid, row: Row, index: int) -> RowCell:
    column = grid.columns[index]
    role = _further_role(column)
    heading = without_period(column.header)  # a bare period's column is named by its role and period
    cell = row.cells[index]
    text = _number_text(cell) or cell.text
    return RowCell(role or CellRole.NOTE, heading, text, column.period.text if column.period else None)


def _word(cell: Cell | None) -> str | None:
    """A short stated word where a figure could stand ("Monitor" for a target), as printed."""
    return cell.text if cell is not None and cell.kind is CellKind.TEXT and len(cell.text) <= 30 else None


def _stated(cell: Cell | None) -> bool:
    return cell is not None and bool(cell.text) and cell.kind is not CellKind.NOT_STATED


def _period_of(grid: Grid, index: int | None) -> str | None:
    period = grid.columns[index].period if index is not None else None
    return period.text if period else None


def _at(row: Row, index: int | None) -> Cell | None:
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _number_text(cell: Cell | None) -> str | None:
    """The cell as the indicator keeps it: as printed ('61.0%', '61.0% (within CI)') where that reads
    as its number, else its number and unit ('1,944*' -> '1944', '(1.2)' -> '-1.2'); None for no number."""
    if cell is None or not cell.is_number:
        return None
    printed = split_cell(cell.text)
    if printed == (cell.value, cell.unit):
        return cell.text
    value = cell.value
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return f"£{text}" if cell.unit == "£" else f"{text}%" if cell.unit == "%" else text


def _comparisons(grid: Grid, row: Row, how: Plan, indicator: Indicator) -> list[Comparison]:
    result = _at(row, how.result)
    if result is None or not result.is_number:
        return []
    out = []
    for bench in (b for b in _beside(grid, row, how) if b.compared):
        out.append(_comparison(grid, row, indicator, result, bench, aside=False))
        if bench.column and result.aside is not None and bench.cell.aside is not None:
            out.append(_comparison(grid, row, indicator, result, bench, aside=True))
    return out


def _same_period(result: Period | None, benchmark: Period | None) -> bool:
    return result is None or benchmark is None or result.text == benchmark.text


def _comparison(grid: Grid, row: Row, indicator: Indicator, result: Cell, bench: _Beside, *, aside: bool) -> Comparison:
    value = result.aside if aside else result.value
    against = bench.cell.aside if aside else bench.cell.value
    notes = [row.flag]
    if aside:
        notes.append("bracketed figures: an earlier period the table does not name")
    if bench.period:
        notes.append(other_period(bench.period))
    return Comparison(
        grid.page,
        row.quote,
        flag="; ".join(n for n in notes if n) or None,
        metric=indicator.description,
        value=value,  # type: ignore[arg-type]
        unit=result.unit or bench.cell.unit or indicator.label_unit(value),
        comparator=bench.comparator,
        comparator_value=against,  # type: ignore[arg-type]
        source=bench.source,
        year=None if aside else indicator.period,
        metric_id=indicator.metric_id or "",
    )
