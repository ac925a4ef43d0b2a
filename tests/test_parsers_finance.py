"""CQC "Financial facts": budgets, spend, adult social care's share, the precept, people supported and the
population, in sentences or as labels and values; sums of money in council budget papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.extractors.prose import budget as budget_prose
from lacompare.model import Finance, Number
from lacompare.parsers.cqc import finance
from lacompare.vocab.patterns import MONEY_RE, parse_money

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


def field(found: list[Finance], field_id: str) -> Finance:
    return next(f for f in found if f.field_id == field_id)


BARNET_FINANCE: list[Row] = [
    ("total_budget_estimated", 553918000, "£", "2022-23", None),
    ("total_spend_actual", 641203000, "£", "2022-23", None),
    ("asc_budget_estimated", 141820000, "£", "2022-23", None),
    ("asc_spend_actual", 146407000, "£", "2022-23", None),
    ("asc_share_of_budget_pct", 23, "%", "2022-23", None),
    ("asc_precept_pct", 2, "%", "2023-24", None),
    ("people_long_term_support", 5445, "people", "2022-23", None),
    ("people_short_term_support", 2205, "people", "2022-23", None),
]

CAMDEN_FINANCE: list[Row] = [
    ("total_budget_estimated", 589322000, "£", "2023-24", None),
    ("total_spend_actual", 608572000, "£", "2023-24", None),
    ("asc_budget_estimated", 122330000, "£", "2023-24", None),
    # "Its actual spend was £113,990,000, which is £8,340,000 less than estimated."
    ("asc_spend_actual", 113990000, "£", "2023-24", None),
    ("asc_share_of_budget_pct", 18.73, "%", "2023-24", None),
    ("asc_precept_pct", 2, "%", "2023-24", None),
    ("people_long_term_support", 1425, "people", "2023-24", None),
    ("people_short_term_support", 3420, "people", "2023-24", None),
]


# "… is home to approximately 389,000 residents … (Census 2021)", "… with a population of 210,100."
BARNET_POPULATION: Row = ("population", 389000, "people", "2021", None)
CAMDEN_POPULATION: Row = ("population", 210100, "people", None, None)


@pytest.mark.parametrize("path", (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE), ids=lambda p: p.name)
def test_barnet_financial_facts(path: Path) -> None:
    found = finance.parse(fixture(path))
    assert rows(found) == [BARNET_POPULATION, *BARNET_FINANCE]  # type: ignore[arg-type]
    assert {f.page for f in found} == {1}


@pytest.mark.parametrize("path", (CAMDEN_TXT, CAMDEN_CHROMIUM), ids=lambda p: p.name)
def test_camden_financial_facts(path: Path) -> None:
    assert rows(finance.parse(fixture(path))) == [CAMDEN_POPULATION, *CAMDEN_FINANCE]  # type: ignore[arg-type]


@pytest.mark.parametrize("path", (QS_TXT, QS_CHROMIUM, PERF_TXT, PERF_PDF), ids=lambda p: p.name)
def test_documents_without_financial_facts_give_none(path: Path) -> None:
    assert finance.parse(fixture(path)) == []


def test_a_dashboard_gives_only_its_population() -> None:
    # "Barnet has a population of about 395,000 in 2023, …"; its spend per 100,000 people is no budget
    assert rows(finance.parse(fixture(DASHBOARD_TXT))) == [("population", 395000, "people", "2023", None)]  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_financial_fact_keeps_the_quote_rule(path: Path) -> None:
    doc = fixture(path)
    assert quote_problems(doc, finance.parse(doc)) == []


def test_an_actual_spend_is_quoted_with_its_estimate() -> None:
    actual = field(finance.parse(fixture(BARNET_CHROMIUM)), "total_spend_actual")  # type: ignore[arg-type]
    assert actual.quote == (
        "The local authority estimated that in 2022/23, its total budget would be £553,918,000. "
        "Its actual spend for that year was £641,203,000, which was £87,285,000 more than estimated."
    )


def test_finance_rows_carry_the_year() -> None:
    share = field(finance.parse(fixture(BARNET_MD)), "asc_share_of_budget_pct")  # type: ignore[arg-type]
    [measure] = share.measures()
    assert (measure.metric_id, measure.value, measure.unit, measure.year) == (
        "finance.asc_share_of_budget_pct",
        23,
        "%",
        "2022-23",
    )


WORDINGS: list[tuple[str, list[Row]]] = [
    (
        "The local authority estimated that in 2024/25, its total budget would be £300,000,000.",
        [("total_budget_estimated", 300000000, "£", "2024-25", None)],
    ),
    (
        "The local authority estimated that it would spend £90,500,000 of its total budget on adult social care in "
        "2023-24. Its actual spend for that year was £95,000,000, which was £4,500,000 more than estimated.",
        [
            ("asc_budget_estimated", 90500000, "£", "2023-24", None),
            ("asc_spend_actual", 95000000, "£", "2023-24", None),
        ],
    ),
    (
        "The local authority estimated that it would spend £122,330,000 of its total budget on adult social care in "
        "2023/24 Its actual spend was £113,990,000, which is £8,340,000 less than estimated.",
        [
            ("asc_budget_estimated", 122330000, "£", "2023-24", None),
            ("asc_spend_actual", 113990000, "£", "2023-24", None),
        ],
    ),
    (
        "In 2023/2024, 18.73% of the budget was spent on adult social care.",
        [("asc_share_of_budget_pct", 18.73, "%", "2023-24", None)],
    ),
    (
        "The local authority has raised the full adult social care precept for 2023/24, with a value of 2%.",
        [("asc_precept_pct", 2, "%", "2023-24", None)],
    ),
    (
        "The local authority raised an ASC precept of 1.5% for 2024/25.",
        [("asc_precept_pct", 1.5, "%", "2024-25", None)],
    ),
    (
        "Approximately 5445 people were accessing long-term adult social care support, and approximately 2205 "
        "people were accessing short-term adult social care support in 2022/23.",
        [
            ("people_long_term_support", 5445, "people", "2022-23", None),
            ("people_short_term_support", 2205, "people", "2022-23", None),
        ],
    ),
    (
        "Around 3,120 people were receiving long term adult social care support in 2023 to 2024.",
        [("people_long_term_support", 3120, "people", "2023-24", None)],
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
        "2022-23",
        "text says 10,000 more than estimated, but the figures differ by 20,000",
    )


MORE_WORDINGS: list[tuple[str, list[Row]]] = [
    # the estimate without its year, the year written in full, a sum in millions
    (
        "The local authority estimated its total budget would be £587,252,000",
        [("total_budget_estimated", 587252000, "£", None, None)],
    ),
    (
        "The local authority estimated in 2023-2024, its total budget would be £200,500,000.",
        [("total_budget_estimated", 200500000, "£", "2023-24", None)],
    ),
    (
        "The local authority estimated that in 2024/25, its total budget would be £553.9m. Its actual spend for "
        "that year was £561.2 million, which was £7.3m more than estimated.",
        [
            ("total_budget_estimated", 553900000, "£", "2024-25", None),
            ("total_spend_actual", 561200000, "£", "2024-25", None),
        ],
    ),
    (
        "The local authority estimated that its adult social care budget would be £141,820,000 for 2022/23.",
        [("asc_budget_estimated", 141820000, "£", "2022-23", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE_WORDINGS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_more_financial_fact_wordings(text: str, expected: list[Row]) -> None:
    assert finance_of(text) == expected


POPULATIONS: list[tuple[str, list[Row]]] = [
    ("Hillingdon has a population of 310,681.", [("population", 310681, "people", None, None)]),
    ("The population of 162,000 is largely rural.", [("population", 162000, "people", None, None)]),
    (
        "KCC has a total population of approximately 1.61 million people.",
        [("population", 1610000, "people", None, None)],
    ),
    ("St Helens is home to 185,982 people.", [("population", 185982, "people", None, None)]),
    ("Approximately 334,000 people live in the borough.", [("population", 334000, "people", None, None)]),
    (
        "In 2020, the population of B&NES was estimated to be 196,953.",
        [("population", 196953, "people", "2020", None)],
    ),
    (
        "It is home to over 898,000 residents who live across the county's eight districts.",
        [("population", 898000, "people", None, "a bound, not an exact figure: over 898,000")],
    ),
    (
        "B&NES currently has a population of approximately 196.000.",
        [("population", 196000, "people", None, "'196.000' read as 196,000 (a dot as the thousands mark)")],
    ),
    # projections, another body's population, a group within it
    ("The population of Nottingham is projected to have increased to 344,300 by 2027.", []),
    ("Adults over 65 are predicted to be 19.48% of the predicted population of 319,870 by 2041.", []),
    ("It is located within the integrated care system which serves a combined population of 582,782.", []),
    ("The area has a population of 2,000 autistic adults.", []),
]


@pytest.mark.parametrize(("text", "expected"), POPULATIONS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_population_wordings(text: str, expected: list[Row]) -> None:
    assert finance_of(text) == expected


def test_a_bound_is_kept_as_a_bound() -> None:
    [fact] = finance.parse(text_doc("It is home to over 898,000 residents."))
    assert (fact.value, fact.bound) == (898000, "over")  # type: ignore[attr-defined]


LAYOUTS: list[tuple[str, list[Row]]] = [
    # each label on its line, its value on the line under it
    (
        "Financial facts\nTotal budget (estimated)\n£553,918,000\nTotal spend (actual)\n£641,203,000\n"
        "Share of budget spent on adult social care\n23%\nAdult social care precept\n2%\nOverall summary\n"
        "The total budget for carers was £5,000,000",
        [
            ("total_budget_estimated", 553918000, "£", None, None),
            ("total_spend_actual", 641203000, "£", None, None),
            ("asc_share_of_budget_pct", 23, "%", None, None),
            ("asc_precept_pct", 2, "%", None, None),
        ],
    ),
    # label and value on one line, with the year in the label or after the value
    (
        "Financial facts\nTotal budget (2022/23): £553.9m\nASC budget share: 23%\nASC precept: 2% (2023/24)\n"
        "Gross spend on adult social care: £212.8 million\nPeople accessing long-term support: 5,445",
        [
            ("total_budget_estimated", 553900000, "£", "2022-23", None),
            ("asc_share_of_budget_pct", 23, "%", None, None),
            ("asc_precept_pct", 2, "%", "2023-24", None),
            ("asc_gross_spend", 212800000, "£", None, None),
            ("people_long_term_support", 5445, "people", None, None),
        ],
    ),
    # a flattened table: a header row, then rows of label, value and year
    (
        "Financial facts\nMeasure Value Year\nTotal budget £553,918,000 2022/23\n"
        "Adult social care spend (actual) £146,407,000 2022/23\nAdult social care precept 2% (2023/24)",
        [
            ("total_budget_estimated", 553918000, "£", "2022-23", None),
            ("asc_spend_actual", 146407000, "£", "2022-23", None),
            ("asc_precept_pct", 2, "%", "2023-24", None),
        ],
    ),
    # the labels in a row and their values in the next, the year heading the block
    (
        "Financial facts 2023/24\nTotal budget Adult social care budget Adult social care precept\n"
        "£589,322,000 £122,330,000 2%",
        [
            ("total_budget_estimated", 589322000, "£", "2023-24", None),
            ("asc_budget_estimated", 122330000, "£", "2023-24", None),
            ("asc_precept_pct", 2, "%", "2023-24", None),
        ],
    ),
    # the labels one under the other, then their values
    (
        "Financial information\nThe financial facts for the council are:\nTotal budget\nASC budget\n£1.2 billion\n"
        "£300m\nThis data is reproduced at the request of the Department of Health and Social Care.",
        [
            ("total_budget_estimated", 1200000000, "£", None, None),
            ("asc_budget_estimated", 300000000, "£", None, None),
        ],
    ),
    # a label whose value is a word gives nothing, and leaves the next row alone
    (
        "Key financial facts\nAdult social care precept Full\nTotal budget £553,918,000",
        [("total_budget_estimated", 553918000, "£", None, None)],
    ),
    # the same labels outside a financial facts block are prose, not a block
    ("Demographics\nThe total budget for carers grew to £5,000,000 in 2023/24.", []),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUTS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_financial_facts_set_out_as_labels_and_values(text: str, expected: list[Row]) -> None:
    assert finance_of(text) == expected


def test_a_block_sentence_is_read_once() -> None:
    text = (
        "Financial facts\nThe local authority estimated that in 2022/23, its total budget would be £553,918,000.\n"
        "Total budget (estimated) 2023/24: £560,000,000"
    )
    assert finance_of(text) == [
        ("total_budget_estimated", 553918000, "£", "2022-23", None),
        ("total_budget_estimated", 560000000, "£", "2023-24", None),
    ]


MONEY: list[tuple[str, Number]] = [
    ("£553,918,000", 553918000),
    ("£212.8m", 212800000),
    ("£71.915M", 71915000),
    ("£1.2 billion", 1200000000),
    ("£2.5bn", 2500000000),
    ("+£26.8m", 26800000),
    ("£750k", 750000),
    ("£15 million", 15000000),
    ("£10 more than estimated", 10),
]


@pytest.mark.parametrize(("text", "pounds"), MONEY, ids=[t for t, _ in MONEY])
def test_sums_of_money_are_read_in_pounds(text: str, pounds: Number) -> None:
    m = MONEY_RE.search(text)
    assert m is not None
    value = parse_money(m)
    assert (value, type(value)) == (pounds, type(pounds))


def test_a_sum_in_millions_keeps_the_quote_rule() -> None:
    doc = text_doc("The council's approved net revenue budget for 24/25 was £212.8m.")
    fact = Finance(1, "approved net revenue budget for 24/25 was £212.8m", "net_budget", "Net budget", 212800000, "£")
    assert quote_problems(doc, [fact]) == []
    wrong = Finance(1, fact.quote, "net_budget", "Net budget", 21280000, "£")
    assert quote_problems(doc, [wrong]) == [("finance", 1, "quote lacks 21280000")]


def prose_of(text: str) -> list[Row]:
    doc = text_doc(text)
    found = budget_prose.parse(doc)
    assert quote_problems(doc, found) == []
    return rows(found)  # type: ignore[arg-type]


BUDGET_PAPERS: list[tuple[str, list[Row]]] = [
    (
        "The council's approved net revenue budget for 24/25 was £212.8m.",
        [("net_budget", 212800000, "£", "2024-25", None)],
    ),
    (
        "It was reported that the forecast for the financial year 2012/13 was an underspend of £182,000 against an "
        "approved net revenue budget of £71.915M.",
        [
            ("forecast_underspend", 182000, "£", "2012-13", None),
            ("net_budget", 71915000, "£", "2012-13", None),
        ],
    ),
    # an outcome wins over the budget it is measured against
    (
        "The quarter 3 revenue outturn position for 24/25 showed a forecast variance from budget of £7m.",
        [("forecast_variance", 7000000, "£", "2024-25", None)],
    ),
    # a change in a measure, named or the one just before
    (
        "The forecast outturn position for 2024-25 had increased by £10.5m compared with the forecast in June.",
        [("forecast_outturn_change", 10500000, "£", "2024-25", None)],
    ),
    (
        "The forecast variance for 2024/25 was £7m, an improvement of £3.2m compared with quarter 2.",
        [
            ("forecast_variance", 7000000, "£", "2024-25", None),
            ("forecast_variance_change", 3200000, "£", "2024-25", None),
        ],
    ),
    # adult social care named before the sum; the measure named after it
    (
        "The largest overspend in 2024/25 was within Adult Social Care & Health (+£32.5m), of which £22.7m related "
        "to savings which could not be delivered in year.",
        [
            ("asc_overspend", 32500000, "£", "2024-25", None),
            ("savings", 22700000, "£", "2024-25", None),
        ],
    ),
    (
        "The remaining £9.8m of the overspend in 2024/25 related to other pressures.",
        [("overspend", 9800000, "£", "2024-25", None)],
    ),
    # a sum the paper expects, a bound
    (
        "Further planned activities would reduce the forecast overspend for 2024/25 to £1.1m by 31 March 2025.",
        [("forecast_overspend", 1100000, "£", "2024-25", "a figure the paper expects, not one it reports")],
    ),
    (
        "Savings of over £2m were delivered in 2023/24.",
        [("savings", 2000000, "£", "2023-24", "a bound, not an exact figure: over £2m")],
    ),
    # the year from a heading above the sentence
    (
        "Q3 2024/25 Budget Report\nCommunity directorate's forecast overspend of £5.7m represented cost pressures.",
        [("forecast_overspend", 5700000, "£", "2024-25", None)],
    ),
    # not sums of a budget: ranges, rates, sums no measure word names
    ("Carers budgets of between £200 and £1000 were used to support carers breaks.", []),
    ("Barnet's gross total expenditure on social care is £47,941.63 per 100,000 people.", []),
    ("The local authority invested £15 million to long-term plans, to develop 227 Extra Care units.", []),
    ("Its actual spend for that year was £641,203,000, which was £87,285,000 more than estimated.", []),
]


@pytest.mark.parametrize(("text", "expected"), BUDGET_PAPERS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_sums_of_money_in_budget_papers(text: str, expected: list[Row]) -> None:
    assert prose_of(text) == expected
