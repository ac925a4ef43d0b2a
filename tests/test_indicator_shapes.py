"""Indicator rows in the shapes council papers print them: prose rows of minutes, flattened
tables read by their header, dashboard name/value/status runs and per-year lists.

OGL documents are copied in tests/real_documents (Open Government Licence v3.0); third-party
ones are read from ../shared/corpus and their tests skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.model import Indicator
from lacompare.pipeline import extract, extract_text
from lacompare.provenance import quote_problem
from lacompare.readers import read_document

HERE = Path(__file__).parent / "real_documents" / "text"
SHARED = Path(__file__).parents[2] / "shared" / "corpus" / "text"

Row = tuple[str, str | None, str | None, str | None]  # ref, result, target, the earlier figure it states


def row(f: Indicator) -> Row:
    # The general prose reader keeps the earlier figure a sentence states as the row's previous
    # value, whatever its period; a table's "last year" column keeps its own name.
    return (f.ref, f.result, f.target, f.previous)


def rows(path: Path) -> list[Row]:
    return [row(f) for f in extract(path).indicators]


def document(stem: str) -> Path:
    for folder in (HERE, SHARED):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    pytest.skip(f"{stem} is not available here")


# --- prose rows of minutes ------------------------------------------------------------------

PROSE = [
    (
        "- NI141 Vulnerable People achieving Independent Living – Achieved 89.13% against a target of 85%, "
        "an improvement on 2009/10 (88.17%)",
        [("NI141", "89.13%", "85%", "88.17%")],
    ),
    (
        "- NI130 Self Directed Support – Achieved 50.31% against a target of 50%, an improvement from 8.62% in 2009/10",
        [("NI130", "50.31%", "50%", "8.62%")],
    ),
    ("- NI125 Intermediate Care – Achieved its 85% target", [("NI125", None, "85%", None)]),
    (
        "• NAS 1 (PAF D40) Percentage of service users receiving a review\n\n"
        "This indicator was showing off target with a Quarter 1 score of 18.08% against a milestone target of 22.67%.",
        [("NAS 1", "18.08%", "22.67%", None)],
    ),
    ("Performance at Q1 of 130 was within the target of 150.", [("", "130", "150", None)]),
    (
        "Delayed transfers of care: There were 5980 delayed days in 16/17 compared with 5680 in 15/16.",
        [("", "5980", None, "5680")],
    ),
    # names only, no figures: no row
    ("• NAS 5 Average waiting time for an OT assessment\n• NI 141 Percentage of vulnerable people", []),
    ("AS7: Proportion of people receiving long term care who were subject to a review in the last 12 months", []),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=[t[:40] for t, _ in PROSE])
def test_prose_rows(text: str, expected: list[Row]) -> None:
    report = extract_text(text, kind="performance_report")
    assert [row(f) for f in report.indicators] == expected
    assert all(quote_problem(f, text) is None for f in report.indicators)


def test_referenced_prose_row_is_not_also_a_target_comparison() -> None:
    text = "- NI136 People Supported to Live Independently – Achieved 2,882 against a target of 2,800."
    report = extract_text(text, kind="performance_report")
    assert [(f.ref, f.description, f.result, f.target) for f in report.indicators] == [
        ("NI136", "People Supported to Live Independently", "2,882", "2,800")
    ]
    assert report.comparisons == []


# --- real minutes (OGL) ---------------------------------------------------------------------

REAL = [
    (
        "rotherham-asc-q4-2010-11-kpi-minutes",
        [
            ("NI136", "2,882", "2,800", "2,358"),
            ("NI141", "89.13%", "85%", "88.17%"),
            ("NAS1", "87.32%", "87%", "82.50%"),
            ("NAS18", "98.28%", "98%", "96.21%"),
            ("NI125", None, "85%", "84.17%"),
            ("NI130", "50.31%", "50%", "8.62%"),
            ("NI135", "31.80%", "30%", "29.61%"),
            ("NI145", "72.29%", "72%", "72.38%"),  # "an improvement from 72.38%", as written
        ],
    ),
    ("rotherham-asc-q1-2010-11-kpi-minutes", [("NI 136", "5,666", None, None), ("NAS 1", "18.08%", "22.67%", None)]),
    ("rotherham-asc-q2-2010-11-kpi-minutes", [("NI 136", "2334.36", "2801.50", None)]),
    ("bury-bcf-monitoring-q4-2016-17-minutes", [("", "5980", None, "5680")]),
    ("coventry-asc-performance-outturn-2022-23-minutes", []),
    ("coventry-asc-q3-2023-24-performance-minutes", []),
    ("shropshire-local-account-ascof-comparison-minutes", []),
]


@pytest.mark.parametrize(("stem", "expected"), REAL, ids=[s for s, _ in REAL])
def test_real_minutes(stem: str, expected: list[Row]) -> None:
    path = document(stem)
    assert rows(path) == expected
    doc = read_document(path)
    assert all(quote_problem(f, doc.page(f.page).text) is None for f in extract(path).indicators)


def test_legacy_code_is_kept_apart_from_the_name() -> None:
    [ni136, _] = extract(document("rotherham-asc-q1-2010-11-kpi-minutes")).indicators
    assert (ni136.code, ni136.description) == (
        "Vital Signs 3",
        "People supported to live independently through social services (LAA)",
    )


# --- per-year lists and dashboards ------------------------------------------------------------


def test_year_lists_give_the_latest_figure() -> None:
    found = [
        (f.description[:40], f.result, f.previous, f.period)
        for f in extract(document("norfolk-benchmarking-ascof-2021-22")).indicators
    ]
    assert found == [
        ("new requests for adult social care", "41,665", "41,410", "2021-22"),
        ("Proportion of people accessing long-term", "24.9%", "25.3%", "January 2023"),
        ("Proportion of carers receiving carer-spe", "48.7%", "53.8%", "January 2023"),
    ]


DASHBOARD = (
    "Thriving residents\n\nPercentage of positive outcomes for vulnerable adults\n\n41%\n\nImproved performance\n\n"
    "Delayed transfers of care (days) from hospital\n\n13,510\n\nRequires improvement\n\n"
    "Proportion of adults with a learning disability in their own home\n\n85.1%\n\nGreen\n"
)


def test_dashboard_runs_give_value_and_status() -> None:
    report = extract_text(DASHBOARD, kind="dashboard")
    assert [(f.result, f.direction, f.rag) for f in report.indicators] == [
        ("41%", "Improved performance", None),
        ("13,510", "Requires improvement", None),
        ("85.1%", None, "Green"),
    ]
    assert report.rating is None  # a dashboard status is not a CQC rating


def test_values_then_statuses_then_names_are_not_paired() -> None:
    dump = "Measures\n\n41%\n\n13,510\n\nImproved performance\n\nRequires improvement\n\nCarers\n\nDelays\n"
    assert extract_text(dump, kind="dashboard").indicators == []


def test_dashboard_page_rows() -> None:
    found = extract(document("cheshirewest-performance-thriving-residents")).indicators
    assert [f.result for f in found] == [
        "323.5", "139", "92.4%", "101%", "19.9%", "16.0%", "73.4", "41%", "897", "100%", "85.1%", "456", "13,510",
    ]  # fmt: skip
    assert {f.direction for f in found} == {"Stayed the same", "Improved performance", "Requires improvement"}


# --- flattened tables read by their header ---------------------------------------------------

FLAT = (
    "Ref. Performance Indicator 2014/15 baseline 2015/16 Target Oct Actual Nov Actual Dec Actual YTD Q3 RAG DOT "
    "Benchmarking National London Neighbours Q3 commentary "
    "OF.146 Average time to adoption 694 426 1268 713 733 R Better Figures remain red. "
    "OF.147 Percentage of children on a plan for a second time 6.70% 12% 15.3% 15.2% 14.9% 14.6% R Worse "
    "16.6% 13.8% Hackney - 11.4% The figure still falls outside of our target."
)


def test_flat_row_is_read_by_the_header() -> None:
    found = {f.ref: f for f in extract_text(FLAT, kind="performance_report").indicators}
    s147 = found["OF.147"]
    assert (s147.previous, s147.target, s147.result, s147.rag, s147.direction, s147.period) == (
        "6.70%", "12%", "14.6%", "R", "Worse", "YTD Q3",
    )  # fmt: skip
    assert [(b.comparator, b.value) for b in s147.benchmarks] == [("national", 16.6), ("London", 13.8)]
    assert s147.flag is None


def test_flat_row_short_of_cells_is_flagged_without_values() -> None:
    s146 = next(f for f in extract_text(FLAT, kind="performance_report").indicators if f.ref == "OF.146")
    assert (s146.result, s146.target, s146.previous) == (None, None, None)
    assert s146.flag and "cannot be placed" in s146.flag


def test_rows_without_ref_have_an_id_from_their_name() -> None:
    [row] = extract_text("Performance at Q1 of 130 was within the target of 150.", kind="performance_report").indicators
    assert isinstance(row, Indicator)
    assert [m.metric_id for m in row.measures()] == [
        "indicator.performance_at_q1.result",
        "indicator.performance_at_q1.target",
    ]
