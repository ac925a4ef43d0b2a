"""CSV safety: a quote a council wrote as ``=…`` must not run as a spreadsheet formula.

``--safe-csv`` puts ``'`` before cells starting with ``=``, ``+``, ``-`` or ``@`` (and tab or
carriage return); numbers such as ``-2.5`` are left alone, and every other cell, commas and
double quotes included, is written exactly. It is on by default when CSV or TSV is written to a
file, with ``-o`` or by redirecting stdout (``> facts.csv``: the file is likely to be opened in a
spreadsheet), and off on a pipe or a terminal (another program wants the text as it is).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.render import Format, defuse, read_tsv, write_rows

runner = CliRunner()

FORMULA = "=1+2 In Barnet, 46.41% of people who use services felt safe, lower than the England average of 58.77%."
AT_SIGN = '@SUM(A1) in Barnet, "safe, mostly": 50.5% of carers felt safe, higher than the England average of 36.3%.'
PLAIN = "In Barnet, 40.2% of people who use services felt they had choice, lower than the England average of 70.1%."


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ('=HYPERLINK("http://example.com","x")', '\'=HYPERLINK("http://example.com","x")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("-2.5", "-2.5"),
        ("+3", "+3"),
        ("46.41", "46.41"),
        ("In Barnet, 46.41%", "In Barnet, 46.41%"),
        ('He said "safe, mostly"', 'He said "safe, mostly"'),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_defuse(cell: str, written: str) -> None:
    assert defuse(cell) == written


@pytest.mark.parametrize("fmt", [Format.csv, Format.tsv])
@pytest.mark.parametrize("safe", [True, False])
def test_cells_read_back_exactly_apart_from_the_prefix(fmt: Format, safe: bool) -> None:
    quotes = [FORMULA, AT_SIGN, PLAIN, 'two\nlines, "quoted"\tand tabbed', "-3", "- a dash list item"]
    stream = io.StringIO()
    write_rows([{"quote": q} for q in quotes], fmt, stream, columns=("quote",), safe_csv=safe)
    text = stream.getvalue()
    table = list(csv.reader(io.StringIO(text))) if fmt is Format.csv else read_tsv(text)
    cells = [row[0] for row in table][1:]
    expected = [defuse(q) for q in quotes] if safe else quotes
    assert cells == expected


@pytest.fixture()
def report_text(tmp_path: Path) -> Path:
    path = tmp_path / "injected.txt"
    path.write_text(f"{FORMULA}\n\n{AT_SIGN}\n\n{PLAIN}\n", encoding="utf-8")
    return path


def quotes_of(text: str) -> list[str]:
    return [row["quote"] for row in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize(
    ("options", "safe"),
    [
        ([], True),
        (["--safe-csv"], True),
        (["--no-safe-csv"], False),
    ],
)
def test_a_csv_file_written_with_o_is_safe_unless_asked_not_to_be(
    report_text: Path, tmp_path: Path, options: list[str], safe: bool
) -> None:
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["extract", str(report_text), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    quotes = quotes_of(out.read_text(encoding="utf-8"))
    assert quotes == ([f"'{FORMULA}", f"'{AT_SIGN}", PLAIN] if safe else [FORMULA, AT_SIGN, PLAIN])


@pytest.mark.parametrize(("options", "safe"), [([], False), (["--safe-csv"], True)])
def test_csv_on_stdout_is_exact_unless_asked(report_text: Path, options: list[str], safe: bool) -> None:
    result = runner.invoke(app, ["extract", str(report_text), "--format", "csv", *options])
    assert result.exit_code == 0, result.output
    quotes = quotes_of(result.stdout)
    assert quotes == ([f"'{FORMULA}", f"'{AT_SIGN}", PLAIN] if safe else [FORMULA, AT_SIGN, PLAIN])


def test_json_is_never_prefixed(report_text: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    result = runner.invoke(app, ["extract", str(report_text), "-o", str(out), "--safe-csv"])
    assert result.exit_code == 0, result.output
    assert FORMULA in out.read_text(encoding="utf-8") and f"'{FORMULA}" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("options", "safe"), [([], True), (["--no-safe-csv"], False)])
def test_stdout_redirected_to_a_file_is_safe_as_o_is(
    report_text: Path, tmp_path: Path, options: list[str], safe: bool
) -> None:
    """The README's own `> facts.csv` lands in a file a spreadsheet opens: it gets -o's default."""
    import subprocess
    import sys

    out = tmp_path / "facts.csv"
    command = [sys.executable, "-m", "lacompare", "extract", str(report_text), "-f", "csv", *options]
    with out.open("wb") as stdout:
        assert subprocess.run(command, stdout=stdout, stderr=subprocess.DEVNULL, check=False).returncode == 0
    piped = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    quotes = quotes_of(out.read_text(encoding="utf-8"))
    assert quotes == ([f"'{FORMULA}", f"'{AT_SIGN}", PLAIN] if safe else [FORMULA, AT_SIGN, PLAIN])
    assert quotes_of(piped) == [FORMULA, AT_SIGN, PLAIN]  # a pipe always gets the raw text
