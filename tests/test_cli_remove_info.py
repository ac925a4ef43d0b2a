"""`lacompare remove` asks before deleting; `lacompare info` says which library is in use and what it holds."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.library.store import SCHEMA_VERSION, Library

from .conftest import BARNET_MD, CAMDEN_TXT, QS_TXT

runner = CliRunner()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A real library: Barnet's assessment and one of its theme pages, and Camden's assessment."""
    db = tmp_path / "library.sqlite3"
    result = runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(QS_TXT), str(CAMDEN_TXT)])
    assert result.exit_code == 0, result.output
    return db


def invoke(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def listed(db: Path) -> list[dict[str, str]]:
    code, out, _ = invoke(db, "list", "--format", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(out)))


def test_remove_without_yes_off_a_terminal_refuses_and_deletes_nothing(library: Path) -> None:
    before = listed(library)
    code, out, stderr = invoke(library, "remove", "camden", stdin="y\n")
    assert code == 1 and out == ""
    assert stderr.count("\n") == 1 and stderr.startswith("Error: ") and "--yes" in stderr
    assert listed(library) == before


def test_remove_dry_run_lists_the_documents_and_deletes_nothing(library: Path) -> None:
    before = listed(library)
    code, out, _ = invoke(library, "remove", "barnet", "--dry-run")
    assert code == 0
    assert out.startswith("Would remove 2 document(s):")
    assert str(BARNET_MD) in out and str(QS_TXT) in out and "cqc_assessment" in out and "57 facts" in out
    assert listed(library) == before
    assert invoke(library, "remove", "-n", "camden", "-y")[0] == 0  # --dry-run wins over --yes
    assert listed(library) == before


@pytest.mark.parametrize("flag", ["--yes", "-y"])
def test_remove_yes_deletes(library: Path, flag: str) -> None:
    code, _, stderr = invoke(library, "remove", "barnet", flag)
    assert code == 0 and "2 document(s) removed" in stderr
    assert [r["council"] for r in listed(library)] == ["Camden"]


@pytest.mark.parametrize("junk", ['barnet"; --', "barnet;", "barnet' OR 1=1"])
def test_remove_refuses_a_name_with_junk_around_it(library: Path, junk: str) -> None:
    before = listed(library)
    code, _, stderr = invoke(library, "remove", junk, "--yes")
    assert code == 1 and "is not a council name" in stderr
    assert listed(library) == before


def test_remove_on_a_terminal_asks_with_no_as_the_default(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lacompare.cli.library.stdin_is_terminal", lambda: True)
    before = listed(library)
    code, _, stderr = invoke(library, "remove", "camden", stdin="\n")
    assert code == 1 and "Nothing removed" in stderr
    assert str(CAMDEN_TXT) in stderr and "published 2025-02-28" in stderr and "80 facts" in stderr
    assert "[y/N]" in stderr
    assert listed(library) == before
    code, _, stderr = invoke(library, "remove", "camden", stdin="y\n")
    assert code == 0 and "1 document(s) removed" in stderr
    assert {r["council"] for r in listed(library)} == {"Barnet"}


def test_info_counts_equal_lists(library: Path) -> None:
    rows = listed(library)
    code, out, _ = invoke(library, "info", "--format", "json")
    assert code == 0
    info = json.loads(out)
    assert info["path"] == str(library) and info["exists"] is True
    assert info["documents"] == len(rows) == 3
    assert info["councils"] == len({r["council"] for r in rows}) == 2
    assert info["facts"] == sum(int(r["facts"]) for r in rows)
    assert info["schema_version"] == SCHEMA_VERSION
    assert info["size_bytes"] >= library.stat().st_size > 0
    assert info["lacompare_version"] == __import__("lacompare").__version__


def test_info_table_and_the_library_api_agree(library: Path) -> None:
    with Library(library, create=False) as lib:
        summary = lib.info()
    code, out, _ = invoke(library, "info")
    assert code == 0
    assert f"library:        {library}" in out and f"facts:          {summary.facts:,}" in out
    assert (summary.documents, summary.councils) == (3, 2)
    with pytest.raises(AttributeError):
        summary.facts = 0  # type: ignore[misc]


def test_info_on_an_empty_library_says_zero(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    Library(db).close()
    code, out, _ = invoke(db, "info", "--format", "json")
    assert code == 0
    info = json.loads(out)
    assert (info["exists"], info["documents"], info["councils"], info["facts"]) == (True, 0, 0, 0)


def test_info_on_a_missing_library_is_an_error_not_an_empty_library(tmp_path: Path) -> None:
    db = tmp_path / "mistyped.sqlite3"
    code, out, stderr = invoke(db, "info")
    assert code == 1 and out == ""
    hint = "check --db / LACOMPARE_DB; `lacompare add REPORT.pdf` creates one"
    assert stderr == f"Error: {db}: no library here ({hint})\n"
    assert not db.exists()
    with Library(db, create=False) as lib:
        summary = lib.info()
    assert (summary.exists, summary.schema_version, summary.documents, summary.size_bytes) == (False, None, 0, 0)
    assert not db.exists()


def test_remove_and_info_as_a_script_runs_them(library: Path) -> None:
    env = {**os.environ, "LACOMPARE_DB": str(library), "LACOMPARE_CACHE": "off"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "lacompare", *args]
        return subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)

    refused = run("remove", "camden")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert json.loads(run("info", "-f", "json").stdout)["documents"] == 3
    assert run("remove", "camden", "--yes").returncode == 0
    assert json.loads(run("info", "-f", "json").stdout)["documents"] == 2


def _damaged_copy(library: Path, at: float, tmp_path: Path) -> Path:
    """The library with the page at ``at`` of its length overwritten (a bad sector; seeded)."""
    import random

    data = bytearray(library.read_bytes())
    start = int(len(data) * at) // 4096 * 4096
    rng = random.Random(int(at * 100))
    for i in range(start, min(len(data), start + 4096)):
        data[i] = rng.randrange(256)
    damaged = tmp_path / f"damaged-{int(at * 100)}.sqlite3"
    damaged.write_bytes(bytes(data))
    return damaged


def test_info_checks_every_page_of_a_sound_library(library: Path) -> None:
    code, out, _ = invoke(library, "info")
    assert code == 0 and "check:          ok (SQLite quick_check)" in out
    assert json.loads(invoke(library, "info", "-f", "json")[1])["check"] == "ok"


# The probe's damage: corruption in the last three quarters of the file, where no page of the
# schema or of `list`'s own query needs to be read.
@pytest.mark.parametrize("at", [0.3, 0.5, 0.75, 0.95])
def test_info_reports_damage_anywhere_with_the_recovery_step(library: Path, tmp_path: Path, at: float) -> None:
    """Bug: damage past the first quarter of a library let `info` and `list` exit 0 with no warning."""
    with sqlite3_connection(library) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file
    damaged = _damaged_copy(library, at, tmp_path)
    code, out, stderr = invoke(damaged, "info")
    assert code == 1 and "check:          DAMAGED: " in out
    (line,) = stderr.splitlines()
    assert line.startswith(f"Error: {damaged}: the library is damaged (")
    assert "`lacompare add` the reports again" in line and ".recover" in line
    for command in (["list"], ["diff", "barnet", "camden"], ["show", "camden"], ["rank", "qs.safeguarding"]):
        code, _, stderr = invoke(damaged, *command)
        assert "Traceback" not in stderr and "internal error" not in stderr
        if code:  # a command that meets a damaged page says so, with the recovery step
            assert "the library is damaged" in stderr or "or a damaged one" in stderr, (command, stderr)
            assert "`lacompare add` the reports again" in stderr


def sqlite3_connection(path: Path):  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import closing

    return closing(sqlite3.connect(path))
