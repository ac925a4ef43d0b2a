"""Comparisons councils state in a few words, beside the full sentences the benchmark grammar reads:

- a benchmark in brackets after the value (or after the few words that say what it counts): "41.2%
  (England: 36.3%)", "512 (national average 560.8)", "31.2% of service users (England 26.2%)",
  "36.9% (national average 36.3%, regional 38.1%)";
- the value set against a benchmark with "vs": "3 vs 5.1 nationally", "England 5.1 vs 3";
- the council's value and the benchmarks' in a list: "Barnshire 27.3%, England 26.2%, region 28.1%";
- two values and their benchmarks in brackets: "11.8 for males and 11.5 for females (12.8 and 12.6
  respectively for England)";
- the benchmark in the next sentence: "… 71.2 per cent. The equivalent national figure was 69 per
  cent." (the first sentence states one figure, the second names the benchmark and one figure).

The relation is left unstated (None): these forms state the figures, not how they compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lacompare import compiled
from lacompare.extractors.prose.grammar import PERIOD_BODY, value_period
from lacompare.model import Comparison, Fact
from lacompare.readers.base import Document
from lacompare.vocab.patterns import NUMBER, Sentence, parse_number, sentence_list
from lacompare.vocab.relations import COMPARATOR_WORDS, comparator

# The benchmark names of the one comparator vocabulary (a target is no benchmark: left out below).
_CMP = rf"(?:{COMPARATOR_WORDS})(?:\s+average)?"
_OWN_PERIOD = rf"(?:,?\s+(?:in|for|during)\s+{PERIOD_BODY})"  # "41.2% in 2023-24 (England: 36.3%)"
_PCT = r"\s?(?:%|per\s?cent\b)"


def _figure(name: str) -> str:
    return rf"(?<![\w.,£/-])(?P<{name}>{NUMBER})(?P<{name}_pct>{_PCT})?(?![\d/])"


_BRACKET = compiled.pattern(
    # a few words may stand between the value and its brackets: "31.2% of service users (England 26.2%)"
    rf"{_figure('value')}(?:\s+[^\W\d][^()\d;:]{{0,60}}?)?{_OWN_PERIOD}?\s*\(\s*(?P<who>{_CMP})\s*(?:average\s*)?[:=–-]?\s*{_figure('bench')}"
    rf"(?:\s*[,;]\s*(?:and\s+)?(?P<who2>{_CMP})\s*(?:average\s*)?[:=–-]?\s*{_figure('bench2')})?\s*\)",
    re.I,
)
_VERSUS = compiled.pattern(
    rf"{_figure('value')}\s+(?:vs\.?|versus)\s+{_figure('bench')}"
    rf"(?:\s+(?:per\s+[\d,]+\s+)?(?:for\s+|in\s+)?(?:the\s+)?(?P<who>{_CMP}))?",
    re.I,
)
_NAMED_LIST = compiled.pattern(
    rf"(?P<own>[A-Z][A-Za-z'’ -]{{1,30}}?)\s*[:–-]?\s+{_figure('value')}\s*[,;]\s*(?:and\s+)?"
    rf"(?P<who>{_CMP})\s*[:–-]?\s+{_figure('bench')}"
    rf"(?:\s*[,;]\s*(?:and\s+)?(?P<who2>{_CMP})\s*[:–-]?\s+{_figure('bench2')})?"
)
# "11.8 for males and 11.5 for females (12.8 and 12.6 respectively for England)"
_RESPECTIVELY = compiled.pattern(
    rf"{_figure('value')}[^().;]{{0,60}}?\band\s+{_figure('value2')}[^().;]{{0,60}}?"
    rf"\(\s*{_figure('bench')}\s+and\s+{_figure('bench2')}\s*,?\s+respectively\s+(?:for|in)\s+(?:the\s+)?"
    rf"(?P<who>{_CMP})\s*\)",
    re.I,
)
_NEXT_SENTENCE = compiled.pattern(
    rf"^(?:The|This)\s+(?:equivalent|comparable|corresponding)\s+(?P<who>{_CMP})\s+(?:figure|rate|average|proportion)"
    rf"\s+(?:was|is|stood\s+at|stands\s+at)\s+{_figure('bench')}"
    rf"|^(?:The\s+)?(?P<who2>{_CMP})(?:\s+average|\s+figure|\s+rate)?\s+(?:was|is)\s+{_figure('bench2')}"
    rf"|^(?P<who3>Nationally|Regionally),?\s+(?:the\s+)?(?:figure|rate|proportion|it)\s+(?:was|is)\s+{_figure('bench3')}",
    re.I,
)
_NAMED = compiled.scanner(rf"(?i)\b(?:{_CMP})\b")
_ANY_FIGURE = compiled.pattern(rf"(?<![\w.,£/-]){NUMBER}(?:{_PCT})?(?![\d/])", re.I)
_YEARISH = compiled.pattern(r"(?:19|20)\d\d")
_DIGIT = compiled.pattern(r"\d")


def read(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for page in doc.pages:
        sentences = sentence_list(page.text)
        named = _naming(sentences)  # every form names a benchmark
        for i, sentence in enumerate(sentences):
            if named[i]:
                facts.extend(_in_sentence(page.number, sentence))
            if i + 1 < len(sentences) and named[i + 1]:
                facts.extend(_over_two(page.number, page.text, sentence, sentences[i + 1]))
    return [f for f in facts if isinstance(f, Comparison) and f.comparator != "target"]


def _naming(sentences: list[Sentence]) -> list[bool]:
    """Which sentences with a figure name a benchmark: every form above needs a figure in the sentence
    it is found in, so the names are looked for in those alone (a tenth of the text to search)."""
    return [_DIGIT.search(s.text) is not None and _NAMED.search(s.text) is not None for s in sentences]


def _in_sentence(page: int, sentence: Sentence) -> Iterator[Comparison]:
    text = sentence.text
    for m in _BRACKET.finditer(text):
        if _figures(m, "value", "bench"):
            yield _comparison(page, text, m, "value", "bench", m["who"])
        if m["who2"] and _figures(m, "value", "bench2"):
            yield _comparison(page, text, m, "value", "bench2", m["who2"])
    for m in _VERSUS.finditer(text):
        who = m["who"] or _named_elsewhere(text)
        if who and _figures(m, "value", "bench"):
            yield _comparison(page, text, m, "value", "bench", who)
    for m in _RESPECTIVELY.finditer(text):
        if _figures(m, "value", "value2", "bench", "bench2"):
            yield _comparison(page, text, m, "value", "bench", m["who"])
            yield _comparison(page, text, m, "value2", "bench2", m["who"])
    for m in _NAMED_LIST.finditer(text):
        if comparator(m["own"]) != "average" or not _figures(m, "value", "bench"):
            continue  # the first name must be the council's own, not another benchmark
        yield _comparison(page, text, m, "value", "bench", m["who"])
        if m["who2"] and _figures(m, "value", "bench2"):
            yield _comparison(page, text, m, "value", "bench2", m["who2"])


def _figures(m: re.Match[str], *names: str) -> bool:
    """Neither figure is a year ("(England: 2023)")."""
    return not any(_YEARISH.fullmatch(m[n]) and not m[f"{n}_pct"] for n in names)


def _over_two(page: int, text: str, first: Sentence, second: Sentence) -> Iterator[Comparison]:
    """ "… was 71.2 per cent. The equivalent national figure was 69 per cent.": the first
    sentence's one figure against the second's benchmark."""
    m = _NEXT_SENTENCE.match(second.text)
    between = text[first.end : second.start]
    if m is None or "\n" in between or between.strip():  # one after the other, in one paragraph
        return
    figures = [f for f in _ANY_FIGURE.finditer(first.text) if not _YEARISH.fullmatch(f.group().strip())]
    if len(figures) != 1:
        return
    name = next(g for g in ("bench", "bench2", "bench3") if m[g])
    who = m["who"] or m["who2"] or m["who3"]
    own = figures[0]
    value = parse_number(own.group().split("%")[0].split("per")[0].strip())
    quote = text[first.start : second.end]
    unit = "%" if ("%" in own.group() or "cent" in own.group()) else None
    yield Comparison(
        page,
        quote,
        metric=_label(first.text, own.start(), own.end()),
        value=value,
        unit=unit,
        comparator=comparator(who),
        comparator_value=parse_number(m[name]),
        year=value_period(text, first.start, first.start + own.start(), first.start + own.end()),
    )


def _named_elsewhere(text: str) -> str | None:
    m = _NAMED.search(text)
    return m.group() if m else None


def _comparison(page: int, text: str, m: re.Match[str], own: str, bench: str, who: str) -> Comparison:
    unit = "%" if (m[f"{own}_pct"] or m[f"{bench}_pct"]) else None
    return Comparison(
        page,
        text,
        metric=_label(text, m.start(), m.end()),
        value=parse_number(m[own]),
        unit=unit,
        comparator=comparator(who),
        comparator_value=parse_number(m[bench]),
        year=value_period(text, 0, m.start(own), m.end(own)),
    )


def _label(text: str, start: int, end: int) -> str:
    """The measure the sentence names: its subject before the figure, else the words after it."""
    from lacompare.extractors.prose.phrases import object_label, subject_label

    return subject_label(text[:start]) or object_label(text[end:]) or text[:start].strip(" ,:;") or text
