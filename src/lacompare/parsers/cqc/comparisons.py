"""Comparisons: a council value set against a benchmark value, both stated in the text.

"46.41% of people … had their care reviewed …, which is lower than the England average of
58.77% (Short and Long-term Support, 2024, SALT)" gives value 46.41 %, comparator England,
comparator value 58.77, relation "lower" (as the text states it), source SALT, year 2024.

Each benchmark ("England average of 58.77%", "national average (17.3%)", "than average
(46.55%)", "compared to 7% in London", "target of 80%") is paired with the nearest number of
the same unit before it in its clause; or, in a sentence that refers back ("This is higher
than the England average of 14.8%"), with the last such number of the sentence before; or with
"… (19%) with 40% of residents". A benchmark with no such value is skipped, never guessed.
A stated relation that contradicts the numbers is kept and flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lacompare.model import Comparison, Fact, Number
from lacompare.parsers.text import benchmarks as bm
from lacompare.parsers.text import metric_words as words
from lacompare.parsers.text.benchmarks import Anchor, Citation, Figure
from lacompare.parsers.text.patterns import NUMBER, Sentence, parse_number, sentences
from lacompare.readers.base import Document

# "This is higher than …", "Whilst this is …", "This figure is comparable to …": the value is earlier.
_REFERS_BACK = regex.compile(r"(?im)^(?:(?:whilst|while|however|and|but),?\s+)?(?:this|it|that|these)\b")
# "… England average (19%) with 40% of residents …"
_VALUE_AFTER = regex.compile(rf"\s*\)?\s*,?\s*with\s+(?P<num>{NUMBER})\s?%")
# "than the London average of 7.6% and the England average 6.6%": one value, two benchmarks.
_ONLY_A_JOIN = regex.compile(r"(?i)[\s,)]*(?:and|or)\b(?:\s+(?:the|an?))?\s*")
_PROSE_WORD = regex.compile(r"\b[a-z]{2,}\b")
# "… (2.88%) as the national average (2.79%) and accessed training for carers (4.72%) as …"
_STARTS_WITH_JOIN = regex.compile(r"(?i)[\s,)]*(?:\([^()]*\)\s*)*(?:and|or)\b")
_SEVERAL_CLAUSES = regex.compile(r"[;]|\b(?:and|or|but)\b")
# "Similarly, the rate … (Adult Social Care Workforce Estimates, Skills for Care, 2024)" cites for both.
_CONTINUES = regex.compile(r"(?i)(?:similarly|additionally|also|likewise)\b")
_PER_100K = regex.compile(r"per\s+100,?000")
_PEOPLE = regex.compile(r"\s+people\b")


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


@dataclass(slots=True)
class _Paragraph:
    text: str
    spans: list[Sentence]
    figures: list[Figure]
    citations: list[Citation]
    pairings: list[Pairing] = field(default_factory=list)


def parse(doc: Document) -> list[Fact]:
    places = words.place_pattern(_place_names(doc))
    out: list[Fact] = []
    for page in doc.pages:
        text, start, previous = page.text, 0, 0
        while start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if bm.KEYWORD_RE.search(text, start, end):
                # A paragraph the reader split after a sentence: "… 18.26% … in Barnet.\nThis is higher …"
                joined = start > previous and _REFERS_BACK.match(text, start) and text[previous:start].strip()
                lo = previous if joined else start
                out.extend(_paragraph_comparisons(page.number, text[lo:end], start - lo, places))
            previous, start = start, end + 1
    return out


def _place_names(doc: Document) -> tuple[str, ...]:
    from lacompare.parsers.classify import local_authority

    name = local_authority(doc) or ""
    short = regex.sub(r"(?i)^.*\b(?:borough|council|city|county) of\s+", "", name)
    return tuple(dict.fromkeys(n for n in (short, name) if n))


def _paragraph_comparisons(page: int, line: str, own: int, places: regex.Pattern[str]) -> list[Comparison]:
    """Comparisons whose benchmark is in ``line[own:]`` (before ``own``: the previous line)."""
    anchors = bm.anchors(line, own)
    if not anchors:
        return []
    para = _Paragraph(line, list(sentences(line)), bm.figures(line, anchors), bm.citations(line))
    for i, sentence in enumerate(para.spans):
        previous: Pairing | None = None
        for anchor in (a for a in anchors if sentence.start <= a.start < sentence.end):
            pairing = _pair(para, i, anchor, previous)
            if pairing is not None:
                para.pairings.append(pairing)
                previous = pairing
    _set_tail_ends(para.pairings)
    return [_comparison(page, para, p, places) for p in para.pairings]


def _pair(para: _Paragraph, i: int, anchor: Anchor, previous: Pairing | None) -> Pairing | None:
    line, sentence = para.text, para.spans[i]
    start = previous.anchor.end if previous else sentence.start
    if len(_PROSE_WORD.findall(line, sentence.start, anchor.start)) < 2:
        return None  # a table row flattened into text: its columns are not ours to guess
    unit = anchor.figure.unit
    candidates = [f for f in para.figures if start <= f.start < anchor.start and f.unit == unit]
    if candidates:
        value = candidates[-1]
        relation = bm.relation(line, start, value.start)
        relation = bm.relation(line, value.end, anchor.end, after_value=True) or relation
        pairing = Pairing(anchor, value, sentence, sentence, start, relation)
        if len(candidates) > 1 and _SEVERAL_CLAUSES.search(line, value.end, anchor.start):
            pairing.doubt = "value taken as the nearest of several before the benchmark"
        if relation is None and previous is not None and _STARTS_WITH_JOIN.match(line, start, anchor.start):
            pairing.relation = previous.relation
        return pairing
    relation = bm.relation(line, start, anchor.end, after_value=True)
    if previous is not None and _ONLY_A_JOIN.fullmatch(line, start, anchor.start):
        relation = relation or previous.relation
        shared = Pairing(anchor, previous.value, previous.first, sentence, previous.segment_start, relation)
        shared.shares = previous.shares or previous
        return shared
    if previous is None and _REFERS_BACK.match(sentence.text):
        earlier = _value_in_earlier_sentence(para, i, unit)
        if earlier is not None:
            return Pairing(anchor, earlier[0], earlier[1], sentence, start, relation)
    after = _VALUE_AFTER.match(line, anchor.end, sentence.end) if unit == "%" else None
    if after is not None:
        figure = Figure(after.start("num"), after.end("num"), parse_number(after.group("num")), "%")
        return Pairing(anchor, figure, sentence, sentence, start, bm.relation(line, start, anchor.end))
    return None


def _value_in_earlier_sentence(para: _Paragraph, i: int, unit: str | None) -> tuple[Figure, Sentence] | None:
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


def _set_tail_ends(pairings: list[Pairing]) -> None:
    """The words after a benchmark run to the next comparison's value, or to the sentence end."""
    for p in pairings:
        later = [q for q in pairings if q.last is p.last and q.anchor.start > p.anchor.start]
        if not later:
            p.tail_end = p.last.end
        else:
            nxt = later[0]
            p.tail_end = nxt.value.start if nxt.value.start > p.anchor.end else nxt.anchor.start


def _comparison(page: int, para: _Paragraph, p: Pairing, places: regex.Pattern[str]) -> Comparison:
    source, year = _source(para, p)
    metric = _metric(para, p, places)
    flags = [f for f in (_contradiction(p), p.doubt) if f]
    return Comparison(
        page,
        para.text[p.first.start : p.last.end],
        metric=metric,
        value=p.value.value,
        unit=_unit(para.text, p),
        comparator=p.anchor.comparator,
        comparator_value=p.anchor.figure.value,
        relation=p.relation,
        source=source,
        year=year,
        metric_id=words.metric_slug(metric),
        band=_band(para, p),
        flag="; ".join(flags) or None,
    )


def _unit(line: str, p: Pairing) -> str | None:
    if p.value.unit is not None:
        return p.value.unit
    if _PER_100K.search(line, p.value.start, p.anchor.start):
        return "per 100,000"
    if _PEOPLE.match(line, p.value.end):
        return "people"
    if isinstance(p.value.value, float) and p.value.value < 1:
        return "ratio"
    return None


def _contradiction(p: Pairing) -> str | None:
    value, benchmark = p.value.value, p.anchor.figure.value
    wrong = (p.relation == "higher" and value <= benchmark) or (p.relation == "lower" and value >= benchmark)
    if not wrong:
        return None
    sign = "<" if value < benchmark else ">" if value > benchmark else "="
    return f"relation '{p.relation}' contradicts {_fmt(value)} {sign} {_fmt(benchmark)}"


def _fmt(n: Number) -> str:
    return f"{n:g}" if isinstance(n, float) else str(n)


def _band(para: _Paragraph, p: Pairing) -> str | None:
    """CQC's variation band: in brackets after the benchmark, else in the comparison's own words."""
    line = para.text
    tail = bm.BAND_RE.search(line, p.anchor.end, p.tail_end)
    if tail is not None:
        return _band_text(tail.group())
    taken = set()
    for q in para.pairings:
        m = bm.BAND_RE.search(line, q.anchor.end, q.tail_end) if q is not p else None
        if m is not None:
            taken.add(m.span())
    head = [m for m in bm.BAND_RE.finditer(line, p.segment_start, p.anchor.start) if m.span() not in taken]
    return _band_text(head[-1].group()) if head else None


def _band_text(text: str) -> str:
    return " ".join(text.lower().split())


def _source(para: _Paragraph, p: Pairing) -> tuple[str | None, str | None]:
    """The data source cited after the benchmark, else in the quoted sentences, else one that
    covers them: "(All from SACE 2023-2024)" later in the paragraph, a following "Similarly, …
    (Skills for Care, 2024)", or a preceding sentence that introduces the data."""
    cites = para.citations
    for lo, hi in ((p.anchor.end, p.tail_end), (p.first.start, p.last.end)):
        found = [c for c in cites if lo <= c.start < hi and not _in_other_tail(para, p, c.start)]
        if found:
            return bm.combine(found)
    for lo, hi in bm.all_from_spans(para.text):
        if lo >= p.anchor.end:
            return bm.combine([c for c in cites if lo <= c.start < hi])
    following = next((s for s in para.spans if s.start > p.last.end), None)
    if following is not None and _CONTINUES.match(following.text):
        found = [c for c in cites if following.start <= c.start < following.end]
        if found:
            return bm.combine(found)
    preceding = [s for s in para.spans if s.end < p.first.start]
    if preceding:
        before = preceding[-1]
        found = [c for c in cites if before.start <= c.start < before.end]
        if found and not bm.anchors(para.text, before.start, before.end):
            return bm.combine(found)
    return None, None


def _in_other_tail(para: _Paragraph, p: Pairing, at: int) -> bool:
    return any(q is not p and q.anchor.end <= at < q.tail_end for q in para.pairings)


def _metric(para: _Paragraph, p: Pairing, places: regex.Pattern[str]) -> str:
    p = p.shares or p
    line, value = para.text, p.value
    if value.start > p.anchor.start:  # "… (19%) with 40% of residents …"
        lo, hi = p.anchor.end, p.last.end
    elif p.first is p.last:
        lo, hi = p.segment_start if value.start >= p.segment_start else p.first.start, p.anchor.start
    else:
        lo, hi = p.first.start, p.first.end
    lo = words.after_last_number(line, lo, value.start, [f.end for f in para.figures if f.end <= value.start])
    return words.describe(
        line,
        (value.start, value.end),
        lo,
        hi,
        places,
        between=(p.segment_start, p.anchor.start) if p.first is not p.last else None,
        predicate_at=(p.anchor.end, p.last.end) if p.first is p.last else None,
    )
