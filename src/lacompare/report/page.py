"""What a report page shows, as plain data: no HTML here (see :mod:`lacompare.report.html`).

Every value on the page is a :class:`Cell` that points at a :class:`Source`, the sentence it
came from (its quote, page and document); a page lists each source once. The parts:

* ``councils``: each council's rating and overall score;
* ``heat``: the nine quality-statement scores, a row per council;
* ``sections``: a :class:`Block` (one chart and its table) for each measure two or more councils
  state as a number (for a one-council page: each measure it states against a benchmark),
  grouped by fact kind; waits also as a table per service, finance as a grid;
* ``extras``: every other value (a measure one council states, another value a document gives,
  a value in another unit), so the page holds every value of every council it shows;
* ``flags``: the values a parser doubted, with its reason, and each council's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lacompare.compare import is_england
from lacompare.library.values import HIGHER, LOWER, NEITHER, Value
from lacompare.model import Number
from lacompare.render.diff_rows import number_text

ENGLAND = "England"


@dataclass(frozen=True, slots=True, eq=False)
class Source:
    """A sentence values come from: its quote, page and document, and the other documents (copies of
    the report in other formats) that state it word for word."""

    id: int
    quote: str
    page: int
    document: str
    kind: str
    published: str | None
    sha256: str
    copies: list[tuple[int, str]] = field(default_factory=list)  # (page, document) of each copy

    @property
    def anchor(self) -> str:
        return f"q{self.id}"


@dataclass(frozen=True, slots=True)
class Cell:
    """One value as the page shows it, linked to its source."""

    council: str
    value: Value
    text: str  # the value with its unit: "46.41%", "£553,918,000", "Good"
    source: Source
    better: bool | None = None  # against the benchmark its document states (None: none, or no polarity)

    @property
    def number(self) -> float | None:
        return None if isinstance(self.value.value, str) else self.value.number

    @property
    def described(self) -> str:
        """What a pop-up or tooltip says: "Camden: 53.33% (2023-24)"."""
        year = f" ({self.value.year})" if self.value.year else ""
        return f"{self.council}: {self.text}{year}"


@dataclass(frozen=True, slots=True)
class Bench:
    """A benchmark a document states beside a value ("England 58.77%"), and the sentence stating it."""

    comparator: str
    value: Number
    text: str
    england: bool
    source: Source


@dataclass(frozen=True, slots=True)
class Line:
    """One council in a measure's chart: its value and the benchmarks its document states."""

    cell: Cell
    benches: tuple[Bench, ...] = ()

    @property
    def england(self) -> Bench | None:
        return next((b for b in self.benches if b.england), None)

    @property
    def others(self) -> tuple[Bench, ...]:
        return tuple(b for b in self.benches if not b.england)


@dataclass(frozen=True, slots=True)
class Block:
    """A measure stated by councils: one chart and its fallback table."""

    metric_id: str
    label: str
    fact: str
    polarity: str
    unit: str | None
    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return "m-" + slug(self.metric_id)

    @property
    def direction(self) -> str:
        return {HIGHER: "higher is better", LOWER: "lower is better"}.get(self.polarity, "")


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    intro: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class CouncilRow:
    name: str
    region: str | None
    rating: Cell | None
    score: Cell | None
    assessed: str | None
    documents: tuple[str, ...]
    flags: int


@dataclass(frozen=True, slots=True)
class Row:
    """A council's cells in a grid (the heat map, the finance table)."""

    council: str
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True, slots=True)
class Grid:
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    polarities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WaitRow:
    service: str
    council: str
    people: Cell | None
    median: Cell | None
    longest: Cell | None
    other: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Extra:
    """A value shown nowhere else on the page, and why."""

    cell: Cell
    why: str


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    about: tuple[tuple[str, str], ...]
    councils: tuple[CouncilRow, ...]
    heat: Grid
    sections: tuple[Section, ...]
    waits: tuple[WaitRow, ...]
    finance: Grid
    extras: tuple[tuple[str, tuple[Extra, ...]], ...]  # council -> its other values
    flags: tuple[Cell, ...]
    notes: tuple[tuple[str, str], ...]  # (council, note)
    sources: tuple[Source, ...]
    values: int = 0  # how many values the page holds
    show_rating: bool = True

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for s in self.sections for b in s.blocks)


@dataclass
class Sources:
    """Numbers each sentence once, in the order the page first shows it."""

    found: dict[tuple[str | None, str], Source] = field(default_factory=dict)

    def of(self, value: Value) -> Source:
        """The sentence a value comes from. One council's sentence is listed once, however many
        copies of its report state it (the PDF, the web page, the markdown): the copies' pages and
        documents are listed beside it."""
        key = (value.gss_code, " ".join(value.quote.split()))
        source = self.found.get(key)
        if source is None:
            source = Source(len(self.found) + 1, value.quote, value.page, value.document, value.kind,
                            value.published, value.sha256)  # fmt: skip
            self.found[key] = source
        elif value.document != source.document and (value.page, value.document) not in source.copies:
            source.copies.append((value.page, value.document))
        return source

    def copy(self, value: Value) -> None:
        """A value a copy of a report states word for word: its page and document join the sentence's
        (a copy that words it otherwise adds nothing to the page)."""
        source = self.found.get((value.gss_code, " ".join(value.quote.split())))
        if (
            source is not None
            and value.document != source.document
            and (value.page, value.document) not in source.copies
        ):
            source.copies.append((value.page, value.document))


def slug(text: str) -> str:
    """An id or file name from a metric id: letters, digits, '.', '_' and '-' kept, the rest '_'."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in text)


def value_text(value: Value) -> str:
    return number_text(value.value, value.unit)


def better_than(value: Value, bench: Number | None) -> bool | None:
    """Whether the value beats a benchmark given its polarity (None: no benchmark, no polarity, or level)."""
    number = value.number
    if bench is None or number is None or isinstance(value.value, str) or value.polarity == NEITHER:
        return None
    if number == bench:
        return None
    return number > bench if value.polarity == HIGHER else number < bench if value.polarity == LOWER else None


def benches_of(cells: Sequence[Cell]) -> tuple[Bench, ...]:
    """The benchmarks stated beside one value (its cells: the value against each), England first, each once."""
    found: dict[str, Bench] = {}
    for c in sorted(cells, key=lambda c: not is_england(c.value.comparator)):
        v = c.value
        if v.comparator_value is None or not v.comparator:
            continue
        england = is_england(v.comparator)
        name = ENGLAND if england else v.comparator
        if name not in found:
            found[name] = Bench(name, v.comparator_value, number_text(v.comparator_value, v.unit), england, c.source)
    return tuple(found.values())
