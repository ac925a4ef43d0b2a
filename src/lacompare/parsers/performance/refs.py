"""Indicator references in the forms councils print them, and the cells every layout shares.

References: ``AC/S3``, ``ASC002``, ``ASC 002``, ``NI 136``, ``NAS1``, ``OF.147``, ``AS1``,
``Measure 63``, and ASCOF codes ``1A``, ``2B(1)``, ``ASCOF 1G``. Cells that say a value is not
stated (``n/a``, ``TBC``, ``no tgt``, ``-``) are read as None, never as 0.
"""

from __future__ import annotations

from lacompare import compiled

# A council's own reference: letters, an optional separator, digits ("NI 136", "OF.147", "AC/S3").
REF = (
    r"(?:[A-Z]{1,5}/[A-Z]{1,3}\d{1,3}[a-z]?"
    r"|Measure\s+\d{1,3}"
    r"|(?:NI|NAS|ASC|ASCOF|AS|OF|PI|KPI|BCF|PAF|[A-Z]{2,5}(?=[.\s]?\d))[.\s]?\d{1,3}[a-z]?(?:\(\d\))?"
    r"|[1-4][A-J](?:\(\d\)|\d)?(?![\w(]))"
)
# A line (or list item) that starts with a reference, then the indicator's name.
REF_LINE = compiled.pattern(rf"(?m)^[ \t]*(?:[-•·o*][ \t]+)?(?P<ref>{REF})\b[:.]?[ \t]+(?P<rest>\S.*)$")
# A reference after a bullet that the page's lines have run together ("targets:- - NI136 People …").
INLINE_REF = compiled.pattern(rf"(?<=\s[-•·][ \t])(?P<ref>{REF})\b[:.]?[ \t]+(?P<rest>\S[^\n]*)")
# An ASCOF code with its framework's letters before it: "ASC 1A", "ASCOF 2B(1)", "ASCOF 1C(2a)".
ASCOF_REF = r"(?:ASCOF|ASC)\s?[1-4][A-J](?:\(\d[a-z]?\)|\d)?(?![\w(])"
# The one grammar of a code printed after a reference, wherever a reference stands (a table's
# reference cell or label, a minute's reference line): bracketed and holding a digit ("AC/S3 (ASCOF
# 1G)", "NI 136 (Vital Signs 3)", "NAS 1 (PAF D40)"), or a bare ASCOF code ("AC/S1 ASCOF3A"). A
# bracket without a digit ("(LAA)") is part of the measure's name. Used as ``match(text, pos)``.
CODE_AFTER = compiled.pattern(
    r"\s*(?:\((?=[^()]*\d)(?P<bracketed>[^()]{1,30})\)|(?P<ascof>ASCOF\s?[1-4][A-J](?:\s?\(\d[a-z]?\)|\d)?(?![\w(])))\s*"
)

NOT_STATED = frozenset(
    {"n/a", "na", "tbc", "tba", "no tgt", "no target", "-", "–", "—", "", "not available", "not applicable"}
    | {"not known", "nil", "*", "x", "[x]", "[c]", ".."}  # statistical releases' suppressed and missing marks
)
NUMBER_CELL = r"£?-?\d[\d,]*(?:\.\d+)?%?"
# RAG ratings as councils print them: letters, words, and the target words that stand for them.
RAG_WORDS = (
    r"(?:Red|Amber|Green|Blue|R|A|G|A/G|R/A|On\s+target|Off\s+target|Not\s+on\s+target|On\s+track|Off\s+track"
    r"|Target\s+met|Target\s+not\s+met|Target\s+achieved|Target\s+not\s+achieved)"
)
# How a measure has moved (a direction of travel), as dashboards and scorecards word it.
DIRECTION_WORDS = (
    r"(?:Improved(?:\s+performance)?|Improving|Stayed\s+the\s+same|Same|No\s+change|Stable|Static"
    r"|Requires\s+improvement|Declined(?:\s+performance)?|Worse(?:ned)?(?:\s+performance)?|Worsening"
    r"|Deteriorat(?:ed|ing)(?:\s+performance)?|Better|Maintained(?:\s+performance)?)"
)
# Performance statuses of dashboards (never CQC ratings): the status a measure is given.
STATUS_WORDS = rf"(?:{DIRECTION_WORDS}|{RAG_WORDS})"
STATUS_LINE = compiled.pattern(rf"(?i)^\s*(?P<status>{STATUS_WORDS})\s*$")
RAG_RE = compiled.pattern(rf"^(?:{RAG_WORDS})$")


def code_after(text: str, pos: int = 0) -> tuple[str | None, int]:
    """The code printed at ``pos`` after a reference (``CODE_AFTER``) and where it ends; (None, pos)
    when none stands there."""
    m = CODE_AFTER.match(text, pos)
    if m is None:
        return None, pos
    return " ".join((m.group("bracketed") or m.group("ascof")).split()), m.end()


def normal_ref(ref: str) -> str:
    """'NI 136' and 'NI136' as printed; only runs of white space become one space."""
    return " ".join(ref.split())


def stated(cell: str | None) -> str | None:
    """The cell as printed, or None when it says the value is not stated."""
    if cell is None:
        return None
    text = " ".join(cell.split())
    return None if text.casefold() in NOT_STATED else text
