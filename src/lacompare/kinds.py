"""Document kinds (a module of its own: the command line needs them before anything heavy)."""

from __future__ import annotations

CQC_ASSESSMENT = "cqc_assessment"
PERFORMANCE_REPORT = "performance_report"
DASHBOARD = "dashboard"
UNKNOWN = "unknown"
DOCUMENT_KINDS = (CQC_ASSESSMENT, PERFORMANCE_REPORT, DASHBOARD, UNKNOWN)
