"""The one model every table rendering is read into: a header of columns and rows of cells."""

from __future__ import annotations

from dataclasses import dataclass

from lacompare.extractors.tables.cells import Cell
from lacompare.extractors.tables.header import Column


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its label (reference and measure), its value cells in column order, and the
    verbatim text it stands in on its page."""

    label: str
    cells: tuple[Cell, ...]
    quote: str
    flag: str | None = None
    ref: str | None = None  # the reference from a column of its own, when the table has one


@dataclass(frozen=True, slots=True)
class Grid:
    page: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    # A header grouping the columns by place: the (council's, benchmark's) columns compared, and
    # nothing else read from the rows (each row holds every place's values).
    pairs: tuple[tuple[int, int], ...] | None = None
