"""The figures of one wait sentence: how many people wait and how long (median, maximum, average,
or a length the text does not qualify), each kept in its unit and, when the text gives a bound
("under 300 days", "more than 500 people"), marked as one; and before/after pairs ("reduced …
from 47 weeks to 11 weeks").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lacompare import compiled
from lacompare.extractors.prose.grammar import CHANGE_VERBS
from lacompare.model import Number
from lacompare.vocab.patterns import BOUND, NUMBER, parse_number

_FLAGS = regex.IGNORECASE
_UNITS = r"days?|weeks?|months?|years?"
_UNIT = rf"(?:\s?-?\s?(?P<unit>{_UNITS})\b)?"
_NOT_PERCENT = r"(?![\d.,]*\s*%)"
_WAIT_NOUN = r"(?:\s(?:wait(?:ing)?|wait(?:ing)? times?|waits|time))?"
_VERB = (
    r"(?:was|were|is|are|of|at|being|stood at|stands at|remains?|reached"
    r"|(?:reduced|fallen|fell|dropped|risen|rose|increased|decreased|improved|down|up) to)"
    r"(?:\s+(?:now|currently|around|about|approximately|roughly))?"
)


def _bounded(name: str = "bound") -> str:
    """An optional bound word before a figure ("under 300 days"), captured as ``name``."""
    return rf"(?:(?P<{name}>{BOUND})\s+)?"


_BOUNDED = _bounded()


def _duration(word: str) -> regex.Pattern[str]:
    """'median wait of 21 days', 'median 21 days', 'Median time to assess = 41 days',
    'longest waits now under 300 days'."""
    return compiled.pattern(
        rf"\b(?:{word})\b{_WAIT_NOUN}(?:\s*:?\s*|[^.;%]{{0,80}}?(?:\b{_VERB}\s+|\s?[=:]\s*|\s(?={BOUND}\s)))"
        rf"{_BOUNDED}(?P<n>{NUMBER}){_NOT_PERCENT}{_UNIT}",
        _FLAGS,
    )


# (measure, words that must be in the sentence for the pattern to be tried, pattern)
_DURATIONS = (
    ("median", ("median",), _duration("median")),
    ("maximum", ("max", "longest"), _duration("max(?:imum)?|longest")),
    ("average", ("average", "mean"), _duration("average|mean")),
)
# A length the text does not call a median, maximum or average: "waiting times were 12 weeks",
# "people waited up to 18 months" (a bound on the longest wait).
_LENGTH = compiled.pattern(
    rf"\bwait(?:ing)? times?\b[^.;%]{{0,60}}?\b(?:{_VERB}|now)\s+{_BOUNDED}(?P<n>{NUMBER}){_NOT_PERCENT}"
    rf"\s?-?\s?(?P<unit>{_UNITS})\b",
    _FLAGS,
)
_UP_TO = compiled.pattern(
    rf"\bwait(?:ed|ing|s)?\b[^.;%]{{0,40}}?\b(?P<bound>up to) (?P<n>{NUMBER}){_NOT_PERCENT}"
    rf"\s?-?\s?(?P<unit>{_UNITS})\b",
    _FLAGS,
)
# Words between a count and "waiting" that make it something else: "NAS 5 Average waiting time".
_NOT_PEOPLE_WORD = r"(?!(?:average|median|mean|maximum|minimum|longest|time|times|days?|weeks?|months?)\b)"
_PEOPLE = (
    # "137 people were awaiting", "2,135 reviews pending", "over 500 people waiting"; not "in 2023 people …"
    compiled.pattern(
        rf"(?<!\b(?:in|since|by|from|during|until|of) )(?<!\b(?-i:[A-Z]{{2,}}) ){_BOUNDED}(?P<n>{NUMBER}){_NOT_PERCENT}"
        rf"(?!\s+(?:{_UNITS})\b)(?:\s{_NOT_PEOPLE_WORD}[A-Za-z'’-]+){{0,4}}?"
        r"\s(?:(?:were|are|was|had been|have been|still|currently)\s){0,2}"
        r"(?:awaiting|waiting|pending|on (?:the|a|its) waiting list)\b",
        _FLAGS,
    ),
    # "a waiting list size for carers assessments and reviews of 642 people"
    compiled.pattern(
        rf"\bwaiting list\b[^.;%]{{0,80}}?\bof {_BOUNDED}(?P<n>{NUMBER})"
        r" (?:people|adults|persons|individuals|carers|cases)\b",
        _FLAGS,
    ),
    # "The number of people waiting for a Care Act assessment was 1,234", "Number of people waiting: 234"
    compiled.pattern(
        r"\bnumber of (?:people|adults|individuals|residents|carers|cases|referrals)\b[^.;%]{0,80}?"
        r"\b(?:waiting|awaiting|on (?:the|a) waiting list)\b[^.;%\d]{0,80}?"
        rf"(?:\b(?:was|is|were|are|stood at|stands at|reached|totalled|of|at|to)\s+|\s?[:=]\s*){_BOUNDED}"
        rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?!\s?-?\s?(?:{_UNITS})\b)",
        _FLAGS,
    ),
    # "the waiting list stood at 1,250", "the waiting list was 412"
    compiled.pattern(
        rf"\bwaiting list\b(?: for [^.;%]{{1,60}}?)? (?:stood at|stands at|was|is|totalled|reached) {_BOUNDED}"
        rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?!\s?-?\s?(?:{_UNITS})\b)",
        _FLAGS,
    ),
)
# "812 people waiting over 28 days": the count of those waiting past a threshold.
_THRESHOLD = compiled.pattern(
    rf"^\s(?:for\s)?(?P<phrase>(?:longer than|more than|over|in excess of|beyond)\s{NUMBER}\s?(?:{_UNITS}))\b", _FLAGS
)
_WHEN = (
    r"(?:,?\s\(?(?:(?:in|at|as of|as at|by|on)\s)?(?P<{0}>(?:(?:\d{{1,2}}\s)?(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\s)?(?:19|20)\d\d(?:/\d\d)?)\)?)?"
)
# "from 47 weeks to 11 weeks", "down from 1,200 in April 2023 to 650"
_CHANGE = compiled.pattern(
    rf"\bfrom\s{_bounded('b1')}(?P<a>{NUMBER}){_NOT_PERCENT}(?:\s?-?\s?(?P<ua>{_UNITS}|people)\b)?"
    + _WHEN.format("da")
    + rf"\s(?:down\s|up\s)?to\s{_bounded('b2')}(?P<b>{NUMBER}){_NOT_PERCENT}"
    rf"(?:\s?-?\s?(?P<ub>{_UNITS}|people)\b)?" + _WHEN.format("db"),
    _FLAGS,
)
# "a waiting list of 2,100 people in June 2023, which has fallen to 1,430 in June 2024": the figure
# first, then what it has changed to.
_CHANGED_TO = compiled.pattern(
    rf"(?<![\d,.]){_bounded('b1')}(?!(?:19|20)\d\d(?![\d,]))(?P<a>{NUMBER}){_NOT_PERCENT}"
    rf"(?:\s?-?\s?(?P<ua>{_UNITS}|people)\b)?[^.;\d]{{0,80}}?"  # what the figure counts: "people for a review"
    + _WHEN.format("da")
    + rf",?\s(?:which|and|but|this)\s(?:has|have|had)\s(?:since\s|now\s)?{CHANGE_VERBS}\s"
    + rf"to\s{_bounded('b2')}(?P<b>{NUMBER}){_NOT_PERCENT}(?:\s?-?\s?(?P<ub>{_UNITS}|people)\b)?"
    + _WHEN.format("db"),
    _FLAGS,
)
_COUNT_SUBJECT = compiled.pattern(r"\b(?:number of|waiting lists?|backlog|people|adults|cases|referrals)\b", _FLAGS)
_CLOCK_TIME = compiled.pattern(r"\s?-?\s?(?:minutes?|mins?|hours?|hrs?|seconds?)\b", _FLAGS)
_DIGIT = compiled.pattern(r"\d")
_ANY_UNIT = compiled.pattern(rf"\b({_UNITS})\b", _FLAGS)
_LABEL_UNIT = compiled.pattern(rf"\((?:in )?({_UNITS})\)", _FLAGS)


@dataclass(slots=True)
class Figures:
    values: dict[str, Number] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)  # one per duration, "" when the text gives none
    bounds: dict[str, str] = field(default_factory=dict)  # measure -> the bound word as written
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Change:
    """One measure stated before and after a change."""

    measure: str  # people | median | maximum | average | length
    before: Number
    after: Number
    unit: str | None  # the duration unit, None for a count
    before_when: str | None
    after_when: str | None
    start: int
    end: int


def figures(text: str) -> Figures:
    out = Figures()
    if not _DIGIT.search(text):
        return out
    lowered = text.lower()
    for name, cues, pattern in _DURATIONS:
        m = pattern.search(text) if any(cue in lowered for cue in cues) else None
        if m:
            _duration_found(out, name, m, text)
    if not out.values.keys() & {"median", "maximum", "average"}:
        m = _UP_TO.search(text) or _LENGTH.search(text)
        if m:
            _duration_found(out, "maximum" if m.re is _UP_TO else "length", m, text)
    _people(out, text)
    return out


def _duration_found(out: Figures, name: str, m: regex.Match[str], text: str) -> None:
    if _CLOCK_TIME.match(text, m.end()):
        return  # "a median wait of 3 minutes" to answer a call is no wait for a service
    unit = m["unit"] or _unit_in_label(m.group()) or _next_unit(text, m.end())
    if name == "average" and not unit:
        return  # "average" without a duration is a benchmark, not a wait
    out.values[name] = parse_number(m["n"])
    out.units.append(plural(unit) if unit else "")
    if m["bound"]:
        out.bounds[name] = m["bound"].lower()


def _people(out: Figures, text: str) -> None:
    for pattern in _PEOPLE:
        m = pattern.search(text)
        if m and "." not in m["n"]:
            out.values["people"] = parse_number(m["n"])
            if m["bound"]:
                out.bounds["people"] = m["bound"].lower()
            threshold = _THRESHOLD.match(text[m.end() :])
            if threshold:
                out.flags.append(f"a count of the people waiting {threshold['phrase']}")
            return


def changes(text: str) -> list[Change]:
    """Each "from A to B" of a wait sentence, with the measure it changes."""
    out = []
    kept_end = -1
    for m in sorted([*_CHANGE.finditer(text), *_CHANGED_TO.finditer(text)], key=lambda m: m.start()):
        if m.start() < kept_end:  # one change read both ways round
            continue
        kept_end = m.end()
        unit = next((u for u in (m["ua"], m["ub"]) if u and u.lower() != "people"), None)
        if unit:
            measure = _measure_named(text[: m.start()])
        elif _COUNT_SUBJECT.search(text[: m.start()]) and not _year_like(m["a"], m["b"]):
            measure = "people"
        else:
            continue
        before, after = parse_number(m["a"]), parse_number(m["b"])
        out.append(Change(measure, before, after, plural(unit) if unit else None, m["da"], m["db"], m.start(), m.end()))
    return out


def _measure_named(text: str) -> str:
    """The duration measure a change is about: the last one named before it, else a plain length."""
    found = "length"
    for m in regex.finditer(r"\b(median|average|mean|max(?:imum)?|longest)\b", text, _FLAGS):
        word = m.group(1).lower()
        found = {"mean": "average", "max": "maximum", "longest": "maximum"}.get(word, word)
    return found


def _year_like(*numbers: str) -> bool:
    return all(regex.fullmatch(r"(?:19|20)\d\d", n) for n in numbers)


def _unit_in_label(text: str) -> str | None:
    """The unit a label gives its figures: "Median waiting time (days): 41", "(in weeks)"."""
    m = _LABEL_UNIT.search(text)
    return m.group(1) if m else None


def _next_unit(text: str, start: int) -> str | None:
    m = _ANY_UNIT.search(text, start)
    return m.group(1) if m else None


def plural(unit: str) -> str:
    unit = unit.lower()
    return unit if unit.endswith("s") else unit + "s"
