"""Tables in every rendering, read into one model: a header of columns and rows of cells.

Renderings: ruled PDF tables (``Document.tables``, cells from pdfplumber); rows of ``|``-separated
cells (markdown tables, and HTML ``<table>`` rows as the HTML reader writes them); and flattened
text, the way PDF text extraction and copied web pages give a table: a header line, then one row
a line, label then values ("ASC 1A: Quality of life 19 19.3 n/a 18.9"), or a label line followed
by its values line, or a label wrapped over two lines. Flattened rows keep no cell boundaries, so
their cells are read off the end of the line, as many as the header has columns: a number inside
the label stays in the label, and a row with fewer cells is aligned from the right and flagged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from lacompare import compiled
from lacompare.extractors.tables.cells import Cell, CellKind, inner_cells, read_cell, row_cells
from lacompare.extractors.tables.header import Column, Role, column, header_readings, is_header_fragment, split_header
from lacompare.readers.base import Document, Page

# A table ends where this many lines in a row are neither rows nor the labels of rows.
MAX_GAP_LINES = 2
# A row's label may run over this many lines before its values (a PDF puts "ASCOF" / "2B(1)" /
# the measure's name on lines of their own); more lines without a value end the table.
MAX_LABEL_LINES = 4
# A label line (a row whose values follow on the next lines) is at most this long.
MAX_LABEL_LINE = 250


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


def grids(doc: Document) -> Iterator[Grid]:
    """Every table of the document, in every rendering it holds."""
    for table in doc.tables:
        grid = _cell_grid(doc.page(table.page), table.rows, ruled=True)
        if grid is not None:
            yield grid
    ruled = {table.page for table in doc.tables}
    for page in doc.pages:
        if page.number not in ruled:  # a ruled table's text is its cells again, flattened
            yield from _text_grids(page)


# -- tables whose cells are given (ruled PDF tables, pipes) -------------------------------------


def _cell_grid(page: Page, rows: Sequence[Sequence[str]], *, ruled: bool) -> Grid | None:
    """A table given cell by cell: the first row whose cells name two value columns is its header."""
    for index, header in enumerate(rows[:4]):
        columns = [column(cell) for cell in header]
        if not _names_a_table(columns):
            continue
        body = [_given_row(page, header, columns, row, ruled=ruled) for row in rows[index + 1 :]]
        kept = tuple(r for r in body if r is not None)
        return Grid(page.number, tuple(c for c in columns if c.role not in _LABELS), kept) if kept else None
    return None


_VALUED = (Role.RESULT, Role.PERIOD, Role.BENCHMARK, Role.TARGET)


def _names_a_table(columns: Sequence[Column]) -> bool:
    """A header row: a column named as a result, period, target or benchmark, and a second value
    column, or one result column beside a label column ("Ref | Indicator | Year to date")."""
    values = [c for c in columns if c.role not in _NOT_VALUES]
    if not any(c.role in _VALUED for c in values):
        return False
    one_result = len(values) == 1 and values[0].role in (Role.RESULT, Role.PERIOD)
    return len(values) >= 2 or (one_result and any(c.role is Role.LABEL for c in columns))


_LABELS = (Role.LABEL,)
_NOT_VALUES = (Role.LABEL, Role.NOTE)


def _given_row(
    page: Page, header: Sequence[str], columns: Sequence[Column], row: Sequence[str], *, ruled: bool
) -> Row | None:
    cells = list(row) + [""] * (len(columns) - len(row))
    labels = [cells[i] for i, c in enumerate(columns) if c.role in _LABELS]
    if not labels and cells:  # a first column with no heading holds the labels
        labels = [cells[0]] if columns[0].role in (Role.VALUE, Role.NOTE) and cells[0] else []
    label = " ".join(x for x in labels if x).strip()
    values = tuple(read_cell(cells[i]) for i, c in enumerate(columns) if c.role not in _LABELS)
    if not label or not any(v.is_number for v in values):
        return None
    ref = _ref_cell(header, cells)
    quote, flag = _row_quote(page.text, [x for x in cells if x.strip()], ruled=ruled)
    return Row(label, values, quote, flag, ref)


def _ref_cell(header: Sequence[str], cells: Sequence[str]) -> str | None:
    for head, cell in zip(header, cells, strict=False):
        if head.strip().casefold().rstrip(".") in ("ref", "reference", "code", "no", "kpi ref", "pi ref") and cell:
            return cell.strip()
    return None


def _row_quote(text: str, cells: Sequence[str], *, ruled: bool) -> tuple[str, str | None]:
    from lacompare.parsers.text.tablequote import row_quote

    return row_quote(text, cells[0], cells[1:])


# -- tables in the page text -----------------------------------------------------------------


def _text_grids(page: Page) -> Iterator[Grid]:
    lines = page.text.split("\n")
    offsets = _offsets(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.count("|") >= 2:
            end = _pipe_block_end(lines, index)
            grid = _cell_grid(page, [_pipe_cells(x) for x in lines[index:end] if not _is_rule(x)], ruled=False)
            if grid is not None:
                yield grid
            index = end
            continue
        spaced = _spaced_block(page, lines, index)
        if spaced is not None:
            grid = _cell_grid(page, spaced, ruled=False)
            if grid is not None:
                yield grid
                index += len(spaced)
                continue
        readings, last = _header_at(lines, index)
        if not readings:
            index += 1
            continue
        grid, index = _flat_grid(page, lines, offsets, last, _fitting(readings, lines[last + 1 : last + 30]))
        if grid is not None:
            yield grid


MAX_HEADER_LINES = 6


def _header_at(lines: Sequence[str], index: int) -> tuple[list[tuple[str, list[Column]]], int]:
    """The readings of a header starting at ``index`` and its last line: a PDF's text may give
    the header's cells a line each ("Ref Description Target Result" / "Sep-24" / "England")."""
    line = lines[index]
    readings = header_readings(line) if _could_be_header(line) else []
    if not readings and not is_header_fragment(line):
        return [], index
    last = index
    while last + 1 < len(lines) and last - index < MAX_HEADER_LINES and is_header_fragment(lines[last + 1]):
        last += 1
    if last > index:
        joined = header_readings(" ".join(lines[index : last + 1]))
        if joined:
            return joined, last
    return readings, index


def _offsets(lines: Sequence[str]) -> list[int]:
    out, at = [], 0
    for line in lines:
        out.append(at)
        at += len(line) + 1
    return out


def _could_be_header(line: str) -> bool:
    """Headers are short and are not sentences."""
    return 3 <= len(line) <= 400 and not line.rstrip().endswith((".", ":", ";", "?", "!"))


def _fitting(readings: list[tuple[str, list[Column]]], below: Sequence[str]) -> list[Column]:
    """The reading of a header whose columns the rows under it fill: most lines ending in exactly
    as many cells (the first reading on a tie)."""

    def fits(columns: list[Column]) -> tuple[int, bool, int, int]:
        width = len(columns)
        exact = 0
        for line in below:
            found = row_cells(line.strip(), width + 1)
            exact += (found is not None and len(found[1]) == width) or (
                found is None and inner_cells(line.strip(), width) is not None
            )
        # On a tie, the reading that gives no period to a RAG, direction or polarity column, then
        # the one with fewer periods standing alone ("Result Sep-24" is one column, not two).
        odd = sum(c.period is not None for c in columns if c.role in (Role.RAG, Role.DIRECTION, Role.POLARITY))
        odd += _previous_not_before(columns) + _undated_among_dated(columns)
        alone = sum(c.role is Role.PERIOD for c in columns)
        # a reading with no column for the row's own figure leaves the rows without a result
        has_result = any(c.role in (Role.RESULT, Role.PERIOD, Role.VALUE) for c in columns)
        return exact, has_result, -odd, -alone

    return max((columns for _, columns in readings), key=fits)  # max keeps the first of equals


def _undated_among_dated(columns: list[Column]) -> int:
    """Columns of one role of which some name a period and some do not ("Outturn 2024/25" beside
    "Outturn"): a header names its periods alike, so such a reading is unlikely."""
    odd = 0
    for role in (Role.RESULT, Role.TARGET, Role.BENCHMARK):
        same = [c for c in columns if c.role is role]
        if any(c.period for c in same):
            odd += sum(c.period is None for c in same)
    return odd


def _previous_not_before(columns: list[Column]) -> int:
    """Previous values dated no earlier than the results ("Baseline 2023/24" beside a 2023/24
    result): a reading that cuts a header so is unlikely."""
    results = [c.period.end for c in columns if c.role in (Role.RESULT, Role.PERIOD) and c.period]
    if not results:
        return 0
    latest = max(results)
    return sum(1 for c in columns if c.role is Role.PREVIOUS and c.period is not None and c.period.end >= latest)


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
    elif len(_PIECE.findall(header)) >= 3 and _could_be_header(lines[start]):
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
        for m in _PIECE.finditer(line):
            best = max(range(len(starts)), key=lambda i: (_overlap(m.start(), m.end(), starts, i), -i))
            cells[best] = f"{cells[best]} {m.group()}".strip()
        return cells

    return cut


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


def _flat_grid(
    page: Page, lines: Sequence[str], offsets: Sequence[int], header_index: int, columns: list[Column]
) -> tuple[Grid | None, int]:
    """The rows under a flattened header, up to the first run of lines that are not rows."""
    reader = _FlatRows(page, lines, offsets, len(columns))
    index = header_index + 1
    while index < len(lines) and reader.gap <= MAX_GAP_LINES and len(reader.labels) <= MAX_LABEL_LINES:
        line = lines[index]
        if line.count("|") >= 2 or (_could_be_header(line) and split_header(line) is not None):
            break  # another table begins
        reader.take(index, line)
        index += 1
    reader.flush()
    reader.continue_previous()
    if 2 * reader.overflowing > len(reader.rows):
        # Most rows hold more figures than the header has columns: a header of two lines ("2016
        # 2033 2016 2033" under "England % Change Worcestershire % Change"), not this one.
        return None, header_index + 1
    kept = tuple(r for r in reader.rows if any(c.is_number for c in r.cells))
    if not kept:
        return None, header_index + 1  # not a header after all: read on from the next line
    return Grid(page.number, tuple(columns), kept), index


class _FlatRows:
    """Rows of a flattened table, line by line: a row on one line, or label lines then value lines."""

    def __init__(self, page: Page, lines: Sequence[str], offsets: Sequence[int], width: int) -> None:
        self.page, self.lines, self.offsets, self.width = page, lines, offsets, width
        self.rows: list[Row] = []
        self.labels: list[int] = []  # label lines waiting for their values
        self.values: list[Cell] = []  # values gathered over value-only lines
        self.value_lines: list[int] = []
        self.gap = 0
        self.overflowing = 0  # rows whose label ends in one more figure
        self.row_starts: list[int] = []  # the first line of each row

    def take(self, index: int, line: str) -> None:
        text = line.strip()
        found = row_cells(text, self.width - len(self.values), values_only=True)
        label = text[: found[0]].strip() if found else text
        if found and not label:  # a line of values only: the values of the label lines above
            self.values.extend(found[1])
            self.value_lines.append(index)
            if len(self.values) >= self.width:
                self.flush()
            return
        self.flush()
        inner = inner_cells(text, self.width, strict=False) if not found and self._rejoined(index) else None
        if inner is not None:
            self.continue_previous()
            self.labels = []
            self._row([index], inner[2], label_end=None, label=f"{text[: inner[0]].strip()} {text[inner[1] :].strip()}")
            self.gap = 0
        elif found:
            self.overflowing += _ends_in_figure(label)
            self.continue_previous()
            if self.labels and _starts_with_ref(label):
                self.labels = []  # the lines above were a section heading, not this row's label
            self._row(self.labels + [index], found[1], label_end=found[0])
            self.labels = []
            self.gap = 0
        elif text and len(text) <= MAX_LABEL_LINE:
            self.labels.append(index)
            self.gap = 0
        else:
            self.gap += 1

    def _rejoined(self, index: int) -> bool:
        """Could this line be a row whose wrapped label was joined on after its cells? Not when the
        reader kept it as one raw line, nor with one cell only ("within 28 days" is a label)."""
        raw = self.page.raw_lines
        if index < len(raw):
            return raw[index] is None  # the reader knows: joined from raw lines, or one of its own
        return self.width > 1  # no raw lines (PDF text): one cell in mid-line is too weak a sign

    def continue_previous(self) -> None:
        """Label lines that go on from the row above ("… 18.6 19.0 Green" / "quality of life score"),
        as a cell wrapped in a PDF is printed after its row, join that row."""
        if not self.rows or not self.labels or not _continues_label(self.lines[self.labels[0]]):
            return
        row, last = self.rows[-1], self.labels[-1]
        label = " ".join([row.label, *(self.lines[i].strip() for i in self.labels)])
        start = self.page.text.find(row.quote, self.offsets[self.row_starts[-1]])
        quote = self.page.text[start : self.offsets[last] + len(self.lines[last])].strip()
        self.rows[-1] = Row(label, row.cells, quote, row.flag, row.ref)
        self.labels = []

    def flush(self) -> None:
        # Values on lines of their own make a row only when they fill the header's cells: a lone
        # figure under label lines ("2016/1" / "7", a year broken over two lines) is no row.
        if self.values and self.labels and len(self.values) >= self.width:
            self._row(self.labels + self.value_lines, self.values, label_end=None)
            self.labels, self.gap = [], 0
        self.values, self.value_lines = [], []

    def _row(self, line_indexes: list[int], cells: list[Cell], *, label_end: int | None, label: str = "") -> None:
        first, last = line_indexes[0], line_indexes[-1]
        parts = [self.lines[i].strip() for i in line_indexes if i in self.labels]
        if label_end is not None:
            parts.append(self.lines[last].strip()[:label_end].strip())
        parts.append(label)
        flag = None
        if len(cells) < self.width:
            flag = f"{len(cells)} of the header's {self.width} cells: aligned from the right"
            cells = [Cell("", CellKind.NOT_STATED)] * (self.width - len(cells)) + cells
        quote = self.page.text[self.offsets[first] : self.offsets[last] + len(self.lines[last])].strip()
        self.rows.append(Row(" ".join(p for p in parts if p), tuple(cells), quote, flag))
        self.row_starts.append(first)


def _continues_label(line: str) -> bool:
    """A line that carries on a label rather than starting one: 'quality of life score', '(65+)'."""
    text = line.lstrip()
    return bool(text) and (text[0].islower() or text[0] in "(&")


def _ends_in_figure(label: str) -> bool:
    found = row_cells(label, 1)
    return found is not None and found[1][0].is_number


def _starts_with_ref(label: str) -> bool:
    from lacompare.extractors.tables.labels import split_label

    return split_label(label)[0] is not None
