"""CQC "Financial facts": budgets and spend, adult social care's share, the precept, people supported,
and the population the "About" page gives.

Each statement has a fixed wording in CQC reports, e.g. "The local authority estimated that in
2022/23, its total budget would be £553,918,000. Its actual spend for that year was
£641,203,000, which was £87,285,000 more than estimated." An actual spend belongs to the
estimate just before it; its quote takes both sentences so that it shows which budget and year.
The same facts set out as labels and values are read by ``finance_block``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Fact, Finance, Number
from lacompare.parsers.cqc import finance_block
from lacompare.parsers.text.lines import sentence_around
from lacompare.readers.base import Document
from lacompare.vocab.patterns import (
    BOUND,
    DOT_THOUSANDS,
    NUMBER,
    YEAR,
    YEAR_RE,
    dot_thousands,
    money_pattern,
    normalise_year,
    parse_money,
    parse_number,
    scaled,
)

LABELS = finance_block.LABELS

_ASC = r"(?:adult social care|ASC)"
_MONEY = money_pattern("value")
_FLAGS = regex.IGNORECASE

_ESTIMATES = (
    (
        "total",
        compiled.scanner(
            rf"estimated,? (?:that,? )?(?:(?:in|for) (?P<year>{YEAR}),? )?its total budget (?:would be|was) {_MONEY}",
            _FLAGS,
        ),
    ),
    (
        "total",
        compiled.scanner(
            rf"total budget (?:for|in) (?P<year>{YEAR}) (?:would be|was estimated (?:to be|at)) {_MONEY}", _FLAGS
        ),
    ),
    (
        "asc",
        compiled.scanner(
            rf"estimated that it would spend {_MONEY} of its (?:total )?budget on {_ASC}(?: in (?P<year>{YEAR}))?",
            _FLAGS,
        ),
    ),
    (
        "asc",
        compiled.scanner(
            rf"estimated,? (?:that,? )?(?:(?:in|for) (?P<year>{YEAR}),? )?its {_ASC} budget (?:would be|was) {_MONEY}",
            _FLAGS,
        ),
    ),
)
_ACTUAL = compiled.scanner(
    rf"actual spend (?:for (?:that|the) year |in (?P<year>{YEAR}) )?(?:was|is|were) {_MONEY}"
    rf"(?:,? which (?:was|is) {money_pattern('diff')} (?P<direction>more|less|higher|lower)"
    r" than (?:estimated|the estimate))?",
    _FLAGS,
)
# An actual spend this far (characters) after its estimate still belongs to it.
_ACTUAL_REACH = 400

_SIMPLE = (
    (
        "asc_share_of_budget_pct",
        "%",
        compiled.scanner(
            rf"(?P<value>{NUMBER})\s?% of (?:the|its|their) (?:total )?budget (?:was|is) spent on {_ASC}",
            _FLAGS,
        ),
    ),
    (
        "asc_precept_pct",
        "%",
        compiled.scanner(
            rf"{_ASC} precept (?:for|in) (?P<year>{YEAR}),? with a value of (?P<value>{NUMBER})\s?%", _FLAGS
        ),
    ),
    (
        "asc_precept_pct",
        "%",
        compiled.scanner(rf"{_ASC} precept of (?P<value>{NUMBER})\s?% (?:for|in) (?P<year>{YEAR})", _FLAGS),
    ),
    (
        "people_long_term_support",
        "people",
        compiled.scanner(
            rf"(?P<value>{NUMBER}) people were (?:accessing|receiving) long[- ]term {_ASC} support", _FLAGS
        ),
    ),
    (
        "people_short_term_support",
        "people",
        compiled.scanner(
            rf"(?P<value>{NUMBER}) people were (?:accessing|receiving) short[- ]term {_ASC} support", _FLAGS
        ),
    ),
)

# The population of the council's area, as the "About" page states it.
_ABOUT = r"(?:approximately|around|about|roughly|some|an estimated|c\.)"
_HEADCOUNT = (
    rf"(?:(?P<bound>{BOUND}|just over|just under) |{_ABOUT} )?"
    rf"(?P<value>{DOT_THOUSANDS}|{NUMBER})(?![,.]\d)(?:\s?(?P<value_scale>million)\b)?"
    # what may follow the area's headcount: not "2,000 autistic adults"
    r"(?=\s?(?:[,.;:()]|$)|\s(?:people|residents|inhabitants|is|was|and|who|which|living|live|in|at|with|across)\b)"
)
_POPULATION = (
    # "has a population of 261,000", "The population of 162,000 is", "a total population of approximately 1.61 million"
    compiled.scanner(
        rf"\b(?:a|an|the|its|their)\s(?:total\s|resident\s|current\s|overall\s|estimated\s)?population\sof\s"
        rf"{_HEADCOUNT}(?![\d.,]*\s?%)",
        _FLAGS,
    ),
    # "the population of B&NES was estimated to be 196,953"
    compiled.scanner(
        r"\bpopulation(?: of (?-i:[A-Z])[\w&'’. -]{1,40}?)? (?:is|was|stands at|stood at)"
        rf"(?: (?:estimated|recorded|reported) (?:to be|at|as))? {_HEADCOUNT}(?![\d.,]*\s?%)",
        _FLAGS,
    ),
    # "is home to 185,982 people", "Approximately 334,000 people live in the borough"
    compiled.scanner(rf"\bhome to {_HEADCOUNT} (?:people|residents|inhabitants)\b", _FLAGS),
)
# "Approximately 334,000 people live in the borough": found from its words, then the headcount
# just before them (a pattern led by an optional headcount would be tried at every position).
_LIVE_IN = compiled.pattern(
    r" (?:people|residents) (?:live|lived|are living) in (?:the|this|its)"
    r" (?:borough|county|city|district|area|island|authority|local authority area)\b",
    _FLAGS,
)
_HEADCOUNT_AT_END = compiled.pattern(rf"{_HEADCOUNT}$", _FLAGS)
HEADCOUNT_REACH = 40  # characters before "people live in …" that can hold the headcount
# A population that is not the area's today: "is projected to reach", "a combined population of".
_NOT_THE_AREA = compiled.pattern(
    r"\b(?:project|predict|forecast|expect|anticipat|combined|serv(?:e|es|ing) a|increase|grow|rise|by 20\d\d)",
    _FLAGS,
)
# The year of a headcount: "In 2020, the population …", "… 395,000 in 2023", "(Census 2021)".
_HEADCOUNT_YEAR = compiled.pattern(
    rf"^\W*(?:in|at|as (?:of|at)) (?:mid-)?(?P<year>{YEAR})\b"
    r"|\b(?:census|mid-year estimates?)\W{1,3}(?P<year>(?:19|20)\d\d)\b|\b(?P<year>(?:19|20)\d\d) census\b",
    _FLAGS,
)
_YEAR_AFTER = compiled.pattern(r"^ (?:in|as of|at) (?P<year>(?:19|20)\d\d)\b", _FLAGS)


@dataclass(frozen=True, slots=True)
class _Estimate:
    scope: str  # total | asc
    start: int
    end: int
    value: Number
    year: str | None


Found = list[tuple[int, int, Finance]]  # each fact with the span of the text it was read from


def parse(doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        text = page.text
        lowered = text.lower()
        if not any(
            cue in lowered for cue in ("budget", "precept", "term", "financ", "population", "home to", "live in")
        ):
            continue
        found = _budgets(page.number, text) + _simple(page.number, text) + _population(page.number, text)
        found += finance_block.block_facts(page.number, text, [(start, end) for start, end, _ in found])
        out.extend(fact for _, _, fact in sorted(found, key=lambda item: item[0]))
    return out


def cqc_wording(sentence: str) -> bool:
    """Whether a sentence is worded as CQC's financial facts are (``parse`` reads it)."""
    patterns = [p for _, p in _ESTIMATES] + [_ACTUAL] + [p for _, _, p in _SIMPLE]
    return any(p.search(sentence) for p in patterns)


def _budgets(page: int, text: str) -> Found:
    estimates = sorted(
        (
            _Estimate(scope, m.start(), m.end(), parse_money(m, "value"), normalise_year(m["year"]))
            for scope, pattern in _ESTIMATES
            for m in pattern.finditer(text)
        ),
        key=lambda e: e.start,
    )
    out: Found = []
    for e in estimates:
        quote = sentence_around(text, e.start, e.end)
        if not e.year:
            e = _Estimate(e.scope, e.start, e.end, e.value, _year_near(quote))
        field_id = f"{e.scope}_budget_estimated"
        out.append((e.start, e.end, Finance(page, quote, field_id, LABELS[field_id], e.value, "£", e.year)))
    for m in _ACTUAL.finditer(text):
        owner = next((e for e in reversed(estimates) if e.end <= m.start() <= e.end + _ACTUAL_REACH), None)
        if owner is None:
            continue
        value = parse_money(m, "value")
        field_id = f"{owner.scope}_spend_actual"
        quote = sentence_around(text, owner.start, m.end())
        year = normalise_year(m["year"]) or owner.year
        flag = _difference_flag(owner.value, value, m)
        fact = Finance(page, quote, field_id, LABELS[field_id], value, "£", year, flag=flag)
        out.append((m.start(), m.end(), fact))
    return out


def _difference_flag(estimate: Number, actual: Number, m: regex.Match[str]) -> str | None:
    """Flag an actual spend whose stated difference from the estimate does not add up."""
    if not m["diff"]:
        return None
    stated = parse_money(m, "diff")
    signed = stated if m["direction"].lower() in ("more", "higher") else -stated
    if abs((actual - estimate) - signed) > 0.5:
        return f"text says {m['diff']} {m['direction']} than estimated, but the figures differ by {actual - estimate:,}"
    return None


def _simple(page: int, text: str) -> Found:
    out: Found = []
    for field_id, unit, pattern in _SIMPLE:
        for m in pattern.finditer(text):
            quote = sentence_around(text, m.start(), m.end())
            year = normalise_year(m.groupdict().get("year")) or _year_near(quote)
            fact = Finance(page, quote, field_id, LABELS[field_id], parse_number(m["value"]), unit, year)
            out.append((m.start(), m.end(), fact))
    return out


def _live_in_headcounts(text: str) -> list[regex.Match[str]]:
    out = []
    for live in _LIVE_IN.finditer(text):
        m = _HEADCOUNT_AT_END.search(text, max(0, live.start() - HEADCOUNT_REACH), live.start())
        if m is not None:
            out.append(m)
    return out


def _population(page: int, text: str) -> Found:
    """The area's population: its first statement on the page, not a projection or another area's."""
    found = sorted(
        [m for pattern in _POPULATION for m in pattern.finditer(text)] + _live_in_headcounts(text),
        key=lambda m: m.start(),
    )
    for m in found:
        if _NOT_THE_AREA.search(text[_clause_start(text, m.start()) : m.end()]):
            continue
        quote = sentence_around(text, m.start(), m.end())
        value, flags = _headcount(m)
        year = _YEAR_AFTER.search(text[m.end() : m.end() + 12]) or _HEADCOUNT_YEAR.search(quote)
        fact = Finance(
            page,
            quote,
            "population",
            LABELS["population"],
            value,
            "people",
            normalise_year(year["year"]) if year else None,
            flag="; ".join(flags) or None,
            bound=m["bound"].lower() if m["bound"] else None,
        )
        return [(m.start(), m.end(), fact)]
    return []


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last comma, semicolon or full stop."""
    return max(text.rfind(mark, 0, position) for mark in (",", ";", ". ", "\n")) + 1


def _headcount(m: regex.Match[str]) -> tuple[Number, list[str]]:
    flags = []
    written = m["value"]
    if regex.fullmatch(DOT_THOUSANDS, written) and not m["value_scale"]:
        value: Number = dot_thousands(written)
        flags.append(f"{written!r} read as {value:,} (a dot as the thousands mark)")
    else:
        value = scaled(written, m["value_scale"])
    if m["bound"]:
        flags.append(f"a bound, not an exact figure: {m['bound']} {written}")
    return value, flags


def _year_near(sentence: str) -> str | None:
    m = YEAR_RE.search(sentence)
    return normalise_year(m.group()) if m else None
