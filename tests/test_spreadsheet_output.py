"""Files for spreadsheets: linear TSV, real .xlsx workbooks, and -o suffixes that are not guessed."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.render import Format, read_tsv, write_rows
from lacompare.render.rows import cell

from .conftest import BARNET_MD, CAMDEN_TXT, QS_TXT
from .test_safe_csv import AT_SIGN, FORMULA

openpyxl = pytest.importorskip("openpyxl")

runner = CliRunner()

TRICKY = 'He said "safe,\tmostly"\nthen left.\r\nC:\\care\\plan'


def test_tsv_escapes_backslash_tab_newline_and_carriage_return() -> None:
    stream = io.StringIO()
    write_rows([{"quote": TRICKY, "value": 3}], Format.tsv, stream, columns=("value", "quote"))
    assert stream.getvalue() == 'value\tquote\n3\tHe said "safe,\\tmostly"\\nthen left.\\r\\nC:\\\\care\\\\plan\n'


def test_tsv_round_trips_a_quote_holding_a_tab_and_a_newline() -> None:
    rows = [{"metric": "a\tb", "quote": TRICKY}, {"metric": "", "quote": "\\n is not a newline"}]
    stream = io.StringIO()
    write_rows(rows, Format.tsv, stream, columns=("metric", "quote"))
    lines = stream.getvalue().split("\n")
    assert len(lines) == 4 and lines[-1] == ""  # header, two rows, final line end: one line per row
    assert read_tsv(stream.getvalue()) == [["metric", "quote"], *[[r["metric"], r["quote"]] for r in rows]]


def sheet_values(path: Path) -> tuple[Any, list[list[Any]]]:
    sheet = openpyxl.load_workbook(path, read_only=False).active
    return sheet, [["" if c.value is None else c.value for c in row] for row in sheet.iter_rows()]


def as_csv_cell(value: Any) -> str:
    return value if isinstance(value, str) else cell(value)


def test_extract_xlsx_holds_the_csv_rows_numbers_as_numbers_and_a_frozen_header(tmp_path: Path) -> None:
    book, table = tmp_path / "facts.xlsx", tmp_path / "facts.csv"
    for target in (book, table):
        result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(target), "--no-safe-csv"])
        assert result.exit_code == 0, result.output
    sheet, cells = sheet_values(book)
    expected = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [[as_csv_cell(v) for v in row] for row in cells] == expected
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    header = cells[0]
    values = [row[header.index("value")] for row in cells[1:]]
    pages = [row[header.index("page")] for row in cells[1:]]
    assert values and all(isinstance(v, int | float) for v in values)
    assert all(isinstance(p, int) for p in pages)
    assert all(isinstance(row[header.index("quote")], str) for row in cells[1:])


def test_xlsx_writes_formula_like_quotes_as_text(tmp_path: Path) -> None:
    report = tmp_path / "injected.txt"
    report.write_text(f"{FORMULA}\n\n{AT_SIGN}\n", encoding="utf-8")
    book = tmp_path / "facts.xlsx"
    result = runner.invoke(app, ["extract", str(report), "-o", str(book), "--safe-csv"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(book) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    _, cells = sheet_values(book)
    quotes = [row[cells[0].index("quote")] for row in cells[1:]]
    assert quotes == [FORMULA, AT_SIGN]  # the text exactly: a string cell needs no ' in front


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    result = runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(CAMDEN_TXT)])
    assert result.exit_code == 0, result.output
    return db


LIBRARY_COMMANDS = [
    ["list"],
    ["show", "barnet"],
    ["diff", "barnet", "camden"],
    ["diff", "barnet", "camden", "--wide"],
    ["rank", "vacancy"],
    ["metrics"],
    ["metrics", "--catalogue"],
    ["table"],
    ["diff", "--all"],
]


def with_db(command: list[str], db: Path) -> list[str]:
    return command if command[0] == "extract" or "--catalogue" in command else [*command, "--db", str(db)]


@pytest.mark.parametrize("command", LIBRARY_COMMANDS, ids=" ".join)
def test_every_command_with_o_writes_the_same_cells_to_xlsx_as_to_csv(
    library: Path, tmp_path: Path, command: list[str]
) -> None:
    book, table = tmp_path / "out.xlsx", tmp_path / "out.csv"
    for target in (book, table):
        result = runner.invoke(app, [*with_db(command, library), "-o", str(target)])
        assert result.exit_code == 0, result.output
    _, cells = sheet_values(book)
    expected = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert len(expected) > 1
    assert [[as_csv_cell(v) for v in row] for row in cells] == expected


@pytest.mark.parametrize("command", [["extract", str(QS_TXT)], *LIBRARY_COMMANDS], ids=lambda c: " ".join(c[:3]))
@pytest.mark.parametrize("name", ["out.txt", "out.xls", "out"])
def test_an_unknown_o_suffix_is_a_usage_error(library: Path, tmp_path: Path, command: list[str], name: str) -> None:
    target = tmp_path / name
    result = runner.invoke(app, [*with_db(command, library), "-o", str(target)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and ".csv, .tsv, .json, .jsonl, .xlsx" in errors[0] and name in errors[0]
    assert not target.exists()


def test_format_says_what_to_write_whatever_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "facts.txt"
    result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(target), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert read_tsv(target.read_text(encoding="utf-8"))[0][:2] == ["document", "local_authority"]


def test_the_installed_command_writes_an_xlsx(tmp_path: Path) -> None:
    book = tmp_path / "facts.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "lacompare", "extract", str(QS_TXT), "-o", str(book), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    _, cells = sheet_values(book)
    assert cells[0][0] == "document" and any("qs.safeguarding" in row for row in cells)
    refused = subprocess.run(
        [sys.executable, "-m", "lacompare", "extract", str(QS_TXT), "-o", str(tmp_path / "facts.ods")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2 and "unknown suffix .ods" in refused.stderr


@pytest.mark.parametrize("command", [["diff", "barnet", "camden"], ["rank", "vacancy"], ["list"]])
def test_comparing_commands_defuse_formulas_in_o_files_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(BARNET_MD, tmp_path / "=HYPERLINK.md")  # a document whose name a spreadsheet would run
    db = tmp_path / "lib.sqlite3"
    assert runner.invoke(app, ["add", "--db", str(db), "=HYPERLINK.md", str(CAMDEN_TXT)]).exit_code == 0
    for flag, expected in (([], "'=HYPERLINK.md"), (["--no-safe-csv"], "=HYPERLINK.md")):
        target = tmp_path / f"out{len(flag)}.csv"
        result = runner.invoke(app, [*command, "--db", str(db), *flag, "-o", str(target)])
        assert result.exit_code == 0, result.output
        cells = {c for row in csv.reader(io.StringIO(target.read_text(encoding="utf-8"))) for c in row}
        assert expected in cells
