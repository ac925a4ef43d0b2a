"""The catalogue's table: every national measure CQC reports quote, with its id, label, source,
unit, polarity and the words that name it (matched by :mod:`lacompare.catalogue.measures`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lacompare.model import QUALITY_STATEMENTS

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
        return all(words_match(w, text) for w in self.words) and not any(words_match(w, text) for w in self.not_words)


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
# A share of the population, not its change ("65+: % Change (2016–2033)" in a projections table).
_SHARE_NOT = (*_SERVICES, r"\bchange\b|\bgrowth\b|\bprojected\b|\bprojections?\b")
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
    # ... and three whose name is unmistakable in prose: the group and the outcome both named
    _m("ascof.learning_disability_paid_employment", "Adults with a learning disability in paid employment",
       "ASCOF", HIGHER, [r"\blearning disabilit", r"\b(?:paid employment|in (?:paid )?work)\b"]),
    _m("ascof.mental_health_paid_employment", "Adults in secondary mental health services in paid employment",
       "ASCOF", HIGHER, [r"\bsecondary mental health", r"\b(?:paid employment|in (?:paid )?work)\b"]),
    _m("ascof.learning_disability_own_home", "Adults with a learning disability living in their own home or with "
       "family", "ASCOF", HIGHER, [r"\blearning disabilit", r"\bown home|with (?:their )?famil|settled accommodation"]),
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
       NEITHER, [r"\b0\s*(?:-|–|to)\s*17\b|\bunder\s+18\b|children and young people"], not_words=_SHARE_NOT),
    _m("census.aged_65_plus", "People aged 65 and over as a share of the population", "Census", NEITHER,
       [r"(?:aged|over)\s+65\b|\b65\s*\+|\b65\s+(?:years\s+)?(?:and|or)\s+(?:over|older|more)"],
       not_words=_SHARE_NOT),
    _m("census.aged_18_64", "People of working age (18 to 64) as a share of the population", "Census", NEITHER,
       [r"\b18\s*(?:-|–|to)\s*64\b|working age"], not_words=_SHARE_NOT),
    _m("census.white", "Residents from White ethnic groups", "Census", NEITHER, [r"\bwhite\b"]),
    _m("census.mixed_ethnicity", "Residents from Mixed or Multiple ethnic groups", "Census", NEITHER,
       [r"\bmixed\b", r"ethnic|multiple|heritage"]),
    _m("census.ethnic_minority", "Residents from Black, Asian or other minority ethnic groups", "Census", NEITHER,
       [r"ethnic"]),
    _m("census.lgbtq", "People identifying as LGBTQ+", "Census", NEITHER, [r"\bLGB"]),
    _m("census.disabled", "Disabled people as a share of the population", "Census", NEITHER,
       [r"\bdisabled people|\bdisabilit"], not_words=[r"\blearning disabilit"]),
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


def words_match(pattern: str, text: str) -> bool:
    return word_pattern(pattern).search(text) is not None


@cache
def word_pattern(pattern: str) -> re.Pattern[str]:
    from lacompare import compiled

    return compiled.pattern(pattern, re.I)


def query_words(query: str) -> list[str]:
    """The words a user's query names a measure by ('care act assessment people', 'aged 65+')."""
    return re.findall(r"(?:[^\W_]|\+)+", query.casefold())


def has_words(words: Sequence[str], *texts: str) -> bool:
    """Whether every word is a word of the texts (ids read with their underscores as spaces): the
    same word in another form ("waiting" finds "wait", "carer" finds "carers"), or, from four
    letters, the start of one ("assess" finds "assessment"); never the inside of a word ("care act"
    is not "actual")."""
    haystack = query_words(" ".join(texts).replace("_", " ").replace(".", " "))
    stems = {_stem(w) for w in haystack}
    return all(_stem(w) in stems or (len(w) >= 4 and any(h.startswith(w) for h in haystack)) for w in words)


def _stem(word: str) -> str:
    """A word without its commonest English endings: 'waiting' -> 'wait', 'carers' -> 'carer'."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def source_of() -> dict[str, str]:
    """Each catalogue measure's id -> the data collection it comes from ("SACE", "ASCOF", "Census")."""
    return {m.id: m.source for m in CATALOGUE}
