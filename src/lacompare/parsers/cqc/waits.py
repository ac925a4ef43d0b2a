"""Waiting lists and waiting times per service.

Figures: "137 people were awaiting their initial Care Act assessment, with a median wait time of
21 days and a maximum of 112 days". A figure may run over the next sentences of its paragraph
("… 330 people were waiting for a non-urgent OT assessment. The median waiting time was 37
days."), and a sentence with figures but no service takes the service the paragraph is about, or
(flagged) the one the lines just before it are about ("1. The median time taken to assess … /
• 21/22 - Median time to assess = 41 days"). A bound stays a bound ("the longest waits now under
300 days": maximum 300, flagged); a change gives two facts ("reduced … from 47 weeks to 11
weeks"). Nothing waiting, stated in words, is a count of 0: "no waiting list", "no waits for
hospital discharge", "no safeguarding concerns or s42 enquiries waiting".

Anecdotes ("one person had to wait 6 months") are not figures and are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lacompare import compiled
from lacompare.model import Fact, Number, Wait
from lacompare.parsers.cqc.wait_figures import Change, Figures, changes, figures
from lacompare.parsers.cqc.wait_services import as_of_spans, last_service, service_in
from lacompare.readers.base import Document
from lacompare.vocab.patterns import SHORT_YEAR, YEAR, Sentence, normalise_year, sentences

_FLAGS = regex.IGNORECASE
# A line that may hold a wait: it says so, or gives the time taken to assess ("Median time to assess = 41 days").
_WAIT_CUE = compiled.scanner(
    r"wait|pending|\btime(?: \([^()]{0,20}\))?(?: taken)? to (?:assess|review|be (?:assessed|reviewed))\b", _FLAGS
)
# The year of a wait: a list item's label ("21/22 - Median …", "2022/23: …") or "in 2023/24".
_LABEL_YEAR = compiled.pattern(rf"^\W*(?P<year>{SHORT_YEAR}|(?:19|20)\d\d[-/–]\d\d(?:\d\d)?)\s*[-–:=]", _FLAGS)
_IN_YEAR = compiled.pattern(rf"\b(?:in|during|for)\s(?:the\s)?(?:financial\s)?(?:year\s)?(?P<year>{YEAR})", _FLAGS)

_NONE_WAITING = (
    # "no waits for hospital discharge", "with no waiting list", "zero waits for DoLS"; not "reduced or no waits"
    compiled.pattern(
        r"(?<!\bor )\b(?:no|zero|nil) (?:recorded )?(?:waits?|waiting lists?|waiting times?|wait(?:ing)? list)\b"
        r"(?: (?:for|in|on|to) (?P<what>[^,.;]+))?",
        _FLAGS,
    ),
    # "nor were there any waits for safeguarding assessments or standard DoLS cases"
    compiled.pattern(
        r"\b(?:nor|not) (?:were|was) there any (?:waits?|waiting lists?|waiting times?) (?:for|in) (?P<what>[^,.;]+)",
        _FLAGS,
    ),
    # "no one was waiting for an OT assessment", "nobody on the waiting list for a review", "zero people waiting"
    compiled.pattern(
        r"\b(?:no[\s-]one|nobody|zero|nil)\s+(?:people\s+|cases\s+)?(?:(?:is|was|were|are|has\s+been)\s+)?"
        r"(?:currently\s+|now\s+|left\s+)?(?:waiting|awaiting|on\s+(?:a|the|our)\s+waiting\s+list)\b"
        r"(?!\s+(?:more|longer|over|beyond|in\s+excess|above|under|less)\b)"  # "no one waited over 28 days": a bound
        r"(?:\s+(?:for|on|to)\s+(?P<what>[^,.;]+))?",
        _FLAGS,
    ),
    # "the number of people waiting for a review fell to zero", "the waiting list was reduced to nil"
    compiled.pattern(
        r"\b(?:waiting\s+list|number\s+of\s+(?:people|cases)\s+(?:waiting|awaiting))(?:\s+(?:for|on)\s+(?P<what>[^,.;]+?))?"
        r"\s+(?:has\s+|had\s+|was\s+|were\s+)?(?:fell|fallen|reduced|dropped|come\s+down|came\s+down|cut)\s+to\s+"
        r"(?:zero|nil|none|nobody)\b",
        _FLAGS,
    ),
    # "no safeguarding concerns or s42 enquiries waiting"
    compiled.pattern(
        r"\bno (?P<what>(?:(?!(?:no|delays?|waits?|waiting|lists?)\b)[\w'’-]+ ){1,6}?)"
        r"(?:were |are )?(?:waiting|awaiting)\b",
        _FLAGS,
    ),
)
# Where a "no waits for …" object stops naming services.
_WHAT_END = compiled.pattern(r"\s(?:and|but|so|which|therefore|as|where|because|while|whilst)\s", _FLAGS)
_WHAT_LIST = compiled.pattern(r",?\s(?:or|nor)\s(?:other\s)?", _FLAGS)
_BACK_REFERENCE = compiled.pattern(r"^\s*(?:the|this|that|these|those) services?\b", _FLAGS)


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
    bounds: dict[str, str] = field(default_factory=dict)
    year: str | None = None


def parse(doc: Document) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        carried: str | None = None  # the service of the wait lines just before
        for line in page.text.split("\n"):
            if not line.strip():
                continue
            if not _mentions_waiting(line):
                carried = None
                continue
            out.extend(paragraph_waits(line, page.number, carried))
            carried = last_service(line) or service_in(line) or carried
    return out


def _mentions_waiting(text: str) -> bool:
    return bool(_WAIT_CUE.search(text))


def paragraph_waits(paragraph: str, page: int = 1, carried: str | None = None) -> list[Wait]:
    """Every wait fact of one paragraph (a line of normalised page text), in reading order.

    ``carried`` is the service the lines just before are about: figures with no service of their
    own take it, flagged."""
    drafts: list[_Draft] = []
    open_draft: _Draft | None = None
    context: str | None = None  # the service the paragraph's wait sentences are about
    for sentence in sentences(paragraph):
        if not _mentions_waiting(sentence.text):
            open_draft = None
            continue
        masked, as_of = _mask_as_of(sentence.text)
        service = service_in(masked)
        # A wait the text gives no service ("a waiting list of 1,046 people") is kept as unnamed.
        owner = service or context or carried or UNNAMED_SERVICE
        if owner:
            masked = _changes(sentence, masked, owner, _carried_flag(service or context, owner), drafts)
        figs = figures(masked)
        year = _year(paragraph, sentence)
        taken = {d.service for d in drafts if d.start == sentence.start}
        if figs.values:
            if service is None and open_draft is not None and not figs.values.keys() & open_draft.values.keys():
                _extend(open_draft, sentence, figs, as_of)
            elif owner:
                open_draft = _draft(owner, sentence, figs, as_of, year)
                open_draft.flags += _carried_flag(service or context, owner)
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


def _carried_flag(own: str | None, owner: str) -> list[str]:
    if own:
        return []
    if owner == UNNAMED_SERVICE:
        return ["the text names no service"]
    return [f"service {owner.replace('_', ' ')!r} taken from the lines before"]


UNNAMED_SERVICE = "unspecified"


def _draft(service: str, sentence: Sentence, figs: Figures, as_of: str | None, year: str | None) -> _Draft:
    return _Draft(
        service, sentence.start, sentence.end, figs.values, figs.units, as_of, list(figs.flags), figs.bounds, year
    )


def _changes(sentence: Sentence, masked: str, service: str, flags: list[str], drafts: list[_Draft]) -> str:
    """Add a draft for each side of the sentence's changes; the sentence with the changes blanked."""
    for change in changes(sentence.text):  # the unmasked text: a change's dates are its own
        drafts.extend(_change_drafts(sentence, service, change, flags))
        masked = masked[: change.start] + " " * (change.end - change.start) + masked[change.end :]
    return masked


def _change_drafts(sentence: Sentence, service: str, change: Change, flags: list[str]) -> list[_Draft]:
    """A figure before a change and the figure after it, each with its date where the text gives one."""
    unit = [change.unit or ""] if change.measure != "people" else []
    after = f"{change.after:,}{' ' + change.unit if change.unit else ''}"
    before = _Draft(service, sentence.start, sentence.end, {change.measure: change.before}, list(unit))
    before.as_of, before.flags = change.before_when, [f"the figure before the change to {after}", *flags]
    latest = _Draft(service, sentence.start, sentence.end, {change.measure: change.after}, list(unit))
    latest.as_of, latest.flags = change.after_when, list(flags)
    return [before, latest]


def _year(paragraph: str, sentence: Sentence) -> str | None:
    """A financial year the figures are labelled with ("21/22 - …") or said to be for ("in 2023/24")."""
    label = _LABEL_YEAR.match(paragraph) if sentence.start == 0 else None
    m = label or _IN_YEAR.search(sentence.text)
    year = normalise_year(m["year"]) if m else None
    return year if year and "-" in year else None


def _mask_as_of(text: str) -> tuple[str, str | None]:
    """The sentence with its "at the time of the assessment" phrases blanked, and the first one."""
    spans = as_of_spans(text)
    masked = text
    for start, end in spans:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked, (text[spans[0][0] : spans[0][1]] if spans else None)


def _extend(draft: _Draft, sentence: Sentence, figs: Figures, as_of: str | None) -> None:
    draft.end = sentence.end
    draft.values.update(figs.values)
    draft.units.extend(figs.units)
    draft.bounds.update(figs.bounds)
    draft.flags.extend(figs.flags)
    draft.as_of = draft.as_of or as_of


def _none_waiting(paragraph: str, sentence: Sentence, masked: str, as_of: str | None) -> list[_Draft]:
    out: list[_Draft] = []
    lowered = masked.lower()
    if "no" not in lowered and "zero" not in lowered and "nil" not in lowered:  # "no", "nor", "not", "nobody"
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
    has_duration = any(k in values for k in ("median", "maximum", "average", "length"))
    if has_duration and "" in draft.units:
        flags.append(
            "duration unit not stated; days assumed" if not units else f"a duration has no unit; {units[0]} assumed"
        )
    unit = units[0] if units else "days"
    for measure, word in draft.bounds.items():
        figure = (
            f"{word} {values[measure]:,} people"
            if measure == "people"
            else f"{measure} {word} {values[measure]:,} {unit}"
        )
        flags.append(f"a bound, not an exact figure: {figure}")
    people = values.get("people")
    return Wait(
        page,
        paragraph[draft.start : draft.end],
        draft.service,
        int(people) if people is not None else None,
        values.get("median"),
        values.get("maximum"),
        values.get("average"),
        unit,
        draft.as_of,
        flag="; ".join(flags) or None,
        length=values.get("length"),
        year=draft.year,
        bound="; ".join(f"{measure} {word}" for measure, word in draft.bounds.items()) or None,
    )
