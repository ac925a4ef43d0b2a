"""Write rows in the chosen format: table, csv, tsv, json or jsonl."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import TextIO

from lacompare.render.rows import COLUMNS, Row, cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


def write_rows(
    rows: Sequence[Row],
    fmt: Format,
    stream: TextIO,
    *,
    columns: Sequence[str] = COLUMNS,
    headers: bool = True,
    safe_csv: bool = False,
) -> None:
    import json

    if fmt in (Format.csv, Format.tsv):
        write_delimited(rows, stream, columns, "," if fmt is Format.csv else "\t", headers, safe_csv)
    elif fmt is Format.json:
        json.dump([_record(r, columns) for r in rows], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt is Format.jsonl:
        for r in rows:
            stream.write(json.dumps(_record(r, columns), ensure_ascii=False) + "\n")
    else:
        from lacompare.render.plain import write_plain_table

        write_plain_table(rows, stream, columns, headers)


def write_delimited(
    rows: Sequence[Row], stream: TextIO, columns: Sequence[str], delimiter: str, headers: bool, safe: bool
) -> None:
    """RFC 4180 quoting with LF line ends (friendlier to grep/awk/cut than CRLF)."""
    import csv

    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    if headers:
        writer.writerow(columns)
    for r in rows:
        writer.writerow([defuse(cell(r.get(c))) if safe else cell(r.get(c)) for c in columns])


def defuse(text: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (a plain number such as -2.5 is not one)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) and not _SIGNED_NUMBER.fullmatch(text) else text


def _record(row: Row, columns: Sequence[str]) -> dict[str, object]:
    return {c: row.get(c) for c in columns}
