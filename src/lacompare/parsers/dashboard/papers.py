"""A dashboard's own comparisons set beside the prose reader's for the same statements: one fact
per statement, a sentence the dashboard's measures do not name read as the prose reader reads it."""

from __future__ import annotations

from dataclasses import replace

from lacompare.model import Comparison, Fact


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
