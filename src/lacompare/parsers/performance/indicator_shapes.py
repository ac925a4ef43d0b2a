"""Indicator rows of papers the general table reader cannot place: the scorecard's text dump
(cells scattered line by line), flattened tables whose rows run together on one line, and rows of
minutes stated under their reference. A paper with a ruled indicator table gets none of these: the
general table reader reads its rows. Each value is taken by the first reader whose shape it stands
in (a value is never in two rows)."""

from __future__ import annotations

from lacompare.extractors.tables.header import column
from lacompare.extractors.tables.rows import plan
from lacompare.model import Fact, Indicator
from lacompare.parsers.performance import indicator_flat, indicator_prose, indicators_text
from lacompare.readers.base import Document


def parse(doc: Document) -> list[Fact]:
    if any(plan([column(h) for h in t.rows[0]]).is_indicator_table for t in doc.tables if t.rows):
        return []
    dump = indicators_text.parse(doc)
    if dump:
        return dump
    facts: list[Fact] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for reader in (indicator_flat.parse, indicator_prose.parse):
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
