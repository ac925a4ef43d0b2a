"""A page read sentence by sentence, plus the two readings that look past one sentence.

A measure stated over two sentences ("At April 2023, there were 67 <measure>. At October 2024
this was the case for 85 adults.") and the items of a list whose opening line says they are
figures ("The Adult Social Care numbers for Essex:", "Performance at a glance"): there a figure
with its noun phrase is a row even with no earlier figure or target beside it. Anywhere else a
lone figure is a row only when a verb of change or a measure head ("the percentage of … is")
gives it its role.
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.extractors.prose import guards
from lacompare.extractors.prose.grammar import (
    ANY_WHEN_RE,
    FIGURE_LIST_INTRO,
    LEAD_PERIOD_RE,
    LIST_BULLET,
    LIST_CLAUSE,
    PAIR_FIRST,
    PAIR_SECOND,
    value,
)
from lacompare.extractors.prose.phrases import object_label
from lacompare.extractors.prose.readings import Heading, Reading, Span, read_sentence, sentence_ref
from lacompare.parsers.performance.refs import REF_LINE, code_after
from lacompare.vocab.patterns import NUMBER_RE, Sentence, sentence_list
from lacompare.vocab.periods import stated_period

_MOST_LIST_ITEMS = 20
_MOST_INTRO_CHARS = 160  # a list's opening line ("The Adult Social Care numbers for Essex:") is short
_HEADING_REACH = 1500  # characters: a reference line further up heads another part of the page
_NAME_END = compiled.pattern(r"\s+[–—-]\s+|\s*:\s+")
# A page's title: its first line (after a saved page's "URL:" line), a name of three words or more
# that is no sentence ("Rate of permanent admissions to nursing or residential homes for those aged 65+").
_TITLE = compiled.pattern(r"\A\s*(?:URL:[^\n]*\n\s*)?(?P<title>[^\n]{8,120}?)[ \t]*\n")
_SENTENCE_END = compiled.pattern(r"[.:;!?]$|^(?:Agenda|Item|Minutes|Page)\b")
_LONE_FIGURE = compiled.pattern(value("result"))


def page_readings(text: str, *, titled: bool = True) -> list[Reading]:
    """Every row the page's sentences state, in page order (over-long "sentences" skipped);
    ``titled``: the page's first line is the document's title (a sentence naming only its
    performance states the measure the title names)."""
    sentences = sentence_list(text)  # the splitter leaves out over-long runs: no prose
    taken: set[int] = set()  # page offsets of the figures read: each figure is one row's
    readings = _pairs(text, sentences, taken)
    items = _list_items(text)
    headings = _headings(text)
    title = _title(text) if titled else None
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if following is not None and not _adjacent(text, sentence, following):
            following = None
        heading = _heading_before(headings, sentence.start) or title
        readings.extend(read_sentence(sentence, following, taken, heading))
        if any(a <= sentence.start < b for a, b in items):
            readings.extend(_list_clauses(sentence, taken))
    readings.extend(_period_led_results(text, sentences, headings, readings, taken))
    return sorted(readings, key=lambda r: (r.start, r.figures))


def _title(text: str) -> Heading | None:
    """The page's title as the measure a sentence that names none points to, when it reads as a name."""
    m = _TITLE.match(text)
    if m is None:
        return None
    title = m.group("title").strip()
    if len(title.split()) < 3 or _SENTENCE_END.search(title):
        return None
    return Heading("", None, title)


def _period_led_results(
    text: str, sentences: list[Sentence], headings: list[tuple[int, Heading]], readings: list[Reading], taken: set[int]
) -> list[Reading]:
    """A reference line's measure stated as one figure in a sentence that opens with its period,
    when nothing else under the line gives its value: "NI 136 … / At the end of Quarter 1 we were
    helping 5,666 service users to live at home." The first such sentence under the line only."""
    out = []
    for i, (start, heading) in enumerate(headings):
        end = min(headings[i + 1][0] if i + 1 < len(headings) else len(text), start + _HEADING_REACH)
        if not heading.ref or any(start <= r.start < end for r in readings):
            continue
        for sentence in sentences:
            if not start < sentence.start < end:
                continue
            reading = _period_led(sentence, heading, taken)
            if reading is not None:
                out.append(reading)
                break
    return out


def _period_led(sentence: Sentence, heading: Heading, taken: set[int]) -> Reading | None:
    text = sentence.text
    lead = LEAD_PERIOD_RE.match(text, len(text) - len(text.lstrip()))
    if lead is None:
        return None
    figures = list(NUMBER_RE.finditer(text, lead.end()))
    value_match = _LONE_FIGURE.match(text, figures[0].start()) if len(figures) == 1 else None
    if value_match is None or guards.figure_problem(text, *value_match.span("result")):
        return None
    span = (sentence.start + value_match.start("result"), sentence.start + value_match.end("result"))
    if span[0] in taken:
        return None
    taken.add(span[0])
    result = " ".join(value_match.group("result").split())
    period = stated_period(lead.group("lead_period"))
    start = sentence.start + len(text) - len(text.lstrip())
    return Reading(
        start, sentence.end, heading.name, heading.ref, result, None, None, period, (span,), code=heading.code
    )


def _headings(text: str) -> list[tuple[int, Heading]]:
    """Lines that open with a reference and name a measure: "• NAS 1 (PAF D40) Percentage of …"."""
    out = []
    for m in REF_LINE.finditer(text):
        code, end = code_after(m.group("rest"))
        name = _NAME_END.split(m.group("rest")[end:], maxsplit=1)[0].strip(" .,;")
        if name and not NUMBER_RE.search(name):
            out.append((m.start(), Heading(" ".join(m.group("ref").split()), code, " ".join(name.split()))))
    return out


def _heading_before(headings: list[tuple[int, Heading]], pos: int) -> Heading | None:
    """The nearest reference line above ``pos``, when it stands close enough to be the topic."""
    before = [(start, h) for start, h in headings if pos - _HEADING_REACH <= start < pos]
    return before[-1][1] if before else None


def _adjacent(text: str, first: Sentence, second: Sentence) -> bool:
    """Whether two sentences stand in one paragraph (no blank line between them)."""
    return text.count("\n", first.end, second.start) <= 1 and not text[first.end : second.start].strip()


def _pairs(text: str, sentences: list[Sentence], taken: set[int]) -> list[Reading]:
    """'At April 2023, there were 67 <measure>. At October 2024 this was the case for 85 adults.'"""
    out = []
    for first, second in zip(sentences, sentences[1:], strict=False):
        if not _adjacent(text, first, second):
            continue
        _, _, body = sentence_ref(first.text)
        m1 = PAIR_FIRST.match(first.text[body:])
        m2 = PAIR_SECOND.match(second.text) if m1 else None
        if m1 is None or m2 is None:
            continue
        previous = (body + m1.start("previous"), body + m1.end("previous"))
        result = m2.span("result")
        if guards.figure_problem(first.text, *previous) or guards.figure_problem(second.text, *result):
            continue
        label = object_label(m1.group("rest"), noun_first=True)
        if label is None:
            continue
        spans = (
            (second.start + result[0], second.start + result[1]),
            (first.start + previous[0], first.start + previous[1]),
        )
        taken.update(a for a, _ in spans)
        out.append(
            Reading(
                first.start + len(first.text) - len(first.text.lstrip()),
                second.end,
                label,
                "",
                second.text[slice(*result)],
                first.text[slice(*previous)],
                None,
                stated_period(m2.group("lead_period")),
                spans,
            )
        )
    return out


def _list_items(text: str) -> list[Span]:
    """The lines of lists whose opening line says they are figures: each opens with a figure."""
    items: list[Span] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        if len(lines[i]) > _MOST_INTRO_CHARS or not FIGURE_LIST_INTRO.search(lines[i]):
            i += 1
            continue
        count, i = 0, i + 1
        while i < len(lines) and count < _MOST_LIST_ITEMS:
            line = lines[i]
            if line.strip():
                head = line[LIST_BULLET.match(line).end() :]  # type: ignore[union-attr]
                if not NUMBER_RE.match(head):
                    break
                items.append((offsets[i], offsets[i] + len(line)))
                count += 1
            i += 1
    return items


def _list_clauses(sentence: Sentence, taken: set[int]) -> list[Reading]:
    """'39.8% (14,756) of the new contacts went on to …, and 69.5% of adults …': a row per clause
    that opens with a figure and names a measure."""
    text = sentence.text
    body = LIST_BULLET.match(text).end()  # type: ignore[union-attr]
    out = []
    for m in LIST_CLAUSE.finditer(text[body:]):
        span = (body + m.start("result"), body + m.end("result"))
        page_span = (sentence.start + span[0], sentence.start + span[1])
        if page_span[0] in taken or guards.figure_problem(text, *span):
            continue
        label = object_label(m.group("rest"), noun_first=True)
        if label is None:
            continue
        when = ANY_WHEN_RE.search(m.group("rest"))
        taken.add(page_span[0])
        out.append(
            Reading(
                sentence.start + len(text) - len(text.lstrip()),
                sentence.end,
                label,
                "",
                text[slice(*span)],
                None,
                None,
                stated_period(when.group("period")) if when else None,
                (page_span,),
            )
        )
    return out
