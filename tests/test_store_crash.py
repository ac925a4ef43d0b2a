"""A crash in the middle of an add leaves the library as it was before that add.

A process adding to the library is killed with SIGKILL (no clean-up of any kind runs): inside
the transaction after every row is written but before COMMIT, at random moments while a large
report's facts are written, and at random moments of a real ``lacompare add`` of several files.
Afterwards the library opens, ``PRAGMA integrity_check`` says ``ok``, and every document in it
is complete: the documents before the add, plus whole documents only.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lacompare.library.store import Library
from lacompare.pipeline import extract

from .conftest import BARNET_MD, CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, QS_TXT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

Contents = dict[str, int]  # sha256 -> facts stored


def contents(db: Path) -> Contents:
    """Check the file is sound, then say what is in it."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with Library(db) as library:
        return {e.sha256: e.facts for e in library.entries()}


def child(script: str, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "LACOMPARE_DB": str(db), "LACOMPARE_CACHE": "off"}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture()
def library_with_one_report(tmp_path: Path) -> tuple[Path, Contents]:
    db = tmp_path / "library.sqlite3"
    with Library(db) as library:
        library.store(extract(QS_TXT))
    before = contents(db)
    assert len(before) == 1 and next(iter(before.values())) > 0
    return db, before


def test_killed_after_writing_every_row_but_before_commit(library_with_one_report: tuple[Path, Contents]) -> None:
    db, before = library_with_one_report
    process = child(
        f"""
        import sys, time
        from lacompare.library.store import Library

        write_rows = Library._insert

        def write_rows_then_hang(conn, *args):
            write_rows(conn, *args)
            print("rows written", flush=True)
            time.sleep(600)

        Library._insert = staticmethod(write_rows_then_hang)
        with Library({str(db)!r}) as library:
            library.add({str(CAMDEN_TXT)!r})
        """,
        db,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "rows written\n", process.stderr.read() if process.stderr else ""
    kill(process)
    assert contents(db) == before


def test_the_add_succeeds_after_a_killed_one(library_with_one_report: tuple[Path, Contents]) -> None:
    db, before = library_with_one_report
    process = child(
        f"""
        import time
        from lacompare.library.store import Library

        Library._insert = staticmethod(lambda *args: (print("inside", flush=True), time.sleep(600)))
        with Library({str(db)!r}) as library:
            library.add({str(CAMDEN_TXT)!r})
        """,
        db,
    )
    assert process.stdout is not None and process.stdout.readline() == "inside\n"
    kill(process)
    with Library(db) as library:
        result = library.add(str(CAMDEN_TXT))
    after = contents(db)
    assert result.status == "added"
    assert after == {**before, result.entry.sha256: len(extract(CAMDEN_TXT).facts)}


@pytest.mark.parametrize("seed", range(4))
def test_killed_at_a_random_moment_while_writing_a_large_report(
    library_with_one_report: tuple[Path, Contents], seed: int
) -> None:
    db, before = library_with_one_report
    process = child(
        f"""
        import dataclasses
        from lacompare.pipeline import extract
        from lacompare.library.store import Library

        report = extract({str(BARNET_MD)!r})
        many = report.facts * (60_000 // len(report.facts) + 1)
        report = dataclasses.replace(report, facts=many, sha256="f" * 64)
        print(len(many), flush=True)
        with Library({str(db)!r}) as library:
            library.store(report)
        print("stored", flush=True)
        """,
        db,
    )
    assert process.stdout is not None
    facts = int(process.stdout.readline())
    time.sleep(random.Random(seed).uniform(0.0, 1.5))
    kill(process)
    after = contents(db)
    assert after in (before, {**before, "f" * 64: facts})


def assert_no_process_outlives_its_parent(marker: str) -> None:
    """Bug: the killed command's parse worker waited for work forever (its pipe never closed)."""
    deadline = time.monotonic() + 5
    while running_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running_with(marker) == []


def running_with(marker: str) -> list[int]:
    """Live (not zombie) processes whose command line mentions ``marker``."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(proc.name))
    return found


@pytest.mark.parametrize("seed", range(4))
def test_a_killed_add_command_leaves_only_whole_documents(tmp_path: Path, seed: int) -> None:
    files = [str(p) for p in (QS_TXT, CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, BARNET_MD)]
    complete = {}
    for path in files:
        report = extract(path)
        complete[report.sha256] = len(report.facts)
    db = tmp_path / "library.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "lacompare", "add", "--db", str(db), "--jobs", "1", "--no-cache", *files],
        env={**os.environ, "LACOMPARE_CACHE": "off"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(random.Random(seed).uniform(0.3, 2.5))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert_no_process_outlives_its_parent(str(db))
    if not db.exists():
        return  # killed before the library was created: nothing to check
    after = contents(db)
    assert after.items() <= complete.items()
