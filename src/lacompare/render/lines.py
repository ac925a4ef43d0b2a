"""One line per row on a terminal: the columns a reader scans, made to fit 80 columns.

``extract``, ``show``, ``list``, ``rank`` and ``metrics`` print these by default on a terminal:
a measure's label, its value with its unit ("58.77%", "£553,918,000", "21 days"), its benchmark
with the unit kept ("lower than England 58.77%", "London 7.6%"), its period and page. Quotes,
SHA-256s, paths and empty columns are left to ``--wide`` (every column) and to the data formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lacompare.library.values import HIGHER, LOWER
from lacompare.render.diff_rows import number_text

if TYPE_CHECKING:
    from lacompare.compare import RankRow
    from lacompare.library.schema import Entry
    from lacompare.library.views import LibraryMetric
    from lacompare.render.rows import Row

FACT_LINE_COLUMNS = ("fact", "metric", "value", "benchmark", "period", "p.")
LIST_LINE_COLUMNS = ("council", "kind", "published", "facts", "document")
RANK_LINE_COLUMNS = ("rank", "council", "value", "period", "benchmark", "document")
METRIC_LINE_COLUMNS = ("metric_id", "label", "councils")
#: The columns that give way (an ellipsis) when a line is wider than the terminal.
FLEXIBLE = frozenset({"metric", "label", "document", "benchmark", "council", "kind"})  # an id is copied whole

_RELATION_WORDS = {"comparable": "comparable to"}
_ARROWS = {HIGHER: "↑", LOWER: "↓"}


def fact_lines(rows: Sequence[Row]) -> list[dict[str, object]]:
    """A report's tidy rows as lines: the measure's label, value, benchmark, period and page."""
    from lacompare.catalogue.labels import measure_label
    from lacompare.library.values import period_of

    return [
        {
            "fact": r["fact"],
            "metric": measure_label(r["metric_id"], r["metric"] or ""),
            "value": _value(r["value"], r["unit"]),
            "benchmark": benchmark_text(r["relation"], r["comparator"], r["comparator_value"], r["unit"]),
            "period": period_of(r["metric_id"], r["year"], r["source"]),
            "p.": r["page"],
        }
        for r in rows
    ]


def benchmark_text(relation: str | None, comparator: str | None, value: object, unit: str | None) -> str:
    """'lower than England 58.77%': the relation as stated and the benchmark, its unit kept."""
    if not comparator:
        return relation or ""
    bench = f"{comparator} {_value(value, unit)}".strip()
    return f"{_RELATION_WORDS.get(relation, relation + ' than')} {bench}" if relation else bench


def list_lines(entries: Sequence[Entry]) -> list[dict[str, object]]:
    return [
        {
            "council": e.council,
            "kind": e.kind,
            "published": e.published,
            "facts": f"{e.facts:,}",
            "document": Path(e.source).name,
        }
        for e in entries
    ]


def rank_lines(ranked: Sequence[RankRow]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for r in ranked:
        v = r.value
        out.append(
            {
                "rank": r.position,
                "council": r.name,
                "value": _value(v.value, v.unit),
                "period": r.period,
                "benchmark": benchmark_text(None, v.comparator, v.comparator_value, v.unit),
                "document": f"{Path(v.document).name} p. {v.page}",
            }
        )
    return out


def metric_lines(found: Sequence[LibraryMetric]) -> list[dict[str, object]]:
    """The measures as lines: the id whole (to copy into ``rank``), the label with its unit and
    the better direction ("Adult social care vacancy rate (%) ↓"), how many councils state it."""
    out: list[dict[str, object]] = []
    for m in found:
        unit = f" ({m.unit})" if m.unit and m.unit != "score (1-4)" else ""
        arrow = f" {_ARROWS[m.polarity]}" if m.polarity in _ARROWS else ""
        out.append({"metric_id": m.metric_id, "label": f"{m.label}{unit}{arrow}", "councils": m.councils})
    return out


def _value(value: object, unit: str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return str(value)
    return number_text(value, unit)
