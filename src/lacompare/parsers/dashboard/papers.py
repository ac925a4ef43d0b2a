"""Benchmark comparisons in council papers and pages: the prose reader's, the year lists', and
the dashboard reader's, one fact per statement.

Targets are left to the indicator readers in performance papers ("Achieved 2,882 against a
target of 2,800" is an indicator's result and target), so here a comparison is with England,
a region, a comparator group, CIPFA nearest neighbours or London. A statement a page repeats
word for word ("84% of residents satisfied … compared to 75% nationally", twice) is one fact.
"""

from __future__ import annotations

from dataclasses import replace

from lacompare.model import Comparison, Fact
from lacompare.parsers.cqc import comparisons
from lacompare.parsers.dashboard import year_lists
from lacompare.readers.base import Document


def parse(doc: Document) -> list[Fact]:
    """Prose and year-list comparisons with a benchmark (not a target) of a council paper."""
    return unique(benchmarks(doc) + year_lists.parse(doc))


def benchmarks(doc: Document) -> list[Fact]:
    return [f for f in comparisons.parse(doc) if isinstance(f, Comparison) and f.comparator != "target"]


def unique(facts: list[Fact]) -> list[Fact]:
    """Facts in order, a repeat of an earlier one's page, quote and figures left out."""
    seen: set[tuple[object, ...]] = set()
    out: list[Fact] = []
    for fact in facts:
        key = _statement(fact)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def _statement(fact: Fact) -> tuple[object, ...]:
    if isinstance(fact, Comparison):
        return (fact.page, fact.quote, fact.value, fact.comparator, fact.comparator_value, fact.year)
    return (id(fact),)


def merged(own: list[Fact], prose: list[Fact]) -> list[Fact]:
    """The dashboard reader's facts, a sentence its measures do not name read as the prose reader
    reads the same figures there; prose comparisons the dashboard reader did not make kept too."""
    out: list[Fact] = []
    used: set[int] = set()
    for fact in own:
        match = _same_statement(fact, [p for p in prose if id(p) not in used]) if isinstance(fact, Comparison) else None
        if match is not None and isinstance(fact, Comparison):
            used.add(id(match))
            fact = _lent(fact, match)
        out.append(fact)
    return out + [p for p in prose if id(p) not in used]


def _same_statement(fact: Comparison, prose: list[Fact]) -> Comparison | None:
    for p in prose:
        if not isinstance(p, Comparison) or p.page != fact.page:
            continue
        if (p.value, p.comparator_value) == (fact.value, fact.comparator_value) and (
            p.quote in fact.quote or fact.quote in p.quote
        ):
            return p
    return None


def _lent(fact: Comparison, prose: Comparison) -> Comparison:
    """A sentence the dashboard's measures do not name is read as the prose reader reads it."""
    if not fact.metric_id.endswith(".comparison"):
        return fact
    return replace(
        fact,
        metric=prose.metric,
        metric_id=prose.metric_id,
        relation=fact.relation or prose.relation,
        source=fact.source or prose.source,
        year=fact.year or prose.year,
    )
