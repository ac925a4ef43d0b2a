"""Opening a library: nothing is written to a file that is not ours, a read-only library still
reads, a mistyped path is an error when asked, and SQLite's failures are one clear line."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from lacompare.errors import StoreError
from lacompare.library.connection import store_error
from lacompare.library.store import SCHEMA_VERSION, Library

from .conftest import BARNET_MD


def foreign_database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    return path


def tables_and_journal(path: Path) -> tuple[set[str], str]:
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return tables, conn.execute("PRAGMA journal_mode").fetchone()[0]


@pytest.mark.parametrize("create", [True, False])
def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path, create: bool) -> None:
    path = foreign_database(tmp_path / "accounts.sqlite3")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a lacompare library"):
        Library(path, create=create)
    assert path.read_bytes() == before
    assert tables_and_journal(path) == ({"invoices"}, "delete")


@pytest.mark.parametrize("version", [-1, 7])
def test_a_schema_version_that_cannot_be_ours_is_refused_plainly(tmp_path: Path, version: int) -> None:
    path = tmp_path / "odd.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("CREATE TABLE documents (id INTEGER)")
    with pytest.raises(StoreError) as caught:
        Library(path)
    assert "already exists" not in str(caught.value)
    assert ("newer lacompare" if version > SCHEMA_VERSION else "not a lacompare library") in str(caught.value)


def test_an_empty_file_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    path.touch()
    with Library(path) as library:
        assert library.entries() == []
    assert "documents" in tables_and_journal(path)[0]


def test_a_mistyped_path_is_an_error_when_the_library_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no library here"):
        Library(tmp_path / "libary.sqlite3", create=False, must_exist=True)
    assert not (tmp_path / "libary.sqlite3").exists()


def test_a_library_that_cannot_be_written_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as library:
        library.add(str(BARNET_MD))
    monkeypatch.setattr("lacompare.library.connection._writable", lambda _: False)
    with Library(path, create=False) as library:
        assert library.read_only
        assert [e.council for e in library.entries()] == ["Barnet"]
        assert library.side("barnet").values
        with pytest.raises(StoreError, match="read-only"):
            library.remove([library.entries()[0].sha256])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_file_and_folder_really_read(tmp_path: Path) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    with Library(folder / "library.sqlite3") as library:
        library.add(str(BARNET_MD))
    (folder / "library.sqlite3").chmod(0o444)
    folder.chmod(0o555)
    try:
        with Library(folder / "library.sqlite3", create=False) as library:
            assert library.read_only and len(library.entries()) == 1
    finally:
        folder.chmod(0o755)


def _without_privilege() -> list[str]:
    """A command prefix under which a chmod-ed file holds: none for a user, ``unshare -U`` for root
    (a user namespace in which root's files obey their permission bits)."""
    if os.geteuid() != 0:
        return []
    import shutil
    import subprocess

    if not shutil.which("unshare") or subprocess.run(["unshare", "-U", "true"], check=False).returncode:
        pytest.skip("root writes read-only folders, and no user namespace is available")
    return ["unshare", "-U"]


def test_every_reading_command_reads_a_library_in_a_read_only_folder(tmp_path: Path) -> None:
    """Bug: a library (in WAL mode) in a folder the user cannot write failed every reading command
    with "the library is read-only"; SQLite cannot make its shared-memory file there."""
    import subprocess
    import sys

    from .conftest import CAMDEN_TXT, QS_TXT

    folder = tmp_path / "shelf"
    folder.mkdir()
    db = folder / "library.sqlite3"
    with Library(db) as library:
        library.add(str(QS_TXT))
        library.add(str(CAMDEN_TXT))
    folder.chmod(0o555)
    prefix = _without_privilege()
    lacompare = [*prefix, sys.executable, "-m", "lacompare", "--db", str(db)]
    try:
        for command, shows in ((["list"], "Camden"), (["diff", "barnet", "camden"], "Safeguarding"), (["info"], "87")):
            run = subprocess.run([*lacompare, *command], capture_output=True, text=True, check=False)
            errors = [line for line in run.stderr.splitlines() if not line.startswith("Note:")]
            assert (run.returncode, errors) == (0, []), command
            assert shows in run.stdout
        added = subprocess.run([*lacompare, "add", str(QS_TXT)], capture_output=True, text=True, check=False)
        assert added.returncode == 1 and "read-only" in added.stderr and "Traceback" not in added.stderr
    finally:
        folder.chmod(0o755)
    assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite3"]  # nothing written beside it


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", "the disk may be full"),
        ("disk I/O error", "the disk may be full"),
        ("attempt to write a readonly database", "read-only"),
        ("file is not a database", "not a lacompare library"),
    ],
)
def test_sqlite_failures_read_as_one_clear_line(message: str, expected: str) -> None:
    error = store_error(sqlite3.OperationalError(message), Path("lib.sqlite3"))
    assert expected in error.one_line() and "lib.sqlite3" in error.one_line()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_during_add_stops_the_batch_and_says_how_many_files_were_not_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """Bug: a full disk printed the same error once per remaining file (574 times)."""
    from typer.testing import CliRunner

    from lacompare.cli import app

    from .conftest import CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, QS_TXT

    real_insert = Library._insert
    calls = []

    def insert(conn: sqlite3.Connection, report: object, source: str, gss_code: str | None) -> None:
        calls.append(source)
        if len(calls) > 1:
            raise sqlite3.OperationalError("database or disk is full")
        real_insert(conn, report, source, gss_code)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "_insert", staticmethod(insert))
    db = tmp_path / "library.sqlite3"
    files = [str(p) for p in (QS_TXT, CAMDEN_TXT, BARNET_MD, PERF_TXT, DASHBOARD_TXT)]
    result = CliRunner().invoke(app, ["add", "--db", str(db), "-j", jobs, *files])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and "the disk may be full" in errors[0] and "Traceback" not in result.stderr
    assert errors[1] == "Error: stopped at the first failed write: 4 file(s) not added"
    assert result.stderr.splitlines()[-1].startswith("1 added, 4 not added (5 files, ")
    assert len(calls) == 2  # nothing more was tried
    with Library(db, create=False) as library:
        assert [e.source for e in library.entries()] == [files[0]]
