"""A measure printed as a card of "key: value" lines (a table turned on its side), written as a spec.

The cards are written here, in the renderings a council's page or paper gives them: colons or
dashes, bullets, under a title or not, as markdown or plain text; each gives the same row.
"""

from __future__ import annotations

import pytest

from lacompare import extract_text
from lacompare.extractors import tables
from lacompare.model import Comparison, Indicator
from tests.parser_helpers import quote_problems, text_doc

CARD = "Indicator: Number of new Care Act assessments completed\nQ1 2024/25: 512\nQ2 2024/25: 604\nTarget: 550\n"
ROW = ("Number of new Care Act assessments completed", "604", "Q2 2024-25", "512", "Q1 2024-25", "550")

RENDERINGS = {
    "colons": CARD,
    "dashes": "KPI – Number of new Care Act assessments completed\nQ1 2024/25 – 512\nQ2 2024/25 – 604\nTarget – 550\n",
    "bullets": "Indicator: Number of new Care Act assessments completed\n\n- Q1 2024/25: 512\n- Q2 2024/25: 604\n"
    "- Target: 550\n",
    "under a title": "# Adult social care performance report 2024/25\n\n" + CARD,
    "measure and spaces": "Measure:   Number of new Care Act assessments completed\nQ1 2024/25:  512\n"
    "Q2 2024/25:  604\nTarget:  550\n",
}


def row_of(fact: Indicator) -> tuple[str | None, ...]:
    return (fact.description, fact.result, fact.period, fact.previous, fact.previous_period, fact.target)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_one_card_in_every_rendering_gives_one_row(rendering: str, suffix: str) -> None:
    report = extract_text(RENDERINGS[rendering], name=f"card{suffix}")
    found = [f for f in report.facts if isinstance(f, Indicator)]
    assert [row_of(f) for f in found] == [ROW]


@pytest.mark.parametrize("tag", ["p", "li", "div"])
def test_a_card_on_a_web_page_gives_the_same_row(tag: str) -> None:
    lines = "".join(f"<{tag}>{line}</{tag}>" for line in CARD.strip().split("\n"))
    report = extract_text(f"<html><body><h2>Performance</h2>{lines}</body></html>", name="card.html")
    assert [row_of(f) for f in report.facts if isinstance(f, Indicator)] == [ROW]


def test_a_benchmark_key_is_compared_with_the_latest_figure() -> None:
    text = (
        "Measure: Percentage of reviews completed on time\n2022/23: 71.2%\n2023/24: 74.5%\nTarget: 80%\n"
        "England average: 73.0%\n"
    )
    doc = text_doc(text)
    facts = tables.read(doc)
    (row,) = [f for f in facts if isinstance(f, Indicator)]
    assert row_of(row) == ("Percentage of reviews completed on time", "74.5%", "2023-24", "71.2%", "2022-23", "80%")
    (cmp,) = [f for f in facts if isinstance(f, Comparison)]
    assert (cmp.value, cmp.comparator, cmp.comparator_value, cmp.year) == (74.5, "England", 73.0, "2023-24")
    assert quote_problems(doc, facts) == []


def test_cards_one_after_another_are_each_their_own_row() -> None:
    text = (
        "Measure: Percentage of reviews completed on time\n2022/23: 71.2%\n2023/24: 74.5%\n\n"
        "Measure: Number of carers assessed\n2022/23: 1,118\n2023/24: 1,204\nTarget: 1,150\n"
    )
    doc = text_doc(text)
    found = [f for f in tables.read(doc) if isinstance(f, Indicator)]
    assert [(f.description, f.result, f.previous, f.target) for f in found] == [
        ("Percentage of reviews completed on time", "74.5%", "71.2%", None),
        ("Number of carers assessed", "1,204", "1,118", "1,150"),
    ]
    assert quote_problems(doc, found) == []


def test_a_card_ends_at_the_first_line_that_is_no_header_word() -> None:
    text = CARD + "Comment: demand rose by 12% over the quarter\n"
    found = [f for f in tables.read(text_doc(text)) if isinstance(f, Indicator)]
    assert [row_of(f) for f in found] == [ROW]


def test_a_missing_value_is_no_figure() -> None:
    text = CARD.replace("Target: 550", "Target: n/a")
    (row,) = [f for f in tables.read(text_doc(text)) if isinstance(f, Indicator)]
    assert (row.result, row.previous, row.target) == ("604", "512", None)


@pytest.mark.parametrize(
    "text",
    [
        "Measure: this report sets out our plans\nNote: figures are provisional\nAuthor: J Smith\n",
        "Indicator: Number of new Care Act assessments completed\nQ1 2024/25: 512\n",  # one value: no card
        "Title: Adult social care\nDate: 12 March 2025\nVersion: 2\n",
    ],
)
def test_key_value_lines_that_are_no_card_give_no_row(text: str) -> None:
    assert [f for f in tables.read(text_doc(text)) if isinstance(f, Indicator)] == []
