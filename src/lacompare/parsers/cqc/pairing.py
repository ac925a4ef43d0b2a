"""Which council value a benchmark is set against, and the relation the words state.

The value is the nearest number of the benchmark's unit before it in its clause ("46.41% …,
which is lower than the England average of 58.77%"); or several values in turn ("at 23.36%
(72,581) and … 63.15% (196,203) as compared to the England averages of 20.82% and 60.57%
respectively"); or, in a sentence that refers back ("This is higher than the England average
of 14.8%"), the last such number of the sentence before; or, when the benchmark's sentence names
the measure itself ("The proportion of people identifying as White was higher than …"), the
earlier number whose words it repeats; or one that follows the benchmark ("Compared to the
England average of 82.2%, 75.0% of people …", "… (19%) with 40% of residents"). A benchmark
with no such value is skipped, never guessed.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from lacompare import compiled
from lacompare.parsers.text import metric_words as words
from lacompare.parsers.text.benchmarks import Anchor, Citation, Figure
from lacompare.vocab import relations
from lacompare.vocab.patterns import Sentence

# "This is higher than …", "Whilst this is …", "This figure is comparable to …": the value is earlier.
REFERS_BACK = compiled.pattern(r"(?im)^(?:(?:whilst|while|however|and|but),?\s+)?(?:this|it|that|these)\b")
# "than the London average of 7.6% and the England average 6.6%", "(regional average 42%, England
# average 40%)": one value, two benchmarks.
_ONLY_A_JOIN = compiled.pattern(r"(?i)[\s,;)]*(?:(?:and|or)\b(?:\s+(?:the|an?))?\s*)?")
_PROSE_WORD = compiled.pattern(r"\b[a-z]{2,}\b")
# "… (2.88%) as the national average (2.79%) and accessed training for carers (4.72%) as …"
_STARTS_WITH_JOIN = compiled.pattern(r"(?i)[\s,)]*(?:\([^()]*\)\s*)*(?:and|or)\b")
_FULL_STOP = compiled.pattern(r"\.\s")
# "… from 68.9%", "up from", "down from": the earlier figure of a change, not the value now.
_EARLIER_FIGURE = compiled.pattern(r"(?i)\bfrom\s+(?:£\s?)?$")
_AND = compiled.pattern(r"\band\b")
_SEVERAL_CLAUSES = compiled.pattern(r"[;]|\b(?:and|or|but)\b")
# What may stand between a benchmark and a value that follows it: "(19%) with 40%",
# "60%, compared to 45%", "82.2%, fewer people (75.0%)".
_TO_VALUE_AFTER = compiled.pattern(
    r"(?i)[\s,;)]*(?P<link>(?:compared\s+(?:to|with)|against|with|whereas|while|whilst)\s+)?"
    r"(?:in\s+(?:the\s+)?(?:borough|local\s+authority(?:\s+area)?|county|city|(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))*)"
    r"\s*,?\s*)?(?:(?:it|this|the\s+(?:figure|rate|proportion))\s+(?:is|was)\s+)?"
    r"(?:(?:only|just)\s+)?(?:(?:slightly|significantly|much)\s+)?"
    rf"(?:(?:{relations.MORE}|{relations.LESS})\s+(?:people|carers|adults|residents)?\s*)?\(?\s*"
)
# "Compared to the England average of 82.2%, 75.0% …": the benchmark opens the sentence.
_OPENS_WITH_BENCHMARK = compiled.pattern(
    r"(?i)\W*(?:(?:when|as)\s+)?(?:compared\s+(?:to|with)|against|relative\s+to|set\s+against)\s+(?:the\s+|an?\s+)?"
)
_WHOLE_SENTENCE = compiled.pattern(r"(?-i:[A-Z])[a-z]+\b.*\.\s*")
# "Compared with the England average (64.39%), more people in Camden (71.48%) …": a few words, no numbers.
_FEW_WORDS = compiled.pattern(r"[\s,;)]*(?:[^\W\d][\w'’-]*[\s,(]+){0,6}")
# "By comparison, the England average was 7.3.": words that name no measure.
_OPENER = compiled.pattern(
    r"(?i)\b(?:(?:by|in)\s+comparison|nationally|regionally|however|meanwhile|overall|whereas)\b"
)
# The verb that ends a sentence's subject: "The proportion of people identifying as White was …"
_VERB = compiled.pattern(r"(?i)\b(?:is|was|were|are|remains?|remained|stood)\b")


@dataclass(slots=True)
class Pairing:
    """A benchmark and the council value it is set against."""

    anchor: Anchor
    value: Figure
    first: Sentence  # the sentence holding the value (may be before the anchor's)
    last: Sentence  # the sentence holding the benchmark
    segment_start: int  # where this comparison's words start in the benchmark's sentence
    relation: str | None = None
    doubt: str | None = None
    tail_end: int = 0  # where the words that follow the benchmark stop
    shares: Pairing | None = None  # the comparison whose value this second benchmark is set against
    subject: tuple[int, int] | None = None  # the words naming the measure, when not beside the value
    words_end: int | None = None  # where the value's own words stop, when the next value's start


@dataclass(slots=True)
class Paragraph:
    """A line of text with its sentences, the numbers that can be values, cited sources and pairings."""

    text: str
    spans: list[Sentence]
    figures: list[Figure]
    citations: list[Citation]
    pairings: list[Pairing] = field(default_factory=list)
    figure_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.figure_starts = [f.start for f in self.figures]


def join_asides(text: str, spans: list[Sentence]) -> list[Sentence]:
    """A bracket after a full stop belongs to the sentence before it: "… is Mixed. (1.1%, …)"."""
    out: list[Sentence] = []
    for s in spans:
        if out and s.text.startswith("(") and "\n" not in text[out[-1].end : s.start]:
            start = out[-1].start
            out[-1] = Sentence(start, s.end, text[start : s.end])
        else:
            out.append(s)
    return out


def pair_all(para: Paragraph, anchors: list[Anchor]) -> None:
    """Pair every benchmark of the paragraph with its value, sentence by sentence."""
    for i, sentence in enumerate(para.spans):
        previous: Pairing | None = None
        for group in _groups([a for a in anchors if sentence.start <= a.start < sentence.end]):
            found = _pair_series(para, i, group, previous) if len(group) > 1 else [_pair(para, i, group[0], previous)]
            for pairing in (p for p in found if p is not None):
                para.pairings.append(pairing)
                previous = pairing
    _set_tail_ends(para.pairings)


def _groups(anchors: list[Anchor]) -> list[list[Anchor]]:
    """Each benchmark alone, except one benchmark's figures in turn ("… respectively"), together."""
    out: list[list[Anchor]] = []
    k = 0
    while k < len(anchors):
        n = anchors[k].series[1] if anchors[k].series[0] == 0 else 1
        out.append(anchors[k : k + n])
        k += n
    return out


def _pair(para: Paragraph, i: int, anchor: Anchor, previous: Pairing | None) -> Pairing | None:
    line, sentence = para.text, para.spans[i]
    start = previous.anchor.end if previous else sentence.start
    # A table row flattened into text: its columns are not ours to guess. "The England average was
    # 7.3." is a sentence of its own, its value in the sentence before or after the benchmark.
    prose = len(list(itertools.islice(_PROSE_WORD.finditer(line, sentence.start, anchor.start), 2))) == 2
    if not prose and not _WHOLE_SENTENCE.fullmatch(sentence.text):
        return None
    candidates = _same_unit(para, start, anchor.start, anchor) if prose else []
    if candidates:
        return _pair_before(para, sentence, anchor, previous, start, candidates)
    if previous is not None and _ONLY_A_JOIN.fullmatch(line, start, anchor.start):
        relation = relations.stated_after(line, start, anchor.end) or previous.relation
        shared = Pairing(anchor, previous.value, previous.first, sentence, previous.segment_start, relation)
        shared.shares = previous.shares or previous
        return shared
    earlier = _earlier(para, i, anchor) if previous is None else None
    if earlier is not None:
        return earlier
    return _pair_after(para, sentence, anchor, start)


def _same_unit(para: Paragraph, start: int, end: int, anchor: Anchor) -> list[Figure]:
    return [f for f in para.figures if start <= f.start < end and f.unit == anchor.figure.unit]


def _pair_before(
    para: Paragraph, sentence: Sentence, anchor: Anchor, previous: Pairing | None, start: int, candidates: list[Figure]
) -> Pairing:
    line, value = para.text, _latest_not_earlier(para.text, candidates)
    relation = relations.stated_before(line, _clause_start(line, start, value.start), value.start)
    relation = relations.stated_after(line, value.end, anchor.end) or relation
    pairing = Pairing(anchor, value, sentence, sentence, start, relation)
    if len(candidates) > 1 and _SEVERAL_CLAUSES.search(line, value.end, anchor.start):
        pairing.doubt = "value taken as the nearest of several before the benchmark"
    if relation is None and previous is not None and _STARTS_WITH_JOIN.match(line, start, anchor.start):
        pairing.relation = previous.relation
    return pairing


def _latest_not_earlier(line: str, candidates: list[Figure]) -> Figure:
    """The nearest figure before the benchmark, passing over one a change gives as its earlier
    figure: "rose to 71.2% from 68.9% in 2022-23, above the England average" is 71.2% against it."""
    for figure in reversed(candidates):
        if not _EARLIER_FIGURE.search(line, max(0, figure.start - 14), figure.start):
            return figure
    return candidates[-1]


def _clause_start(line: str, start: int, end: int) -> int:
    """After the last full stop before ``end``: "… higher than national average. (OHID). o 84% …"."""
    stops = [m.end() for m in _FULL_STOP.finditer(line, start, end)]
    return stops[-1] if stops else start


def _pair_series(para: Paragraph, i: int, group: list[Anchor], previous: Pairing | None) -> list[Pairing | None]:
    """Values in turn for one benchmark's figures in turn: "A% … and B% … averages of C% and D% respectively"."""
    line, sentence, first = para.text, para.spans[i], group[0]
    start = previous.anchor.end if previous else sentence.start
    candidates = _same_unit(para, start, first.start, first)
    if len(candidates) < len(group):
        return []
    values = candidates[-len(group) :]
    out: list[Pairing | None] = []
    for k, (anchor, value) in enumerate(zip(group, values, strict=True)):
        stop = values[k + 1].start if k + 1 < len(values) else first.start
        relation = relations.stated_after(line, value.end, stop) or relations.stated_before(line, start, value.start)
        pairing = Pairing(anchor, value, sentence, sentence, start, relation)
        if k + 1 < len(values):  # "… aged 65 and over (21.2%) and a lower proportion of working age adults (58.1%)"
            joined = _AND.search(line, value.end, stop)
            pairing.words_end = joined.start() if joined else stop
        out.append(pairing)
    return out


def _earlier(para: Paragraph, i: int, anchor: Anchor) -> Pairing | None:
    """A value in an earlier sentence: the last one, after "This is …" or a benchmark that is a
    sentence of its own; else the one the sentence's subject names."""
    line, sentence = para.text, para.spans[i]
    if i == 0 or _has_figure(para, sentence.start, anchor.start) and not REFERS_BACK.match(sentence.text):
        return None
    subject = _subject(line, sentence.start, anchor.start)
    named: tuple[Figure, Sentence] | None = None
    if REFERS_BACK.match(sentence.text) or not words.content_words(_OPENER.sub("", line[subject[0] : subject[1]])):
        earlier = _value_in_earlier_sentence(para, i, anchor.figure.unit)
    else:
        earlier = named = _value_named_earlier(para, i, anchor, subject)
    if earlier is None:
        return None
    pairing = Pairing(
        anchor, *earlier, sentence, sentence.start, relations.stated_after(line, sentence.start, anchor.end)
    )
    pairing.subject = subject if named else None
    return pairing


def _has_figure(para: Paragraph, start: int, end: int) -> bool:
    at = bisect.bisect_left(para.figure_starts, start)
    return at < len(para.figure_starts) and para.figure_starts[at] < end


def _value_in_earlier_sentence(para: Paragraph, i: int, unit: str | None) -> tuple[Figure, Sentence] | None:
    """The last same-unit number of the nearest earlier sentence that has numbers (two back at most)."""
    for back in (i - 1, i - 2):
        if back < 0:
            return None
        sentence = para.spans[back]
        inside = [f for f in para.figures if sentence.start <= f.start < sentence.end]
        same_unit = [f for f in inside if f.unit == unit]
        if same_unit:
            return same_unit[-1], sentence
        if inside:
            return None
    return None


def _subject(line: str, start: int, end: int) -> tuple[int, int]:
    """The words before a sentence's last verb: "The proportion of … who are 65 years or over" (is above …)."""
    verbs = list(_VERB.finditer(line, start, end))
    return start, verbs[-1].start() if verbs else end


def _value_named_earlier(
    para: Paragraph, i: int, anchor: Anchor, subject: tuple[int, int]
) -> tuple[Figure, Sentence] | None:
    """The number of the two sentences before whose words the subject repeats, if one clearly does."""
    taken = {id(p.value) for p in para.pairings}
    options: list[tuple[Figure, Sentence, str]] = []
    for back in (i - 1, i - 2):
        if back < 0 or any(p.last is para.spans[back] for p in para.pairings):
            break
        options.extend(_figures_with_words(para, para.spans[back], anchor.figure.unit, taken))
    if not options:
        return None
    best = words.best_named(para.text[subject[0] : subject[1]], [text for _, _, text in options])
    return None if best is None else options[best][:2]


def _figures_with_words(
    para: Paragraph, sentence: Sentence, unit: str | None, taken: set[int]
) -> list[tuple[Figure, Sentence, str]]:
    """The sentence's numbers of ``unit``, each with the words from the number before it to the one after."""
    inside = [f for f in para.figures if sentence.start <= f.start < sentence.end]
    bounds = [sentence.start] + [f.end for f in inside] + [sentence.end]
    starts = [f.start for f in inside] + [sentence.end]
    out = []
    for k, f in enumerate(inside):
        if f.unit == unit and id(f) not in taken:
            out.append((f, sentence, para.text[bounds[k] : starts[k + 1]]))
    return out


def _pair_after(para: Paragraph, sentence: Sentence, anchor: Anchor, start: int) -> Pairing | None:
    """A value that follows its benchmark in the same sentence."""
    line = para.text
    after = [f for f in para.figures if anchor.end <= f.start < sentence.end and f.unit == anchor.figure.unit]
    if not after:
        return None
    value = after[0]
    opens = _OPENS_WITH_BENCHMARK.fullmatch(line, start, anchor.start) is not None
    link = _TO_VALUE_AFTER.fullmatch(line, anchor.end, value.start)
    if not (opens and _FEW_WORDS.fullmatch(line, anchor.end, value.start)) and (link is None or not link["link"]):
        return None
    # "82.2%, fewer people (75.0%)" speaks of the value; "more ethnically diverse than the England average"
    relation = relations.stated_before(line, anchor.end, value.start)
    relation = relation or relations.stated_before(line, start, anchor.end)
    return Pairing(anchor, value, sentence, sentence, start, relation)


def _set_tail_ends(pairings: list[Pairing]) -> None:
    """The words after a benchmark run to the next comparison's value, or to the sentence end."""
    for p in pairings:
        later = [q for q in pairings if q.last is p.last and q.anchor.start > p.anchor.start]
        if not later:
            p.tail_end = p.last.end
        else:
            nxt = later[0]
            p.tail_end = nxt.value.start if nxt.value.start > p.anchor.end else nxt.anchor.start
