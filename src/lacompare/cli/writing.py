"""Writing reports' tidy rows to a stream: a rich table on a terminal (held until the last
report), else CSV, TSV, JSON or JSON Lines written report by report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lacompare.cli import output_stream, rich_table_wanted, safe_default, terminal_width
from lacompare.model import Report
from lacompare.render import Format


class ReportWriter:
    """Reports' tidy rows, each report's as soon as it comes (a rich table waits for the last).

    ``facts``: only facts of these kinds; ``columns``: only these columns (any format); ``wide``:
    a terminal table of every column, the quote too (else one line per row).
    """

    def __init__(
        self, fmt: Format, stream: TextIO, *, plain: bool, headers: bool, safe_csv: bool, wide: bool = False,
        columns: Sequence[str] | None = None, facts: Sequence[str] | None = None,
    ) -> None:  # fmt: skip
        from lacompare.render import RowWriter
        from lacompare.render.rows import COLUMNS

        self.stream = stream
        self.wide, self.columns, self.facts = wide, columns, facts
        self.held: list[Report] | None = [] if rich_table_wanted(fmt, plain, stream) else None
        width = terminal_width(fmt, stream)
        self.rows = RowWriter(fmt, stream, columns=columns or COLUMNS, headers=headers, safe_csv=safe_csv, width=width)

    def add(self, report: Report) -> None:
        from dataclasses import replace

        from lacompare.render.rows import report_rows

        if self.facts is not None:
            report = replace(report, facts=tuple(f for f in report.facts if f.kind in self.facts))
        if self.held is not None:
            self.held.append(report)
            return
        self.rows.write(report_rows(report))
        self.stream.flush()

    def close(self) -> None:
        if self.held is None:
            self.rows.close()
            return
        from lacompare.cli.tables import print_fact_table, print_records

        if self.columns:
            from lacompare.render.rows import rows_for

            print_records(rows_for(self.held), self.columns)
            return
        print_fact_table(self.held, wide=self.wide)


def emit(
    reports: Sequence[Report],
    fmt: Format,
    output: Path | None,
    *,
    plain: bool = False,
    headers: bool = True,
    safe_csv: bool | None = None,
    wide: bool = False,
    columns: Sequence[str] | None = None,
    facts: Sequence[str] | None = None,
) -> None:
    """Write the reports' tidy rows: a rich table on a terminal, else the chosen format."""
    with output_stream(output) as stream:
        writer = ReportWriter(
            fmt, stream, plain=plain, headers=headers, safe_csv=safe_default(safe_csv, output), wide=wide,
            columns=columns, facts=facts,
        )  # fmt: skip
        for report in reports:
            writer.add(report)
        writer.close()
