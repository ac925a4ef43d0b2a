"""Which figure speaks for a council, and when two councils' figures are compared.

The rule (``lacompare.compare.choice.RULE``): the newest period; a figure with no period stated counts
from its document's publication date; on a tie the most authoritative document. Figures are
compared (difference, ✓) only for one period; copies of a report are one source; "documents
disagree" only for different values of one measure and period.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lacompare.compare import Side, diff, rank, table
from lacompare.compare.choice import choose
from lacompare.library.store import Library
from lacompare.library.values import HIGHER, Value
from lacompare.pipeline import extract_text
from lacompare.vocab.periods import as_of_date, fact_period, parse_period

from .conftest import BARNET_CHROMIUM, BARNET_LIBREOFFICE, BARNET_MD, CAMDEN_TXT

REAL = Path(__file__).parent / "real_documents" / "text"


def stated(
    value: float, year: str | None = None, *, doc: str = "a", source: str | None = None, published: str | None = None,
    metric_id: str = "cmp.people_reviewed", page: int = 1,
) -> Value:  # fmt: skip
    return Value(metric_id, "People reviewed", "people reviewed", "comparison", value, "%", year=year, source=source,
                 polarity=HIGHER, page=page, sha256=doc, document=f"{doc}.pdf", published=published)  # fmt: skip


# -- one comparable period ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "source", "period"),
    [
        ("2023/24", None, "2023-24"),
        ("2023-2024", None, "2023-24"),
        ("2023 to 2024", None, "2023-24"),
        ("23/24", None, "2023-24"),
        ("Q2 2016/17", None, "Q2 2016-17"),
        ("Quarter 2 2016/17", None, "Q2 2016-17"),
        ("October 2024", None, "Oct 2024"),
        ("Sep-24", None, "Sep 2024"),
        ("2024", None, "2024"),  # a calendar year, unless a collection says otherwise
        # CQC names a survey or return by the year it ends in: "2024" is the 2023-24 collection
        ("2024", "ASCS", "2023-24"),
        ("2024", "Survey of Adult Carers in England (SACE) - question 17", "2023-24"),
        ("2023", "ASCOF", "2022-23"),
        ("2024", "Skills for Care", "2023-24"),
        ("2021", "Census", "2021"),  # the census is of a year, not a collection year
    ],
)
def test_a_stated_year_is_one_comparable_period(year: str, source: str | None, period: str) -> None:
    found = fact_period(year, source)
    assert found is not None and found.text == period


def test_a_catalogue_measure_of_a_survey_reads_its_plain_year_as_the_survey_year() -> None:
    # The dashboard names no source, but the measure is the carers' survey's.
    value = stated(30.9, "2024", metric_id="sace.carers_social_contact")
    assert value.period_text == "2023-24"


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("2025-01-31", "2025-01-31"),
        ("31/01/2025", "2025-01-31"),
        ("31 January 2025", "2025-01-31"),
        ("Jan 2025", "2025-01-31"),
        ("January 2025", "2025-01-31"),
        ("2024-25", "2025-03-31"),
        ("2024/25", "2025-03-31"),
        ("Q2 2023/24", "2023-09-30"),
        ("2024", "2024-12-31"),
        ("31/02/2025", None),
        ("next week", None),
    ],
)
def test_as_of_takes_a_day_a_month_or_a_period(typed: str, date: str | None) -> None:
    assert as_of_date(typed) == date


def test_a_period_as_typed_is_the_period_facts_carry() -> None:
    assert [p.text if (p := parse_period(t)) else None for t in ("2023/24", "Q2 2023-24", "Jan 2025", "Q2", "x")] == [
        "2023-24", "Q2 2023-24", "Jan 2025", None, None,
    ]  # fmt: skip


# -- the rule -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "shown", "notes"),
    [
        # a page that gives two years: the newer one, the older noted with its year
        ([stated(53.8, "2020-21"), stated(55.1, "2021-22")], 55.1, ["other periods: 53.8 (2020-21)"]),
        # the newest period wins over the more authoritative document's older figure
        ([stated(61.3, "2015-16"), stated(58.7, "2023-24", doc="b")], 58.7, ["other periods: 61.3 (2015-16)"]),
        # a tie on the period: the first (most authoritative) document, the other a real disagreement
        ([stated(46.41, "2024", source="SALT"), stated(46.0, "2023-24", doc="b")], 46.41,
         ["documents disagree: b.pdf p. 1 states 46"]),
        # no period stated: as of the document's publication date
        ([stated(40.0, "2022-23"), stated(42.0, doc="b", published="2025-01-10")], 42.0,
         ["other periods: 40 (2022-23)"]),
        # a later figure in the same document for the same period is "also", not a disagreement
        ([stated(21, page=3), stated(10, page=9)], 21, ["also states 10"]),
        # copies of one report (same values in three formats) say nothing
        ([stated(21), stated(10, page=9), stated(21, doc="b"), stated(10, doc="b"), stated(21, doc="c")], 21,
         ["also states 10"]),
        # three documents disagreeing with one value: one note, the others counted
        ([stated(5), stated(7, doc="b"), stated(7, doc="c"), stated(7, doc="d")], 5,
         ["documents disagree: b.pdf p. 1 states 7 (and 2 other documents)"]),
    ],
)  # fmt: skip
def test_one_figure_per_council_by_rule(values: list[Value], shown: float, notes: list[str]) -> None:
    value, said = choose(values)
    assert value is not None and value.value == shown
    assert said == notes


def test_period_picks_a_period_and_as_of_leaves_out_later_ones() -> None:
    values = [stated(50.0, "2021-22"), stated(52.0, "2022-23"), stated(54.0, "2023-24")]
    assert choose(values, period="2022-23")[0] == values[1]
    assert choose(values, as_of="2023-06-30")[0] == values[1]
    assert choose(values, period="2019-20") == (None, [])


# -- like with like -----------------------------------------------------------------------------------


def two_councils(a: list[Value], b: list[Value]) -> list[Side]:
    return [Side("A", tuple(a)), Side("B", tuple(replace(v, sha256="B" + v.sha256) for v in b))]


def test_figures_of_different_periods_are_not_compared_unless_asked() -> None:
    sides = two_councils([stated(61.3, "2015-16")], [stated(58.7, "2023-24")])
    (row,) = diff(sides)
    assert (row.difference, row.better) == (None, ())
    assert row.notes == ("periods differ: A 2015-16 / B 2023-24: not compared",)
    (across,) = diff(sides, any_period=True)
    assert (across.difference, across.better) == (pytest.approx(-2.6), (0,))
    assert "compared across periods (--any-period)" in across.notes[0]


def test_one_survey_named_two_ways_is_one_period() -> None:
    sides = two_councils([stated(46.41, "2024", source="SALT")], [stated(38.57, "2023-24", source="SALT")])
    (row,) = diff(sides)
    assert row.difference == pytest.approx(-7.84) and row.better == (0,) and row.notes == ()


def test_a_period_asked_for_compares_that_period() -> None:
    a = [stated(50.0, "2022-23"), stated(60.0, "2023-24")]
    b = [stated(55.0, "2022-23")]
    (newest,) = diff(two_councils(a, b))
    assert newest.difference is None  # A's newest is 2023-24, B's 2022-23
    (chosen,) = diff(two_councils(a, b), period="2022-23")
    assert [v.value for v in chosen.values if v] == [50.0, 55.0] and chosen.better == (1,)


def test_rank_counts_every_council_stating_it_and_names_their_periods() -> None:
    figures = (("A", 1, "2023-24"), ("B", 2, "2023-24"), ("C", 3, "2022-23"))
    sides = [Side(n, (stated(v, y, doc=n),)) for n, v, y in figures]
    ranked = rank(sides, "cmp.people_reviewed", limit=1)
    assert [r.name for r in ranked] == ["C"]
    assert (ranked.stating, ranked.councils) == (3, 3)
    assert ranked.periods == (("2023-24", 2), ("2022-23", 1))
    assert [r.name for r in rank(sides, "cmp.people_reviewed", period="2023-24")] == ["B", "A"]


def test_table_cells_are_the_newest_figure() -> None:
    grid = table(two_councils([stated(50.0, "2022-23"), stated(60.0, "2023-24")], [stated(55.0, "2022-23")]))
    assert [[c.value if c else None for c in row] for row in grid.cells] == [[60.0], [55.0]]


# -- real documents -----------------------------------------------------------------------------------


def test_an_foi_answer_with_several_years_gives_its_newest() -> None:
    text = (
        "Freedom of Information request: waiting times for Care Act assessments.\n"
        "20/21 - Median time to assess = 48 days\n21/22 - Median time to assess = 41 days\n"
        "22/23 - Median time to assess = 27 days\n"
    )
    report = extract_text(text, name="foi.txt")
    value, notes = choose([v for v in Side.of_report("X", report).values if v.metric_id.endswith("median_days")])
    assert value is not None and (value.value, value.period_text) == (27, "2022-23")
    assert notes == ["other periods: 41 (2021-22), 48 (2020-21)"]


def test_the_real_wokingham_foi_answer_ranks_on_its_newest_year(tmp_path: Path) -> None:
    # Wokingham Borough Council FOI answer (OGL v3.0): median waits for 21/22 and 22/23.
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add(str(REAL / "wokingham-foi-care-waiting-times-2023.txt"))
        ranked = rank(lib.sides(), "wait.care_act_assessment.median_days")
    assert [(r.name, r.value.value, r.period) for r in ranked] == [("Wokingham", 27, "2022-23")]


def test_the_same_report_in_three_formats_raises_no_disagreement(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        for path in (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE, CAMDEN_TXT):
            lib.add(str(path))
        rows = diff([lib.side("barnet"), lib.side("camden")])
    notes = [n for row in rows for n in row.notes]
    assert not [n for n in notes if "documents disagree" in n], notes
    assert all(len(row.notes) == len(set(row.notes)) for row in rows)  # no note once per copy
    assert not [n for n in notes if "years differ" in n]
