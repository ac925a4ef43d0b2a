"""Properties of the table reader over generated indicator tables, in every text rendering.

Hypothesis draws a council, a header for each column from the words councils use (in any order
after the ref and measure), measure names from a vocabulary (some with figures in them), refs in
one style, rows of figures in one format each (%, counts, £, £k, £m, negatives) and cells left
missing; `lacompare extract --format jsonl` must then keep to these rules whatever it draws:

- every record's numbers are in its quote;
- no record's value is a year a header names;
- the indicator results are the rows' result cells, each once;
- no figure appears in a record of a row it was not generated in (nor any label's figure).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from .tablegen import (
    MISSING,
    NO_DIFFERENCE,
    REF_STYLES,
    RENDERINGS,
    Column,
    Record,
    Rendering,
    Row,
    Table,
    cell_value,
    differences,
    indicator_results,
    key,
    numbers_in,
    prose,
    record_numbers,
    row_problems,
    run_extract,
    write,
)

# No shrinking: each example runs the command line (~0.07 s) and shrinking a failure took half a
# minute; a failing example prints its whole document instead (see `extract`).
# derandomize: CI runs the same examples every time (a random run that finds a new shape is a
# local finding to turn into a test of its own, not a red build on someone else's change).
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

COUNCILS = (
    "Kelbury Borough Council",
    "Ashmoor City Council",
    "Westmarsh Council",
    "Fenwick Vale Council",
    "Harrowdale Metropolitan Borough Council",
    "Brackenford County Council",
)

VOCABULARY = (
    "Social care-related quality of life score",
    "Proportion of people who use services who have control over their daily life",
    "Proportion of people who use services who receive direct payments",
    "Proportion of carers who receive direct payments",
    "Proportion of adults with a learning disability in paid employment",
    "Proportion of adults in contact with secondary mental health services living independently",
    "Long-term support needs of younger adults (aged 18-64) met by admission to care homes, per 100,000 population",
    "Long-term support needs of older adults (aged 65 and over) met by admission to care homes",
    "Proportion of older people still at home 91 days after discharge from hospital into reablement",
    "Overall satisfaction of people who use services with their care and support",
    "Overall satisfaction of carers with social services",
    "Proportion of people who use services who feel safe",
    "Number of people waiting for a Care Act assessment",
    "Median wait for an occupational therapy assessment in days",
    "Percentage of safeguarding enquiries concluded within 28 days",
    "Percentage of people in receipt of long-term support reviewed in the last 12 months",
    "Number of carers' assessments completed",
    "Spend on direct payments",
    "Average weekly cost of a residential care placement",
    "Variance against the adult social care budget",
    "Number of adults in permanent residential or nursing care",
    "Percentage of new requests for support resolved at first contact",
    "Delayed discharges from hospital per 100,000 population",
    "Hospital discharges to the person's usual place of residence",
)

# One figure format a row: (lowest, highest) integer drawn, and how it is printed.
FORMATS = {
    "percent": (150, 999, lambda n: f"{n / 10:.1f}%"),
    "decimal": (150, 9999, lambda n: f"{n / 10:.1f}"),
    "count": (150, 99999, lambda n: f"{n:,}"),
    "pounds": (150, 9999, lambda n: f"£{n:,}"),
    "pounds-millions": (11, 999, lambda n: f"£{n / 10:.1f}m"),
    "pounds-thousands": (150, 999, lambda n: f"£{n}k"),
    "bracketed-negative": (11, 99, lambda n: f"({n / 10:.1f})"),
    "minus": (11, 99, lambda n: f"-{n / 10:.1f}"),
}
WORDS = {
    "rag": ("Red", "Amber", "Green"),
    "dot": ("Improving", "Worsening", "↑", "↓", "Same"),
    "polarity": ("High", "Low"),
}
BENCHMARKS = {
    "England": ("England", "National", "England average"),
    "regional": ("Regional", "South East", "London"),
    "CIPFA": ("CIPFA", "CIPFA comparator group"),
    "comparator group": ("Comparator group", "Statistical neighbours", "SN average", "Nearest neighbours"),
}


@st.composite
def headers(draw: st.DrawFn) -> list[Column]:
    """The value columns of a table: a result, and any of target, previous, benchmarks, RAG, DoT, polarity."""
    start = draw(st.sampled_from((2022, 2023, 2024)))
    year, last = f"{start}/{start + 1 - 2000}", f"{start - 1}/{start - 2000}"
    result = draw(st.sampled_from((f"{year} Outturn", f"{year} Actual", f"Result {year}", "Year to date", year)))
    period = None if result == "Year to date" else year
    columns = [Column("result", "result", result, period)]
    if draw(st.booleans()):
        columns.append(Column("target", "target", draw(st.sampled_from(("Target", "Tgt", f"{year} Target", "Plan")))))
    if draw(st.booleans()):
        previous = ("Last year", "Previous", "Baseline") + ((f"{last} Outturn",) if result.endswith("Outturn") else ())
        columns.append(Column("previous", "previous", draw(st.sampled_from(previous))))
    for group in draw(st.lists(st.sampled_from(sorted(BENCHMARKS)), unique=True, max_size=3)):
        columns.append(Column(f"bench:{group}", "benchmark", draw(st.sampled_from(BENCHMARKS[group])), None, group))
    for role, names in (("rag", ("RAG", "Status")), ("dot", ("DoT", "Direction of travel", "Trend"))):
        if draw(st.booleans()):
            columns.append(Column(role, role, draw(st.sampled_from(names))))
    if draw(st.integers(0, 3)) == 0:
        columns.append(Column("polarity", "polarity", draw(st.sampled_from(("Polarity", "Good is")))))
    return draw(st.permutations(columns))


@st.composite
def tables(draw: st.DrawFn, blanks: bool) -> Table:
    """A table whose figures are distinct and none of them a header's, ref's or label's number."""
    council = draw(st.sampled_from(COUNCILS))
    values = draw(headers())
    size = draw(st.integers(1, 6))
    measures = draw(st.lists(st.sampled_from(VOCABULARY), min_size=size, max_size=size, unique=True))
    style = draw(st.sampled_from(sorted(REF_STYLES) + ["none"] * 2))
    refs = REF_STYLES[style] or [""] * 6
    labels = [Column("ref", "ref", draw(st.sampled_from(("Ref", "KPI", "Code"))))] if REF_STYLES[style] else []
    labels.append(Column("measure", "measure", draw(st.sampled_from(("Indicator", "Measure", "Description")))))
    shell = Table("generated", council, prose(council, "", ""), (*labels, *values), ())
    rows = tuple(Row(refs[i], m, {}) for i, m in enumerate(measures))
    forbidden = shell.header_numbers() | Table("", council, shell.prose, shell.columns, rows).label_numbers()
    used: set[float] = set()
    markers = MISSING if blanks else tuple(m for m in MISSING if m)

    def fresh(cell: str) -> bool:
        value = cell_value(cell)
        return value is not None and abs(key(value)) not in used | forbidden

    filled = []
    for row in rows:
        low, high, show = FORMATS[draw(st.sampled_from(sorted(FORMATS)))]
        cells = {}
        for column in values:
            if column.role in WORDS:
                cells[column.key] = draw(st.sampled_from(WORDS[column.role]))
            elif draw(st.integers(0, 7)) == 0:
                cells[column.key] = draw(st.sampled_from(markers))
            else:
                cell = draw(st.integers(low, high).map(show).filter(fresh))
                used.add(abs(key(cell_value(cell) or 0)))
                cells[column.key] = cell
        filled.append(Row(row.ref, row.measure, cells))
    year = next((c.period for c in values if c.period), None) or "2023/24"
    title = f"Adult Social Care Performance Report – {year}"
    return Table("generated", council, prose(council, title, "key indicators"), shell.columns, tuple(filled))


@st.composite
def documents(draw: st.DrawFn) -> tuple[Table, Rendering]:
    rendering = draw(st.sampled_from(RENDERINGS))
    return draw(tables(blanks=rendering.shows_blank_cells)), rendering


def extract(table: Table, rendering: Rendering) -> list[Record]:
    note(f"--- the document ({rendering.name}) ---\n{rendering.render(table)}")
    with tempfile.TemporaryDirectory() as folder:
        return run_extract(write(table, rendering.name, Path(folder)))


@SETTINGS
@given(documents())
def test_generated_tables_are_fair(document: tuple[Table, Rendering]) -> None:
    """The generator itself: figures unique to their cells, every rendering writable."""
    table, rendering = document
    assert table.problems() == []
    assert rendering.render(table)


@SETTINGS
@given(documents())
def test_every_records_numbers_are_in_its_quote(document: tuple[Table, Rendering]) -> None:
    table, rendering = document
    for r in extract(table, rendering):
        missing = [n for n in record_numbers(r) if abs(n) not in numbers_in(r["quote"] or "")]
        assert missing == [], (r["metric_id"], r["quote"])


@SETTINGS
@given(documents())
def test_no_record_value_is_a_header_year(document: tuple[Table, Rendering]) -> None:
    table, rendering = document
    years = table.header_years()
    assert [r for r in extract(table, rendering) if set(record_numbers(r)) & years] == []


@SETTINGS
@given(documents())
def test_each_indicator_result_is_its_rows_result_cell(document: tuple[Table, Rendering]) -> None:
    table, rendering = document
    records = extract(table, rendering)
    if table.asserts_indicators:
        got = [value for suffix, value in indicator_results(records) if suffix == ".result"]
        want = [value for suffix, value in table.expected_indicators() if suffix == ".result"]
        assert differences(got, want) == NO_DIFFERENCE


@SETTINGS
@given(documents())
def test_no_value_appears_in_a_row_it_was_not_generated_in(document: tuple[Table, Rendering]) -> None:
    table, rendering = document
    assert row_problems(table, extract(table, rendering)) == []
