"""Why a figure a form found is still no measure's value.

The forms find figures in value roles; these checks look at the few words around a figure and at
its sentence for what the forms cannot see: a page or item number, an age, a count of measures, a
hypothetical ("would be 21%"), an aim ("aiming to reach 95%"), a benchmark (an England, national or
regional average: comparisons are another reader's), a figure stated as a bound ("over 500").
"""

from __future__ import annotations

import re

from lacompare import compiled
from lacompare.vocab.patterns import BOUND, NUMBER, RATE_BASE, STATED_YEAR_RE, parse_number
from lacompare.vocab.periods import MONTH

# The word before a figure that makes it a reference, an age or a position, not a value.
_REFERENCE_BEFORE = compiled.pattern(
    r"(?i)\b(?:page|pages|p\.|pp\.|item|items|paragraph|paragraphs|para|paras|appendix|appendices|section|table"
    r"|figure|fig\.|chapter|question|annex|minute|no\.|aged?|ages|ward|tier|phase|stage|step|band|grade|version"
    r"|priority|objective|recommendation|level|quarter|q|week|day|month|year|top|bottom|rank(?:ed)?|number)\s*$"
)
# What after a figure makes it a count of measures or a part of a whole ("13 of 18 measures", "9 (75%) out of").
_MEASURE_NOUN = r"(?:measures?|indicators?|kpis?|targets?|pis|metrics)\b"
_MEASURE_KIND = r"(?:(?:outcomes?|performance|key|corporate|national|local|ascof|service|other)\s+){0,3}"
_COUNT_AFTER = compiled.pattern(
    rf"(?i)^\s*(?:\(\s*[\d.]+%?\s*\)\s*)?(?:out\s+of\b|of\s+(?:the\s+)?\d[\d,]*\s+{_MEASURE_KIND}{_MEASURE_NOUN}"
    rf"|{_MEASURE_KIND}{_MEASURE_NOUN})"
)
_PER_BEFORE = compiled.pattern(r"(?i)\b(?:per|for\s+every)\s*$")
_HYPOTHETICAL = compiled.pattern(r"(?i)\b(?:would|could|might|may|should|will)\s+(?:\w+\s+){0,2}?$")
# An aim or a plan before the figure: what is hoped for, not what was achieved.
_AIM = compiled.pattern(
    r"(?i)\b(?:aim|aims|aiming|aimed|ambition|ambitious|plan|plans|planned|planning|expect|expected|expects"
    r"|forecast|forecasts|projected|projection|trajectory|goal|intend|intends|hope|hopes|seek|seeks|seeking"
    r"|if|targets?\s+(?:is|was|are|for|set|will))\b"
)
_BOUND_BEFORE = compiled.pattern(rf"(?i)\b(?P<bound>{BOUND})\s+$")
# Words that make a figure near them a benchmark.
_BENCHMARK = compiled.pattern(
    r"(?i)\b(?:england|english|national(?:ly)?|nation|regional(?:ly)?|region|london|average|averages|avg"
    r"|benchmark|cipfa|comparators?|neighbours?|peers?|similar\s+(?:councils|authorities)|statistical"
    r"|north\s+east|north\s+west|south\s+east|south\s+west|east\s+midlands|west\s+midlands|yorkshire)\b"
)
_FIGURE = compiled.pattern(rf"{NUMBER}%?")
_BENCH_REACH = 200
_AFTER_END = compiled.pattern(r"[,;:]|\b(?:and|but|while|whilst|however|on|from|compared)\b")
_CLAUSE_START = compiled.pattern(r"[,;:(]|\b(?:but|while|whilst|however)\b")
# A benchmark's figure may stand in brackets after its name: "the national average (60.51%)".
_BENCH_CLAUSE = compiled.pattern(r"[,;:]|\b(?:but|while|whilst|however)\b")


def figure_problem(sentence: str, start: int, end: int) -> str | None:
    """Why the figure at [start, end) of ``sentence`` is no value, or None when it may be one."""
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 80]
    if _REFERENCE_BEFORE.search(before):
        return "a reference, age or position"
    if _PER_BEFORE.search(before):
        return "a rate's base"  # "512.3 per 100,000 population": the 100,000 is no value
    if _COUNT_AFTER.match(after):
        return "a count of measures or a part of a whole"
    if after[:1] == "s" and not after[1:2].isalpha():
        return "an age group or a decade"  # "over 65s", "the 1990s"
    if _is_year(sentence[start:end]):
        return "a year"
    return None


def clause_problem(sentence: str, result_start: int) -> str | None:
    """Why the clause leading to a result makes it no achieved value: a hypothetical or an aim."""
    before = sentence[max(0, result_start - 120) : result_start]
    clause = _clause_tail(before)
    if _HYPOTHETICAL.search(clause) or _AIM.search(clause):
        return "a hypothetical or an aim"
    return None


def bound_word(sentence: str, start: int) -> str | None:
    """The bound a figure is stated as ("over", "nearly"), or None."""
    m = _BOUND_BEFORE.search(sentence[max(0, start - 30) : start])
    return m.group("bound").lower() if m else None


def is_benchmark(sentence: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) is set out as a benchmark ("the England average of 45%",
    "compared with 61% nationally", "compared with 66% in Surrey": another place's figure)."""
    before = _clause_tail(sentence[max(0, start - 40) : start], _BENCH_CLAUSE)
    unit = _UNIT_AFTER.match(sentence, end)  # "560.8 per 100,000 for our statistical neighbours"
    end = unit.end() if unit else end
    after = sentence[end : end + 20]
    cut = _AFTER_END.search(after)
    if _ANOTHER_PLACE.match(sentence, end) and not _PERIOD_AFTER.match(sentence, end):
        return True
    return bool(_BENCHMARK.search(before) or _BENCHMARK.search(after[: cut.start()] if cut else after))


# A unit or a rate's base after a figure, read past before looking for a benchmark's name.
_UNIT_AFTER = compiled.pattern(rf"\s*(?:%|per\s?cent\b|{RATE_BASE}|days?\b|weeks?\b)")
# "… in Surrey", "… for the rest of the county": a figure stated for a place, not for a time.
_ANOTHER_PLACE = compiled.pattern(r"\s+(?:in|for|across|at)\s+(?:the\s+)?(?:neighbouring\s+)?[A-Z][a-z]{2,}")
_PERIOD_AFTER = compiled.pattern(
    rf"\s+(?:in|for|across|at)\s+(?:the\s+)?(?:end\s+of\s+)?(?:{MONTH}|Q[1-4]|Quarter|Spring|Summer|Autumn|Winter)",
    re.I,
)


def benchmark_elsewhere(sentence: str, used: list[tuple[int, int]], around: tuple[int, int]) -> bool:
    """Whether the sentence sets a figure the fact does not use out as a benchmark, near the fact's
    match ``around`` (a benchmark is stated beside its value; the bound keeps the work linear)."""
    start, end = max(0, around[0] - _BENCH_REACH), min(len(sentence), around[1] + _BENCH_REACH)
    for m in _FIGURE.finditer(sentence, start, end):
        if any(a <= m.start() < b for a, b in used) or _is_year(m.group()):
            continue
        if is_benchmark(sentence, m.start(), m.end()):
            return True
    return False


def _clause_tail(text: str, starts_at: re.Pattern[str] = _CLAUSE_START) -> str:
    starts = list(starts_at.finditer(text))
    return text[starts[-1].end() :] if starts else text


def _is_year(figure: str) -> bool:
    """A plain four-figure number from 1990 to 2039 with no comma, point or % is a year, never a value."""
    if not STATED_YEAR_RE.fullmatch(figure):
        return False
    try:
        return 1990 <= int(parse_number(figure)) <= 2039
    except ValueError:
        return False
