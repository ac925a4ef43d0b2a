"""The general indicator row from tables written here: a reference's code, benchmarks named inside
one cell, and the further cells a table gives (other targets, earlier results, counts, directions).
The grammar is general: references with a code after them ("NI 136 (Vital Signs 3)", "AC/S3 (ASCOF
1G)") and benchmarking cells listing several comparators are printed by many councils' scorecards."""

from __future__ import annotations

import pytest

from lacompare.extractors.tables.labels import reference
from lacompare.extractors.tables.named import named_benchmarks, stated_source
from lacompare.model import Benchmark, CellRole, Comparison, Indicator
from lacompare.pipeline import extract_text


@pytest.mark.parametrize(
    ("ref_cell", "label", "expected"),
    [
        ("AC/S3 (ASCOF 1G)", "AC/S3 (ASCOF 1G) Adults with a learning disability at home", "AC/S3|ASCOF 1G"),
        ("KP7 ASCOF2A (2)", "KP7 ASCOF2A (2) Admissions to care homes", "KP7|ASCOF2A (2)"),
        (None, "NI 136 (Vital Signs 3) People supported to live independently", "NI 136|Vital Signs 3"),
        (None, "PI 12 (PAF D40) Reviews completed", "PI 12|PAF D40"),
        (None, "AS01: Reviews completed", "AS01|"),
        (None, "ASC 1C part 1A: Direct payments", "ASC 1C part 1A|"),
        (None, "NI 136 People supported (LAA)", "NI 136|"),
        (None, "Carers supported (new)", "|"),
        (None, "Social care-related quality of life (1A)", "|1A"),
        (None, "Admissions to care homes, per 100,000 population (2A2)", "|2A2"),
        (None, "Adults receiving direct payments (ASCOF 1C(2a))", "|ASCOF 1C(2a)"),
        (None, "Admissions of people aged 65+ (65+)", "|"),
        ("3", "Care Act assessments completed", "|"),  # a row's number is no reference
    ],
)
def test_a_code_after_the_reference_is_the_rows_code(ref_cell: str | None, label: str, expected: str) -> None:
    ref, code, measure = reference(ref_cell, label)
    assert f"{ref or ''}|{code or ''}" == expected
    assert not measure.startswith(("(", "ASCOF"))
    assert not measure.endswith(")") or not code


@pytest.mark.parametrize(
    "cell",
    [
        "68.8% (CIPFA) 70.1% (London)",
        "68.8% (CIPFA)\n70.1% (London) ASCOF comparators (2015/16)",
        "CIPFA comparator group average 68.8%; London average 70.1%",
        "CIPFA: 68.8%, London: 70.1%",
        "CIPFA – 68.8% London – 70.1%",
    ],
)
def test_benchmarks_named_in_one_cell(cell: str) -> None:
    assert [(n.comparator, n.value) for n in named_benchmarks(cell)] == [("CIPFA", 68.8), ("London", 70.1)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("England average 12.3 (statistical neighbours 11.0)", [("England", 12.3), ("comparator group", 11.0)]),
        ("65.0% (England) 63.2% (North West)", [("England", 65.0), ("regional", 63.2)]),
        ("N/A (Not comparable)", []),
        ("Target 70% by March", []),  # a target is no benchmark
        ("12 (2019)", []),
    ],
)
def test_what_a_benchmark_cell_names(cell: str, expected: list[tuple[str, float]]) -> None:
    assert [(n.comparator, n.value) for n in named_benchmarks(cell)] == expected


def test_a_benchmark_cell_may_state_its_source_and_period() -> None:
    assert stated_source("68.8% (CIPFA) ASCOF comparators (2015/16)") == ("ASCOF", "2015-16")
    assert stated_source("68.8% (CIPFA)") == (None, None)


SCORECARD = [
    ["Ref", "Indicator", "Annual Target", "Q3 2023/24 Target", "Numerator / denominator", "Q3 2023/24 Result",
     "Q2 2023/24 Result", "DoT (from last quarter)", "Q3 2022/23 Result", "Benchmarking"],
    ["KP1 (ASCOF 1G)", "Adults with a learning disability living at home", "80.0%", "78.0%", "412/520", "79.2%",
     "77.5%", "Improving", "74.1%", "76.9% (England) 81.0% (North West) ASCOF comparators (2022/23)"],
    ["KP2", "Reviews completed within 12 months", "Monitor", "70%", "n/a", "66.4%", "61.0%", "Improving", "58.3%",
     "n/a"],
]  # fmt: skip


def _render(rows: list[list[str]], how: str) -> str:
    if how == "pipes":
        return "\n".join("| " + " | ".join(r) + " |" for r in [rows[0], ["---"] * len(rows[0]), *rows[1:]])
    return "\n".join("\t".join(r) for r in rows)


@pytest.mark.parametrize("how", ["pipes", "tabs"])
def test_a_scorecard_row_keeps_every_cell_by_role(how: str) -> None:
    facts = list(extract_text("Quarterly scorecard\n" + _render(SCORECARD, how) + "\nEnd of table.").facts)
    rows = {f.ref: f for f in facts if isinstance(f, Indicator)}
    kp1 = rows["KP1"]
    assert (kp1.code, kp1.result, kp1.period, kp1.target, kp1.previous, kp1.previous_period, kp1.direction) == (
        "ASCOF 1G", "79.2%", "Q3 2023-24", "78.0%", "77.5%", "Q2 2023-24", "Improving",
    )  # fmt: skip
    assert [(c.role, c.name, c.text) for c in kp1.cells] == [
        (CellRole.TARGET, "annual_target", "80.0%"),
        (CellRole.COUNT, "numerator_denominator", "412/520"),
        (CellRole.RESULT, "result_q3_2022_23", "74.1%"),
    ]
    assert [(b.comparator, b.value, b.period) for b in kp1.benchmarks] == [
        ("England", 76.9, "2022-23"),
        ("regional", 81.0, "2022-23"),
    ]
    assert (rows["KP2"].target, rows["KP2"].cell("numerator_denominator"), rows["KP2"].benchmarks) == ("70%", None, ())
    assert [f.flag for f in facts if isinstance(f, Indicator) and f.flag] == []


@pytest.mark.parametrize("how", ["pipes", "tabs"])
def test_a_benchmark_of_another_year_is_compared_with_a_flag(how: str) -> None:
    facts = extract_text("Quarterly scorecard\n" + _render(SCORECARD, how)).facts
    found = [(c.comparator, c.value, c.comparator_value, c.year, c.source) for c in facts if isinstance(c, Comparison)]
    assert found == [("England", 79.2, 76.9, "Q3 2023-24", "ASCOF"), ("regional", 79.2, 81.0, "Q3 2023-24", "ASCOF")]
    flags = {c.flag for c in facts if isinstance(c, Comparison)}
    assert flags == {"the benchmark is for 2022-23, the result for another period"}


def test_a_long_label_running_up_to_the_next_column_leaves_its_value_there() -> None:
    """Space-aligned text: a label one space short of the target column ("… in 28 days 90%")."""
    text = (
        "Indicator                                   Target    Q3 2023/24   Q2 2023/24   RAG\n"
        "Percentage of reviews completed on time     85%       71.3%        68.0%        Red\n"
        "Safeguarding enquiries concluded in 28 days 90%       92.4%        88.1%        Green\n"
    )
    rows = [(f.description, f.target, f.result) for f in extract_text(text).indicators]
    assert rows == [
        ("Percentage of reviews completed on time", "85%", "71.3%"),
        ("Safeguarding enquiries concluded in 28 days", "90%", "92.4%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Reviews completed:\nLeeds:\n- 2021-22: 61%\n- 2022-23: 64%\n",
        "Reviews completed:\nLeeds:\n• 2021/22 – 61%\n• 2022/23 – 64%\n",
        "Reviews completed:\nLeeds:\n2021-22: 61%\n2022-23: 64%\n",
        "- 2021-22: 61% reviews completed\n- 2022-23: 64% reviews completed\n",
    ],
)
def test_a_measure_listed_by_period_is_a_row_of_its_latest_figure(text: str) -> None:
    rows = [(f.description, f.result, f.period, f.previous, f.previous_period) for f in extract_text(text).indicators]
    assert rows == [("Reviews completed", "64%", "2022-23", "61%", "2021-22")] or rows == [
        ("reviews completed", "64%", "2022-23", "61%", "2021-22")
    ]


def test_a_sentence_opening_with_a_month_word_and_a_year_is_no_list_item() -> None:
    text = "During 2021-2022 there was an increase:\n- 2020-21: 41,410 new requests\n- 2021-22: 41,665 new requests\n"
    [row] = extract_text(text).indicators
    assert (row.description, row.result, row.previous) == ("new requests", "41,665", "41,410")


@pytest.mark.parametrize("how", ["pipes", "tabs"])
def test_a_benchmark_of_an_earlier_year_than_the_result_gives_no_comparison(how: str) -> None:
    """Each benchmark is set against the row's result, for the result's period only: "England
    2023/24" beside "Q2 2024/25 Actual" gives none (and never the older figure the result's year);
    the row keeps it, with its own period, as a figure set against nothing."""
    rows = [
        ["Ref", "Indicator", "2023/24 Outturn", "Q2 2024/25 Target", "Q2 2024/25 Actual", "RAG", "England 2023/24"],
        ["ASC01", "Adults receiving direct payments (ASCOF 1C part 2A)", "27.4%", "28.0%", "28.3%", "Green", "26.2%"],
        ["ASC04", "People waiting for a Care Act assessment", "843", "700", "765", "Amber", "n/a"],
    ]
    report = extract_text("Scorecard\n" + _render(rows, how))
    assert report.comparisons == []
    [asc01, _] = report.indicators
    england = Benchmark(26.2, "26.2%", "England", "2023-24")
    assert (asc01.code, asc01.result, asc01.previous, asc01.benchmarks) == (
        "ASCOF 1C part 2A",
        "28.3%",
        "27.4%",
        (england,),
    )
    [kept] = [m for m in asc01.measures() if m.metric_id.endswith(".benchmark_england")]
    assert (kept.value, kept.unit, kept.comparator_value, kept.year) == (26.2, "%", None, "2023-24")


STACKED = """Measure                                        Baseline    Target     Q3         Status
                                               2022/23     2023/24    2023/24
Proportion of new requests resulting in        21.4%       22.0%      23.1%      On target
a long-term service
Number of people receiving reablement          1,212       1,300      1,018      Off target
Carers receiving a service (per 100k)          402.6       420.0      391.2      Off target
"""


@pytest.mark.parametrize(
    "text",
    [STACKED, "\n".join(" ".join(line.split()) for line in STACKED.splitlines())],
    ids=["aligned", "flattened"],
)
def test_a_header_whose_second_line_dates_its_columns(text: str) -> None:
    """ "Baseline Target Q3 Status" over "2022/23 2023/24 2023/24": each period is its column's;
    a label wrapped after its cells joins its row; "On target" is one cell."""
    rows = [(f.description, f.previous, f.previous_period, f.target, f.result, f.period, f.rag) for f in
            extract_text("Performance report\n" + text.rstrip() + "\nSource: local data.").indicators]  # fmt: skip
    assert rows == [
        ("Proportion of new requests resulting in a long-term service", "21.4%", "2022-23", "22.0%", "23.1%",
         "Q3 2023-24", "On target"),
        ("Number of people receiving reablement", "1,212", "2022-23", "1,300", "1,018", "Q3 2023-24", "Off target"),
        ("Carers receiving a service (per 100k)", "402.6", "2022-23", "420.0", "391.2", "Q3 2023-24", "Off target"),
    ]  # fmt: skip


def test_a_row_no_shape_places_is_never_the_next_rows_label() -> None:
    text = (
        "Measure 2022/23 2023/24 Target\n"
        "Reviews completed 61% 64% 70% see the note below\n"
        "Carers assessed 1,120 1,644 1,900\n"
    )
    rows = [(f.description, f.result) for f in extract_text(text).indicators]
    assert rows == [("Carers assessed", "1,644")]


SPANNED = """<html><body><h2>Adult social care dashboard 2024/25</h2>
<table border=1>
<thead><tr><th rowspan=2>Indicator</th><th colspan=4>2024/25</th><th rowspan=2>Target</th>
<th rowspan=2>Good is</th></tr>
<tr><th>Q1</th><th>Q2</th><th>Q3</th><th>Q4</th></tr></thead>
<tr><td>Reviews completed in year (%)</td><td>21%</td><td>44%</td><td>63%</td><td>71%</td><td>85%</td><td>High</td></tr>
<tr><td>Safeguarding concerns received</td><td>1,204</td><td>1,311</td><td>1,187</td><td>-</td>
<td>n/a</td><td>n/a</td></tr>
</table></body></html>"""


def test_html_cells_spanning_columns_and_rows_stand_in_each_they_cover() -> None:
    from lacompare.readers.html import html_to_text

    lines = [" ".join(line.split()) for line in html_to_text(SPANNED).splitlines() if "|" in line]
    assert lines[:2] == [
        "Indicator | 2024/25 | 2024/25 | 2024/25 | 2024/25 | Target | Good is",
        "Indicator | Q1 | Q2 | Q3 | Q4 | Target | Good is",
    ]
    rows = "<table><tr><td rowspan=2>North</td><td>Reviews</td><td>5</td></tr><tr><td>Waits</td><td>7</td></tr></table>"
    assert [line for line in html_to_text(rows).splitlines() if line.strip()] == [
        "North | Reviews | 5",
        "North | Waits | 7",
    ]
    note = (
        "<table><tr><td colspan=3>Figures are for the year to 31 March 2024, 45% of them provisional.</td></tr></table>"
    )
    assert html_to_text(note).count("45%") == 1  # a note across the table is written once


def test_a_second_header_row_dates_the_columns_of_the_first() -> None:
    """'2024/25' spanning 'Q1 … Q4': each column is its quarter of 2024/25; a blank quarter still to
    come is not stated (the row's result is the latest quarter's cell, never an earlier one)."""
    from lacompare.pipeline import extract_bytes

    report = extract_bytes(SPANNED.encode(), "dashboard.html")
    found = [(f.description, f.result, f.period, f.previous, f.previous_period, f.target, f.polarity)
             for f in report.indicators]  # fmt: skip
    assert found == [
        ("Reviews completed in year (%)", "71%", "Q4 2024-25", "63%", "Q3 2024-25", "85%", "High"),
        ("Safeguarding concerns received", None, "Q4 2024-25", "1,187", "Q3 2024-25", None, None),
    ]


def test_a_row_with_more_cells_than_the_header_gives_nothing() -> None:
    """Which cell is whose cannot be told: no row is better than a shifted one."""
    text = "Indicator | 2024/25 | Target\nReviews completed | 21% | 44% | 63% | 85%\nCarers assessed | 1,644 | 1,900\n"
    assert [(f.description, f.result, f.target) for f in extract_text(text).indicators] == [
        ("Carers assessed", "1,644", "1,900")
    ]


def test_a_rows_number_is_neither_its_reference_nor_its_words() -> None:
    text = (
        "No. | Measure | Jan-24 | Feb-24 | Target\n"
        "1 | New contacts | 2,311 | 2,104 | n/a\n"
        "2 | Reviews done | 412 | 398 | 420\n"
    )
    found = [(f.ref, f.description, f.result, f.period) for f in extract_text(text).indicators]
    assert found == [("", "New contacts", "2,104", "Feb 2024"), ("", "Reviews done", "398", "Feb 2024")]


YEAR_IN_PROGRESS = [
    ["KPI", "Description", "2023/24 Outturn", "Q2 Target", "Q2 Actual", "RAG"],
    ["ASC 2B(1)", "Older people at home 91 days after discharge into reablement", "81.3%", "82.0%", "84.1%", "Green"],
    ["ASC 3", "People aged 18-64 in residential care", "142", "130", "150", "Red"],
]


@pytest.mark.parametrize("how", ["pipes", "tabs", "flattened"])
def test_a_quarter_named_without_its_year_is_the_year_in_progress(how: str) -> None:
    """A scorecard dates the years behind it and names only the part of the current one: "Q2
    Actual" beside "2023/24 Outturn" is the result, the outturn the previous figure (a general
    shape of in-year scorecards; the quarter keeps no year the table does not give it)."""
    if how == "flattened":
        text = "\n".join(" ".join(r) for r in YEAR_IN_PROGRESS)
    else:
        text = _render(YEAR_IN_PROGRESS, how)
    rows = {f.ref: f for f in extract_text("Adult social care scorecard\n" + text).indicators}
    assert [(r.result, r.period, r.target, r.previous, r.previous_period, r.rag) for r in rows.values()] == [
        ("84.1%", "Q2", "82.0%", "81.3%", "2023-24", "Green"),
        ("150", "Q2", "130", "142", "2023-24", "Red"),
    ]


@pytest.mark.parametrize("how", ["pipes", "tabs"])
def test_a_percent_sign_in_the_rows_name_is_the_unit_of_its_bare_figures(how: str) -> None:
    rows = [
        ["Measure", "2022/23", "2023/24", "Target", "Regional avg"],
        ["Reviews completed within 12 months (%)", "61.0", "66.4", "75.0", "58.9"],
        ["Reviews completed within 12 months", "610", "664", "750", "589"],
    ]
    report = extract_text("Scorecard\n" + _render(rows, how))
    shares, counts = report.indicators
    assert {m.unit for m in shares.measures()} == {"%"}
    assert {m.unit for m in counts.measures()} == {None}  # the row that does not say "(%)"
    assert [(c.value, c.unit) for c in report.comparisons] == [(66.4, "%"), (664, None)]


@pytest.mark.parametrize("how", ["pipes", "tabs", "flattened"])
def test_a_bare_period_after_every_named_result_is_the_latest_result(how: str) -> None:
    """ "2023/24 Outturn | Q2 2024/25": the quarter's column, dated after the outturn, is the row's
    result and the outturn its previous figure; England's 2023/24 figure is kept, compared with nothing."""
    rows = [
        ["Measure", "2023/24 Outturn", "Q2 2024/25", "Target", "England 2023/24"],
        ["Reviews completed in year (%)", "58.2", "61.7", "65.0", "59.0"],
        ["Carers assessed or reviewed", "1,204", "655", "1,300", "-"],
    ]
    # flattened, "Q2 2024/25 Target" could be one column too: England keeps the year after it
    text = "\n".join(" ".join(r) for r in rows) if how == "flattened" else _render(rows, how)
    report = extract_text("Scorecard\n" + text)
    assert [(r.result, r.period, r.previous, r.previous_period, r.target) for r in report.indicators] == [
        ("61.7", "Q2 2024-25", "58.2", "2023-24", "65.0"),
        ("655", "Q2 2024-25", "1,204", "2023-24", "1,300"),
    ]
    assert report.comparisons == []
