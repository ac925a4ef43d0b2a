"""The command line: the only module that imports typer or rich.

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

from lacompare import __version__
from lacompare.errors import LacompareError
from lacompare.model import DOCUMENT_KINDS, UNKNOWN, Report
from lacompare.render import Format

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from lacompare.batch import Listener, Options, Outcome
    from lacompare.compare import DiffRow, Side
    from lacompare.render.rows import Row
    from lacompare.store import Library

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
    typer.Option("--format", "-f", help="table, csv, tsv, json or jsonl. Default: table on a terminal, CSV otherwise."),
]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")]  # noqa: UP045
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
DEFAULT_TIMEOUT = 60.0  # keep in step with lacompare.guard (not imported here: start-up stays light)
DEFAULT_MEMORY_MB = 1024


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
    if fmt is not None:
        return fmt
    if output is not None and str(output) != "-":
        suffix = output.suffix.lower().lstrip(".")
        return Format(suffix) if suffix in Format.__members__ else Format.csv
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
            print_fact_table(reports, rows)
        else:
            safe = safe_csv if safe_csv is not None else stream is not sys.stdout
            write_rows(rows, fmt, stream, headers=headers, safe_csv=safe)


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
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--kind", help=f"Force the document kind: {', '.join(DOCUMENT_KINDS)}."),
    ] = None,
    password: Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")] = None,  # noqa: UP045
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

    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(DOCUMENT_KINDS)}", param_hint="--kind")
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
        emit(reports, choose_format(fmt, plain, output), output, plain=plain, headers=not no_headers, safe_csv=safe_csv)
    if failed:
        raise typer.Exit(1)


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


# -- The library: add, list, show, remove, diff, rank, metrics ----------------------------------

DbOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--db", metavar="PATH", help="Library file. Default: $LACOMPARE_DB, else the user data folder."),
]
AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--as-of", metavar="DATE", help="Use each council's latest report published on or before DATE."),
]
FACT_KINDS = ("rating", "score", "comparison", "wait", "finance")


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

    with output_stream(output) as stream:
        write_rows(records, choose_format(fmt, plain, output), stream, columns=columns, headers=headers)


@app.command()
def add(
    files: Annotated[list[str], typer.Argument(help="Reports to extract and keep.", metavar="FILE...")],
    db: DbOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Force the document kind.")] = None,  # noqa: UP045
    password: Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")] = None,  # noqa: UP045
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
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(DOCUMENT_KINDS)}", param_hint="--kind")
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
    from lacompare.sides import LIST_COLUMNS, list_records

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
    from lacompare.sides import report_for

    with exit_on_error(), open_library(db) as library:
        report = report_for(library, council, as_of=check_date(as_of), kind=kind)
        emit([report], choose_format(fmt, plain, output), output, plain=plain, headers=not no_headers)


@app.command()
def remove(
    targets: Annotated[list[str], typer.Argument(help="Council names, SHA-256 prefixes or files.", metavar="WHAT...")],
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Remove documents from the library: every report of a council, or one document."""
    from lacompare.errors import NotInLibrary
    from lacompare.sides import council_entries

    with exit_on_error(), open_library(db) as library:
        chosen = {}
        for target in targets:
            found = council_entries(library, target)
            if not found:
                raise NotInLibrary(
                    f"nothing in the library matches '{target}'", source=target, hint="see `lacompare list`"
                )
            chosen.update({e.sha256: e for e in found})
        removed = library.remove(list(chosen))
    if not quiet:
        for entry in chosen.values():
            err(f"Removed {entry.source}: {entry.council}, {entry.kind} ({entry.sha256[:12]})")
        err(f"{removed} document(s) removed")


@app.command()
def diff(
    councils: Annotated[
        list[str],
        typer.Argument(help="Council names (from the library) or report files.", metavar="COUNCIL_OR_FILE..."),
    ],
    only: Annotated[Optional[str], typer.Option("--only", help="shared: only measures every council reports.")] = None,  # noqa: UP045
    fact: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--fact", help=f"Only these facts ({', '.join(FACT_KINDS)}); repeat for more."),
    ] = None,
    wide: Annotated[bool, typer.Option("--wide", help="CSV/JSON: one row per measure, a column per council.")] = False,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Councils side by side: every measure on one row, the benchmark, the difference and who does better."""
    from lacompare import compare
    from lacompare.render import write_rows
    from lacompare.sides import resolve_sides

    if len(councils) < 2:
        raise typer.BadParameter("give two or more councils or files", param_hint="COUNCIL_OR_FILE")
    if only not in (None, "shared"):
        raise typer.BadParameter(f"{only!r}: the only choice is 'shared'", param_hint="--only")
    for kind in fact or ():
        if kind not in FACT_KINDS:
            raise typer.BadParameter(f"{kind!r} is not one of {', '.join(FACT_KINDS)}", param_hint="--fact")
    with exit_on_error(), open_library(db) as library:
        sides = resolve_sides(councils, library, as_of=check_date(as_of))
    rows = compare.diff(sides, only_shared=only == "shared", facts=fact or None)
    chosen = choose_format(fmt, plain, output)
    with output_stream(output) as stream:
        if chosen is Format.table and not plain and stream is sys.stdout and sys.stdout.isatty():
            print_diff_table(sides, rows)
        elif chosen is Format.table:
            from lacompare.sides import table_columns, table_records

            records = table_records(rows, sides)
            write_rows(records, chosen, stream, columns=table_columns(sides), headers=not no_headers)
        elif wide:
            columns = compare.wide_columns(sides)
            write_rows(compare.wide_records(rows, sides), chosen, stream, columns=columns, headers=not no_headers)
        else:
            records = compare.tidy_records(rows, sides)
            write_rows(records, chosen, stream, columns=compare.TIDY_COLUMNS, headers=not no_headers)


def print_diff_table(sides: Sequence[Side], rows: Sequence[DiffRow]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from lacompare import sides as cells

    title = " vs ".join(f"{s.name} ({s.report.published or s.report.document})" for s in sides)
    caption = (
        f"{cells.BETTER_MARK} does better  ↑ higher is better  ↓ lower is better  (benchmarks as each report states)"
    )
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left", expand=True)
    table.add_column("metric", ratio=3)
    for side in sides:
        table.add_column(side.name, justify="right", no_wrap=True)
    table.add_column("benchmark", ratio=2)
    table.add_column("difference", justify="right", no_wrap=True)
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


@app.command()
def rank(
    metric: Annotated[str, typer.Argument(help="A metric id or words from its label (see `lacompare metrics`).")],
    region: Annotated[Optional[str], typer.Option("--region", help="Only councils in this region.")] = None,  # noqa: UP045
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """League table of the councils in the library for one metric, best first."""
    from lacompare import authorities, compare
    from lacompare.sides import RANK_COLUMNS, polarity_text, rank_records, resolve_metric

    regions = sorted({a.region for a in authorities.authorities()})
    if region is not None and region.casefold() not in {r.casefold() for r in regions}:
        raise typer.BadParameter(f"{region!r} is not one of {', '.join(regions)}", param_hint="--region")
    with exit_on_error(), open_library(db) as library:
        chosen = resolve_metric(metric)
        reports = library.latest_reports(as_of=check_date(as_of))
    sides = []
    for report in reports:
        council = authorities.find(report.local_authority)
        if council and (region is None or council.region.casefold() == region.casefold()):
            sides.append(compare.Side(council.short_name, report))
    ranked = compare.rank(sides, chosen.id)
    if not quiet:
        err(f"{chosen.label} ({chosen.id}, {polarity_text(chosen.polarity)}): {len(ranked)} of {len(sides)} councils")
    write_records(rank_records(ranked, sides), RANK_COLUMNS, fmt, output, plain, not no_headers)


@app.command()
def metrics(
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plain: PlainOpt = False,
    no_headers: NoHeadersOpt = False,
) -> None:
    """The metric catalogue: id, label, source, unit and which direction is better."""
    from lacompare.sides import METRIC_COLUMNS, metric_records

    write_records(metric_records(), METRIC_COLUMNS, fmt, output, plain, not no_headers)


def main() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `lacompare … | head` ends quietly
    try:
        app()
    except LacompareError as exc:
        report_error(exc)
        sys.exit(1)
