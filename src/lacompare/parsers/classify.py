"""What a document is: its kind, its council and when it was published."""

from __future__ import annotations

import datetime as dt

import regex

from lacompare.kinds import CQC_ASSESSMENT, DASHBOARD, PERFORMANCE_REPORT, UNKNOWN, DocumentKind
from lacompare.readers.base import Document

_TITLE = regex.compile(r"^(?P<la>[^\n:]{3,90}?):\s*local authority assessment\b", regex.M | regex.I)
_ABOUT = regex.compile(r"^About (?P<la>(?:London Borough of |Royal Borough of |City of )?[A-Z][^\n]{2,80})$", regex.M)
_PUBLISHED = regex.compile(r"Assessment published:?\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")

_KIND_CUES: dict[DocumentKind, tuple[str, ...]] = {
    CQC_ASSESSMENT: (
        r"local authority assessment",
        r"Quality statement",
        r"Score:\s*[1-4]\b",
        r"Care Quality Commission|cqc\.org\.uk",
        r"What people expect",
        r"The local authority commitment",
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


def classify(doc: Document) -> DocumentKind:
    """The document kind with the most distinct cues (at least three), else unknown."""
    text = doc.text[:200_000]
    scores = {kind: sum(bool(regex.search(cue, text)) for cue in cues) for kind, cues in _KIND_CUES.items()}
    kind, best = max(scores.items(), key=lambda kv: kv[1])
    return kind if best >= 3 else UNKNOWN


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
