"""Comparisons and waits council papers state in few words, read in any document (sentences
written here; each form is a general way of writing a benchmark, not one paper's words)."""

from __future__ import annotations

import pytest

from lacompare.extractors.prose import benchmarks
from lacompare.model import Comparison, Wait
from lacompare.parsers.cqc import waits
from tests.parser_helpers import quote_problems, text_doc

Pair = tuple[float, str, float]  # value, comparator, comparator value

PAIRS: list[tuple[str, list[Pair]]] = [
    ("Carers satisfied with support: 41.2% (England: 36.3%).", [(41.2, "England", 36.3)]),
    ("Admissions (aged 65+) were 512 (national average 560.8) in 2023.", [(512, "national", 560.8)]),
    ("Reviews completed on time 78% (regional average 74%)", [(78, "regional", 74)]),
    (
        "The proportion of carers satisfied with support was 36.9% (national average 36.3%, regional 38.1%).",
        [(36.9, "national", 36.3), (36.9, "regional", 38.1)],
    ),
    ("Delayed discharges were 3 vs 5.1 per 100,000 nationally.", [(3, "national", 5.1)]),
    ("Against England, our re-referral rate is 14.2% versus 17.6%.", [(14.2, "England", 17.6)]),
    (
        "Direct payments: Barnshire 27.3%, England 26.2%, region 28.1%.",
        [(27.3, "England", 26.2), (27.3, "regional", 28.1)],
    ),
    ("Social contact: Westmarsh 44.1%; national 44.4%", [(44.1, "national", 44.4)]),
    (
        "The proportion of people who use services who feel safe was 71.2 per cent. "
        "The equivalent national figure was 69 per cent.",
        [(71.2, "national", 69)],
    ),
    ("Carers in receipt of a direct payment were 78.5%. The England average is 76.8%.", [(78.5, "England", 76.8)]),
    ("Our reablement rate was 84.1%. Nationally, the figure was 82.3%.", [(84.1, "national", 82.3)]),
    (
        "Healthy life expectancy gaps were 11.8 for males and 11.5 for females "
        "(12.8 and 12.6 respectively for England).",
        [(11.8, "England", 12.8), (11.5, "England", 12.6)],
    ),
    # a few words between the value and its bracketed benchmarks: what the value counts
    (
        "Direct payments are used by 31.2% of service users (England 26.2%, North West 27.9%).",
        [(31.2, "England", 26.2), (31.2, "regional", 27.9)],
    ),
    ("Reablement kept 84.1% of older people at home (national average 82.3%).", [(84.1, "national", 82.3)]),
    # a further benchmark named before its bracketed figure, joined to the first
    (
        "Our figure of 61.7% was higher than both the North West average (59.8%) and England (58.4%).",
        [(61.7, "regional", 59.8), (61.7, "England", 58.4)],
    ),
    (
        "Satisfaction (63.2%) is above the comparator group average (62.0%) and the England average (61.4%).",
        [(63.2, "comparator group", 62.0), (63.2, "England", 61.4)],
    ),
]

NO_PAIRS = [
    "Reviews completed 412 times across 12 teams (ward 4).",  # brackets naming no benchmark
    "Our 2023 plan (England-wide) set out 4 priorities.",
    "Page 3 (England: 2023) shows the trend.",  # a year is no benchmark figure
    "The council scored 64 vs a target of 70.",  # a target is no benchmark
    "England 26.2%, region 28.1%.",  # no value of the council's own
    "There were 412 referrals in Q1 and 388 in Q2 (ward 4).",
    "Our rate was 84.1%. Members asked about 2 further actions.",  # the second sentence names no benchmark
]


def _pairs(text: str) -> list[Pair]:
    return [
        (c.value, c.comparator, c.comparator_value)
        for c in benchmarks.read(text_doc(text))
        if isinstance(c, Comparison)
    ]


@pytest.mark.parametrize(("text", "expected"), PAIRS, ids=[t[:50] for t, _ in PAIRS])
def test_a_short_form_states_its_comparison(text: str, expected: list[Pair]) -> None:
    assert _pairs(text) == expected
    doc = text_doc(text)
    assert quote_problems(doc, benchmarks.read(doc)) == []


@pytest.mark.parametrize("text", NO_PAIRS, ids=[t[:50] for t in NO_PAIRS])
def test_figures_that_are_no_benchmark_give_no_comparison(text: str) -> None:
    assert _pairs(text) == []


def test_a_pair_the_sentence_grammar_reads_is_given_once() -> None:
    text = "Our satisfaction score was 64.1% (England: 61.4%), above the England average."
    assert _pairs(text) == [(64.1, "England", 61.4)]


WAITS: list[tuple[str, tuple[str, int | None, float | None, str]]] = [
    ("There are 412 people waiting for a Care Act assessment.", ("care_act_assessment", 412, None, "days")),
    ("The council had a waiting list of 1,046 people in March 2024.", ("unspecified", 1046, None, "days")),
    ("There were 230 cases waiting allocation at the end of Q2.", ("unspecified", 230, None, "days")),
    ("The average wait for an OT assessment is 9 weeks.", ("ot_assessment", None, 9, "weeks")),
]


@pytest.mark.parametrize(("text", "expected"), WAITS, ids=[t[:50] for t, _ in WAITS])
def test_a_wait_with_or_without_its_service(text: str, expected: tuple[str, int | None, float | None, str]) -> None:
    [wait] = [w for w in waits.parse(text_doc(text)) if isinstance(w, Wait)]
    assert (wait.service, wait.people, wait.average, wait.duration_unit) == expected
    if wait.service == "unspecified":
        assert wait.flag == "the text names no service"
