"""The "Financial facts" block set out as labels and values rather than in CQC's sentences.

A label with its value on the same line ("Total budget (2022/23): £553,918,000") or on the line
under it, or a flattened table (the labels in a row, then their values in the same order). A value
goes to the label on its own line, else to the first earlier label still waiting for a value of
its kind (£, % or a count). The year is the one in the label or just after the value, else a year
on a line of its own above them. Lines that the sentence patterns have read are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Finance, Number
from lacompare.vocab.patterns import (
    MONEY,
    NUMBER,
    STATED_YEAR_RE,
    normalise_year,
    parse_money,
    parse_number,
)

LABELS = {
    "total_budget_estimated": "Total budget (estimated)",
    "total_spend_actual": "Total spend (actual)",
    "asc_budget_estimated": "Adult social care budget (estimated)",
    "asc_spend_actual": "Adult social care spend (actual)",
    "asc_gross_spend": "Adult social care gross spend",
    "asc_net_spend": "Adult social care net spend",
    "asc_share_of_budget_pct": "Share of budget spent on adult social care",
    "asc_precept_pct": "Adult social care precept",
    "asc_precept_amount": "Adult social care precept raised",
    "people_long_term_support": "People accessing long-term support",
    "people_short_term_support": "People accessing short-term support",
    "population": "Population",
}
UNITS = {"£": "£", "%": "%", "n": "people"}

_ASC = r"(?:adult social care|ASC)"
_SPEND = r"(?:spend|spending|expenditure)"
_RECEIVING = r"(?:(?:people|adults) (?:accessing|receiving|in receipt of|getting) )?"
# (field, kinds of value it takes, label words), the more specific first: at one position the earlier wins.
_FIELDS: tuple[tuple[str, str, str], ...] = (
    (
        "asc_share_of_budget_pct",
        "%",
        rf"(?:share|proportion|percentage|per ?cent|%) of (?:the |its )?(?:total |overall )?budget"
        rf" (?:spent on|for|on|allocated to|going to) {_ASC}"
        rf"|{_ASC} (?:budget |{_SPEND} )?(?:share|as an? (?:share|proportion|percentage|%) of)",
    ),
    (
        "asc_precept_amount",
        "£",
        rf"{_ASC} precept (?:raised|amount|income)"
        rf"|(?:amount|income) raised (?:by|through|from) (?:the )?{_ASC} precept",
    ),
    ("asc_precept_pct", "%", rf"{_ASC} precept"),
    (
        "asc_gross_spend",
        "£",
        rf"(?:total )?gross (?:current )?{_SPEND}(?: on {_ASC})?|{_ASC} gross (?:current )?{_SPEND}",
    ),
    ("asc_net_spend", "£", rf"(?:total )?net (?:current )?{_SPEND} on {_ASC}|{_ASC} net (?:current )?{_SPEND}"),
    (
        "asc_spend_actual",
        "£",
        rf"(?:total )?(?:actual )?{_SPEND} on {_ASC}(?: \(actual\))?"
        rf"|(?:actual )?{_ASC} (?:actual )?{_SPEND}(?: \(actual\))?",
    ),
    (
        "asc_budget_estimated",
        "£",
        rf"(?:estimated )?{_ASC} budget(?: \(estimated\))?|(?:estimated )?budget (?:for|on) {_ASC}(?: \(estimated\))?",
    ),
    ("total_spend_actual", "£", rf"(?:total )?actual {_SPEND}|total {_SPEND}(?: \(actual\))?"),
    ("total_budget_estimated", "£", r"(?:estimated )?total (?:net )?budget(?: \(estimated\))?"),
    (
        "people_long_term_support",
        "n",
        rf"{_RECEIVING}long[- ]term (?:{_ASC} )?support",
    ),
    (
        "people_short_term_support",
        "n",
        rf"{_RECEIVING}short[- ]term (?:{_ASC} )?support",
    ),
)
_NOT_A_LABEL = compiled.pattern(r"\d|:\s*$|^\W")
_LABEL_RE = compiled.pattern(
    r"(?i)\b(?:" + "|".join(f"(?P<f{i}>{words})" for i, (_, _, words) in enumerate(_FIELDS)) + r")(?![\w-])"
)
_HEAD_RE = compiled.pattern(r"(?im)^\W*(?:key )?financ(?:e|ial) (?:facts|information|context|summary|data)\b.*$")
_VALUE_RE = compiled.pattern(rf"(?P<money>{MONEY})|(?P<pct>{NUMBER})\s?%|(?P<count>{NUMBER})(?!\s?(?:%|/))")
_DIGIT_RE = compiled.pattern(r"\d")
_SECTION_LINES = 40
# A value this far (characters) after its label can still be its value.
_REACH = 600


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    line: int  # index of the section line it is on
    kind: str  # "label", "year", or the kind of a value: "£", "%", "n"
    field: str = ""
    value: Number = 0
    year: str | None = None


def block_facts(page: int, text: str, claimed: Sequence[tuple[int, int]]) -> list[tuple[int, int, Finance]]:
    """The label/value facts of each financial-facts section of a page's text."""
    out: list[tuple[int, int, Finance]] = []
    for head in _HEAD_RE.finditer(text):
        lines = _section(text, head.start(), claimed)
        out.extend(_pairs(page, text, _items(text, lines)))
    return out


def _section(text: str, start: int, claimed: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the section's lines from its heading on, the lines already read left out."""
    out = []
    offset = start
    read = False  # a heading ends the section once it has labels or figures (before them it may be a table's)
    for index, line in enumerate(text[start:].split("\n")[:_SECTION_LINES]):
        begin, end = offset, offset + len(line)
        offset = end + 1
        if index and (_HEAD_RE.match(line) or (read and _looks_like_heading(line))):
            break
        read = read or (index > 0 and bool(_LABEL_RE.search(line) or _DIGIT_RE.search(line)))
        if not any(s < end and begin < e for s, e in claimed):
            out.append((begin, end))
    return out


def _looks_like_heading(line: str) -> bool:
    """A short line with no figure and no label: the next section's heading."""
    words = line.split()
    return 0 < len(words) <= 8 and not _NOT_A_LABEL.search(line) and not _LABEL_RE.search(line)


def _items(text: str, lines: list[tuple[int, int]]) -> list[_Item]:
    out: list[_Item] = []
    for index, (begin, end) in enumerate(lines):
        line = text[begin:end]
        found = [_label(m, begin, index) for m in _LABEL_RE.finditer(line)]
        years = [
            _Item(begin + m.start(), begin + m.end(), index, "year", year=normalise_year(m.group()))
            for m in STATED_YEAR_RE.finditer(line)
        ]
        taken = [(i.start, i.end) for i in found + years]
        for m in _VALUE_RE.finditer(line):
            at = (begin + m.start(), begin + m.end())
            if not any(s < at[1] and at[0] < e for s, e in taken):
                found.append(_value(m, at, index))
        out.extend(found + years)
    return sorted(out, key=lambda i: i.start)


def _label(m: regex.Match[str], begin: int, index: int) -> _Item:
    name = next(name for name, value in m.groupdict().items() if value is not None)
    return _Item(begin + m.start(), begin + m.end(), index, "label", field=_FIELDS[int(name[1:])][0])


def _value(m: regex.Match[str], at: tuple[int, int], index: int) -> _Item:
    if m["money"]:
        return _Item(*at, index, "£", value=parse_money(m))
    if m["pct"]:
        return _Item(*at, index, "%", value=parse_number(m["pct"]))
    return _Item(*at, index, "n", value=parse_number(m["count"]))


def _pairs(page: int, text: str, items: list[_Item]) -> list[tuple[int, int, Finance]]:
    out: list[tuple[int, int, Finance]] = []
    pending: list[_Item] = []
    heading_year: str | None = None
    for item in items:
        if item.kind == "label":
            pending.append(item)
        elif item.kind == "year":
            if not any(i.line == item.line and i.kind != "year" for i in items):
                heading_year = item.year  # a year on a line of its own heads what follows
        else:
            label = _label_for(item, pending)
            if label is None:
                continue
            pending.remove(label)
            if label.line == item.line:  # rows of label and value: labels left on earlier lines had none
                pending = [p for p in pending if p.line >= label.line]
            year = _year_of(label, item, items)
            end = year.end if year and year.start > item.end else item.end
            end += text.startswith(")", end)  # "2% (2023/24)"
            fact = _fact(page, text[label.start : end], label, item, year.year if year else heading_year)
            out.append((label.start, end, fact))
    return out


def _label_for(value: _Item, pending: list[_Item]) -> _Item | None:
    """The label on the value's own line, else the first earlier one waiting for a value of its kind."""
    fits = [p for p in pending if value.kind in _kinds(p) and 0 <= value.start - p.end <= _REACH]
    same_line = [p for p in fits if p.line == value.line]
    if same_line:
        return same_line[-1]
    return fits[0] if fits else None


def _kinds(label: _Item) -> str:
    return next(kinds for field, kinds, _ in _FIELDS if field == label.field)


def _year_of(label: _Item, value: _Item, items: list[_Item]) -> _Item | None:
    """The year just after the label (before another label), else the one just after the value on its line."""
    for item in items:
        if item.start <= label.start or item.start >= value.start:
            continue
        if item.kind == "label":
            break
        if item.kind == "year":
            return item
    later = [i for i in items if i.start > value.start]
    if later and later[0].kind == "year" and later[0].line == value.line:
        return later[0]
    return None


def _fact(page: int, quote: str, label: _Item, value: _Item, year: str | None) -> Finance:
    return Finance(page, quote, label.field, LABELS[label.field], value.value, UNITS[value.kind], year)
