"""Councils' sides into a :class:`~lacompare.report.page.Page`: which value goes where.

Each measure is lined up across councils by :func:`lacompare.compare.diff` (so the page shows
the value ``diff`` shows); every value that no chart, grid or table shows is kept as an extra,
so nothing a council's documents state is left off the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from lacompare import compare
from lacompare.compare import DiffRow, Side
from lacompare.kinds import FACT_KINDS
from lacompare.library.values import Value
from lacompare.model import QUALITY_STATEMENTS
from lacompare.report.page import (
    Block,
    Cell,
    CouncilRow,
    Extra,
    Grid,
    Line,
    Page,
    Row,
    Section,
    Sources,
    WaitRow,
    benches_of,
    better_than,
    value_text,
)

# fact kind -> (section id, title, what it shows)
CHART_SECTIONS = {
    "comparison": ("measures", "Measures against a benchmark",
                   "Each council's value as its documents state it, against the England (or regional) figure "
                   "the same sentence gives."),
    "wait": ("waits", "Waiting lists", "People waiting, and how long, for each service a council's documents name."),
    "finance": ("finance", "Finance", "Budgets, spending and population as the documents state them."),
    "indicator": ("indicators", "Performance indicators", "Rows of the councils' own performance reports."),
    "statistic": ("statistics", "Other statistics", "Counts and shares the councils' papers give."),
}  # fmt: skip
SCORE_IDS = tuple(f"qs.{s}" for s in QUALITY_STATEMENTS)
RATING, OVERALL_SCORE = "rating.overall", "rating.score_pct"


def build_page(
    sides: Sequence[Side],
    *,
    facts: Iterable[str] | None = None,
    title: str | None = None,
    about: Sequence[tuple[str, str]] = (),
) -> Page:
    """The page for these councils (``facts``: only these fact kinds, as ``diff --fact``)."""
    chosen = tuple(facts) if facts is not None else FACT_KINDS
    builder = _Builder(list(sides), chosen)
    return builder.page(title or default_title(sides), tuple(about))


def default_title(sides: Sequence[Side]) -> str:
    names = [s.name for s in sides]
    if len(names) == 1:
        return f"Adult social care in {names[0]}"
    if len(names) <= 3:
        return f"Adult social care: {', '.join(names[:-1])} and {names[-1]} compared"
    return f"Adult social care: {len(names)} councils compared"


class _Builder:
    def __init__(self, sides: list[Side], facts: tuple[str, ...]) -> None:
        self.sides = sides
        self.facts = facts
        self.sources = Sources()
        self.placed: set[int] = set()  # id() of each value shown (the sides' own objects)
        self.flagged: dict[int, Cell] = {}
        self.per_side = [compare.by_metric(v for v in side.values if v.fact in facts) for side in sides]
        self.rows = {row.metric_id: row for row in compare.diff(sides, facts=facts)}
        self.charted: dict[str, list[Block]] = {}

    def page(self, title: str, about: tuple[tuple[str, str], ...]) -> Page:
        councils = self.councils()
        heat = self.heat()
        sections = self.sections()
        waits = self.waits()
        finance = self.finance()
        extras = self.extras()
        return Page(
            title=title,
            about=about,
            councils=councils,
            heat=heat,
            sections=sections,
            waits=waits,
            finance=finance,
            extras=extras,
            flags=tuple(self.flagged.values()),
            notes=tuple((side.name, note) for side in self.sides for note in side.notes),
            sources=tuple(self.sources.found.values()),
            values=sum(len(vs) for per in self.per_side for vs in per.values()),
            show_rating="rating" in self.facts,
        )

    # -- cells ---------------------------------------------------------------------------------

    def cell(self, council: str, value: Value, *, better: bool | None = None) -> Cell:
        made = Cell(council, value, value_text(value), self.sources.of(value), better)
        self.placed.add(id(value))
        if value.flag and id(value) not in self.flagged:
            self.flagged[id(value)] = made
        return made

    def shown(self, metric_id: str, i: int) -> Cell | None:
        """Side i's value for a measure (the one ``diff`` shows), as a cell."""
        row = self.rows.get(metric_id)
        value = row.values[i] if row is not None else None
        if value is None:
            return None
        return self.cell(self.sides[i].name, value, better=better_than(value, value.comparator_value))

    # -- the parts of the page -----------------------------------------------------------------

    def councils(self) -> tuple[CouncilRow, ...]:
        out = []
        for i, side in enumerate(self.sides):
            rating, score = self.shown(RATING, i), self.shown(OVERALL_SCORE, i)
            assessed = next((c.value.published for c in (rating, score) if c is not None and c.value.published), None)
            flags = sum(1 for vs in self.per_side[i].values() for v in vs if v.flag)
            out.append(CouncilRow(side.name, side.region, rating, score, assessed, side.documents, flags))
        return tuple(out)

    def heat(self) -> Grid:
        from lacompare.catalogue.measures import label

        ids = [m for m in SCORE_IDS if m in self.rows]
        rows = []
        for i, side in enumerate(self.sides):
            cells = tuple(self.shown(m, i) for m in ids)
            if any(c is not None for c in cells):
                rows.append(Row(side.name, cells))
        return Grid(tuple(label(m, m) for m in ids), tuple(rows))

    def sections(self) -> tuple[Section, ...]:
        out = []
        for fact, (section_id, title, intro) in CHART_SECTIONS.items():
            rows = [r for r in self.rows.values() if r.fact == fact]
            blocks = [b for b in (self.block(r) for r in rows) if b is not None]
            blocks.sort(key=lambda b: -len(b.lines))  # the most widely stated first (a stable sort)
            self.charted[fact] = blocks
            if blocks or fact in ("wait", "finance"):
                out.append(Section(section_id, title, intro, tuple(blocks)))
        return tuple(out)

    def block(self, row: DiffRow) -> Block | None:
        stated = [(i, v) for i, v in enumerate(row.values) if v is not None and _is_number(v)]
        unit = _common_unit(v for _, v in stated)
        stated = [(i, v) for i, v in stated if v.unit == unit]
        if len(stated) < 2 and not (len(self.sides) == 1 and stated and stated[0][1].comparator_value is not None):
            return None
        lines = tuple(self.line(i, v) for i, v in stated)
        label = row.label[:1].upper() + row.label[1:]  # "care act assessment: max wait" heads its chart capitalised
        return Block(row.metric_id, label, row.fact, row.polarity, unit, lines, row.notes)

    def line(self, i: int, value: Value) -> Line:
        """A council's value, with the other benchmarks the same document states beside it."""
        same = [w for w in self.per_side[i][value.metric_id] if w.sha256 == value.sha256 and w.value == value.value]
        name = self.sides[i].name
        main = self.cell(name, value, better=better_than(value, value.comparator_value))
        also = [self.cell(name, w) for w in same if w is not value and w.comparator_value is not None]
        return Line(main, benches_of([main, *also]))

    def waits(self) -> tuple[WaitRow, ...]:
        services: dict[str, dict[str, str]] = {}  # service -> what is measured -> metric id
        for metric_id in self.rows:
            parts = metric_id.split(".")
            if parts[0] == "wait" and len(parts) == 3:
                services.setdefault(parts[1], {})[parts[2]] = metric_id
        out = []
        for service, measured in services.items():
            for i, side in enumerate(self.sides):
                cells = {what: self.shown(m, i) for what, m in measured.items()}
                if any(c is not None for c in cells.values()):
                    out.append(_wait_row(service, side.name, cells))
        return tuple(out)

    def finance(self) -> Grid:
        """Councils x the finance measures charted above (a grid to sort and copy)."""
        ids = [b.metric_id for b in self.charted.get("finance", ())]
        rows = []
        for i, side in enumerate(self.sides):
            cells = tuple(self.shown(m, i) for m in ids)
            if any(c is not None for c in cells):
                rows.append(Row(side.name, cells))
        return Grid(tuple(self.rows[m].label for m in ids), tuple(rows))

    def extras(self) -> tuple[tuple[str, tuple[Extra, ...]], ...]:
        stated_by = Counter(m for per in self.per_side for m in per)
        out = []
        for side, per in zip(self.sides, self.per_side, strict=True):
            extras = []
            for metric_id, values in per.items():
                shown = any(id(v) in self.placed for v in values)
                # Copies of one report state the same value: it is listed once (or not at all when shown).
                seen = {_same_value(v) for v in values if id(v) in self.placed}
                for v in values:
                    if id(v) in self.placed:
                        continue
                    if _same_value(v) in seen:
                        self.sources.copy(v)
                        continue
                    seen.add(_same_value(v))
                    why = _why(v, shown, stated_by[metric_id], len(self.sides), side.name)
                    extras.append(Extra(self.cell(side.name, v), why))
            if extras:
                out.append((side.name, tuple(extras)))
        return tuple(out)


def _same_value(value: Value) -> tuple[object, ...]:
    """What makes two stated values one: the measure, value, unit, period and benchmark."""
    return (value.metric_id, value.value, value.unit, value.period_text, value.comparator, value.comparator_value)


def _why(value: Value, shown: bool, councils: int, sides: int, name: str) -> str:
    if shown:
        return "another value its documents state for a measure shown above"
    if councils == 1 and sides > 1:
        return f"only {name} states this measure"
    if isinstance(value.value, str):
        return "stated in words"
    return ""


def _is_number(value: Value) -> bool:
    return not isinstance(value.value, str | bool) and value.number is not None


def _common_unit(values: Iterable[Value]) -> str | None:
    """The unit most values are stated in (a chart draws one unit)."""
    counts = Counter(v.unit for v in values)
    return counts.most_common(1)[0][0] if counts else None


def _wait_row(service: str, council: str, cells: dict[str, Cell | None]) -> WaitRow:
    def take(*prefixes: str) -> Cell | None:
        for what in list(cells):
            if what.startswith(prefixes) and cells[what] is not None:
                return cells.pop(what)
        return None

    people, median, longest = take("people"), take("median"), take("max", "longest")
    other = tuple(c for c in cells.values() if c is not None)
    label = next((c.value.label for c in (people, median, longest, *other) if c is not None), service)
    return WaitRow(_service_name(label, service), council, people, median, longest, other)


def _service_name(label: str, service: str) -> str:
    name = label.split(":")[0].strip() if ":" in label else service.replace("_", " ")
    return name[:1].upper() + name[1:]
