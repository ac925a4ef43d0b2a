"""What several commands share: their options (--format, -o, --db, --as-of, --columns …), opening
the library and writing records. A command's module imports these, never another command's module,
so running one command builds that command alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lacompare.cli import (
    add_inputs,
    checked_path,
    choose_format,
    detail,
    err,
    output_stream,
    rich_table_wanted,
    safe_default,
    settings,
    terminal_width,
)
from lacompare.kinds import DocumentKind, FactKind, Region
from lacompare.render import Format

if TYPE_CHECKING:
    from lacompare.library.store import Library
    from lacompare.library.views import Side
    from lacompare.render.rows import Row


def _quiet(value: bool) -> bool:
    return value or settings().quiet


# Shared options (one definition, reused by every command that prints facts).
FormatOpt = Annotated[
    Optional[Format],  # noqa: UP045 - typer needs Optional here
    typer.Option(
        "--format",
        "-f",
        help="table, csv, tsv, json, jsonl or xlsx. Default: table on a terminal, CSV otherwise, or the -o suffix.",
    ),
]
OutputOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        callback=checked_path,
        help="Write to FILE (.csv, .tsv, .json, .jsonl or .xlsx) instead of stdout; it is replaced only on success.",
    ),
]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Plain-text table (no colours or boxes).")]
NoHeadersOpt = Annotated[bool, typer.Option("--no-headers", help="Leave out the CSV/TSV header row.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", callback=_quiet, help="No progress or warnings on stderr (as lacompare -q).")
]
SafeCsvOpt = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--safe-csv/--no-safe-csv",
        help="Put ' before CSV/TSV cells starting with = + - @ so spreadsheets do not run them as formulas "
        "(numbers are left alone). Default: on when writing a file (-o FILE, or stdout redirected to one); "
        "off on a pipe or terminal, where stdout is the raw text.",
    ),
]
JobsOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Cores to parse on: files parsed at once, each in its own process; a long PDF's pages are shared "
        "only with a core no file is using. Default: one per CPU.",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Parse every file again; neither read nor write cached reports.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0, help="Give up on a file after this many seconds (0: no limit).")
]
MemoryLimitOpt = Annotated[
    int, typer.Option("--memory-limit", min=0, help="Memory ceiling in MB for parsing one file (0: no limit).")
]
KindOpt = Annotated[
    Optional[DocumentKind],  # noqa: UP045
    typer.Option("--kind", help="Force the document kind.", case_sensitive=False),
]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")]  # noqa: UP045


DbOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--db",
        metavar="PATH",
        callback=checked_path,
        help="Library file. Default: $LACOMPARE_DB, else the user data folder.",
    ),
]
AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="As known on DATE: each council's documents published by then, figures for periods ended by then "
        "(2025-01-31, 31/01/2025, Jan 2025, 2024-25).",
    ),
]


FactsOpt = Annotated[
    Optional[list[FactKind]],  # noqa: UP045
    typer.Option("--fact", help="Only these facts; repeat for more.", case_sensitive=False),
]


def fact_kinds(facts: list[FactKind] | None) -> list[str] | None:
    return [f.value for f in facts] if facts else None


WideOpt = Annotated[
    bool, typer.Option("--wide", help="On a terminal: every column (quotes, documents), long cells wrapped.")
]
ColumnsOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--columns", metavar="A,B,…", help="Only these columns, in this order (any format)."),
]


def pick_columns(given: str | None, available: Sequence[str]) -> tuple[str, ...] | None:
    """The columns ``--columns`` names (comma-separated, checked against the command's columns), or None."""
    if given is None:
        return None
    wanted = tuple(c.strip() for c in given.split(",") if c.strip())
    unknown = [c for c in wanted if c not in available]
    if unknown or not wanted:
        listed = ", ".join(available)
        raise typer.BadParameter(f"{', '.join(unknown) or given!r}: choose from {listed}", param_hint="--columns")
    return wanted


def open_library(db: Path | None, *, create: bool = False) -> Library:
    """The library a command's --db names, else the global --db (``lacompare --db PATH …``), else the default."""
    from lacompare.errors import StoreError
    from lacompare.library.store import Library
    from lacompare.paths import DB_ENV, db_path, name_problem

    given = db if db is not None else settings().db
    path = db_path(given)
    problem = name_problem(path)
    if problem:
        raise StoreError(problem, source=DB_ENV, hint="point LACOMPARE_DB at a library file with a shorter name")
    add_inputs(path)  # -o may not overwrite it
    detail(f"Library: {path}")
    # A --db that names no file is a mistyped path, not an empty library.
    return Library(path, create=create, must_exist=given is not None and not create)


def check_date(value: str | None) -> str | None:
    """``--as-of`` as an ISO date: a day ('2025-01-31', '31/01/2025') or the last day of a period
    ('Jan 2025', '2024-25')."""
    from lacompare.vocab.periods import as_of_date

    if value is None:
        return None
    found = as_of_date(value)
    if found is None:
        hint = "a date like 2025-01-31 or 31/01/2025, a month like Jan 2025, or a year like 2024-25"
        raise typer.BadParameter(f"{value!r} is not {hint}", param_hint="--as-of")
    return found


def write_records(
    records: Sequence[Row],
    columns: Sequence[str],
    fmt: Format | None,
    output: Path | None,
    plain: bool,
    headers: bool,
    *,
    safe_csv: bool | None = None,
    lines: tuple[Sequence[Row], Sequence[str]] | None = None,
) -> None:
    """Records in the chosen format: a table that fits the terminal on one, else the format's rows.

    ``safe_csv`` None: CSV/TSV cells are defused when written to a file with -o, not on stdout.
    ``lines``: the records and columns a terminal shows one line each (``--wide`` passes None:
    every column).
    """
    from lacompare.render import write_rows

    chosen = choose_format(fmt, plain, output)  # before the file is opened: a refused suffix leaves it alone
    with output_stream(output) as stream:
        if rich_table_wanted(chosen, plain, stream):
            from lacompare.cli.tables import print_lines, print_records

            if lines is not None:
                print_lines(*lines)
            else:
                print_records(records, columns)
            return
        safe, width = safe_default(safe_csv, output), terminal_width(chosen, stream)
        write_rows(records, chosen, stream, columns=columns, headers=headers, safe_csv=safe, width=width)


KindsOpt = Annotated[
    Optional[list[DocumentKind]],  # noqa: UP045
    typer.Option(
        "--kind", help="Only documents of these kinds in each council's picture; repeat for more.", case_sensitive=False
    ),
]
RegionOpt = Annotated[
    Optional[Region],  # noqa: UP045
    typer.Option("--region", help="Only councils in this region.", case_sensitive=False),
]


def document_kinds(kinds: list[DocumentKind] | None) -> list[str] | None:
    return [k.value for k in kinds] if kinds else None


def warn_notes(sides: list[Side], quiet: bool) -> None:
    if quiet:
        return
    for side in sides:
        for note in side.notes:
            err(f"Note: {side.name}: {note}")
