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


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["extract", str(BARNET_MD)], "--kind"),
        (["show", "barnet"], "--kind"),
        (["diff", "barnet", "camden"], "--kind"),
        (["diff", "barnet", "camden"], "--fact"),
        (["rank", "qs.safeguarding"], "--region"),
        (["table"], "--region"),
    ],
)
def test_kind_fact_and_region_are_choices_typer_checks_and_help_lists(
    library: Path, command: list[str], option: str
) -> None:
    db = [] if command[0] == "extract" else ["--db", str(library)]
    result = runner.invoke(app, [*command, option, "nonsense", *db])
    assert result.exit_code == 2 and "'nonsense' is not one of" in result.stderr
    listed = runner.invoke(app, [command[0], "--help"], env={"COLUMNS": "400"}).stdout
    choice = {"--kind": "cqc_assessment", "--fact": "indicator", "--region": "East of England"}[option]
    assert choice.casefold() in listed.casefold()


def test_a_choice_is_read_whatever_its_case(library: Path) -> None:
    result = runner.invoke(app, ["rank", "qs.safeguarding", "--region", "london", "--db", str(library), "-f", "csv"])
    assert result.exit_code == 0 and "Barnet" in result.stdout


def test_show_as_of_says_it_left_undated_documents_out(library: Path) -> None:
    from .conftest import QS_TXT

    assert runner.invoke(app, ["add", "--db", str(library), str(QS_TXT)]).exit_code == 0
    result = runner.invoke(app, ["show", "barnet", "--as-of", "2025-06-01", "--db", str(library), "-f", "csv"])
    assert result.exit_code == 0
    assert "Barnet: 1 undated document(s) left out" in result.stderr


# The probe's long names: a file name over the 255 bytes a name may have, and a 120,000-character council.
HUGE = "a" * 120_000


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["extract", str(BARNET_MD), "-o", f"{LONG}.csv"], "--output"),
        (["list", "--db", f"{LONG}.sqlite3"], "--db"),
        (["--db", f"{LONG}.sqlite3", "list"], "--db"),
        (["add", "--db", f"{LONG}.sqlite3", str(BARNET_MD)], "--db"),
        (["table", "-o", f"{LONG}.xlsx"], "--output"),
        (["report", "barnet", "-o", f"{LONG}.html"], "--output"),
        (["report", "barnet", "-o", "page.html", "--charts", LONG], "--charts"),
    ],
    ids=["extract-o", "list-db", "global-db", "add-db", "table-o", "report-o", "report-charts"],
)
def test_a_file_name_too_long_names_the_option_and_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], option: str
) -> None:
    """Bug: "internal error: OSError: [Errno 36] File name too long … (please report it)"."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    (line,) = [ln for ln in result.stderr.splitlines() if "Error" in ln]
    assert f"Invalid value for {option}: a file name of " in line and "at most 255" in line
    assert list(tmp_path.iterdir()) == []


def test_a_library_path_too_long_in_the_environment_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACOMPARE_DB", str(tmp_path / f"{LONG}.sqlite3"))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: LACOMPARE_DB: a file name of 308 characters is too long")


@pytest.mark.parametrize(
    ("command", "names"),
    [
        (["diff", HUGE, "barnet"], "council name: a name of 120,000 characters"),
        (["show", HUGE], "council name: a name of 120,000 characters"),
        (["remove", HUGE, "--yes"], "council name: a name of 120,000 characters"),
        (["rank", HUGE], "METRIC: a measure of 120,000 characters"),
    ],
    ids=["diff", "show", "remove", "rank"],
)
def test_a_huge_name_is_one_short_line_naming_the_limit(tmp_path: Path, command: list[str], names: str) -> None:
    """Bug: a 120,000-character name gave "library error: LIKE or GLOB pattern too complex"."""
    from lacompare.library.store import Library

    Library(tmp_path / "library.sqlite3").close()
    result = runner.invoke(app, [*command, "--db", str(tmp_path / "library.sqlite3")])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {names}") and "(200 at most)" in line and len(line) < 300


def test_a_council_given_again_is_one_column_resolved_once(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: `diff camden` ×5,000 resolved every copy (16 ms a repeat) into 5,000 columns."""
    from lacompare.library.store import Library

    from .conftest import CAMDEN_TXT

    assert runner.invoke(app, ["add", "--db", str(library), str(CAMDEN_TXT)]).exit_code == 0
    resolved: list[str] = []
    side = Library.side
    monkeypatch.setattr(Library, "side", lambda self, name, **kw: resolved.append(name) or side(self, name, **kw))
    args = ["camden"] * 2_000 + ["barnet", "Camden", "E09000007", " camden "]
    result = runner.invoke(app, ["diff", *args, "--db", str(library), "--wide", "-f", "csv"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split(",")
    assert header.index("Camden") < header.index("Barnet") and header.count("Camden") == 1
    assert sorted(resolved) == ["Camden", "E09000007", "barnet", "camden"]
    assert "Note: 2,002 repeated council(s) or file(s) left out: each is one column" in result.stderr
    alone = runner.invoke(app, ["diff", "camden", "Camden", "--db", str(library), "--wide", "-f", "csv"])
    assert alone.exit_code == 0 and alone.stdout.splitlines()[0].split(",").count("Camden") == 1
