"""The catalogue of measures CQC reports quote, and mapping each comparison onto it.

CQC words the same national measure differently from one report to the next ("carers in
Barnet found it easy to access information and advice", "fewer carers (53.33%) found it easy
to access information and advice"). Each :class:`Metric` names one measure: a canonical id,
a short label, its data source, its unit and its polarity (which direction is better). A
comparison is mapped to a metric from the words around its value, its unit and whether it
speaks of carers; an unmapped comparison keeps an id derived from its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex

from lacompare import ascof, compiled
from lacompare.model import QUALITY_STATEMENTS, Comparison, Fact, Indicator
from lacompare.parsers.text import relations

HIGHER = "higher"  # higher is better
LOWER = "lower"  # lower is better
NEITHER = "neither"  # context, not performance

PEOPLE = "people"  # people who use services (ASCS, SALT)
CARERS = "carers"  # unpaid carers (SACE)
ANYONE = "any"

PERCENT_UNITS: tuple[str | None, ...] = (None, "%")


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    label: str
    source: str
    unit: str | None
    polarity: str
    subject: str = ANYONE
    words: tuple[str, ...] = ()  # regexes that must all match the text around the value
    not_words: tuple[str, ...] = ()  # regexes that must not match
    units: tuple[str | None, ...] = PERCENT_UNITS  # units a fact may carry to map here

    def matches(self, text: str, subject: str, unit: str | None) -> bool:
        if not self.words or unit not in self.units:
            return False
        if self.subject != ANYONE and self.subject != subject:
            return False
        return all(_search(w, text) for w in self.words) and not any(_search(w, text) for w in self.not_words)


def _m(
    id: str,
    label: str,
    source: str,
    polarity: str,
    words: Sequence[str],
    *,
    subject: str = ANYONE,
    unit: str | None = "%",
    not_words: Sequence[str] = (),
    units: tuple[str | None, ...] = PERCENT_UNITS,
) -> Metric:
    return Metric(id, label, source, unit, polarity, subject, tuple(words), tuple(not_words), units)


# Words of a service measure, never of a population share ("people aged 65 and over receiving direct payments").
_SERVICES = (r"\b(?:support|care|services?|payments?|admi(?:tted|ssions?)|discharge|reablement|carers?)\b",)
# Satisfied with where they live, not with their care and support.
_NOT_SERVICES = (r"\barea\b|place to live|neighbourhood",)

# Order matters: the first metric whose words match wins, so specific entries come first.
CATALOGUE: tuple[Metric, ...] = (
    # Safety (ASCS / SACE)
    _m("ascs.services_made_feel_safe", "Services made them feel safe", "ASCS", HIGHER,
       [r"(?:made|make|help(?:ed)?) them (?:to )?feel safe"]),
    _m("sace.carers_feel_safe", "Carers who feel safe", "SACE", HIGHER, [r"\bfe(?:el|lt|eling) safe"], subject=CARERS),
    _m("ascs.feel_safe", "People who use services who feel safe", "ASCS", HIGHER, [r"\bfe(?:el|lt|eling) safe"],
       subject=PEOPLE),
    # Information and advice
    _m("sace.carers_easy_find_information", "Carers finding it easy to find information and advice", "SACE",
       HIGHER, [r"easy to (?:find|access|get) information"], subject=CARERS),
    _m("ascs.easy_find_information", "People finding it easy to find information about support", "ASCS", HIGHER,
       [r"easy to (?:find|access|get) information"], subject=PEOPLE),
    _m("sace.carers_information_helpful", "Carers finding information and advice helpful", "SACE", HIGHER,
       [r"information and advice", r"helpful"], subject=CARERS),
    # Quality of life (ASCS / SACE)
    _m("sace.carers_control_daily_life", "Carers with control over their daily life", "SACE", HIGHER,
       [r"control over (?:their )?daily li(?:fe|ves)"], subject=CARERS),
    _m("ascs.control_daily_life", "People with control over their daily life", "ASCS", HIGHER,
       [r"control over (?:their )?daily li(?:fe|ves)"], subject=PEOPLE),
    _m("sace.carers_social_contact", "Carers with as much social contact as they would like", "SACE", HIGHER,
       [r"social contact"], subject=CARERS),
    _m("ascs.social_contact", "People with as much social contact as they would like", "ASCS", HIGHER,
       [r"social contact"], subject=PEOPLE),
    _m("sace.carers_time_doing_things_valued", "Carers spending time doing things they value or enjoy", "SACE",
       HIGHER, [r"things (?:they )?(?:value|enjoy)"], subject=CARERS),
    _m("ascs.time_doing_things_valued", "People spending time doing things they value or enjoy", "ASCS", HIGHER,
       [r"things (?:they )?(?:value|enjoy)"], subject=PEOPLE),
    _m("ascs.help_feel_better", "Help and support makes them think and feel better about themselves", "ASCS",
       HIGHER, [r"feel better about themselves"]),
    _m("sace.carers_quality_of_life", "Carer-reported quality of life", "SACE", HIGHER, [r"quality of life"],
       subject=CARERS, unit="score", units=(None, "score")),
    _m("ascs.quality_of_life", "Social care-related quality of life", "ASCS", HIGHER, [r"quality of life"],
       subject=PEOPLE, unit="score", units=(None, "score")),
    _m("sace.carers_satisfaction", "Carers satisfied with social services", "SACE", HIGHER, [r"satisf"],
       subject=CARERS, not_words=_NOT_SERVICES),
    _m("ascs.satisfaction", "People satisfied with their care and support", "ASCS", HIGHER, [r"satisf"],
       subject=PEOPLE, not_words=_NOT_SERVICES),
    _m("ascs.choice_over_services", "People with choice over their services", "ASCS", HIGHER,
       [r"choice (?:over|about|in) (?:the )?(?:their )?(?:services|care|support)"], subject=PEOPLE),
    _m("ascs.home_clean", "People whose home is clean and presentable", "ASCS", HIGHER,
       [r"home (?:\w+ ){0,3}clean|clean (?:\w+ ){0,3}home"]),
    _m("ascs.personal_care_clean", "People who feel clean and presentable", "ASCS", HIGHER,
       [r"clean and presentable"]),
    _m("ascs.food_and_drink", "People who get adequate food and drink", "ASCS", HIGHER, [r"food and drink"]),
    _m("ascs.no_top_up", "People who do not buy extra care or pay to top up", "ASCS", HIGHER, [r"top.?up"]),
    # Unpaid carers (SACE)
    _m("sace.carers_someone_to_talk_to", "Carers with support or someone to talk to in confidence", "SACE",
       HIGHER, [r"someone to talk to"]),
    _m("sace.carers_not_in_employment", "Carers not in paid employment because of caring", "SACE", LOWER,
       [r"not in (?:paid )?(?:employment|work)"], subject=CARERS),
    _m("sace.carers_support_to_stay_in_employment", "Carers supported to stay in employment", "SACE", HIGHER,
       [r"(?:keep|stay|remain)(?:ing)? (?:them )?in (?:paid )?(?:employment|work)"], subject=CARERS),
    _m("sace.carers_financial_difficulties", "Carers with financial difficulties because of caring", "SACE", LOWER,
       [r"financial difficult"], subject=CARERS),
    _m("sace.carers_involved_consulted", "Carers involved or consulted in discussions", "SACE", HIGHER,
       [r"involved or consulted|consulted as much"], subject=CARERS),
    _m("sace.carers_break_short_notice", "Carers able to take a break at short notice or in an emergency", "SACE",
       HIGHER, [r"\bbreak", r"short notice|emergency"], subject=CARERS),
    _m("sace.carers_break_over_24_hours", "Carers able to take a break of more than 24 hours", "SACE", HIGHER,
       [r"\bbreak", r"(?:more|longer) than 24 hours|over 24 hours"], subject=CARERS),
    _m("sace.carers_break_1_to_24_hours", "Carers able to take a break of 1 to 24 hours", "SACE", HIGHER,
       [r"\bbreak", r"\b1\s*(?:-|–|to)\s*24 hours"], subject=CARERS),
    _m("sace.carers_training", "Carers who accessed training for carers", "SACE", HIGHER,
       [r"training for (?:unpaid )?carers|carers'? training"]),
    # Short and Long-Term Support (SALT) and ASCOF
    _m("salt.long_term_reviewed", "People on long-term support whose care was reviewed", "SALT", HIGHER,
       [r"review", r"long.term"]),
    _m("ascof.short_term_no_further_support", "Short-term support: no longer needing support", "ASCOF", HIGHER,
       [r"short.term", r"no longer (?:requir|need)|no further support|no ongoing support"]),
    _m("ascof.at_home_91_days_after_discharge", "Older people at home 91 days after discharge into reablement",
       "ASCOF", HIGHER, [r"91 days"]),
    _m("ascof.reablement_after_discharge", "Older people receiving reablement after hospital discharge", "ASCOF",
       HIGHER, [r"reablement|rehabilitation", r"discharge"]),
    _m("ascof.direct_payments_65_plus", "People aged 65+ on long-term support receiving direct payments", "ASCOF",
       HIGHER, [r"direct payments?", r"\b65\b|older people"]),
    _m("ascof.carers_direct_payments", "Carers receiving direct payments", "ASCOF", HIGHER, [r"direct payments?"],
       subject=CARERS),
    _m("ascof.direct_payments", "People receiving direct payments", "ASCOF", HIGHER, [r"direct payments?"]),
    _m("salt.carers_self_directed_support", "Carers receiving self-directed support", "SALT", HIGHER,
       [r"self.directed support"], subject=CARERS),
    _m("salt.self_directed_support", "People receiving self-directed support", "SALT", HIGHER,
       [r"self.directed support"]),
    _m("ascof.admissions_care_homes", "Long-term needs met by admission to a care home (per 100,000)", "ASCOF",
       LOWER, [r"admi(?:tted|ssions?)", r"residential|nursing|care home"], unit="per 100,000",
       units=(None, "per 100,000")),
    # Measures that ASCOF codes name (the row's code maps here; no words, so prose never does)
    _m("ascof.admissions_care_homes_18_64", "Adults aged 18-64 admitted to a care home (per 100,000)", "ASCOF",
       LOWER, [], unit="per 100,000", units=(None, "per 100,000")),
    _m("ascof.learning_disability_paid_employment", "Adults with a learning disability in paid employment",
       "ASCOF", HIGHER, []),
    _m("ascof.mental_health_paid_employment", "Adults in secondary mental health services in paid employment",
       "ASCOF", HIGHER, []),
    _m("ascof.learning_disability_own_home", "Adults with a learning disability living in their own home or with "
       "family", "ASCOF", HIGHER, []),
    _m("ascof.mental_health_live_independently", "Adults in secondary mental health services living independently",
       "ASCOF", HIGHER, []),
    _m("ascof.long_term_support_at_home", "People on long-term support living in their own home or with family",
       "ASCOF", HIGHER, []),
    _m("ascof.quality_of_life_impact", "Adjusted social care-related quality of life: impact of services", "ASCOF",
       HIGHER, [], unit="score", units=(None, "score")),
    _m("ascof.delayed_transfers", "Delayed transfers of care from hospital (per 100,000)", "ASCOF", LOWER, [],
       unit="per 100,000", units=(None, "per 100,000")),
    _m("ascof.delayed_transfers_social_care", "Delayed transfers of care attributable to adult social care "
       "(per 100,000)", "ASCOF", LOWER, [], unit="per 100,000", units=(None, "per 100,000")),
    # Safeguarding Adults Collection (SAC)
    _m("sac.lacking_capacity_advocate", "People lacking capacity supported by an advocate, family or friend", "SAC",
       HIGHER, [r"lack(?:ing|ed)? (?:the )?(?:mental )?capacity", r"advocate"]),
    # Workforce (Skills for Care)
    _m("sfc.vacancy_rate", "Adult social care vacancy rate", "Skills for Care", LOWER, [r"vacanc"]),
    _m("sfc.turnover_rate", "Adult social care staff turnover rate", "Skills for Care", LOWER, [r"turnover"],
       units=(None, "%", "ratio")),
    _m("sfc.sickness_days", "Adult social care staff sickness (days)", "Skills for Care", LOWER, [r"sickness"],
       unit="days", units=(None, "days")),
    # Care market (CQC ratings)
    _m("cqc.care_homes_good_or_outstanding", "Care homes rated Good or Outstanding", "CQC", HIGHER,
       [r"care homes?", r"good.{0,30}outstanding|outstanding.{0,30}good"]),
    # Population (Census): context, not performance
    _m("census.population_growth", "Population growth since 2011", "Census", NEITHER,
       [r"population (?:growth|had grown|has grown|grew|increase)"]),
    _m("census.aged_0_17", "Children and young people (aged 0 to 17) as a share of the population", "Census",
       NEITHER, [r"\b0\s*(?:-|–|to)\s*17\b|\bunder\s+18\b|children and young people"], not_words=_SERVICES),
    _m("census.aged_65_plus", "People aged 65 and over as a share of the population", "Census", NEITHER,
       [r"(?:aged|over)\s+65\b|\b65\s*\+|\b65\s+(?:years\s+)?(?:and|or)\s+(?:over|older|more)"],
       not_words=_SERVICES),
    _m("census.aged_18_64", "People of working age (18 to 64) as a share of the population", "Census", NEITHER,
       [r"\b18\s*(?:-|–|to)\s*64\b|working age"], not_words=_SERVICES),
    _m("census.white", "Residents from White ethnic groups", "Census", NEITHER, [r"\bwhite\b"]),
    _m("census.mixed_ethnicity", "Residents from Mixed or Multiple ethnic groups", "Census", NEITHER,
       [r"\bmixed\b", r"ethnic|multiple|heritage"]),
    _m("census.ethnic_minority", "Residents from Black, Asian or other minority ethnic groups", "Census", NEITHER,
       [r"ethnic"]),
    _m("census.lgbtq", "People identifying as LGBTQ+", "Census", NEITHER, [r"\bLGB"]),
    _m("census.disabled", "Disabled people as a share of the population", "Census", NEITHER,
       [r"\bdisabled people|\bdisabilit"]),
    _m("census.economically_inactive", "People economically inactive", "Census", NEITHER,
       [r"economically inactive"]),
)  # fmt: skip

# Measures that are not comparisons, so that `rank` and `metrics` know them too.
RATING_METRICS: tuple[Metric, ...] = (
    Metric("rating.overall", "Overall rating", "CQC", None, HIGHER),
    Metric("rating.score_pct", "Overall score", "CQC", "%", HIGHER),
)
SCORE_METRICS: tuple[Metric, ...] = tuple(
    Metric(f"qs.{statement_id}", label, "CQC", "score (1-4)", HIGHER)
    for statement_id, label in QUALITY_STATEMENTS.items()
)

_CARERS = r"\bcarers?\b|\bcaring\b|\bcarer's\b|\bcarers'"
_BOUNDARY = compiled.scanner(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:\s?%|(?=\)))|(?<![\w.,])\d[\d,]*\.\d+")
_NUMBER = compiled.scanner(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")


def _search(pattern: str, text: str) -> bool:
    return _word_pattern(pattern).search(text) is not None


@cache
def _word_pattern(pattern: str) -> re.Pattern[str]:
    return compiled.pattern(pattern, re.I)


def warm_up() -> None:
    """Compile every metric's words ahead of the document they will be matched against."""
    for metric in CATALOGUE:
        for words in (*metric.words, *metric.not_words):
            _word_pattern(words)


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
    return frozenset(s for s in _sources() if _search(rf"\b{regex.escape(s)}\b", source))


@cache
def _sources() -> frozenset[str]:
    return frozenset(m.source for m in CATALOGUE) - {"ASCOF"}


def _texts(comparison: Comparison) -> list[str]:
    """Texts to match, nearest first: the clause around the value, the metric, the clause's tail."""
    core, tail = _window(comparison.quote, comparison.value, comparison.comparator_value)
    return [t for t in (core, comparison.metric, core + tail) if t.strip()]


def _is_about_carers(comparison: Comparison) -> bool:
    core, tail = _window(comparison.quote, comparison.value, comparison.comparator_value)
    if _search(_CARERS, comparison.metric) or _search(_CARERS, core):
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
    words = regex.findall(r"[\p{L}\p{N}]+", metric.casefold())
    return "cmp." + ("_".join(words[:8]) or "unnamed")


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
    words = regex.findall(r"[\p{L}\p{N}+]+", query.casefold())
    if not words:
        return []
    return [
        m
        for m in every_metric()
        if all(w in f"{m.id} {m.label} {m.source}".casefold().replace("_", " ") for w in words)
    ]
