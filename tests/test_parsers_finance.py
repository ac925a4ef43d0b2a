"""CQC "Financial facts": budgets, spend, adult social care's share, the precept, people supported."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.model import Finance, Number
from lacompare.parsers.cqc import finance

from .conftest import (
    ALL_FIXTURES,
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    BARNET_MD,
    CAMDEN_CHROMIUM,
    CAMDEN_TXT,
    DASHBOARD_TXT,
    PERF_PDF,
    PERF_TXT,
    QS_CHROMIUM,
    QS_TXT,
)
from .parser_helpers import fixture, quote_problems, text_doc

Row = tuple[str, Number, str | None, str | None, str | None]


def rows(found: list[Finance]) -> list[Row]:
    return [(f.field_id, f.value, f.unit, f.year, f.flag) for f in found]


def finance_of(*pages: str) -> list[Row]:
    doc = text_doc(*pages)
    found = finance.parse(doc)
    assert quote_problems(doc, found) == []
    return rows(found)  # type: ignore[arg-type]


BARNET_FINANCE: list[Row] = [
    ("total_budget_estimated", 553918000, "£", "2022/23", None),
    ("total_spend_actual", 641203000, "£", "2022/23", None),
    ("asc_budget_estimated", 141820000, "£", "2022/23", None),
    ("asc_spend_actual", 146407000, "£", "2022/23", None),
    ("asc_share_of_budget_pct", 23, "%", "2022/23", None),
    ("asc_precept_pct", 2, "%", "2023/24", None),
    ("people_long_term_support", 5445, "people", "2022/23", None),
    ("people_short_term_support", 2205, "people", "2022/23", None),
]

CAMDEN_FINANCE: list[Row] = [
    ("total_budget_estimated", 589322000, "£", "2023/24", None),
    ("total_spend_actual", 608572000, "£", "2023/24", None),
    ("asc_budget_estimated", 122330000, "£", "2023/24", None),
    # "Its actual spend was £113,990,000, which is £8,340,000 less than estimated."
    ("asc_spend_actual", 113990000, "£", "2023/24", None),
    ("asc_share_of_budget_pct", 18.73, "%", "2023/24", None),
    ("asc_precept_pct", 2, "%", "2023/24", None),
    ("people_long_term_support", 1425, "people", "2023/24", None),
    ("people_short_term_support", 3420, "people", "2023/24", None),
]


@pytest.mark.parametrize("path", (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE), ids=lambda p: p.name)
def test_barnet_financial_facts(path: Path) -> None:
    found = finance.parse(fixture(path))
    assert rows(found) == BARNET_FINANCE  # type: ignore[arg-type]
    assert {f.page for f in found} == {1}


@pytest.mark.parametrize("path", (CAMDEN_TXT, CAMDEN_CHROMIUM), ids=lambda p: p.name)
def test_camden_financial_facts(path: Path) -> None:
    assert rows(finance.parse(fixture(path))) == CAMDEN_FINANCE  # type: ignore[arg-type]


@pytest.mark.parametrize("path", (QS_TXT, QS_CHROMIUM, PERF_TXT, PERF_PDF, DASHBOARD_TXT), ids=lambda p: p.name)
def test_documents_without_financial_facts_give_none(path: Path) -> None:
    assert finance.parse(fixture(path)) == []


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_financial_fact_keeps_the_quote_rule(path: Path) -> None:
    doc = fixture(path)
    assert quote_problems(doc, finance.parse(doc)) == []


def test_an_actual_spend_is_quoted_with_its_estimate() -> None:
    actual = finance.parse(fixture(BARNET_CHROMIUM))[1]
    assert actual.quote == (
        "The local authority estimated that in 2022/23, its total budget would be £553,918,000. "
        "Its actual spend for that year was £641,203,000, which was £87,285,000 more than estimated."
    )


def test_finance_rows_carry_the_year() -> None:
    share = finance.parse(fixture(BARNET_MD))[4]
    [measure] = share.measures()
    assert (measure.metric_id, measure.value, measure.unit, measure.year) == (
        "finance.asc_share_of_budget_pct",
        23,
        "%",
        "2022/23",
    )


WORDINGS: list[tuple[str, list[Row]]] = [
    (
        "The local authority estimated that in 2024/25, its total budget would be £300,000,000.",
        [("total_budget_estimated", 300000000, "£", "2024/25", None)],
    ),
    (
        "The local authority estimated that it would spend £90,500,000 of its total budget on adult social care in "
        "2023-24. Its actual spend for that year was £95,000,000, which was £4,500,000 more than estimated.",
        [
            ("asc_budget_estimated", 90500000, "£", "2023/24", None),
            ("asc_spend_actual", 95000000, "£", "2023/24", None),
        ],
    ),
    (
        "The local authority estimated that it would spend £122,330,000 of its total budget on adult social care in "
        "2023/24 Its actual spend was £113,990,000, which is £8,340,000 less than estimated.",
        [
            ("asc_budget_estimated", 122330000, "£", "2023/24", None),
            ("asc_spend_actual", 113990000, "£", "2023/24", None),
        ],
    ),
    (
        "In 2023/2024, 18.73% of the budget was spent on adult social care.",
        [("asc_share_of_budget_pct", 18.73, "%", "2023/24", None)],
    ),
    (
        "The local authority has raised the full adult social care precept for 2023/24, with a value of 2%.",
        [("asc_precept_pct", 2, "%", "2023/24", None)],
    ),
    (
        "The local authority raised an ASC precept of 1.5% for 2024/25.",
        [("asc_precept_pct", 1.5, "%", "2024/25", None)],
    ),
    (
        "Approximately 5445 people were accessing long-term adult social care support, and approximately 2205 "
        "people were accessing short-term adult social care support in 2022/23.",
        [
            ("people_long_term_support", 5445, "people", "2022/23", None),
            ("people_short_term_support", 2205, "people", "2022/23", None),
        ],
    ),
    (
        "Around 3,120 people were receiving long term adult social care support in 2023 to 2024.",
        [("people_long_term_support", 3120, "people", "2023/24", None)],
    ),
    # Not financial facts: sums in millions, spend with no estimate before it, budgets of other services.
    ("The local authority invested £15 million to long-term plans, to develop 227 Extra Care units.", []),
    ("Its actual spend for that year was £641,203,000.", []),
    ("Carers budgets of between £200 and £1000 were used to support carers breaks.", []),
]


@pytest.mark.parametrize(("text", "expected"), WORDINGS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_financial_fact_wordings(text: str, expected: list[Row]) -> None:
    assert finance_of(text) == expected


def test_an_actual_spend_whose_stated_difference_does_not_add_up_is_flagged() -> None:
    text = (
        "The local authority estimated that in 2022/23, its total budget would be £100,000. "
        "Its actual spend for that year was £120,000, which was £10,000 more than estimated."
    )
    assert finance_of(text)[1] == (
        "total_spend_actual",
        120000,
        "£",
        "2022/23",
        "text says 10,000 more than estimated, but the figures differ by 20,000",
    )
