"""Tables of waiting figures, as FOI answers and performance papers give them: a row a period, a
team or a month, a column a figure of the wait.

    Year          Arithmetic mean wait in days          Team               Number waiting   Average wait (days)
    2015 – 2016   27                                    North locality     212              41
    2016 – 2017   34                                    Hospital discharge 54               12

The header names what the rows are ("Year", "Quarter", "Month", "Team", "Locality", "Service")
and, after it, one or more figures of a wait: how many wait ("Number waiting", "People on the
waiting list") and how long (mean / average, median, longest; in days, weeks or months). Each row
gives a wait fact: its year when the row is a period; its service when the row, the header or
the lines just above the table name one (flagged when taken from above); a row that names a team
or a month keeps it in its flag.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lacompare import compiled
from lacompare.extractors.tables.cells import Cell, row_cells
from lacompare.model import Fact, Wait
from lacompare.parsers.cqc.wait_services import service_in
from lacompare.readers.base import Page
from lacompare.vocab.periods import first_period

_ROWS_ARE = compiled.pattern(
    r"(?i)^(?P<rows>(?:financial\s+)?(?:year|quarter|month|period|date|team|locality|area|service|district)s?)\b"
    r"[\s:|–-]*(?P<measures>[A-Za-z(].{3,150})$"
)
_WAIT = compiled.pattern(r"(?i)\bwait(?:s|ing)?\b")
# One figure's words: its kind and, for a length, its unit ("Average wait (days)", "Number waiting").
_COLUMN = compiled.pattern(
    r"(?i)(?P<words>(?:(?:arithmetic\s+)?(?P<average>mean|average)|(?P<median>median)|(?P<maximum>longest|maximum|max)"
    r"|(?P<people>number|no\.|people|persons|adults|clients|cases))\b[^()\d]{0,40}?"
    r"(?:\(?\s*(?:in\s+)?(?P<unit>days|weeks|months)\s*\)?|(?=\s+(?:mean|average|median|longest|maximum|number)\b)|$))"
)
CONTEXT_LINES = 3


@dataclass(frozen=True, slots=True)
class _Figure:
    kind: str  # people, average, median, maximum
    unit: str  # days, weeks, months (a count's is days, unused)


def waits(page: Page) -> Iterator[Fact]:
    """The waits of every waiting-figures table on the page."""
    lines = page.text.split("\n")
    for index, line in enumerate(lines):
        head = _ROWS_ARE.match(line.strip())
        if head is None or not _WAIT.search(head["measures"]):
            continue
        figures = _figures(head["measures"])
        if not figures:
            continue
        above = " ".join(lines[max(0, index - CONTEXT_LINES) : index])
        for label, cells, quote in _rows(lines, index + 1, len(figures)):
            yield from _row_waits(page.number, head["measures"], above, label, cells, quote, figures)


def _figures(measures: str) -> list[_Figure]:
    """The header's wait figures, left to right; none when a length has no unit."""
    out = []
    for m in _COLUMN.finditer(measures):
        kind = next(k for k in ("average", "median", "maximum", "people") if m[k])
        if kind != "people" and not m["unit"]:
            return []
        out.append(_Figure(kind, (m["unit"] or "days").lower()))
    return out


def _rows(lines: Sequence[str], start: int, width: int) -> Iterator[tuple[str, list[Cell], str]]:
    """(label, cells, line) of each row under the header, to the first line that is not one."""
    for line in lines[start:]:
        text = line.strip()
        found = row_cells(text, width)
        if found is None or len(found[1]) != width or not any(c.is_number for c in found[1]):
            return
        label = text[: found[0]].strip(" :=|–-")
        if not label:
            return
        yield label, found[1], text


def _row_waits(
    page: int, measures: str, above: str, label: str, cells: list[Cell], quote: str, figures: list[_Figure]
) -> Iterator[Wait]:
    period = first_period(label)
    named = service_in(label)
    service = named or service_in(measures)
    flags = []
    if service is None:
        service = service_in(above) or "unspecified"
        flags.append(
            "service named by the text above the table, not by its header"
            if service != "unspecified"
            else "the text names no service"
        )
    if period is None and not named:
        flags.append(f"row: {label}")  # a team or a month the wait is for
    # Figures of one unit make one wait; a count joins the first of them.
    for unit in dict.fromkeys(f.unit for f in figures if f.kind != "people") or ["days"]:
        fields: dict[str, float | int | None] = {}
        for figure, cell in zip(figures, cells, strict=True):
            if cell.is_number and (figure.unit == unit or figure.kind == "people"):
                fields[figure.kind] = cell.value
        if fields:
            yield Wait(
                page,
                quote,
                flag="; ".join(flags) or None,
                service=service,
                duration_unit=unit,
                year=period.text if period else None,
                **fields,  # type: ignore[arg-type]
            )
