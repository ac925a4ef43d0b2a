"""``lacompare extract``: every fact of each report, streamed file by file in argument order."""

from __future__ import annotations

from typing import Annotated

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
    output_stream,
    progress_bar,
    report_error,
    safe_default,
    warn_about,
)
from lacompare.cli.common import (
    ColumnsOpt,
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
    fact_kinds,
    pick_columns,
)
from lacompare.cli.writing import ReportWriter


@command()
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
    safe_csv: SafeCsvOpt = None,
    wide: WideOpt = False,
    columns: ColumnsOpt = None,
    fact: FactsOpt = None,
) -> None:
    """Print every fact in each report, with its page and verbatim quote.

    On a terminal one line per row (the quote with --wide). CSV, TSV, JSON and JSON Lines are
    written file by file as each file (and every one before it) is read; with -o the file is
    replaced only if at least one report was read.

    Piped to another program, stdout is the raw text: a quote starting with = + - @ is written as it
    is. For a spreadsheet write a file, with -o facts.csv (or > facts.csv): its CSV cells are made
    safe to open (see --safe-csv).
    """
    from lacompare.batch import extract_many
    from lacompare.render.rows import COLUMNS

    addresses = [name for name in files if name.startswith(("http://", "https://"))]
    files = [name for name in files if name not in addresses]
    add_inputs(*files)
    picked = pick_columns(columns, COLUMNS)
    chosen = choose_format(fmt, plain, output)  # a bad -o is refused before any file is read
    options = batch_options(kind, password, jobs, no_cache, timeout, memory_limit)
    read, failed = 0, len(addresses)
    for address in addresses:  # the rest of the batch goes on
        err(f"Error: {address}: a web address, not a file (fetch it first: curl -sL '{address}' | lacompare extract -)")
    with output_stream(output) as stream:
        writer = ReportWriter(
            chosen, stream, plain=plain, headers=not no_headers, safe_csv=safe_default(safe_csv, output), wide=wide,
            columns=picked, facts=fact_kinds(fact),
        )  # fmt: skip
        with progress_bar(len(files), quiet) as listener:
            for outcome in extract_many(files, options, listener):
                if outcome.report is None:
                    assert outcome.error is not None
                    report_error(outcome.error)
                    failed += 1
                    continue
                detail(describe_outcome(outcome))
                if not quiet:
                    warn_about(outcome.report, forced=kind is not None)
                writer.add(outcome.report)
                read += 1
        if not read:
            raise typer.Exit(1)  # nothing read: no header alone, and an -o file is left as it was
        writer.close()
    if failed:
        raise typer.Exit(1)
