"""Rows as an .xlsx workbook, through XlsxWriter (imported only when a workbook is written).

Numbers are number cells; every other value is a string cell, written with ``write_string`` so a
cell that starts with ``=``, ``+``, ``-`` or ``@`` is text, never a live formula. The header row is
bold and frozen.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any, BinaryIO

from lacompare.render.rows import Row, cell

SHEET = "lacompare"


def write_xlsx(rows: Sequence[Row], stream: BinaryIO, columns: Sequence[str], headers: bool = True) -> None:
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    sheet = workbook.add_worksheet(SHEET)
    first = 0
    if headers:
        bold = workbook.add_format({"bold": True})
        for col, name in enumerate(columns):
            sheet.write_string(0, col, name, bold)
        sheet.freeze_panes(1, 0)
        first = 1
    for offset, row in enumerate(rows):
        for col, name in enumerate(columns):
            _write_cell(sheet, first + offset, col, row.get(name))
    workbook.close()
    stream.write(buffer.getvalue())
    stream.flush()


def _write_cell(sheet: Any, row: int, col: int, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, cell(value))
