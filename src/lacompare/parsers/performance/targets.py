"""Narrative comparisons against a target: "65.9% (against a 63% target)", "539 at the end of
Q2 against a target of 400", "at 9.4%, did not achieve the interim target of 9.9%"."""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.model import Comparison, Fact
from lacompare.parsers.performance import indicator_prose
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document
from lacompare.vocab import relations
from lacompare.vocab.patterns import NUMBER, enclosing_sentence, parse_number

_VALUE = rf"(?P<value>{NUMBER})(?P<pct>%)?"
_TARGET = rf"(?P<target>{NUMBER})(?P<tpct>%)?"
_FORMS = (
    compiled.pattern(rf"{_VALUE}\s*\(against an? {_TARGET} target\)"),
    compiled.pattern(
        rf"{_VALUE}(?: at the end of Q[1-4])? against (?:a|the|an) (?:interim |quarterly |annual )?target of {_TARGET}"
    ),
    compiled.pattern(rf"{_VALUE} against (?:the|a|an) {_TARGET} target"),
    compiled.pattern(rf"at {_VALUE}, did not (?:achieve|meet) the (?:interim |quarterly |annual )?target of {_TARGET}"),
)
_EARLIER = compiled.pattern(rf"{NUMBER}%?\s*\(against[^)]*\)")
_TRAILING = frozenset("at and is are was of the high low fell short".split())
_CLAUSE_START = compiled.pattern(r"[(,;:–]\s*|\b(?:and|while|but)\s+")


def parse(doc: Document) -> list[Fact]:
    period = report_period(doc)
    facts: list[Fact] = []
    for page in doc.pages:
        # a referenced prose row ("NI136 … – Achieved 2,882 against a target of 2,800") is an indicator row
        taken: list[tuple[int, int]] = indicator_prose.row_spans(page.text)
        for form in _FORMS:
            for m in form.finditer(page.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                facts.append(_comparison(page.text, page.number, m, period))
    return sorted(facts, key=lambda f: (f.page, page_offset(doc, f)))


def page_offset(doc: Document, fact: Fact) -> int:
    return doc.page(fact.page).text.find(fact.quote)


def _comparison(text: str, page: int, m: regex.Match[str], period: str | None) -> Comparison:
    sentence = enclosing_sentence(text, m.start(), m.end())
    lead = text[sentence.start : m.start()]
    relation = relations.against_target(lead + m.group())
    value, target = parse_number(m.group("value")), parse_number(m.group("target"))
    unit = "%" if m.group("pct") or m.group("tpct") else None
    flag = None
    if relations.contradicts(relation, value, target):
        flag = f"text says {relation} but {value} vs {target}"
    return Comparison(
        page,
        sentence.text,
        flag=flag,
        metric=_metric(lead),
        value=value,
        unit=unit,
        comparator="target",
        comparator_value=target,
        relation=relation,
        year=period,
        metric_id="target",
    )


def _metric(lead: str) -> str:
    """The words before the value, back to the start of their clause, as a short description."""
    lead = _EARLIER.sub("", lead)
    starts = list(_CLAUSE_START.finditer(lead.rstrip()))
    tail = lead[starts[-1].end() :] if starts else lead
    words = tail.split()
    if len(words) < 3:
        words = lead.split()
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words[-14:]).strip(" ,;:(")
