"""Write rows in the chosen format: table, csv, tsv, json, jsonl or xlsx, streamed where the format allows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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
    width: int | None = None,
) -> None:
    """All the rows at once; ``width`` (a terminal's) wraps a plain table's long cells."""
    writer = RowWriter(fmt, stream, columns=columns, headers=headers, safe_csv=safe_csv, width=width)
    writer.write(rows)
    writer.close()


class RowWriter:
    """Rows written as they come: CSV, TSV and JSON Lines a row at a time, a JSON array an element
    at a time; a plain table or a workbook, which need every row first, on :meth:`close`."""

    def __init__(
        self,
        fmt: Format,
        stream: TextIO,
        *,
        columns: Sequence[str] = COLUMNS,
        headers: bool = True,
        safe_csv: bool = False,
        width: int | None = None,
    ) -> None:
        self.fmt, self.stream, self.columns = fmt, stream, columns
        self.headers, self.safe, self.width = headers, safe_csv, width
        self.held: list[Row] = []
        self.count = 0
        # CSV and TSV write their header with the first rows (or on close), so a writer that is
        # never given anything (every input failed) writes nothing at all.
        self._header_due = fmt in (Format.csv, Format.tsv) and headers

    def _header(self) -> None:
        if self._header_due:
            self._header_due = False
            self._delimited([dict(zip(self.columns, self.columns, strict=True))], header=True)

    def write(self, rows: Iterable[Row]) -> None:
        if self.fmt in (Format.csv, Format.tsv):
            self._header()
            self._delimited(rows)
        elif self.fmt is Format.jsonl:
            import json

            for r in rows:
                self.stream.write(json.dumps(_record(r, self.columns), ensure_ascii=False) + "\n")
        elif self.fmt is Format.json:
            self._json_elements(rows)
        else:
            self.held.extend(rows)

    def close(self) -> None:
        self._header()
        if self.fmt is Format.json:
            self.stream.write("\n]\n" if self.count else "[]\n")
        elif self.fmt is Format.xlsx:
            from lacompare.render.xlsx import write_xlsx

            self.stream.flush()  # a workbook is binary: written to the text stream's byte buffer
            write_xlsx(self.held, self.stream.buffer, self.columns, self.headers)
        elif self.fmt is Format.table:
            from lacompare.render.plain import write_plain_table

            write_plain_table(self.held, self.stream, self.columns, self.headers, self.width)

    def _delimited(self, rows: Iterable[Row], header: bool = False) -> None:
        if self.fmt is Format.csv:
            write_delimited(rows, self.stream, self.columns, ",", False, self.safe and not header)
        else:
            write_tsv(rows, self.stream, self.columns, False, self.safe and not header)

    def _json_elements(self, rows: Iterable[Row]) -> None:
        """The text ``json.dump(records, indent=2)`` writes, one element at a time."""
        import json

        for r in rows:
            element = json.dumps(_record(r, self.columns), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if not self.count else ",\n  ") + element)
            self.count += 1


def write_delimited(
    rows: Iterable[Row], stream: TextIO, columns: Sequence[str], delimiter: str, headers: bool, safe: bool
) -> None:
    """RFC 4180 quoting with LF line ends (friendlier to grep/awk/cut than CRLF)."""
    import csv

    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    if headers:
        writer.writerow(columns)
    for r in rows:
        writer.writerow([defuse(cell(r.get(c))) if safe else cell(r.get(c)) for c in columns])


def write_tsv(rows: Iterable[Row], stream: TextIO, columns: Sequence[str], headers: bool, safe: bool) -> None:
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
