"""Councils side by side (``diff``) and league tables (``rank``): pure logic, no rendering.

A diff has one row per measure: the rating and overall score, the nine quality-statement
scores, every comparison (lined up by catalogue id), waits and finance. Each row holds one
value per council, the benchmark(s) the reports state with their years, the gap (for two
councils the signed ``difference``, second minus first; for three or more the ``range``, highest
minus lowest), and which council does better given the measure's polarity. Years, sources, benchmarks or units
that differ between councils are kept and noted, never hidden.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lacompare import catalogue
from lacompare.model import Fact, Number, Report

FACT_ORDER = ("rating", "score", "comparison", "wait", "finance", "indicator")
ENGLAND = "England"


@dataclass(frozen=True, slots=True)
class Side:
    """One column of a diff: a council (or a file) and the report that speaks for it."""

    name: str
    report: Report


@dataclass(frozen=True, slots=True)
class Value:
    """One council's value for one measure, with where it was found."""

    value: Number | str
    unit: str | None
    metric: str
    comparator: str | None = None
    comparator_value: Number | None = None
    relation: str | None = None
    source: str | None = None
    year: str | None = None
    flag: str | None = None
    page: int = 0
    quote: str = ""

    @property
    def number(self) -> float | None:
        if isinstance(self.value, bool):
            return None
        if isinstance(self.value, int | float):
            return float(self.value)
        return float(catalogue.RATING_ORDER[self.value]) if self.value in catalogue.RATING_ORDER else None


@dataclass(frozen=True, slots=True)
class Benchmark:
    comparator: str
    value: Number
    year: str | None = None


@dataclass(frozen=True, slots=True)
class DiffRow:
    metric_id: str
    label: str
    fact: str
    polarity: str
    values: tuple[Value | None, ...]
    benchmarks: tuple[Benchmark, ...] = ()
    difference: Number | None = None  # two sides: second minus first
    range: Number | None = None  # three or more sides: highest minus lowest
    better: tuple[int, ...] = ()  # indexes of the sides doing better
    notes: tuple[str, ...] = field(default=())

    @property
    def shared(self) -> bool:
        return all(v is not None for v in self.values)

    @property
    def benchmark(self) -> Benchmark | None:
        return self.benchmarks[0] if self.benchmarks else None

    @property
    def gap(self) -> Number | None:
        """The row's gap column: the difference for two sides, the range for more."""
        return self.difference if len(self.values) <= 2 else self.range


def gap_column(sides: Sequence[object]) -> str:
    """The gap column's name: "difference" (signed) for two sides, "range" for three or more."""
    return "difference" if len(sides) <= 2 else "range"


def diff(sides: Sequence[Side], *, only_shared: bool = False, facts: Iterable[str] | None = None) -> list[DiffRow]:
    """One row per measure any side reports (or, with ``only_shared``, every side reports)."""
    kinds = set(facts) if facts is not None else None
    per_side = [_values_by_metric(side.report) for side in sides]
    order: dict[str, tuple[int, int, int]] = {}
    fact_of: dict[str, str] = {}
    for values in per_side:
        for metric_id, (fact_kind, _) in values.items():
            fact_of.setdefault(metric_id, fact_kind)
            order.setdefault(metric_id, _sort_key(metric_id, fact_kind, len(order)))
    rows = []
    for metric_id in sorted(order, key=order.__getitem__):
        if kinds is not None and fact_of[metric_id] not in kinds:
            continue
        found = [v.get(metric_id, (None, []))[1] for v in per_side]
        row = _row(metric_id, fact_of[metric_id], found, [side.name for side in sides])
        if not only_shared or row.shared:
            rows.append(row)
    return rows


def _values_by_metric(report: Report) -> dict[str, tuple[str, list[Value]]]:
    """metric id -> (fact kind, the report's values for it in page order)."""
    out: dict[str, tuple[str, list[Value]]] = {}
    for fact in catalogue.assign_metric_ids(report.facts):
        for value_id, value in _values(fact):
            out.setdefault(value_id, (fact.kind, []))[1].append(value)
    return out


def _values(fact: Fact) -> list[tuple[str, Value]]:
    out = []
    for m in fact.measures():
        if m.value is None:
            continue
        value = Value(
            m.value, m.unit, m.metric, m.comparator, m.comparator_value, m.relation, m.source, m.year,
            fact.flag, fact.page, fact.quote,
        )  # fmt: skip
        out.append((m.metric_id, value))
    return out


def _sort_key(metric_id: str, fact_kind: str, seen: int) -> tuple[int, int, int]:
    kind_rank = FACT_ORDER.index(fact_kind) if fact_kind in FACT_ORDER else len(FACT_ORDER)
    known = [m.id for m in catalogue.every_metric()]
    return kind_rank, known.index(metric_id) if metric_id in known else len(known), seen


def _row(metric_id: str, fact_kind: str, found: list[list[Value]], names: list[str]) -> DiffRow:
    chosen = [_preferred(values) for values in found]
    present = [v for v in chosen if v is not None]
    notes = []
    for name, values, shown in zip(names, found, chosen, strict=True):
        others = _distinct(_text(v.value) for v in values)
        if shown is not None and len(others) > 1:
            notes.append(f"{name} also states {' / '.join(o for o in others if o != _text(shown.value))}")
    notes += _differences(present)
    polarity = catalogue.polarity(metric_id)
    comparable = _comparable_units(present)
    return DiffRow(
        metric_id=metric_id,
        label=catalogue.label(metric_id, present[0].metric if present else metric_id),
        fact=fact_kind,
        polarity=polarity,
        values=tuple(chosen),
        benchmarks=_benchmarks(present),
        difference=_difference(chosen) if comparable and len(chosen) == 2 else None,
        range=_range(chosen) if comparable and len(chosen) > 2 else None,
        better=_better(chosen, polarity) if comparable else (),
        notes=tuple(notes),
    )


def _preferred(values: list[Value]) -> Value | None:
    """A council's value for a row: the one set against England, else the first stated."""
    if not values:
        return None
    england = [v for v in values if is_england(v.comparator)]
    return (england or values)[0]


def is_england(comparator: str | None) -> bool:
    return (comparator or "").strip().casefold() in ("england", "national", "england average", "national average")


def _benchmarks(values: list[Value]) -> tuple[Benchmark, ...]:
    out: list[Benchmark] = []
    for v in sorted(values, key=lambda v: not is_england(v.comparator)):
        if v.comparator_value is None or not v.comparator:
            continue
        name = ENGLAND if is_england(v.comparator) else v.comparator
        bench = Benchmark(name, v.comparator_value, v.year)
        if not any(b.comparator == name and b.value == bench.value and b.year == bench.year for b in out):
            out.append(bench)
    return tuple(out)


def _differences(values: list[Value]) -> list[str]:
    notes = []
    for what in ("year", "source", "unit"):
        distinct = _distinct(str(getattr(v, what)) for v in values if getattr(v, what) is not None)
        if len(distinct) > 1:
            notes.append(f"{what}s differ: {' / '.join(distinct)}")
    stated = [v for v in values if v.comparator_value is not None]
    if len({v.comparator_value for v in stated}) > 1:
        benches = _distinct(f"{v.comparator} {_number_text(v.comparator_value)}" for v in stated)  # type: ignore[arg-type]
        notes.append(f"benchmarks differ: {' / '.join(benches)}")
    return notes


def _distinct(items: Iterable[str]) -> list[str]:
    """Distinct items in first-seen order (so notes read in column order)."""
    return list(dict.fromkeys(items))


def _text(value: Number | str) -> str:
    return value if isinstance(value, str) else _number_text(value)


def _comparable_units(values: list[Value]) -> bool:
    return len({v.unit for v in values if v.unit is not None}) <= 1


def _difference(values: Sequence[Value | None]) -> Number | None:
    """Second minus first (two sides, both stated as numbers)."""
    numbers = _numbers(values)
    return _rounded(numbers[1] - numbers[0], values) if numbers is not None and len(values) == 2 else None


def _range(values: Sequence[Value | None]) -> Number | None:
    """Highest minus lowest of the sides that state the measure (two or more of them)."""
    numbers = _numbers(values)
    return _rounded(max(numbers) - min(numbers), values) if numbers is not None else None


def _numbers(values: Sequence[Value | None]) -> list[float] | None:
    """The sides' numbers, where two or more state one and none states words (a rating)."""
    numbers = [v.number for v in values if v is not None and v.number is not None]
    if len(numbers) < 2 or any(isinstance(v.value, str) for v in values if v is not None):
        return None
    return numbers


def _rounded(raw: float, values: Sequence[Value | None]) -> Number:
    places = max(_decimals(v.value) for v in values if v is not None)
    result = round(raw, places)
    return int(result) if places == 0 else result


def _better(values: Sequence[Value | None], polarity: str) -> tuple[int, ...]:
    numbered = [(i, v.number) for i, v in enumerate(values) if v is not None and v.number is not None]
    if polarity == catalogue.NEITHER or len(numbered) < 2:
        return ()
    numbers = [n for _, n in numbered]
    if max(numbers) == min(numbers):
        return ()
    best = max(numbers) if polarity == catalogue.HIGHER else min(numbers)
    return tuple(i for i, n in numbered if n == best)


def _decimals(value: Number | str) -> int:
    text = _number_text(value) if isinstance(value, int | float) else ""
    return len(text.split(".")[1]) if "." in text else 0


def _number_text(value: Number) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# -- rank ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RankRow:
    position: int
    name: str
    value: Value


def rank(sides: Sequence[Side], metric_id: str) -> list[RankRow]:
    """Every side that states the metric, best first by polarity (highest first when neither)."""
    found = []
    for side in sides:
        values = _values_by_metric(side.report).get(metric_id)
        chosen = _preferred(values[1]) if values else None
        if chosen is not None and chosen.number is not None:
            found.append((side.name, chosen))
    lower_first = catalogue.polarity(metric_id) == catalogue.LOWER
    found.sort(key=lambda nv: (nv[1].number if lower_first else -(nv[1].number or 0), nv[0]))
    out: list[RankRow] = []
    for i, (name, value) in enumerate(found):
        tied = out and out[-1].value.number == value.number
        out.append(RankRow(out[-1].position if tied else i + 1, name, value))
    return out


# -- records for the tidy and wide CSV ---------------------------------------------------------

TIDY_COLUMNS = (
    "metric_id", "metric", "fact", "council", "value", "unit", "better", "comparator", "comparator_value",
    "relation", "source", "year", "polarity", "flag", "document", "page", "quote",
)  # fmt: skip


def tidy_records(rows: Sequence[DiffRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    """One record per council x measure (a council that does not state a measure has no record)."""
    out: list[dict[str, object]] = []
    for row in rows:
        for i, (side, v) in enumerate(zip(sides, row.values, strict=True)):
            if v is None:
                continue
            out.append(
                {
                    "metric_id": row.metric_id, "metric": row.label, "fact": row.fact, "council": side.name,
                    "value": v.value, "unit": v.unit, "better": (i in row.better) if row.better else None,
                    "comparator": v.comparator, "comparator_value": v.comparator_value, "relation": v.relation,
                    "source": v.source, "year": v.year, "polarity": row.polarity, "flag": v.flag,
                    "document": side.report.document, "page": v.page, "quote": v.quote,
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
            unit=next((v.unit for v in row.values if v is not None and v.unit), None),
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
