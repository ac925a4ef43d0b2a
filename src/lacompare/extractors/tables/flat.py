"""Flattened tables: the way PDF text extraction and copied web pages give a table, with no cell
boundaries. A header line (or a header whose cells stand on lines of their own), then one row a
line, label then values ("ASC 1A: Quality of life 19 19.3 n/a 18.9"), or label lines followed by
their values, or a label wrapped over two lines before or after its values. The cells are read
off the end of the line, as many as the header has columns, so a number inside the label stays
in the label; a row with fewer cells is aligned from the right and flagged. Where the header's
words can be cut into columns in several ways, the cut the rows under it fill is taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from lacompare import compiled
from lacompare.extractors.tables.cells import Cell, CellKind, inner_cells, read_cell, row_cells
from lacompare.extractors.tables.header import (
    Column,
    Role,
    header_readings,
    is_header_fragment,
    opens_with_label,
    split_header,
)
from lacompare.extractors.tables.model import Grid, Row
from lacompare.readers.base import Page

# A table ends where this many lines in a row are neither rows nor the labels of rows.
MAX_GAP_LINES = 2


# A row's label may run over this many lines before its values (a PDF puts "ASCOF" / "2B(1)" /
# the measure's name on lines of their own); more lines without a value end the table.
MAX_LABEL_LINES = 4


# A label line (a row whose values follow on the next lines) is at most this long.
MAX_LABEL_LINE = 250


MAX_HEADER_LINES = 6


def header_at(lines: Sequence[str], index: int) -> tuple[list[tuple[str, list[Column]]], int]:
    """The readings of a header starting at ``index`` and its last line: a PDF's text may give
    the header's cells a line each ("Ref Description Target Result" / "Sep-24" / "England")."""
    line = lines[index]
    readings = header_readings(line) if could_be_header(line) else []
    if not readings and not is_header_fragment(line):
        return [], index
    last = index
    while last + 1 < len(lines) and last - index < MAX_HEADER_LINES and is_header_fragment(lines[last + 1]):
        last += 1
    if last > index:
        # a header opens with its label column's heading: a fragment above it ("Performance
        # report") is a title, not the header's first cell
        first = next((k for k in range(index + 1, last + 1) if opens_with_label(lines[k])), index)
        if first > index and not opens_with_label(line):
            index, readings = first, header_readings(lines[first]) if could_be_header(lines[first]) else []
        joined = header_readings(" ".join(lines[index : last + 1])) if last > index else []
        if joined:
            return joined, last
    return readings, index


def offsets(lines: Sequence[str]) -> list[int]:
    out, at = [], 0
    for line in lines:
        out.append(at)
        at += len(line) + 1
    return out


def could_be_header(line: str) -> bool:
    """Headers are short and are not sentences."""
    return 3 <= len(line) <= 400 and not line.rstrip().endswith((".", ":", ";", "?", "!"))


def fitting(readings: list[tuple[str, list[Column]]], below: Sequence[str]) -> list[Column]:
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
        odd += _previous_not_before(columns) + _undated_among_dated(columns) + _benchmark_left_undated(columns)
        alone = sum(c.role is Role.PERIOD for c in columns)
        # a reading with no column for the row's own figure leaves the rows without a result
        has_result = any(c.role in (Role.RESULT, Role.PERIOD, Role.VALUE) for c in columns)
        return exact, has_result, -odd, -alone

    return max((columns for _, columns in readings), key=fits)  # max keeps the first of equals


def _benchmark_left_undated(columns: list[Column]) -> int:
    """A benchmark with no period followed by a period standing alone ("England" | "2023/24"): the
    period is the benchmark's own ("England 2023/24"), so such a reading is unlikely."""
    return sum(
        a.role is Role.BENCHMARK and a.period is None and b.role is Role.PERIOD
        for a, b in zip(columns, columns[1:], strict=False)
    )


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


def flat_grid(
    page: Page, lines: Sequence[str], offsets: Sequence[int], header_index: int, columns: list[Column]
) -> tuple[Grid | None, int]:
    """The rows under a flattened header, up to the first run of lines that are not rows."""
    reader = _FlatRows(page, lines, offsets, len(columns))
    index = header_index + 1
    while index < len(lines) and reader.gap <= MAX_GAP_LINES and len(reader.labels) <= MAX_LABEL_LINES:
        line = lines[index]
        if line.count("|") >= 2 or (could_be_header(line) and split_header(line) is not None):
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
        elif text and len(text) <= MAX_LABEL_LINE and not self._unread_row(text):
            self.labels.append(index)
            self.gap = 0
        else:
            self.labels = []  # a row this reader cannot place is no label of the next one
            self.gap += 1

    def _unread_row(self, text: str) -> bool:
        """A line holding nearly a row's figures, which no shape placed: never a label line."""
        figures = sum(read_cell(m.group()).is_number for m in _WORD_RE.finditer(text))
        return figures >= max(2, self.width - 1)

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


_WORD_RE = compiled.pattern(r"\S+")


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
