"""Indicator rows of papers the general table reader cannot place: the scorecard's text dump
(cells scattered line by line) and flattened tables whose rows run together on one line. A paper
with a ruled indicator table gets neither: the general table reader reads its rows."""

from __future__ import annotations

from lacompare.extractors.tables.header import column
from lacompare.extractors.tables.rows import plan
from lacompare.model import Fact
from lacompare.parsers.performance import indicator_flat, indicators_text
from lacompare.readers.base import Document


def parse(doc: Document) -> list[Fact]:
    if any(plan([column(h) for h in t.rows[0]]).is_indicator_table for t in doc.tables if t.rows):
        return []
    return indicators_text.parse(doc) or indicator_flat.parse(doc)
