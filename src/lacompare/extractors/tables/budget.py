"""Budget tables of performance reports as ``finance`` facts, one per money cell.

Revenue lines (service, original budget, budget, forecast, variation, % variation) come from a
ruled table when the PDF has one, else from text lines; the capital summary line and the
service dashboard's two variances come from text. Table columns are found by their header
words; text lines follow the usual column order.
Amounts are in £000 as printed; "(66)" is -66.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lacompare import compiled
from lacompare.model import Fact, Finance, Number
from lacompare.parsers.text.tablequote import report_period, row_quote
from lacompare.readers.base import Document

MONEY = r"\(?-?\d{1,3}(?:,\d{3})*\)?"
PCT = r"-?\d+(?:\.\d+)?%"

# (field, label, header words), in the order such tables usually print them.
REVENUE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("original_budget", "original budget", r"original\s+budget"),
    ("budget", "budget", r"^budget|budget\s+v\d|revised\s+budget(?!.*variation)"),
    ("forecast", "forecast", r"forecast"),
    ("variation_pct", "% variation", r"%\s*variation|variation\s*%"),
    ("variation", "variation", r"variation|variance"),
)
CAPITAL_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("approved_budget", "approved budget", r"Approved\s+Budget"),
    ("additions_deletions", "additions/deletions", r"Additions\s*/\s*Deletions"),
    ("slippage", "recommended slippage / accelerated spend", r"Slippage\s*/\s*Accelerated"),
    ("proposed_budget", "proposed budget", r"Proposed\s+\S+\s+Budget"),
    ("spend_to_date", "spend to date", r"Spend\s+to\s+date"),
    ("forecast", "forecast to year-end", r"Forecast\s+to\s+year"),
    ("variance", "variance from approved budget", r"Variance\s+from\s+Approved"),
    ("slippage_pct", "% slippage", r"%\s*slippage"),
)
_REVENUE_ROW = compiled.pattern(
    rf"(?m)^(?P<label>[A-Z][\w&,'’ -]*?[A-Za-z)]) (?P<n1>{MONEY}) (?P<n2>{MONEY}) (?P<n3>{MONEY}) (?P<n4>{MONEY})"
    rf"(?=\s|$)(?! {MONEY}(?:\s|$))"
)
_CAPITAL_ROW = compiled.pattern(rf"(?m)^(?P<label>[A-Z][\w&,'’ -]*?[A-Za-z)])((?: {MONEY}){{7}}) (?P<pct>{PCT})$")
_DASHBOARD = compiled.pattern(
    rf"Revenue Budget Variance\s+Capital Actual Variance\s*\n(?P<rev>{MONEY}) (?P<cap>{MONEY})(?=\s*$)", regex.M
)


def parse(doc: Document) -> list[Fact]:
    period = report_period(doc)
    facts = _revenue_from_tables(doc, period)
    if not facts:
        facts = _revenue_from_text(doc, period)
    return _dashboard(doc, period) + facts + _capital(doc, period)


def money(cell: str) -> Number | None:
    """'1,146' -> 1146; '(66)' -> -66; '-1.5%' -> -1.5; anything else -> None."""
    text = cell.strip().rstrip("%").replace("£", "")
    negative = text.startswith("(") and text.endswith(")") or text.startswith("-")
    core = text.strip("()-").replace(",", "")
    if not regex.fullmatch(r"\d+(?:\.\d+)?", core):
        return None
    value = float(core) if "." in core else int(core)
    return -value if negative else value


def revenue_roles(header: Sequence[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        words = " ".join(cell.split()).lower()
        if "comment" in words:
            continue
        for name, _label, pattern in REVENUE_COLUMNS:
            if name not in roles and regex.search(pattern, words):
                roles[name] = index
                break
    has_money = {"original_budget", "forecast"} <= roles.keys() or {"budget", "forecast"} <= roles.keys()
    return roles if has_money else {}


def _revenue_from_tables(doc: Document, period: str | None) -> list[Fact]:
    facts: list[Fact] = []
    for table in doc.tables:
        roles = revenue_roles(table.rows[0])
        if not roles:
            continue
        label_col = min(set(range(len(table.rows[0]))) - set(roles.values()))
        for row in table.rows[1:]:
            label = row[label_col]
            cells = [(name, row[i]) for name, i in sorted(roles.items(), key=lambda kv: kv[1])]
            quote, flag = row_quote(doc.page(table.page).text, label, [c for _, c in cells])
            facts.extend(_row_facts(table.page, quote, flag, "revenue", label, cells, period, REVENUE_COLUMNS))
    return facts


def _row_facts(
    page: int,
    quote: str,
    flag: str | None,
    section: str,
    label: str,
    cells: Sequence[tuple[str, str]],
    period: str | None,
    columns: Sequence[tuple[str, str, str]],
) -> list[Fact]:
    labels = {name: text for name, text, _ in columns}
    slug = regex.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    out: list[Fact] = []
    for name, cell in cells:
        value = money(cell)
        if value is None:
            continue
        unit = "%" if cell.strip().endswith("%") else "£000"
        out.append(
            Finance(
                page,
                quote,
                flag=flag,
                field_id=f"{section}.{slug}.{name}",
                label=f"{section.capitalize()}: {label}: {labels[name]}",
                value=value,
                unit=unit,
                period=period,
            )
        )
    return out


def _revenue_from_text(doc: Document, period: str | None) -> list[Fact]:
    if not regex.search(r"Original\s+Budget", doc.text) or not regex.search(r"Forecast", doc.text):
        return []
    facts: list[Fact] = []
    for page in doc.pages:
        text = page.text
        header = regex.search(r"Original\s+Budget", text)
        rows = list(_REVENUE_ROW.finditer(text, header.start() if header else 0))
        for i, m in enumerate(rows):
            limit = rows[i + 1].start() if i + 1 < len(rows) else min(len(text), m.end() + 1500)
            pct = compiled.pattern(rf"(?<![\w.])(?P<pct>{PCT})(?=[ \t]*$)", regex.M).search(text, m.end(), limit)
            end = pct.end() if pct else m.end()
            names = ("original_budget", "budget", "forecast", "variation")
            cells = [(n, m.group(f"n{k}")) for k, n in enumerate(names, start=1)]
            if pct:
                cells.append(("variation_pct", pct.group("pct")))
            label = m.group("label")
            facts.extend(
                _row_facts(page.number, text[m.start() : end], None, "revenue", label, cells, period, REVENUE_COLUMNS)
            )
    return facts


def _capital(doc: Document, period: str | None) -> list[Fact]:
    if not regex.search(r"Slippage", doc.text):
        return []
    facts: list[Fact] = []
    seen: set[str] = set()
    for page in doc.pages:
        for m in _CAPITAL_ROW.finditer(page.text):
            if m.group() in seen:
                continue  # the summary line repeats the service line
            seen.add(m.group())
            values = m.group(2).split() + [m.group("pct")]
            cells = [(name, v) for (name, _, _), v in zip(CAPITAL_COLUMNS, values, strict=True)]
            facts.extend(
                _row_facts(page.number, m.group(), None, "capital", m.group("label"), cells, period, CAPITAL_COLUMNS)
            )
    return facts


def _dashboard(doc: Document, period: str | None) -> list[Fact]:
    out: list[Fact] = []
    for page in doc.pages:
        m = _DASHBOARD.search(page.text)
        if not m:
            continue
        for key, name, label in (
            ("rev", "revenue_budget_variance", "Revenue budget variance"),
            ("cap", "capital_actual_variance", "Capital actual variance"),
        ):
            value = money(m.group(key))
            if value is not None:
                out.append(
                    Finance(
                        page.number,
                        m.group(),
                        field_id=f"dashboard.{name}",
                        label=label,
                        value=value,
                        unit="£000",
                        period=period,
                    )
                )
        break
    return out
