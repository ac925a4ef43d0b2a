"""What the library commands need besides the terminal: arguments to reports, rows to cells.

``diff barnet camden report.pdf`` names councils (looked up in the library) and files
(extracted on the fly); :func:`resolve_sides` turns them into :class:`~lacompare.compare.Side`
columns. The ``*_records`` functions give the rows ``list``, ``rank`` and ``metrics`` print, and
the ``*_text`` functions the cells of the diff table (values with units, benchmarks with years,
the better value marked with a symbol so it survives without colour).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lacompare import catalogue
from lacompare.compare import DiffRow, RankRow, Side, Value, gap_column, is_england
from lacompare.errors import NotInLibrary, UnknownAuthority, UnknownMetric
from lacompare.model import CQC_ASSESSMENT, Number, Report
from lacompare.store import Entry, Library

BETTER_MARK = "✓"
POLARITY_MARK = {catalogue.HIGHER: "↑", catalogue.LOWER: "↓", catalogue.NEITHER: ""}
FILE_SUFFIXES = (".pdf", ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml")
ADD_HINT = "add its report first: `lacompare add REPORT.pdf` (CQC publishes them at cqc.org.uk)"


def looks_like_file(arg: str) -> bool:
    path = Path(arg)
    return path.is_file() or path.suffix.lower() in FILE_SUFFIXES or "/" in arg or "\\" in arg


def resolve_sides(
    args: Sequence[str], library: Library, *, as_of: str | None = None, kind: str = CQC_ASSESSMENT
) -> list[Side]:
    """Each argument as a diff column: a file extracted now, or a council's latest stored report."""
    sides = [_file_side(a) if looks_like_file(a) else _council_side(a, library, as_of, kind) for a in args]
    return _distinct_names(sides)


def _file_side(arg: str) -> Side:
    from lacompare.authorities import find
    from lacompare.pipeline import extract

    report = extract(arg)
    council = find(report.local_authority)
    return Side(council.short_name if council else Path(arg).stem, report)


def _council_side(arg: str, library: Library, as_of: str | None, kind: str) -> Side:
    from lacompare.authorities import resolve

    council = resolve(arg)
    report = library.latest(council.gss_code, kind=kind, as_of=as_of)
    if report is None:
        if as_of and library.council_entries(council.gss_code, kind=kind):
            raise NotInLibrary(f"{council.short_name} has no report published on or before {as_of}", source=arg)
        raise NotInLibrary(f"{council.short_name} is not in the library", source=arg, hint=ADD_HINT)
    return Side(council.short_name, report)


def _distinct_names(sides: list[Side]) -> list[Side]:
    """Two columns for one council are told apart by date (or file name)."""
    names = [s.name for s in sides]
    out = []
    for side in sides:
        if names.count(side.name) > 1:
            side = Side(f"{side.name} ({side.report.published or Path(side.report.document).name})", side.report)
        out.append(side)
    return out


def council_entries(library: Library, target: str) -> list[Entry]:
    """Documents a `show`/`remove` argument names: a file, a SHA-256 prefix or a council."""
    if Path(target).is_file():
        from lacompare.store import file_sha256

        entry = library.entry(file_sha256(target))
        return [entry] if entry else []
    by_hash = library.find(target)
    if by_hash:
        return by_hash
    from lacompare.authorities import resolve

    try:
        council = resolve(target)
    except UnknownAuthority:
        if looks_like_file(target):
            return []
        raise
    return library.council_entries(council.gss_code)


def report_for(library: Library, target: str, *, as_of: str | None, kind: str | None) -> Report:
    """The report `show` prints: a document by file or hash, else the council's latest."""
    from lacompare.authorities import resolve

    by_hash = library.find(target) if not Path(target).is_file() else council_entries(library, target)
    if by_hash:
        return library.report(by_hash[0].sha256)
    council = resolve(target)
    found = library.council_entries(council.gss_code, kind=kind, as_of=as_of)
    if not found:
        raise NotInLibrary(f"{council.short_name} is not in the library", source=target, hint=ADD_HINT)
    return library.report(found[0].sha256)


def resolve_metric(query: str) -> catalogue.Metric:
    found = catalogue.find(query)
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownMetric(f"no metric matches '{query}'", source=query)
    listed = ", ".join(m.id for m in found[:8]) + (", …" if len(found) > 8 else "")
    raise UnknownMetric(f"'{query}' matches {len(found)} metrics: did you mean {listed}?", source=query)


# -- records -------------------------------------------------------------------------------------

LIST_COLUMNS = ("council", "gss_code", "region", "kind", "published", "facts", "pages", "sha256", "document", "added")
RANK_COLUMNS = ("rank", "council", "region", "value", "unit", "comparator", "comparator_value", "year", "source",
                "document", "page", "quote")  # fmt: skip
METRIC_COLUMNS = ("metric_id", "label", "source", "unit", "polarity")


def list_records(entries: Sequence[Entry]) -> list[dict[str, object]]:
    from lacompare.authorities import by_code

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


def rank_records(ranked: Sequence[RankRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    from lacompare.authorities import find

    reports = {s.name: s.report for s in sides}
    out: list[dict[str, object]] = []
    for r in ranked:
        council = find(reports[r.name].local_authority)
        v = r.value
        out.append(
            {
                "rank": r.position, "council": r.name, "region": council.region if council else None,
                "value": v.value, "unit": v.unit, "comparator": v.comparator, "comparator_value": v.comparator_value,
                "year": v.year, "source": v.source, "document": reports[r.name].document, "page": v.page,
                "quote": v.quote,
            }
        )  # fmt: skip
    return out


def metric_records() -> list[dict[str, object]]:
    return [
        {"metric_id": m.id, "label": m.label, "source": m.source, "unit": m.unit, "polarity": polarity_text(m.polarity)}
        for m in catalogue.every_metric()
    ]


def polarity_text(polarity: str) -> str:
    return {catalogue.HIGHER: "higher is better", catalogue.LOWER: "lower is better"}.get(polarity, "neither")


# -- cells of the diff table ---------------------------------------------------------------------


def number_text(value: Number | str, unit: str | None = None) -> str:
    """46.41 '%' -> '46.41%'; 553918000 '£' -> '£553,918,000'; 21 'days' -> '21 days'."""
    if isinstance(value, str):
        return value
    text = f"{int(value):,}" if isinstance(value, float) and value.is_integer() else f"{value:,}"
    if unit == "%":
        return text + "%"
    if unit == "£":
        return "£" + text
    if unit and unit not in ("score (1-4)", "ratio"):
        return f"{text} {unit}"
    return text


def value_text(value: Value | None, *, better: bool) -> str:
    if value is None:
        return "–"
    text = number_text(value.value, value.unit)
    if value.year:
        text += f" ({value.year})"
    return f"{text} {BETTER_MARK}" if better else text


def benchmark_text(row: DiffRow) -> str:
    unit = next((v.unit for v in row.values if v is not None and v.unit), None)
    years: dict[Number, tuple[str, list[str]]] = {}  # benchmark value -> (how it is named, years given)
    for b in row.benchmarks:
        label = "England" if is_england(b.comparator) else b.comparator
        _, stated = years.setdefault(b.value, (label, []))
        if b.year and b.year not in stated:
            stated.append(b.year)
    return " / ".join(
        f"{label} {number_text(value, unit)}" + (f" ({', '.join(ys)})" if ys else "")
        for value, (label, ys) in years.items()
    )


def table_notes(row: DiffRow) -> str:
    """Notes the table's cells do not already show (each value carries its year)."""
    return "; ".join(n for n in row.notes if not n.startswith("years differ"))


def difference_text(row: DiffRow) -> str:
    """The gap cell: a signed difference for two sides ("+1.87 pts"), an unsigned range for more ("9.87 pts")."""
    gap = row.gap
    if gap is None:
        return ""
    sign = "+" if gap > 0 and len(row.values) <= 2 else ""
    unit = next((v.unit for v in row.values if v is not None and v.unit), None)
    if unit == "£":
        return f"{sign}£{number_text(abs(gap))}".replace("£", "-£" if gap < 0 else "£", 1)
    suffix = " pts" if unit == "%" else ""
    return f"{sign}{number_text(gap)}{suffix}"


def label_text(row: DiffRow) -> str:
    mark = POLARITY_MARK.get(row.polarity, "")
    return f"{row.label} {mark}".rstrip()


def table_columns(sides: Sequence[Side]) -> tuple[str, ...]:
    return ("metric", *(s.name for s in sides), "benchmark", gap_column(sides), "better", "notes")


def table_records(rows: Sequence[DiffRow], sides: Sequence[Side]) -> list[dict[str, object]]:
    """The diff as plain-table cells: the better value marked, benchmarks with their years."""
    out: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = {"metric": label_text(row)}
        for i, (side, value) in enumerate(zip(sides, row.values, strict=True)):
            record[side.name] = value_text(value, better=i in row.better)
        record.update(
            benchmark=benchmark_text(row),
            **{gap_column(sides): difference_text(row)},
            better="; ".join(sides[i].name for i in row.better),
            notes=table_notes(row),
        )
        out.append(record)
    return out
