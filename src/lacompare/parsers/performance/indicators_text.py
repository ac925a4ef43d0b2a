"""Indicator rows from a text dump of a performance report, where cells come line by line.

Only what is unambiguous is kept: the reference and code of every row, its polarity, and the
run of cells that follows the polarity while each cell has the type its column needs (target,
numerator/denominator, result, direction of travel). A row whose run stops before the short-term
direction of travel keeps no cell values and is flagged; a run that stops later keeps the cells
up to there and is flagged. Blocks never cross the next reference, so a number is never paired
with another indicator. The PDF path (ruled tables) is the reliable one.
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.model import Benchmark, Fact, Indicator
from lacompare.model.indicator import scorecard_row
from lacompare.parsers.performance.indicator_benchmarks import benchmark_comparisons, parse_benchmarks
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document

_REF_LINE = compiled.pattern(r"(?m)^(?P<ref>[A-Z]{1,5}/[A-Z]{1,3}\d{1,3}[a-z]?)\b(?![/\w])")
_CODE = compiled.pattern(r"\G\s*\(?(?P<code>ASCOF\s*\d+\s*[A-Z](?:/\d+[A-Z]?)?(?:\s*\(\d\))?)\)?")
_POLARITY = compiled.pattern(r"\b(?:Bigger\s+is\s+Better|Smaller\s+is\s+Better|Monitor)\b")
_HEADER = compiled.pattern(r"(?m)^Ref\s*\n\s*Indicator|\bRef\s*\nIndicator description")
_COMMENTS = compiled.pattern(r"Comments and Proposed Intervention|Ref and title")
_NOTE = compiled.pattern(r"\G\s*\((?:within CI|new method|Not comparable)\)")
_TOKEN = compiled.pattern(
    r"\G\s*(?P<tok>N/A|Monitor|TBC|Improving|Worsening|Same|\d+/\d+|£?\d[\d,]*(?:\.\d+)?%?)(?![\w/%])"
)

NUMBER_CELL = r"£?\d[\d,]*(?:\.\d+)?%?"
DOT_CELL = r"Improving|Worsening|Same|N/A|Monitor"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("annual_target", rf"{NUMBER_CELL}|Monitor|N/A"),
    ("period_target", rf"{NUMBER_CELL}|Monitor|N/A"),
    ("numerator_denominator", r"\d+/\d+|N/A"),
    ("result", rf"{NUMBER_CELL}|N/A"),
    ("previous_result", rf"{NUMBER_CELL}|N/A"),
    ("dot_short", DOT_CELL),
    ("last_year_result", rf"{NUMBER_CELL}|N/A"),
    ("dot_long", DOT_CELL),
)
CONFIRMED = 6  # cells up to the short-term direction of travel pin the columns in place


def parse(doc: Document) -> list[Fact]:
    if not regex.search(r"\bPolarity\b", doc.text):
        return []
    period = report_period(doc)
    facts: list[Fact] = []
    seen: set[str] = set()
    for page in doc.pages:
        text = page.text
        stop = _COMMENTS.search(text)
        limit = stop.start() if stop else len(text)
        starts = [m for m in _REF_LINE.finditer(text) if m.start() < limit]
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else limit
            fact = _row(text, m.start(), m.end(), end, m.group("ref"), page.number, period)
            if fact is not None and fact.ref not in seen:
                seen.add(fact.ref)
                facts.append(fact)
                facts.extend(benchmark_comparisons(fact, fact.quote))
    return facts


def _row(text: str, start: int, pos: int, end: int, ref: str, page: int, period: str | None) -> Indicator | None:
    code_match = _CODE.match(text, pos, end)
    code = None
    if code_match:
        code = regex.sub(r"(\d)\s+([A-Z])\b", r"\1\2", " ".join(code_match.group("code").split()))
        pos = code_match.end()
    polarity = _POLARITY.search(text, pos, end)
    if polarity is None:
        return None  # a reference in prose, not a table row
    description = _description(text[pos : polarity.start()])
    cells, cells_end = _cells(text, polarity.end(), end)
    quote_end = max(polarity.end(), cells_end)
    values: dict[str, str | None] = {name: None for name, _ in COLUMNS}
    flag = None
    benchmarks: tuple[Benchmark, ...] = ()
    if len(cells) >= CONFIRMED:
        values.update(zip((name for name, _ in COLUMNS), cells, strict=False))
        if len(cells) < len(COLUMNS):
            flag = f"text dump: only the first {len(cells)} cells could be placed; read the PDF for the rest"
        else:
            bench_text, bench_end = _benchmark_text(text, cells_end, end)
            benchmarks = parse_benchmarks(bench_text, period)
            if benchmarks:
                quote_end = bench_end
    else:
        flag = "text dump: the row's cells are scattered; read the PDF for its values"
    return scorecard_row(
        page,
        text[start:quote_end],
        values,
        flag=flag,
        ref=ref,
        code=code,
        description=description,
        polarity=" ".join(polarity.group().split()),
        benchmarks=benchmarks,
        period=period,
    )


def _description(raw: str) -> str:
    header = _HEADER.search(raw)
    return " ".join((raw[: header.start()] if header else raw).split())


def _cells(text: str, pos: int, end: int) -> tuple[list[str], int]:
    """The run of typed cells from ``pos``: each must fit its column; a note joins its cell."""
    cells: list[str] = []
    last = pos
    for _name, shape in COLUMNS:
        m = _TOKEN.match(text, last, end)
        if not m or not regex.fullmatch(shape, m.group("tok")) or _cell_goes_on(text, m.end(), end):
            break
        cell, last = m.group("tok"), m.end()
        note = _NOTE.match(text, last, end)
        if note:
            cell, last = f"{cell} {note.group().strip()}", note.end()
        cells.append(cell)
    return cells, last


def _cell_goes_on(text: str, pos: int, end: int) -> bool:
    """Is the token only the start of a longer cell ('155.11 or N/A as not comparable')?"""
    nxt = compiled.pattern(r"\G[ \t]+(\S+)").match(text, pos, end)
    if not nxt:
        return False
    return not (_TOKEN.match(text, pos, end) or _NOTE.match(text, pos, end))


def _benchmark_text(text: str, pos: int, end: int) -> tuple[str, int]:
    """Benchmark cell text after the cells: up to the next table header or the block's end."""
    header = _HEADER.search(text, pos, end)
    stop = header.start() if header else end
    segment = text[pos:stop]
    ends = [m.end() for m in regex.finditer(r"\((?:CIPFA|London)\)|average\s+\d[\d.]*%", segment)]
    return segment, pos + ends[-1] if ends else pos
