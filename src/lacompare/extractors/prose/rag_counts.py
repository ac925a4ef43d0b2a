"""RAG and target counts that papers and minutes state in prose, as statistics.

"Of the 35 measures reported below 8 are Red; 3 are Amber and 24 are Green", "24 (69%) are
either achieving or exceeding target, with 3 (8%) slightly off-target", "9 (75%) out of the 12
Key Performance Indicators had achieved their targets", "76% (13) remained on target", "The
following 10 performance measures had achieved their Quarter 2 targets". Each count is a
statistic with ids like rag.py's (``rag.summary.green.count``, ``….pct`` for its percentage where
stated); the total is ``rag.summary.total.count`` (``rag.quarterly.…`` when the measures are
qualified by their frequency). Only sentences about measures count, and a count spelled as a
word ("Seventeen KPIs") is understood but not stated as a fact: the quote rule reads digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from lacompare import compiled
from lacompare.model import Fact, Statistic
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document
from lacompare.vocab.patterns import parse_number, sentence_list

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_N = r"(?:\d{1,4}(?![\d.,]\d)|" + "|".join(_WORDS) + r")(?![\w%])"
_PCT = r"\d{1,3}(?:\.\d+)?%"
# "24 (69%)" or "76% (13)"; never a quarter, a ref or a year ("Quarter 2", "NI 136", "Q3").
_COUNT = (
    rf"(?<![\w.,£%/-]|(?:quarter|q|year|month|period|page|item|ni|nas|asc|measure)\s?)"
    rf"(?:(?P<n>{_N})(?:\s*\((?P<p>{_PCT})\))?|(?P<p2>{_PCT})\s*\((?P<n2>\d{{1,4}})\))"
)
_NOUN = r"(?:measures?|indicators?|KPIs?|PIs?|targets?|metrics?)"
_FREQUENCY = r"(?P<freq>quarterly|annual|monthly|six[- ]monthly)"
_TARGET = r"(?:their |its |the )?(?:(?:quarter|q) ?\d+ |year[- ]end |annual )?targets?"
_MET = r"(?:achieving|achieved|meeting|met|exceeding|exceeded)(?: or (?:exceeding|exceeded))?"
_ON = rf"(?:on (?:target|track)|{_MET} {_TARGET})"
_OFF = (
    rf"(?:(?:slightly |significantly )?off[- ]?(?:target|track)|(?:did not|do not|failed to) (?:achieve|meet) {_TARGET}"
    rf"|not (?:on target|achieving {_TARGET})|(?:missed|missing|below) {_TARGET})"
)
_VERBS = r"(?:(?:are|were|is|was|have|had|has|remained|remain|either|currently|now|rated|as|being)\s+)*"
_OUT_OF = rf"(?:out of (?:the )?(?P<of>{_N}) (?:[\w-]+ ){{0,3}}?{_NOUN}\s+)?"
_STATUS = compiled.pattern(
    rf"{_COUNT}\s+{_OUT_OF}(?:(?:[\w-]+ ){{0,3}}?{_NOUN}\s+)?{_VERBS}(?:(?P<on>{_ON})|(?P<off>{_OFF}))\b",
    re.IGNORECASE,
)
_COLOUR = compiled.pattern(
    rf"{_COUNT}\s+(?P<verb>{_VERBS})(?P<label>red|amber|green)(?![\w/-])"
    rf"|(?P<label2>red|amber|green)\s*[:=–-]\s*{_COUNT}",
    re.IGNORECASE,
)
_MEASURES = rf"{_FREQUENCY}?\s?(?:[\w-]+ ){{0,3}}?{_NOUN}"
_TOTAL = compiled.pattern(
    rf"(?:\b(?:out )?of (?:the |these |all )?|\bthere (?:are|were) |\ba total of )(?P<t>{_N}) {_MEASURES}\b"
    rf"|(?<![\w.,])(?P<t2>{_N}) {_MEASURES} (?:are|were) (?:included|reported|monitored)",
    re.IGNORECASE,
)
_COMPOUND = compiled.pattern(r"\d\s+(?:red|amber|green)\s?/\s?(?:red|amber|green)\b", re.IGNORECASE)
_ABOUT_MEASURES = compiled.pattern(r"\b(?:measures?|indicators?|KPIs?|PIs?)\b", re.IGNORECASE)


def parse(doc: Document) -> list[Fact]:
    period = report_period(doc)
    facts: list[Fact] = []
    for page in doc.pages:
        if not _ABOUT_MEASURES.search(page.text):
            continue  # one scan passes over a page that names no measures
        seen: set[tuple[str, float]] = set()
        for sentence in sentence_list(page.text):
            if not _ABOUT_MEASURES.search(sentence.text):
                continue
            for fact in _statistics(page.number, sentence.text, period):
                key = (fact.metric_id, float(fact.value))
                if key not in seen:
                    seen.add(key)
                    facts.append(fact)
    return facts


def _statistics(page: int, text: str, period: str | None) -> Iterator[Statistic]:
    group = "summary"
    for m in _TOTAL.finditer(text):
        group = slug(m["freq"] or "summary")
        yield from _stat(page, text, period, group, "total", m["t"] or m["t2"], None)
    for m in _STATUS.finditer(text):
        label = "on target" if m["on"] else "off target"
        yield from _stat(page, text, period, group, label, m["n"] or m["n2"], m["p"] or m["p2"])
        if m["of"]:
            yield from _stat(page, text, period, group, "total", m["of"], None)
    if _COMPOUND.search(text):
        return  # "1 red/amber, 2 green/amber": a scale this reader does not read, so none of its counts
    colours = list(_COLOUR.finditer(text))
    listed = len(colours) >= 2  # "8 Red, 3 Amber and 24 Green"; a lone "the 8 Red measures" is no count
    for m in colours:
        if m["label2"] or m["verb"] or listed:
            label = (m["label"] or m["label2"]).title()
            yield from _stat(page, text, period, group, label, m["n"] or m["n2"], m["p"] or m["p2"])


def _stat(
    page: int, quote: str, period: str | None, group: str, label: str, count: str, pct: str | None
) -> Iterator[Statistic]:
    if not count.isdigit():
        return  # a number in words: the quote rule reads digits only
    key = f"rag.{group}.{slug(label)}"
    name = f"{'RAG' if group == 'summary' else group.title() + ' measures'}: {label}"
    if pct is not None:
        yield Statistic(
            page,
            quote,
            metric_id=f"{key}.pct",
            metric=f"{name} (% of rated)",
            value=parse_number(pct[:-1]),
            unit="%",
            year=period,
        )
    yield Statistic(
        page, quote, metric_id=f"{key}.count", metric=f"{name} (count)", value=int(count), unit="count", year=period
    )


def slug(text: str) -> str:
    """'Off target' -> 'off_target': a label as a part of a metric id (rag.py's ids too)."""
    return str(regex.sub(r"[^a-z0-9]+", "_", text.lower())).strip("_")
