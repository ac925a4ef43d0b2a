"""Sentences of council papers that state a change and a benchmark together, or a rate's benchmark.

Each form is general English of performance reporting, written here in several wordings (none is
taken from a corpus document):

- a change's earlier figure ("… rose to 71.2% from 68.9%") is never the figure set against the
  benchmark that follows it: the value now is;
- a benchmark's figure followed by a rate's base ("560.8 per 100,000 for our statistical
  neighbours") is a benchmark, never the council's previous figure;
- a report's paragraph number ("3.1", "4.2.1") is no part of a measure's name.
"""

from __future__ import annotations

import pytest

from lacompare.model import Comparison, Indicator
from lacompare.pipeline import extract_text


def comparisons(text: str) -> list[tuple[float, str | None, float | None, str | None]]:
    return [
        (float(f.value), f.comparator, None if f.comparator_value is None else float(f.comparator_value), f.relation)
        for f in extract_text(text).facts
        if isinstance(f, Comparison)
    ]


def indicator_rows(text: str) -> list[Indicator]:
    return [f for f in extract_text(text).facts if isinstance(f, Indicator)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The proportion of people who use services who feel safe rose to 71.2% in 2023-24 from 68.9% in "
            "2022-23, above the England average of 69.7%.",
            (71.2, "England", 69.7, "higher"),
        ),
        (
            "Carer-reported quality of life fell to 7.0 from 7.4, below the England average of 7.3.",
            (7.0, "England", 7.3, "lower"),
        ),
        (
            "Satisfaction with care and support increased to 64.1%, up from 61.0% last year, and is now higher "
            "than the national average of 62.3%.",
            (64.1, "national", 62.3, "higher"),
        ),
        (
            "The rate of delayed discharges dropped to 12.5 per 100,000 from 14.1 per 100,000, lower than the "
            "regional average of 13.0 per 100,000.",
            (12.5, "regional", 13.0, "lower"),
        ),
        # the order the other way round: the value now is the nearest figure already
        (
            "Carer-reported quality of life fell from 7.4 to 7.0, below the England average of 7.3.",
            (7.0, "England", 7.3, "lower"),
        ),
    ],
)
def test_a_changes_earlier_figure_is_never_set_against_the_benchmark(
    sentence: str, expected: tuple[float, str, float, str]
) -> None:
    assert comparisons(sentence) == [expected]
    [row] = indicator_rows(sentence)  # the change is still read as the measure's result and previous figure
    assert float(str(row.result).rstrip("%")) == expected[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Permanent admissions of older people to care homes were 512.4 per 100,000 population, compared "
            "with 560.8 per 100,000 for our statistical neighbours and 566.0 nationally.",
            [(512.4, "comparator group", 560.8, None), (512.4, "national", 566.0, None)],
        ),
        (
            "Delayed discharges were 9.1 per 100,000 adults, compared with 11.4 per 100,000 adults in England.",
            [(9.1, "England", 11.4, None)],
        ),
        (
            "Admissions of younger adults were 14.2 per 100,000, against 15.3 per 100,000 for the region.",
            [(14.2, "regional", 15.3, None)],
        ),
    ],
)
def test_a_benchmark_after_a_rates_base_is_a_benchmark_not_a_previous_figure(
    sentence: str, expected: list[tuple[float, str, float, None]]
) -> None:
    assert comparisons(sentence) == expected
    assert all(row.previous is None for row in indicator_rows(sentence))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("3.3 Carer-reported quality of life scored 7.1 (England: 7.3).", "Carer-reported quality of life"),
        ("12.4 Carer-reported quality of life scored 7.1 (England: 7.3).", "Carer-reported quality of life"),
        (
            "4.2.1 The proportion of carers who feel involved rose to 70% from 65% in 2022-23.",
            "proportion of carers who feel involved",
        ),
    ],
)
def test_a_paragraph_number_is_no_part_of_the_measures_name(sentence: str, name: str) -> None:
    facts = extract_text(sentence).facts
    names = [f.metric if isinstance(f, Comparison) else f.description for f in facts]  # type: ignore[attr-defined]
    assert names == [name]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("In 2023-24, 71.2% of people who use services felt safe, above the England average of 69.7%.", "2023-24"),
        ("In 2023/24 the proportion of people who feel safe was 71.2%, above the England average of 69.7%.", "2023-24"),
        ("The proportion of people who feel safe was 71.2% in 2023/24, above the England average of 69.7%.", "2023-24"),
        (
            "The proportion of people who feel safe rose to 71.2% in 2023-24 from 68.9% in 2022-23, above the "
            "England average of 69.7%.",
            "2023-24",
        ),
        ("At the end of March 2024, 287 people were waiting, higher than the regional average of 250.", "March 2024"),
        ("Carer-reported quality of life (2023-24) scored 7.1 (England: 7.3).", "2023-24"),
        ("Carers satisfied with support: 41.2% in 2023-24 (England: 36.3%).", "2023-24"),
        (
            "The proportion of people who feel safe was 71.2 per cent in 2023-24. The equivalent national figure "
            "was 69 per cent.",
            "2023-24",
        ),
        # the only period dates the earlier figure: the value's own period is not stated
        ("The proportion feeling safe was 71.2%, up from 68.9% in 2022-23, above the England average of 69.7%.", None),
        ("The proportion of people who feel safe was 71.2%, above the England average of 69.7%.", None),
    ],
)
def test_a_comparison_carries_the_period_stated_for_its_value(sentence: str, period: str | None) -> None:
    [comparison] = [f for f in extract_text(sentence).facts if isinstance(f, Comparison)]
    assert comparison.year == period


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The proportion of new requests resulting in no further support rose to 38.5% in September 2024 from "
            "35.9% in June 2024, above the comparator group average of 36.2%.",
            "proportion of new requests resulting in no further support",
        ),
        ("Carer-reported quality of life fell from 7.4 to 7.0, below the England average of 7.3.",
         "Carer-reported quality of life"),
        (
            "Permanent admissions of older people to care homes were 512.4 per 100,000 population, compared with "
            "566.0 nationally.",
            "Permanent admissions of older people to care homes",
        ),
        ("Delayed discharges were 9.1 per 100,000 adults, compared with 11.4 per 100,000 adults in England.",
         "Delayed discharges"),
    ],
)  # fmt: skip
def test_a_comparisons_measure_is_named_without_its_change_verb_or_rate_base(sentence: str, name: str) -> None:
    [comparison] = [f for f in extract_text(sentence).facts if isinstance(f, Comparison)]
    assert comparison.metric == name
