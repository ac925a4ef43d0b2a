"""The structure of a page: headings, paragraphs, list items, label/value pairs and table rows.

Blocks are read off a page's normalised text (one paragraph per line) and the markers the
normaliser kept (a bullet, a heading a reader marked). Every block holds character offsets into
that text, so a quote cut from a block is a verbatim substring of the page.

- table row: a line of ``|``-separated cells (pipe tables, flattened web tables);
- list item: a bulleted or numbered line ("• Safeguarding", "1. assessing people's needs – 2");
- label/value: a short label line and the short value under it ("Hartlepool Borough Council" /
  "Good", "Assessing needs" / "Score: 3"), or both on one line ("Overall rating for X: 70%");
- heading: a short line with no sentence punctuation that introduces what follows;
- paragraph: anything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from lacompare.readers.normalise import HEADING_MARKER


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    LABEL_VALUE = "label_value"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Span:
    """[start, end) offsets into a page's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    page: int
    start: int
    end: int
    text: str
    marker: str | None = None  # the list item's bullet or number ("•", "-", "1.")
    label: Span | None = None  # label/value pairs
    value: Span | None = None
    cells: tuple[Span, ...] = ()  # table rows: each non-empty cell

    @property
    def body(self) -> Span:
        """The block without its list marker."""
        if self.marker and self.text.startswith(self.marker):
            skip = len(self.marker) + len(self.text[len(self.marker) :]) - len(self.text[len(self.marker) :].lstrip())
            return Span(self.start + skip, self.end)
        return Span(self.start, self.end)


_LIST_MARK = re.compile(r"^(?P<mark>[-*+]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))\s+(?=\S)")
_VALUE = re.compile(
    r"""(?ix)^(?:
        (?:outstanding|good|requires\s+improvement|inadequate)
      | score\s*:?\s*[1-4](?:\s*(?:/|out\ of)\s*4)?
      | [£$]?\s?\d[\d,.]*\s*(?:%|per\ cent|[mk]|million|billion|bn)?
      | (?:yes|no|n/a|not\ stated)
    )\s*[.)]?$"""
)
_ONE_LINE_PAIR = re.compile(r"^(?P<label>[^:|]{3,90}?)\s*:\s+(?P<value>\S[^:]{0,30})$")
_ITEM_PAIR = re.compile(r"(?P<label>.{3,}?)\s*(?:[:–—-]|\s)\s*(?P<value>[^\s:–—-][^:–—]{0,30})$")
_RULE_CELL = re.compile(r":?-{3,}:?")
_RULE_ROW = re.compile(r"[\s|:-]+")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = (".", "!", "?", ";", ",", ":")
HEADING_MAX = 90
LABEL_MAX = 90


def page_blocks(text: str, markers: Sequence[str | None] = (), page: int = 1) -> tuple[Block, ...]:
    """The blocks of a page's normalised text, in reading order."""
    lines = text_lines(text)
    out: list[Block] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        marker = markers[i] if i < len(markers) else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and _is_label(line, marker) and _VALUE.match(nxt[1].strip()):
            end = nxt[0] + len(nxt[1])
            label = Span(start, start + len(line))
            mark = _item_mark(line, marker)
            out.append(Block(BlockKind.LABEL_VALUE, page, start, end, text[start:end], mark, label, Span(nxt[0], end)))
            i += 2
            continue
        out.append(_line_block(page, start, line, marker, nxt))
        i += 1
    return tuple(out)


def text_lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of a page's normalised text, each with its offset."""
    out, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((offset, line))
        offset += len(line) + 1
    return out


def _item_mark(line: str, marker: str | None) -> str | None:
    if marker and marker != HEADING_MARKER:
        return marker
    m = _LIST_MARK.match(line)
    return m.group("mark") if m else None


def _is_label(line: str, marker: str | None) -> bool:
    stripped = line.strip()
    return (
        marker != HEADING_MARKER
        and len(stripped) <= LABEL_MAX
        and "|" not in stripped
        and not stripped.endswith(_SENTENCE_END)
        and _VALUE.match(stripped) is None
    )


def _line_block(page: int, start: int, line: str, marker: str | None, nxt: tuple[int, str] | None) -> Block:
    end = start + len(line)
    if "|" in line:
        cells = _cells(start, line)
        if cells or _RULE_ROW.fullmatch(line):  # a "|---|---|" rule is a row with no cells
            return Block(BlockKind.TABLE_ROW, page, start, end, line, cells=cells)
    mark = _item_mark(line, marker)
    if mark is not None:
        return Block(BlockKind.LIST_ITEM, page, start, end, line, mark, *_pair(start, line, mark))
    pair = _one_line_pair(start, line)
    if pair is not None:
        return Block(BlockKind.LABEL_VALUE, page, start, end, line, None, *pair)
    if marker == HEADING_MARKER or _looks_like_heading(line):
        return Block(BlockKind.HEADING, page, start, end, line)
    return Block(BlockKind.PARAGRAPH, page, start, end, line)


def _cells(start: int, line: str) -> tuple[Span, ...]:
    cells, offset = [], 0
    for part in line.split("|"):
        inner = part.strip()
        if inner and not _RULE_CELL.fullmatch(inner):
            lead = len(part) - len(part.lstrip())
            cells.append(Span(start + offset + lead, start + offset + lead + len(inner)))
        offset += len(part) + 1
    return tuple(cells)


def _pair(start: int, line: str, mark: str) -> tuple[Span | None, Span | None]:
    """A list item "Safeguarding: 1" or "Assessing people's needs – 2" as label and value."""
    body_at = len(mark) if line.startswith(mark) else 0
    body_at += len(line[body_at:]) - len(line[body_at:].lstrip())
    m = _ITEM_PAIR.match(line, body_at)
    if m is None or not _VALUE.match(m["value"].strip()):
        return None, None
    return (
        Span(start + m.start("label"), start + m.end("label")),
        Span(start + m.start("value"), start + m.end("value")),
    )


def _one_line_pair(start: int, line: str) -> tuple[Span, Span] | None:
    m = _ONE_LINE_PAIR.match(line)
    if m is None or not _VALUE.match(m["value"].strip()):
        return None
    return Span(start + m.start("label"), start + m.end("label")), Span(
        start + m.start("value"), start + m.end("value")
    )


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        len(stripped) <= HEADING_MAX
        and stripped[:1].isupper()
        and not stripped.endswith(_SENTENCE_END)
        and not _DIGIT.search(stripped)
    )
