"""Write rows in the chosen format: table, csv, tsv, json, jsonl or xlsx."""

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
    xlsx = "xlsx"


#: The suffixes ``-o FILE`` takes its format from.
FILE_FORMATS = (Format.csv, Format.tsv, Format.json, Format.jsonl, Format.xlsx)
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_TSV_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_TSV_CODES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


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

    if fmt is Format.csv:
        write_delimited(rows, stream, columns, ",", headers, safe_csv)
    elif fmt is Format.tsv:
        write_tsv(rows, stream, columns, headers, safe_csv)
    elif fmt is Format.xlsx:
        from lacompare.render.xlsx import write_xlsx

        stream.flush()  # a workbook is binary: written to the text stream's byte buffer
        write_xlsx(rows, stream.buffer, columns, headers)
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


def write_tsv(rows: Sequence[Row], stream: TextIO, columns: Sequence[str], headers: bool, safe: bool) -> None:
    r"""Linear TSV (IANA text/tab-separated-values): no quoting; a field's backslash, tab, line feed and
    carriage return are written ``\\``, ``\t``, ``\n`` and ``\r``, so one line is one row."""
    if headers:
        stream.write("\t".join(tsv_escape(c) for c in columns) + "\n")
    for r in rows:
        fields = (defuse(cell(r.get(c))) if safe else cell(r.get(c)) for c in columns)
        stream.write("\t".join(tsv_escape(f) for f in fields) + "\n")


def tsv_escape(text: str) -> str:
    return text.translate(_TSV_ESCAPES)


def tsv_unescape(field: str) -> str:
    """The inverse of :func:`tsv_escape` (an unknown escape keeps its character)."""
    return _TSV_UNESCAPE.sub(lambda m: _TSV_CODES.get(m.group(1), m.group(1)), field)


def read_tsv(text: str) -> list[list[str]]:
    """Rows of linear TSV as written by :func:`write_tsv`."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [[tsv_unescape(f) for f in line.split("\t")] for line in lines]


def defuse(text: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (a plain number such as -2.5 is not one)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) and not _SIGNED_NUMBER.fullmatch(text) else text


def _record(row: Row, columns: Sequence[str]) -> dict[str, object]:
    return {c: row.get(c) for c in columns}
