"""Document kinds (a module of its own: the command line needs them before anything heavy)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a document is, recognised from its content (``--kind`` forces one)."""

    CQC_ASSESSMENT = "cqc_assessment"  # a whole CQC report, or any single page of one
    CQC_PRESS_RELEASE = "cqc_press_release"
    NEWS = "news"  # a news or council page about an assessment
    PERFORMANCE_REPORT = "performance_report"
    DASHBOARD = "dashboard"
    UNKNOWN = "unknown"


CQC_ASSESSMENT = DocumentKind.CQC_ASSESSMENT
CQC_PRESS_RELEASE = DocumentKind.CQC_PRESS_RELEASE
NEWS = DocumentKind.NEWS
PERFORMANCE_REPORT = DocumentKind.PERFORMANCE_REPORT
DASHBOARD = DocumentKind.DASHBOARD
UNKNOWN = DocumentKind.UNKNOWN
DOCUMENT_KINDS = tuple(k.value for k in DocumentKind)
