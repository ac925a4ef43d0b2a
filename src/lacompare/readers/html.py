"""A saved web page (e.g. a CQC assessment) as visible text, with the stdlib parser.

Structure the text would lose is marked for the normaliser: a list item and a heading start
their first line of text with a hint character, and a table row becomes one line of
``|``-separated cells.
"""

from __future__ import annotations

from html.parser import HTMLParser

from lacompare.readers.normalise import HEADING_HINT, ITEM_HINT

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "button", "form"})
_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section summary table tbody thead tr ul".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CELLS = frozenset({"td", "th"})


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.cells_in_row = 0
        self.in_cell = 0  # inside a table cell, block tags are spaces: a row stays one line
        self.cell_text = False
        self.hint = ""  # waits for the element's first text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _CELLS:
            self.parts.append(" | " if self.cells_in_row else "")
            self.cells_in_row += 1
            self.in_cell += 1
            self.cell_text = False
        elif self.in_cell and tag in _BLOCK:
            self._cell_space()
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "tr":
                self.cells_in_row = 0
            elif tag == "li":
                self.hint = ITEM_HINT
            elif tag in _HEADINGS:
                self.hint = HEADING_HINT

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag in _CELLS:
            self.in_cell = max(0, self.in_cell - 1)
        elif self.in_cell and tag in _BLOCK:
            self._cell_space()
        elif tag in _BLOCK:
            if tag in ("tr", "table"):
                self.cells_in_row = self.in_cell = 0
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
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


def html_to_text(markup: str) -> str:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)
