"""The services people wait for, as CQC reports name them, and the "as of" phrases of a wait."""

from __future__ import annotations

import regex

from lacompare import compiled

# Canonical service ids. Services outside the main seven are "other_<what>".
SERVICES = (
    "care_act_assessment",
    "care_review",
    "ot_assessment",
    "dols",
    "financial_assessment",
    "carers_assessment",
    "safeguarding",
)

# Specific names (each starts at a word boundary), tried leftmost first; at one position the earlier entry wins
# ("community DoLS" before "DoLS", "carers assessment" before "care assessment").
_SPECIFIC = (
    ("other_community_dols", r"community\s+(?:DoLS|deprivation of liberty safeguards?)"),
    ("dols", r"DoLS\b|deprivation of liberty(?: safeguards?)?|BIA assessments?"),
    ("carers_assessment", r"carer(?:s['’]?|['’]s)?\s+assessments?"),
    ("financial_assessment", r"financ(?:e|ial) assessments?"),
    ("ot_assessment", r"(?:(?-i:OT)|occupational therapy|occupational therapist) assessments?|(?-i:OT\b)"),
    ("care_act_assessment", r"Care Act assessments?|(?:social )?care assessments?|needs assessments?"),
    ("care_act_assessment", r"initial assessments?"),
    ("care_review", r"(?:care|annual|care and support) reviews?|reviews? of (?:their )?care\b"),
    ("safeguarding", r"safeguarding\b|s\.?\s?42 enquir"),
    ("other_hospital_discharge", r"hospital discharges?|discharged? from hospital"),
    ("other_care_placements", r"care placements?|finding a place|placements?\b|home ?care\b"),
    ("other_homelessness_accommodation", r"homeless(?:ness)? accommodation"),
    ("other_hostel_accommodation", r"hostel accommodation"),
    ("other_equipment", r"equipment\b"),
    ("other_adaptations", r"adaptations?\b"),
    ("other_advocacy", r"advoca(?:cy|tes?)\b"),
    ("other_reablement", r"reablement\b"),
)
# Bare words, used only when no specific name is in the sentence.
_GENERIC = (
    ("care_act_assessment", r"assessments?\b"),
    ("care_review", r"reviews?\b"),
)


def _alternation(entries: tuple[tuple[str, str], ...]) -> tuple[regex.Pattern[str], dict[str, str]]:
    groups = {f"s{i}": service for i, (service, _) in enumerate(entries)}
    body = "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(entries))
    # One leading \b outside the alternation keeps the search fast.
    return compiled.pattern(rf"(?i)\b(?:{body})"), groups


_SPECIFIC_RE, _SPECIFIC_IDS = _alternation(_SPECIFIC)
_GENERIC_RE, _GENERIC_IDS = _alternation(_GENERIC)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_AS_OF = compiled.pattern(
    r"\b(?:at|around|by) the (?:start|time|end) of (?:the |our )?(?:assessment|submission|inspection)(?: site visit)?"
    r"|\bover the (?:past|last|previous) \d+ (?:days|weeks|months|years)"
    rf"|\bas (?:of|at) (?:\d{{1,2}} )?{_MONTH} \d{{4}}"
    rf"|\bbetween (?:\d{{1,2}} )?{_MONTH}(?: \d{{4}})? (?:and|to) (?:\d{{1,2}} )?{_MONTH} \d{{4}}"
    rf"|\bin {_MONTH} \d{{4}}",
    regex.IGNORECASE,
)
_AS_OF_CUES = (" of ", "over the", "as at", "between", "20")


def _matched(m: regex.Match[str], ids: dict[str, str]) -> str:
    return ids[next(name for name, value in m.groupdict().items() if value is not None)]


def service_in(text: str) -> str | None:
    """The service a sentence (or phrase) names first: a specific name, else a bare 'assessment'."""
    m = _SPECIFIC_RE.search(text)
    if m:
        return _matched(m, _SPECIFIC_IDS)
    m = _GENERIC_RE.search(text)
    return _matched(m, _GENERIC_IDS) if m else None


def last_service(text: str) -> str | None:
    """The service named last in ``text`` (specific names only)."""
    found = None
    for m in _SPECIFIC_RE.finditer(text):
        found = m
    return _matched(found, _SPECIFIC_IDS) if found else None


def as_of_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence says when its figures held: "at the start of the assessment", "as of May 2024"."""
    lowered = text.lower()
    if not any(cue in lowered for cue in _AS_OF_CUES):
        return []
    return [m.span() for m in _AS_OF.finditer(text)]
