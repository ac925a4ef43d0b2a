"""Councils side by side (``diff``): one row per measure, logic only.

A diff has one row per measure: the rating and overall score, the nine quality-statement
scores, every comparison (lined up by catalogue id), waits, finance and indicators. Each row
holds one value per council (a :class:`~lacompare.library.views.Side`), chosen by :data:`RULE`
(see :mod:`lacompare.compare.choice`), the benchmark(s) the documents state with their periods,
the gap (for two councils the signed ``difference``, second minus first; for three or more the
``range``, highest minus lowest), and which council does better given the measure's polarity.
The gap and the winner are given only where the councils' values are for one period (or, asked,
across periods). Periods, sources, benchmarks or units that differ between councils, and what
else a council's documents state, are noted, never hidden. Rendering (cells, CSV columns) lives
in :mod:`lacompare.render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lacompare.compare.choice import by_metric, choose, is_england, same_period
from lacompare.kinds import FACT_KINDS
from lacompare.library.values import HIGHER, NEITHER, Value
from lacompare.library.views import Side
from lacompare.model import Number

ENGLAND = "England"


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


def diff(
    sides: Sequence[Side],
    *,
    only_shared: bool = False,
    facts: Iterable[str] | None = None,
    period: str | None = None,
    any_period: bool = False,
) -> list[DiffRow]:
    """One row per measure any side reports (or, with ``only_shared``, every side reports).

    Each council's value is chosen by :data:`RULE` (only values for ``period``, when given). The
    difference, the range and who does better are given only where the councils' values are for
    one period (``periods_match``), or with ``any_period`` across periods (and noted).
    """
    per_side = [by_metric(side.values) for side in sides]
    names = [side.name for side in sides]
    rows = []
    for metric_id, fact_kind in measures_stated(per_side, facts):
        found = [v.get(metric_id, []) for v in per_side]
        row = _row(metric_id, fact_kind, found, names, period=period, any_period=any_period)
        if (not only_shared or row.shared) and any(v is not None for v in row.values):
            rows.append(row)
    return _one_row_per_measure(rows)


def _one_row_per_measure(rows: list[DiffRow]) -> list[DiffRow]:
    """Rows of one measure under several ids (a dashboard repeating "Population density" in each
    of its sections) are one row: same label, fact, values and periods for every side."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for row in rows:
        key = (row.label, row.fact, *((v.value, v.unit, v.period_text) if v else None for v in row.values))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def measures_stated(per_side: Sequence[dict[str, list[Value]]], facts: Iterable[str] | None) -> list[tuple[str, str]]:
    """(metric id, fact kind) of every measure the sides state: by fact kind, then as first stated."""
    kinds = set(facts) if facts is not None else None
    order: dict[str, tuple[int, int, str]] = {}
    for values in per_side:
        for metric_id, stated in values.items():
            if metric_id not in order:
                order[metric_id] = (_fact_rank(stated[0].fact), len(order), stated[0].fact)
    chosen = sorted(order, key=order.__getitem__)
    return [(m, order[m][2]) for m in chosen if kinds is None or order[m][2] in kinds]


def _fact_rank(fact_kind: str) -> int:
    return _FACT_RANK.get(fact_kind, len(_FACT_RANK))


_FACT_RANK = {kind: i for i, kind in enumerate(FACT_KINDS)}


def _row(
    metric_id: str, fact_kind: str, found: list[list[Value]], names: list[str], *, period: str | None, any_period: bool
) -> DiffRow:
    chosen: list[Value | None] = []
    notes: list[str] = []
    for name, values in zip(names, found, strict=True):
        value, disagreements = choose(values, period=period)
        chosen.append(value)
        notes += [f"{name} {d}" for d in disagreements]
    present = [v for v in chosen if v is not None]
    matched = periods_match(present)
    if not matched:
        stated = " / ".join(f"{n} {v.period_text or 'not stated'}" for n, v in zip(names, chosen, strict=True) if v)
        across = "; compared across periods (--any-period)" if any_period else ": not compared"
        notes.append(f"periods differ: {stated}{across}")
    notes += _differences(present)
    polarity = present[0].polarity if present else NEITHER
    comparable = _comparable_units(present) and (matched or any_period)
    return DiffRow(
        metric_id=metric_id,
        label=present[0].label if present else metric_id,
        fact=fact_kind,
        polarity=polarity,
        values=tuple(chosen),
        benchmarks=_benchmarks(present),
        difference=_difference(chosen) if comparable and len(chosen) == 2 else None,
        range=_range(chosen) if comparable and len(chosen) > 2 else None,
        better=_better(chosen, polarity) if comparable else (),
        notes=tuple(notes),
    )


def periods_match(values: Sequence[Value]) -> bool:
    """Whether the values were stated for one period (or none of them names one)."""
    return all(same_period(v, values[0]) for v in values[1:])


def _benchmarks(values: list[Value]) -> tuple[Benchmark, ...]:
    found: dict[tuple[str, Number, str | None], Benchmark] = {}
    for v in sorted(values, key=lambda v: not is_england(v.comparator)):
        if v.comparator_value is None or not v.comparator:
            continue
        name = ENGLAND if is_england(v.comparator) else v.comparator
        year = v.period_text
        found.setdefault((name, v.comparator_value, year), Benchmark(name, v.comparator_value, year))
    return tuple(found.values())


def _differences(values: list[Value]) -> list[str]:
    notes = []
    for what in ("source", "unit"):
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
    if polarity == NEITHER or len(numbered) < 2:
        return ()
    numbers = [n for _, n in numbered]
    if max(numbers) == min(numbers):
        return ()
    best = max(numbers) if polarity == HIGHER else min(numbers)
    return tuple(i for i, n in numbered if n == best)


def _decimals(value: Number | str) -> int:
    text = _number_text(value) if isinstance(value, int | float) else ""
    return len(text.split(".")[1]) if "." in text else 0


def _number_text(value: Number) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
