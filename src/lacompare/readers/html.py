"""A saved web page (e.g. a CQC assessment) as the text a browser shows.

The markup is parsed by an HTML5 parser (selectolax's lexbor engine), which builds the tree a
browser builds from the same bytes: a ``<head>`` without ``</head>``, a page inside an ASP.NET
``<form>``, an unclosed ``<nav>`` or ``<button>``, a ``<p>`` closed by the next one. The walk
leaves out what a browser does not show: scripts, styles, templates, ``<noscript>``, SVG,
frames, the head, a closed ``<dialog>``, and elements hidden by the ``hidden`` attribute or an
inline ``display: none`` / ``visibility: hidden`` (a stylesheet's rules are not read). A
navigation bar, a form or a button is page furniture, left out unless it holds most of the
page's text (then the page is inside it).

Structure the text would lose is marked for the normaliser: a list item and a heading start
their first line of text with a hint character, and a table row becomes one line of
``|``-separated cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lacompare.readers.html_depth import VOID, shallow
from lacompare.readers.normalise import HEADING_HINT, ITEM_HINT

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

_INVISIBLE = (
    "script, style, noscript, template, svg, head, title, iframe, canvas, datalist, dialog:not([open]), [hidden]"
)
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)", re.I)
_CHROME = frozenset({"nav", "button", "form"})
_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section summary table tbody thead tr ul".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CELLS = frozenset({"td", "th"})

START, END, TEXT = 0, 1, 2
Event = tuple[int, str, int]  # (START | END, tag, node id) or (TEXT, text, 0)


def html_to_text(markup: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(shallow(markup), scripting=True)  # as a browser runs it: <noscript> unshown
    if tree.root is None:
        return ""
    events = _without_furniture(list(_walk(tree.root, _hidden(tree))))
    builder = _TextBuilder(_spans(tree))
    for event in events:
        builder.feed(event)
    return "".join(builder.parts)


def _spans(tree: LexborHTMLParser) -> dict[int, tuple[int, int]]:
    """(columns, rows) each spanning cell covers, by its node id."""
    out = {}
    for node in tree.css("td[colspan], th[colspan], td[rowspan], th[rowspan]"):
        out[node.mem_id] = (_span(node.attributes.get("colspan")), _span(node.attributes.get("rowspan")))
    return out


def _span(value: str | None) -> int:
    digits = (value or "").strip()
    return max(1, min(int(digits), MOST_SPAN)) if digits.isdigit() else 1


MOST_SPAN = 50  # a cell said to span more columns or rows than a report's table has is read as this
MOST_SPREAD = 60  # characters: a heading cell ("2024/25", "North locality") is written in each column


def _hidden(tree: LexborHTMLParser) -> set[int]:
    """The ids of the elements a browser does not show (their content neither)."""
    hidden = {node.mem_id for node in tree.css(_INVISIBLE)}
    for node in tree.css("[style]"):
        if _STYLE_HIDDEN.search(node.attributes.get("style") or ""):
            hidden.add(node.mem_id)
    return hidden


def _walk(root: LexborNode, hidden: set[int]) -> Iterator[Event]:
    """Start, end and text events of the shown tree, in document order (no recursion)."""
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            yield END, tag, node.mem_id
            continue
        if tag == "-text":
            yield TEXT, node.text_content or "", 0
            continue
        if tag.startswith("-") or node.mem_id in hidden:
            continue  # a comment or doctype, or hidden
        yield START, tag, node.mem_id
        if tag in VOID:
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))


def _children(node: LexborNode) -> list[LexborNode]:
    children = []
    child = node.first_child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def _without_furniture(events: list[Event]) -> list[Event]:
    """The events outside navigation bars, forms and buttons that hold no more than half the text."""
    shown: dict[int, int] = {}
    open_furniture: list[int] = []
    total = 0
    for kind, value, node in events:
        if kind == TEXT:
            length = len(value.strip())
            total += length
            for element in open_furniture:
                shown[element] += length
        elif value in _CHROME:
            if kind == START:
                open_furniture.append(node)
                shown[node] = 0
            else:
                open_furniture.remove(node)
    dropped = {node for node, length in shown.items() if 2 * length <= total}
    if not dropped:
        return events
    out: list[Event] = []
    inside: int | None = None
    for event in events:
        kind, _, node = event
        if inside is None and kind == START and node in dropped:
            inside = node
        elif inside is not None:
            if kind == END and node == inside:
                inside = None
        else:
            out.append(event)
    return out


class _TextBuilder:
    """The text of the shown tree, with the structure marks the normaliser reads. A cell spanning
    columns or rows is written in each column and row it covers, so every row of a table has its
    cells in their columns ("2024/25" over "Q1 | Q2 | Q3 | Q4" is in each of the four)."""

    def __init__(self, spans: dict[int, tuple[int, int]] | None = None) -> None:
        self.parts: list[str] = []
        self.spans = spans or {}
        self.carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to cover)
        self.row_carry: list[int] = []  # the columns of this row that cells from above cover
        self.cell: tuple[int, int, int] | None = None  # (node id, first part, column) of the open cell
        self.cells_in_row = 0
        self.in_cell = 0  # inside a table cell, block tags are spaces: a row stays one line
        self.cell_text = False
        self.hint = ""  # waits for the element's first text

    def feed(self, event: Event) -> None:
        kind, value, node = event
        if kind == START:
            self.start(value, node)
        elif kind == END:
            self.end(value)
        else:
            self.text(value)

    def start(self, tag: str, node: int = 0) -> None:
        if tag in _CELLS:
            self._carry()
            self.parts.append(" | " if self.cells_in_row else "")
            self.cell = (node, len(self.parts), self.cells_in_row)
            self.cells_in_row += 1
            self.in_cell += 1
            self.cell_text = False
        elif self.in_cell and tag in _BLOCK:
            self._cell_space()
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "tr":
                self.cells_in_row = 0
                self.row_carry = sorted(self.carried)
            elif tag == "li":
                self.hint = ITEM_HINT
            elif tag in _HEADINGS:
                self.hint = HEADING_HINT

    def end(self, tag: str) -> None:
        if tag in _CELLS:
            self.in_cell = max(0, self.in_cell - 1)
            self._spread()
        elif self.in_cell and tag in _BLOCK:
            self._cell_space()
        elif tag in _BLOCK:
            if tag == "tr":
                self._carry(row_end=True)
            if tag == "table":
                self.carried = {}
            if tag in ("tr", "table"):
                self.cells_in_row = self.in_cell = 0
            self.parts.append("\n")

    def _spread(self) -> None:
        """The closed cell again in each further column it spans; kept for the rows it spans."""
        if self.cell is None:
            return
        node, first, column = self.cell
        self.cell = None
        columns, rows = self.spans.get(node, (1, 1))
        if columns == 1 and rows == 1:
            return
        text = "".join(self.parts[first:]).strip()
        if len(text) > MOST_SPREAD or text.endswith("."):
            return  # a note or a section's heading across the table: written once
        for _ in range(1, columns):
            self.parts.append(f" | {text}")
            self.cells_in_row += 1
        if rows > 1:
            for offset in range(columns):
                self.carried[column + offset] = (text, rows - 1)

    def _carry(self, *, row_end: bool = False) -> None:
        """Cells spanning down from rows above, each in its column: before the next cell, or at
        the row's end (after empty cells up to its column)."""
        while self.row_carry and (row_end or self.row_carry[0] <= self.cells_in_row):
            column = self.row_carry.pop(0)
            text, left = self.carried.pop(column)
            if left > 1:
                self.carried[column] = (text, left - 1)
            if column < self.cells_in_row:
                continue  # a cell of this row stands there: the span ends
            while self.cells_in_row < column:
                self.parts.append(" | " if self.cells_in_row else "")
                self.cells_in_row += 1
            self.parts.append(f" | {text}" if self.cells_in_row else text)
            self.cells_in_row += 1

    def text(self, data: str) -> None:
        text = data.replace("\n", " ")
        if self.in_cell and not self.cell_text:
            text = text.lstrip()
        if not text.strip():
            self.parts.append(text)
            return
        if self.hint:
            self.parts.append(self.hint)
            self.hint = ""
            text = text.lstrip()
        self.cell_text = True
        self.parts.append(text)

    def _cell_space(self) -> None:
        if self.cell_text:
            self.parts.append(" ")
