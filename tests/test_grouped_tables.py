"""Tables whose header groups the columns by place (``lacompare.extractors.tables.grouped``).

A general grammar of JSNA, census and projection tables: each place (the council, England, a
region) heads the same columns, a second line dates them, a change column may close each group:

    Age Category England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)
    2016 2033 2016 2033
    All ages 55268.1 60251.5 9.0 583.5 626.8 7.4

The council's rates, shares and changes are set against each benchmark's; counts never are. The
tables below are written for these tests in several renderings and orders; the corpus's
Worcestershire JSNA (shared corpus) is the real case. Also here: a benchmark's figure in brackets
after its name, "compared to across England (where the 65s and over make up 18%)".
"""

from __future__ import annotations

import pytest

from lacompare.extractors.tables.grouped import grouped_header
from lacompare.model import Comparison
from lacompare.pipeline import extract_text
from lacompare.provenance import quote_problem

Pair = tuple[float, str, float, str | None]  # council value, benchmark, benchmark value, period


def pairs(text: str, name: str = "-") -> list[Pair]:
    report = extract_text(text, name=name)
    for fact in report.facts:
        assert quote_problem(fact, report_text(text, name)) is None
    assert report.indicators == []  # each row holds every place's values: no place's row is the council's
    return [(c.value, c.comparator, c.comparator_value, c.year) for c in report.comparisons]


def report_text(text: str, name: str = "-") -> str:
    from lacompare.readers import document_from_bytes

    return document_from_bytes(text.encode(), name).page(1).text


PROJECTION = [(7.4, "England", 9.0, "2016-33"), (27.5, "England", 32.9, "2016-33")]

RENDERINGS = {
    "flattened": (
        "Resident population projections\n"
        "Age Category England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)\n"
        "2016 2033 2016 2033\n"
        "All ages 55268.1 60251.5 9.0 583.5 626.8 7.4\n"
        "65+ 8554.8 11372 32.9 111 141.5 27.5\n"
    ),
    "aligned": (
        "Resident population projections\n"
        "Age        England (000's)  % Change  Worcestershire (000's)  % Change  (2016–2033)  (2016–2033)\n"
        "           2016     2033                2016    2033\n"
        "All ages   55268.1  60251.5  9.0        583.5   626.8   7.4\n"
        "65+        8554.8   11372    32.9       111     141.5   27.5\n"
    ),
    "tabs": (
        "Resident population projections\n"
        "Age\tEngland (000's)\t% Change\tWorcestershire (000's)\t% Change\t(2016–2033)\t(2016–2033)\n"
        "2016\t2033\t2016\t2033\n"
        "All ages\t55268.1\t60251.5\t9.0\t583.5\t626.8\t7.4\n"
        "65+\t8554.8\t11372\t32.9\t111\t141.5\t27.5\n"
    ),
    "footer joined to the last row": (
        "Age Category England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)\n"
        "2016 2033 2016 2033\n"
        "All ages 55268.1 60251.5 9.0 583.5 626.8 7.4\n"
        "65+ 8554.8 11372 32.9 111 141.5 27.5 www.worcestershire.gov.uk JSNA Annual Summary 2018 6\n"
    ),
    "blank lines between rows": (
        "Age England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)\n\n"
        "2016 2033 2016 2033\n\n"
        "All ages 55268.1 60251.5 9.0 583.5 626.8 7.4\n\n"
        "65+ 8554.8 11372 32.9 111 141.5 27.5\n"
    ),
}


HTML = """<html><body><h2>Resident population projections</h2><table>
<tr><th rowspan="2">Age</th><th colspan="2">England (000's)</th><th>% Change</th>
<th colspan="2">Worcestershire (000's)</th><th>% Change</th></tr>
<tr><th>2016</th><th>2033</th><th>(2016–2033)</th><th>2016</th><th>2033</th><th>(2016–2033)</th></tr>
<tr><td>All ages</td><td>55268.1</td><td>60251.5</td><td>9.0</td><td>583.5</td><td>626.8</td><td>7.4</td></tr>
<tr><td>65+</td><td>8554.8</td><td>11372</td><td>32.9</td><td>111</td><td>141.5</td><td>27.5</td></tr>
</table></body></html>"""

PIPES = """| Age | England (000's) | England (000's) | % Change | Barnshire (000's) | Barnshire (000's) | % Change |
|---|---|---|---|---|---|---|
| | 2016 | 2033 | (2016–2033) | 2016 | 2033 | (2016–2033) |
| All ages | 55268.1 | 60251.5 | 9.0 | 583.5 | 626.8 | 7.4 |
| 65+ | 8554.8 | 11372 | 32.9 | 111 | 141.5 | 27.5 |
"""

# Each cell names its place and period: the council's columns first, the benchmark's after.
PIPES_NAMED = """| Age | Barnshire 2016 (000's) | Barnshire 2033 (000's) | Barnshire % change (2016–2033) \
| England 2016 (000's) | England 2033 (000's) | England % change (2016–2033) |
|---|---|---|---|---|---|---|
| All ages | 583.5 | 626.8 | 7.4 | 55268.1 | 60251.5 | 9.0 |
| 65+ | 111 | 141.5 | 27.5 | 8554.8 | 11372 | 32.9 |
""".replace("\\\n", "")


@pytest.mark.parametrize("rendering", list(RENDERINGS))
def test_one_table_in_several_renderings_gives_the_same_comparisons(rendering: str) -> None:
    assert pairs(RENDERINGS[rendering]) == PROJECTION


@pytest.mark.parametrize(("text", "name"), [(HTML, "x.html"), (PIPES, "x.md"), (PIPES_NAMED, "x.md")])
def test_the_table_given_cell_by_cell_gives_the_same_comparisons(text: str, name: str) -> None:
    """HTML rows (a place's heading spanning its years), pipes with a second header row, and pipes
    whose every cell names its place: the same pairs, never a population set against England's."""
    assert pairs(text, name) == PROJECTION


def test_counts_are_never_compared_and_give_no_rows() -> None:
    """A place's population is its size: no comparison, and no indicator row from England's column."""
    text = "Age England (000's) Worcestershire (000's)\n2016 2033 2016 2033\nAll ages 55268.1 60251.5 583.5 626.8\n"
    report = extract_text(text)
    assert (report.comparisons, report.indicators) == ([], [])


def test_the_council_group_may_come_first() -> None:
    text = (
        "Age band Torbay (000s) % change England (000s) % change (2018-2028) (2018-2028)\n"
        "2018 2028 2018 2028\n"
        "All ages 135.8 141.2 4.0 55977.2 58832.3 5.1\n"
    )
    assert pairs(text) == [(4.0, "England", 5.1, "2018-28")]


def test_shares_of_each_period_against_each_benchmark() -> None:
    """Three groups (the council, its region, England), shares for two census years, no change column."""
    text = "Age Cumbria % North West % England %\n2011 2021 2011 2021 2011 2021\n65+ 21.9 25.6 16.9 19.0 16.4 18.5\n"
    assert pairs(text) == [
        (21.9, "North West", 16.9, "2011"),
        (21.9, "England", 16.4, "2011"),
        (25.6, "North West", 19.0, "2021"),
        (25.6, "England", 18.5, "2021"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Age England % Change London % Change",  # benchmarks only: whose figure is the council's?
        "Age England (000's) % Change Worcestershire (000's) Rate",  # the groups' columns differ
        "Age Category England Worcestershire",  # no columns under the places
        "In 2016 and 2033 England grew by a tenth",  # a sentence
    ],
)
def test_no_grouped_header(header: str) -> None:
    assert grouped_header(header) is None


def test_a_row_whose_cells_do_not_fill_the_groups_gives_nothing() -> None:
    text = (
        "Age England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)\n"
        "2016 2033 2016 2033\n"
        "All ages 55268.1 60251.5 9.0 583.5 7.4\n"
    )
    assert pairs(text) == []


def test_a_projected_change_is_not_the_share_of_the_population() -> None:
    """'65+: % Change' is no catalogue share measure ('People aged 65 and over as a share')."""
    [older] = [c for c in extract_text(RENDERINGS["flattened"]).comparisons if c.value == 27.5]
    assert isinstance(older, Comparison)
    assert older.metric_id != "census.aged_65_plus"


# --- a benchmark named, then its figure in brackets ---------------------------------------------

BRACKETED = [
    (
        "1 in 4 are aged 65 or over (36,612 people, or 27%) which is higher compared to across England "
        "(where the 65s and over make up 18%).",
        (27, "England", 18, "higher"),
    ),
    ("In Cumbria 25.6% of residents are aged 65 or over, lower when compared with England (28.5%).", None),
    ("Some 21% of adults smoke, compared with the North West (where it is 17%).", (21, "regional", 17, None)),
    (
        "Our rate was 61.4%, compared to the rest of England (where the figure was 58.2%).",
        (61.4, "England", 58.2, None),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), BRACKETED, ids=[s[:30] for s, _ in BRACKETED])
def test_a_benchmarks_figure_in_brackets_after_its_name(sentence: str, expected: tuple[object, ...] | None) -> None:
    found = [(c.value, c.comparator, c.comparator_value, c.relation) for c in extract_text(sentence).comparisons]
    if expected is None:
        expected = (25.6, "England", 28.5, "lower")
    assert found == [expected]


def test_a_bracketed_year_is_no_benchmark_figure() -> None:
    assert extract_text("Some 21% of adults smoke compared with England (2019: 17%).").comparisons == []
