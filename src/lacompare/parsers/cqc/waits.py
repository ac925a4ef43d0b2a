"""Waiting lists and waiting times per service.

Figures: "137 people were awaiting their initial Care Act assessment, with a median wait time of
21 days and a maximum of 112 days". A figure may run over the next sentences of its paragraph
("… 330 people were waiting for a non-urgent OT assessment. The median waiting time was 37
days."), and a sentence with figures but no service takes the service the paragraph is about.
Nothing waiting, stated in words, is a count of 0: "no waiting list", "no waits for hospital
discharge", "no safeguarding concerns or s42 enquiries waiting".

Anecdotes ("one person had to wait 6 months") are not figures and are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lacompare.model import Fact, Number, Wait
from lacompare.parsers.cqc.wait_services import as_of_spans, last_service, service_in
from lacompare.parsers.text.patterns import NUMBER, Sentence, parse_number, sentences
from lacompare.readers.base import Document

_FLAGS = regex.IGNORECASE
_UNIT = r"(?:\s?-?\s?(?P<unit>days?|weeks?|months?|years?)\b)?"
_NOT_PERCENT = r"(?![\d.,]*\s*%)"
_WAIT_NOUN = r"(?:\s(?:wait(?:ing)?|wait(?:ing)? times?|time))?"
_VERB = r"(?:was|were|is|of|at|being|stood at)"


def _duration(word: str) -> regex.Pattern[str]:
    """'median wait of 21 days', 'median 21 days', 'median waiting time for X … was 16 days'."""
    return regex.compile(
        rf"\b{word}\b{_WAIT_NOUN}(?:\s*:?\s*|[^.;%]{{0,80}}?\b{_VERB}\s+)(?P<n>{NUMBER}){_NOT_PERCENT}{_UNIT}", _FLAGS
    )


_MEDIAN = _duration("median")
_MAXIMUM = _duration("max(?:imum)?")
_AVERAGE = _duration("average")
_PEOPLE = (
    # "137 people were awaiting", "2,135 reviews pending", "327 DoLs assessments waiting"; not "in 2023 people …"
    regex.compile(
        rf"(?<!\b(?:in|since|by|from|during|until|of) )(?P<n>{NUMBER}){_NOT_PERCENT}"
        r"(?!\s+(?:days?|weeks?|months?|years?)\b)(?:\s[A-Za-z'’-]+){0,4}?"
        r"\s(?:(?:were|are|was|had been|have been)\s)?(?:awaiting|waiting|pending|on (?:the|a|its) waiting list)\b",
        _FLAGS,
    ),
    # "a waiting list size for carers assessments and reviews of 642 people"
    regex.compile(
        rf"\bwaiting list\b[^.;%]{{0,80}}?\bof (?P<n>{NUMBER}) (?:people|adults|persons|individuals|carers|cases)\b",
        _FLAGS,
    ),
)
_DIGIT = regex.compile(r"\d")
_ANY_UNIT = regex.compile(r"\b(days?|weeks?|months?|years?)\b", _FLAGS)

_NONE_WAITING = (
    # "no waits for hospital discharge", "with no waiting list"; not "reduced or no waiting times"
    regex.compile(
        r"(?<!\bor )\bno (?:recorded )?(?:waits?|waiting lists?|waiting times?|wait(?:ing)? list)\b"
        r"(?: (?:for|in|on|to) (?P<what>[^,.;]+))?",
        _FLAGS,
    ),
    # "nor were there any waits for safeguarding assessments or standard DoLS cases"
    regex.compile(
        r"\b(?:nor|not) (?:were|was) there any (?:waits?|waiting lists?|waiting times?) (?:for|in) (?P<what>[^,.;]+)",
        _FLAGS,
    ),
    # "no safeguarding concerns or s42 enquiries waiting"
    regex.compile(
        r"\bno (?P<what>(?:(?!(?:no|delays?|waits?|waiting|lists?)\b)[\w'’-]+ ){1,6}?)"
        r"(?:were |are )?(?:waiting|awaiting)\b",
        _FLAGS,
    ),
)
# Where a "no waits for …" object stops naming services.
_WHAT_END = regex.compile(r"\s(?:and|but|so|which|therefore|as|where|because|while|whilst)\s", _FLAGS)
_WHAT_LIST = regex.compile(r",?\s(?:or|nor)\s(?:other\s)?", _FLAGS)
_BACK_REFERENCE = regex.compile(r"^\s*(?:the|this|that|these|those) services?\b", _FLAGS)


@dataclass(slots=True)
class _Draft:
    """A wait being built from one or more consecutive sentences of a paragraph."""

    service: str
    start: int
    end: int
    values: dict[str, Number] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    as_of: str | None = None
    flags: list[str] = field(default_factory=list)


def parse(doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        for line in page.text.split("\n"):
            if _mentions_waiting(line):
                out.extend(paragraph_waits(line, page.number))
    return out


def _mentions_waiting(text: str) -> bool:
    lowered = text.lower()
    return "wait" in lowered or "pending" in lowered


def paragraph_waits(paragraph: str, page: int = 1) -> list[Wait]:
    """Every wait fact of one paragraph (a line of normalised page text), in reading order."""
    drafts: list[_Draft] = []
    open_draft: _Draft | None = None
    context: str | None = None  # the service the paragraph's wait sentences are about
    for sentence in sentences(paragraph):
        if not _mentions_waiting(sentence.text):
            open_draft = None
            continue
        masked, as_of = _mask_as_of(sentence.text)
        service = service_in(masked)
        values, units = _figures(sentence.text)
        taken = {d.service for d in drafts if d.start == sentence.start}
        if values:
            if service is None and open_draft is not None and not values.keys() & open_draft.values.keys():
                _extend(open_draft, sentence, values, units, as_of)
            elif service or context:
                open_draft = _Draft(service or context or "", sentence.start, sentence.end, values, units, as_of)
                drafts.append(open_draft)
                taken.add(open_draft.service)
            else:
                open_draft = None
        else:
            open_draft = None
        for zero in _none_waiting(paragraph, sentence, masked, as_of):
            if zero.service not in taken:
                drafts.append(zero)
                taken.add(zero.service)
        context = service or context
    return [_finished(paragraph, page, d) for d in drafts]


def _mask_as_of(text: str) -> tuple[str, str | None]:
    """The sentence with its "at the time of the assessment" phrases blanked, and the first one."""
    spans = as_of_spans(text)
    masked = text
    for start, end in spans:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked, (text[spans[0][0] : spans[0][1]] if spans else None)


def _figures(text: str) -> tuple[dict[str, Number], list[str]]:
    values: dict[str, Number] = {}
    units: list[str] = []
    if not _DIGIT.search(text):
        return values, units
    lowered = text.lower()
    for name, pattern in (("median", _MEDIAN), ("maximum", _MAXIMUM), ("average", _AVERAGE)):
        m = pattern.search(text) if name[:3] in lowered else None
        if not m:
            continue
        unit = m["unit"] or _next_unit(text, m.end())
        if name == "average" and not unit:
            continue  # "average" without a duration is a benchmark, not a wait
        values[name] = parse_number(m["n"])
        units.append(_plural(unit) if unit else "")
    for pattern in _PEOPLE:
        m = pattern.search(text)
        if m and "." not in m["n"]:
            values["people"] = parse_number(m["n"])
            break
    return values, units


def _next_unit(text: str, start: int) -> str | None:
    m = _ANY_UNIT.search(text, start)
    return m.group(1) if m else None


def _plural(unit: str) -> str:
    unit = unit.lower()
    return unit if unit.endswith("s") else unit + "s"


def _extend(draft: _Draft, sentence: Sentence, values: dict[str, Number], units: list[str], as_of: str | None) -> None:
    draft.end = sentence.end
    draft.values.update(values)
    draft.units.extend(units)
    draft.as_of = draft.as_of or as_of


def _none_waiting(paragraph: str, sentence: Sentence, masked: str, as_of: str | None) -> list[_Draft]:
    out: list[_Draft] = []
    if "no" not in masked.lower():  # "no", "nor", "not"
        return out
    for pattern in _NONE_WAITING:
        for m in pattern.finditer(masked):
            for service, flag in _services_of(paragraph, sentence, masked, m):
                draft = _Draft(service, sentence.start, sentence.end, {"people": 0}, as_of=as_of)
                if flag:
                    draft.flags.append(flag)
                out.append(draft)
    return out


def _services_of(paragraph: str, sentence: Sentence, masked: str, m: regex.Match[str]) -> list[tuple[str, str | None]]:
    """The services a "no waits for …" names, with a flag when one is inferred from context."""
    what = m.groupdict().get("what")
    if what:
        what = _WHAT_END.split(what, maxsplit=1)[0]
        named = [s for part in _WHAT_LIST.split(what) if (s := service_in(part))]
        if named:
            return list(dict.fromkeys((s, None) for s in named))
        if not _BACK_REFERENCE.match(what):
            return []
        # "no waits for the service": the service named last before it in the paragraph.
        service = last_service(paragraph[: sentence.start + m.start()])
        if service is None:
            return []
        inferred = last_service(paragraph[sentence.start : sentence.start + m.start()]) != service
        return [(service, f"service inferred from {what.strip()!r}" if inferred else None)]
    service = service_in(masked[: m.start()]) or service_in(masked)
    return [(service, None)] if service else []


def _finished(paragraph: str, page: int, draft: _Draft) -> Wait:
    values = draft.values
    units = sorted({u for u in draft.units if u})
    flags = list(draft.flags)
    if len(units) > 1:
        flags.append("durations in mixed units: " + ", ".join(units))
    has_duration = any(k in values for k in ("median", "maximum", "average"))
    if has_duration and "" in draft.units:
        flags.append(
            "duration unit not stated; days assumed" if not units else f"a duration has no unit; {units[0]} assumed"
        )
    people = values.get("people")
    return Wait(
        page,
        paragraph[draft.start : draft.end],
        draft.service,
        int(people) if people is not None else None,
        values.get("median"),
        values.get("maximum"),
        values.get("average"),
        units[0] if units else "days",
        draft.as_of,
        flag="; ".join(flags) or None,
    )
