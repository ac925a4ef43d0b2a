"""Comparisons: a council value set against a benchmark value, both stated in the text.

"46.41% of people … had their care reviewed …, which is lower than the England average of
58.77% (Short and Long-term Support, 2024, SALT)" gives value 46.41 %, comparator England,
comparator value 58.77, relation "lower" (as the text states it), source SALT, year 2024.

Benchmarks ("England average of 58.77%", "national average (17.3%)", "than average (46.55%)",
"compared to 7% in London", "target of 80%") are found by :mod:`~lacompare.parsers.text.benchmarks`
and paired with their council values by :mod:`~lacompare.parsers.cqc.pairing`; this module turns
each pairing into a fact: its quote, unit, source, year, band and measure. A stated relation
that contradicts the numbers is kept and flagged.
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.extractors.prose.grammar import value_period
from lacompare.model import Comparison, Fact
from lacompare.parsers.cqc.pairing import REFERS_BACK, Pairing, Paragraph, join_asides, pair_all
from lacompare.parsers.text import benchmarks as bm
from lacompare.parsers.text import metric_words as words
from lacompare.readers.base import Document
from lacompare.vocab import relations
from lacompare.vocab.patterns import sentences

# "Similarly, the rate … (Adult Social Care Workforce Estimates, Skills for Care, 2024)" cites for both.
_CONTINUES = compiled.pattern(r"(?i)(?:similarly|additionally|also|likewise)\b")
_PER_100K = compiled.pattern(r"per\s+100,?000")
_PEOPLE = compiled.pattern(r"\s+people\b")


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
                joined = start > previous and REFERS_BACK.match(text, start) and text[previous:start].strip()
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
    para = Paragraph(line, join_asides(line, list(sentences(line))), bm.figures(line, anchors), bm.citations(line))
    pair_all(para, anchors)
    out: dict[tuple[object, ...], Comparison] = {}
    for p in para.pairings:  # a statement the paragraph repeats word for word is one fact
        fact = _comparison(page, para, p, places)
        out.setdefault((fact.value, fact.unit, fact.comparator, fact.comparator_value), fact)
    return list(out.values())


def _comparison(page: int, para: Paragraph, p: Pairing, places: regex.Pattern[str]) -> Comparison:
    source, year = _source(para, p)
    year = year or _stated_period(para, p)
    metric = _metric(para, p, places)
    flags = [f for f in (relations.contradiction(p.relation, p.value.value, p.anchor.figure.value), p.doubt) if f]
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
        metric_id=words.metric_slug(metric) if metric else "",  # the catalogue names it from the quote
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


def _band(para: Paragraph, p: Pairing) -> str | None:
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


def _source(para: Paragraph, p: Pairing) -> tuple[str | None, str | None]:
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


def _stated_period(para: Paragraph, p: Pairing) -> str | None:
    return value_period(para.text, p.first.start, p.value.start, p.value.end)


def _in_other_tail(para: Paragraph, p: Pairing, at: int) -> bool:
    return any(q is not p and q.anchor.end <= at < q.tail_end for q in para.pairings)


def _metric(para: Paragraph, p: Pairing, places: regex.Pattern[str]) -> str:
    p = p.shares or p
    line, value = para.text, p.value
    if p.subject is not None:  # "The proportion of people identifying as White was higher than …"
        return words.tidy(line[p.subject[0] : p.subject[1]], places)
    if value.start > p.anchor.start:  # "… (19%) with 40% of residents …"
        lo, hi = p.anchor.end, p.last.end
    elif p.first is p.last:
        lo, hi = p.segment_start if value.start >= p.segment_start else p.first.start, p.words_end or p.anchor.start
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
