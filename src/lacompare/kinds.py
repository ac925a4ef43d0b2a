"""Document kinds (a module of its own: the command line needs them before anything heavy)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a document is, recognised from its content (``--kind`` forces one)."""

    CQC_ASSESSMENT = "cqc_assessment"  # a whole CQC report, or any single page of one
    CQC_PRESS_RELEASE = "cqc_press_release"
    NEWS = "news"  # a news or council page about an assessment
    PERFORMANCE_REPORT = "performance_report"  # performance reports, scorecards, minutes reporting indicators
    BUDGET_REPORT = "budget_report"  # budget monitoring papers and their minutes
    DASHBOARD = "dashboard"  # data dashboards, JSNA summaries, local accounts
    WAITING_TIMES = "waiting_times"  # FOI answers and Healthwatch pages on waiting times
    UNKNOWN = "unknown"


CQC_ASSESSMENT = DocumentKind.CQC_ASSESSMENT
CQC_PRESS_RELEASE = DocumentKind.CQC_PRESS_RELEASE
NEWS = DocumentKind.NEWS
PERFORMANCE_REPORT = DocumentKind.PERFORMANCE_REPORT
BUDGET_REPORT = DocumentKind.BUDGET_REPORT
DASHBOARD = DocumentKind.DASHBOARD
WAITING_TIMES = DocumentKind.WAITING_TIMES
UNKNOWN = DocumentKind.UNKNOWN
DOCUMENT_KINDS = tuple(k.value for k in DocumentKind)
