"""A council's picture: which of its documents speak for it in diff, rank and table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lacompare.compare import Side, choose, rank
from lacompare.library.pictures import Holding, picture
from lacompare.library.values import LOWER, Value


def doc(n: int, kind: str = "cqc_assessment", published: str | None = None, facts: int = 1) -> Holding:
    return Holding(n, "E09000003", f"sha{n}", f"doc{n}.txt", kind, published, facts, f"2026-01-0{n % 9 + 1}")


def chosen(holdings: list[Holding], **options: object) -> list[int]:
    return [h.document_id for h in picture("E09000003", holdings, **options).documents]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("holdings", "as_of", "expected"),
    [
        # the pages of one assessment: the report (most facts) first, undated theme pages with it
        ([doc(1, published="2025-01-10", facts=50), doc(2), doc(3, facts=9)], None, [1, 3, 2]),
        # two assessments: the newest speaks, the undated pages join it
        ([doc(1, published="2023-05-01"), doc(2, published="2025-01-10"), doc(3)], None, [2, 3]),
        # as of a date between them: the older one alone, the undated pages cannot be placed
        ([doc(1, published="2023-05-01"), doc(2, published="2025-01-10"), doc(3)], "2024-01-01", [1]),
        # as of a date after the newest: it is kept whole, undated pages too
        ([doc(1, published="2023-05-01"), doc(2, published="2025-01-10"), doc(3)], "2025-06-01", [2, 3]),
        # only undated pages: they are the assessment, unless a date is asked for
        ([doc(1), doc(2, facts=5)], None, [2, 1]),
        ([doc(1), doc(2, facts=5)], "2025-06-01", []),
    ],
)
def test_one_assessment_speaks_for_a_council(holdings: list[Holding], as_of: str | None, expected: list[int]) -> None:
    assert chosen(holdings, as_of=as_of) == expected


def test_the_newest_document_of_each_other_kind_joins_the_assessment() -> None:
    holdings = [
        doc(1, published="2025-01-10"),
        doc(2, "performance_report", "2016-10-01"),
        doc(3, "performance_report", "2017-01-01"),
        doc(4, "news"),
        doc(5, "dashboard"),
        doc(6, "unknown"),
    ]
    assert chosen(holdings) == [1, 4, 3, 5, 6]
    assert chosen(holdings, kinds=["performance_report"]) == [3]


def test_as_of_says_how_many_undated_documents_it_left_out() -> None:
    holdings = [doc(1, published="2023-05-01"), doc(2, published="2025-01-10"), doc(3, "news"), doc(4)]
    found = picture("E09000003", holdings, as_of="2024-01-01")
    assert [h.document_id for h in found.documents] == [1]
    assert found.notes == ("2 undated document(s) left out: they cannot be placed on or before 2024-01-01",)


def value(v: float | str, sha: str = "a", page: int = 1, comparator: str | None = None) -> Value:
    return Value("wait.x.people", "x", "x", "wait", v, "people", comparator=comparator, page=page, sha256=sha,
                 document=f"{sha}.txt", polarity=LOWER)  # fmt: skip


@pytest.mark.parametrize(
    ("values", "shown", "notes"),
    [
        ([value(5)], 5, []),
        ([value(5), value(5, "b")], 5, []),  # two documents agreeing: nothing to say
        ([value(5), value(7, "b", page=3)], 5, ["documents disagree: b.txt p. 3 states 7"]),
        ([value(5), value(6, comparator="England")], 6, ["also states 5"]),  # the one set against England
        # a stated period is newer than an undated document's figure; another period is no disagreement
        ([value(5), replace(value(7, "b"), year="2015-16")], 7, ["other periods: 5 (period not stated)"]),
    ],
)
def test_a_councils_value_and_what_else_its_documents_state(
    values: list[Value], shown: float, notes: list[str]
) -> None:
    chosen_value, said = choose(values)
    assert chosen_value is not None and chosen_value.value == shown
    assert said == notes


def test_rank_orders_by_polarity_and_turns_round_with_worst() -> None:
    sides = [Side(name, (value(v, name),)) for name, v in (("A", 30), ("B", 10), ("C", 20), ("D", 10))]
    assert [(r.position, r.name) for r in rank(sides, "wait.x.people")] == [(1, "B"), (1, "D"), (3, "C"), (4, "A")]
    assert [r.name for r in rank(sides, "wait.x.people", worst=True)] == ["A", "C", "B", "D"]
    assert [r.name for r in rank(sides, "wait.x.people", limit=1)] == ["B", "D"]
