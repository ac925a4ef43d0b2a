"""One overlap rule for every reader: a fact another reader already gave is not given twice.

Two facts are one when they are of one kind, on one page, state the same figures (an indicator
row its result, a comparison its value and benchmark, any other fact all its numbers) and their
quotes overlap on the page. The first reader's fact is kept: readers run from the most specific
(a kind's own readers) to the most general.
"""

from __future__ import annotations

from collections.abc import Iterable

from lacompare.model import Comparison, Fact, Indicator, Number
from lacompare.readers.base import Document


def merged(doc: Document, outputs: Iterable[Iterable[Fact]]) -> list[Fact]:
    """Each reader's facts (in reader order), less those an earlier reader gave already. A
    reader's own facts are never merged with each other: it knows its rows apart."""
    kept: list[Fact] = []
    spans: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    for facts in outputs:
        fresh: list[tuple[tuple[object, ...], tuple[int, int] | None, Fact]] = []
        for fact in facts:
            key, span = _key(fact), _span(doc, fact)
            if span is not None and any(a < span[1] and span[0] < b for a, b in spans.get(key, ())):
                continue
            fresh.append((key, span, fact))
        for key, span, fact in fresh:
            if span is not None:
                spans.setdefault(key, []).append(span)
            kept.append(fact)
    return kept


def _key(fact: Fact) -> tuple[object, ...]:
    figures: tuple[Number | str | None, ...]
    if isinstance(fact, Indicator):
        figures = (fact.result or fact.previous_result or fact.target or fact.description,)
        figures = tuple(_as_number(f) for f in figures)
    elif isinstance(fact, Comparison):
        figures = (fact.value, fact.comparator_value)
    else:
        figures = tuple(sorted(fact.numbers()))
    return (fact.kind, fact.page, figures)


def _as_number(text: Number | str | None) -> Number | str | None:
    from lacompare.model import split_cell

    return split_cell(text)[0] if isinstance(text, str) else text


def _span(doc: Document, fact: Fact) -> tuple[int, int] | None:
    if not 1 <= fact.page <= len(doc.pages) or not fact.quote:
        return None
    start = doc.page(fact.page).text.find(fact.quote)
    return (start, start + len(fact.quote)) if start >= 0 else None
