"""What every reader produces: a document as normalised pages of blocks (and tables, for PDFs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lacompare.readers.blocks import Block, page_blocks


@dataclass(frozen=True, slots=True)
class Page:
    """One page of normalised text and its blocks. ``number`` is 1-based.

    ``markers`` are the normaliser's per-line markers (bullets, headings); the blocks are read
    from the text and those markers when not given.
    """

    number: int
    text: str
    markers: tuple[str | None, ...] = field(default=(), compare=False, repr=False)
    blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)
    # Per line, the raw line with its spacing (a text table's column gaps), where the reader kept one.
    raw_lines: tuple[str | None, ...] = field(default=(), compare=False, repr=False)
    # Where the text copied from the next page starts: a paragraph running over the page break is
    # read whole here, and a quote that starts at or after this offset is the next page's.
    copied_at: int | None = field(default=None, compare=False, repr=False)

    @property
    def own_text(self) -> str:
        """The text printed on this page, without what was copied from the next."""
        return self.text if self.copied_at is None else self.text[: self.copied_at]

    def __post_init__(self) -> None:
        if not self.blocks and self.text.strip():
            object.__setattr__(self, "blocks", page_blocks(self.text, self.markers, self.number))


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
