"""Tables in every rendering, read into one model (``model``): a header of columns and rows of cells.

Renderings whose cells are given: ruled PDF tables (``Document.tables``, cells from pdfplumber);
rows of ``|``-separated cells (markdown tables, and HTML ``<table>`` rows as the HTML reader writes
them); tab-separated and space-aligned text, cut at the columns of its raw lines. Everything else
is flattened text, read by ``flat``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from lacompare import compiled
from lacompare.extractors.tables import flat, grouped, keyed
from lacompare.extractors.tables.cells import CellKind, read_cell
from lacompare.extractors.tables.header import Column, Role, column, is_header_fragment
from lacompare.extractors.tables.model import Grid, Row
from lacompare.readers.base import Document, Page


def grids(doc: Document) -> Iterator[Grid]:
    """Every table of the document, in every rendering it holds."""
    for table in doc.tables:
        grid = _cell_grid(doc.page(table.page), table.rows)
        if grid is not None:
            yield grid
    ruled = {table.page for table in doc.tables}
    for page in doc.pages:
        if page.number not in ruled:  # a ruled table's text is its cells again, flattened
            yield from _text_grids(page)


# -- tables whose cells are given (ruled PDF tables, pipes) -------------------------------------


def _cell_grid(page: Page, rows: Sequence[Sequence[str]]) -> Grid | None:
    """A table given cell by cell: the first row whose cells name two value columns is its header."""
    for index in range(min(4, len(rows))):
        placed = grouped.cell_header(rows[index : index + 2])
        if placed is not None:  # columns grouped by place: "England 2016 | … | Worcestershire 2016 | …"
            columns, pairs, taken = placed
            kept = tuple(r for r in (_given_row(page, rows[index], columns, row) for row in rows[index + taken :]) if r)
            return Grid(page.number, tuple(c for c in columns if c.role not in _LABELS), kept, pairs) if kept else None
    for index, header in enumerate(rows[:4]):
        columns = [column(cell) for cell in header]
        if not _names_a_table(columns):
            continue
        if index + 1 < len(rows) and _is_sub_header(header, rows[index + 1]):
            below = rows[index + 1]
            header = [f"{low} {top}" if low and low != top else top for top, low in zip(header, below, strict=True)]
            columns, index = [column(cell) for cell in header], index + 1
        body = [_given_row(page, header, columns, row) for row in rows[index + 1 :]]
        kept = tuple(r for r in body if r is not None)
        return Grid(page.number, tuple(c for c in columns if c.role not in _LABELS), kept) if kept else None
    return None


_VALUED = (Role.RESULT, Role.PERIOD, Role.BENCHMARK, Role.TARGET)


def _is_sub_header(header: Sequence[str], row: Sequence[str]) -> bool:
    """A second header row under the first, cell for cell ("Q1 | Q2 | Q3 | Q4" under a "2024/25"
    spanning them): header words and periods only, one at least not the cell above it."""
    if len(row) != len(header):
        return False
    pairs = list(zip(header, row, strict=True))
    if all(low.strip() == top.strip() for top, low in pairs):
        return False
    return all(not low.strip() or low == top or is_header_fragment(low) for top, low in pairs)


def _names_a_table(columns: Sequence[Column]) -> bool:
    """A header row: a column named as a result, period, target or benchmark, and a second value
    column, or one result column beside a label column ("Ref | Indicator | Year to date")."""
    values = [c for c in columns if c.role not in _NOT_VALUES]
    if not any(c.role in _VALUED for c in values):
        return False
    one_result = len(values) == 1 and values[0].role in (Role.RESULT, Role.PERIOD)
    return len(values) >= 2 or (one_result and any(c.role is Role.LABEL for c in columns))


_LABELS = (Role.LABEL,)
_ROW_NUMBER = compiled.pattern(r"\s*\d{1,3}\.?\s*")  # a "No." column's "1", "2.": not the measure's words
_NOT_VALUES = (Role.LABEL, Role.NOTE)


def _given_row(page: Page, header: Sequence[str], columns: Sequence[Column], row: Sequence[str]) -> Row | None:
    if sum(bool(c.strip()) for c in row[len(columns) :]):
        return None  # more cells than the header has columns: which cell is whose cannot be told
    cells = list(row[: len(columns)]) + [""] * (len(columns) - len(row))
    labels = [cells[i] for i, c in enumerate(columns) if c.role in _LABELS and not _ROW_NUMBER.fullmatch(cells[i])]
    if not labels and cells:  # a first column with no heading holds the labels
        labels = [cells[0]] if columns[0].role in (Role.VALUE, Role.NOTE) and cells[0] else []
    label = " ".join(x for x in labels if x).strip()
    values = tuple(read_cell(cells[i]) for i, c in enumerate(columns) if c.role not in _LABELS)
    if not label or not any(v.is_number for v in values):
        return None
    ref = _ref_cell(header, cells)
    quote, flag = _row_quote(page.text, [x for x in cells if x.strip()])
    return Row(label, values, quote, flag, ref)


def _ref_cell(header: Sequence[str], cells: Sequence[str]) -> str | None:
    for head, cell in zip(header, cells, strict=False):
        if head.strip().casefold().rstrip(".") in ("ref", "reference", "code", "no", "kpi ref", "pi ref") and cell:
            return cell.strip()
    return None


def _row_quote(text: str, cells: Sequence[str]) -> tuple[str, str | None]:
    from lacompare.parsers.text.tablequote import row_quote

    return row_quote(text, cells[0], cells[1:])


# -- tables in the page text -----------------------------------------------------------------


def _text_grids(page: Page) -> Iterator[Grid]:
    lines = page.text.split("\n")
    offsets = flat.offsets(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        card = keyed.card_at(lines, index)
        if card is not None:  # "Indicator: …" over "Q1 2024/25: 512" lines: a table turned on its side
            rows, index = card
            grid = _cell_grid(page, rows)
            if grid is not None:
                yield grid
            continue
        if line.count("|") >= 2:
            end = _pipe_block_end(lines, index)
            grid = _cell_grid(page, [_pipe_cells(x) for x in lines[index:end] if not _is_rule(x)])
            if grid is not None:
                yield grid
            index = end
            continue
        grouped_end = grouped.table_end(lines, index)
        if grouped_end is not None:  # a header grouping its columns by place: ``grouped`` reads it
            index = grouped_end
            continue
        spaced = _spaced_block(page, lines, index)
        if spaced is not None:
            grid = _cell_grid(page, spaced)
            if grid is not None:
                yield grid
                index += len(spaced)
                continue
        readings, last = flat.header_at(lines, index)
        if not readings:
            index += 1
            continue
        kept = next((j for j in range(index + 1, last + 1) if _spaced_block(page, lines, j) is not None), None)
        if kept is None:
            kept = keyed.card_within(lines, index + 1, last + 2)
        if kept is not None:  # a title over a header whose raw line keeps its columns (tabs), or over a card
            index = kept
            continue
        grid, index = flat.flat_grid(page, lines, offsets, last, flat.fitting(readings, lines[last + 1 : last + 30]))
        if grid is not None:
            yield grid


_PIECE = compiled.pattern(r"\S+(?: \S+)*")  # a run of words one space apart: an aligned column's cell


def _spaced_block(page: Page, lines: Sequence[str], start: int) -> list[list[str]] | None:
    """A header and the rows under it whose raw lines keep their columns: cells between tabs, or
    cells aligned under the header's words (a blank cell is a gap under its heading)."""
    raw = page.raw_lines
    if start >= len(raw) or raw[start] is None:
        return None
    header = raw[start] or ""
    split: Callable[[str], list[str]]
    if "\t" in header.strip():
        split = _tab_cells
    elif len(_PIECE.findall(header)) >= 3 and flat.could_be_header(lines[start]):
        split = _aligned_cells([m.start() for m in _PIECE.finditer(header)])
    else:
        return None
    rows = []
    for line in raw[start:]:
        if line is None or not line.strip() or (split is _tab_cells) != ("\t" in line):
            break
        rows.append(split(line))
    return rows if len(rows) > 1 else None


def _tab_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _aligned_cells(starts: list[int]) -> Callable[[str], list[str]]:
    """Cut a line at the columns the header's words start: each cell goes to the column it overlaps most."""

    def cut(line: str) -> list[str]:
        cells = [""] * len(starts)
        for a, b in _pieces(line, starts):
            best = max(range(len(starts)), key=lambda i: (_overlap(a, b, starts, i), -i))
            cells[best] = f"{cells[best]} {line[a:b]}".strip()
        return cells

    return cut


def _pieces(line: str, starts: list[int]) -> Iterator[tuple[int, int]]:
    """The line's runs of words, a run cut where a value starts right under a column's heading (a
    long label runs up to the next column one space short: "… within 28 days 90%")."""
    for m in _PIECE.finditer(line):
        a = m.start()
        for start in starts:
            if a < start < m.end() and line[start - 1] == " " and _is_value(line, start, m.end()):
                yield a, start - 1
                a = start
        yield a, m.end()


def _is_value(line: str, start: int, end: int) -> bool:
    word = line[start:end].split(" ", 1)[0]
    return read_cell(word).kind is not CellKind.TEXT


def _overlap(a: int, b: int, starts: list[int], i: int) -> int:
    end = starts[i + 1] if i + 1 < len(starts) else 1 << 30
    return min(b, end) - max(a, starts[i])


def _pipe_block_end(lines: Sequence[str], start: int) -> int:
    end = start
    while end < len(lines) and lines[end].count("|") >= 1:
        end += 1
    return end


def _pipe_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return [c.strip() for c in text.split("|")]


def _is_rule(line: str) -> bool:
    """A markdown table's rule line: '|---|:--:|'."""
    return bool(line.strip()) and set(line.strip()) <= set("|-: ")
