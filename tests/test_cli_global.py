"""Global options (`lacompare --db PATH -q -v --debug COMMAND`) and how a command ends on a bug."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app, settings
from lacompare.library.store import Library

from .conftest import BARNET_MD, CAMDEN_TXT, QS_TXT

runner = CliRunner()


def councils(stdout: str) -> list[str]:
    return [row["council"] for row in csv.DictReader(io.StringIO(stdout))]


@pytest.fixture
def two_libraries(tmp_path: Path) -> tuple[Path, Path]:
    """A library holding Barnet and another holding Camden."""
    barnet, camden = tmp_path / "barnet.db", tmp_path / "camden.db"
    assert runner.invoke(app, ["add", "--db", str(barnet), str(BARNET_MD)]).exit_code == 0
    assert runner.invoke(app, ["add", "--db", str(camden), str(CAMDEN_TXT)]).exit_code == 0
    return barnet, camden


def test_db_goes_before_or_after_the_command(two_libraries: tuple[Path, Path]) -> None:
    barnet, _ = two_libraries
    before = runner.invoke(app, ["--db", str(barnet), "list", "-f", "csv"])
    after = runner.invoke(app, ["list", "--db", str(barnet), "-f", "csv"])
    assert before.exit_code == after.exit_code == 0, before.output
    assert councils(before.stdout) == councils(after.stdout) == ["Barnet"]


def test_the_commands_own_db_wins_over_the_global_one(two_libraries: tuple[Path, Path]) -> None:
    barnet, camden = two_libraries
    result = runner.invoke(app, ["--db", str(barnet), "list", "--db", str(camden), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert councils(result.stdout) == ["Camden"]


def test_global_db_reaches_add_show_and_info(tmp_path: Path) -> None:
    db = tmp_path / "global.db"
    assert runner.invoke(app, ["--db", str(db), "add", str(QS_TXT)]).exit_code == 0
    shown = runner.invoke(app, ["--db", str(db), "show", "barnet", "-f", "csv"])
    assert shown.exit_code == 0 and "qs.safeguarding" in shown.stdout
    info = runner.invoke(app, ["--db", str(db), "info", "-f", "json"])
    assert info.exit_code == 0 and str(db) in info.stdout


def test_global_quiet_silences_progress_but_never_errors(tmp_path: Path) -> None:
    added = runner.invoke(app, ["-q", "add", "--db", str(tmp_path / "q.db"), str(QS_TXT)])
    assert added.exit_code == 0 and added.stderr == ""
    Library(tmp_path / "empty.db").close()
    empty = runner.invoke(app, ["-q", "list", "--db", str(tmp_path / "empty.db")])
    assert empty.exit_code == 0 and empty.stderr == ""
    failed = runner.invoke(app, ["-q", "extract", str(tmp_path / "missing.pdf")])
    assert failed.exit_code == 1
    assert failed.stderr == f"Error: {tmp_path / 'missing.pdf'}: no such file (check the path)\n"


def test_verbose_prints_each_files_kind_pages_facts_rows_and_time() -> None:
    first = runner.invoke(app, ["-v", "extract", str(QS_TXT), "-f", "csv"])
    assert first.exit_code == 0, first.output
    line = next(line for line in first.stderr.splitlines() if line.startswith(f"{QS_TXT}: "))
    assert line.startswith(f"{QS_TXT}: cqc_assessment, 1 page, 7 facts, 9 rows, ") and line.endswith(" s")
    again = runner.invoke(app, ["-v", "extract", str(QS_TXT), "-f", "csv"])
    assert f"{QS_TXT}: cqc_assessment, 1 page, 7 facts, 9 rows, from the cache" in again.stderr
    assert runner.invoke(app, ["extract", str(QS_TXT), "-f", "csv"]).stderr == ""


def test_verbose_names_the_library_in_use(tmp_path: Path) -> None:
    result = runner.invoke(app, ["-v", "list", "--db", str(tmp_path / "v.db")])
    assert f"Library: {tmp_path / 'v.db'}" in result.stderr


def test_settings_are_back_to_the_defaults_after_a_command(tmp_path: Path) -> None:
    runner.invoke(app, ["--db", str(tmp_path / "x.db"), "-q", "-v", "--debug", "list"])
    assert (settings().db, settings().quiet, settings().verbose, settings().debug) == (None, False, False, False)


def _boom(*_: object, **__: object) -> object:
    raise RuntimeError("boom\nsecond line")


def test_a_bug_in_a_command_is_one_error_line_without_debug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("lacompare.render.library_rows.list_records", _boom)
    Library(tmp_path / "lib.db").close()
    result = runner.invoke(app, ["list", "--db", str(tmp_path / "lib.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: internal error: RuntimeError: boom second line (please report it; run with --debug for the traceback)\n"
    )


def test_debug_prints_the_traceback_then_the_error_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("lacompare.render.library_rows.list_records", _boom)
    Library(tmp_path / "lib.db").close()
    result = runner.invoke(app, ["--debug", "list", "--db", str(tmp_path / "lib.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert "in _boom" in result.stderr and "RuntimeError: boom" in result.stderr
    assert result.stderr.splitlines()[-1] == "Error: internal error: RuntimeError: boom second line (please report it)"


@pytest.mark.parametrize("jobs", [["-j", "1", "--timeout", "0", "--memory-limit", "0"], ["-j", "2"]])
def test_a_bug_while_parsing_costs_one_file_and_debug_shows_where(
    monkeypatch: pytest.MonkeyPatch, jobs: list[str]
) -> None:
    import lacompare.pipeline

    real = lacompare.pipeline.extract_bytes

    def fails_on_camden(data: bytes, name: str, **options: object) -> object:
        if "camden" in name:
            raise TypeError("no parser for this")
        return real(data, name, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(lacompare.pipeline, "extract_bytes", fails_on_camden)
    args = ["extract", str(QS_TXT), str(CAMDEN_TXT), "-f", "csv", "--no-cache", *jobs]
    plain = runner.invoke(app, args)
    assert plain.exit_code == 1
    assert plain.stderr == (
        f"Error: {CAMDEN_TXT}: internal error while parsing (TypeError: no parser for this) "
        "(please report this with the file; run with --debug for the traceback)\n"
    )
    assert {row["document"] for row in csv.DictReader(io.StringIO(plain.stdout))} == {str(QS_TXT)}
    debug = runner.invoke(app, ["--debug", *args])
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert "in fails_on_camden" in debug.stderr
    assert debug.stderr.splitlines()[-1].endswith("(please report this with the file)")
