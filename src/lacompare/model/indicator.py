"""An indicator row: a measure's label and reference with its cells by role, as printed.

Tables and sentences give one general row, whatever the council's column set: the latest
``result`` with its ``period``; the ``target`` for that period; the ``previous`` result with its
period; a ``rag`` rating; a ``direction`` of travel; a ``polarity`` ("bigger is better"); each
benchmark as (name, value); and, in ``cells``, any further cell a table gives with its role and
heading ("Annual target", "Numerator / denominator", "Last year"). Each cell keeps the text the
document prints.

Libraries and caches written before the general row kept one council's columns as fields
(``annual_target``, ``period_target``, ``dot_short``…); :func:`indicator_from_dict` reads both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar

from lacompare.kinds import FactKind
from lacompare.model.facts import Fact, Measure, Number, words_key


class CellRole(StrEnum):
    """What a further cell of an indicator row holds."""

    RESULT = "result"  # a result for another period than the row's own
    TARGET = "target"
    PREVIOUS = "previous"
    RAG = "rag"
    DIRECTION = "direction"
    STATUS = "status"  # a status word ("on track", "improving") the row gives
    COUNT = "count"  # a numerator / denominator
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Benchmark:
    """A benchmark beside the row's result: its figure, as printed, who it is, and its own period
    where the table gives one that is not the result's ("ASCOF comparators (2015/16)")."""

    value: Number | None
    text: str
    comparator: str
    period: str | None = None


@dataclass(frozen=True, slots=True)
class RowCell:
    """A further cell of an indicator row: its role, its column's heading, the cell as printed."""

    role: str
    heading: str
    text: str
    period: str | None = None

    @property
    def name(self) -> str:
        """The cell's name in metric ids: its heading's words ('Annual target' -> 'annual_target'); a
        heading that is only a headline role's name ('Result') names the role and the cell's period
        ('result_q2_2015_16'), never the row's own result."""
        words = [w for w in re.findall(r"[^\W_]+", self.heading) if w.casefold() not in _SMALL_WORDS]
        name = words_key(" ".join(words), most=5) if words else ""
        if name not in ("", "unnamed") and name not in HEADLINE:
            return name
        return self.role if self.role not in HEADLINE else f"{self.role}_{words_key(self.period or 'other')}"


_SMALL_WORDS = frozenset({"and", "of", "the", "from", "to", "vs", "v", "for", "in", "&"})

# The headline roles, in the order their measures come.
HEADLINE = ("result", "target", "previous", "rag", "direction", "polarity")


@dataclass(frozen=True, slots=True)
class Indicator(Fact):
    """One indicator row: its label and reference, and its cells by role (as printed)."""

    kind: ClassVar[str] = FactKind.INDICATOR
    ref: str = ""
    code: str | None = None
    description: str = ""
    result: str | None = None
    period: str | None = None  # the period of the result (and of the target, RAG and direction)
    target: str | None = None
    previous: str | None = None
    previous_period: str | None = None
    rag: str | None = None
    direction: str | None = None
    polarity: str | None = None
    benchmarks: tuple[Benchmark, ...] = ()
    cells: tuple[RowCell, ...] = ()
    metric_id: str | None = None  # the catalogue id an ASCOF code maps to

    @property
    def key(self) -> str:
        """The row's id in metric ids: its reference, else words of its description."""
        return self.ref or words_key(self.description)

    def cell(self, name: str) -> str | None:
        """A further cell by its name ('annual_target', 'numerator_denominator'), as printed, or None."""
        return next((c.text for c in self.cells if c.name == name), None)

    @property
    def label(self) -> str:
        return f"{self.ref} {self.description}" if self.ref else self.description

    def measures(self) -> list[Measure]:
        out = [self._measure(name, getattr(self, name), self._year(name)) for name in HEADLINE]
        out += [self._measure(c.name, c.text, c.period, heading=c.heading) for c in self.cells]
        result = split_cell(self.result or "")[0]
        for b in self.benchmarks:
            unit = split_cell(b.text)[1] or self.label_unit(b.value)
            if b.period is None or b.period == self.period:
                metric = f"{self.label}: benchmark"
                out.append(
                    Measure(
                        f"indicator.{self.key}.benchmark", metric, result, unit, b.comparator, b.value, year=self.period
                    )
                )
            else:  # a benchmark of another period is its own figure for its own period, set against nothing
                name = f"benchmark_{words_key(b.comparator)}"
                metric = f"{self.label}: {b.comparator} benchmark"
                out.append(Measure(f"indicator.{self.key}.{name}", metric, b.value, unit, year=b.period))
        return [m for m in out if m is not None]

    def _year(self, name: str) -> str | None:
        if name == "previous":
            return self.previous_period
        return None if name == "polarity" else self.period

    def _measure(self, name: str, cell: str | None, year: str | None, heading: str = "") -> Measure | None:
        if not cell:
            return None
        value, unit = split_cell(cell)
        metric = f"{self.label}: {heading or name}"
        return Measure(f"indicator.{self.key}.{name}", metric, value, unit or self.label_unit(value), year=year)

    def label_unit(self, value: object) -> str | None:
        """The unit the row's name gives its bare numbers: "Reviews completed within 12 months (%)"."""
        return "%" if isinstance(value, int | float) and _PERCENT_LABEL.search(self.description) else None

    def numbers(self) -> list[Number]:
        # An indicator's cells come from one row; their numbers are checked against the row's quote.
        return [v for m in self.measures() for v in (m.value, m.comparator_value) if isinstance(v, int | float)]


_CELL_NOTE = re.compile(r"(?<=\S)\s+\([^()]*\)$")
_PERCENT_LABEL = re.compile(r"\(\s*%\s*\)|\s%$")


def split_cell(cell: str) -> tuple[Number | str | None, str | None]:
    """'65.9%' -> (65.9, '%'); '£1,234' -> (1234, '£'); 'Improving' -> ('Improving', None)."""
    text = cell.strip()
    if not text:
        return None, None
    unit = None
    core = _CELL_NOTE.sub("", text)  # '61.0% (within CI)', '530 (new method)': the note is in the quote
    if core.startswith("£"):
        unit, core = "£", core[1:]
    if core.endswith("%"):
        unit, core = "%", core[:-1]
    try:
        number = float(core.replace(",", ""))
    except ValueError:
        return text, None
    return (int(number) if number.is_integer() and "." not in core else number), unit


# The quarterly scorecard's columns, which the first release kept as the row's fields: where each
# cell goes in the general row.
SCORECARD_COLUMNS = (
    "polarity", "annual_target", "period_target", "numerator_denominator", "result", "previous_result",
    "dot_short", "last_year_result", "dot_long",
)  # fmt: skip
_OLD_HEADLINE = {"period_target": "target", "previous_result": "previous", "dot_short": "direction"}
_OLD_CELLS = {
    "annual_target": (CellRole.TARGET, "annual target"),
    "numerator_denominator": (CellRole.COUNT, "numerator denominator"),
    "last_year_result": (CellRole.PREVIOUS, "last year result"),
    "dot_long": (CellRole.DIRECTION, "direction vs last year"),
    "baseline": (CellRole.PREVIOUS, "baseline"),
    "status": (CellRole.STATUS, "status"),
}
_FIELDS = frozenset(f.name for f in fields(Indicator))


def scorecard_row(page: int, quote: str, columns: Mapping[str, str | None], **fields: Any) -> Indicator:
    """A row read under the scorecard's columns (``SCORECARD_COLUMNS``), as a general row."""
    return indicator_from_dict({"page": page, "quote": quote, **fields, **columns})


def indicator_from_dict(data: dict[str, Any]) -> Indicator:
    """An indicator from its ``to_dict`` form, today's or the first release's."""
    data = dict(data)
    cells = [c if isinstance(c, RowCell) else RowCell(**c) for c in data.pop("cells", ())]
    for old, new in _OLD_HEADLINE.items():
        cell = data.pop(old, None)
        if cell and not data.get(new):
            data[new] = cell
        elif cell:  # both a period target and a target: the first release never gave both
            cells.append(RowCell(new, old.replace("_", " "), cell))
    for old, (role, heading) in _OLD_CELLS.items():
        cell = data.pop(old, None)
        if cell:
            cells.append(RowCell(role, heading, cell))
    data["benchmarks"] = tuple(b if isinstance(b, Benchmark) else Benchmark(**b) for b in data.get("benchmarks", ()))
    data["cells"] = tuple(cells)
    return Indicator(**{k: v for k, v in data.items() if k in _FIELDS})
