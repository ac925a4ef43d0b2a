"""Rich tables for the terminal: the facts of reports, any records, and councils side by side.

Every table fits the console's width (80 columns and up) and never drops a column: the columns'
widths come from :func:`lacompare.render.widths.fit_widths` and long cells wrap (a word longer
than its column folds). Records with too many columns for the width are printed one record at a
time, a ``column  value`` line each. Cells are plain text (never console markup) without control
characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from lacompare.model import Report
from lacompare.render.widths import fit_widths, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from lacompare.compare import DiffRow, Side
    from lacompare.render.rows import Row

GAP = 2  # a column's right padding and the space between columns
RECORD_FLOOR = 12  # a records column is as wide as its header, or its longest word up to this


@dataclass(frozen=True, slots=True)
class Col:
    """A column: its header, the width it keeps before others grow, and its share of the space left."""

    header: str
    floor: int = 8
    weight: int = 1
    justify: Literal["left", "right"] = "left"
    style: str = ""


def stdout_console() -> Console:
    from rich.console import Console

    return Console()


def fitted_table(
    console: Console,
    cols: Sequence[Col],
    rows: Sequence[Sequence[Text]],
    *,
    breaks: Sequence[bool] = (),
    wrap: bool = True,
    **options: Any,
) -> Table:
    """A table of ``rows`` whose columns fit ``console.width`` (a rule before each row ``breaks`` marks).

    ``wrap=False``: one line per row, a cell too long for its column cut with an ellipsis.
    """
    from rich import box
    from rich.table import Table

    natural = [max([_width(c.header), *(_width(row[i].plain) for row in rows), 1]) for i, c in enumerate(cols)]
    floors = [max(c.floor, _longest_word(c.header)) for c in cols]
    room = console.width - GAP * (len(cols) - 1)
    widths = fit_widths(natural, floors, room, [c.weight for c in cols])
    wraps = wrap and any(w < n for w, n in zip(widths, natural, strict=True))
    style = box.ASCII if dumb_terminal() else box.SIMPLE_HEAD
    table = Table(box=style, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), show_lines=wraps, **options)
    # A dumb terminal shows ASCII: a cut cell is cropped without rich's "…".
    overflow: Literal["fold", "ellipsis", "crop"] = "fold" if wrap else "crop" if dumb_terminal() else "ellipsis"
    for col, width in zip(cols, widths, strict=True):
        table.add_column(
            text(col.header), width=width, justify=col.justify, style=col.style, overflow=overflow, no_wrap=not wrap
        )
    for number, row in enumerate(rows):
        if number < len(breaks) and breaks[number]:
            table.add_section()
        table.add_row(*row)
    return table


def text(value: object, style: str = "") -> Text:
    """A cell: the value as printable text, never read as console markup (ASCII on a dumb terminal)."""
    from rich.text import Text

    shown = printable("" if value is None else str(value))
    return Text(ascii_text(shown) if dumb_terminal() else shown, style=style)


_ASCII = str.maketrans({"✓": "*", "↑": "^", "↓": "v", "–": "-", "—": "-", "…": "...", "’": "'", "‘": "'",
                        "“": '"', "”": '"', "£": "GBP ", "⚠": "!", "⚑": "!", "•": "*"})  # fmt: skip


def dumb_terminal() -> bool:
    """TERM=dumb: a terminal that shows ASCII only (no box drawing, marks or curly quotes)."""
    import os

    return os.environ.get("TERM", "") == "dumb"


def ascii_text(value: str) -> str:
    """``value`` in ASCII: the marks as ASCII signs, accents taken off, anything else '?'."""
    import unicodedata

    if value.isascii():
        return value
    plain = unicodedata.normalize("NFKD", value.translate(_ASCII))
    return "".join(c for c in plain if not unicodedata.combining(c)).encode("ascii", "replace").decode("ascii")


def _width(value: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in value.split("\n")), default=0)


def _longest_word(value: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in value.split()), default=0)


# -- the facts of reports (extract, show) ------------------------------------------------------------

FACT_COLUMNS = (
    Col("fact", floor=10, weight=0, style="dim"),
    Col("metric", floor=14, weight=2),
    Col("value", floor=9, justify="right", style="bold"),
    Col("benchmark", floor=10, weight=2),
    Col("source", floor=7),
    Col("p.", floor=3, weight=0, justify="right"),
    Col("quote", floor=15, weight=8, style="italic"),
)


def print_fact_table(reports: Sequence[Report], console: Console | None = None, *, wide: bool = False) -> None:
    """Each report's facts: one line per row (``wide``: every column, the quote too, wrapped)."""
    if console is None:
        from lacompare.cli.pager import paged_console

        with paged_console() as paged:
            print_fact_table(reports, paged, wide=wide)
        return
    from lacompare.render.lines import FACT_LINE_COLUMNS, fact_lines
    from lacompare.render.rows import report_rows

    for report in reports:
        rows = report_rows(report)
        facts = len(report.facts)
        title = (
            f"{report.document} — {report.local_authority or 'council unknown'} "
            f"({report.kind}, {facts} fact{'s' if facts != 1 else ''}, {len(rows)} row{'s' if len(rows) != 1 else ''})"
        )
        titles: dict[str, Any] = {"title": text(title), "title_justify": "left"}
        if wide:
            cells = [_fact_cells(r) for r in rows]
            console.print(fitted_table(console, FACT_COLUMNS, cells, **titles))
        else:
            print_lines(fact_lines(rows), FACT_LINE_COLUMNS, console, **titles)


def _fact_cells(row: Row) -> list[Text]:
    from lacompare.catalogue.labels import measure_label
    from lacompare.render.rows import cell

    unit = row["unit"] or ""
    value = cell(row["value"]) + (unit if unit == "%" else f" {unit}" if unit and unit != "score (1-4)" else "")
    if unit == "£":
        value = "£" + cell(row["value"])
    metric = text(measure_label(row["metric_id"], cell(row["metric"])))
    if row["flag"]:
        metric.append(f"\n⚠ {printable(row['flag'])}", style="dim")
    return [
        text(row["fact"]),
        metric,
        text(value),
        text(_benchmark(row)),
        text(" ".join(x for x in (cell(row["source"]), cell(row["year"])) if x)),
        text(row["page"]),
        text(row["quote"]),
    ]


_RELATION_WORDS = {"comparable": "comparable to"}


def _benchmark(row: Row) -> str:
    """'lower than England 58.77': the relation the text states and the benchmark it names."""
    from lacompare.render.rows import cell

    relation = cell(row["relation"])
    if not row["comparator"]:
        return relation
    bench = f"{row['comparator']} {cell(row['comparator_value'])}".strip()
    if not relation:
        return bench
    return f"{_RELATION_WORDS.get(relation, relation + ' than')} {bench}"


# -- any records (list, rank, metrics, …) -------------------------------------------------------------


def print_lines(records: Sequence[Row], columns: Sequence[str], console: Console | None = None, **options: Any) -> None:
    """Records one line each, in ``columns``: the flexible columns (labels, documents) give way with
    an ellipsis so that every line fits the terminal."""
    if console is None:
        from lacompare.cli.pager import paged_console

        with paged_console() as paged:
            print_lines(records, columns, paged, **options)
        return
    from lacompare.render.lines import FLEXIBLE
    from lacompare.render.rows import cell

    rows = [[text(cell(r.get(c))) for c in columns] for r in records]
    numeric = [bool(rows) and all(_numeric(row[i].plain) for row in rows) for i in range(len(columns))]
    cols = [
        Col(c, floor=max(len(c), 12) if c in FLEXIBLE else 60, weight=3 if c in FLEXIBLE else 0,
            justify="right" if right else "left")
        for c, right in zip(columns, numeric, strict=True)
    ]  # fmt: skip
    console.print(fitted_table(console, cols, rows, wrap=False, **options))


def _numeric(value: str) -> bool:
    return not value or value.replace(",", "").replace(".", "", 1).lstrip("-").rstrip("%").isdigit()


def print_records(records: Sequence[Row], columns: Sequence[str], console: Console | None = None) -> None:
    """Records as a table when every column fits beside the others, else one record at a time."""
    if console is None:
        from lacompare.cli.pager import paged_console

        with paged_console() as paged:
            print_records(records, columns, paged)
        return
    from lacompare.render.rows import cell

    rows = [[text(cell(r.get(c))) for c in columns] for r in records]
    words = [max([0, *(_longest_word(row[i].plain) for row in rows)]) for i in range(len(columns))]
    cols = [Col(c, floor=max(len(c), min(w, RECORD_FLOOR))) for c, w in zip(columns, words, strict=True)]
    if sum(c.floor for c in cols) + GAP * (len(cols) - 1) <= console.width:
        console.print(fitted_table(console, cols, rows))
        return
    for number, row in enumerate(rows):
        if number:
            console.print()
        print_pairs(list(zip(columns, (t.plain for t in row), strict=True)), console)


def print_pairs(pairs: Sequence[tuple[str, str]], console: Console | None = None) -> None:
    """``key  value`` lines, the values wrapped to the console's width."""
    from rich.table import Table

    console = console or stdout_console()
    key_width = min(max((len(k) for k, _ in pairs), default=1), max(1, console.width // 3))
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, GAP, 0, 0))
    table.add_column(style="bold", width=key_width, overflow="fold")
    table.add_column(width=max(1, console.width - key_width - GAP), overflow="fold")
    for key, value in pairs:
        table.add_row(text(key), text(value))
    console.print(table)


# -- councils side by side (diff) --------------------------------------------------------------------


def print_diff_table(
    sides: Sequence[Side], rows: Sequence[DiffRow], console: Console | None = None, *, wide: bool = False
) -> None:
    """Councils side by side: one line per measure, its period, the values, the first benchmark and
    the gap (``wide``: every benchmark, each value's period and the notes, wrapped)."""
    if console is None:
        from lacompare.cli.pager import paged_console

        with paged_console() as paged:
            print_diff_table(sides, rows, paged, wide=wide)
        return
    from lacompare.compare import gap_column
    from lacompare.render import diff_rows as cells

    title = " vs ".join(f"{s.name} ({len(s.documents)} document{'s' if len(s.documents) != 1 else ''})" for s in sides)
    noted = sum(1 for row in rows if row.notes)
    caption = f"{cells.BETTER_MARK} does better  ↑ higher is better  ↓ lower is better"
    if not wide:
        caption = f"{cells.BETTER_MARK} does better  ↑/↓ higher/lower is better  benchmark: England unless named"
    if not wide and noted:
        caption += f"\n{noted} row{'s' if noted != 1 else ''} with notes (periods, other documents): --wide shows them"
    gap = gap_column(sides) if wide or len(sides) > 2 else "diff"
    cols = [
        Col("metric", floor=16, weight=3),
        *([] if wide else [Col("period", floor=8, weight=1)]),
        # a value keeps its width ("Outstanding ✓", "+10.38 pts"): the label gives way first
        *(Col(side.name, floor=12 if wide else 13, weight=1, justify="right") for side in sides),
        Col("benchmark", floor=10 if wide else 9, weight=2 if wide else 1),
        Col(gap, floor=8 if wide else 10, weight=0, justify="right"),
    ]
    table_rows, breaks = [], []
    previous = None
    for row in rows:
        breaks.append(wide and previous is not None and row.fact != previous)
        previous = row.fact
        label = text(cells.label_text(row))
        if wide and cells.table_notes(row):
            label.append("\n" + printable(cells.table_notes(row)), style="dim")
        values = [
            text(
                cells.value_text(v, better=i in row.better, period=wide),
                style="bold green" if i in row.better else "",
            )
            for i, v in enumerate(row.values)
        ]
        bench = text(cells.benchmark_text(row) if wide else cells.first_benchmark_text(row))
        period = [] if wide else [text(cells.period_cell(row))]
        table_rows.append([label, *period, *values, bench, text(cells.difference_text(row))])
    titles: dict[str, Any] = {"title": text(title), "title_justify": "left"}
    titles.update(caption=text(caption), caption_justify="left")
    console.print(fitted_table(console, cols, table_rows, breaks=breaks, wrap=wide, **titles))
