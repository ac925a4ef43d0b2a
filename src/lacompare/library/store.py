"""The library: extracted reports and their facts in one SQLite file.

* Documents are keyed by the SHA-256 of their bytes: adding the same file again is a no-op,
  unless the extractor has changed since (``lacompare.EXTRACTOR_VERSION``), which re-extracts.
* Each document is attached to a council (GSS code) from the name it gives itself. A council
  may have several reports (history); :meth:`Library.latest` picks the newest assessment,
  or the newest published on or before ``as_of``.
* The schema is versioned with ``PRAGMA user_version`` and migrated forward on open; a library
  written by a newer lacompare is refused rather than damaged. Each measured value is also one
  row of the tidy ``measures`` table, for plain SQL (see :mod:`lacompare.library.schema`).
* WAL mode, a busy timeout and a retry loop let several ``lacompare add`` processes share one
  library; each add is a single ``BEGIN IMMEDIATE … COMMIT`` transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lacompare import EXTRACTOR_VERSION
from lacompare.errors import StoreError
from lacompare.library.connection import connect, is_busy, retrying, store_error
from lacompare.library.schema import MIGRATIONS, SCHEMA_VERSION, insert_measures
from lacompare.library.schema import Entry as Entry  # a stored document; part of the store's API
from lacompare.model import CQC_ASSESSMENT, Fact, Report, fact_from_dict

if TYPE_CHECKING:
    from lacompare.library.info import LibraryInfo
    from lacompare.library.views import LibraryMetric, Side

T = TypeVar("T")

ADDED, UNCHANGED, UPDATED = "added", "unchanged", "re-extracted"


@dataclass(frozen=True, slots=True)
class AddResult:
    status: str  # ADDED, UNCHANGED or UPDATED
    entry: Entry

    def message(self) -> str:
        e = self.entry
        what = f"{e.source}: {e.council}, {e.kind}" + (f", published {e.published}" if e.published else "")
        if self.status == UNCHANGED:
            return f"{what}: already in the library (sha256 {e.sha256[:12]}), nothing to do"
        return f"{what}: {self.status}, {e.facts} facts"


def file_sha256(source: str | os.PathLike[str]) -> str:
    from lacompare.readers import load_bytes

    return hashlib.sha256(load_bytes(source)[1]).hexdigest()


class Library:
    """A connection to one library file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, must_exist: bool = False) -> None:
        """Open (or, with ``create``, create) the library at ``path``. Without ``create`` a missing
        file reads as an empty library, unless ``must_exist`` makes it an error (a mistyped path);
        a library that cannot be written opens read-only (``read_only``)."""
        self.path = Path(path)
        self._conn, self.read_only = connect(self.path, create=create, must_exist=must_exist, newest=SCHEMA_VERSION)
        retrying(lambda: self._migrate())

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    # -- opening -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            version = self._user_version()
            if version == SCHEMA_VERSION:
                return
            if self.read_only:
                raise StoreError(
                    f"the library needs upgrading (schema {version} to {SCHEMA_VERSION}) but is read-only",
                    source=str(self.path),
                    hint="open it once with write access, or point --db / LACOMPARE_DB at another library",
                )
            with self._transaction():
                for step in range(self._user_version(), SCHEMA_VERSION):
                    MIGRATIONS[step](self._conn)
                    self._conn.execute(f"PRAGMA user_version = {step + 1}")
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):
                raise
            raise store_error(exc, self.path) from None

    def _user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- adding --------------------------------------------------------------------------------

    def add(self, source: str, *, kind: str | None = None, password: str | None = None) -> AddResult:
        """Extract a document and store it (one transaction); a no-op when it is already there."""
        known = self.current(file_sha256(source))
        if known is not None:
            return known
        from lacompare.pipeline import extract

        report = extract(source, kind=kind, password=password)
        return self.store(report, source=source)

    def current(self, sha256: str) -> AddResult | None:
        """The no-op result when these bytes are stored by this extractor version, else None."""
        known = self.entry(sha256)
        if known is not None and known.extractor_version == EXTRACTOR_VERSION:
            return AddResult(UNCHANGED, known)
        return None

    def store(self, report: Report, *, source: str | None = None) -> AddResult:
        """Store an extracted report, replacing an older extraction of the same bytes."""
        from lacompare.catalogue.authorities import find

        council = find(report.local_authority)
        gss_code = council.gss_code if council else None
        return self._writing(lambda: self._store(report, source or report.document, gss_code))

    def _store(self, report: Report, source: str, gss_code: str | None) -> AddResult:
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT id, extractor_version FROM documents WHERE sha256 = ?", (report.sha256,)
            ).fetchone()
            if row is not None and row[1] == EXTRACTOR_VERSION:
                status = UNCHANGED  # another process added it meanwhile
            else:
                if row is not None:
                    conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))
                self._insert(conn, report, source, gss_code)
                status = UPDATED if row is not None else ADDED
        entry = self.entry(report.sha256)
        assert entry is not None
        return AddResult(status, entry)

    @staticmethod
    def _insert(conn: sqlite3.Connection, report: Report, source: str, gss_code: str | None) -> None:
        added_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        cursor = conn.execute(
            "INSERT INTO documents (sha256, source, kind, local_authority, gss_code, published, pages, notes,"
            " extractor_version, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.sha256,
                source,
                report.kind,
                report.local_authority,
                gss_code,
                report.published,
                report.pages,
                json.dumps(list(report.notes)),
                EXTRACTOR_VERSION,
                added_at,
            ),
        )
        document_id = cursor.lastrowid
        assert document_id is not None
        insert_measures(conn, document_id, report, gss_code)
        conn.executemany(
            "INSERT INTO facts (document_id, seq, fact, metric_id, page, data) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (document_id, seq, fact.kind, _first_metric_id(fact), fact.page, json.dumps(fact.to_dict()))
                for seq, fact in enumerate(report.facts)
            ],
        )

    # -- reading -------------------------------------------------------------------------------

    _ENTRY_SQL = (
        "SELECT d.sha256, d.source, d.kind, d.local_authority, d.gss_code, d.published, d.pages,"
        " (SELECT count(*) FROM facts f WHERE f.document_id = d.id), d.extractor_version, d.added_at"
        " FROM documents d"
    )

    def entries(self) -> list[Entry]:
        newest = sorted((Entry(*r) for r in self._query(self._ENTRY_SQL)), key=_recency, reverse=True)
        return sorted(newest, key=lambda e: e.council.casefold())

    def entry(self, sha256: str) -> Entry | None:
        rows = self._query(self._ENTRY_SQL + " WHERE d.sha256 = ?", (sha256,))
        return Entry(*rows[0]) if rows else None

    def find(self, prefix: str) -> list[Entry]:
        """Documents whose SHA-256 starts with ``prefix`` (at least 6 hex digits)."""
        clean = prefix.strip().lower()
        if not 6 <= len(clean) <= 64 or any(c not in "0123456789abcdef" for c in clean):
            return []
        return [Entry(*r) for r in self._query(self._ENTRY_SQL + " WHERE d.sha256 LIKE ?", (clean + "%",))]

    def council_entries(self, gss_code: str, *, kind: str | None = None, as_of: str | None = None) -> list[Entry]:
        """A council's documents, newest first; with ``as_of``, only those published by then."""
        found = [e for e in self.entries() if e.gss_code == gss_code and (kind is None or e.kind == kind)]
        if as_of is not None:
            found = [e for e in found if e.published is not None and e.published <= as_of]
        return sorted(found, key=_recency, reverse=True)

    def latest(self, gss_code: str, *, kind: str = CQC_ASSESSMENT, as_of: str | None = None) -> Report | None:
        found = self.council_entries(gss_code, kind=kind, as_of=as_of)
        return self.report(found[0].sha256) if found else None

    def latest_reports(self, *, kind: str = CQC_ASSESSMENT, as_of: str | None = None) -> list[Report]:
        """The newest report of each council in the library."""
        codes = sorted({e.gss_code for e in self.entries() if e.gss_code and e.kind == kind})
        return [r for code in codes if (r := self.latest(code, kind=kind, as_of=as_of)) is not None]

    def report(self, sha256: str) -> Report:
        """Rebuild a stored document's Report, facts in their stored order."""
        head = self._query(
            "SELECT id, source, kind, local_authority, published, pages, notes FROM documents WHERE sha256 = ?",
            (sha256,),
        )
        if not head:
            raise StoreError(f"no document {sha256[:12]} in the library", source=str(self.path))
        doc_id, source, kind, local_authority, published, pages, notes = head[0]
        facts = self._query("SELECT data FROM facts WHERE document_id = ? ORDER BY seq", (doc_id,))
        return Report(
            document=source,
            kind=kind,
            local_authority=local_authority,
            published=published,
            pages=pages,
            sha256=sha256,
            facts=tuple(fact_from_dict(json.loads(data)) for (data,) in facts),
            notes=tuple(json.loads(notes)),
        )

    def side(self, council: str, *, as_of: str | None = None, kinds: Sequence[str] | None = None) -> Side:
        """A council's picture as a diff column: its newest assessment's pages and the newest
        document of each other kind (see :mod:`lacompare.library.pictures`). Raises NotInLibrary."""
        from lacompare.library.views import council_side

        return council_side(self, council, as_of=as_of, kinds=kinds)

    def sides(
        self,
        *,
        as_of: str | None = None,
        kinds: Sequence[str] | None = None,
        region: str | None = None,
        metric_id: str | None = None,
        quotes: bool = True,
    ) -> list[Side]:
        """Every council's side, by name; ``metric_id`` reads only that measure's values (for ``rank``);
        ``quotes=False`` leaves quotes and labels out (for a grid of values)."""
        from lacompare.library.views import sides

        return sides(self, as_of=as_of, kinds=kinds, region=region, metric_id=metric_id, quotes=quotes)

    def metrics(self, words: str | None = None) -> list[LibraryMetric]:
        """Every measure id the library holds, with how many councils state it (``lacompare metrics``)."""
        from lacompare.library.views import library_metrics

        return library_metrics(self, words)

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only SQL query over the library's tables and views (``measures``, ``tidy``…)."""
        return self._query(sql, params)

    def info(self, *, check: bool = True) -> LibraryInfo:
        """The library's path, size, schema version and counts (:class:`lacompare.library.info.LibraryInfo`);
        with ``check``, SQLite's ``quick_check`` of every page (``LibraryInfo.damage``)."""
        from lacompare.library.info import library_info

        damage = self.damage() if check else ()
        return library_info(self.path, self._user_version(), self.entries(), damage)

    def damage(self, most: int = 10) -> tuple[str, ...]:
        """What SQLite's ``quick_check`` finds wrong with the library file (at most ``most``
        findings; none for a sound library). A check that cannot run says why."""
        try:
            rows = retrying(lambda: self._conn.execute(f"PRAGMA quick_check({most})").fetchall())
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):
                raise store_error(exc, self.path) from None
            return (str(exc),)
        found = tuple(str(r[0]) for r in rows if not str(r[0]).startswith("*** in database"))
        return () if found == ("ok",) else found

    # -- removing ------------------------------------------------------------------------------

    def remove(self, sha256s: Sequence[str]) -> int:
        """Delete documents (and their facts); returns how many were removed."""

        def run() -> int:
            with self._transaction() as conn:
                return sum(conn.execute("DELETE FROM documents WHERE sha256 = ?", (s,)).rowcount for s in sha256s)

        return self._writing(run)

    def _writing(self, action: Callable[[], T]) -> T:
        """Run one write transaction: retried while busy; a full disk or a read-only library is one clear error."""
        try:
            return retrying(action)
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from None

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        def run() -> list[tuple[Any, ...]]:
            return list(self._conn.execute(sql, params).fetchall())

        try:
            return retrying(run)
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from None


def _recency(entry: Entry) -> tuple[bool, str, int, str]:
    """Sort key, newest last: dated after undated, then by date published, facts, time added."""
    return (entry.published is not None, entry.published or "", entry.facts, entry.added_at)


def _first_metric_id(fact: Fact) -> str | None:
    measures = fact.measures()
    return measures[0].metric_id if measures else None
