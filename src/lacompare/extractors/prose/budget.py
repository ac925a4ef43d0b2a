"""Sums of money in the prose of council budget papers and minutes, as ``finance`` facts.

"The council's approved net revenue budget for 24/25 was £212.8m", "a forecast overspend of
+£26.8m", "an underspend of £182,000 against an approved net revenue budget of £71.915M",
"£22.7m related to savings which could not be delivered". A sum takes its measure from the words
before it back to the previous sum (an outcome such as "overspend" or "variance" before a
"budget" it is measured against), else from the words right after it ("£9.8m of the overspend");
"increased by £10.5m" is a change in the measure. Ranges ("between £200 and £1000"), sums per
person, sums with no measure word and CQC's financial-facts sentences (``cqc.finance`` reads
those) are left alone; a sum the paper expects ("would reduce the overspend to £1.1m") is flagged.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lacompare import compiled
from lacompare.model import Fact, Finance
from lacompare.parsers.cqc.finance import cqc_wording
from lacompare.readers.base import Document
from lacompare.vocab.patterns import (
    BOUND,
    MONEY,
    MONEY_RE,
    STATED_YEAR_RE,
    Sentence,
    normalise_year,
    parse_money,
    sentences,
)

_FLAGS = regex.IGNORECASE
# (field, label, words), in order of precedence when several name one sum.
_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("overspend", "overspend", r"over\s?spend(?:ing|s)?|overspent"),
    ("underspend", "underspend", r"under\s?spend(?:ing|s)?|underspent"),
    ("variance", "variance from budget", r"variances?|variations?"),
    ("savings", "savings", r"savings?"),
    ("pressures", "cost pressures", r"pressures?"),
    ("outturn", "outturn", r"outturn"),
    ("net_budget", "net revenue budget", r"net (?:revenue )?budget"),
    ("gross_budget", "gross budget", r"gross (?:revenue )?budget"),
    ("budget", "budget", r"budget"),
    ("spend", "spend", r"spend(?:ing)?|expenditure"),
)
_MEASURE_RE = compiled.pattern(
    r"\b(?:" + "|".join(f"(?P<m{i}>{words})" for i, (_, _, words) in enumerate(_MEASURES)) + r")\b", _FLAGS
)
_OUTCOMES = ("overspend", "underspend", "variance", "outturn")
_CHANGE = compiled.pattern(
    r"\b(?:(?:increased|decreased|reduced|risen|rose|fallen|fell|improved|worsened|grown|moved) by"
    r"|an? (?:improvement|increase|reduction|decrease|deterioration|movement|change) of)\s*[+-]?$",
    _FLAGS,
)
_EXPECTED = compiled.pattern(
    r"\b(?:would|will|expected|planned|projected|anticipated|aim(?:s|ed)? to|target)\b", _FLAGS
)
_FORECAST = compiled.pattern(r"\bforecast", _FLAGS)
_ASC = compiled.pattern(
    r"\b(?:adult social care|adult services|adults(?:'|’)? services|adult care|ASC(?:H)?)\b", _FLAGS
)
# "£9.8m of the overspend", "£22.7m related to savings", "£11.6m of directory savings"
_AFTER = compiled.pattern(
    r"^\)?\s*(?:of (?:the |which |this |these )?|related to |relating to |attributable to |in |from |on )"
    r"(?P<phrase>(?:(?!\b(?:which|that|was|were|is|are|across|and|but|by|for|to|against|compared)\b)[^,.;()£])+)",
    _FLAGS,
)
# Ranges and rates are not sums: "between £200 and £1000", "£500 to £750", "£47,941 per 100,000 people".
_RANGE_BEFORE = compiled.pattern(rf"\b(?:between|from)\s*$|\bbetween\s+{MONEY}\s+and\s*$|\bper\s*$", _FLAGS)
_RANGE_AFTER = compiled.pattern(r"^\s*(?:(?:-|–|to|and)\s*£|per\b|an? (?:week|hour|year|head|person)\b)", _FLAGS)
_BOUND = compiled.pattern(rf"\b(?P<bound>{BOUND})\s*[+-]?$", _FLAGS)
# How far back (characters) the words naming a sum may be.
_REACH = 100


def parse(doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        if "£" not in page.text:
            continue
        for sentence in sentences(page.text):
            if "£" in sentence.text and not cqc_wording(sentence.text):
                out.extend(_sums(page.number, page.text, sentence))
    return out


def _sums(page: int, text: str, sentence: Sentence) -> list[Finance]:
    out: list[Finance] = []
    line = sentence.text
    previous_end = 0
    for m in MONEY_RE.finditer(line):
        before, after = _window(line, previous_end, m.start()), line[m.end() :]
        previous_end = m.end()
        if _RANGE_BEFORE.search(line[max(0, m.start() - 40) : m.start()]) or _RANGE_AFTER.match(after):
            continue
        field = _named(before, after, out)
        if field is None:
            continue
        clause = line[: m.start()]
        field_id, label = _qualified(field, before, clause)
        bound = _BOUND.search(before)
        flags = ["a figure the paper expects, not one it reports"] if _EXPECTED.search(before) else []
        if bound:
            flags.append(f"a bound, not an exact figure: {bound['bound']} {m.group()}")
        year = _year(line) or _year_before(text, sentence.start)
        fact = Finance(page, line, field_id, label, parse_money(m), "£", year, flag="; ".join(flags) or None)
        out.append(replace(fact, bound=bound["bound"].lower()) if bound else fact)
    return out


def _window(line: str, start: int, end: int) -> str:
    """The words naming the sum at ``end``: back to the previous sum, the clause's start or _REACH characters."""
    start = max(start, end - _REACH, *(line.rfind(mark, 0, end) + 1 for mark in (";", ":")))
    return line[start:end]


def _named(before: str, after: str, found: list[Finance]) -> tuple[str, str, bool] | None:
    """(field, label, is a change) of the sum: named before it, else after it; None when nothing names it."""
    change = bool(_CHANGE.search(before.rstrip(" (+")))
    named = _measures(before)
    if named:
        return (*_first_outcome(named), change)
    if change and found:
        return found[-1].field_id, found[-1].label.lower(), True
    m = _AFTER.match(after)
    if m:
        named = _measures(m["phrase"])
        if named:
            return (*named[-1], False)  # the head of the phrase: "council wide budget savings"
    return None


def _measures(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _MEASURE_RE.finditer(text):
        i = int(next(name for name, value in m.groupdict().items() if value is not None)[1:])
        out.append(_MEASURES[i][:2])
    return out


def _first_outcome(named: list[tuple[str, str]]) -> tuple[str, str]:
    """An outcome ("variance from budget") wins over the budget it is measured against; else the nearest."""
    outcomes = [n for n in named if n[0] in _OUTCOMES]
    return outcomes[-1] if outcomes else named[-1]


def _qualified(named: tuple[str, str, bool], before: str, clause: str) -> tuple[str, str]:
    field, label, change = named
    if field.endswith("_change"):
        field, change = field[: -len("_change")], True
    if field in _OUTCOMES and _FORECAST.search(clause) and not field.startswith("forecast_"):
        field, label = f"forecast_{field}", f"forecast {label}"
    if _ASC.search(before) and not field.startswith("asc_"):
        field, label = f"asc_{field}", f"adult social care {label}"
    if change:
        field, label = f"{field}_change", f"change in {label}"
    return field, label[0].upper() + label[1:]


def _year(text: str) -> str | None:
    for m in STATED_YEAR_RE.finditer(text):
        year = normalise_year(m.group())
        if year and "-" in year:
            return year
    return None


def _year_before(text: str, start: int) -> str | None:
    """The last financial year written before the sentence on its page (a heading's "Q3 2024/25")."""
    found = None
    for m in STATED_YEAR_RE.finditer(text, max(0, start - 2000), start):
        year = normalise_year(m.group())
        if year and "-" in year:
            found = year
    return found
