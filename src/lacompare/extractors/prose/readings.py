"""One sentence read by the forms of ``grammar``: which figures stand in value roles, and for what measure.

A ``Reading`` is a row before it becomes an ``Indicator``: its figures as printed, its period, its
measure and the span of the page it quotes. A form's match is only a candidate: the figures must
pass the ``guards``, a form that needs a second figure must find one (in the match, right after it,
or in the next sentence's "This was an improvement from …"), and the sentence must name a measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lacompare import compiled
from lacompare.extractors.prose import guards
from lacompare.extractors.prose.grammar import (
    ANY_WHEN_RE,
    FORMS,
    LEAD_PERIOD_RE,
    NEXT_SENTENCE_PREVIOUS,
    TRAILING_PREVIOUS,
    Form,
)
from lacompare.extractors.prose.phrases import SUBJECT_LINK, object_label, subject_label
from lacompare.parsers.performance.refs import ASCOF_REF, REF, code_after
from lacompare.vocab.patterns import NUMBER, Sentence
from lacompare.vocab.periods import stated_period

Span = tuple[int, int]
_SUBJECT_CHARS = 300  # a subject longer than this is no measure's name; the bound keeps work linear

# A reference that opens a sentence: "NI136 People …", "ASC 1A …", "2B(1) Proportion …", "AS01: …".
_REF_START = compiled.pattern(rf"^\s*(?:[-•·▪●*]+\s*)?(?P<ref>{ASCOF_REF}|{REF})(?![\w/])[:.]?\s+(?=[A-Z(])")
_BULLET = compiled.pattern(r"^\s*(?:[-•·▪●*]+\s*|o\s+)?")
# Figures in a window that are part of a change or a rate, not values: "by 11.5%", "per 1,000".
_NOT_VALUES = compiled.pattern(rf"\b(?:by|per|of)\s+{NUMBER}\s?%?|\(\s*[+-−]?{NUMBER}\s?%?\s*\)")
_FIGURE = compiled.pattern(rf"(?<![\w.,]){NUMBER}")
_SPACE = compiled.pattern(r"\s+")


# A subject that points back to the measure named above: "This indicator was …", "Performance on this measure".
_POINTER = compiled.pattern(
    r"(?i)^(?:this|the)\s+(?:indicator|measure|kpi|pi)\b|^performance\s+(?:on|against)\s+this\b"
)
# A subject that names no measure, only its performance at a time: "Performance at Q1 (of 130)",
# "Performance at the end of Quarter 2 (was 2334.36)". It is the measure the heading above names.
_PERFORMANCE_ONLY = compiled.pattern(
    r"(?i)^(?:the\s+)?(?:performance|outturn|the\s+(?:figure|result))"
    r"(?:\s+(?:at|in|for|as\s+at|by|during)\s+(?:the\s+)?(?:end\s+of\s+)?[\w/ -]{1,30})?$"
)
_DIGIT = compiled.pattern(r"\d")


@dataclass(frozen=True, slots=True)
class Heading:
    """The measure a reference line above a sentence names ("NI 136 (Vital Signs 3) People supported
    …"), or a page's title when it names one measure (a dashboard's page of one measure)."""

    ref: str
    code: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Reading:
    start: int  # the quote's span on the page
    end: int
    label: str
    ref: str
    result: str | None
    previous: str | None
    target: str | None
    period: str | None
    figures: tuple[Span, ...]  # the page spans of the figures the row uses
    flag: str | None = None
    previous_period: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Roles:
    """The figures a form's match gives roles to, as spans of the sentence."""

    result: Span | None
    previous: Span | None
    target: Span | None
    previous_end: int  # where the match (with any trailing earlier figure) ends
    period: str | None
    next_sentence: bool = False  # the previous figure came from the next sentence
    previous_period: str | None = None


def sentence_ref(text: str) -> tuple[str, str | None, int]:
    """The reference a sentence opens with, the code printed after it and where its body starts:
    ('NI 136', 'Vital Signs 3', 23) for "NI 136 (Vital Signs 3) People supported …"."""
    m = _REF_START.match(text)
    if m is None:
        return "", None, _BULLET.match(text).end()  # type: ignore[union-attr]
    code, body = code_after(text, m.end())
    return " ".join(m.group("ref").split()), code, body


def read_sentence(
    sentence: Sentence, following: Sentence | None, taken: set[int], heading: Heading | None = None
) -> list[Reading]:
    """The rows one sentence states, in the order of the forms; ``taken`` holds page spans already read;
    ``heading`` is the reference line above the sentence, the measure "this indicator" points to;
    ``taken`` holds the page offsets of figures already read (a figure is one row's)."""
    text = sentence.text
    if not _DIGIT.search(text):
        return []  # every form holds a figure
    ref, code, body = sentence_ref(text)
    readings: list[Reading] = []
    has_keyword: dict[str, bool] = {}  # several forms share a keyword: the sentence is scanned once for it
    for form in FORMS:
        key = form.keyword.pattern
        if key not in has_keyword:
            has_keyword[key] = form.keyword.search(text, body) is not None
        if not has_keyword[key]:
            continue
        pos = body
        while pos <= len(text):
            m = form.pattern.search(text, pos)
            if m is None:
                break
            reading = _reading(form, m, sentence, following, (ref, code, body), taken, heading)
            if reading is None:
                pos = m.start() + 1
                continue
            readings.append(reading)
            taken.update(a for a, _ in reading.figures)
            pos = m.end()
    return readings


def _reading(
    form: Form,
    m: re.Match[str],
    sentence: Sentence,
    following: Sentence | None,
    opening: tuple[str, str | None, int],
    taken: set[int],
    heading: Heading | None,
) -> Reading | None:
    text = sentence.text
    ref, code, body = opening
    roles = _roles(form, m, text, following)
    if roles is None:
        return None
    used = [s for s in (roles.result, roles.target) if s]
    page_spans = tuple((sentence.start + a, sentence.start + b) for a, b in used)
    if roles.previous:
        base = following.start if roles.next_sentence and following else sentence.start
        page_spans += ((base + roles.previous[0], base + roles.previous[1]),)
        if not roles.next_sentence:
            used.append(roles.previous)
    if any(a in taken for a, _ in page_spans):
        return None
    label = _label(form, m, text, body)
    if heading is not None and _points_to_heading(label, text, body):
        # "This indicator was showing off target with …", "Performance at Q1 of 130 …": the heading's measure
        ref, code, label = heading.ref, heading.code, heading.name
    if label is None:
        return None
    if roles.previous is None and roles.target is None and guards.benchmark_elsewhere(text, used, m.span()):
        return None  # its only second figure is a benchmark: a comparison, another reader's
    end = following.end if roles.next_sentence and following else sentence.end
    quote_start = sentence.start + _leading_space(text)
    bound = guards.bound_word(text, roles.result[0]) if roles.result else None
    return Reading(
        quote_start,
        end,
        label,
        ref,
        _figure(text, roles.result),
        _figure(following.text if roles.next_sentence and following else text, roles.previous),
        _figure(text, roles.target),
        roles.period or _lead_period(text, body, m.start()),
        page_spans,
        flag=f"stated as a bound: {bound}" if bound else None,
        previous_period=roles.previous_period,
        code=code,
    )


def _points_to_heading(label: str | None, text: str, body: int) -> bool:
    """Does the sentence's subject point to the measure named above rather than name one?"""
    if label is None:
        return bool(_POINTER.match(text, body))
    return bool(_PERFORMANCE_ONLY.match(label))


def _roles(form: Form, m: re.Match[str], text: str, following: Sentence | None) -> Roles | None:
    groups = m.groupdict()
    result = m.span("result") if groups.get("result") else None
    previous = m.span("previous") if groups.get("previous") else None
    target = m.span("target") if groups.get("target") else None
    for span in (result, previous):
        if span and guards.figure_problem(text, *span):
            return None
    anchor = result[0] if result else m.start()
    if result and guards.clause_problem(text, m.start() if form.side == "subject" else anchor):
        return None
    if form.side == "result" and _other_figures(groups.get("mid") or "") and form.name not in _WIDE_MIDS:
        return None  # another figure stands between the result and its partner: the pairing is unsure
    if previous and guards.is_benchmark(text, *previous):
        previous = None
    period = _period(groups)
    previous_period = stated_period(groups.get("previous_period") or "")
    next_sentence = False
    if previous is None and form.name not in ("compared",):
        found = _trailing(text, m.end())
        if found:
            previous = found.span("previous")
            previous_period = stated_period(found.groupdict().get("previous_period") or "")
        elif following is not None:
            later = NEXT_SENTENCE_PREVIOUS.match(following.text)
            name = "previous" if later and later.group("previous") else "previous_b"
            if later and not guards.figure_problem(following.text, *later.span(name)):
                previous, next_sentence = later.span(name), True
    if previous is not None and not next_sentence and guards.is_benchmark(text, *previous):
        previous = None
    if form.needs_second and previous is None and target is None:
        return None
    if result is None and previous is None and form.name != "achieved_its_target":
        return None  # a target alone ("aiming to reach 95%") is no row; one the measure achieved is its row
    if previous is None:
        previous_period = None
    return Roles(result, previous, target, m.end(), period, next_sentence, previous_period)


_WIDE_MIDS = frozenset({"against_target", "beside_target"})  # a rate's base may stand there: "per 1,000 people"


def _trailing(text: str, pos: int) -> re.Match[str] | None:
    for pattern in TRAILING_PREVIOUS:
        found = pattern.match(text, pos)
        if found and not guards.figure_problem(text, *found.span("previous")):
            return found
    return None


def _other_figures(mid: str) -> bool:
    """Whether a window holds a figure that is neither a period nor part of a change or a rate."""
    bare = _NOT_VALUES.sub(" ", ANY_WHEN_RE.sub(" ", mid))
    return any(not guards.figure_problem(bare, *f.span()) for f in _FIGURE.finditer(bare))


def _period(groups: dict[str, str | None]) -> str | None:
    for name in ("period", "mid_period"):
        if groups.get(name):
            return stated_period(groups[name])
    mid = groups.get("mid") or ""
    found = ANY_WHEN_RE.search(mid)
    return stated_period(found.group("period")) if found else None


def _lead_period(text: str, body: int, before: int) -> str | None:
    """The period a sentence opens with ("In 2022-23 we received …"), when it opens before the figures."""
    m = LEAD_PERIOD_RE.match(text, body)
    return stated_period(m.group("lead_period")) if m and m.end() <= before else None


def _leading_space(text: str) -> int:
    """How many blank characters open the text (counted without copying a long text)."""
    m = _SPACE.match(text)
    return m.end() if m else 0


def _label(form: Form, m: re.Match[str], text: str, body: int) -> str | None:
    if form.name == "measure_is":
        return subject_label(_before(text, body, m.end("mid")))
    if form.side == "subject":
        return subject_label(_before(text, body, m.start()))
    before = _before(text, body, m.start("result"))
    if SUBJECT_LINK.search(before):
        label = subject_label(before)
        if label:
            return label
    return object_label(m.groupdict().get("mid") or "")


def _before(text: str, body: int, end: int) -> str:
    """The subject's text: from the sentence's body to ``end``, at most ``_SUBJECT_CHARS`` of it."""
    return text[max(body, end - _SUBJECT_CHARS) : end]


def _figure(text: str, span: Span | None) -> str | None:
    """A figure as printed, its unit closed up: '64.5 %' and '64.5 per cent' -> '64.5%'."""
    if span is None:
        return None
    figure = " ".join(text[span[0] : span[1]].split())
    for unit in (" per cent", " percent", "per cent", " %"):
        figure = figure.replace(unit, "%")
    return figure
