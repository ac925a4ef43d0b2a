"""The vocabulary of dashboard pages: sections, units, relations, metric names and source lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Comparison
from lacompare.vocab import relations
from lacompare.vocab.patterns import YEAR_RE, Sentence

# A web dashboard opens each section with icons ("✨ ✅ ❌Older People"): a line led by symbols.
_SECTION_START = compiled.pattern(r"(?m)^[\p{So}\p{Sk}\s]*\p{So}[\p{So}\p{Sk}\s]*")
# A section is named by the group or topic its opening words are about.
_SECTION_NAMES = (
    ("older_people", r"\bolder (?:people|adults)\b|\baged 65\b|\b65 and over\b"),
    ("working_age", r"\bworking[- ]age\b|\baged 18 to 64\b|\b18-64\b"),
    ("carers", r"\bcarers\b"),
    ("providers", r"\bproviders\b"),
    ("quality", r"\bhospital\b|\bdischarges?\b|\bquality of care\b"),
    ("spending", r"\bspen(?:t|ding)\b|\bexpenditure\b|\bbudgets?\b"),
)
# "Working Age People": a short title line naming a group also opens a section.
_TITLE = compiled.pattern(r"(?m)^(?=[^\n]{3,40}$)[^\n.:;!?,]+$")
_OPENING = 300  # how much of a section's opening names it
_COUNT_WORDS = r"people|requests|carers|cases|services|providers|residents|complaints"
COUNT_UNITS = frozenset(_COUNT_WORDS.split("|")) | {"count"}
_SOURCE_LINE = compiled.pattern(
    r"(?m)^(?=[^\n]{5,120}$)(?![^\n]*[.!?]$)[^\n]*"
    r"(?:Sheet T\d+|question \d+|\bTab\b|NOMIS|Data Tables|webfile|casework)[^\n]*$"
)
_STOP = frozenset(
    """about above after also among area areas because being below between care could data does each
    following from have helps higher identify important indicate local lower many more need needed number other
    people provide provided resources services should social some such support than that their there these they
    this those understanding where which while will with within would""".split()
)

# (metric key, label, cue): the first cue found in the comparison's sentences names the metric.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("population_density", "Population density", r"per square kilomet|densely populated"),
    ("deprivation_decile", "Mean deprivation decile", r"deprivation decile|national mean"),
    ("rural_pct", "% rural", r"\brural\b"),
    ("disability_pct", "% of people with disabilities", r"with disabilities"),
    ("older_people_pct", "% of population aged 65+", r"proportion of older people"),
    ("requests_per_100k", "Requests for care per 100,000", r"requests for care"),
    ("charging_requests_per_100k", "Requests for help with charging per 100,000", r"charging"),
    ("nursing_care_per_100k", "Nursing care per 100,000", r"nursing care"),
    ("residential_care_per_100k", "Residential care per 100,000", r"received residential care"),
    ("direct_payments_only_per_100k", "Community direct payments only per 100,000", r"Direct Payments Only"),
    ("part_direct_payments_per_100k", "Community part direct payments per 100,000", r"part direct payments"),
    ("managed_personal_budget_per_100k", "Managed personal budget per 100,000", r"managed personal budget"),
    ("receiving_care_per_100k", "People receiving care per 100,000", r"received care|receiving care"),
    ("unpaid_carers_per_100k", "Unpaid carers per 100,000", r"unpaid carers"),
    ("carers_social_contact_pct", "Carers with as much social contact as they would like", r"social contact"),
    ("carer_direct_payments_per_100k", "Carers receiving direct payments per 100,000", r"carers[^.]*direct payments"),
    (
        "carer_information_advice_per_100k",
        "Carers accessing information and advice per 100,000",
        r"information and advice services",
    ),
    ("carers_no_direct_support_per_100k", "Carers receiving no direct support per 100,000", r"no direct support"),
    ("easy_to_find_information_pct", "Found it easy to get information", r"easy to (?:get|access) information"),
    ("community_services", "Community-based adult social care services", r"community-based"),
    ("residential_providers", "Residential social care providers", r"residential social care providers"),
    ("providers_requiring_improvement_pct", "Providers requiring improvement or inadequate", r"needed improvement"),
    ("vacancy_rate_pct", "Care staff vacancy rate", r"vacancy rate"),
    ("providers_retention_harder_pct", "Providers finding it harder to retain staff", r"retain staff"),
    ("providers_recruitment_harder_pct", "Providers finding it harder to recruit staff", r"recruiting staff"),
    ("cqc_score", "CQC assessment score", r"Care Quality Commission|received a score"),
    ("timely_discharges_pct", "Timely discharges from acceptable trusts", r"timely discharges"),
    ("delayed_discharges_pct", "Discharges delayed", r"discharges are delayed"),
    ("average_delay_days", "Average delay per delayed discharge", r"average delay"),
    ("satisfaction_pct", "Satisfied with care and support", r"satisfaction with their care"),
    ("ombudsman_received_per_100k", "Ombudsman complaints received per 100,000", r"complaints received"),
    ("ombudsman_decided_per_100k", "Ombudsman complaints decided per 100,000", r"complaints were decided"),
    ("gross_expenditure_per_100k", "Gross total expenditure per 100,000", r"gross total expenditure"),
    ("net_expenditure_per_100k", "Net total expenditure per 100,000", r"net total expenditure"),
    ("client_contributions_per_100k", "Client contributions per 100,000", r"Clients in \w+ contribute"),
    ("nhs_contributions_per_100k", "NHS contributions per 100,000", r"NHS contributes"),
    ("population", "Population", r"population|people living in"),
)

# Facts about the area itself (census-type figures): the section's chart sources never cover them.
AREA_METRICS = frozenset({"population", "population_density", "deprivation_decile", "rural_pct"})


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    start: int
    end: int
    sources: tuple[tuple[int, str, frozenset[str]], ...]  # (offset, source line, topic words)


def sections(text: str) -> Iterator[Section]:
    """The page cut at lines its icons open, each section named by its opening words."""
    opened = [m.end() for m in _SECTION_START.finditer(text) if m.group().strip()]
    titled = [m.start() for m in _TITLE.finditer(text) if _section_name(m.group())]
    bounds = [*sorted({0, *opened, *titled}), len(text)]
    name = "general"
    for start, end in zip(bounds, bounds[1:], strict=False):
        body = text[start:end]
        # a section without its own opening words (a summary after a mark) continues the one before
        name = _section_name(body[:_OPENING]) or name
        yield Section(name, start, end, tuple(_sources(text, start, end)))


def _section_name(opening: str) -> str | None:
    """The group or topic named first in a section's opening words."""
    found = [(m.start(), n) for n, cue in _SECTION_NAMES if (m := regex.search(cue, opening, regex.I))]
    return min(found)[1] if found else None


def _sources(text: str, start: int, end: int) -> Iterator[tuple[int, str, frozenset[str]]]:
    previous = start
    for m in _SOURCE_LINE.finditer(text, start, end):
        yield m.start(), m.group().strip(), topic_words(text[previous : m.start()])
        previous = m.end()


def topic_words(text: str) -> frozenset[str]:
    return frozenset(w for w in regex.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP)


def source_for(text: str, section: Section, context: str) -> str | None:
    """The section's source line whose chart description best shares the fact's words, if clear."""
    if not section.sources:
        return None
    wanted = topic_words(context)
    scored = sorted(((len(wanted & topic), line) for _, line, topic in section.sources), reverse=True)
    best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    return best[1] if best[0] >= 3 and best[0] > runner_up else None


def unit_of(token: str, before: str, after: str) -> str | None:
    if token.endswith("%"):
        return "%"
    pound = token.startswith("£")
    if regex.match(r"(?:\s+[\w’'-]+){0,4}?\s+per 100,000", after):
        return "£ per 100,000" if pound else "per 100,000"
    if regex.match(r"(?:\s+[\w-]+){0,2}?\s+per square kilomet", after):
        return "people per square kilometre"
    if regex.match(r"\s+days\b", after):
        return "days"
    if pound:
        return "£"
    if regex.search(r"decile of\s*$", before):
        return "decile"
    if regex.search(r"score of\s*$", before):
        return "score"
    count = regex.match(rf"(?:\s+[\w-]+){{0,4}}?\s+(?P<w>{_COUNT_WORDS})\b", after)
    return count.group("w") if count else None


def compatible(council: str | None, bench: str | None) -> bool:
    if council is None:
        return False
    if bench is None:
        return True
    return council == bench or council.startswith(bench + " ") or (bench == "people" and council == "count")


def relation(between: str, inverted: str | None) -> str | None:
    """The relation the text states, from the council's side ("the national average is higher")."""
    if inverted:
        return relations.inverse(relations.stated_in_link(inverted))
    return relations.stated_in_link(between)


def metric(context: str, section: str) -> tuple[str, str]:
    for key, label, cue in METRICS:
        if regex.search(cue, context, regex.I):
            return key, label
    return "comparison", " ".join(context.split()[:12])


def count_metric(text: str, start: int, comparison: Comparison) -> tuple[str, str]:
    if regex.search(r"population(?: being| of)?(?: about)?\s*$", text[max(0, start - 40) : start]):
        return comparison.metric_id.rsplit(".", 1)[0] + ".population", "Population"
    base = comparison.metric_id.removesuffix("_per_100k").removesuffix("_pct")
    return f"{base}.count", f"{comparison.metric.removesuffix(' per 100,000')} (count)"


def year_near(text: str, pos: int, sent: Sentence) -> str | None:
    m = regex.match(r"\s+in ((?:19|20)\d\d(?:/\d\d)?)", text[pos : pos + 15])
    if m:
        return str(m.group(1))
    y = YEAR_RE.search(sent.text)
    return y.group() if y else None
