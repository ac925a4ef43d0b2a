"""Figures listed by period, a line each: a measure's latest figure, and benchmarks listed the same way.

A list under a measure (its name on the line before, or in each item's own words: "- 2021-2022:
41,665 new requests for adult social care") is an indicator row: the latest figure is its result,
the one before its previous. A place's list followed by a benchmark's:

    Proportion of people … receiving a direct payment:
    Norfolk:
    - 2020-2021: 24.4%
    - 2021-2022: 25.3%
    - January 2023: 24.9%
    East of England:
    - 2020-2021: 25.5%
    - 2021-2022: 25.5%

gives one comparison per period both lists state (2020-21: 24.4% vs 25.5% regional; 2021-22:
25.3% vs 25.5%), each with its year; a period only the place states ("January 2023") has no
benchmark and gives none. The first list is the place's when its name is not a benchmark's;
every later list whose name is one (England, a region, CIPFA, comparator group, target) is set
against it. The measure is the line that introduces the lists. No relation is stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lacompare import compiled
from lacompare.model import Comparison, Fact, Indicator, Number
from lacompare.parsers.text import benchmarks as bm
from lacompare.parsers.text.lines import Line, content_lines
from lacompare.readers.base import Document, Page
from lacompare.readers.blocks import text_lines
from lacompare.vocab import relations
from lacompare.vocab.patterns import NUMBER, YEAR, normalise_year, parse_number
from lacompare.vocab.periods import MONTH, stated_period

# "Norfolk:", "East of England:", "England average:": a short name ending in a colon.
_NAME = compiled.pattern(r"\s*(?P<name>[A-Z][\w'’&,. -]{1,60}?)\s*:\s*")
# "- 2020-2021: 24.4%", "• 2021/22 – 25.3%", "2022-23: 1,128 per 100,000", and words after the figure
_ITEM = compiled.pattern(
    rf"\s*(?:[-•·*]\s*)?(?P<period>{YEAR}|(?i:{MONTH})\s+(?:19|20)\d\d|Q[1-4]\s+{YEAR})\s*[:–-]\s*"
    rf"(?P<value>(?P<cur>£)?(?P<num>{NUMBER})(?P<pct>%)?)\s*(?P<unit>per\s+100,000)?(?P<words>[^\n]*?)\s*"
)
_WORDY = compiled.pattern(r"[A-Za-z]{3,}")  # words that can name a measure
_MEASURE = compiled.pattern(r"\s*(?P<measure>[A-Z][^:\n]{8,200}?)\s*:?\s*")
# How far before the lists a data source may be named ("Benchmarking ASCOF").
_SOURCE_REACH = 300
_EXTRA_WORDS = compiled.pattern(r"(?i)\s+(?:average|mean|rate|figure)s?$")


@dataclass(frozen=True, slots=True)
class Item:
    period: str
    value: Number
    unit: str | None


@dataclass(frozen=True, slots=True)
class YearList:
    """A name line and the period lines under it."""

    name: str
    head: Line
    last: Line
    items: tuple[Item, ...]


def comparisons(doc: Document) -> list[Fact]:
    """One comparison per period a place's list and a benchmark's list both state."""
    lines = content_lines(doc)
    out: list[Fact] = []
    for group, measure in _groups(lines):
        out.extend(_comparisons(doc, group, measure))
    return out


def _groups(lines: list[Line]) -> Iterator[tuple[list[YearList], Line | None]]:
    """Runs of year lists that follow one another on a page, with the line that introduces them."""
    k = 0
    while k < len(lines):
        group: list[YearList] = []
        j = k
        while (found := _year_list(lines, j)) is not None and (not group or found.head.page == group[0].head.page):
            group.append(found)
            j = lines.index(found.last) + 1
        if len(group) > 1:
            before = lines[k - 1] if k > 0 and lines[k - 1].page == group[0].head.page else None
            yield group, before
            k = j
        else:
            k += 1


def _year_list(lines: list[Line], k: int) -> YearList | None:
    if k >= len(lines):
        return None
    head = _NAME.fullmatch(lines[k].text)
    if head is None:
        return None
    items: list[Item] = []
    last = lines[k]
    for line in lines[k + 1 :]:
        m = _ITEM.fullmatch(line.text)
        if m is None or line.page != last.page:
            break
        if m.group("words"):
            break  # a figure with words after it is a measure's own item, not a place's list
        unit = "%" if m.group("pct") else "£" if m.group("cur") else m.group("unit")
        items.append(Item(normalise_year(m.group("period")) or m.group("period"), parse_number(m.group("num")), unit))
        last = line
    return YearList(head.group("name"), lines[k], last, tuple(items)) if items else None


def _comparisons(doc: Document, group: list[YearList], measure: Line | None) -> Iterator[Comparison]:
    place, rest = group[0], group[1:]
    if _benchmark(place.name) is not None:
        return
    text = doc.page(place.head.page).text
    metric = _measure(measure)
    source = _source(text, measure or place.head)
    own = {item.period: item for item in place.items}
    for other in rest:
        comparator = _benchmark(other.name)
        if comparator is None:
            continue
        quote = text[place.head.start : other.last.end]
        for item in other.items:
            mine = own.get(item.period)
            if mine is None or mine.unit != item.unit:
                continue
            yield Comparison(
                place.head.page,
                quote,
                metric=metric or "",
                value=mine.value,
                unit=mine.unit,
                comparator=comparator,
                comparator_value=item.value,
                relation=None,
                source=source,
                year=item.period,
            )


def _benchmark(name: str) -> str | None:
    """The benchmark a list's name states ('East of England' -> regional), None for a place."""
    found = relations.comparator(_EXTRA_WORDS.sub("", name))
    return None if found == "average" else found


def _measure(line: Line | None) -> str | None:
    if line is None:
        return None
    m = _MEASURE.fullmatch(line.text)
    return m.group("measure") if m else None


def _source(text: str, line: Line) -> str | None:
    found = bm.citations(text[max(0, line.start - _SOURCE_REACH) : line.end])
    return found[-1].source if found else None


# -- a measure's list as an indicator row ----------------------------------------------------


def rows(page: Page) -> list[Indicator]:
    """The page's lists under a measure as indicator rows (a benchmark's list after one is skipped)."""
    text, number, lines = page.text, page.number, text_lines(page.text)
    rows, i = [], 0
    while i < len(lines):
        items = _items_from(lines, i)
        if len(items) < 2:
            i += 1
            continue
        row = _list_row(text, number, lines, i, items)
        if row is not None:
            rows.append(row)
        i += len(items)
        # a second labelled list right after the first: a benchmark (region, England), skipped
        while i < len(lines) and _NAME.fullmatch(lines[i][1]) and len(nxt := _items_from(lines, i + 1)) >= 2:
            i += 1 + len(nxt)
    return rows


def _items_from(lines: list[tuple[int, str]], i: int) -> list[re.Match[str]]:
    items = []
    while i < len(lines) and (m := _ITEM.fullmatch(lines[i][1])):
        items.append(m)
        i += 1
    return items


def _list_row(
    text: str, page: int, lines: list[tuple[int, str]], i: int, items: list[re.Match[str]]
) -> Indicator | None:
    words = {" ".join(m.group("words").split()) for m in items}
    first_at = lines[i][0]
    last_at, last = lines[i + len(items) - 1]
    if len(words) == 1 and (name := words.pop()) and _WORDY.search(name):
        start = first_at
    elif i >= 2 and _NAME.fullmatch(lines[i - 1][1]) and lines[i - 2][1].rstrip().endswith(":"):
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
        previous_period=stated_period(before.group("period")),
        period=stated_period(latest.group("period")),
    )
