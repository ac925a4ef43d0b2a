"""Benchmarks named inside one cell, as benchmarking columns print several together: "68.8% (CIPFA)
70.1% (London)", "CIPFA comparator group average 60.5%", "England: 77.6%", and the source and
period the cell may state ("ASCOF comparators (2015/16)")."""

from __future__ import annotations

from dataclasses import dataclass

from lacompare import compiled
from lacompare.model import Number, split_cell
from lacompare.vocab.patterns import NUMBER
from lacompare.vocab.periods import first_period
from lacompare.vocab.relations import REGIONS, comparator

# Who a benchmark is: England, a region, London, a comparator group (never a target).
_WHO = (
    rf"{REGIONS}|England|national|London|regional|region|CIPFA(?:\s+comparator\s+group)?|SN"
    r"|statistical\s+neighbours?|nearest\s+neighbours?|comparator\s+(?:group|councils|authorities)|similar\s+councils"
)
_FIGURE = rf"£?{NUMBER}%?"
# "68.8% (CIPFA)": the figure, then who in brackets.
_AFTER = compiled.pattern(rf"(?i)(?P<value>{_FIGURE})\s*\(\s*(?P<who>{_WHO})(?:\s+(?:average|avg|mean))?\s*\)")
# "CIPFA comparator group average 60.5%", "England: 77.6%": who, then the figure (not itself named after).
_BEFORE = compiled.pattern(
    rf"(?i)\b(?P<who>{_WHO})\b[^%\d()]{{0,40}}?(?:\baverage\s+|:\s*|\s[–-]\s*)(?P<value>{_FIGURE})(?![.\d])"
    rf"(?!\s*\(\s*(?:{_WHO})\s*\))"
)
# "(statistical neighbours 11.0)": who and the figure together in brackets.
_INSIDE = compiled.pattern(rf"(?i)\(\s*(?P<who>{_WHO})(?:\s+(?:average|avg|mean))?\s+(?P<value>{_FIGURE})\s*\)")
_SOURCE = compiled.pattern(r"\b(?P<source>ASCOF|CIPFA|SALT|ASCS)\s+[Cc]omparators?\s*\((?P<period>[^()]{4,12})\)")


@dataclass(frozen=True, slots=True)
class Named:
    """One benchmark a cell names: who, its figure (and the figure as printed), where it stands."""

    comparator: str
    value: Number
    text: str
    start: int


def named_benchmarks(text: str) -> list[Named]:
    """Every benchmark the cell names with its figure, in the cell's order (each once)."""
    found: list[Named] = []
    for pattern in (_AFTER, _BEFORE, _INSIDE):
        for m in pattern.finditer(text):
            value = split_cell(m.group("value"))[0]
            if not isinstance(value, int | float):
                continue
            named = Named(comparator(m.group("who")), value, m.group("value"), m.start("value"))
            if not any(n.comparator == named.comparator and n.value == named.value for n in found):
                found.append(named)
    return sorted(found, key=lambda n: n.start)


def stated_source(text: str) -> tuple[str | None, str | None]:
    """The source and period a benchmark cell states ("ASCOF comparators (2015/16)"), else None."""
    m = _SOURCE.search(text)
    if m is None:
        return None, None
    period = first_period(m.group("period"))
    return m.group("source"), period.text if period else None


def other_period(period: str) -> str:
    """The doubt a comparison carries when its benchmark is for another period than the result."""
    return f"the benchmark is for {period}, the result for another period"
