"""The library's commands: add, list, show and remove (info and the comparing commands have modules of their own)."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lacompare import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from lacompare.cli import (
    add_inputs,
    batch_options,
    choose_format,
    command,
    describe_outcome,
    detail,
    err,
    exit_on_error,
    note,
    output_stream,
    progress_bar,
    report_error,
)
from lacompare.cli.common import (
    AsOfOpt,
    ColumnsOpt,
    DbOpt,
    FactsOpt,
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
    SafeCsvOpt,
    TimeoutOpt,
    WideOpt,
    check_date,
    fact_kinds,
    open_library,
    pick_columns,
    write_records,
)
from lacompare.cli.writing import emit
from lacompare.errors import LacompareError
from lacompare.kinds import DocumentKind
from lacompare.render.widths import printable

if TYPE_CHECKING:
    from lacompare.catalogue.authorities import Authority
    from lacompare.library.store import Entry


@command()
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
    council_name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--council", metavar="NAME", help="The council the documents are about, where it cannot be read from them."
        ),
    ] = None,
) -> None:
    """Extract reports into the library (a file already there is left alone)."""
    from lacompare.batch import extract_many
    from lacompare.library.store import file_sha256

    if "-" in files:
        raise typer.BadParameter("the library keeps files: save standard input to a file first", param_hint="FILE")
    tally = AddTally()
    with exit_on_error(), open_library(db, create=True) as library:
        council = _council(council_name)
        todo = []
        for source in files:
            try:
                known = library.current(file_sha256(source))
            except LacompareError as exc:
                report_error(exc)
                tally.failed += 1
                continue
            if known is None:
                todo.append(source)
            elif council is not None and known.entry.gss_code != council.gss_code:
                stored = known.entry.council
                err(f"Error: {source}: already in the library as {stored} (remove it first to set --council)")
                tally.failed += 1
            else:
                tally.count(known.status, known.entry.facts)
                if not quiet:
                    err(known.message())
        options = batch_options(kind, password, jobs, no_cache, timeout, memory_limit)
        with progress_bar(len(todo), quiet) as listener:
            outcomes = extract_many(todo, options, listener)
            for done, outcome in enumerate(outcomes):
                if outcome.report is None:
                    assert outcome.error is not None
                    report_error(outcome.error)
                    tally.failed += 1
                    continue
                detail(describe_outcome(outcome))
                report = outcome.report
                if council is not None:
                    report = replace(report, local_authority=council.name)
                try:
                    result = library.store(report, source=outcome.source)
                except LacompareError as exc:
                    # The library cannot be written (a full disk, say): every later file would fail
                    # the same way, so the batch stops here, its parsers with it.
                    outcomes.close()
                    report_error(exc)
                    tally.not_added = len(todo) - done
                    err(f"Error: stopped at the first failed write: {tally.not_added:,} file(s) not added")
                    break
                tally.count(result.status, result.entry.facts)
                if not quiet:
                    err(result.message())
                    if result.entry.gss_code is None:
                        err(
                            f"Warning: {outcome.source}: no English council recognised in the document's title "
                            "(`lacompare add --council NAME` sets it)"
                        )
    if not quiet:
        err(tally.summary(len(files)))
    if tally.failed or tally.not_added:
        raise typer.Exit(1)


class AddTally:
    """What ``add`` did to each file, for its closing line."""

    def __init__(self) -> None:
        self.statuses: dict[str, int] = {}
        self.failed = 0
        self.not_added = 0  # left when the library could not be written
        self.facts = 0

    def count(self, status: str, facts: int) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.facts += facts

    def summary(self, files: int) -> str:
        """'3 added, 1 re-extracted, 95 unchanged, 2 failed, 4 not added (105 files, 1,234 facts)': facts the
        files hold now."""
        from lacompare.library.store import ADDED, UNCHANGED, UPDATED

        counts = [(self.statuses.get(status, 0), status) for status in (ADDED, UPDATED, UNCHANGED)]
        failures = [(self.failed, "failed"), (self.not_added, "not added")]
        parts = [f"{n:,} {status}" for n, status in [*counts, *failures] if n]
        plural = "file" if files == 1 else "files"
        facts = "fact" if self.facts == 1 else "facts"
        return f"{', '.join(parts) or 'nothing done'} ({files:,} {plural}, {self.facts:,} {facts})"


def _council(name: str | None) -> Authority | None:
    """The council --council names (an unknown or ambiguous name stops with the candidates)."""
    if name is None:
        return None
    from lacompare.catalogue.authorities import resolve

    return resolve(name)


@command("list")
def list_documents(
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    wide: WideOpt = False,
    columns: ColumnsOpt = None,
) -> None:
    """Councils and documents in the library, newest first within each council; facts: the facts each holds."""
    from lacompare.render.library_rows import LIST_COLUMNS, list_records
    from lacompare.render.lines import LIST_LINE_COLUMNS, list_lines

    picked = pick_columns(columns, LIST_COLUMNS)
    with exit_on_error(), open_library(db) as library:
        entries = library.entries()
    records = list_records(entries)
    if not records:
        note("The library is empty: add reports with `lacompare add REPORT.pdf`.")
    lines = None if wide or picked else (list_lines(entries), LIST_LINE_COLUMNS)
    write_records(records, picked or LIST_COLUMNS, fmt, output, plain, not no_headers, safe_csv=safe_csv, lines=lines)


@command()
def show(
    council: Annotated[str, typer.Argument(help="A council name, a document's SHA-256 prefix, or a file.")],
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    kind: Annotated[
        Optional[DocumentKind],  # noqa: UP045
        typer.Option("--kind", help="Only documents of this kind.", case_sensitive=False),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    safe_csv: SafeCsvOpt = None,
    wide: WideOpt = False,
    columns: ColumnsOpt = None,
    fact: FactsOpt = None,
) -> None:
    """Print the facts of a council's latest report in the library (same formats as extract)."""
    from lacompare.cli.resolve import is_file, report_for
    from lacompare.render.rows import COLUMNS

    if is_file(council):
        add_inputs(council)
    picked = pick_columns(columns, COLUMNS)
    with exit_on_error(), open_library(db) as library:
        chosen = choose_format(fmt, plain, output)
        report = report_for(library, council, as_of=check_date(as_of), kind=kind)
    emit([report], chosen, output, plain=plain, headers=not no_headers, safe_csv=safe_csv, wide=wide,
         columns=picked, facts=fact_kinds(fact))  # fmt: skip


YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", "-n", help="Print what would be removed; remove nothing.")]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def describe(entry: Entry) -> str:
    published = f"published {entry.published}" if entry.published else "undated"
    facts = f"{entry.facts} fact{'s' if entry.facts != 1 else ''}"
    return f"{entry.source}: {entry.council}, {entry.kind}, {published}, {facts} (sha256 {entry.sha256[:12]})"


@command()
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
            with output_stream(None) as stream:
                stream.write(printable(f"Would remove {count}:\n"))
                stream.writelines(printable(f"  {describe(entry)}\n") for entry in chosen.values())
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
