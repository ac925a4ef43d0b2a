"""Opening a library file safely, and SQLite's errors as one clear line.

* A file that is not empty and not a lacompare library (another program's SQLite database, a
  schema version that cannot be ours) is refused before anything is written to it: no table is
  added and its journal mode is left alone.
* A library the user cannot write (a read-only file or folder) still opens for reading.
* A busy library is retried; a full disk, a read-only place or a damaged file is a
  :class:`~lacompare.errors.StoreError` naming the file and what to do (for a damaged one, the
  recovery step: SQLite's ``.recover``, or the reports added again).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lacompare.errors import LacompareError, StoreError

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
RETRY_FOR_SECONDS = 120.0
ELSEWHERE = "point --db / LACOMPARE_DB at another library file"


def recover_hint(path: Path) -> str:
    """What to do with a damaged library: add the reports again into a new one, or let SQLite's
    shell recover what it can into a new file (its ``.recover`` needs a build with the dbpage
    table, as sqlite.org's own shells have)."""
    new = path.with_name(f"{path.stem}-recovered{path.suffix}")
    return (
        "move it aside and `lacompare add` the reports again, or recover what it holds with"
        f" `sqlite3 '{path}' .recover | sqlite3 '{new}'` and use --db '{new}'"
    )


def connect(path: Path, *, create: bool, must_exist: bool, newest: int) -> tuple[sqlite3.Connection, bool]:
    """A connection to the library at ``path``, and whether it is read-only.

    Without ``create``, a missing file is an empty library held in memory (nothing is created),
    or, with ``must_exist``, an error. ``newest`` is the newest schema version this release knows.
    """
    if not path.exists():
        if must_exist:
            raise StoreError(
                "no library here",
                source=str(path),
                hint="check --db / LACOMPARE_DB; `lacompare add REPORT.pdf` creates one",
            )
        if not create:
            return _open(":memory:", read_only=False), False
        _make_folder(path)
    read_only = path.exists() and not create and not _writable(path)
    conn = _open(str(path), read_only=read_only)
    try:
        _check_ours(conn, path, newest)
        if not read_only:
            retrying(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    except BaseException:
        conn.close()
        raise
    return conn, read_only


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the library's folder ({exc.strerror})", source=str(path)) from None


def _writable(path: Path) -> bool:
    """Whether the library and its folder can be written (SQLite needs both for its journal)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open(target: str, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return _open_read_only(Path(target))
    try:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise store_error(exc, Path(target)) from None
    return conn


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open a library that cannot be written, for reading only.

    A library in WAL mode needs its ``-shm`` file, which SQLite cannot create in a folder it
    cannot write: there, the file is opened as immutable (no locks, no journal), which is safe
    because no writer can change it either (a writer needs that folder for its journal).
    """
    uri = path.resolve().as_uri()
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(uri + query, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=True)
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, path) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header: WAL or not
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if not _needs_immutable(exc) or "immutable" in query:
                raise store_error(exc, path) from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise store_error(exc, path) from None
    raise AssertionError("unreachable")


def _needs_immutable(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _check_ours(conn: sqlite3.Connection, path: Path, newest: int) -> None:
    """Refuse a database that is not a lacompare library, before writing anything to it."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise store_error(exc, path) from None
    if version > newest:
        raise StoreError(
            f"the library was written by a newer lacompare (schema {version}; this one knows up to {newest})",
            source=str(path),
            hint=f"upgrade lacompare, or {ELSEWHERE}",
        )
    ours = "documents" in tables and "facts" in tables
    if version < 0 or (version == 0 and tables) or (version > 0 and not ours):
        raise StoreError(
            "not a lacompare library: an SQLite database of another program, left untouched",
            source=str(path),
            hint=ELSEWHERE,
        )


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def retrying(action: Callable[[], T]) -> T:
    """Run ``action``, retrying while another process holds the write lock past the busy timeout."""
    deadline = time.monotonic() + RETRY_FOR_SECONDS
    delay = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


def store_error(exc: sqlite3.DatabaseError, path: Path) -> LacompareError:
    text = str(exc)
    lowered = text.lower()
    if "malformed" in lowered or "corrupt" in lowered:
        return StoreError(f"the library is damaged ({text})", source=str(path), hint=recover_hint(path))
    if "not a database" in lowered:
        return StoreError(
            "not a lacompare library (or a damaged one)",
            source=str(path),
            hint=f"{ELSEWHERE}; if it is your library, {recover_hint(path)}",
        )
    if "disk is full" in lowered or "disk i/o error" in lowered:
        return StoreError(
            f"could not write the library ({text}: the disk may be full); nothing was half-written",
            source=str(path),
            hint="free some space and run the command again",
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError("the library is read-only: it can be read but not changed", source=str(path),
                          hint=f"make the file and its folder writable, or {ELSEWHERE}")  # fmt: skip
    if "unable to open" in lowered:
        return StoreError(f"cannot open the library ({text})", source=str(path), hint=ELSEWHERE)
    return StoreError(f"library error: {text}", source=str(path))
