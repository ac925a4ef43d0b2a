"""What the library commands' arguments name: councils or files (``diff``), documents (``show``,
``remove``) and measures (``rank``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lacompare.cli.output import DOCUMENT_SUFFIXES
from lacompare.errors import NotInLibrary, UnknownAuthority, UnknownMetric
from lacompare.library.views import ADD_HINT

if TYPE_CHECKING:
    from lacompare.library.store import Entry, Library
    from lacompare.library.views import Side
    from lacompare.model import Report


def looks_like_file(arg: str) -> bool:
    return is_file(arg) or Path(arg).suffix.lower() in DOCUMENT_SUFFIXES or "/" in arg or "\\" in arg


def is_file(arg: str) -> bool:
    """Whether ``arg`` names a file; a name no file can have (too long, a NUL byte) names none."""
    try:
        return Path(arg).is_file()
    except (OSError, ValueError):
        return False


def resolve_sides(
    args: Sequence[str], library: Library, *, as_of: str | None = None, kinds: Sequence[str] | None = None
) -> list[Side]:
    """Each argument as a diff column: a file extracted now, or a council's picture in the library.

    An argument given again (``camden camden``, ``camden Camden E09000007``) is one column: it is
    resolved once, and a council or file that is already a column is left out, with a note.
    """
    given = list(dict.fromkeys(a.strip() for a in args))
    sides = [_file_side(a) if looks_like_file(a) else library.side(a, as_of=as_of, kinds=kinds) for a in given]
    columns: dict[tuple[object, ...], Side] = {}
    for side in sides:
        columns.setdefault((side.gss_code, side.documents), side)
    unique = list(columns.values())
    if len(unique) < len(args):
        from lacompare.cli import note

        note(f"Note: {len(args) - len(unique):,} repeated council(s) or file(s) left out: each is one column")
    return _distinct_names(unique)


def _file_side(arg: str) -> Side:
    from lacompare.catalogue.authorities import find
    from lacompare.library.views import Side
    from lacompare.pipeline import extract

    report = extract(arg)
    council = find(report.local_authority)
    if council is None:
        return Side.of_report(Path(arg).stem, report)
    return Side.of_report(council.short_name, report, council.gss_code, council.region)


def _distinct_names(sides: list[Side]) -> list[Side]:
    """Two columns for one council are told apart by their first document's name."""
    from dataclasses import replace

    names = [s.name for s in sides]
    out = []
    for side in sides:
        if names.count(side.name) > 1:
            first = Path(side.documents[0]).name if side.documents else "?"
            side = replace(side, name=f"{side.name} ({first})")
        out.append(side)
    return out


def council_entries(library: Library, target: str) -> list[Entry]:
    """Documents a `show`/`remove` argument names: a file, a SHA-256 prefix or a council."""
    if is_file(target):
        from lacompare.library.store import file_sha256

        entry = library.entry(file_sha256(target))
        return [entry] if entry else []
    by_hash = library.find(target)
    if by_hash:
        return by_hash
    from lacompare.catalogue.authorities import resolve

    if not looks_like_file(target) and not _NAME.fullmatch(target.strip()):
        raise UnknownAuthority(
            f"'{target}' is not a council name (it has characters no name has)",
            source=target,
            hint="give the name as `lacompare list` shows it, a GSS code or a SHA-256 prefix",
        )
    try:
        council = resolve(target)
    except UnknownAuthority:
        if looks_like_file(target):
            return []
        raise
    return library.council_entries(council.gss_code)


# What a council's name is made of ("King's Lynn and West Norfolk", "St. Helens", "Brighton & Hove").
_NAME = re.compile(r"[^\W_][\w\s&.,'’()-]*")


def report_for(library: Library, target: str, *, as_of: str | None, kind: str | None) -> Report:
    """The report `show` prints: a document by file or hash, else the council's latest."""
    from lacompare.catalogue.authorities import resolve

    by_hash = library.find(target) if not is_file(target) else council_entries(library, target)
    if by_hash:
        return library.report(by_hash[0].sha256)
    council = resolve(target)
    found = library.council_entries(council.gss_code, kind=kind, as_of=as_of)
    if as_of is not None:
        undated = sum(1 for e in library.council_entries(council.gss_code, kind=kind) if e.published is None)
        if undated:
            from lacompare.cli import note

            note(f"Note: {council.short_name}: {undated} undated document(s) left out: they cannot be placed "
                 f"on or before {as_of}")  # fmt: skip
    if not found:
        raise NotInLibrary(f"{council.short_name} is not in the library", source=target, hint=ADD_HINT)
    return library.report(found[0].sha256)


LONGEST_METRIC_QUERY = 200  # measure ids and labels are under 100 characters


def resolve_metric(query: str, library: Library) -> str:
    """The measure id a `rank` argument names: an id the library or the catalogue holds, else the
    one measure whose id or label has all the words (the library's first, then the catalogue's)."""
    clean = query.strip()
    if len(clean) > LONGEST_METRIC_QUERY:
        raise UnknownMetric(
            f"a measure of {len(clean):,} characters is longer than any measure's id or label "
            f"({LONGEST_METRIC_QUERY} at most)",
            source="METRIC",
        )
    if library.query("SELECT 1 FROM measures WHERE metric_id = ? LIMIT 1", (clean,)):
        return clean  # the common case, answered without loading the catalogue
    from lacompare.catalogue import measures as catalogue

    if catalogue.get(clean) is not None:
        return clean
    found = [m.metric_id for m in library.metrics(clean)]
    if not found:
        found = [m.id for m in catalogue.find(clean)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownMetric(
            f"no measure matches '{query}'", source=query, hint="see `lacompare metrics` for the library's measures"
        )
    listed = ", ".join(found[:8]) + (", …" if len(found) > 8 else "")
    raise UnknownMetric(f"'{query}' matches {len(found)} measures: did you mean {listed}?", source=query)
