"""Rich tables for the terminal: the facts of reports and councils side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lacompare.model import Report

if TYPE_CHECKING:
    from lacompare.compare import DiffRow, Side
    from lacompare.render.rows import Row


def print_fact_table(reports: Sequence[Report], rows: Sequence[Row]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for report in reports:
        mine = [r for r in rows if r["document"] == report.document]
        title = f"{report.document} — {report.local_authority or 'council unknown'} ({report.kind}, {len(mine)} facts)"
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("fact", style="dim", no_wrap=True)
        table.add_column("metric", ratio=3)
        table.add_column("value", justify="right", no_wrap=True, style="bold")
        table.add_column("benchmark", no_wrap=True)
        table.add_column("relation")
        table.add_column("source", no_wrap=True)
        table.add_column("p.", justify="right")
        table.add_column("quote", ratio=5, style="italic")
        for r in mine:
            table.add_row(*_table_cells(r))
        console.print(table)


def _table_cells(row: Row) -> list[str]:
    from lacompare.render.rows import cell

    unit = row["unit"] or ""
    value = cell(row["value"]) + (unit if unit == "%" else f" {unit}" if unit and unit != "score (1-4)" else "")
    if unit == "£":
        value = "£" + cell(row["value"])
    bench = ""
    if row["comparator"]:
        bench = f"{row['comparator']} {cell(row['comparator_value'])}"
    relation = cell(row["relation"]) + (f" ⚠ {row['flag']}" if row["flag"] else "")
    source = " ".join(x for x in (cell(row["source"]), cell(row["year"])) if x)
    return [row["fact"], cell(row["metric"]), value, bench, relation, source, str(row["page"]), row["quote"]]


def print_diff_table(sides: Sequence[Side], rows: Sequence[DiffRow]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from lacompare.compare import gap_column
    from lacompare.render import diff_rows as cells

    title = " vs ".join(f"{s.name} ({len(s.documents)} document{'s' if len(s.documents) != 1 else ''})" for s in sides)
    caption = (
        f"{cells.BETTER_MARK} does better  ↑ higher is better  ↓ lower is better  (benchmarks as each report states)"
    )
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left", expand=True)
    table.add_column("metric", ratio=3)
    for side in sides:
        table.add_column(side.name, justify="right", no_wrap=True)
    table.add_column("benchmark", ratio=2)
    table.add_column(gap_column(sides), justify="right", no_wrap=True)
    previous = None
    for row in rows:
        if previous is not None and row.fact != previous:
            table.add_section()
        previous = row.fact
        label = Text(cells.label_text(row))
        if cells.table_notes(row):
            label.append("\n" + cells.table_notes(row), style="dim")
        values = [
            Text(cells.value_text(v, better=i in row.better), style="bold green" if i in row.better else "")
            for i, v in enumerate(row.values)
        ]
        table.add_row(label, *values, cells.benchmark_text(row), cells.difference_text(row))
    Console().print(table)
