"""ASCOF measure codes, in both frameworks, mapped to catalogue ids.

Councils label their performance-paper rows with Adult Social Care Outcomes Framework codes
("ASCOF 1G", "2B(1)", "ASCOF 1C/2A", "1C (2a)"). The 2023-24 framework renumbered the measures
(its 2A is the old 2D, its 2C the old 2A(2), its 3D the old 1C), so a code is read in the
framework of the row's year. A row with no year takes a code only where both frameworks agree
or just one of them defines it. Codes of a measure with parts are mapped part by part; a bare
"2B" of the old framework names no one measure and is left to the row's words.

Sources: the ASCOF 2014-15 to 2022-23 handbooks of definitions; for 2023-24, NHS England's
"SALT data sources for ASCOF 2023-24" ("ASCOF Measure 2C (formally 2A(2))", "3D (formally 1C)")
and its CLD reproductions of ASCOF 2A, 2B/2C, 2E and 3D. Measures of 2023-24 whose codes could
not be confirmed there are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lacompare import compiled

PRE_2023 = "2014-15 to 2022-23"
ASCOF_2023 = "2023-24"


@dataclass(frozen=True, slots=True)
class AscofMeasure:
    code: str  # canonical: "1C(2a)", "2B(1)", "3D(1a)", "1G"
    framework: str
    label: str
    metric_id: str


def _pre(code: str, label: str, metric_id: str) -> AscofMeasure:
    return AscofMeasure(code, PRE_2023, label, metric_id)


def _new(code: str, label: str, metric_id: str) -> AscofMeasure:
    return AscofMeasure(code, ASCOF_2023, label, metric_id)


MEASURES: tuple[AscofMeasure, ...] = (
    # 2014-15 to 2022-23: four domains.
    _pre("1A", "Social care-related quality of life score", "ascs.quality_of_life"),
    _pre("1B", "People who use services who have control over their daily life", "ascs.control_daily_life"),
    _pre("1C(1a)", "Adults receiving self-directed support", "salt.self_directed_support"),
    _pre("1C(1b)", "Carers receiving self-directed support", "salt.carers_self_directed_support"),
    _pre("1C(2a)", "Adults receiving direct payments", "ascof.direct_payments"),
    _pre("1C(2b)", "Carers receiving direct payments", "ascof.carers_direct_payments"),
    _pre("1D", "Carer-reported quality of life score", "sace.carers_quality_of_life"),
    _pre("1E", "Adults with a learning disability in paid employment", "ascof.learning_disability_paid_employment"),
    _pre("1F", "Adults in contact with secondary mental health services in paid employment",
         "ascof.mental_health_paid_employment"),
    _pre("1G", "Adults with a learning disability who live in their own home or with their family",
         "ascof.learning_disability_own_home"),
    _pre("1H", "Adults in contact with secondary mental health services who live independently",
         "ascof.mental_health_live_independently"),
    _pre("1I(1)", "People who use services with as much social contact as they would like", "ascs.social_contact"),
    _pre("1I(2)", "Carers with as much social contact as they would like", "sace.carers_social_contact"),
    _pre("1J", "Adjusted social care-related quality of life: impact of services", "ascof.quality_of_life_impact"),
    _pre("2A(1)", "Adults aged 18-64 whose long-term needs are met by admission to a care home, per 100,000",
         "ascof.admissions_care_homes_18_64"),
    _pre("2A(2)", "Adults aged 65+ whose long-term needs are met by admission to a care home, per 100,000",
         "ascof.admissions_care_homes"),
    _pre("2B(1)", "Older people at home 91 days after discharge into reablement",
         "ascof.at_home_91_days_after_discharge"),
    _pre("2B(2)", "Older people offered reablement after discharge from hospital", "ascof.reablement_after_discharge"),
    _pre("2C(1)", "Delayed transfers of care from hospital, per 100,000", "ascof.delayed_transfers"),
    _pre("2C(2)", "Delayed transfers of care attributable to adult social care, per 100,000",
         "ascof.delayed_transfers_social_care"),
    _pre("2D", "Short-term services with no further request for ongoing support",
         "ascof.short_term_no_further_support"),
    _pre("3A", "Overall satisfaction of people who use services with their care and support", "ascs.satisfaction"),
    _pre("3B", "Overall satisfaction of carers with social services", "sace.carers_satisfaction"),
    _pre("3C", "Carers included or consulted in discussion about the person they care for",
         "sace.carers_involved_consulted"),
    _pre("3D(1)", "People who use services who find it easy to find information", "ascs.easy_find_information"),
    _pre("3D(2)", "Carers who find it easy to find information", "sace.carers_easy_find_information"),
    _pre("4A", "People who use services who feel safe", "ascs.feel_safe"),
    _pre("4B", "People who use services who say those services made them feel safe", "ascs.services_made_feel_safe"),
    # 2023-24: six objectives, codes renumbered.
    _new("1A", "Social care-related quality of life score", "ascs.quality_of_life"),
    _new("2A", "Short-term services with no further request for ongoing support",
         "ascof.short_term_no_further_support"),
    _new("2B", "Adults aged 18-64 whose long-term needs are met by admission to a care home, per 100,000",
         "ascof.admissions_care_homes_18_64"),
    _new("2C", "Adults aged 65+ whose long-term needs are met by admission to a care home, per 100,000",
         "ascof.admissions_care_homes"),
    _new("2E", "People on long-term support who live in their own home or with family",
         "ascof.long_term_support_at_home"),
    _new("3D(1a)", "Adults receiving self-directed support", "salt.self_directed_support"),
    _new("3D(1b)", "Carers receiving self-directed support", "salt.carers_self_directed_support"),
    _new("3D(2a)", "Adults receiving direct payments", "ascof.direct_payments"),
    _new("3D(2b)", "Carers receiving direct payments", "ascof.carers_direct_payments"),
)  # fmt: skip

_BY_CODE: dict[tuple[str, str], AscofMeasure] = {(m.framework, m.code): m for m in MEASURES}

# "1C(2a)", "1C (2a)", "1c(2a)", "1C/2A", "2C/2", "2B part 1", "2A(2)"
_CODE = (
    r"(?P<num>[1-4])\s?(?P<letter>[A-J])"
    r"(?:\s?\(\s?(?P<part>\d[ab]?)\s?\)|/(?P<slash>\d[ab]?)|\s+part\s+(?P<word>\d[ab]?))?"
)
_WHOLE = compiled.pattern(rf"(?i)^\s*(?:ASCOF\s*)?{_CODE}\s*$")
_NAMED = compiled.pattern(rf"(?i)\bASCOF\s*{_CODE}(?![\w(/])")
_YEAR = compiled.pattern(r"\b(20\d\d)\s?[-/–]\s?(?:20)?\d\d\b")


def normal_code(text: str) -> str | None:
    """'ASCOF 1c (2a)' -> '1C(2a)'; 'ASCOF 1C/2A' -> '1C(2a)'; None unless the text is one code."""
    m = _WHOLE.match(text)
    return _canonical(m) if m else None


def named_code(text: str) -> str | None:
    """The first code a text names after the word ASCOF ('… direct payment (ASCOF 1C/2A)')."""
    m = _NAMED.search(text)
    return _canonical(m) if m else None


def _canonical(m: re.Match[str]) -> str:
    part = m.group("part") or m.group("slash") or m.group("word")
    head = f"{m.group('num')}{m.group('letter').upper()}"
    return f"{head}({part.lower()})" if part else head


def framework_for(period: str | None) -> str | None:
    """The framework of a row's year ('Q2 2016/17' -> pre-2023); None when it states none."""
    m = _YEAR.search(period or "")
    if m is None:
        return None
    return ASCOF_2023 if int(m.group(1)) >= 2023 else PRE_2023


def measure(code: str, framework: str | None = None) -> AscofMeasure | None:
    """The measure a canonical code names in a framework; with none, only where that is certain."""
    if framework is not None:
        return _BY_CODE.get((framework, code))
    old, new = _BY_CODE.get((PRE_2023, code)), _BY_CODE.get((ASCOF_2023, code))
    if old and new:
        return old if old.metric_id == new.metric_id else None
    found = old or new
    if found is None:
        return None
    other = ASCOF_2023 if old else PRE_2023
    if len(code) == 2 and any(m.framework == other and m.code.startswith(code) for m in MEASURES):
        return None  # a bare "2A": the other framework's parts of 2A are other measures
    return found


def metric_id(texts: tuple[str | None, ...], period: str | None = None) -> str | None:
    """The catalogue id the first text naming an ASCOF code maps to: a code cell, a reference,
    or a description that says "ASCOF 2A(2)"."""
    framework = framework_for(period)
    for text in texts:
        if not text:
            continue
        code = normal_code(text) or named_code(text)
        if code is None:
            continue
        found = measure(code, framework)
        if found is not None:
            return found.metric_id
    return None
