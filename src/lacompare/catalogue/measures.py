"""The catalogue of measures CQC reports quote, and mapping each comparison onto it.

CQC words the same national measure differently from one report to the next ("carers in
Barnet found it easy to access information and advice", "fewer carers (53.33%) found it easy
to access information and advice"). Each :class:`Metric` names one measure: a canonical id,
a short label, its data source, its unit and its polarity (which direction is better). A
comparison is mapped to a metric from the words around its value, its unit and whether it
speaks of carers; an unmapped comparison keeps an id derived from its own sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

import regex

from lacompare import compiled
from lacompare.catalogue import ascof
from lacompare.catalogue.table import (  # noqa: F401 - re-exported: the catalogue's public names
    ANYONE,
    CARERS,
    CATALOGUE,
    HIGHER,
    LOWER,
    NEITHER,
    PEOPLE,
    PERCENT_UNITS,
    RATING_METRICS,
    SCORE_METRICS,
    Metric,
    has_words,
    query_words,
    word_pattern,
    words_match,
)
from lacompare.model import Comparison, Fact, Indicator, words_key
from lacompare.vocab import relations

_CARERS = r"\bcarers?\b|\bcaring\b|\bcarer's\b|\bcarers'"
_BOUNDARY = compiled.scanner(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:\s?%|(?=\)))|(?<![\w.,])\d[\d,]*\.\d+")
_NUMBER = compiled.scanner(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")


def warm_up() -> None:
    """Compile every metric's words ahead of the document they will be matched against."""
    for metric in CATALOGUE:
        for words in (*metric.words, *metric.not_words):
            word_pattern(words)


def every_metric() -> tuple[Metric, ...]:
    return RATING_METRICS + SCORE_METRICS + CATALOGUE


@cache
def by_id() -> dict[str, Metric]:
    return {m.id: m for m in every_metric()}


def get(metric_id: str) -> Metric | None:
    return by_id().get(metric_id)


def polarity(metric_id: str) -> str:
    """Which direction is better for a measure id (catalogue, rating, score, wait or finance)."""
    metric = get(metric_id)
    if metric is not None:
        return metric.polarity
    if metric_id.startswith("wait."):
        return LOWER
    return NEITHER


def label(metric_id: str, fallback: str = "") -> str:
    metric = get(metric_id)
    return metric.label if metric else (fallback or metric_id)


def metric_for(comparison: Comparison) -> Metric | None:
    """The catalogue metric a comparison quotes, or None when none fits.

    Besides its words, a metric must fit how the comparison is made: a target is set only for a
    measure with a better direction (never a population share), and a survey the text names
    (SACE, SALT, Census…) must be the metric's own.
    """
    subject = CARERS if _is_about_carers(comparison) else PEOPLE
    candidates = [m for m in CATALOGUE if _fits(m, comparison)]
    for text in _texts(comparison):
        for metric in candidates:
            if metric.matches(text, subject, comparison.unit):
                return metric
    return None


def _fits(metric: Metric, comparison: Comparison) -> bool:
    if is_target(comparison.comparator) and metric.polarity == NEITHER:
        return False
    named = _named_sources(comparison.source)
    return not named or metric.source in named or metric.source == "ASCOF"


def is_target(comparator: str | None) -> bool:
    return (comparator or "").strip().casefold().startswith("target")


@cache
def _named_sources(source: str | None) -> frozenset[str]:
    """The catalogue's sources a comparison's source names ("Survey of Adult Carers in England (SACE)" -> SACE)."""
    if not source:
        return frozenset()
    return frozenset(s for s in _sources() if words_match(rf"\b{regex.escape(s)}\b", source))


@cache
def _sources() -> frozenset[str]:
    return frozenset(m.source for m in CATALOGUE) - {"ASCOF"}


def _texts(comparison: Comparison) -> list[str]:
    """Texts to match, nearest first: the clause around the value, the metric, the clause's tail."""
    core, tail = _window(comparison.quote, comparison.value, comparison.comparator_value)
    return [t for t in (core, comparison.metric, core + tail) if t.strip()]


def _is_about_carers(comparison: Comparison) -> bool:
    core, tail = _window(comparison.quote, comparison.value, comparison.comparator_value)
    if words_match(_CARERS, comparison.metric) or words_match(_CARERS, core):
        return True
    return (comparison.source or "").upper() == "SACE"


def _window(quote: str, value: float, comparator_value: float) -> tuple[str, str]:
    """The quote from the measure before this one to the benchmark, and the words that follow it.

    In "fewer people (89.51%) than average (94.05%) and fewer people felt clean and presentable
    themselves (90.82%) than average (93.28%)", the core for 90.82 starts after 94.05.
    """
    spots = [(m.start(), m.end()) for m in _NUMBER.finditer(quote)]
    value_at = _first_at(quote, spots, value)
    bench_at = _first_at(quote, spots, comparator_value, after=value_at)
    if value_at is None or bench_at is None:
        return quote, ""
    first, last = min(value_at[0], bench_at[0]), max(value_at[1], bench_at[1])
    start = max((m.end() for m in _BOUNDARY.finditer(quote, 0, first)), default=0)
    end = last + len(regex.match(r"[%)\s]*", quote[last:]).group())  # type: ignore[union-attr]
    following = _BOUNDARY.search(quote, end)
    tail = quote[end : following.start() if following else len(quote)]
    tail = regex.split(r"\.\s|;", tail, maxsplit=1)[0]
    return quote[start:end], tail


def _first_at(
    quote: str, spots: list[tuple[int, int]], number: float, after: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    found = [s for s in spots if _same(quote[s[0] : s[1]], number) and s != after]
    return found[0] if found else None


def _same(text: str, number: float) -> bool:
    try:
        return abs(float(text.replace(",", "")) - float(number)) < 1e-9
    except ValueError:
        return False


def sentence_id(metric: str) -> str:
    """An id for an unmapped comparison, from its own words: 'cmp.carers_accessing_support'."""
    return "cmp." + words_key(metric)


def assign_metric_id(fact: Fact, measured: dict[float, set[str]] | None = None) -> Fact:
    """A comparison with its catalogue id (or a sentence-derived one) and, where the measure's
    polarity is known, a stated 'better' / 'worse' as the direction it means; other facts unchanged.

    ``measured``: value -> catalogue ids of the report's code-mapped rows stating it; a result set
    against a target takes the id of the one row stating the same value.
    """
    if isinstance(fact, Indicator):
        return _indicator_with_id(fact)
    if not isinstance(fact, Comparison):
        return fact
    metric = _kept(fact) or _measured(fact, measured or {}) or metric_for(fact)
    if metric is not None:
        new_id = metric.id
    elif fact.metric_id and get(fact.metric_id) is None and not is_target(fact.metric_id):
        new_id = fact.metric_id
    else:
        new_id = sentence_id(fact.metric or fact.quote)
    if new_id != fact.metric_id:
        fact = replace(fact, metric_id=new_id)
    return _with_direction(fact, metric.polarity) if metric is not None else fact


def _kept(fact: Comparison) -> Metric | None:
    """The catalogue metric the fact's id already names, when it fits how the comparison is made."""
    metric = catalogued(fact.metric_id)
    return metric if metric is not None and _fits(metric, fact) else None


def catalogued(metric_id: str | None) -> Metric | None:
    """The catalogue metric an id already names (a code-mapped measure keeps it), else None."""
    return _catalogue_by_id().get(metric_id or "")


@cache
def _catalogue_by_id() -> dict[str, Metric]:
    return {m.id: m for m in CATALOGUE}


def _indicator_with_id(fact: Indicator) -> Indicator:
    """An indicator row whose ASCOF code (or reference, or description) names a measure, with its id."""
    new_id = ascof.metric_id((fact.code, fact.ref, fact.description), fact.period)
    return replace(fact, metric_id=new_id) if new_id and new_id != fact.metric_id else fact


def _with_direction(fact: Comparison, polarity: str) -> Comparison:
    """'slightly better than' for a measure where higher is better -> 'higher', checked as stated."""
    direction = relations.resolve(fact.relation, polarity)
    if direction == fact.relation:
        return fact
    problem = relations.contradiction(direction, fact.value, fact.comparator_value)
    flag = "; ".join(f for f in (fact.flag, problem) if f) or None
    return replace(fact, relation=direction, flag=flag)


def assign_metric_ids(facts: Iterable[Fact]) -> list[Fact]:
    facts = [assign_metric_id(f) if isinstance(f, Indicator) else f for f in facts]
    measured: dict[float, set[str]] = {}
    for f in facts:
        if isinstance(f, Comparison) and not is_target(f.comparator) and catalogued(f.metric_id):
            measured.setdefault(float(f.value), set()).add(f.metric_id)
    return [assign_metric_id(f, measured) for f in facts]


def _measured(fact: Comparison, measured: dict[float, set[str]]) -> Metric | None:
    """For a result against a target: the catalogue measure of the one coded row stating its value."""
    if not is_target(fact.comparator):
        return None
    ids = measured.get(float(fact.value), set())
    return catalogued(next(iter(ids))) if len(ids) == 1 else None


def find(query: str) -> list[Metric]:
    """Metrics an id or some words name: the exact id, else every metric whose id or label has all the words."""
    exact = get(query.strip())
    if exact is not None:
        return [exact]
    words = query_words(query)
    return [m for m in every_metric() if has_words(words, m.id, m.label, m.source)] if words else []
