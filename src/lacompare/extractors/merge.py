"""One overlap rule for every reader: a fact two readers give is kept once.

Two facts are one when they are of one kind, on one page, state the same figures (an indicator
row its result, a comparison its value and benchmark, any other fact all its numbers) and their
quotes overlap on the page. Of the two, the one that states more of it is kept (an indicator row
with its target, previous value and benchmarks over the same row with its result alone), in the
place of the first; on a tie, the later reader's: readers run from the general to the ones a
document's kind adds, which know its layout best.
"""

from __future__ import annotations

from collections.abc import Iterable

from lacompare.model import Comparison, Fact, Indicator, Number
from lacompare.readers.base import Document

Span = tuple[int, int]


def merged(doc: Document, outputs: Iterable[Iterable[Fact]]) -> list[Fact]:
    """Each reader's facts (in reader order), one fact per statement. A reader's own facts are
    never merged with each other: it knows its rows apart."""
    kept: list[Fact] = []
    taken: dict[tuple[object, ...], list[tuple[Span, int]]] = {}
    for facts in outputs:
        fresh: list[tuple[tuple[object, ...], Span | None, Fact]] = []
        for fact in facts:
            key, span = _key(fact), _span(doc, fact)
            same = _same(taken.get(key, ()), span, fact, kept)
            if same is None:
                fresh.append((key, span, fact))
            elif _richness(fact) >= _richness(kept[same]):
                kept[same] = fact
        for key, span, fact in fresh:
            if span is not None:
                taken.setdefault(key, []).append((span, len(kept)))
            kept.append(fact)
    return kept


def _same(spans: Iterable[tuple[Span, int]], span: Span | None, fact: Fact, kept: list[Fact]) -> int | None:
    """The place of a kept fact whose quote overlaps ``span`` and that states the same thing."""
    if span is None:
        return None
    return next((at for (a, b), at in spans if a < span[1] and span[0] < b and _alike(fact, kept[at])), None)


def _alike(fact: Fact, other: Fact) -> bool:
    """Two indicator rows of one quote are one row when they share a reference or a figure (a
    reader that shifted a cell still names the row's figures); other facts share their key."""
    if isinstance(fact, Indicator) and isinstance(other, Indicator):
        return _same_ref(fact, other) or bool(set(fact.numbers()) & set(other.numbers()))
    return True


def _same_ref(a: Indicator, b: Indicator) -> bool:
    """One row's reference as two readers write it: 'ASCOF 1A' and '1A', 'NI 136' and 'NI136'."""
    if not a.ref or not b.ref:
        return a.key == b.key
    first, second = ("".join(ch for ch in r.upper() if ch.isalnum()) for r in (a.ref, b.ref))
    return first.endswith(second) or second.endswith(first)


def _richness(fact: Fact) -> int:
    """How much of its statement a fact holds: its measured values, and an indicator row's
    reference, code and period besides; a doubt counts against it."""
    extra = sum(bool(x) for x in (fact.ref, fact.code, fact.period)) if isinstance(fact, Indicator) else 0
    return len(fact.measures()) + extra - (fact.flag is not None)


def _key(fact: Fact) -> tuple[object, ...]:
    figures: tuple[Number | str | None, ...]
    if isinstance(fact, Indicator):
        figures = ()  # rows of one quote are told apart by their figures and references (_alike)
    elif isinstance(fact, Comparison):
        figures = (fact.value, fact.comparator_value)
    else:
        figures = tuple(sorted(fact.numbers()))
    return (fact.kind, fact.page, figures)


def _span(doc: Document, fact: Fact) -> tuple[int, int] | None:
    if not 1 <= fact.page <= len(doc.pages) or not fact.quote:
        return None
    start = doc.page(fact.page).text.find(fact.quote)
    return (start, start + len(fact.quote)) if start >= 0 else None


def unique(facts: list[Fact]) -> list[Fact]:
    """Facts in order, a repeat of an earlier one's page, quote and figures left out: a statement
    a page repeats word for word ("84% … compared to 75% nationally", twice) is one fact."""
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
