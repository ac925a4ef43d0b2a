"""Indicator rows of council performance reports, as ``indicator`` facts.

From a PDF, rows come from ruled tables (``Document.tables``); columns are recognised by the
words of their header cells, so column order and merged header cells do not matter. Each
benchmark value (``68.8% (CIPFA)``) is also a ``comparison`` fact: the result against it.
Without indicator tables (a text dump) the text fallback in ``indicators_text`` runs instead, and
without that table's header the other shapes of ``indicator_shapes`` (prose, line runs, flat rows).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lacompare import compiled
from lacompare.model import Fact, Indicator
from lacompare.parsers.performance.indicator_benchmarks import benchmark_comparisons, parse_benchmarks
from lacompare.parsers.text.tablequote import PERIOD_RE, report_period, row_quote
from lacompare.readers.base import Document, Table

REF_RE = compiled.pattern(r"^(?P<ref>[A-Z]{1,5}/[A-Z]{1,3}\d{1,3}[a-z]?)\b\s*(?P<code>.*)$")


def parse(doc: Document) -> list[Fact]:
    tables = [(t, roles) for t in doc.tables if (roles := indicator_roles(t.rows[0]))]
    if not tables:
        from lacompare.parsers.performance import indicator_shapes, indicators_text

        return indicators_text.parse(doc) or indicator_shapes.parse(doc)
    facts: list[Fact] = []
    seen: set[str] = set()
    fallback_period = report_period(doc)
    for table, roles in tables:
        period = result_period(table.rows[0], roles) or fallback_period
        for row in table.rows[1:]:
            indicator = indicator_from_row(doc, table, row, roles, period)
            if indicator is None or indicator.ref in seen:
                continue
            seen.add(indicator.ref)
            facts.append(indicator)
            facts.extend(benchmark_comparisons(indicator, _cell(row, roles, "benchmarks")))
    return facts


# --- header recognition -------------------------------------------------------------------


def indicator_roles(header: Sequence[str]) -> dict[str, int]:
    """Field name -> column index, from the header cells' words; {} when not an indicator table."""
    roles: dict[str, int] = {}
    results: list[int] = []
    for index, cell in enumerate(header):
        role = _role(cell.lower())
        if role == "result":
            results.append(index)
        elif role and role not in roles:
            roles[role] = index
    if "ref" not in roles or not results:
        return {}
    roles.update(_result_roles(header, results, roles.get("period_target")))
    return roles


def _role(words: str) -> str | None:
    if regex.search(r"\bcomments?\b", words):
        return "comments"
    if regex.search(r"\bref\b", words):
        return "ref"
    checks = (
        ("benchmarks", r"benchmark|compared to other"),
        ("polarity", r"polarity"),
        ("numerator_denominator", r"numerator|denominator"),
        ("dot_short", r"short\s*term"),
        ("dot_long", r"long\s*term"),
        ("annual_target", r"annual\s+target"),
        ("period_target", r"\btarget\b"),
        ("result", r"\bresult\b|\bactual\b"),
        ("description", r"description|indicator|measure"),
    )
    for role, pattern in checks:
        if regex.search(pattern, words):
            return role
    return None


def _result_roles(header: Sequence[str], results: list[int], target: int | None) -> dict[str, int]:
    """Which result column is this period's, last period's and last year's, by their periods."""
    periods = {i: PERIOD_RE.search(header[i]) for i in results}
    target_period = PERIOD_RE.search(header[target]) if target is not None else None
    if not all(periods.values()):
        names = ("result", "previous_result", "last_year_result")
        return dict(zip(names, results, strict=False))
    current = max(results, key=lambda i: _period_key(periods[i]))
    if target_period:
        matching = [i for i in results if periods[i].group(0) == target_period.group(0)]  # type: ignore[union-attr]
        current = matching[0] if matching else current
    q, year = periods[current].group(1), periods[current].group(2)  # type: ignore[union-attr]
    out = {"result": current}
    for i in results:
        p = periods[i]
        if i == current or p is None:
            continue
        if p.group(2) == year and p.group(1) != q:
            out.setdefault("previous_result", i)
        elif p.group(1) == q and p.group(2) != year:
            out.setdefault("last_year_result", i)
    return out


def _period_key(m: regex.Match[str] | None) -> tuple[str, str]:
    return (m.group(2), m.group(1)) if m else ("", "")


def result_period(header: Sequence[str], roles: dict[str, int]) -> str | None:
    m = PERIOD_RE.search(header[roles["result"]])
    return f"{m.group(1)} {m.group(2)}" if m else None


# --- rows -----------------------------------------------------------------------------------


def split_ref(cell: str) -> tuple[str, str | None] | None:
    """'AC/S3 (ASCOF 1G)' -> ('AC/S3', 'ASCOF 1G'); None when the cell holds no reference."""
    m = REF_RE.match(cell.strip())
    if not m:
        return None
    code = m.group("code").strip()
    if code.startswith("(") and code.endswith(")") and code.count("(") == 1:
        code = code[1:-1].strip()
    return m.group("ref"), code or None


def indicator_from_row(
    doc: Document, table: Table, row: Sequence[str], roles: dict[str, int], period: str | None
) -> Indicator | None:
    ref_code = split_ref(_cell(row, roles, "ref") or "")
    if ref_code is None:
        return None
    ref, code = ref_code
    cells = {name: _cell(row, roles, name) or None for name in Indicator.CELL_FIELDS}
    bench_text = _cell(row, roles, "benchmarks")
    ordered = [row[i] for i in sorted(roles.values()) if i != roles["ref"] and i < len(row)]
    quote, flag = row_quote(doc.page(table.page).text, ref, ordered)
    return Indicator(
        table.page,
        quote,
        flag=flag,
        ref=ref,
        code=code,
        description=_cell(row, roles, "description"),
        benchmarks=parse_benchmarks(bench_text),
        period=period,
        **cells,
    )


def _cell(row: Sequence[str], roles: dict[str, int], name: str) -> str:
    index = roles.get(name)
    return row[index] if index is not None and index < len(row) else ""
