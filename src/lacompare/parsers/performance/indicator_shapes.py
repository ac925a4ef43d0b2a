"""Indicator rows of papers without a ruled indicator table: flattened tables read by their
header, one-value-per-line runs and prose rows, each value taken by the first reader whose
shape it stands in (a value is never in two rows)."""

from __future__ import annotations

from lacompare.model import Fact, Indicator
from lacompare.parsers.performance import indicator_flat, indicator_lines, indicator_prose
from lacompare.readers.base import Document


def parse(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for reader in (indicator_flat.parse, indicator_lines.parse, indicator_prose.parse):
        for fact in reader(doc):
            if isinstance(fact, Indicator) and _overlaps(doc, fact, spans.setdefault(fact.page, [])):
                continue
            facts.append(fact)
    return facts


def _overlaps(doc: Document, fact: Indicator, taken: list[tuple[int, int]]) -> bool:
    """Is the row's quote inside one already read? Records its span when it is not."""
    start = doc.page(fact.page).text.find(fact.quote)
    if start < 0 or fact.flag:
        return False
    end = start + len(fact.quote)
    if any(a < end and start < b for a, b in taken):
        return True
    taken.append((start, end))
    return False
