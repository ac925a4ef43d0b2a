"""Quotes for table rows and the reporting period of a performance report.

pdfium gives a ruled table cell by cell, so a row's quote is the shortest verbatim span of
the page text that runs through its cells in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from lacompare import compiled
from lacompare.readers.base import Document
from lacompare.vocab.patterns import NUMBER

PERIOD_RE = compiled.pattern(r"\b(Q[1-4])\s+((?:19|20)\d\d/\d\d)\b")
_WINDOW = 4000


def cell_pattern(cell: str) -> regex.Pattern[str]:
    """The cell's words in order, any whitespace (or none, at a wrapped hyphen) between them."""
    words = [regex.escape(w) for w in cell.split()]
    return compiled.pattern(r"\s*".join(words) if len(words) > 1 else words[0])


def row_span(text: str, first: str, cells: Sequence[str]) -> tuple[int, int, int] | None:
    """(start, end, cells missed): from the line starting with ``first`` through the cells in order."""
    head = r"\s*".join(regex.escape(w) for w in first.split()) or regex.escape(first)
    start_match = regex.search(rf"(?m)^{head}(?![\w/])", text) or regex.search(rf"(?<![\w/]){head}(?![\w/])", text)
    if not start_match:
        return None
    pos = end = start_match.end()
    missed = 0
    for cell in cells:
        if not cell.strip():
            continue
        limit = min(len(text), pos + _WINDOW)
        m = cell_pattern(cell).search(text, pos, limit)
        if m:
            pos = end = m.end()
            continue
        numbers = list(regex.finditer(NUMBER, cell))
        found = True
        for num in numbers:
            nm = compiled.pattern(rf"(?<![\w.,]){regex.escape(num.group())}(?![\d])").search(text, pos, limit)
            if not nm:
                found = False
                break
            pos = end = nm.end()
        missed += 0 if (found and numbers) else 1
    return start_match.start(), end, missed


def row_quote(text: str, first: str, cells: Sequence[str]) -> tuple[str, str | None]:
    """The row's quote and a flag when some cell could not be placed in the page text."""
    span = row_span(text, first, cells)
    if span is None:
        return first, "row not found in the page text"
    start, end, missed = span
    flag = f"{missed} cell(s) not found in the page text" if missed else None
    return text[start:end], flag


def report_period(doc: Document) -> str | None:
    """The most frequent 'Q2 2016/17' in the document: the period it reports on."""
    return _most_frequent_period(doc.sha256, doc.text)


@lru_cache(maxsize=8)
def _most_frequent_period(_sha256: str, text: str) -> str | None:
    # Kept per document (by its hash): several readers ask for it, and each reads every page.
    counts = Counter(f"{m.group(1)} {m.group(2)}" for m in PERIOD_RE.finditer(text))
    return counts.most_common(1)[0][0] if counts else None
