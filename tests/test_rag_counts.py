"""RAG and target counts stated in prose by performance papers and minutes, as statistics.

OGL documents are copied in tests/real_documents (Open Government Licence v3.0); third-party
ones are read from ../shared/corpus and their tests skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.extractors.prose import rag_counts
from lacompare.model import Statistic
from lacompare.pipeline import extract
from tests.parser_helpers import quote_problems, text_doc

HERE = Path(__file__).parent / "real_documents" / "text"
SHARED = Path(__file__).parents[2] / "shared" / "corpus" / "text"


def counts(text: str) -> dict[str, int | float]:
    doc = text_doc(text)
    facts = rag_counts.parse(doc)
    assert quote_problems(doc, facts) == []
    return {f.metric_id: f.value for f in facts if isinstance(f, Statistic)}


def document(stem: str) -> Path:
    for folder in (HERE, SHARED):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    pytest.skip(f"{stem} is not available here")


SENTENCES = [
    # counts by RAG colour, with the total
    (
        "Of the 35 measures reported below 8 are Red; 3 are Amber and 24 are Green.",
        {
            "rag.summary.total.count": 35,
            "rag.summary.red.count": 8,
            "rag.summary.amber.count": 3,
            "rag.summary.green.count": 24,
        },
    ),
    (
        "Of the 20 indicators, 12 (60%) are rated Green, 5 (25%) Amber and 3 (15%) Red.",
        {
            "rag.summary.total.count": 20,
            "rag.summary.green.pct": 60,
            "rag.summary.green.count": 12,
            "rag.summary.amber.pct": 25,
            "rag.summary.amber.count": 5,
            "rag.summary.red.pct": 15,
            "rag.summary.red.count": 3,
        },
    ),
    (
        "Indicators by status - Green: 14, Amber: 2, Red: 1.",
        {"rag.summary.green.count": 14, "rag.summary.amber.count": 2, "rag.summary.red.count": 1},
    ),
    # achieving / off target, each with its percentage, the total qualified by its frequency
    (
        "Of the 35 quarterly measures, 24 (69%) are either achieving or exceeding target, "
        "with 3 (8%) slightly off-target.",
        {
            "rag.quarterly.total.count": 35,
            "rag.quarterly.on_target.pct": 69,
            "rag.quarterly.on_target.count": 24,
            "rag.quarterly.off_target.pct": 8,
            "rag.quarterly.off_target.count": 3,
        },
    ),
    # "N (P%) out of the T KPIs had achieved their targets"
    (
        "At the end of the Quarter, 9 (75%) out of the 12 Key Performance Indicators had achieved their targets:-",
        {"rag.summary.on_target.pct": 75, "rag.summary.on_target.count": 9, "rag.summary.total.count": 12},
    ),
    # "P% (N) remained on target"; the total in words is understood, not stated (the quote rule reads digits)
    (
        "Seventeen KPIs were included in the suite, and of these at the end of Quarter 1, 76% (13) remained on target.",
        {"rag.summary.on_target.pct": 76, "rag.summary.on_target.count": 13},
    ),
    (
        "In total 18 KPIs were reported this quarter and 4 indicators were off track.",
        {"rag.summary.total.count": 18, "rag.summary.off_target.count": 4},
    ),
    # "The following N measures had achieved / did not achieve their targets"
    (
        "The following 10 performance measures had achieved their Quarter 2 targets:",
        {"rag.summary.on_target.count": 10},
    ),
    (
        "The following 7 performance measures did not achieve their Quarter 2 targets:",
        {"rag.summary.off_target.count": 7},
    ),
    ("There are 4 annual measures within the quarter 3 report.", {"rag.annual.total.count": 4}),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentence_counts(sentence: str, expected: dict[str, int | float]) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # names only
        "Members considered the Adult Social Care Key Performance Indicators for Quarters 2 and 3.",
        "The following four performance measures did not achieve their target at Quarter 1.",
        # a lone restatement, numbers of a row, a quarter, a scale this reader does not read
        "For the 8 Red measures – 2 have a positive (improving) direction of travel (DoT).",
        "NI125 Intermediate Care – Achieved its 85% target, an improvement on 2009/10 (84.17%)",
        "Performance at the end of Quarter 2 was 2334.36 which was below the monthly control target of 2801.50.",
        "Of the indicators, 3 are red (delayed transfers), 1 red/amber (direct payments) and 5 green.",
        # not about measures
        "5 are on track to open by the spring and 2 green spaces were improved.",
    ],
)
def test_no_counts(sentence: str) -> None:
    assert counts(sentence) == {}


def test_minute_that_only_names_indicators_gives_no_facts() -> None:
    text = (
        "Adult Social Care Key Performance Indicators\n"
        "To consider the Adult Social Care Key Performance Indicators.\n"
        "The following indicators were discussed:\n"
        "NI 136 People supported to live independently\n"
        "NAS 1 Percentage of service users receiving a review\n"
    )
    assert rag_counts.parse(text_doc(text)) == []


REAL = [
    (
        "rotherham-asc-q4-2010-11-kpi-minutes",
        {"rag.summary.total.count": 12, "rag.summary.on_target.pct": 75, "rag.summary.on_target.count": 9},
    ),
    ("rotherham-asc-q2-2010-11-kpi-minutes", {"rag.summary.on_target.count": 10, "rag.summary.off_target.count": 7}),
    ("rotherham-asc-q1-2010-11-kpi-minutes", {"rag.summary.on_target.pct": 76, "rag.summary.on_target.count": 13}),
    ("coventry-asc-q3-2023-24-performance-minutes", {}),
    ("coventry-asc-performance-outturn-2022-23-minutes", {}),
    ("wokingham-asc-kpis-q2-q3-minutes", {}),
    ("hertfordshire-asc-performance-monitor-q1-2020-21", {}),
    (
        "docsbay-service-performance-q3-2017-18",
        {
            "rag.quarterly.total.count": 35,
            "rag.quarterly.on_target.pct": 69,
            "rag.quarterly.on_target.count": 24,
            "rag.quarterly.off_target.pct": 8,
            "rag.quarterly.off_target.count": 3,
            "rag.annual.total.count": 4,
            "rag.summary.total.count": 35,
            "rag.summary.red.count": 8,
            "rag.summary.amber.count": 3,
            "rag.summary.green.count": 24,
        },
    ),
]


@pytest.mark.parametrize(("stem", "expected"), REAL, ids=[s for s, _ in REAL])
def test_real_documents(stem: str, expected: dict[str, int | float]) -> None:
    report = extract(document(stem))
    stats = [f for f in report.facts if isinstance(f, Statistic) and f.metric_id.startswith("rag.")]
    assert {f.metric_id: f.value for f in stats} == expected
    assert len(stats) == len(expected)  # one fact per count
    assert all(f.flag is None for f in stats)
