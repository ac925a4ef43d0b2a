"""A measure and its values one name a line: a table turned on its side, as local accounts and
dashboards print a measure beside the England figure.

    People who use services who have control over their daily lives
    West Sussex – 81.9% (76.9%)
    England – 77.6% (77.2%)

Each value line is a name, an optional dash or colon, and the value (with its bracketed earlier
figure, when the page gives one). One name is the council's own and the others are benchmarks
(their names are the benchmark words of a table header); the council's value is set against each
benchmark, bracketed figure against bracketed figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lacompare import compiled
from lacompare.extractors.tables.cells import Cell, row_cells
from lacompare.extractors.tables.header import Role, column
from lacompare.model import Comparison
from lacompare.readers.base import Page

_VALUE_LINE = compiled.pattern(r"^(?P<name>[A-Z][\w .,'’&()-]{1,48}?)\s*(?:[–—:-]\s*|\s)(?=[-–]?[£\d(])(?P<rest>.+)$")
MAX_MEASURE_LINE = 250


def comparisons(page: Page) -> Iterator[Comparison]:
    """The comparisons of every measure the page gives its values one name a line."""
    lines = page.text.split("\n")
    index = 0
    while index < len(lines):
        values = _value_lines(lines, index + 1)
        if len(values) >= 2 and _is_measure(lines[index]):
            yield from _comparisons(page, lines, index, values)
            index += len(values) + 1
        else:
            index += 1


def _is_measure(line: str) -> bool:
    text = line.strip()
    return 3 < len(text) <= MAX_MEASURE_LINE and row_cells(text, 1) is None and not text.endswith(":")


def _value_lines(lines: Sequence[str], start: int) -> list[tuple[str, Cell]]:
    out = []
    for line in lines[start : start + 6]:
        m = _VALUE_LINE.match(line.strip())
        found = row_cells(m["rest"].lstrip("–-— "), 1, values_only=True) if m else None
        if m is None or found is None or found[0] != 0 or not found[1][0].is_number:
            break
        out.append((m["name"].strip(), found[1][0]))
    return out


def _comparisons(page: Page, lines: Sequence[str], index: int, values: list[tuple[str, Cell]]) -> Iterator[Comparison]:
    columns = [column(name) for name, _ in values]
    own = [i for i, c in enumerate(columns) if c.role is Role.VALUE]
    benches = [i for i, c in enumerate(columns) if c.role is Role.BENCHMARK]
    if len(own) != 1 or not benches:
        return
    value = values[own[0]][1]
    quote = "\n".join(lines[index : index + len(values) + 1]).strip()
    measure = lines[index].strip()
    for i in benches:
        bench = values[i][1]
        for aside in (False, True):
            mine, theirs = (value.aside, bench.aside) if aside else (value.value, bench.value)
            if mine is None or theirs is None:
                continue
            yield Comparison(
                page.number,
                quote,
                flag="bracketed figures: an earlier period the page names elsewhere" if aside else None,
                metric=measure,
                value=mine,
                unit=value.unit or bench.unit,
                comparator=columns[i].comparator or "average",
                comparator_value=theirs,
            )
