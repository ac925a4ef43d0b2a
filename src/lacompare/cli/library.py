"""The library's commands: add, list, show and remove (info and the comparing commands have modules of their own)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lacompare import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from lacompare.cli import (
    FormatOpt,
    JobsOpt,
    KindOpt,
    MemoryLimitOpt,
    NoCacheOpt,
    NoHeadersOpt,
    OutputOpt,
    PasswordOpt,
    PlainOpt,
    QuietOpt,
    TimeoutOpt,
    app,
    batch_options,
    check_kind,
    choose_format,
    emit,
    err,
    exit_on_error,
    output_stream,
    progress_bar,
    report_error,
)
from lacompare.errors import LacompareError
from lacompare.render import Format

if TYPE_CHECKING:
    from lacompare.render.rows import Row
    from lacompare.store import Entry, Library

DbOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--db", metavar="PATH", help="Library file. Default: $LACOMPARE_DB, else the user data folder."),
]
AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--as-of", metavar="DATE", help="Use each council's latest report published on or before DATE."),
]


def open_library(db: Path | None, *, create: bool = False) -> Library:
    from lacompare.paths import db_path
    from lacompare.store import Library

    return Library(db_path(db), create=create)


def check_date(value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-12-31", param_hint="--as-of") from None


def write_records(
    records: Sequence[Row], columns: Sequence[str], fmt: Format | None, output: Path | None, plain: bool, headers: bool
) -> None:
    from lacompare.render import write_rows

    chosen = choose_format(fmt, plain, output)  # before the file is opened: a refused suffix leaves it alone
    with output_stream(output) as stream:
        write_rows(records, chosen, stream, columns=columns, headers=headers)


@app.command()
def add(
    files: Annotated[list[str], typer.Argument(help="Reports to extract and keep.", metavar="FILE...")],
    db: DbOpt = None,
    kind: KindOpt = None,
    password: PasswordOpt = None,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    memory_limit: MemoryLimitOpt = DEFAULT_MEMORY_MB,
) -> None:
    """Extract reports into the library (a file already there is left alone)."""
    from lacompare.batch import extract_many
    from lacompare.store import file_sha256

    if "-" in files:
        raise typer.BadParameter("the library keeps files: save standard input to a file first", param_hint="FILE")
    check_kind(kind)
    failed, todo = 0, []
    with exit_on_error(), open_library(db, create=True) as library:
        for source in files:
            try:
                known = library.current(file_sha256(source))
            except LacompareError as exc:
                report_error(exc)
                failed += 1
                continue
            if known is None:
                todo.append(source)
            elif not quiet:
                err(known.message())
        options = batch_options(kind, password, jobs, no_cache, timeout, memory_limit)
        with progress_bar(len(todo), quiet) as listener:
            for outcome in extract_many(todo, options, listener):
                if outcome.report is None:
                    assert outcome.error is not None
                    report_error(outcome.error)
                    failed += 1
                    continue
                result = library.store(outcome.report, source=outcome.source)
                if not quiet:
                    err(result.message())
                    if result.entry.gss_code is None:
                        err(f"Warning: {outcome.source}: no English council recognised in the document's title")
    if failed:
        raise typer.Exit(1)


@app.command("list")
def list_documents(
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Councils and documents in the library, newest first within each council."""
    from lacompare.render.library_rows import LIST_COLUMNS, list_records

    with exit_on_error(), open_library(db) as library:
        records = list_records(library.entries())
    if not records:
        err("The library is empty: add reports with `lacompare add REPORT.pdf`.")
    write_records(records, LIST_COLUMNS, fmt, output, plain, not no_headers)


@app.command()
def show(
    council: Annotated[str, typer.Argument(help="A council name, a document's SHA-256 prefix, or a file.")],
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only documents of this kind.")] = None,  # noqa: UP045
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Print the facts of a council's latest report in the library (same formats as extract)."""
    from lacompare.cli.resolve import report_for

    with exit_on_error(), open_library(db) as library:
        report = report_for(library, council, as_of=check_date(as_of), kind=kind)
        emit([report], choose_format(fmt, plain, output), output, plain=plain, headers=not no_headers)


YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", "-n", help="Print what would be removed; remove nothing.")]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def describe(entry: Entry) -> str:
    published = f"published {entry.published}" if entry.published else "undated"
    return (
        f"{entry.source}: {entry.council}, {entry.kind}, {published}, {entry.facts} facts (sha256 {entry.sha256[:12]})"
    )


@app.command()
def remove(
    targets: Annotated[list[str], typer.Argument(help="Council names, SHA-256 prefixes or files.", metavar="WHAT...")],
    yes: YesOpt = False,
    dry_run: DryRunOpt = False,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Remove documents from the library: every report of a council, or one document. Asks first unless --yes."""
    from lacompare.cli.resolve import council_entries
    from lacompare.errors import NotInLibrary

    with exit_on_error(), open_library(db) as library:
        chosen: dict[str, Entry] = {}
        for target in targets:
            found = council_entries(library, target)
            if not found:
                raise NotInLibrary(
                    f"nothing in the library matches '{target}'", source=target, hint="see `lacompare list`"
                )
            chosen.update({e.sha256: e for e in found})
        count = f"{len(chosen)} document(s)"
        if dry_run:
            print(f"Would remove {count}:")
            for entry in chosen.values():
                print(f"  {describe(entry)}")
            return
        if not yes:
            if not stdin_is_terminal():
                err(f"Error: not removing {count} without confirmation: pass --yes (or --dry-run to list them)")
                raise typer.Exit(1)
            err(f"This removes {count} from {library.path}:")
            for entry in chosen.values():
                err(f"  {describe(entry)}")
            if not typer.confirm(f"Remove {count}?", default=False, err=True):
                err("Nothing removed.")
                raise typer.Exit(1)
        removed = library.remove(list(chosen))
    if not quiet:
        for entry in chosen.values():
            err(f"Removed {entry.source}: {entry.council}, {entry.kind} ({entry.sha256[:12]})")
        err(f"{removed} document(s) removed")


# `lacompare info` and the comparing commands live in their own modules and register themselves on ``app`` too.
from lacompare.cli import compare as _compare  # noqa: E402,F401
from lacompare.cli import info as _info  # noqa: E402,F401
