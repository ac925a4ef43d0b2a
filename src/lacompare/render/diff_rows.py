"""A diff as records and cells: the tidy and wide CSV contracts, the grid of ``table``, and the
plain table's cells (values with units, benchmarks with their years, the better value marked with
a symbol so it survives without colour)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lacompare.compare import DiffRow, Grid, Side, gap_column, is_england
from lacompare.library.values import HIGHER, LOWER, NEITHER, Value
from lacompare.model import Number

BETTER_MARK = "✓"
POLARITY_MARK = {HIGHER: "↑", LOWER: "↓", NEITHER: ""}

TIDY_COLUMNS = (
    "metric_id", "metric", "fact", "council", "gss_code", "value", "unit", "period", "better", "comparator",
    "comparator_value", "relation", "source", "year", "polarity", "flag", "notes", "document", "sha256", "kind",
    "published", "page", "quote",
)  # fmt: skip


def tidy_records(rows: Sequence[DiffRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    """One record per council x measure (a council that does not state a measure has no record)."""
    out: list[dict[str, object]] = []
    for row in rows:
        for i, (side, v) in enumerate(zip(sides, row.values, strict=True)):
            if v is None:
                continue
            notes = "; ".join(n for n in row.notes if n.startswith(f"{side.name} ")) or None
            out.append(
                {
                    "metric_id": row.metric_id, "metric": row.label, "fact": row.fact, "council": side.name,
                    "gss_code": side.gss_code, "value": v.value, "unit": v.unit, "period": v.period_text,
                    "better": (i in row.better) if row.better else None, "comparator": v.comparator,
                    "comparator_value": v.comparator_value, "relation": v.relation, "source": v.source,
                    "year": v.year, "polarity": row.polarity, "flag": v.flag, "notes": notes,
                    "document": v.document, "sha256": v.sha256[:12], "kind": v.kind, "published": v.published,
                    "page": v.page, "quote": v.quote,
                }
            )  # fmt: skip
    return out


def wide_columns(sides: Sequence[Side]) -> tuple[str, ...]:
    names = tuple(s.name for s in sides)
    return ("metric_id", "metric", "fact", *names, "unit", "benchmark", "benchmark_value", "benchmark_year",
            gap_column(sides), "better", "polarity", "notes")  # fmt: skip


def wide_records(rows: Sequence[DiffRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    """One record per measure, one column per council."""
    out: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = {"metric_id": row.metric_id, "metric": row.label, "fact": row.fact}
        for side, v in zip(sides, row.values, strict=True):
            record[side.name] = v.value if v is not None else None
        bench = row.benchmark
        record.update(
            unit=_unit(row),
            benchmark=bench.comparator if bench else None,
            benchmark_value=bench.value if bench else None,
            benchmark_year=bench.year if bench else None,
            **{gap_column(sides): row.gap},
            better="; ".join(sides[i].name for i in row.better) or None,
            polarity=row.polarity,
            notes="; ".join(row.notes) or None,
        )
        out.append(record)
    return out


GRID_HEAD = ("council", "gss_code", "region")


PERIOD_SUFFIX = " period"
UNIT_SUFFIX = " unit"


def grid_columns(grid: Grid) -> tuple[str, ...]:
    """The grid's columns: the council, then one per measure (its id), each followed by the period
    of its figures ("<id> period") where any states one, and their unit ("<id> unit") where the
    councils' units differ, so a figure is never pasted without its year."""
    out: list[str] = list(GRID_HEAD)
    for i, metric_id in enumerate(grid.metric_ids):
        stated = [cells[i] for cells in grid.cells if cells[i] is not None]
        out.append(metric_id)
        if any(v.period_text for v in stated if v is not None):
            out.append(metric_id + PERIOD_SUFFIX)
        if len({v.unit for v in stated if v is not None}) > 1:
            out.append(metric_id + UNIT_SUFFIX)
    return tuple(out)


def grid_records(grid: Grid) -> list[dict[str, object]]:
    """One record per council, one column per measure: the value as stated, with its period and
    unit in the columns beside it (see :func:`grid_columns`; units are also in `metrics`)."""
    out: list[dict[str, object]] = []
    for side, cells in zip(grid.sides, grid.cells, strict=True):
        record: dict[str, object] = {"council": side.name, "gss_code": side.gss_code, "region": side.region}
        for metric_id, v in zip(grid.metric_ids, cells, strict=True):
            record[metric_id] = v.value if v is not None else None
            record[metric_id + PERIOD_SUFFIX] = v.period_text if v is not None else None
            record[metric_id + UNIT_SUFFIX] = v.unit if v is not None else None
        out.append(record)
    return out


def _unit(row: DiffRow) -> str | None:
    return next((v.unit for v in row.values if v is not None and v.unit), None)


SHORT_UNIT = 7  # a one-line cell keeps units up to this long ("days", "months"), not "per 100,000 people"


def number_text(value: Number | str, unit: str | None = None, *, short: bool = False) -> str:
    """46.41 '%' -> '46.41%'; 553918000 '£' -> '£553,918,000'; 21 'days' -> '21 days'
    (``short``: a long unit is left to the measure's label)."""
    if isinstance(value, str):
        return value
    if short:
        return _short_number(value, unit)
    text = f"{int(value):,}" if isinstance(value, float) and value.is_integer() else f"{value:,}"
    if unit == "%":
        return text + "%"
    if unit == "£":
        return "£" + text
    if unit and unit not in ("score (1-4)", "ratio"):
        return f"{text} {unit}"
    return text


def _short_number(value: Number, unit: str | None) -> str:
    """A one-line cell: millions of pounds as '£553.9m', thousands as '£4,767k'; a unit the label
    already names ('people', 'per 100,000 people') left out."""
    if unit == "£" and abs(value) >= 1_000_000:
        return f"{'-' if value < 0 else ''}£{abs(value) / 1_000_000:,.1f}m"
    if unit in ("£000", "£k", "£'000"):
        return f"{'-' if value < 0 else ''}£{number_text(abs(value))}k"
    if unit in ("people", "score") or (unit and len(unit) > SHORT_UNIT):
        unit = None
    return number_text(value, unit)


def value_text(value: Value | None, *, better: bool, period: bool = True) -> str:
    """A value with its unit ("46.41%"), its period in brackets and ✓ (``period`` False: a one-line
    cell, without the period and a long unit)."""
    if value is None:
        return "–"
    text = number_text(value.value, value.unit, short=not period)
    if period and value.period_text:
        text += f" ({value.period_text})"
    return f"{text} {BETTER_MARK}" if better else text


def period_cell(row: DiffRow) -> str:
    """The row's period: the one its values share, else each council's in column order, years
    written short ("22-23/23-24"; "–" where a council's figure states none)."""
    stated = [v.period_text or "–" for v in row.values if v is not None]
    distinct = list(dict.fromkeys(stated))
    if distinct == ["–"]:
        return ""
    if len(distinct) == 1:
        return distinct[0]
    return "/".join(_SHORT_YEAR.sub(r"\1", p) for p in stated)


_SHORT_YEAR = re.compile(r"\b(?:19|20)(\d\d-\d\d)\b")


def first_benchmark_text(row: DiffRow) -> str:
    """The row's first benchmark with its unit: England's bare ("58.77%"), any other named ("London 7.6%");
    "…" when there are more."""
    if not row.benchmarks:
        return ""
    unit = next((v.unit for v in row.values if v is not None and v.unit), None)
    first = row.benchmarks[0]
    label = "" if is_england(first.comparator) else f"{first.comparator} "
    more = " …" if len({b.value for b in row.benchmarks}) > 1 else ""
    return f"{label}{number_text(first.value, unit, short=True)}{more}"


def benchmark_text(row: DiffRow) -> str:
    unit = next((v.unit for v in row.values if v is not None and v.unit), None)
    years: dict[Number, tuple[str, list[str]]] = {}  # benchmark value -> (how it is named, years given)
    for b in row.benchmarks:
        label = "England" if is_england(b.comparator) else b.comparator
        _, stated = years.setdefault(b.value, (label, []))
        if b.year and b.year not in stated:
            stated.append(b.year)
    return " / ".join(
        f"{label} {number_text(value, unit)}" + (f" ({', '.join(ys)})" if ys else "")
        for value, (label, ys) in years.items()
    )


def table_notes(row: DiffRow) -> str:
    """The row's notes (the cells show each value's period; "periods differ" says why there is no ✓)."""
    return "; ".join(row.notes)


def difference_text(row: DiffRow) -> str:
    """The gap cell: a signed difference for two sides ("+1.87 pts"), an unsigned range for more ("9.87 pts")."""
    gap = row.gap
    if gap is None:
        return ""
    sign = "+" if gap > 0 and len(row.values) <= 2 else ""
    unit = next((v.unit for v in row.values if v is not None and v.unit), None)
    if unit == "£":
        return f"{sign}£{number_text(abs(gap))}".replace("£", "-£" if gap < 0 else "£", 1)
    suffix = " pts" if unit == "%" else ""
    return f"{sign}{number_text(gap)}{suffix}"


def label_text(row: DiffRow) -> str:
    mark = POLARITY_MARK.get(row.polarity, "")
    return f"{row.label} {mark}".rstrip()


def table_columns(sides: Sequence[Side]) -> tuple[str, ...]:
    return ("metric", *(s.name for s in sides), "benchmark", gap_column(sides), "better", "notes")


def table_records(rows: Sequence[DiffRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    """The diff as plain-table cells: the better value marked, benchmarks with their years."""
    out: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = {"metric": label_text(row)}
        for i, (side, value) in enumerate(zip(sides, row.values, strict=True)):
            record[side.name] = value_text(value, better=i in row.better)
        record.update(
            benchmark=benchmark_text(row),
            **{gap_column(sides): difference_text(row)},
            better="; ".join(sides[i].name for i in row.better),
            notes=table_notes(row),
        )
        out.append(record)
    return out
