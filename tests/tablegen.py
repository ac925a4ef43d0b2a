"""Indicator tables as a small model, and one table written in every shape council papers print it.

A `Table` is columns (each with a role and a header as printed) and rows (a ref, a measure name
and cells as printed). The model says which facts a reader must give for it (`expected_indicators`,
`expected_comparisons`); the renderers write the SAME table as aligned text, tab-separated text, a
markdown pipe table, an HTML page, the flattened lines PDF text extraction gives (one line a row;
label above its values; a label wrapped over two lines) and, once, as a PDF printed by Chromium.

Every rendering sits in a few lines of prose for a fictional council (no real English council).
Numbers of a table are distinct from one another (their absolute values), from the numbers of its
headers, refs and labels, so a value found in the output names the one cell it came from.

The PDFs are committed under tests/data/tables/ with the HTML they were printed from; regenerate
them (needs `chromium`) with:  python -m tests.tablegen
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

Number = int | float
Record = dict[str, Any]

DATA = Path(__file__).parent / "data" / "tables"

# --- cells ------------------------------------------------------------------------------------

# Cells that state no figure: they give no record and are never 0.
MISSING = ("n/a", "N/A", "TBC", "-", "*", "")

_VALUE = re.compile(
    r"^(?P<open>\()?(?P<minus>-)?(?P<pound>£)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>[km])?(?P<pct>%)?(?(open)\))$"
)
_SCALE = {"k": 3, "m": 6}


def cell_value(cell: str) -> Number | None:
    """The figure a value cell states: '65.9%' -> 65.9, '1,234' -> 1234, '(1.2)' -> -1.2,
    '£12.4m' -> 12400000, '£850k' -> 850000; 'n/a', 'Green', '' -> None."""
    m = _VALUE.match(cell.strip())
    if not m:
        return None
    number = Decimal(m["num"].replace(",", "")).scaleb(_SCALE[m["scale"]] if m["scale"] else 0)
    if m["open"] or m["minus"]:
        number = -number
    return int(number) if number == number.to_integral_value() and "." not in m["num"] else float(number)


# Any figure as text states it, in each reading it allows ('£12.4m' is 12.4 and 12400000).
_NUMBER_IN_TEXT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?([km])\b)?")


def numbers_in(text: str) -> set[float]:
    """Absolute values of every figure the text states (a quote shows '(1.2)' for -1.2)."""
    out: set[float] = set()
    for m in _NUMBER_IN_TEXT.finditer(text):
        plain = Decimal(m[1].replace(",", "") + (m[2] or ""))
        out.add(key(plain))
        if m[3]:
            out.add(key(plain.scaleb(_SCALE[m[3]])))
    return out


def key(value: Number | Decimal) -> float:
    """A figure as the tests compare it (absolute value where signs do not matter is the caller's)."""
    return round(float(value), 6)


# --- the model --------------------------------------------------------------------------------

# Column roles. Value roles give indicator records with these metric_id suffixes.
SUFFIXES = {"result": ".result", "target": ".target", "previous": ".previous"}
ROLES = ("ref", "measure", *SUFFIXES, "benchmark", "rag", "dot", "polarity")

# What a comparison's comparator may say for a benchmark column of each group.
GROUP_NAMES = {
    "England": r"england|national",
    "regional": r"region|south east|north west|east midlands|london",
    "CIPFA": r"cipfa|comparator",
    "comparator group": r"comparator|neighbour|statistical|\bsn\b",
}


@dataclass(frozen=True)
class Column:
    key: str  # the column's identity across variants: "result", "bench:England", ...
    role: str
    header: str
    period: str | None = None  # the period its figures are for, when its header states one
    group: str | None = None  # benchmark columns: one of GROUP_NAMES


@dataclass(frozen=True)
class Row:
    ref: str
    measure: str
    cells: Mapping[str, str]  # column key -> cell as printed

    def cell(self, column: Column) -> str:
        if column.role == "ref":
            return self.ref
        if column.role == "measure":
            return self.measure
        return self.cells.get(column.key, "")


@dataclass(frozen=True)
class Prose:
    title: str
    intro: str
    closing: str


@dataclass(frozen=True)
class Table:
    name: str
    council: str
    prose: Prose
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str = "Table: performance against the key indicators"

    # -- what a reader must give --

    def column(self, key_: str) -> Column | None:
        return next((c for c in self.columns if c.key == key_), None)

    def of_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    @property
    def asserts_indicators(self) -> bool:
        """A table of only the council's value and benchmarks promises comparisons, not indicators."""
        return any(c.role in ("ref", "target", "previous", "rag") for c in self.columns)

    def result(self, row: Row) -> Number | None:
        results = self.of_role("result")
        return cell_value(row.cell(results[0])) if results else None

    def expected_indicators(self) -> list[tuple[str, float]]:
        """(metric_id suffix, value) of every value cell stating a figure."""
        out = []
        for row in self.rows:
            for column in self.columns:
                value = cell_value(row.cell(column)) if column.role in SUFFIXES else None
                if value is not None:
                    out.append((SUFFIXES[column.role], key(value)))
        return sorted(out, key=str)

    def expected_comparisons(self) -> list[tuple[float, float]]:
        """(result, benchmark) of every benchmark cell with a figure, in a row with a result,
        when the benchmark's period is the result's or either states none."""
        results = self.of_role("result")
        period = results[0].period if results else None
        out = []
        for row in self.rows:
            result = self.result(row)
            for column in self.of_role("benchmark"):
                bench = cell_value(row.cell(column))
                same_period = column.period is None or period is None or column.period == period
                if result is not None and bench is not None and same_period:
                    out.append((key(result), key(bench)))
        return sorted(out, key=str)

    def benchmark_group(self, value: Number) -> str | None:
        """The group of the benchmark column holding this figure."""
        for row in self.rows:
            for column in self.of_role("benchmark"):
                bench = cell_value(row.cell(column))
                if bench is not None and key(bench) == key(value):
                    return column.group
        return None

    def row_numbers(self, row: Row) -> set[float]:
        """Absolute values of the figures of a row's value cells."""
        out = set()
        for column in self.columns:
            if column.role not in ("ref", "measure"):
                value = cell_value(row.cell(column))
                if value is not None:
                    out.add(abs(key(value)))
        return out

    def header_years(self) -> set[float]:
        """The years headers name ('2023/24', 'Q2 2023-24': 2023, 24 and 2024): never a value."""
        out = set()
        for column in self.columns:
            for m in re.finditer(r"(?<!\d)(20\d\d)(?:[-/–](\d\d))?(?!\d)", column.header):
                out.add(key(int(m[1])))
                if m[2]:
                    out |= {key(int(m[2])), key(int(m[1][:2] + m[2]))}
        return out

    def header_numbers(self) -> set[float]:
        """Numbers of the headers ('2023/24' is 2023 and 24; 'Q2' is 2): never a value."""
        out = set()
        for column in self.columns:
            out |= numbers_in(column.header)
            out |= {key(int(m)) for m in re.findall(r"\d+", column.header)}
        return out

    def label_numbers(self) -> set[float]:
        out = set()
        for row in self.rows:
            out |= numbers_in(f"{row.ref} {row.measure}") | {key(int(m)) for m in re.findall(r"\d+", row.ref)}
        return out

    def problems(self) -> list[str]:
        """Why the table would make an unfair test: numbers that are not unique to one cell."""
        seen: dict[float, str] = {}
        out = []
        for row in self.rows:
            for column in self.columns:
                value = cell_value(row.cell(column)) if column.role not in ("ref", "measure") else None
                if value is None:
                    continue
                where = f"{row.ref or row.measure[:20]}/{column.key}"
                if abs(key(value)) in seen:
                    out.append(f"{where} repeats {seen[abs(key(value))]}")
                seen[abs(key(value))] = where
        clash = set(seen) & (self.header_numbers() | self.label_numbers())
        out += [f"{seen[n]} is also a header or label number" for n in sorted(clash)]
        if len({r.measure for r in self.rows}) != len(self.rows):
            out.append("two rows share a measure")
        return out

    # -- variants (the metamorphic relations) --

    def reordered(self, seed: int) -> Table:
        """The value columns in another order (ref and measure stay first)."""
        labels = [c for c in self.columns if c.role in ("ref", "measure")]
        values = [c for c in self.columns if c.role not in ("ref", "measure")]
        rng = random.Random(seed)
        shuffled = values[:]
        while len(values) > 1 and shuffled == values:
            rng.shuffle(shuffled)
        return replace(self, name=f"{self.name}-order{seed}", columns=(*labels, *shuffled))

    def with_header(self, key_: str, header: str) -> Table:
        columns = tuple(replace(c, header=header) if c.key == key_ else c for c in self.columns)
        assert columns != self.columns, key_
        return replace(self, name=f"{self.name}-{key_}={header}", columns=columns)

    def with_refs(self, refs: Sequence[str] | None, label: str) -> Table:
        """Refs in another style; None drops the ref column."""
        if refs is None:
            columns = tuple(c for c in self.columns if c.role != "ref")
            rows = tuple(replace(r, ref="") for r in self.rows)
        else:
            columns = self.columns
            if not self.of_role("ref"):
                columns = (Column("ref", "ref", "Ref"), *columns)
            rows = tuple(replace(r, ref=ref) for r, ref in zip(self.rows, refs, strict=False))
        return replace(self, name=f"{self.name}-refs-{label}", columns=columns, rows=rows)

    def with_measures(self, measures: Sequence[str], label: str) -> Table:
        rows = tuple(replace(r, measure=m) for r, m in zip(self.rows, measures, strict=True))
        return replace(self, name=f"{self.name}-{label}", rows=rows)

    def with_cell(self, row_index: int, key_: str, text: str, label: str) -> Table:
        rows = list(self.rows)
        rows[row_index] = replace(rows[row_index], cells={**rows[row_index].cells, key_: text})
        return replace(self, name=f"{self.name}-{label}", rows=tuple(rows))

    @property
    def has_blank_cells(self) -> bool:
        return any(r.cell(c) == "" for r in self.rows for c in self.columns if c.role != "ref")


# --- renderings -------------------------------------------------------------------------------


def _cells(table: Table, row: Row) -> list[str]:
    return [row.cell(c) for c in table.columns]


def _headers(table: Table) -> list[str]:
    return [c.header for c in table.columns]


def _label_and_values(table: Table, row: Row) -> tuple[str, list[str]]:
    label = " ".join(row.cell(c) for c in table.columns if c.role in ("ref", "measure") and row.cell(c))
    values = [row.cell(c) for c in table.columns if c.role not in ("ref", "measure")]
    if "" in values:
        raise ValueError(f"{table.name}: a flattened rendering cannot show a blank cell")
    return label, values


def _prose_lines(table: Table, lines: list[str]) -> str:
    p = table.prose
    return "\n".join([p.title, "", p.intro, "", table.caption, "", *lines, "", p.closing, ""])


def aligned(table: Table) -> str:
    """Columns padded with spaces, at least two between cells (a .txt export of a spreadsheet)."""
    grid = [_headers(table)] + [_cells(table, r) for r in table.rows]
    widths = [max(len(line[i]) for line in grid) for i in range(len(table.columns))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in grid]
    return _prose_lines(table, lines)


def tab_separated(table: Table) -> str:
    grid = [_headers(table)] + [_cells(table, r) for r in table.rows]
    return _prose_lines(table, ["\t".join(line) for line in grid])


def markdown(table: Table) -> str:
    grid = [_headers(table)] + [_cells(table, r) for r in table.rows]
    lines = ["| " + " | ".join(line) + " |" for line in grid]
    lines.insert(1, "|" + "|".join(" --- " for _ in table.columns) + "|")
    p = table.prose
    return "\n".join([f"# {p.title}", "", p.intro, "", f"**{table.caption}**", "", *lines, "", p.closing, ""])


_CSS = (
    "@page { size: A4 landscape; margin: 12mm; }\n"
    "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; }\n"
    "table { border-collapse: collapse; width: 100%; }\n"
    "th, td { border: 1px solid #555; padding: 3px 5px; text-align: left; vertical-align: top; }\n"
    "th { background: #dde4ee; }\n"
)


def html_page(table: Table) -> str:
    e = html.escape
    p = table.prose
    head = "".join(f"<th>{e(h)}</th>" for h in _headers(table))
    body = "\n".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in _cells(table, r)) + "</tr>" for r in table.rows)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(p.title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{e(p.title)}</h1>\n<p>{e(p.intro)}</p>\n"
        f"<table>\n<caption>{e(table.caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>\n<p>{e(p.closing)}</p>\n</body>\n</html>\n"
    )


def flattened(table: Table) -> str:
    """The header on one line, each row on one line: label, then values, single spaces."""
    lines = [" ".join(_headers(table))]
    for row in table.rows:
        label, values = _label_and_values(table, row)
        lines.append(" ".join([label, *values]))
    return _prose_lines(table, lines)


def label_above_values(table: Table) -> str:
    """Each row's label on one line and its values on the next."""
    lines = [" ".join(_headers(table))]
    for row in table.rows:
        label, values = _label_and_values(table, row)
        lines += [label, " ".join(values)]
    return _prose_lines(table, lines)


def _wrap(label: str) -> tuple[str, str]:
    words = label.split(" ")
    if len(words) < 7:
        return label, ""
    cut = max(4, len(words) // 2)
    return " ".join(words[:cut]), " ".join(words[cut:])


def wrapped_label(table: Table) -> str:
    """A long label's first half with the values on one line, its second half on the next."""
    lines = [" ".join(_headers(table))]
    for row in table.rows:
        label, values = _label_and_values(table, row)
        head, tail = _wrap(label)
        lines.append(" ".join([head, *values]))
        if tail:
            lines.append(tail)
    return _prose_lines(table, lines)


def wrapped_label_values_after(table: Table) -> str:
    """A long label's first half on one line, its second half then the values on the next."""
    lines = [" ".join(_headers(table))]
    for row in table.rows:
        label, values = _label_and_values(table, row)
        head, tail = _wrap(label)
        lines += [head, " ".join([tail, *values])] if tail else [" ".join([label, *values])]
    return _prose_lines(table, lines)


@dataclass(frozen=True)
class Rendering:
    name: str
    suffix: str
    render: Callable[[Table], str]
    shows_blank_cells: bool  # a blank cell keeps its place (cell boundaries are visible)


RENDERINGS = (
    Rendering("aligned", ".txt", aligned, True),
    Rendering("tab-separated", ".txt", tab_separated, True),
    Rendering("markdown", ".md", markdown, True),
    Rendering("html", ".html", html_page, True),
    Rendering("flattened", ".txt", flattened, False),
    Rendering("label-above-values", ".txt", label_above_values, False),
    Rendering("wrapped-label", ".txt", wrapped_label, False),
    Rendering("wrapped-label-values-after", ".txt", wrapped_label_values_after, False),
)
TEXT_RENDERINGS = {r.name: r for r in RENDERINGS}
PDF = "pdf"  # printed once from html_page by Chromium; committed
ALL_RENDERINGS = (*TEXT_RENDERINGS, PDF)


def pdf_path(table: Table) -> Path:
    return DATA / f"{table.name}.pdf"


def write(table: Table, rendering: str, folder: Path) -> Path:
    """The table as a document in that rendering (the committed file for pdf)."""
    if rendering == PDF:
        return pdf_path(table)
    r = TEXT_RENDERINGS[rendering]
    path = folder / re.sub(r"[^\w.()-]+", "_", f"{table.name}-{rendering}{r.suffix}")
    path.write_text(r.render(table), encoding="utf-8")
    return path


# --- reading it back with the command line ------------------------------------------------------


def run_extract(path: Path) -> list[Record]:
    """`lacompare extract PATH --format jsonl`, in process (no cache, no guard process)."""
    from typer.testing import CliRunner

    from lacompare.cli import app

    args = ["extract", str(path), "--format", "jsonl", "--no-cache", "-q", "-j", "1"]
    result = CliRunner().invoke(app, [*args, "--timeout", "0", "--memory-limit", "0"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _number(value: Any) -> float | Any:
    return key(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def indicator_results(records: Iterable[Record]) -> list[tuple[str, Any]]:
    """(metric_id suffix, value) of the indicator records for results, targets and previous results."""
    out = []
    for r in records:
        metric_id = r.get("metric_id") or ""
        suffix = next((s for s in SUFFIXES.values() if metric_id.endswith(s)), None)
        if r["fact"] == "indicator" and suffix:
            out.append((suffix, _number(r["value"])))
    return sorted(out, key=str)


def comparison_pairs(records: Iterable[Record]) -> list[tuple[Any, Any]]:
    pairs = [(_number(r["value"]), _number(r["comparator_value"])) for r in records if r["fact"] == "comparison"]
    return sorted(pairs, key=str)


def differences(got: Sequence[Any], want: Sequence[Any]) -> dict[str, list[Any]]:
    """What is missing from and what is beyond the wanted multiset (both empty when they agree)."""
    missing, unexpected = list(want), []
    for item in got:
        if item in missing:
            missing.remove(item)
        else:
            unexpected.append(item)
    return {"missing": missing, "unexpected": unexpected}


NO_DIFFERENCE: dict[str, list[Any]] = {"missing": [], "unexpected": []}


def record_numbers(record: Record) -> list[float]:
    return [key(v) for v in (record["value"], record["comparator_value"]) if isinstance(v, int | float)]


def row_problems(table: Table, records: list[Record]) -> list[str]:
    """Records that break the row rules: a number missing from the quote, a header year as a value,
    numbers that are not the cells of one row, a quote not showing its row's ref."""
    out = []
    years = table.header_years()
    rows = [(row, table.row_numbers(row)) for row in table.rows]
    for r in records:
        numbers = record_numbers(r)
        what = f"{r['fact']} {r['metric_id']} = {r['value']!r} / {r['comparator_value']!r}"
        quote = r["quote"] or ""
        missing = [n for n in numbers if abs(n) not in numbers_in(quote)]
        if missing:
            out.append(f"{what}: the quote {quote!r} lacks {missing}")
        if any(n in years for n in numbers):
            out.append(f"{what}: a header year as a value")
        if r["fact"] not in ("indicator", "comparison") or not numbers:
            continue
        homes = [row for row, cells in rows if all(abs(n) in cells for n in numbers)]
        if not homes:
            out.append(f"{what}: its numbers are not the cells of one row (quote {quote!r})")
        elif homes[0].ref and squash(homes[0].ref) not in squash(quote):
            out.append(f"{what}: the quote {quote!r} does not show the row's ref {homes[0].ref!r}")
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


# --- the tables -------------------------------------------------------------------------------


def prose(council: str, title: str, what: str) -> Prose:
    """A title, an introductory paragraph and a closing one, with no figures but the title's."""
    return Prose(title, _intro(council, what), _CLOSING)


def _intro(council: str, what: str) -> str:
    return (
        f"This report sets out {council}'s performance against the {what} for adult social care. "
        "Each indicator is shown with its latest result and, where one is set, its target; members "
        "are asked to note the areas of strong performance and those where further work is under way."
    )


_CLOSING = (
    "Officers will continue to monitor these indicators through the monthly performance board, and "
    "an update on the actions to improve the areas rated below target will be brought to the next meeting."
)


def _rows(columns: Sequence[Column], *rows: Sequence[str]) -> tuple[Row, ...]:
    """Rows given as (ref, measure, value cells in the order of the value columns)."""
    values = [c for c in columns if c.role not in ("ref", "measure")]
    out = []
    for ref, measure, *cells in rows:
        assert len(cells) == len(values), (measure, cells)
        out.append(Row(ref, measure, {c.key: cell for c, cell in zip(values, cells, strict=True)}))
    return tuple(out)


def _table(
    name: str, council: str, title: str, what: str, columns: Sequence[Column], *rows: Sequence[str], caption: str = ""
) -> Table:
    return Table(
        name,
        council,
        prose(council, title, what),
        tuple(columns),
        _rows(columns, *rows),
        caption=caption or "Table: performance against the key indicators",
    )


REF = Column("ref", "ref", "Ref")
MEASURE = Column("measure", "measure", "Measure")

ASCOF_OUTTURN = _table(
    "ascof_outturn",
    "Brackenford County Council",
    "Adult Social Care Outcomes Framework – Annual Performance Summary 2023/24",
    "Adult Social Care Outcomes Framework measures",
    [
        REF,
        MEASURE,
        Column("previous", "previous", "2022/23 Outturn", "2022/23"),
        Column("result", "result", "2023/24 Outturn", "2023/24"),
        # England's figure is a year behind: no comparison with this year's result.
        Column("bench:England", "benchmark", "England 2022/23", "2022/23", "England"),
        Column("polarity", "polarity", "Polarity"),
    ],
    ("1A", "Social care-related quality of life score", "18.7", "19.1", "18.9", "High"),
    ("1C(2)", "Proportion of people who use services who receive direct payments", "27.4%", "26.8%", "26.2%", "High"),
    (
        "2A(1)",
        "Long-term support needs of younger adults (aged 18-64) met by admission to residential and nursing "
        "care homes, per 100,000 population",
        "14.6",
        "13.3",
        "14.9",
        "Low",
    ),
    (
        "2A(2)",
        "Long-term support needs of older adults (aged 65 and over) met by admission to residential and "
        "nursing care homes, per 100,000 population",
        "571.8",
        "548.2",
        "560.8",
        "Low",
    ),
    (
        "2B(1)",
        "Proportion of older people (65 and over) who were still at home 91 days after discharge from "
        "hospital into reablement services",
        "83.7%",
        "n/a",
        "82.3%",
        "High",
    ),
    (
        "3A",
        "Overall satisfaction of people who use services with their care and support",
        "62.8%",
        "64.1%",
        "N/A",
        "High",
    ),
    caption="Table 1: ASCOF measures, outturn for the last two years",
)

LOCAL_KPIS = _table(
    "local_kpis_rag",
    "Kelbury Borough Council",
    "Adult Social Care Performance Report – Quarter 2 2023/24",
    "local key performance indicators",
    [
        Column("ref", "ref", "KPI"),
        Column("measure", "measure", "Performance indicator"),
        Column("polarity", "polarity", "Good is"),
        Column("target", "target", "2023/24 Target", "2023/24"),
        Column("result", "result", "Year to date"),
        Column("previous", "previous", "Last year"),
        Column("rag", "rag", "RAG"),
        Column("dot", "dot", "DoT"),
    ],
    (
        "AS01",
        "Percentage of new requests for support resolved at first contact",
        "High",
        "70.0%",
        "72.4%",
        "68.9%",
        "Green",
        "Improving",
    ),
    (
        "AS02",
        "Number of adults in permanent residential or nursing care",
        "Low",
        "1,150",
        "1,212",
        "1,187",
        "Red",
        "Worsening",
    ),
    (
        "AS03",
        "Percentage of safeguarding enquiries where the person's desired outcomes were fully or partially met",
        "High",
        "95.0%",
        "96.3%",
        "97.1%",
        "Green",
        "Worsening",
    ),
    (
        "AS04",
        "Average number of days from referral to completed Care Act assessment",
        "Low",
        "28",
        "35",
        "TBC",
        "Amber",
        "Same",
    ),
    (
        "AS05",
        "Percentage of people in receipt of long-term support reviewed in the last twelve months",
        "High",
        "80.0%",
        "57.5%",
        "61.2%",
        "Red",
        "Worsening",
    ),
    ("AS06", "Carers' assessments completed", "High", "1,400", "*", "1,326", "Amber", "Improving"),
    caption="Table 1: local key performance indicators, position at the end of September",
)

BENCHMARKING = _table(
    "benchmarking",
    "Ashmoor City Council",
    "Adult Social Care Benchmarking Report 2022/23",
    "national and regional benchmarks",
    [
        Column("measure", "measure", "Indicator"),
        Column("result", "result", "Ashmoor 2022/23", "2022/23"),
        Column("bench:England", "benchmark", "England", None, "England"),
        Column("bench:regional", "benchmark", "South East", None, "regional"),
        Column("bench:CIPFA", "benchmark", "CIPFA comparator group", None, "CIPFA"),
    ],
    (
        "",
        "Proportion of people who use services who have control over their daily life",
        "78.4%",
        "77.2%",
        "78.9%",
        "76.5%",
    ),
    (
        "",
        "Proportion of carers who reported that they had as much social contact as they would like",
        "27.9%",
        "28.0%",
        "29.3%",
        "n/a",
    ),
    (
        "",
        "Proportion of people who use services who find it easy to find information about support",
        "66.2%",
        "67.1%",
        "69.4%",
        "65.8%",
    ),
    ("", "Gross expenditure on adult social care per head of adult population", "£512", "£497", "£455", "£530"),
    ("", "Delayed discharges from hospital per 100,000 population", "9.6", "11.2", "8.7", "10.3"),
    caption="Table 2: how Ashmoor compares",
)

QUARTERLY = _table(
    "quarterly",
    "Westmarsh Council",
    "Adults and Health Scorecard – Quarter 2 2023-24",
    "quarterly scorecard measures",
    [
        Column("ref", "ref", "Code"),
        Column("measure", "measure", "Indicator"),
        Column("previous", "previous", "Q1 2023-24", "Q1 2023-24"),
        Column("result", "result", "Q2 2023-24", "Q2 2023-24"),
        Column("target", "target", "Target"),
        Column("rag", "rag", "Status"),
        Column("dot", "dot", "Trend"),
    ],
    ("ASC 1A", "Number of people supported by reablement services", "412", "438", "450", "Amber", "↑"),
    (
        "ASC 1B",
        "Percentage of reablement episodes ending with no ongoing support",
        "71.3%",
        "74.8%",
        "75.0%",
        "Amber",
        "↑",
    ),
    ("ASC 2A", "Number of people waiting for a Care Act assessment", "1,046", "987", "800", "Red", "↓"),
    ("ASC 2B", "Median wait for an occupational therapy assessment in days", "43", "39", "30", "Red", "Same"),
    (
        "ASC 3A",
        "Percentage of adult safeguarding concerns progressed to enquiry within five working days",
        "88.6%",
        "-",
        "90.0%",
        "Green",
        "Same",
    ),
    ("ASC 3B", "Direct payments as a percentage of community-based services", "29.7%", "30.2%", "32.0%", "Amber", "↑"),
    caption="Scorecard: quarter 2 against quarter 1",
)

SCORECARD = _table(
    "scorecard_benchmarks",
    "Fenwick Vale Council",
    "Adult Social Care Performance Scorecard – September 2024",
    "scorecard of outcome measures",
    [
        REF,
        Column("measure", "measure", "Description"),
        Column("previous", "previous", "Baseline"),
        Column("target", "target", "Target"),
        Column("result", "result", "Result Sep-24", "Sep-24"),
        Column("bench:England", "benchmark", "England", None, "England"),
        Column("bench:regional", "benchmark", "Regional", None, "regional"),
        Column("bench:SN", "benchmark", "SN average", None, "comparator group"),
        Column("rag", "rag", "RAG"),
    ],
    ("ASCOF 1A", "Social care-related quality of life score", "18.6", "19.0", "19.3", "18.8", "19.1", "18.7", "Green"),
    (
        "ASCOF 1C(2)",
        "Proportion of people who use services who receive direct payments",
        "24.1%",
        "26.0%",
        "25.4%",
        "26.7%",
        "27.2%",
        "25.9%",
        "Amber",
    ),
    (
        "ASCOF 2B(1)",
        "Proportion of older people (65 and over) who were still at home 91 days after discharge from "
        "hospital into reablement services",
        "79.8%",
        "82.0%",
        "84.3%",
        "81.9%",
        "83.5%",
        "80.6%",
        "Green",
    ),
    (
        "ASCOF 2D",
        "Proportion of those that received short-term services where no further request was made for ongoing support",
        "73.5%",
        "78.0%",
        "76.2%",
        "77.6%",
        "80.1%",
        "n/a",
        "Amber",
    ),
    (
        "ASCOF 3D(1)",
        "Proportion of people who use services who find it easy to find information about support",
        "61.7%",
        "65.5%",
        "63.9%",
        "66.5%",
        "68.2%",
        "64.4%",
        "Red",
    ),
    (
        "ASCOF 4A",
        "Proportion of people who use services who feel safe",
        "68.3%",
        "70.0%",
        "71.8%",
        "69.7%",
        "72.5%",
        "70.9%",
        "Green",
    ),
    caption="Scorecard with England, regional and statistical neighbour averages",
)

FINANCE_KPIS = _table(
    "finance_kpis",
    "Harrowdale Metropolitan Borough Council",
    "Adult Social Care Performance and Resources Report – Quarter 2 2023/24",
    "performance and resources indicators",
    [
        Column("ref", "ref", "KPI"),
        MEASURE,
        Column("previous", "previous", "Last year"),
        Column("target", "target", "Plan"),
        Column("result", "result", "2023/24 Outturn", "2023/24"),
        Column("bench:England", "benchmark", "National", None, "England"),
        Column("dot", "dot", "DoT"),
    ],
    ("NI 130", "Spend on direct payments", "£11.9m", "£12.5m", "£12.4m", "-", "↑"),
    ("NI 132", "Variance against the adult social care budget (£m)", "(1.2)", "(0.3)", "(0.9)", "N/A", "↑"),
    ("NI 135", "Average weekly cost of a residential care placement", "£812", "£850", "£876", "£1,045", "↓"),
    (
        "NI 136",
        "People supported to live independently through social services per 100,000 population",
        "2,882",
        "2,950",
        "3,014",
        "2,745",
        "↑",
    ),
    ("NI 141", "Spend on preventative services", "£780k", "£820k", "£845k", "-", "↑"),
    (
        "NI 125",
        "Achieving independence for older people through rehabilitation and intermediate care",
        "84.2%",
        "85.0%",
        "86.4%",
        "82.7%",
        "↑",
    ),
    caption="Key performance and resources indicators",
)

TABLES = (ASCOF_OUTTURN, LOCAL_KPIS, BENCHMARKING, QUARTERLY, SCORECARD, FINANCE_KPIS)

# Refs as councils write them, one a row of a six-row table; None: no ref column.
REF_STYLES: dict[str, list[str] | None] = {
    "ASC 1A": ["ASC 1A", "ASC 1B", "ASC 2A", "ASC 2B", "ASC 3A", "ASC 3B"],
    "1C(2)": ["1A", "1C(2)", "2A(1)", "2A(2)", "2B(1)", "3A"],
    "AS01": ["AS01", "AS02", "AS03", "AS04", "AS05", "AS06"],
    "ASCOF 2B(1)": ["ASCOF 1A", "ASCOF 1C(2)", "ASCOF 2A(1)", "ASCOF 2B(1)", "ASCOF 2D", "ASCOF 3A"],
    "NI 136": ["NI 125", "NI 130", "NI 132", "NI 135", "NI 136", "NI 141"],
    "none": None,
}

# --- the committed PDFs -----------------------------------------------------------------------


def print_pdfs(tables: Iterable[Table] = TABLES) -> None:
    """Print each table's HTML page to tests/data/tables/NAME.pdf with headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium is not installed (apt-get install -y chromium)")
    DATA.mkdir(parents=True, exist_ok=True)
    for table in tables:
        source = DATA / f"{table.name}.html"
        source.write_text(html_page(table), encoding="utf-8")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf_path(table)}",
                    source.resolve().as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        print(f"{pdf_path(table)}: {pdf_path(table).stat().st_size} bytes")


if __name__ == "__main__":
    print_pdfs()
