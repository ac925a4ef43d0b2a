"""What a document is: its kind, its council and when it was published."""

from __future__ import annotations

import datetime as dt

import regex

from lacompare import compiled
from lacompare.kinds import (
    CQC_ASSESSMENT,
    CQC_PRESS_RELEASE,
    DASHBOARD,
    NEWS,
    PERFORMANCE_REPORT,
    UNKNOWN,
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
        r"Polarity|Bigger is Better|Smaller is Better",
        r"Direction of Travel|\bDOT\b|\bDoT\b",
        r"\bRAG\b|Green Amber|Red Amber",
        r"\b[A-Z]{1,4}/[A-Z]{1,3}\d{1,3}\b",
        r"Revenue Budget|Capital Actual|Variation",
    ),
    DASHBOARD: (
        r"per 100,000",
        r"national average",
        r"dashboard|this page",
        r"Deprivation decile|Deprivation rank",
        r"people per square kilometre|population density",
        r"Sheet T\d+|Data Tables",
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
PRESS_RELEASE_HEAD = 6_000  # a press release says what it is in its first screen


def classify(doc: Document) -> DocumentKind:
    """The kind whose cues the text shows most (at least three); else a page about a CQC
    assessment (a press release or news); else unknown."""
    text = doc.text[:200_000]
    scores = {kind: sum(bool(cue.search(text)) for cue in cues) for kind, cues in _COMPILED_CUES.items()}
    kind, best = max(scores.items(), key=lambda kv: kv[1])
    if best >= ASSESSMENT_CUES_NEEDED and (kind is not CQC_ASSESSMENT or not _is_press_release(text)):
        return kind
    if _ABOUT_CQC.search(text) and _STATES_RESULT.search(text):
        return CQC_PRESS_RELEASE if _is_press_release(text) else NEWS
    return UNKNOWN


def _is_press_release(text: str) -> bool:
    head = text[:PRESS_RELEASE_HEAD]
    return sum(bool(cue.search(head)) for cue in _PRESS_RELEASE_CUES) >= 2


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
