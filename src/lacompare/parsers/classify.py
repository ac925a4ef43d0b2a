"""What a document is: its kind, its council and when it was published."""

from __future__ import annotations

import datetime as dt

import regex

from lacompare import compiled
from lacompare.kinds import (
    BUDGET_REPORT,
    CQC_ASSESSMENT,
    CQC_PRESS_RELEASE,
    DASHBOARD,
    NEWS,
    PERFORMANCE_REPORT,
    UNKNOWN,
    WAITING_TIMES,
    DocumentKind,
)
from lacompare.readers.base import Document

_TITLE = compiled.pattern(r"^(?P<la>[^\n:]{3,90}?):\s*local authority assessment\b", regex.M | regex.I)
_ABOUT = compiled.pattern(
    r"^About (?P<la>(?:London Borough of |Royal Borough of |City of )?[A-Z][^\n]{2,80})$", regex.M
)
_PUBLISHED = compiled.pattern(r"Assessment published:?\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")

_KIND_CUES: dict[DocumentKind, tuple[str, ...]] = {
    CQC_ASSESSMENT: (
        r"local authority assessment",
        r"Quality statement",
        r"Score:\s*[1-4]\b",
        r"Care Quality Commission|cqc\.org\.uk",
        r"What people expect",
        r"The local authority commitment",
        r"(?i)local authority rating and score|Overall rating for\b",
        r"\b[Tt]he local authority (?:had|has|was|were|worked)\b",
        r"\b[Ww]e (?:heard|were told|found)\b|\b(?:[Pp]eople|[Pp]artners|[Ss]taff) told us\b",
        r"How we assess local authorities|Assessment (?:published|start date):",
        r"(?m)^(?:Demographics|Financial facts|About [A-Z][^\n]{2,80})\s*$",
    ),
    PERFORMANCE_REPORT: (
        r"performance report|Delivery Unit",
        r"(?i)\bpolarity\b|\b(?:bigger|smaller|higher|lower|larger) (?:values? )?(?:is|are) (?:better|best)\b",
        r"Direction of Travel|\bDOT\b|\bDoT\b",
        r"\bRAG\b|Green Amber|Red Amber",
        r"\b[A-Z]{1,4}/[A-Z]{1,3}\d{1,3}\b",
        r"Revenue Budget|Capital Actual|Variation",
        r"(?i)\bperformance (?:report|monitor|indicators?|measures?|scorecard|outturn|framework|update)\b",
        r"\bKPIs?\b|(?i:key performance indicators?)",
        r"\bASCOF\b|Adult Social Care Outcomes Framework|\bBetter Care Fund\b",
        r"(?i)\b(?:on|off|against|above|below|within|achiev\w+|met|missed|exceed\w*)\s+(?:the\s+|its\s+|their\s+)?targets?\b",
        r"(?i)\bbenchmark(?:ing|ed)?\b|\bcomparator group\b|\bstatistical neighbours?\b|\bCIPFA\b",
        r"\bQ[1-4]\b|(?i:\bquarter (?:one|two|three|four|[1-4])\b)",
    ),
    BUDGET_REPORT: (
        r"(?i)\bbudget monitoring\b|\brevenue (?:and capital )?budget\b|\bbudget report\b",
        r"(?i)\b(?:forecast|projected)\b[^.]{0,40}\b(?:overspend|underspend|outturn|variance|pressure)",
        r"(?i)\b(?:overspend|underspend)s?\b",
        r"£\s?\d[\d,.]*\s?(?:m|bn|million|billion)\b",
        r"(?i)\bnet (?:revenue )?budget\b|\bbudget gap\b|\bsavings? (?:target|programme|plan)s?\b",
    ),
    DASHBOARD: (
        r"\bper (?:1,000|10,000|100,000)\b",
        r"(?m)^\s*-?£?\d[\d,.]*\s?%?\s*$",  # a value alone on its line, under its measure
        r"national average",
        r"dashboard|this page",
        r"Deprivation decile|Deprivation rank",
        r"people per square kilometre|population density",
        r"Sheet T\d+|Data Tables",
        r"(?i)\bJoint Strategic Needs Assessment\b|\bJSNA\b|\blocal account\b",
        r"(?i)\b(?:improved|worsened|declined) performance\b|\bstayed the same\b",
    ),
    WAITING_TIMES: (
        r"(?i)\bFreedom of Information\b|\bFOI\b|\binformation requests?\b",
        r"\bHealthwatch\b",
        r"(?i)\bwaiting (?:times?|lists?)\b",
        r"(?i)\b(?:median|average|mean|longest)\s+(?:waiting\s+)?(?:wait|time)s?\b",
    ),
}
_COMPILED_CUES = {kind: tuple(compiled.scanner(cue, regex.M) for cue in cues) for kind, cues in _KIND_CUES.items()}
# Pages about a CQC assessment that are not the report: CQC's own announcement, and the news
# and council pages that pass it on. Both need CQC named and a rating or score stated.
_ABOUT_CQC = compiled.pattern(r"Care Quality Commission|\bCQC\b")
_STATES_RESULT = compiled.pattern(
    r"(?i)\brat(?:ed|es|ing)\b[^.]{0,160}\b(?:outstanding|good|requires improvement|inadequate)\b"
    r"|\b(?:outstanding|good|requires improvement|inadequate)\W{0,2}\s+ratings?\b"
    r"|\bscore (?:out )?of (?:four|4)\b|\boverall (?:score|rating) of\b|\bout of 100\b"
)
_PRESS_RELEASE_CUES = tuple(
    compiled.pattern(p)
    for p in (
        r"(?i)\bpress release\b|\bembargoed\b|Care Quality Commission News",
        r"\bThe Care Quality Commission \(CQC\),? has rated\b|^CQC rates\b",
        r"(?i)\bCQC[’']s (?:chief inspector|chief executive)\b|Chief Inspector of Adult Social Care",
        r"(?i)\bCQC (?:looked at|has given|has a new (?:duty|responsibility))\b",
    )
)
ASSESSMENT_CUES_NEEDED = 3
# A council's paper: its kind's cues, the first kind listed winning a tie.
COUNCIL_KINDS = (WAITING_TIMES, BUDGET_REPORT, PERFORMANCE_REPORT, DASHBOARD)
COUNCIL_CUES_SURE = 3
COUNCIL_CUES_NEEDED = 2
COUNCIL_HEAD = 60_000  # a council paper shows what it is well within its first pages
PRESS_RELEASE_HEAD = 6_000  # a press release says what it is in its first screen


def classify(doc: Document) -> DocumentKind:
    """What a document is, from the cues its text shows.

    A CQC report (or page of one) shows at least three of its cues. A council's own paper shows
    its kind's cues; it is taken before a page that merely mentions a CQC result when it shows
    three, after one when it shows two. A page about an assessment names CQC and states a result.
    """
    text = doc.text[:200_000]
    if _cues(CQC_ASSESSMENT, text) >= ASSESSMENT_CUES_NEEDED and not _is_press_release(text):
        return CQC_ASSESSMENT  # the commonest case, decided before the council papers' cues are read
    head = text[:COUNCIL_HEAD]
    council, council_cues = max(((k, _cues(k, head)) for k in COUNCIL_KINDS), key=lambda kv: kv[1])
    if council_cues >= COUNCIL_CUES_SURE:
        return council
    if _ABOUT_CQC.search(text) and _STATES_RESULT.search(text):
        return CQC_PRESS_RELEASE if _is_press_release(text) else NEWS
    return council if council_cues >= COUNCIL_CUES_NEEDED else UNKNOWN


def _cues(kind: DocumentKind, text: str) -> int:
    return sum(bool(cue.search(text)) for cue in _COMPILED_CUES[kind])


def _is_press_release(text: str) -> bool:
    """CQC's own announcement: it says so, or opens as CQC does ("The Care Quality Commission (CQC),
    has rated …"), and shows one more of its cues; a council page quoting it lacks the first."""
    head = text[:PRESS_RELEASE_HEAD]
    found = [bool(cue.search(head)) for cue in _PRESS_RELEASE_CUES]
    return any(found[:2]) and sum(found) >= 2


def local_authority(doc: Document) -> str | None:
    head = "\n".join(p.text for p in doc.pages[:3])
    for pattern in (_TITLE, _ABOUT):
        m = pattern.search(head)
        if m:
            return " ".join(m.group("la").split())
    from lacompare.authorities import most_mentioned

    named = most_mentioned(doc.text[:300_000])
    return named.name if named else None


def published(doc: Document) -> str | None:
    m = _PUBLISHED.search(doc.pages[0].text if doc.pages else "")
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group("date"), "%d %B %Y").date().isoformat()
    except ValueError:
        return None
