"""``lacompare info``: which library file is in use, its size, schema version and counts."""

from __future__ import annotations

import enum
import json
from typing import TYPE_CHECKING, Annotated

import typer

from lacompare.cli import command, exit_on_error, note, output_stream, rich_table_wanted, settings
from lacompare.cli.common import DbOpt, open_library
from lacompare.errors import StoreError
from lacompare.render import Format
from lacompare.render.widths import printable

if TYPE_CHECKING:
    from lacompare.library.info import LibraryInfo


class InfoFormat(enum.StrEnum):
    table = "table"
    json = "json"


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size:,} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def info_lines(info: LibraryInfo) -> list[tuple[str, str]]:
    return [
        ("library", str(info.path)),
        ("size", human_size(info.size_bytes)),
        ("schema version", str(info.schema_version)),
        ("documents", f"{info.documents:,}"),
        ("councils", f"{info.councils:,}"),
        ("facts", f"{info.facts:,}"),
        ("check", "ok (SQLite quick_check)" if not info.damage else f"DAMAGED: {damage_summary(info.damage)}"),
        ("lacompare", f"{info.lacompare_version} (extractor {info.extractor_version})"),
    ]


def damage_summary(damage: tuple[str, ...]) -> str:
    """'3 problems found, the first: On tree page 50 cell 3: Rowid 1218263 out of order'."""
    count = f"{len(damage)}+" if len(damage) >= 10 else str(len(damage))
    return damage[0] if len(damage) == 1 else f"{count} problems found, the first: {damage[0]}"


@command()
def info(
    db: DbOpt = None,
    fmt: Annotated[InfoFormat, typer.Option("--format", "-f", help="table or json.")] = InfoFormat.table,
) -> None:
    """The library in use: its path, size, schema version, documents, councils and facts, and a check
    of every page of the file (SQLite's quick_check; a damaged library exits 1 with the recovery step)."""
    given = db is not None or settings().db is not None
    with exit_on_error(), open_library(db) as library:
        summary = library.info()
        if not summary.exists and not given:  # a fresh install: the default library, not made yet
            note("The library is empty: add reports with `lacompare add REPORT.pdf`.")
        elif not summary.exists:
            raise StoreError(
                "no library here",
                source=str(summary.path),
                hint="check --db / LACOMPARE_DB; `lacompare add REPORT.pdf` creates one",
            )
    with output_stream(None) as stream:
        if fmt is InfoFormat.json:
            stream.write(json.dumps(summary.to_dict(), indent=2) + "\n")
        elif rich_table_wanted(Format.table, False, stream):
            from lacompare.cli.tables import print_pairs

            print_pairs(info_lines(summary))
        else:
            stream.writelines(printable(f"{key + ':':<16}{value}\n") for key, value in info_lines(summary))
    if summary.damage:
        from lacompare.library.connection import recover_hint

        with exit_on_error():
            raise StoreError(
                f"the library is damaged ({damage_summary(summary.damage)})",
                source=str(summary.path),
                hint=recover_hint(summary.path),
            )
