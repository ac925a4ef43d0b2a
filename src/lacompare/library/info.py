"""What a library holds: its file, schema version and counts, as :meth:`Library.info` returns them.

The counts are those of ``lacompare list``: documents are the stored documents, councils the
distinct councils they are attached to (an unrecognised council counts once under its own name),
and facts the stored facts, counted by :attr:`lacompare.library.store.Entry.facts` as ``add`` and
``list`` count them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lacompare import EXTRACTOR_VERSION, __version__

if TYPE_CHECKING:
    from lacompare.library.schema import Entry


@dataclass(frozen=True, slots=True)
class LibraryInfo:
    """One library at a glance. ``exists`` is False for a path with no library file (nothing added yet,
    or a mistyped path): the counts are then 0 and ``schema_version`` is None."""

    path: Path
    exists: bool
    size_bytes: int  # the file and its write-ahead log
    schema_version: int | None  # SQLite ``PRAGMA user_version``
    documents: int
    councils: int
    facts: int
    damage: tuple[str, ...] = ()  # what SQLite's quick_check found wrong (nothing: the file is sound)
    lacompare_version: str = __version__
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "exists": self.exists,
            "size_bytes": self.size_bytes,
            "schema_version": self.schema_version,
            "documents": self.documents,
            "councils": self.councils,
            "facts": self.facts,
            "check": "ok" if not self.damage else "damaged",
            "damage": list(self.damage),
            "lacompare_version": self.lacompare_version,
            "extractor_version": self.extractor_version,
        }


def library_info(
    path: Path, schema_version: int | None, entries: list[Entry], damage: tuple[str, ...] = ()
) -> LibraryInfo:
    """Build the summary from the library's file, its stored documents and its check."""
    exists = path.is_file()
    return LibraryInfo(
        path=path,
        exists=exists,
        size_bytes=sum(_size(p) for p in (path, path.with_name(path.name + "-wal"))) if exists else 0,
        schema_version=schema_version if exists else None,
        documents=len(entries),
        councils=len({e.council for e in entries}),
        facts=sum(e.facts for e in entries),
        damage=damage if exists else (),
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
