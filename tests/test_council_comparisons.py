"""Comparisons in council papers: year lists, minutes' bullets, prose benchmarks beside targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.extractors.prose import benchmarks
from lacompare.extractors.tables import year_lists
from lacompare.model import Comparison
from lacompare.pipeline import extract, extract_text
from lacompare.readers import document_from_bytes

REAL = Path(__file__).resolve().parent / "real_documents" / "text"
Row = tuple[object, ...]


def _rows(facts: list[object]) -> list[Row]:
    return [
        (f.value, f.unit, f.comparator, f.comparator_value, f.relation, f.year)
        for f in facts
        if isinstance(f, Comparison)
    ]


YEAR_LISTS = [
    (
        "Proportion of people receiving a direct payment:\nNorfolk:\n- 2020-2021: 24.4%\n- 2021-2022: 25.3%\n"
        "- January 2023: 24.9%\nEast of England:\n- 2020-2021: 25.5%\n- 2021-2022: 25.5%\n",
        [(24.4, "%", "regional", 25.5, None, "2020-21"), (25.3, "%", "regional", 25.5, None, "2021-22")],
    ),
    (
        "Carers who received a direct payment\nKent:\n• 2022/23 – 71.0%\n• 2023/24 – 74.2%\n"
        "England average:\n• 2022/23 – 76.9%\n• 2023/24 – 77.1%\nCIPFA:\n• 2023/24 – 79.0%\n",
        [
            (71.0, "%", "England", 76.9, None, "2022-23"),
            (74.2, "%", "England", 77.1, None, "2023-24"),
            (74.2, "%", "CIPFA", 79.0, None, "2023-24"),
        ],
    ),
    # two places, no benchmark: nothing to compare
    ("Requests\nLeeds:\n- 2022-23: 1,200\nYork:\n- 2022-23: 900\n", []),
    # a benchmark first: the place's list is not where it should be
    ("Rate\nEngland:\n- 2022-23: 12%\nLeeds:\n- 2022-23: 10%\n", []),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_LISTS, ids=[t[:30] for t, _ in YEAR_LISTS])
def test_year_lists_give_one_comparison_per_year(text: str, expected: list[Row]) -> None:
    assert _rows(year_lists.comparisons(document_from_bytes(text.encode(), "-"))) == expected


def test_year_list_quotes_both_lists_and_names_the_measure() -> None:
    doc = document_from_bytes(YEAR_LISTS[0][0].encode(), "-")
    first = year_lists.comparisons(doc)[0]
    assert first.quote.startswith("Norfolk:\n- 2020-2021: 24.4%") and first.quote.endswith("2021-2022: 25.5%")
    assert first.metric == "Proportion of people receiving a direct payment"


def test_norfolk_benchmarking_page() -> None:
    report = extract(REAL / "norfolk-benchmarking-ascof-2021-22.txt")
    assert report.kind == "performance_report"
    assert _rows(list(report.comparisons)) == [
        (24.4, "%", "regional", 25.5, None, "2020-21"),
        (25.3, "%", "regional", 25.5, None, "2021-22"),
        (94.9, "%", "regional", 71.2, None, "2020-21"),
        (53.8, "%", "regional", 77.6, None, "2021-22"),
    ]


def test_a_minute_that_repeats_a_bullet_gives_one_fact() -> None:
    report = extract(REAL / "bathnes-hwb-jsna-presentation-minutes.txt")
    assert report.kind == "dashboard"
    [fact] = report.comparisons
    assert (fact.value, fact.comparator, fact.comparator_value) == (84, "national", 75)
    assert fact.metric == "residents satisfied with area as a place to live"
    assert fact.quote.startswith("o 84% of residents")


MINUTES = [
    # Word's "o" sub-bullets are items of their own, the sentence before stays out of the measure
    (
        "Overall outcomes remain good.\n\no  84% of residents satisfied with the area compared to 75% nationally.\n"
        "\no  60% of carers were satisfied, higher than the England average of 55%.\n",
        [(84, "%", "national", 75, None, None), (60, "%", "England", 55, "higher", None)],
    ),
    # a performance paper: the benchmark is a comparison, the target is the indicator readers' business
    (
        "Performance Report Q2. Key performance indicators and targets.\n"
        "Barnet remains a high performer at 38.8% with benchmarking data showing a comparator group average "
        "of 29.5% and a London average of 27.6%.\nThe number of assessments was 390 against a target of 418.\n",
        [(38.8, "%", "comparator group", 29.5, None, None), (38.8, "%", "London", 27.6, None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MINUTES, ids=["sub-bullets", "benchmark-not-target"])
def test_minutes_and_papers(text: str, expected: list[Row]) -> None:
    doc = document_from_bytes(text.encode(), "-")
    assert _rows(benchmarks.read(doc)) == expected


def test_performance_paper_keeps_targets_for_its_own_readers() -> None:
    text = MINUTES[1][0]
    report = extract_text(text, kind="performance_report")
    assert {(c.comparator, c.comparator_value) for c in report.comparisons} >= {
        ("comparator group", 29.5),
        ("London", 27.6),
    }
    assert [c for c in benchmarks.read(document_from_bytes(text.encode(), "-")) if c.comparator == "target"] == []


def test_word_sub_bullets_are_items_of_their_own() -> None:
    doc = document_from_bytes(b"Outcomes remain good.\n\no  Life expectancy is 80.8.\n\no  84% are satisfied.\n", "-")
    assert doc.pages[0].text.splitlines() == [
        "Outcomes remain good.",
        "o Life expectancy is 80.8.",
        "o 84% are satisfied.",
    ]
