"""One indicator table, every rendering, the same facts: the spec of the table reader.

Each table of tests/tablegen.py is written as aligned text, tab-separated text, a markdown pipe
table, an HTML page, the lines PDF text extraction gives (a row a line; a label above its values;
a label wrapped over two lines, values on its first or its second line) and a PDF printed by
Chromium (committed under tests/data/tables/). `lacompare extract FILE --format jsonl` must give:

- an ``indicator`` record per value cell stating a figure, its metric_id ending ``.result``,
  ``.target`` or ``.previous`` for the latest result, the target and the previous result;
  a cell of n/a, N/A, TBC, -, * or nothing gives none (and never a 0);
- a ``comparison`` per benchmark cell with a figure, pairing the row's result with it, its
  comparator naming the column, unless the benchmark's period is not the result's;
- quotes that hold every number of their record and show the row's ref; no header year as a value;
  no figure in a record of a row it was not printed in.

The same table with its columns in another order, other words in its headers, refs in another
style, figures in its labels, cells missing or figures in other formats gives the same facts.
A table of only the council's value and benchmarks promises its comparisons, not indicators.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from .tablegen import (
    ALL_RENDERINGS,
    BENCHMARKING,
    FINANCE_KPIS,
    GROUP_NAMES,
    LOCAL_KPIS,
    NO_DIFFERENCE,
    PDF,
    QUARTERLY,
    REF_STYLES,
    RENDERINGS,
    SCORECARD,
    TABLES,
    TEXT_RENDERINGS,
    Column,
    Prose,
    Record,
    Rendering,
    Row,
    Table,
    cell_value,
    comparison_pairs,
    differences,
    html_page,
    indicator_results,
    key,
    pdf_path,
    record_numbers,
    row_problems,
    run_extract,
    squash,
    write,
)

Read = Callable[[Table, str], list[Record]]


@pytest.fixture(scope="session")
def read(tmp_path_factory: pytest.TempPathFactory) -> Read:
    """The records `lacompare extract` gives for a table in a rendering (each read once)."""
    folder = tmp_path_factory.mktemp("tables")
    seen: dict[tuple[str, str], list[Record]] = {}

    def read_(table: Table, rendering: str) -> list[Record]:
        if (table.name, rendering) not in seen:
            seen[table.name, rendering] = run_extract(write(table, rendering, folder))
        return seen[table.name, rendering]

    return read_


def assert_same_facts(records: list[Record], table: Table, like: Table | None = None) -> None:
    """The records of a table give the facts its model (or the table it is a variant of) says."""
    model = like or table
    if model.asserts_indicators:
        assert differences(indicator_results(records), model.expected_indicators()) == NO_DIFFERENCE
    assert differences(comparison_pairs(records), model.expected_comparisons()) == NO_DIFFERENCE
    assert row_problems(table, records) == []
    zeros = [r for r in records if r["fact"] in ("indicator", "comparison") and 0 in record_numbers(r)]
    assert zeros == [], "a cell stating no figure read as 0"


def cases(tables: list[Table]) -> list[object]:
    return [pytest.param(t, r, id=f"{t.name}-{r}") for t in tables for r in ALL_RENDERINGS]


CASES = cases(list(TABLES))
INDICATOR_CASES = cases([t for t in TABLES if t.asserts_indicators])
COMPARISON_CASES = cases([t for t in TABLES if t.expected_comparisons()])


# --- the generator: fair tables, renderings that show every cell, PDFs in step -----------------


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_each_figure_of_a_table_is_unique_to_its_cell(table: Table) -> None:
    assert table.problems() == []
    assert table.expected_indicators() or table.expected_comparisons()
    for style, refs in REF_STYLES.items():
        if len(refs or table.rows) == len(table.rows):
            assert table.with_refs(refs, style).problems() == [], style


@pytest.mark.parametrize("rendering", RENDERINGS, ids=[r.name for r in RENDERINGS])
@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_each_rendering_shows_every_cell_and_the_prose(table: Table, rendering: Rendering, tmp_path: Path) -> None:
    text = squash(write(table, rendering.name, tmp_path).read_text(encoding="utf-8"))
    if rendering.name == "html":
        text = squash(re.sub(r"<[^>]+>", " ", text).replace("&#x27;", "'").replace("&amp;", "&"))
    for part in (table.prose.title, table.prose.intro, table.prose.closing, table.council):
        assert part in text
    for row in table.rows:
        for column in table.columns:
            if row.cell(column):
                assert row.cell(column) in text or column.role == "measure", (column.key, row.cell(column))
        assert squash(row.measure).split()[0] in text


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_committed_pdf_is_printed_from_the_table_as_it_is_now(table: Table) -> None:
    """Regenerate with `python -m tests.tablegen` (needs chromium) when a table changes."""
    source = pdf_path(table).with_suffix(".html")
    assert source.read_text(encoding="utf-8") == html_page(table)
    assert pdf_path(table).read_bytes().startswith(b"%PDF")
    assert pdf_path(table).stat().st_size < 60_000


# --- one table, every rendering -----------------------------------------------------------------


@pytest.mark.parametrize(("table", "rendering"), INDICATOR_CASES)
def test_indicator_records_are_the_tables_value_cells(read: Read, table: Table, rendering: str) -> None:
    """Result, target and previous cells stating a figure, each once; missing cells give nothing."""
    assert differences(indicator_results(read(table, rendering)), table.expected_indicators()) == NO_DIFFERENCE


@pytest.mark.parametrize(("table", "rendering"), CASES)
def test_comparisons_pair_each_rows_result_with_its_benchmarks(read: Read, table: Table, rendering: str) -> None:
    """Only benchmarks of the result's period (or of none): ascof_outturn's England column is a year behind."""
    assert differences(comparison_pairs(read(table, rendering)), table.expected_comparisons()) == NO_DIFFERENCE


@pytest.mark.parametrize(("table", "rendering"), COMPARISON_CASES)
def test_comparators_name_the_benchmark_column(read: Read, table: Table, rendering: str) -> None:
    comparisons = [r for r in read(table, rendering) if r["fact"] == "comparison"]
    assert comparisons, "no comparisons"
    for r in comparisons:
        group = table.benchmark_group(r["comparator_value"])
        assert group is not None, r
        assert re.search(GROUP_NAMES[group], r["comparator"] or "", re.IGNORECASE), (group, r["comparator"])


@pytest.mark.parametrize(("table", "rendering"), CASES)
def test_records_keep_to_their_rows(read: Read, table: Table, rendering: str) -> None:
    """Quotes hold each number and the row's ref; no header year, no figure from another row or a label."""
    assert row_problems(table, read(table, rendering)) == []


def test_the_console_script_reads_a_pdf_table_alike() -> None:
    path = pdf_path(SCORECARD)
    done = subprocess.run(
        [sys.executable, "-m", "lacompare", "extract", str(path), "--format", "jsonl", "--no-cache", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert_same_facts(records, SCORECARD)


# --- the same facts whatever the wording ------------------------------------------------------

TEXT = list(TEXT_RENDERINGS)
BOUNDED = [r.name for r in RENDERINGS if r.shows_blank_cells]


def variants(base_and_variant: list[tuple[Table, Table]], renderings: list[str]) -> list[object]:
    return [pytest.param(b, v, r, id=f"{v.name}-{r}") for b, v in base_and_variant for r in renderings]


ORDERS = variants([(t, t.reordered(seed)) for t in (LOCAL_KPIS, SCORECARD, QUARTERLY) for seed in (1, 2)], TEXT)


@pytest.mark.parametrize(("base", "table", "rendering"), ORDERS)
def test_column_order_does_not_matter(read: Read, base: Table, table: Table, rendering: str) -> None:
    assert [c.key for c in table.columns] != [c.key for c in base.columns]
    assert_same_facts(read(table, rendering), table, like=base)


SYNONYMS = [
    (SCORECARD, "result", "Actual Sep-24"),
    (SCORECARD, "result", "Outturn Sep-24"),
    (FINANCE_KPIS, "result", "2023/24 Actual"),
    (FINANCE_KPIS, "result", "Result 2023/24"),
    (SCORECARD, "target", "Tgt"),
    (SCORECARD, "target", "Ambition"),
    (FINANCE_KPIS, "target", "Target"),
    (SCORECARD, "previous", "Last year"),
    (SCORECARD, "previous", "Previous"),
    (SCORECARD, "bench:England", "National"),
    (SCORECARD, "bench:England", "England average"),
    (FINANCE_KPIS, "bench:England", "England"),
    (SCORECARD, "bench:regional", "South East"),
    (SCORECARD, "bench:regional", "North West"),
    (SCORECARD, "bench:SN", "Statistical neighbours"),
    (SCORECARD, "bench:SN", "Nearest neighbours"),
    (SCORECARD, "bench:SN", "Comparator group"),
    (LOCAL_KPIS, "ref", "Ref"),
    (LOCAL_KPIS, "measure", "Measure"),
    (LOCAL_KPIS, "measure", "Description"),
    (LOCAL_KPIS, "rag", "Status"),
    (LOCAL_KPIS, "dot", "Direction of travel"),
    (LOCAL_KPIS, "polarity", "Polarity"),
]


@pytest.mark.parametrize(
    ("base", "table", "rendering"), variants([(b, b.with_header(k, h)) for b, k, h in SYNONYMS], TEXT)
)
def test_header_synonyms_read_alike(read: Read, base: Table, table: Table, rendering: str) -> None:
    assert_same_facts(read(table, rendering), table, like=base)


REFS = variants([(SCORECARD, SCORECARD.with_refs(refs, style)) for style, refs in REF_STYLES.items()], TEXT)


@pytest.mark.parametrize(("base", "table", "rendering"), REFS)
def test_ref_styles_read_alike(read: Read, base: Table, table: Table, rendering: str) -> None:
    """'ASC 1A', '1C(2)', 'AS01', 'ASCOF 2B(1)', 'NI 136' or no ref: the ref's digits are never a value."""
    assert_same_facts(read(table, rendering), table, like=base)


NUMBERED_LABELS = [
    "Social care-related quality of life score (adults aged 18-64)",
    "Proportion of people who use services who receive direct payments, per 100 people supported",
    "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital",
    "Proportion of those that received short-term services where no further request was made within 12 months",
    "Permanent admissions to residential and nursing care homes per 100,000 population",
    "Proportion of people who use services who feel safe (survey of 2,400 people)",
]
LABELS = variants([(SCORECARD, SCORECARD.with_measures(NUMBERED_LABELS, "numbered-labels"))], TEXT)


@pytest.mark.parametrize(("base", "table", "rendering"), LABELS)
def test_figures_in_labels_shift_no_cell(read: Read, base: Table, table: Table, rendering: str) -> None:
    """'aged 18-64', 'per 100,000 population', '91 days', '12 months' are words of the label, not cells."""
    assert table.problems() == []
    assert_same_facts(read(table, rendering), table, like=base)


MARKER_NAMES = {"n/a": "n_a", "N/A": "N_A", "TBC": "TBC", "-": "dash", "*": "star", "": "blank"}


def with_missing(marker: str) -> Table:
    """The scorecard with one target, one previous result, one result and one England figure missing."""
    table = SCORECARD
    for row, column in ((0, "target"), (1, "previous"), (2, "result"), (3, "bench:England")):
        table = table.with_cell(row, column, marker, "")
    return replace(table, name=f"{SCORECARD.name}-missing-{MARKER_NAMES[marker]}")


MISSING_CASES = [
    pytest.param(marker, rendering, id=f"{MARKER_NAMES[marker]}-{rendering}")
    for marker in MARKER_NAMES
    for rendering in (BOUNDED if marker == "" else TEXT)
]


@pytest.mark.parametrize(("marker", "rendering"), MISSING_CASES)
def test_a_missing_cell_gives_nothing_and_shifts_nothing(read: Read, marker: str, rendering: str) -> None:
    """Blank cells only where cell boundaries show (aligned, tabs, pipes, HTML)."""
    table = with_missing(marker)
    expected = table.expected_indicators()
    assert len(expected) == len(SCORECARD.expected_indicators()) - 3
    assert len(table.expected_comparisons()) == len(SCORECARD.expected_comparisons()) - 4
    assert_same_facts(read(table, rendering), table)


FORMATS = {
    "percent": ("65.9%", 65.9),
    "thousands": ("1,234", 1234),
    "bracketed-negative": ("(1.2)", -1.2),
    "minus": ("-3.5", -3.5),
    "pounds": ("£1,250", 1250),
    "pounds-thousands": ("£850k", 850_000),
    "pounds-millions": ("£12.4m", 12_400_000),
    "thousands-decimal": ("12,345.6", 12345.6),
}
FORMAT_CASES = [pytest.param(name, r, id=f"{name}-{r}") for name in FORMATS for r in TEXT]


@pytest.mark.parametrize(("fmt", "rendering"), FORMAT_CASES)
def test_figures_read_in_every_format(read: Read, fmt: str, rendering: str) -> None:
    """'65.9%' is 65.9, '1,234' 1234, '(1.2)' -1.2, '£850k' 850000, '£12.4m' 12400000."""
    cell, value = FORMATS[fmt]
    assert cell_value(cell) == value
    table = SCORECARD.with_cell(0, "result", cell, f"format-{fmt}")
    assert table.problems() == []
    records = read(table, rendering)
    assert (".result", key(value)) in indicator_results(records)
    assert_same_facts(records, table)


# --- no indicators where none are stated --------------------------------------------------------

MINUTES = """Adults and Health Scrutiny Committee

Minutes of the meeting held on Tuesday 14 November 2023

Present: Councillors A. Harding (Chair), P. Okafor, L. Brennan and S. Whitlock.

5. Adult Social Care Performance Report – Quarter 2 2023/24

The Director of Adult Social Services introduced the report on Kelbury's performance for the quarter.
Of the 24 indicators, 15 were green, 6 amber and 3 red.

Members asked about the following indicators:

AS07: Percentage of reviews completed – the committee noted the position.
ASCOF 2A(2): Long-term support needs of older adults met by admission to care homes – members
asked for a breakdown by locality at the next meeting.
NI 136 People supported to live independently – the committee welcomed the improvement.
AS12 Carers' assessments completed within 28 days – officers will report back in quarter 3.

RESOLVED that the report be noted.
"""

NAMES_ONLY = Table(
    "indicator_list",
    "Kelbury Borough Council",
    Prose(
        "Appendix B – Adult Social Care Indicator Set 2024/25",
        "The indicators below will be reported to the committee from the first quarter of the year, "
        "each with its lead officer and the frequency of reporting.",
        "Targets for each indicator will be set once the outturn for the current year is known.",
    ),
    (
        Column("ref", "ref", "Ref"),
        Column("measure", "measure", "Indicator"),
        Column("lead", "note", "Lead officer"),
        Column("frequency", "note", "Frequency"),
    ),
    (
        Row("AS07", "Percentage of reviews completed", {"lead": "Head of Assessment", "frequency": "Monthly"}),
        Row(
            "ASC 2A",
            "Long-term support needs met by admission to care homes, per 100,000 population",
            {"lead": "Head of Commissioning", "frequency": "Quarterly"},
        ),
        Row("NI 136", "People supported to live independently", {"lead": "Head of Reablement", "frequency": "Annual"}),
    ),
)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_minutes_naming_indicators_or_counting_ratings_give_no_indicator(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"minutes{suffix}"
    path.write_text(MINUTES, encoding="utf-8")
    assert [r for r in run_extract(path) if r["fact"] == "indicator"] == []


@pytest.mark.parametrize(
    "line",
    [
        "Of the 24 indicators, 15 were green, 6 amber and 3 red.",
        "AS07: Percentage of reviews completed – the committee noted the position.",
        "AS12 Carers' assessments completed within 28 days – officers will report back in quarter 3.",
    ],
    ids=["rag-count", "named-indicator", "named-indicator-with-figures-in-its-name"],
)
def test_a_minute_line_alone_gives_no_indicator(tmp_path: Path, line: str) -> None:
    path = tmp_path / "minute.txt"
    path.write_text(f"Adult Social Care Performance Report – Quarter 2 2023/24\n\n{line}\n", encoding="utf-8")
    assert [r for r in run_extract(path) if r["fact"] == "indicator"] == []


@pytest.mark.parametrize("rendering", TEXT)
def test_a_table_of_indicator_names_without_figures_gives_no_indicator(read: Read, rendering: str) -> None:
    assert [(r["metric_id"], r["value"]) for r in read(NAMES_ONLY, rendering) if r["fact"] == "indicator"] == []


def test_the_tables_cover_the_layouts_the_spec_names() -> None:
    """Guards the suite itself: six tables, every role, a quarterly and a benchmarks-only table."""
    assert len({t.name for t in TABLES}) == len(TABLES) >= 6
    roles = {c.role for t in TABLES for c in t.columns}
    assert roles >= {"ref", "measure", "result", "target", "previous", "benchmark", "rag", "dot", "polarity"}
    assert not BENCHMARKING.asserts_indicators and BENCHMARKING.expected_comparisons()
    assert {c.header for c in QUARTERLY.columns} >= {"Q1 2023-24", "Q2 2023-24"}
    assert PDF in ALL_RENDERINGS and all(pdf_path(t).exists() for t in TABLES)
