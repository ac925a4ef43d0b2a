"""Narrative comparisons against a target, read from any document: "65.9% (against a 63%
target)", "539 at the end of Q2 against a target of 400", "at 9.4%, did not achieve the interim
target of 9.9%". A sentence that opens with an indicator's reference ("NI136 People Supported to
Live Independently – Achieved 2,882 against a target of 2,800") states that indicator's row, its
target one of the row's cells (the prose reader's), so it gives no comparison here."""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.extractors.prose.readings import sentence_ref
from lacompare.model import Comparison, Fact
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document
from lacompare.vocab import relations
from lacompare.vocab.patterns import NUMBER, Sentence, enclosing_sentence, parse_number

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
_TARGET_WORD = compiled.pattern(r"\btarget\b")
_REACH = 120  # characters before "target" in which a form's figures stand
_AFTER = 40  # and after it: "… target of 2,800)"


def parse(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    period: str | None = None
    for page in doc.pages:
        text = page.text
        taken: list[tuple[int, int]] = []
        # Every form names a target: each is tried only just before the word, so a page is one scan.
        for word in _TARGET_WORD.finditer(text):
            start, end = max(0, word.start() - _REACH), word.end() + _AFTER
            for form in _FORMS:
                for m in form.finditer(text, start, end):
                    if any(a < m.end() and m.start() < b for a, b in taken) or _opens_with_ref(text, m.start()):
                        continue
                    taken.append((m.start(), m.end()))
                    period = period or report_period(doc)
                    facts.append(_comparison(text, page.number, m, period))
    return sorted(facts, key=lambda f: (f.page, page_offset(doc, f)))


def _opens_with_ref(text: str, pos: int) -> bool:
    """Does the sentence around ``pos`` open with an indicator's reference (a row, not a comparison)?"""
    sentence: Sentence = enclosing_sentence(text, pos)
    return bool(sentence_ref(sentence.text)[0])


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
