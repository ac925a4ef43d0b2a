"""The library's records as rows: the documents (``list``), a league table (``rank``) and the
measures the library holds (``metrics``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lacompare.library.values import HIGHER, LOWER

if TYPE_CHECKING:
    from lacompare.catalogue.table import Metric
    from lacompare.compare import RankRow
    from lacompare.library.schema import Entry
    from lacompare.library.views import LibraryMetric

LIST_COLUMNS = ("council", "gss_code", "region", "kind", "published", "facts", "pages", "sha256", "document", "added")
RANK_COLUMNS = ("rank", "council", "gss_code", "region", "value", "unit", "period", "comparator",
                "comparator_value", "year",
                "source", "flag", "notes", "document", "published", "page", "quote")  # fmt: skip
METRIC_COLUMNS = ("metric_id", "label", "fact", "unit", "polarity", "councils", "documents")
CATALOGUE_COLUMNS = ("metric_id", "label", "source", "unit", "polarity")


def list_records(entries: Sequence[Entry]) -> list[dict[str, object]]:
    from lacompare.catalogue.authorities import by_code

    out: list[dict[str, object]] = []
    for e in entries:
        council = by_code(e.gss_code) if e.gss_code else None
        out.append(
            {
                "council": e.council, "gss_code": e.gss_code, "region": council.region if council else None,
                "kind": e.kind, "published": e.published, "facts": e.facts, "pages": e.pages,
                "sha256": e.sha256[:12], "document": e.source, "added": e.added_at,
            }
        )  # fmt: skip
    return out


def rank_records(ranked: Sequence[RankRow]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for r in ranked:
        v = r.value
        out.append(
            {
                "rank": r.position, "council": r.name, "gss_code": r.side.gss_code, "region": r.side.region,
                "value": v.value, "unit": v.unit, "period": v.period_text, "comparator": v.comparator,
                "comparator_value": v.comparator_value,
                "year": v.year, "source": v.source, "flag": v.flag, "notes": "; ".join(r.notes) or None,
                "document": v.document, "published": v.published, "page": v.page, "quote": v.quote,
            }
        )  # fmt: skip
    return out


def metric_records(found: Sequence[LibraryMetric]) -> list[dict[str, object]]:
    return [
        {
            "metric_id": m.metric_id,
            "label": m.label,
            "fact": m.fact,
            "unit": m.unit,
            "polarity": polarity_text(m.polarity),
            "councils": m.councils,
            "documents": m.documents,
        }  # fmt: skip
        for m in found
    ]


def catalogue_records(found: Sequence[Metric]) -> list[dict[str, object]]:
    return [
        {"metric_id": m.id, "label": m.label, "source": m.source, "unit": m.unit, "polarity": polarity_text(m.polarity)}
        for m in found
    ]


def polarity_text(polarity: str) -> str:
    return {HIGHER: "higher is better", LOWER: "lower is better"}.get(polarity, "neither")
