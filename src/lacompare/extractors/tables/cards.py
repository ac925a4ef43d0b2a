"""Tables printed one cell per line, as web dashboards and benchmarking pages print them.

- Cards: a measure's name, its value alone on the next line, then its status ("Improved
  performance", "Stayed the same", "Green"); a page holds two or more such cards in a run. A
  status is the dashboard's, never a CQC rating.
- Year lists: a measure, then "<Council>:" and one "- <period>: <value>" item per line: the
  council's latest figure is the row's result, the one before it the previous; a second list right
  after it (the region, England) is a benchmark, not part of the row. Items whose own words name
  the measure ("- 2021-2022: 41,665 new requests for adult social care") name it themselves.

A value whose neighbours are values or statuses (a text dump printing all values, then all
statuses, then all names) cannot be paired with a name and is left out.
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.model import Indicator
from lacompare.parsers.performance.refs import RAG_RE, STATUS_LINE
from lacompare.parsers.text.patterns import NUMBER, YEAR
from lacompare.readers.base import Page
from lacompare.readers.blocks import text_lines

_VALUE_LINE = compiled.pattern(rf"^\s*(?P<value>£?{NUMBER}(?:%|\s?(?:days|weeks|per\s+[\d,]+))?)\s*$")
_PERIOD = rf"(?:{YEAR}|[A-Z][a-z]+\s+(?:19|20)\d\d)"
_ITEM = compiled.pattern(rf"^\s*[-•·*]\s*(?P<period>{_PERIOD}):\s*(?P<value>{NUMBER}%?)(?P<words>.*)$")
_LIST_LABEL = compiled.pattern(r"^\s*(?P<label>[A-Z][^:\n]{1,60}):\s*$")
_NAME = compiled.pattern(r"[A-Za-z]{3,}")


MIN_CARDS = 2  # one name/value/status triple alone is too weak a sign of a dashboard


def rows(page: Page) -> list[Indicator]:
    """The page's cards and year lists as indicator rows."""
    lines = text_lines(page.text)
    cards = _status_runs(page.text, page.number, lines)
    return (cards if len(cards) >= MIN_CARDS else []) + _year_lists(page.text, page.number, lines)


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


def _year_lists(text: str, page: int, lines: list[tuple[int, str]]) -> list[Indicator]:
    rows, i = [], 0
    while i < len(lines):
        items = _items_from(lines, i)
        if len(items) < 2:
            i += 1
            continue
        row = _list_row(text, page, lines, i, items)
        if row is not None:
            rows.append(row)
        i += len(items)
        # a second labelled list right after the first: a benchmark (region, England), skipped
        while i < len(lines) and _LIST_LABEL.match(lines[i][1]) and len(nxt := _items_from(lines, i + 1)) >= 2:
            i += 1 + len(nxt)
    return rows


def _items_from(lines: list[tuple[int, str]], i: int) -> list[regex.Match[str]]:
    items = []
    while i < len(lines) and (m := _ITEM.match(lines[i][1])):
        items.append(m)
        i += 1
    return items


def _list_row(
    text: str, page: int, lines: list[tuple[int, str]], i: int, items: list[regex.Match[str]]
) -> Indicator | None:
    words = {" ".join(m.group("words").split()) for m in items}
    first_at = lines[i][0]
    last_at, last = lines[i + len(items) - 1]
    if len(words) == 1 and (name := words.pop()) and _NAME.search(name):
        start = first_at
    elif i >= 2 and _LIST_LABEL.match(lines[i - 1][1]) and lines[i - 2][1].rstrip().endswith(":"):
        name, start = lines[i - 2][1].strip().rstrip(":"), lines[i - 2][0]
    else:
        return None  # no measure named for the list: not a row
    latest, before = items[-1], items[-2]
    return Indicator(
        page,
        text[start : last_at + len(last.rstrip())],
        description=" ".join(name.split()),
        result=latest.group("value"),
        previous=before.group("value"),
        previous_period=before.group("period"),
        period=latest.group("period"),
    )
