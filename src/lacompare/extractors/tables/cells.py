"""The cells of an indicator table, whatever the rendering: what a cell says and how to read a
row's cells off the end of a line where the rendering kept no cell boundaries.

A value cell is a number as councils print it ("65.9%", "£1,234", "1.2k", "£3.4m", "(1.2)" for a
negative, "1,944*" with a footnote mark), a cell that says the value is not stated ("n/a", "TBC",
"-", "*", "no tgt", blank; never 0), a RAG rating, a direction of travel or a polarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from lacompare import compiled
from lacompare.parsers.performance.refs import DIRECTION_WORDS, NOT_STATED, RAG_WORDS
from lacompare.vocab.patterns import scaled


class CellKind(StrEnum):
    NUMBER = "number"
    NOT_STATED = "not stated"
    RAG = "rag"
    DIRECTION = "direction"
    POLARITY = "polarity"
    TEXT = "text"


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER_CELL = (
    rf"(?P<sign>[-+−])?(?P<pound>£\s?)?(?P<num>{_NUMBER})(?:\s?(?P<scale>k|m|bn)\b)?(?:\s?\.?(?P<pct>%{{1,2}}))?"
    r"(?P<mark>[*†‡¹²³]{1,3})?"
)
_NEGATIVE_CELL = rf"\((?P<neg_pound>£)?(?P<neg>{_NUMBER})(?P<neg_pct>%)?\)"
# Cells that say the value is not stated: the vocabulary every indicator reader shares.
_NOT_STATED = (
    "(?i:"
    + "|".join(
        r"\s+".join(re.escape(word) for word in cell.split())
        for cell in sorted(NOT_STATED, key=lambda c: (-len(c), c))  # one order in every run (pattern cache)
        if cell
    )
    + ")"
)
_DIRECTION = rf"[↑↓→↗↘⬆⬇▲▼△▽]|{DIRECTION_WORDS}|Declining|Up|Down|Increas(?:ed|ing)|Decreas(?:ed|ing)"
_POLARITY = r"(?:High(?:er)?|Low(?:er)?|Big(?:ger)?|Small(?:er)?)(?:\s+is\s+(?:good|better))?"
_CELL_RE = compiled.pattern(
    rf"(?P<number>{_NUMBER_CELL})|(?P<negative>{_NEGATIVE_CELL})|(?P<not_stated>{_NOT_STATED})"
    rf"|(?P<rag>{RAG_WORDS})|(?P<direction>{_DIRECTION})|(?P<polarity>{_POLARITY})",
    # case-sensitive on purpose: "A" and "G" are RAG letters, "a" and "g" are words
)
# One cell at the end of a line, after a space (or the line start): read right to left.
_TAIL_RE = compiled.pattern(
    rf"(?:^|(?<=\s))(?:{_NUMBER_CELL}|{_NEGATIVE_CELL}|{_NOT_STATED}|{RAG_WORDS}|{_DIRECTION}|{_POLARITY})\s*$"
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as printed (``text``), what it is, and its number and unit when it holds one."""

    text: str
    kind: CellKind
    value: float | int | None = None
    unit: str | None = None  # "%", "£"
    aside: float | int | None = None  # a bracketed figure after the value: "76.9% (76.8%)"

    @property
    def is_number(self) -> bool:
        return self.kind is CellKind.NUMBER and self.value is not None


def read_cell(text: str) -> Cell:
    """What one cell says: '65.9%' -> 65.9 %; '(1.2)' -> -1.2; 'n/a' -> not stated; 'Green' -> RAG."""
    clean = " ".join(text.split()).strip()
    if not clean:
        return Cell("", CellKind.NOT_STATED)
    m = _CELL_RE.fullmatch(clean)
    if m is None:
        return Cell(clean, CellKind.TEXT)
    if m["number"]:
        return _number_cell(clean, m)
    if m["negative"]:
        value = scaled(m["neg"], None)
        unit = "%" if m["neg_pct"] else "£" if m["neg_pound"] else None
        return Cell(clean, CellKind.NUMBER, -value, unit)
    kind = next(k for k, g in _KINDS if m[g])
    return Cell(clean, kind)


_KINDS = (
    (CellKind.NOT_STATED, "not_stated"),
    (CellKind.RAG, "rag"),
    (CellKind.DIRECTION, "direction"),
    (CellKind.POLARITY, "polarity"),
)


def _number_cell(text: str, m: object) -> Cell:
    groups = m.groupdict()  # type: ignore[attr-defined]
    num = groups["num"]
    number = scaled(num, groups["scale"])
    if groups["sign"] in ("-", "−"):
        number = -number
    unit = "%" if groups["pct"] else "£" if groups["pound"] else None
    return Cell(text, CellKind.NUMBER, number, unit)


def row_cells(line: str, width: int, *, values_only: bool = False) -> tuple[int, list[Cell]] | None:
    """Where a flattened row's label ends and its cells (at most ``width``), or None when the line
    ends in no cell. A row written 'X (Y)' cell after cell ("76.9% (76.8%) 77.2% (76.8%)") keeps
    each bracketed figure with the value before it; otherwise '(1.2)' is a negative number."""
    starts = tail_starts(line, 2 * width)
    if not starts:
        return None
    ends = [*starts[1:], len(line)]
    cells = [read_cell(line[a:b]) for a, b in zip(starts, ends, strict=True)]
    paired = _paired(cells, [line[a:b].strip() for a, b in zip(starts, ends, strict=True)])
    if paired is not None and (len(paired) >= width or (values_only and 2 * len(paired) == len(cells))):
        used = min(width, len(paired))
        return starts[len(starts) - 2 * used], paired[-used:]
    keep = min(width, len(cells))
    return starts[len(starts) - keep], cells[-keep:]


def _paired(cells: list[Cell], texts: list[str]) -> list[Cell] | None:
    """'76.9%', '(76.8%)', '77.2%', '(76.8%)' -> two cells with asides; None unless the cells
    (from the last) alternate value, bracketed value."""
    out: list[Cell] = []
    i = len(cells) - 2
    while i >= 0:
        value, aside = cells[i], cells[i + 1]
        if not (value.is_number and texts[i + 1].startswith("(") and aside.is_number and not texts[i].startswith("(")):
            break
        out.append(Cell(f"{texts[i]} {texts[i + 1]}", CellKind.NUMBER, value.value, value.unit, -aside.value))  # type: ignore[operator]
        i -= 2
    out.reverse()
    return out or None


def tail_starts(line: str, most: int) -> list[int]:
    """Where each of the last (up to ``most``) cells of a flattened row starts, left to right."""
    end = len(line.rstrip())
    starts: list[int] = []
    while len(starts) < most and end > 0:
        m = _TAIL_RE.search(line, max(0, end - 40), end)
        if m is None:
            break
        starts.append(m.start())
        end = len(line[: m.start()].rstrip())
    starts.reverse()
    return starts


def inner_cells(line: str, width: int, *, strict: bool = True) -> tuple[int, int, list[Cell]] | None:
    """A row whose label goes on after its cells, as a wrapped cell's rest is rejoined to its row
    ("1A Quality of 18.6 19.0 Green life score"): (where the cells start, where they end, the
    cells), when ``width`` single-word cells stand together and lower-case words follow them."""
    if len(line) > MAX_ROW_CHARS:
        return None
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(line)]
    cells = [read_cell(line[a:b]) for a, b in tokens]  # each token read once
    for last in range(len(tokens) - 2, width - 1, -1):
        if not line[tokens[last + 1][0]].islower():
            continue
        run = cells[last - width + 1 : last + 1]
        # ``strict``: a word, not a figure, stands before the cells (so a header's width can be
        # told from its rows); once the width is known, a label may end in a figure ("(aged 65").
        label_before = not strict or cells[last - width].kind is CellKind.TEXT
        if label_before and all(c.kind is not CellKind.TEXT for c in run) and any(c.is_number for c in run):
            return tokens[last - width + 1][0], tokens[last][1], run
    return None


# A table row, its label wrapped and rejoined, is a few hundred characters at most.
MAX_ROW_CHARS = 1_000


# A cell of one word, or a RAG or direction of several ("On target", "Stayed the same").
_TOKEN_RE = compiled.pattern(rf"(?:{RAG_WORDS}|{DIRECTION_WORDS})(?=\s|$)|\S+")
