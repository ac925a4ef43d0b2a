"""Reading councils out of the library: each council's picture as a :class:`Side`,
and the measures the library holds (``lacompare metrics``).

Everything here reads the tidy ``measures`` table with plain SQL, so ``rank`` and ``table`` over
a whole library never rebuild a report or touch the catalogue's patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from lacompare.errors import NotInLibrary
from lacompare.library.pictures import Holding, Picture, picture
from lacompare.library.schema import VALUE_SQL, values_from_rows
from lacompare.library.values import Value, values_of
from lacompare.model import Report


@dataclass(frozen=True, slots=True)
class Side:
    """One column of a diff: a council (or a file) and the values that speak for it, preferred first."""

    name: str
    values: tuple[Value, ...]
    gss_code: str | None = None
    region: str | None = None
    documents: tuple[str, ...] = ()  # the documents' paths, preferred first
    notes: tuple[str, ...] = ()

    @classmethod
    def of_report(cls, name: str, report: Report, gss_code: str | None = None, region: str | None = None) -> Side:
        return cls(name, tuple(values_of(report, gss_code)), gss_code, region, (report.document,))


class Library(Protocol):
    """What these views need of a library: read-only SQL (:meth:`lacompare.library.store.Library.query`)."""

    def query(self, sql: str, params: Sequence[object] = ...) -> list[tuple[Any, ...]]: ...


ADD_HINT = "add its report first: `lacompare add REPORT.pdf` (CQC publishes them at cqc.org.uk)"

_HOLDINGS_SQL = """
SELECT h.gss_code, d.id, d.sha256, d.source, d.kind, d.published,
    (SELECT count(*) FROM facts f WHERE f.document_id = d.id), d.added_at
FROM (SELECT gss_code, document_id FROM measures WHERE gss_code IS NOT NULL
      UNION SELECT gss_code, id FROM documents WHERE gss_code IS NOT NULL) h
JOIN documents d ON d.id = h.document_id
"""


def holdings(library: Library, gss_code: str | None = None) -> dict[str, list[Holding]]:
    """Council -> the documents holding values about it (a news round-up counts for each council it rates)."""
    sql: str = _HOLDINGS_SQL
    params: tuple[str, ...] = ()
    if gss_code is not None:
        sql, params = sql + " WHERE h.gss_code = ?", (gss_code,)
    out: dict[str, list[Holding]] = {}
    for row in library.query(sql, params):
        out.setdefault(row[0], []).append(Holding(row[1], row[0], *row[2:]))
    return out


def pictures(
    library: Library,
    gss_code: str | None = None,
    *,
    as_of: str | None = None,
    kinds: Sequence[str] | None = None,
) -> list[Picture]:
    """Each council's picture (one council's with ``gss_code``), councils in register order."""
    held = holdings(library, gss_code)
    return [picture(code, held[code], as_of=as_of, kinds=kinds) for code in sorted(held)]


def sides(
    library: Library,
    *,
    as_of: str | None = None,
    kinds: Sequence[str] | None = None,
    region: str | None = None,
    metric_id: str | None = None,
    gss_code: str | None = None,
    quotes: bool = True,
) -> list[Side]:
    """Every council's side (or one council's), its values preferred first; with ``as_of``, only
    values whose period (where stated) has ended by then.

    ``metric_id`` reads one measure only; ``quotes=False`` reads only what a grid of values
    shows (the measure, fact kind, value, unit, period and comparator, and the document), not the
    words (quote, label): a fraction of the columns, for ``table`` over a
    whole library.
    """
    from lacompare.catalogue.authorities import by_code

    chosen = pictures(library, gss_code, as_of=as_of, kinds=kinds)
    councils = {p.gss_code: by_code(p.gss_code) for p in chosen}
    if region is not None:
        wanted = region.casefold()
        chosen = [p for p in chosen if (c := councils[p.gss_code]) is not None and c.region.casefold() == wanted]
    if not chosen:
        values: dict[str, list[Value]] = {}
    elif quotes:
        values = _values(library, metric_id, gss_code)
    else:
        values = _grid_values(library, {h.document_id: h for p in chosen for h in p.documents})
    out = []
    for p in chosen:
        council = councils[p.gss_code]
        rank = {h.sha256: i for i, h in enumerate(p.documents)}
        mine = [v for v in values.get(p.gss_code, []) if v.sha256 in rank and known_by(v, as_of)]
        mine.sort(key=lambda v: rank[v.sha256])  # stable: page order within a document stays
        name = council.short_name if council else p.gss_code
        documents = tuple(h.source for h in p.documents)
        region_name = council.region if council else None
        out.append(Side(name, tuple(mine), p.gss_code, region_name, documents, p.notes))
    return sorted(out, key=lambda s: s.name.casefold())


def known_by(value: Value, as_of: str | None) -> bool:
    """Whether a value could be known on ``as_of``: its period (where stated) has ended by then."""
    if as_of is None:
        return True
    from lacompare.vocab.periods import month_of

    period, limit = value.period, month_of(as_of)
    return period is None or not period.anchored or limit is None or period.end <= limit


def _values(library: Library, metric_id: str | None, gss_code: str | None) -> dict[str, list[Value]]:
    """Council -> its values in the library, in document and page order."""
    where, params = ["m.gss_code IS NOT NULL"], []
    if metric_id is not None:
        where.append("m.metric_id = ?")
        params.append(metric_id)
    if gss_code is not None:
        where.append("m.gss_code = ?")
        params.append(gss_code)
    rows = library.query(f"{VALUE_SQL} WHERE {' AND '.join(where)} ORDER BY m.document_id, m.seq, m.position", params)
    out: dict[str, list[Value]] = {}
    for value in values_from_rows(rows):
        out.setdefault(value.gss_code or "", []).append(value)
    return out


_GRID_SQL = """
SELECT document_id, gss_code, metric_id, fact, value, unit, comparator, source, year, polarity FROM measures
WHERE gss_code IS NOT NULL ORDER BY document_id, seq, position
"""


def _grid_values(library: Library, documents: dict[int, Holding]) -> dict[str, list[Value]]:
    """Council -> the values of the chosen documents, with only the columns a grid shows."""
    out: dict[str, list[Value]] = {}
    for doc_id, gss, metric_id, fact, value, unit, comparator, source, year, polarity in library.query(_GRID_SQL):
        held = documents.get(doc_id)
        if held is None:
            continue
        stated = Value(
            metric_id, metric_id, "", fact, value, unit, comparator, source=source, year=year, polarity=polarity,
            gss_code=gss,
            document=held.source, sha256=held.sha256, kind=held.kind, published=held.published,
        )  # fmt: skip
        out.setdefault(gss, []).append(stated)
    return out


def council_side(library: Library, query: str, *, as_of: str | None = None, kinds: Sequence[str] | None = None) -> Side:
    """One council's side by name, short name, alias or GSS code; NotInLibrary when it holds nothing."""
    from lacompare.catalogue.authorities import resolve

    council = resolve(query)
    found = sides(library, as_of=as_of, kinds=kinds, gss_code=council.gss_code)
    if not found or not found[0].documents:
        if as_of and holdings(library, council.gss_code):
            raise NotInLibrary(f"{council.short_name} has no document published on or before {as_of}", source=query)
        if kinds and holdings(library, council.gss_code):
            listed = ", ".join(kinds)
            raise NotInLibrary(f"{council.short_name} has no document of kind {listed} in the library", source=query)
        raise NotInLibrary(f"{council.short_name} is not in the library", source=query, hint=ADD_HINT)
    return found[0]


@dataclass(frozen=True, slots=True)
class LibraryMetric:
    """A measure the library holds, and how many councils and documents state it."""

    metric_id: str
    label: str
    fact: str
    unit: str | None
    polarity: str
    councils: int
    documents: int


_METRICS_SQL = """
SELECT metric_id, min(label), min(fact), min(unit), min(polarity), count(DISTINCT gss_code), count(DISTINCT document_id)
FROM measures GROUP BY metric_id ORDER BY metric_id
"""


def library_metrics(library: Library, words: str | None = None) -> list[LibraryMetric]:
    """Every measure id in the library with its council count; with ``words``, those whose id or label has them all."""
    from lacompare.catalogue.table import has_words, query_words

    wanted = query_words(words or "")
    found = [LibraryMetric(*row) for row in library.query(_METRICS_SQL)]
    return [m for m in found if has_words(wanted, m.metric_id, m.label)]
