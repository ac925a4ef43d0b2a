"""Indicator rows of a table whose cells a text layer ran into one line, read by the header.

"Ref. Performance Indicator 2014/15 baseline 2015/16 Target Oct Actual Nov Actual Dec Actual
YTD Q3 RAG DOT … Benchmarking National London Neighbours", then rows "OF.147 <name> 6.70% 12%
15.3% 15.2% 14.9% 14.6% R Worse 16.6% 13.8% …". The header's value columns (baseline, target,
actuals, year to date) are counted; a row keeps its values only when exactly that many cells
stand between its name and its RAG letter, so every value is in its own column. A row with more
or fewer cells is kept with its reference and name only, and flagged. The benchmark columns after
the direction of travel take the values that follow it, in order.
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.model import Benchmark, Fact, Indicator, split_cell
from lacompare.parsers.performance.refs import RAG_WORDS, REF, stated
from lacompare.readers.base import Document
from lacompare.vocab.relations import comparator

_HEADER = compiled.pattern(r"\bRef\.?\s+(?:Performance\s+)?(?:Indicator|Measure|Description)\b")
_COLUMN = compiled.pattern(
    r"(?i)(?P<baseline>(?:(?:19|20)\d\d/\d\d\s+)?baseline)"
    r"|(?P<target>(?:(?:19|20)\d\d/\d\d\s+)?target)"
    r"|(?P<actual>(?:[A-Z][a-z]{2}|Q[1-4]|Month|Quarter)\s+actual|actual)"
    r"|(?P<ytd>YTD(?:\s+Q[1-4])?|year\s+to\s+date)"
    r"|(?P<rag>\bRAG\b)"
    r"|(?P<dot>\bDOT\b|direction\s+of\s+travel)"
    r"|(?P<bench>\b(?:National|England|London|Regional|Region|CIPFA|Comparator)\b)"
)
_CELL = r"(?:£?-?\d[\d,]*(?:\.\d+)?%?|n/a|N/A|TBC|no\s+tgt|-)"
_ROW_REF = compiled.pattern(rf"(?<![\w/.])(?P<ref>{REF})\s+(?=[A-Z][a-z])")
_TAIL = compiled.pattern(rf"(?P<cells>(?:{_CELL}\s+)+)(?P<rag>{RAG_WORDS})\s+(?P<dot>[A-Z][a-z]+)\b")
_BENCH_VALUE = compiled.pattern(r"\G\s*(?P<v>-?\d[\d,]*(?:\.\d+)?%?)(?=\s)")


def parse(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for page in doc.pages:
        header = _HEADER.search(page.text)
        if header is None:
            continue
        facts.extend(_rows(page.text, page.number, header.start()))
    return facts


def _columns(header: str) -> tuple[list[str], list[str]]:
    """The value columns before the RAG column, and the benchmark columns after it."""
    values: list[str] = []
    benches: list[str] = []
    seen_rag = False
    for m in _COLUMN.finditer(header):
        role = m.lastgroup or ""
        if role == "rag":
            seen_rag = True
        elif role == "bench" and seen_rag:
            benches.append(m.group())
        elif role in ("baseline", "target", "actual", "ytd") and not seen_rag:
            values.append(" ".join(m.group().split()))
    return values, benches


def _rows(text: str, page: int, start: int) -> list[Indicator]:
    refs = [m for m in _ROW_REF.finditer(text, start) if m.start() > start]
    if not refs:
        return []
    columns, benches = _columns(text[start : refs[0].start()])
    if not columns:
        return []
    rows = []
    for i, m in enumerate(refs):
        end = refs[i + 1].start() if i + 1 < len(refs) else len(text)
        rows.append(_row(text, page, m, end, columns, benches))
    return rows


def _row(text: str, page: int, m: regex.Match[str], end: int, columns: list[str], benches: list[str]) -> Indicator:
    tail = _TAIL.search(text, m.end(), end)
    cells = tail.group("cells").split() if tail else []
    cells = _joined(cells)
    ref = m.group("ref")
    if tail is None or len(cells) != len(columns):
        name_end = tail.start() if tail else min(end, m.end() + 200)
        flag = f"{len(cells)} cells for {len(columns)} columns: the row's values cannot be placed"
        return Indicator(page, ref, flag=flag, ref=ref, description=" ".join(text[m.end() : name_end].split()))
    by_column = dict(zip(columns, (stated(c) for c in cells), strict=True))
    bench, quote_end = _benchmarks(text, tail.end(), end, benches)
    return Indicator(
        page,
        text[m.start() : quote_end],
        ref=ref,
        description=" ".join(text[m.end() : tail.start()].split()),
        previous=_first(by_column, "baseline"),
        target=_first(by_column, "target"),
        result=_result(columns, by_column),
        rag=tail.group("rag"),
        direction=tail.group("dot"),
        benchmarks=bench,
        period=_result_column(columns),
    )


def _joined(cells: list[str]) -> list[str]:
    """'no tgt' is one cell."""
    out: list[str] = []
    for cell in cells:
        if cell == "tgt" and out and out[-1] == "no":
            out[-1] = "no tgt"
        else:
            out.append(cell)
    return out


def _first(by_column: dict[str, str | None], word: str) -> str | None:
    return next((v for k, v in by_column.items() if word in k.lower()), None)


def _result_column(columns: list[str]) -> str:
    ytd = [c for c in columns if c.upper().startswith("YTD") or "year to date" in c.lower()]
    return ytd[-1] if ytd else [c for c in columns if "actual" in c.lower()][-1] if _has_actual(columns) else ""


def _has_actual(columns: list[str]) -> bool:
    return any("actual" in c.lower() for c in columns)


def _result(columns: list[str], by_column: dict[str, str | None]) -> str | None:
    column = _result_column(columns)
    return by_column.get(column) if column else None


def _benchmarks(text: str, pos: int, end: int, benches: list[str]) -> tuple[tuple[Benchmark, ...], int]:
    out = []
    for who in benches:
        m = _BENCH_VALUE.match(text, pos, end)
        if m is None:
            break
        value = split_cell(m.group("v"))[0]
        out.append(Benchmark(value if isinstance(value, int | float) else None, m.group("v"), comparator(who)))
        pos = m.end()
    return tuple(out), pos
