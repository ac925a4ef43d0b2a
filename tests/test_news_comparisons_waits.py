"""Comparisons and waits as news stories, press releases and minutes write them.

Every sentence was written for the test, in the grammar of such texts; each is read through the whole
pipeline (``lacompare.extract_text``).
"""

from __future__ import annotations

import pytest

import lacompare
from lacompare.model import Comparison, Wait

COMPARISONS = [
    # over two sentences: the benchmark in the next one
    (
        "In Kent, the proportion of people who use services who feel safe was 71.2 per cent. "
        "The equivalent national figure was 69 per cent.",
        (71.2, "national", 69, None),
    ),
    # "3 vs 5.1"
    (
        "Kent’s rate of permanent admissions to care homes for older people was 3 vs 5.1 for England.",
        (3, "England", 5.1, None),
    ),  # fmt: skip
    # a peer comparison: the comparator is named as the text names it
    (
        "The proportion of carers who were satisfied was 38%, compared with 64% in a neighbouring county.",
        (38, "neighbouring area", 64, None),
    ),  # fmt: skip
    ("Kent’s figure was 58%, compared with 64% in neighbouring authorities.", (58, "neighbouring area", 64, None)),
    # CQC's statistical wording states the relation
    (
        "The proportion of people who feel they have control over their daily life was 79.5%, tending towards "
        "a positive variation from the England average (61.40%).",
        (79.5, "England", 61.4, "higher"),  # better, and more control is better
    ),
    (
        "Only 40.2% of carers were satisfied with social services, a negative variation from the England "
        "average of 45.1%.",
        (40.2, "England", 45.1, "lower"),
    ),
    (
        "The rate was 12.1, showing no significant variation from the England average (12.4).",
        (12.1, "England", 12.4, "comparable"),
    ),  # fmt: skip
    (
        "The proportion of carers who are satisfied with social services was 55%, which compares with 61% in England.",
        (55, "England", 61, None),
    ),
    (
        "The proportion of people who use services who feel safe was 71.2 per cent in Kent, against 69 per cent "
        "for England as a whole.",
        (71.2, "England", 69, None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPARISONS)
def test_comparisons_in_news_prose(text: str, expected: tuple[object, str, object, str | None]) -> None:
    found = [(c.value, c.comparator, c.comparator_value, c.relation) for c in lacompare.extract_text(text).comparisons]
    assert found == [expected]


PEERS = [
    ("The CQC said 58% of carers in Kent were satisfied, compared with 66% in Surrey.", (58, "Surrey", 66)),
    ("Kent’s rate was 58%, which compares with Surrey County Council’s 66%.", (58, "Surrey", 66)),
    (
        "The proportion of carers satisfied was 38%, compared with 64% for neighbouring Surrey County Council.",
        (38, "Surrey", 64),
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "expected"), PEERS)
def test_a_peer_council_named_as_the_benchmark_is_the_comparator(
    text: str, expected: tuple[object, str, object]
) -> None:
    found = [(c.value, c.comparator, c.comparator_value) for c in lacompare.extract_text(text).comparisons]
    assert found == [expected]


def test_words_that_only_begin_with_a_councils_name_are_no_peer() -> None:
    assert lacompare.extract_text("The share was 38%, compared with 64% in Reading Room data.").comparisons == []


WAITS = [
    # waiting allocation to a worker names no service: kept as unnamed (and flagged)
    (
        "Kent County Council said 1,200 cases were waiting allocation to a social worker in March.",
        ("unspecified", 1200, None),
    ),
    ("Currently 87 cases are awaiting allocation, with the longest wait at 12 weeks.", ("unspecified", 87, 12)),
    ("There were 450 people on the waiting list for a Care Act assessment.", ("care_act_assessment", 450, None)),
    # nothing waiting, in words, is 0
    ("No one was waiting for an occupational therapy assessment, the council said.", ("ot_assessment", 0, None)),
    ("Nobody is on the waiting list for a Care Act assessment.", ("care_act_assessment", 0, None)),
    ("There are zero people waiting for a financial assessment.", ("financial_assessment", 0, None)),
    ("The number of people waiting for a review fell to zero in March.", ("care_review", 0, None)),
    ("The council reported zero waits for DoLS assessments.", ("dols", 0, None)),
]


@pytest.mark.parametrize(("text", "expected"), WAITS)
def test_waits_in_news_and_minutes(text: str, expected: tuple[str, int, int | None]) -> None:
    waits = [f for f in lacompare.extract_text(text).facts if isinstance(f, Wait)]
    assert [(w.service, w.people, w.maximum) for w in waits] == [expected]


def test_no_one_waiting_longer_than_a_time_is_a_bound_not_an_empty_list() -> None:
    # "No one was waiting more than 28 days": nobody over 28 days, not nobody at all.
    waits = lacompare.extract_text("No one was waiting more than 28 days for a review.").facts
    assert [w for w in waits if isinstance(w, Wait) and w.people == 0] == []


def test_comparisons_keep_the_quote_rule() -> None:
    for text, _ in COMPARISONS:
        assert all(not c.flag for c in lacompare.extract_text(text).facts if isinstance(c, Comparison))


def test_a_news_storys_comparison_belongs_to_the_council_named_before_its_value() -> None:
    text = (
        "Kent County Council rated good by CQC\n\nKent County Council has been rated good by the CQC. In "
        "neighbouring Surrey County Council, 71% of people felt safe, compared with the England average of 69%. "
        "In Kent, 58% of carers were satisfied, compared with 64% in neighbouring authorities."
    )
    found = [(c.local_authority, c.value) for c in lacompare.extract_text(text).comparisons]
    assert found == [("Surrey County Council", 71), (None, 58)]


def test_a_news_storys_wait_belongs_to_the_council_named_before_its_figure() -> None:
    text = (
        "Kent County Council rated good by CQC\n\nKent County Council has been rated good by the CQC. "
        "In Surrey County Council, 1,200 people were waiting for a Care Act assessment. "
        "In Kent, 312 people were waiting for a Care Act assessment."
    )
    found = [(w.local_authority, w.people) for w in lacompare.extract_text(text).facts if isinstance(w, Wait)]
    assert found == [("Surrey County Council", 1200), (None, 312)]
