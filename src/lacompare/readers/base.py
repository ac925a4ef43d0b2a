"""What every reader produces: a document as normalised pages (and tables, for PDFs)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Page:
    """One page of normalised text. ``number`` is 1-based."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """A ruled table found on a PDF page: rows of cells, line breaks inside cells joined."""

    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A read document. ``name`` is the path as given (``-`` for stdin)."""

    name: str
    format: str  # pdf | markdown | text | html
    pages: tuple[Page, ...]
    sha256: str
    tables: tuple[Table, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # warnings for stderr, e.g. the encoding used

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def page(self, number: int) -> Page:
        return self.pages[number - 1]
