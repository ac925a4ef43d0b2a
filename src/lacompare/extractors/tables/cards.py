"""Tables printed as cards, as web dashboards print them: a measure's name, its value alone on
the next line, then its status ("Improved performance", "Stayed the same", "Green"); a page holds
two or more such cards in a run. A status is the dashboard's, never a CQC rating.

A value whose neighbours are values or statuses (a text dump printing all values, then all
statuses, then all names) cannot be paired with a name and is left out.
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.model import Indicator
from lacompare.parsers.performance.refs import RAG_RE, STATUS_LINE
from lacompare.readers.base import Page
from lacompare.readers.blocks import text_lines
from lacompare.vocab.patterns import NUMBER

_VALUE_LINE = compiled.pattern(rf"^\s*(?P<value>£?{NUMBER}(?:%|\s?(?:days|weeks|per\s+[\d,]+))?)\s*$")
_NAME = compiled.pattern(r"[A-Za-z]{3,}")


MIN_CARDS = 2  # one name/value/status triple alone is too weak a sign of a dashboard


def rows(page: Page) -> list[Indicator]:
    """The page's cards as indicator rows."""
    cards = _status_runs(page.text, page.number, text_lines(page.text))
    return cards if len(cards) >= MIN_CARDS else []


def _is_name(line: str) -> bool:
    return bool(_NAME.search(line)) and not _VALUE_LINE.match(line) and not STATUS_LINE.match(line)


def _status_runs(text: str, page: int, lines: list[tuple[int, str]]) -> list[Indicator]:
    rows = []
    for i in range(1, len(lines) - 1):
        (name_at, name), (_, value), (status_at, status) = lines[i - 1], lines[i], lines[i + 1]
        v, s = _VALUE_LINE.match(value), STATUS_LINE.match(status)
        if not (v and s and _is_name(name)):
            continue
        word = " ".join(s.group("status").split())
        rag = word if RAG_RE.match(word) else None
        rows.append(
            Indicator(
                page,
                text[name_at + len(name) - len(name.lstrip()) : status_at + len(status.rstrip())],
                description=" ".join(name.split()),
                result=v.group("value"),
                direction=None if rag else word,
                rag=rag,
            )
        )
    return rows
