"""Tables on a terminal fit its width: 80 columns work, one line per row by default (every column,
wrapped, with --wide), the metric name always shows.

In-process runs pretend stdout is a terminal of a fixed width; a real pseudo-terminal runs the
console script for the commands whose table only a real terminal gets.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.render.library_rows import LIST_COLUMNS
from lacompare.render.lines import FACT_LINE_COLUMNS, LIST_LINE_COLUMNS, METRIC_LINE_COLUMNS, RANK_LINE_COLUMNS
from lacompare.render.plain import write_plain_table
from lacompare.render.widths import fit_widths, printable

from .conftest import BARNET_MD, CAMDEN_TXT, QS_TXT

runner = CliRunner()
FACT_HEADERS = ("fact", "metric", "value", "benchmark", "source", "p.", "quote")
WIDTHS = (80, 120)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    assert runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(QS_TXT), str(CAMDEN_TXT)]).exit_code == 0
    return db


def on_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", str(width))


def assert_fits(text: str, width: int, headers: tuple[str, ...] | list[str]) -> None:
    lines = text.splitlines()
    assert lines, "nothing printed"
    assert max(len(line) for line in lines) <= width
    for header in headers:
        assert header in text, f"column {header!r} missing"


def body_lines(text: str) -> list[str]:
    """The lines of a table's rows: those after its header's rule, up to a blank line or the caption."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if set(line.strip()) <= set("─-") and line.strip()) + 1
    out = []
    for line in lines[start:]:
        if not line.strip() or line.startswith(("✓", "*")) or " rows with notes" in line:
            break
        out.append(line)
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_extract_and_show_print_one_line_per_row_with_the_metric_named(
    monkeypatch: pytest.MonkeyPatch, library: Path, width: int
) -> None:
    from lacompare.pipeline import extract
    from lacompare.render.rows import report_rows

    on_terminal(monkeypatch, width)
    rows = len(report_rows(extract(BARNET_MD)))
    result = runner.invoke(app, ["extract", str(BARNET_MD)])
    assert result.exit_code == 0, result.output
    assert_fits(result.stdout, width, FACT_LINE_COLUMNS)
    assert len(body_lines(result.stdout)) == rows  # no row wraps
    assert "Overall rating" in result.stdout and "Assessing needs" in result.stdout
    show = runner.invoke(app, ["show", "camden", "--db", str(library)])
    assert show.exit_code == 0, show.output
    assert_fits(show.stdout, width, FACT_LINE_COLUMNS)


@pytest.mark.parametrize("width", WIDTHS)
def test_wide_extract_and_show_print_every_fact_column(
    monkeypatch: pytest.MonkeyPatch, library: Path, width: int
) -> None:
    on_terminal(monkeypatch, width)
    for args in (["extract", str(BARNET_MD), "--wide"], ["show", "camden", "--db", str(library), "--wide"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert_fits(result.stdout, width, FACT_HEADERS)
        assert "Overall rating" in result.stdout  # the metric column is never squeezed away


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", ["list", "metrics", "info"])
def test_library_listings_fit(monkeypatch: pytest.MonkeyPatch, library: Path, width: int, command: str) -> None:
    on_terminal(monkeypatch, width)
    result = runner.invoke(app, [command, "--db", str(library)])
    assert result.exit_code == 0, result.output
    headers = {
        "list": LIST_LINE_COLUMNS,
        "metrics": METRIC_LINE_COLUMNS,
        "info": ("library", "size", "schema version", "documents", "councils", "facts"),
    }[command]
    assert_fits(result.stdout, width, list(headers))
    if command != "info":
        wide = runner.invoke(app, [command, "--db", str(library), "--wide"])
        assert wide.exit_code == 0, wide.output
        assert max(len(line) for line in wide.stdout.splitlines()) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_rank_fits(monkeypatch: pytest.MonkeyPatch, library: Path, width: int) -> None:
    on_terminal(monkeypatch, width)
    result = runner.invoke(app, ["rank", "vacancy", "--db", str(library)])
    assert result.exit_code == 0, result.output
    assert_fits(result.stdout, width, RANK_LINE_COLUMNS)
    assert len(body_lines(result.stdout)) == 2  # Barnet and Camden, a line each


def test_a_wide_terminal_gets_a_list_on_one_line_per_document(monkeypatch: pytest.MonkeyPatch, library: Path) -> None:
    on_terminal(monkeypatch, 200)
    result = runner.invoke(app, ["list", "--db", str(library)])
    header = result.stdout.splitlines()[0].split()
    assert header == list(LIST_LINE_COLUMNS)
    wide = runner.invoke(app, ["list", "--db", str(library), "--wide"])
    assert wide.stdout.splitlines()[0].split() == list(LIST_COLUMNS)


@pytest.mark.parametrize(
    ("command", "columns"),
    [
        (["list"], ["council", "kind"]),
        (["rank", "vacancy"], ["council", "value", "period"]),
        (["metrics"], ["label", "councils"]),
        (["diff", "barnet", "camden"], ["council", "metric", "value", "period"]),
        (["table"], ["council", "qs.safeguarding"]),
    ],
)
def test_columns_picks_the_columns_of_any_command(library: Path, command: list[str], columns: list[str]) -> None:
    import csv

    result = runner.invoke(app, [*command, "--db", str(library), "-f", "csv", "--columns", ",".join(columns)])
    assert result.exit_code == 0, result.output
    assert next(csv.reader(io.StringIO(result.stdout))) == columns
    wrong = runner.invoke(app, [*command, "--db", str(library), "--columns", "nonsense"])
    assert wrong.exit_code == 2 and "choose from" in wrong.output


def test_the_plain_table_wraps_long_cells_on_a_terminal(monkeypatch: pytest.MonkeyPatch, library: Path) -> None:
    on_terminal(monkeypatch, 120)
    result = runner.invoke(app, ["list", "--db", str(library), "--plain"])
    assert result.exit_code == 0, result.output
    assert_fits(result.stdout, 120, LIST_COLUMNS)
    monkeypatch.undo()
    piped = runner.invoke(app, ["list", "--db", str(library), "--plain"])  # not a terminal: one line per row
    assert len(piped.stdout.splitlines()) == 2 + 3


def test_plain_tables_fit_a_given_width_and_are_unchanged_without_one() -> None:
    rows = [{"id": "qs.safeguarding", "quote": "Safeguarding " * 20}]
    wrapped, whole = io.StringIO(), io.StringIO()
    write_plain_table(rows, wrapped, ["id", "quote"], width=60)
    write_plain_table(rows, whole, ["id", "quote"])
    assert max(map(len, wrapped.getvalue().splitlines())) <= 60
    assert len(whole.getvalue().splitlines()) == 3


@pytest.mark.parametrize(
    ("natural", "floors", "room", "weights", "widths"),
    [
        ([10, 40, 300], [10, 14, 15], 200, [0, 1, 4], [10, 40, 150]),  # the rest goes by weight
        ([10, 40, 300], [10, 14, 15], 39, [0, 1, 4], [10, 14, 15]),  # just the floors
        ([10, 40, 300], [10, 14, 15], 30, [0, 1, 4], [10, 10, 10]),  # below the floors: the widest narrowed
        ([5, 5], [3, 3], 100, [], [5, 5]),  # never wider than needed
        ([4, 4], [4, 4], 1, [], [1, 1]),  # never narrower than 1
    ],
)
def test_fit_widths(natural: list[int], floors: list[int], room: int, weights: list[int], widths: list[int]) -> None:
    assert fit_widths(natural, floors, room, weights) == widths


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("red \x1b[31mwarning\x1b[0m", "red warning"),
        ("title\x1b]0;pwned\x07 bar", "title bar"),
        ("bell\x07 back\x08space\x00", "bell backspace"),
        ("8-bit \x9b31mcsi", "8-bit csi"),
        ("tab\there\r\nline", "tab here\nline"),
        ("£553,918,000 ✓ – “quoted”", "£553,918,000 ✓ – “quoted”"),
    ],
)
def test_printable_strips_escape_sequences_and_control_characters(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A report whose name carries an escape sequence and console markup, and whose text an OSC title."""
    path = tmp_path / "evil\x1b[2J[red] name.txt"
    text = QS_TXT.read_text(encoding="utf-8").replace("Safeguarding", "Safeguarding\x1b]0;pwned\x07 [/bold]", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("plain", [False, True])
def test_control_characters_never_reach_the_terminal(
    monkeypatch: pytest.MonkeyPatch, hostile: Path, plain: bool
) -> None:
    on_terminal(monkeypatch, 120)
    result = runner.invoke(app, ["extract", str(hostile), *(["--plain"] if plain else [])])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if not plain:
        assert "[red] name.txt" in result.stdout  # in the title: markup is text, not a style
    missing = runner.invoke(app, ["extract", f"{hostile}.missing"])
    assert "\x1b" not in missing.stderr and missing.stderr.startswith("Error: ")


def run_on_terminal(args: list[str], width: int, env: dict[str, str]) -> str:
    """The console script on a pseudo-terminal of ``width`` columns; what it printed, colour codes removed."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    command = [sys.executable, "-m", "lacompare", *args]
    env = {**os.environ, **env, "COLUMNS": str(width)}
    proc = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the program ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
@pytest.mark.parametrize("width", WIDTHS)
def test_on_a_real_terminal_diff_list_and_extract_fit(library: Path, width: int) -> None:
    env = {"LACOMPARE_DB": str(library), "LACOMPARE_PAGER": ""}
    diff = run_on_terminal(["diff", "barnet", "camden"], width, env)
    assert_fits(diff, width, ["metric", "period", "Barnet", "Camden", "benchmark", "diff"])
    assert "Overall rating" in diff and "Assessing needs" in diff
    wide = run_on_terminal(["diff", "barnet", "camden", "--wide"], width, env)
    assert_fits(wide, width, ["metric", "Barnet", "Camden", "benchmark", "difference"])
    assert_fits(run_on_terminal(["list"], width, env), width, LIST_LINE_COLUMNS)
    assert_fits(run_on_terminal(["extract", str(QS_TXT)], width, env), width, FACT_LINE_COLUMNS)
