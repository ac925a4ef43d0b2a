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


class FactKind(StrEnum):
    """What a fact is (``--fact`` chooses some); the order is the order facts are listed in a diff."""

    RATING = "rating"
    SCORE = "score"
    COMPARISON = "comparison"
    WAIT = "wait"
    FINANCE = "finance"
    INDICATOR = "indicator"
    STATISTIC = "statistic"


FACT_KINDS = tuple(k.value for k in FactKind)


class Region(StrEnum):
    """The nine English regions a council belongs to (``--region``)."""

    NORTH_EAST = "North East"
    NORTH_WEST = "North West"
    YORKSHIRE_AND_THE_HUMBER = "Yorkshire and The Humber"
    EAST_MIDLANDS = "East Midlands"
    WEST_MIDLANDS = "West Midlands"
    EAST_OF_ENGLAND = "East of England"
    LONDON = "London"
    SOUTH_EAST = "South East"
    SOUTH_WEST = "South West"
