"""An indicator row's benchmark cell ("68.8% (CIPFA) 70.1% (London)") as benchmarks, and the row's
result set against each of them as comparisons (so ``diff`` lines councils up)."""

from __future__ import annotations

from lacompare import ascof, compiled
from lacompare.model import Benchmark, Comparison, Indicator, split_cell
from lacompare.parsers.text.patterns import NUMBER
from lacompare.parsers.text.relations import comparator

_BENCHMARK_PAREN = compiled.pattern(
    rf"(?P<value>£?{NUMBER}%?)\s*\((?P<who>CIPFA|London|England|[Nn]ational|[Rr]egional|SN|statistical neighbours?)\)"
)
_BENCHMARK_AVERAGE = compiled.pattern(
    rf"\b(?P<who>CIPFA|London|England|national|regional)\b[^%\d()]{{0,40}}?\baverage\s+(?P<value>£?{NUMBER}%?)(?!\s*\()"
)
_BENCHMARK_SOURCE = compiled.pattern(r"\b(?P<source>ASCOF|CIPFA|SALT|ASCS)\s+[Cc]omparators?\s*\((?P<year>[\d/]+)\)")


def parse_benchmarks(text: str) -> tuple[Benchmark, ...]:
    """'68.8% (CIPFA) 70.1% (London)' -> two benchmarks; 'CIPFA comparator group average 60.5%' -> one."""
    found: list[tuple[int, Benchmark]] = []
    for pattern in (_BENCHMARK_PAREN, _BENCHMARK_AVERAGE):
        for m in pattern.finditer(text):
            value = split_cell(m.group("value"))[0]
            if not isinstance(value, int | float):
                continue
            bench = Benchmark(value, m.group("value"), comparator(m.group("who")))
            if not any(b.comparator == bench.comparator and b.value == bench.value for _, b in found):
                found.append((m.start("value"), bench))
    return tuple(b for _, b in sorted(found, key=lambda pair: pair[0]))


def benchmark_comparisons(indicator: Indicator, bench_text: str) -> list[Comparison]:
    """The result set against each benchmark, for ``diff``."""
    value, unit = split_cell(indicator.result or "")
    if not isinstance(value, int | float):
        return []
    source = _BENCHMARK_SOURCE.search(bench_text)
    # A row an ASCOF code names lines up with that measure elsewhere; any other keeps the row's own id.
    codes = (indicator.code, indicator.ref, indicator.description)
    metric_id = ascof.metric_id(codes, indicator.period) or f"indicator.{indicator.ref}.result"
    return [
        Comparison(
            indicator.page,
            indicator.quote,
            flag=indicator.flag,
            metric=f"{indicator.ref} {indicator.description}".strip(),
            value=value,
            unit=unit or split_cell(b.text)[1],
            comparator=b.comparator,
            comparator_value=b.value if b.value is not None else 0,
            source=source.group("source") if source else None,
            year=source.group("year") if source else None,
            metric_id=metric_id,
        )
        for b in indicator.benchmarks
        if b.value is not None
    ]
