"""Comparing councils: diff, rank, table and metrics."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lacompare.cli import choose_format, command, err, exit_on_error, rich_table_wanted
from lacompare.cli.common import (
    AsOfOpt,
    ColumnsOpt,
    DbOpt,
    FactsOpt,
    FormatOpt,
    KindsOpt,
    NoHeadersOpt,
    OutputOpt,
    PlainOpt,
    QuietOpt,
    RegionOpt,
    SafeCsvOpt,
    WideOpt,
    check_date,
    document_kinds,
    fact_kinds,
    open_library,
    pick_columns,
    warn_notes,
    write_records,
)
from lacompare.render import Format

if TYPE_CHECKING:
    from lacompare.compare import DiffRow, Side

PeriodOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--period", metavar="PERIOD", help="Only figures for this period: 2023-24, Q2 2023/24, Jan 2025, 2024."
    ),
]
AnyPeriodOpt = Annotated[
    bool,
    typer.Option("--any-period", help="Compare figures for different periods too (the row says so)."),
]
RULE_HELP = (
    "Each council's figure: its newest period (a figure with no period stated counts from its document's "
    "publication date); on a tie, the most authoritative document (the CQC assessment, then the council's own "
    "papers, then the press)."
)


def check_period(value: str | None) -> str | None:
    """``--period`` in the form facts carry ('2023/24' -> '2023-24')."""
    from lacompare.vocab.periods import parse_period

    if value is None:
        return None
    found = parse_period(value)
    if found is None:
        hint = "a period like 2023-24, Q2 2023-24 or Jan 2025"
        raise typer.BadParameter(f"{value!r} is not {hint}", param_hint="--period")
    return found.text


@command()
def diff(
    councils: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Council names (from the library) or report files.", metavar="COUNCIL_OR_FILE..."),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every council in the library, one row each (as `lacompare table`).")
    ] = False,
    only: Annotated[Optional[str], typer.Option("--only", help="shared: only measures every council reports.")] = None,  # noqa: UP045
    fact: FactsOpt = None,
    kind: KindsOpt = None,
    region: RegionOpt = None,
    wide: Annotated[
        bool,
        typer.Option(
            "--wide",
            help="On a terminal: each value's period, every benchmark and the notes; CSV/JSON: one row per "
            "measure, a column per council.",
        ),
    ] = False,
    columns: ColumnsOpt = None,
    as_of: AsOfOpt = None,
    period: PeriodOpt = None,
    any_period: AnyPeriodOpt = False,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Councils side by side: every measure on one row, the benchmark, the difference and who does better.

    Each council's figure: its newest period (a figure with no period stated counts from its
    document's publication date); on a tie, the most authoritative document (the CQC assessment,
    then the council's own papers, then the press). The difference and ✓ are given only where the
    councils' figures are for the same period (or with --any-period, noted on the row).
    """
    if every:
        if councils:
            raise typer.BadParameter("give councils or --all, not both", param_hint="--all")
        if only not in (None, "shared"):
            raise typer.BadParameter(f"{only!r}: the only choice is 'shared'", param_hint="--only")
        table(fact, kind, region, as_of, period, db, fmt, output, plain, no_headers, safe_csv, quiet, columns,
              only_shared=only == "shared")  # fmt: skip
        return
    from lacompare import compare
    from lacompare.cli.resolve import resolve_sides

    if not councils or len(councils) < 2:
        raise typer.BadParameter("give two or more councils or files (or --all)", param_hint="COUNCIL_OR_FILE")
    if only not in (None, "shared"):
        raise typer.BadParameter(f"{only!r}: the only choice is 'shared'", param_hint="--only")
    chosen = choose_format(fmt, plain, output)
    with exit_on_error(), open_library(db) as library:
        sides = resolve_sides(councils, library, as_of=check_date(as_of), kinds=document_kinds(kind))
    warn_notes(sides, quiet)
    rows = compare.diff(
        sides, only_shared=only == "shared", facts=fact_kinds(fact), period=check_period(period), any_period=any_period
    )
    if not quiet:
        err(f"Note: {compare.RULE}.")
    _write_diff(rows, sides, chosen, output, plain=plain, wide=wide, headers=not no_headers, safe_csv=safe_csv,
                columns=columns)  # fmt: skip


def _write_diff(
    rows: list[DiffRow], sides: list[Side], chosen: Format, output: Path | None, *, plain: bool,
    wide: bool, headers: bool, safe_csv: bool | None, columns: str | None,
) -> None:  # fmt: skip
    from lacompare.render import diff_rows

    if chosen is Format.table:
        records, available = diff_rows.table_records(rows, sides), diff_rows.table_columns(sides)
    elif wide:
        records, available = diff_rows.wide_records(rows, sides), diff_rows.wide_columns(sides)
    else:
        records, available = diff_rows.tidy_records(rows, sides), diff_rows.TIDY_COLUMNS
    picked = pick_columns(columns, available)
    if output is None and picked is None and rich_table_wanted(chosen, plain, sys.stdout):
        from lacompare.cli.tables import print_diff_table

        print_diff_table(sides, rows, wide=wide)
        return
    plain = plain or chosen is Format.table
    write_records(records, picked or available, chosen, output, plain, headers, safe_csv=safe_csv)


@command("table")
def table(
    fact: FactsOpt = None,
    kind: KindsOpt = None,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
    period: PeriodOpt = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    quiet: QuietOpt = False,
    columns: ColumnsOpt = None,
    only_shared: Annotated[bool, typer.Option(hidden=True)] = False,
) -> None:
    """Every council in the library on one row, one column per measure (for spreadsheets: -o table.xlsx).

    Each cell is the council's figure as `diff` chooses it (its newest period; on a tie the most
    authoritative document), with its period beside it in the next column.
    """
    from lacompare import compare
    from lacompare.render import diff_rows

    chosen = choose_format(fmt, plain, output)
    with exit_on_error(), open_library(db) as library:
        region_name = region.value if region else None
        sides = library.sides(as_of=check_date(as_of), kinds=document_kinds(kind), region=region_name, quotes=False)
    warn_notes(sides, quiet)
    grid = compare.table(sides, facts=fact_kinds(fact), period=check_period(period), only_shared=only_shared)
    if not quiet:
        err(f"{len(grid.sides)} councils x {len(grid.metric_ids)} measures ({compare.RULE})")
    records = diff_rows.grid_records(grid)
    picked = pick_columns(columns, diff_rows.grid_columns(grid))
    write_records(
        records, picked or diff_rows.grid_columns(grid), chosen, output, plain, not no_headers, safe_csv=safe_csv
    )


@command()
def rank(
    metric: Annotated[str, typer.Argument(help="A measure id or words from its label (see `lacompare metrics`).")],
    worst: Annotated[bool, typer.Option("--worst", help="Worst first.")] = False,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--limit", "-n", min=1, help="Only the first N positions."),
    ] = None,
    region: RegionOpt = None,
    kind: KindsOpt = None,
    as_of: AsOfOpt = None,
    period: PeriodOpt = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    quiet: QuietOpt = False,
    wide: WideOpt = False,
    columns: ColumnsOpt = None,
) -> None:
    """League table of the councils in the library for one measure, best first by its polarity.

    Each council's figure: its newest period (a figure with no period stated counts from its
    document's publication date); on a tie, the most authoritative document. Figures for
    different periods are listed with their period and noted: --period ranks one period.
    """
    from lacompare import compare
    from lacompare.cli.resolve import resolve_metric
    from lacompare.render.library_rows import RANK_COLUMNS, polarity_text, rank_records
    from lacompare.render.lines import RANK_LINE_COLUMNS, rank_lines

    picked = pick_columns(columns, RANK_COLUMNS)
    chosen = choose_format(fmt, plain, output)
    with exit_on_error(), open_library(db) as library:
        metric_id = resolve_metric(metric, library)
        sides = library.sides(
            as_of=check_date(as_of),
            kinds=document_kinds(kind),
            region=region.value if region else None,
            metric_id=metric_id,
        )
    ranked = compare.rank(sides, metric_id, worst=worst, limit=limit, period=check_period(period))
    if not quiet:
        first = ranked[0].value if len(ranked) else None
        described = f"{first.label} ({metric_id}, {polarity_text(first.polarity)})" if first else metric_id
        err(f"{described}: {ranked.stating} of {ranked.councils} {_councils(ranked.councils)} state it")
        if len(ranked.periods) > 1:
            listed = ", ".join(f"{p} ({n})" for p, n in ranked.periods)
            err(f"Note: the figures are for different periods: {listed}; --period ranks one period.")
    lines = None if wide or picked else (rank_lines(ranked.rows), RANK_LINE_COLUMNS)
    write_records(rank_records(ranked.rows), picked or RANK_COLUMNS, chosen, output, plain, not no_headers,
                  safe_csv=safe_csv, lines=lines)  # fmt: skip


def _councils(n: int) -> str:
    return "council" if n == 1 else "councils"


@command()
def metrics(
    words: Annotated[Optional[str], typer.Argument(help="Only measures whose id or label has these words.")] = None,  # noqa: UP045
    catalogue: Annotated[
        bool, typer.Option("--catalogue", help="The catalogue of national measures instead of the library's.")
    ] = False,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    wide: WideOpt = False,
    columns: ColumnsOpt = None,
) -> None:
    """The measures in the library: id, label, unit, which direction is better, and how many councils state it.

    WORDS match whole words of the id or label, and a word's forms ("waiting" finds "wait").
    """
    from lacompare.render import library_rows
    from lacompare.render.lines import METRIC_LINE_COLUMNS, metric_lines

    chosen = choose_format(fmt, plain, output)
    if catalogue:
        from lacompare.catalogue import measures as known

        listed = known.find(words) if words else list(known.every_metric())
        records = library_rows.catalogue_records(listed)
        shown = pick_columns(columns, library_rows.CATALOGUE_COLUMNS) or library_rows.CATALOGUE_COLUMNS
        write_records(records, shown, chosen, output, plain, not no_headers, safe_csv=safe_csv)
        return
    picked = pick_columns(columns, library_rows.METRIC_COLUMNS)
    with exit_on_error(), open_library(db) as library:
        found = library.metrics(words)
    records = library_rows.metric_records(found)
    if not records:
        hint = "see the national measures with `lacompare metrics --catalogue`"
        err(f"No measure in the library matches: {hint}." if words else f"The library holds no measures yet: {hint}.")
    lines = None if wide or picked else (metric_lines(found), METRIC_LINE_COLUMNS)
    write_records(records, picked or library_rows.METRIC_COLUMNS, chosen, output, plain, not no_headers,
                  safe_csv=safe_csv, lines=lines)  # fmt: skip
