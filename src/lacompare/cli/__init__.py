"""The command line. The ``lacompare.cli`` package is the only place that imports typer or rich.

Data goes to stdout; progress, warnings and errors go to stderr. An expected failure is one
``Error: …`` line and exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from lacompare import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, __version__
from lacompare.errors import LacompareError
from lacompare.kinds import DOCUMENT_KINDS, UNKNOWN
from lacompare.render import Format

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from lacompare.batch import Listener, Options, Outcome
    from lacompare.model import Report

app = typer.Typer(
    name="lacompare",
    help="Pull the numbers out of English councils' adult social care reports, each with its page and quote.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"lacompare {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract facts from CQC assessments, council performance reports and dashboards; compare councils."""


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
    typer.Option("--output", "-o", help="Write to FILE (.csv, .tsv, .json, .jsonl or .xlsx) instead of stdout."),
]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Plain-text table (no colours or boxes).")]
NoHeadersOpt = Annotated[bool, typer.Option("--no-headers", help="Leave out the CSV/TSV header row.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")]
JobsOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--jobs", "-j", min=1, help="Files parsed at once, each in its own process. Default: one per CPU."),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Parse every file again; neither read nor write the cache.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0, help="Give up on a file after this many seconds (0: no limit).")
]
MemoryLimitOpt = Annotated[
    int, typer.Option("--memory-limit", min=0, help="Memory ceiling in MB for parsing one file (0: no limit).")
]
KindOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--kind", help=f"Force the document kind: {', '.join(DOCUMENT_KINDS)}."),
]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")]  # noqa: UP045


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def report_error(error: LacompareError) -> None:
    err(f"Error: {error.one_line()}")


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Turn an expected failure into one stderr line and exit status 1 (for every command)."""
    try:
        yield
    except LacompareError as exc:
        report_error(exc)
        raise typer.Exit(1) from None


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {path}: {exc.strerror}", param_hint="--output") from None
    with handle:
        yield handle


def choose_format(fmt: Format | None, plain: bool, output: Path | None) -> Format:
    """The format asked for, else the -o file's suffix (an unknown one is a usage error), else by terminal."""
    from lacompare.render import FILE_FORMATS

    to_file = output is not None and str(output) != "-"
    if fmt is Format.xlsx and not to_file and sys.stdout.isatty():
        raise typer.BadParameter("an .xlsx workbook is binary: write it with -o FILE.xlsx", param_hint="--format")
    if fmt is not None:
        return fmt
    if output is not None and to_file:
        suffix = output.suffix.lower().lstrip(".")
        if suffix not in FILE_FORMATS:
            accepted, given = ", ".join(f".{f}" for f in FILE_FORMATS), output.suffix or "(none)"
            raise typer.BadParameter(
                f"{output}: unknown suffix {given}; use {accepted}, or say the format with --format",
                param_hint="--output",
            )
        return Format(suffix)
    if plain:
        return Format.table
    return Format.table if sys.stdout.isatty() else Format.csv


def emit(
    reports: Sequence[Report],
    fmt: Format,
    output: Path | None,
    *,
    plain: bool = False,
    headers: bool = True,
    safe_csv: bool | None = None,
) -> None:
    """Write the reports' tidy rows: a rich table on a terminal, else the chosen format.

    ``safe_csv`` None: defuse formula-like cells when CSV/TSV goes to a file (-o), not on stdout.
    """
    from lacompare.render import write_rows
    from lacompare.render.rows import rows_for

    rows = rows_for(reports)
    with output_stream(output) as stream:
        if fmt is Format.table and not plain and stream is sys.stdout and sys.stdout.isatty():
            from lacompare.cli.tables import print_fact_table

            print_fact_table(reports, rows)
        else:
            safe = safe_csv if safe_csv is not None else stream is not sys.stdout
            write_rows(rows, fmt, stream, headers=headers, safe_csv=safe)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def extract(
    files: Annotated[
        list[str], typer.Argument(help="Reports to read: PDF, markdown, text or HTML; - for stdin.", metavar="FILE...")
    ],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    kind: KindOpt = None,
    password: PasswordOpt = None,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    memory_limit: MemoryLimitOpt = DEFAULT_MEMORY_MB,
    safe_csv: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--safe-csv/--no-safe-csv",
            help="Put ' before CSV/TSV cells starting with = + - @ so spreadsheets do not run them as formulas "
            "(numbers are left alone). Default: on when writing a file with -o, off on stdout.",
        ),
    ] = None,
) -> None:
    """Print every fact in each report, with its page and verbatim quote."""
    from lacompare.batch import extract_many

    check_kind(kind)
    chosen = choose_format(fmt, plain, output)  # a bad -o suffix is refused before any file is read
    options = batch_options(kind, password, jobs, no_cache, timeout, memory_limit)
    reports, failed = [], 0
    with progress_bar(len(files), quiet) as listener:
        for outcome in extract_many(files, options, listener):
            if outcome.error is not None:
                report_error(outcome.error)
                failed += 1
                continue
            assert outcome.report is not None
            if not quiet:
                warn_about(outcome.report, forced=kind is not None)
            reports.append(outcome.report)
    with exit_on_error():
        emit(reports, chosen, output, plain=plain, headers=not no_headers, safe_csv=safe_csv)
    if failed:
        raise typer.Exit(1)


def check_kind(kind: str | None) -> None:
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(DOCUMENT_KINDS)}", param_hint="--kind")


def batch_options(
    kind: str | None, password: str | None, jobs: int | None, no_cache: bool, timeout: float, memory_limit: int
) -> Options:
    from lacompare.batch import Options
    from lacompare.guard import Limits

    limits = Limits(seconds=timeout or None, memory_mb=memory_limit or None)
    return Options(kind=kind, password=password, jobs=jobs, use_cache=not no_cache, limits=limits)


@contextmanager
def progress_bar(total: int, quiet: bool) -> Iterator[Listener | None]:
    """A progress bar on stderr (files done, pages/s) for several files on a terminal; else None."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # Refreshed by hand: a refresh thread would be copied into forked workers.
    columns = (TextColumn("Extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files  {task.fields[rate]}"))
    progress = Progress(
        *columns,
        TimeElapsedColumn(),
        console=stderr_console(),
        auto_refresh=False,
        transient=True,
        redirect_stdout=False,
    )
    with progress:
        yield _ProgressListener(progress, progress.add_task("extract", total=total, rate=""))


class _ProgressListener:
    def __init__(self, progress: Progress, task: TaskID) -> None:
        self.progress, self.task, self.pages = progress, task, 0

    def done(self, outcome: Outcome) -> None:
        self.pages += outcome.pages
        self.progress.update(self.task, advance=1)
        self.waiting()

    def waiting(self) -> None:
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = f"{self.pages / elapsed:,.0f} pages/s" if elapsed > 0 and self.pages else ""
        self.progress.update(self.task, rate=rate)
        self.progress.refresh()


def warn_about(report: Report, *, forced: bool) -> None:
    for note in report.notes:
        err(f"Warning: {note}")
    if report.kind == UNKNOWN and not forced:
        err(f"Warning: {report.document}: document kind not recognised; assumed {UNKNOWN} (use --kind to force one)")
    flagged = sum(1 for f in report.facts if f.flag)
    if flagged:
        err(f"Note: {report.document}: {flagged} fact(s) flagged for doubt; see the flag column")


# The library's commands register themselves on ``app``.
from lacompare.cli import library as _library  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `lacompare … | head` ends quietly
    try:
        app()
    except LacompareError as exc:
        report_error(exc)
        sys.exit(1)
