"""CQC "Financial facts": budgets and spend, adult social care's share, the precept, people supported.

Each statement has a fixed wording in CQC reports, e.g. "The local authority estimated that in
2022/23, its total budget would be £553,918,000. Its actual spend for that year was
£641,203,000, which was £87,285,000 more than estimated." An actual spend belongs to the
estimate just before it; its quote takes both sentences so that it shows which budget and year.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare.model import Fact, Finance, Number
from lacompare.parsers.text.lines import sentence_around
from lacompare.parsers.text.patterns import NUMBER, YEAR, YEAR_RE, parse_number
from lacompare.readers.base import Document

LABELS = {
    "total_budget_estimated": "Total budget (estimated)",
    "total_spend_actual": "Total spend (actual)",
    "asc_budget_estimated": "Adult social care budget (estimated)",
    "asc_spend_actual": "Adult social care spend (actual)",
    "asc_share_of_budget_pct": "Share of budget spent on adult social care",
    "asc_precept_pct": "Adult social care precept",
    "people_long_term_support": "People accessing long-term support",
    "people_short_term_support": "People accessing short-term support",
}

_ASC = r"(?:adult social care|ASC)"
# A sum in full pounds; "£15 million" style sums are not financial facts' wording and are left alone.
_POUNDS = rf"£\s?(?P<value>{NUMBER})(?!\s*(?:m\b|bn\b|million|billion))"
_FLAGS = regex.IGNORECASE

_ESTIMATES = (
    (
        "total",
        regex.compile(rf"estimated that,? (?:in|for) (?P<year>{YEAR}),? its total budget would be {_POUNDS}", _FLAGS),
    ),
    (
        "total",
        regex.compile(
            rf"total budget (?:for|in) (?P<year>{YEAR}) (?:would be|was estimated (?:to be|at)) {_POUNDS}", _FLAGS
        ),
    ),
    (
        "asc",
        regex.compile(
            rf"estimated that it would spend {_POUNDS} of its (?:total )?budget on {_ASC}(?: in (?P<year>{YEAR}))?",
            _FLAGS,
        ),
    ),
)
_ACTUAL = regex.compile(
    rf"actual spend (?:for (?:that|the) year |in (?P<year>{YEAR}) )?(?:was|is|were) {_POUNDS}"
    rf"(?:,? which (?:was|is) £\s?(?P<diff>{NUMBER}) (?P<direction>more|less|higher|lower)"
    r" than (?:estimated|the estimate))?",
    _FLAGS,
)
# An actual spend this far (characters) after its estimate still belongs to it.
_ACTUAL_REACH = 400

_SIMPLE = (
    (
        "asc_share_of_budget_pct",
        "%",
        regex.compile(
            rf"(?P<value>{NUMBER})\s?% of (?:the|its|their) (?:total )?budget (?:was|is) spent on {_ASC}",
            _FLAGS,
        ),
    ),
    (
        "asc_precept_pct",
        "%",
        regex.compile(rf"{_ASC} precept (?:for|in) (?P<year>{YEAR}),? with a value of (?P<value>{NUMBER})\s?%", _FLAGS),
    ),
    (
        "asc_precept_pct",
        "%",
        regex.compile(rf"{_ASC} precept of (?P<value>{NUMBER})\s?% (?:for|in) (?P<year>{YEAR})", _FLAGS),
    ),
    (
        "people_long_term_support",
        "people",
        regex.compile(rf"(?P<value>{NUMBER}) people were (?:accessing|receiving) long[- ]term {_ASC} support", _FLAGS),
    ),
    (
        "people_short_term_support",
        "people",
        regex.compile(rf"(?P<value>{NUMBER}) people were (?:accessing|receiving) short[- ]term {_ASC} support", _FLAGS),
    ),
)


@dataclass(frozen=True, slots=True)
class _Estimate:
    scope: str  # total | asc
    start: int
    end: int
    value: Number
    year: str | None


def parse(doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        if "budget" not in page.text and "precept" not in page.text and "term" not in page.text:
            continue
        out.extend(_budgets(page.number, page.text))
        out.extend(_simple(page.number, page.text))
    return out


def _budgets(page: int, text: str) -> list[Finance]:
    estimates = sorted(
        (
            _Estimate(scope, m.start(), m.end(), parse_number(m["value"]), _year(m["year"]))
            for scope, pattern in _ESTIMATES
            for m in pattern.finditer(text)
        ),
        key=lambda e: e.start,
    )
    out: list[tuple[int, Finance]] = []
    for e in estimates:
        quote = sentence_around(text, e.start, e.end)
        if not e.year:
            e = _Estimate(e.scope, e.start, e.end, e.value, _year_near(quote))
        field_id = f"{e.scope}_budget_estimated"
        out.append((e.start, Finance(page, quote, field_id, LABELS[field_id], e.value, "£", e.year)))
    for m in _ACTUAL.finditer(text):
        owner = next((e for e in reversed(estimates) if e.end <= m.start() <= e.end + _ACTUAL_REACH), None)
        if owner is None:
            continue
        value = parse_number(m["value"])
        field_id = f"{owner.scope}_spend_actual"
        quote = sentence_around(text, owner.start, m.end())
        year = _year(m["year"]) or owner.year
        flag = _difference_flag(owner.value, value, m)
        out.append((m.start(), Finance(page, quote, field_id, LABELS[field_id], value, "£", year, flag=flag)))
    return [fact for _, fact in sorted(out, key=lambda pair: pair[0])]


def _difference_flag(estimate: Number, actual: Number, m: regex.Match[str]) -> str | None:
    """Flag an actual spend whose stated difference from the estimate does not add up."""
    if not m["diff"]:
        return None
    stated = parse_number(m["diff"])
    signed = stated if m["direction"].lower() in ("more", "higher") else -stated
    if abs((actual - estimate) - signed) > 0.5:
        return f"text says {m['diff']} {m['direction']} than estimated, but the figures differ by {actual - estimate:,}"
    return None


def _simple(page: int, text: str) -> list[Finance]:
    out = []
    for field_id, unit, pattern in _SIMPLE:
        for m in pattern.finditer(text):
            quote = sentence_around(text, m.start(), m.end())
            year = _year(m.groupdict().get("year")) or _year_near(quote)
            out.append(Finance(page, quote, field_id, LABELS[field_id], parse_number(m["value"]), unit, year))
    return sorted(out, key=lambda f: text.find(f.quote))


def _year_near(sentence: str) -> str | None:
    m = YEAR_RE.search(sentence)
    return _year(m.group()) if m else None


def _year(text: str | None) -> str | None:
    """'2022/2023', '2022-23', '2022 to 2023' -> '2022/23'; a plain year stays as it is."""
    if not text:
        return None
    m = regex.fullmatch(r"((?:19|20)\d\d)\s*(?:[-/–]|to)\s*(?:(?:19|20)(\d\d)|(\d\d))", text.strip())
    if not m:
        return text.strip()
    return f"{m[1]}/{m[2] or m[3]}"
