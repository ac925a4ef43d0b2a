"""Reports as tidy rows: one row per measured value, a fixed column order (the CSV contract)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lacompare.model import Number, Report

COLUMNS = (
    "document",
    "local_authority",
    "kind",
    "fact",
    "metric_id",
    "metric",
    "value",
    "unit",
    "comparator",
    "comparator_value",
    "relation",
    "source",
    "year",
    "flag",
    "page",
    "quote",
)

Row = dict[str, Any]


def report_rows(report: Report) -> list[Row]:
    rows = []
    for fact in report.facts:
        for m in fact.measures():
            rows.append(
                {
                    "document": report.document,
                    "local_authority": fact.local_authority or report.local_authority,
                    "kind": report.kind,
                    "fact": fact.kind,
                    "metric_id": m.metric_id,
                    "metric": m.metric,
                    "value": m.value,
                    "unit": m.unit,
                    "comparator": m.comparator,
                    "comparator_value": m.comparator_value,
                    "relation": m.relation,
                    "source": m.source,
                    "year": m.year,
                    "flag": fact.flag,
                    "page": fact.page,
                    "quote": fact.quote,
                }
            )
    return rows


def rows_for(reports: Iterable[Report]) -> list[Row]:
    return [row for report in reports for row in report_rows(report)]


def cell(value: Any) -> str:
    """A value as a raw cell: no thousands separators, no units, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def format_number(value: Number) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
