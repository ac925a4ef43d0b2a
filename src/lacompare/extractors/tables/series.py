"""Tables whose rows are periods: a time series down the page, as FOI answers give waiting times.

    Year          Arithmetic mean wait in days
    2015 – 2016   27
    2016 – 2017   34

The header names the period column ("Year", "Financial year", "Quarter", "Month", "Period") and
the measure; each row is a period and its value. A measure that is a wait ("mean wait in days",
"median waiting time (weeks)", "number of people waiting") gives a wait fact per row, its
service named by the header or else by the lines just above the table (flagged as such).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lacompare import compiled
from lacompare.extractors.periods import PERIOD, first_period
from lacompare.extractors.tables.cells import read_cell
from lacompare.model import Fact, Wait
from lacompare.parsers.cqc.wait_services import service_in
from lacompare.readers.base import Page

_HEADER = compiled.pattern(
    r"(?i)^(?:financial\s+)?(?:year|quarter|month|period|date)s?\b[\s:|–-]*(?P<measure>[A-Za-z(][^|]{3,150})$"
)
_ROW = compiled.pattern(
    rf"(?i)^(?P<period>{PERIOD})\s*[:=|–-]?\s*(?P<value>[^\s|]+)\s*(?P<unit>days?|weeks?|months?)?$"
)
_WAIT = compiled.pattern(r"(?i)\bwait(?:s|ing)?\b")
_FIGURES = (
    ("median", compiled.pattern(r"(?i)\bmedian\b")),
    ("maximum", compiled.pattern(r"(?i)\b(?:longest|maximum|max)\b")),
    ("average", compiled.pattern(r"(?i)\b(?:mean|average)\b")),
    ("people", compiled.pattern(r"(?i)\b(?:number|people|persons?|adults|clients|cases)\b")),
)
_DURATION = compiled.pattern(r"(?i)\b(?P<unit>days|weeks|months)\b")
CONTEXT_LINES = 3


def waits(page: Page) -> Iterator[Fact]:
    """The waits of every period series on the page whose measure is a wait."""
    lines = page.text.split("\n")
    for index, line in enumerate(lines):
        head = _HEADER.match(line.strip())
        if head is None or not _WAIT.search(head["measure"]):
            continue
        rows = _rows(lines, index + 1)
        if rows:
            yield from _waits(page, lines, index, head["measure"], rows)


def _rows(lines: Sequence[str], start: int) -> list[tuple[str, str, str]]:
    """(period, value, line) of each row under the header, to the first line that is not one."""
    out = []
    for line in lines[start:]:
        m = _ROW.match(line.strip())
        if m is None or not read_cell(m["value"]).is_number:
            break
        out.append((m["period"], m["value"], line.strip()))
    return out


def _waits(
    page: Page, lines: Sequence[str], index: int, measure: str, rows: list[tuple[str, str, str]]
) -> Iterator[Wait]:
    figure = next((name for name, pattern in _FIGURES if pattern.search(measure)), None)
    if figure is None:
        return
    duration = _DURATION.search(measure)
    if figure != "people" and duration is None:
        return
    service = service_in(measure)
    flag = None
    if service is None:
        above = " ".join(lines[max(0, index - CONTEXT_LINES) : index])
        service = service_in(above) or "unspecified"
        flag = "service named by the text above the table, not by its header"
    for period, value, quote in rows:
        number = read_cell(value).value
        when = first_period(period)
        fields = {figure: number} if figure != "maximum" else {"maximum": number}
        yield Wait(
            page.number,
            quote,
            flag=flag,
            service=service,
            duration_unit=duration["unit"].lower() if duration else "days",
            year=when.text if when else None,
            **fields,  # type: ignore[arg-type]
        )
