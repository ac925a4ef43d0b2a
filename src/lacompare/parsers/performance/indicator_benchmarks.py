"""An indicator row's benchmark cell ("68.8% (CIPFA) 70.1% (London)") as benchmarks, and the row's
result set against each of them as comparisons (so ``diff`` lines councils up)."""

from __future__ import annotations

from lacompare.catalogue import ascof
from lacompare.extractors.tables.named import named_benchmarks, other_period, stated_source
from lacompare.model import Benchmark, Comparison, Indicator, split_cell


def parse_benchmarks(text: str, period: str | None = None) -> tuple[Benchmark, ...]:
    """'68.8% (CIPFA) 70.1% (London)' -> two benchmarks; 'CIPFA comparator group average 60.5%' -> one.
    ``period`` is the result's: a benchmark the cell dates otherwise keeps its own period."""
    own = stated_source(text)[1]
    other = own if own and own != period else None
    return tuple(Benchmark(n.value, n.text, n.comparator, other) for n in named_benchmarks(text))


def benchmark_comparisons(indicator: Indicator, bench_text: str) -> list[Comparison]:
    """The result set against each benchmark, for ``diff``: the result's period is the comparison's
    year; a benchmark of another period is flagged, never given the result's year."""
    value, unit = split_cell(indicator.result or "")
    if not isinstance(value, int | float):
        return []
    source = stated_source(bench_text)[0]
    # A row an ASCOF code names lines up with that measure elsewhere; any other keeps the row's own id.
    codes = (indicator.code, indicator.ref, indicator.description)
    metric_id = ascof.metric_id(codes, indicator.period) or f"indicator.{indicator.ref}.result"
    return [
        Comparison(
            indicator.page,
            indicator.quote,
            flag=_flag(indicator.flag, b),
            metric=f"{indicator.ref} {indicator.description}".strip(),
            value=value,
            unit=unit or split_cell(b.text)[1],
            comparator=b.comparator,
            comparator_value=b.value if b.value is not None else 0,
            source=source,
            year=indicator.period,
            metric_id=metric_id,
        )
        for b in indicator.benchmarks
        if b.value is not None
    ]


def _flag(flag: str | None, benchmark: Benchmark) -> str | None:
    if benchmark.period is None:
        return flag
    note = other_period(benchmark.period)
    return "; ".join(f for f in (flag, note) if f)
