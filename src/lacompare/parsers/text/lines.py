"""Lines of a document with their page and offset, for parsers that read headings and labels."""

from __future__ import annotations

from dataclasses import dataclass

from lacompare.readers.base import Document
from lacompare.readers.blocks import text_lines

# Rules and separators a reader may leave between a label and its value.
_FILLER = frozenset({"", "---", "***", "___"})


@dataclass(frozen=True, slots=True)
class Line:
    page: int
    start: int  # offset of the line in its page's text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def content_lines(doc: Document) -> list[Line]:
    """Every non-blank line of the document in reading order, rules and separators skipped."""
    return [
        Line(page.number, start, raw)
        for page in doc.pages
        for start, raw in text_lines(page.text)
        if raw.strip() not in _FILLER
    ]


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence(s) of ``text`` covering [start, end), read from their line only (fast on long pages)."""
    from lacompare.vocab.patterns import enclosing_sentence

    end = start if end is None else end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return enclosing_sentence(line, start - line_start, end - line_start).text
