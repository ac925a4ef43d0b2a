"""Arguments no council or file can have get one clear error, never an internal one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app

from .conftest import BARNET_MD

runner = CliRunner()
LONG = "a" * 300  # over the 255 bytes a file name may have


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    assert runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD)]).exit_code == 0
    return db


@pytest.mark.parametrize(
    "command",
    [["diff", LONG, "barnet"], ["show", LONG], ["remove", LONG, "--yes"], ["rank", LONG], ["diff", "barnet\x00", "x"]],
    ids=["diff", "show", "remove", "rank", "nul"],
)
def test_an_impossible_name_is_a_clear_error(library: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(library)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and "internal error" not in result.stderr


@pytest.mark.parametrize(
    "command", [["list"], ["show", "barnet"], ["diff", "barnet", "camden"], ["rank", "qs.safeguarding"], ["table"]]
)
@pytest.mark.parametrize("where", ["after", "before"])
def test_a_mistyped_db_is_an_error_not_an_empty_library(tmp_path: Path, command: list[str], where: str) -> None:
    db = ["--db", str(tmp_path / "libary.sqlite3")]
    result = runner.invoke(app, [*command, *db] if where == "after" else [*db, *command])
    assert result.exit_code == 1
    assert "no library here" in result.stderr and not (tmp_path / "libary.sqlite3").exists()
