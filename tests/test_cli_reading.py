"""The smaller things a reader meets on the command line: the pager, a dumb terminal, a web address,
a failed batch's empty output, ``add --council``, ``metrics`` words, ``--as-of`` and ``--period``,
``rank``'s real count, "1 fact"."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.catalogue.table import has_words, query_words
from lacompare.cli import app
from lacompare.cli.pager import page, pager_command

from .conftest import BARNET_MD, CAMDEN_TXT, QS_TXT

runner = CliRunner()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    assert runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(QS_TXT), str(CAMDEN_TXT)]).exit_code == 0
    return db


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- the pager ---------------------------------------------------------------------------------------


def test_long_output_goes_through_the_pager_and_short_output_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paged = tmp_path / "paged.txt"
    command = [sys.executable, "-c", f"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())"]
    page("one\ntwo\n", 10, command)
    assert capsys.readouterr().out == "one\ntwo\n" and not paged.exists()
    long = "".join(f"line {i}\n" for i in range(30))
    page(long, 10, command)
    assert paged.read_text() == long and capsys.readouterr().out == ""


def test_a_pager_that_cannot_start_leaves_the_output_printed(capsys: pytest.CaptureFixture[str]) -> None:
    page("a\nb\nc\n", 1, ["/nonexistent/pager"])
    assert capsys.readouterr().out == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("env", "command"),
    [
        ({"LACOMPARE_PAGER": "", "PAGER": "more"}, None),  # off
        ({"LACOMPARE_PAGER": "cat"}, None),
        ({"PAGER": "less -S"}, ["less", "-S"]),
        ({}, ["less"]),
        ({"LACOMPARE_PAGER": "most", "PAGER": "less"}, ["most"]),
    ],
)
def test_the_pager_is_chosen_as_git_chooses_it(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], command: list[str] | None
) -> None:
    monkeypatch.delenv("LACOMPARE_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert pager_command() == command


# -- terminals and inputs ------------------------------------------------------------------------------


def test_a_dumb_terminal_gets_ascii(monkeypatch: pytest.MonkeyPatch, library: Path) -> None:
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(app, ["diff", "barnet", "camden", "--db", str(library)])
    assert result.exit_code == 0, result.output
    assert result.stdout.isascii(), [c for c in result.stdout if not c.isascii()][:5]
    assert "Outstanding *" in result.stdout  # the better value's mark, in ASCII


def test_a_web_address_says_how_to_fetch_it_and_the_batch_goes_on() -> None:
    result = runner.invoke(app, ["extract", "https://example.org/report.pdf", str(QS_TXT), "-f", "csv"])
    assert result.exit_code == 1
    assert "curl -sL 'https://example.org/report.pdf' | lacompare extract -" in result.stderr
    assert csv_rows(result.stdout)  # the file beside it was read


def test_no_csv_header_when_every_input_failed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.pdf"), "-f", "csv"])
    assert result.exit_code == 1 and result.stdout == ""


def test_one_fact_is_one_fact_in_the_title(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    text = tmp_path / "one.txt"
    text.write_text("Camden Council\n\nCamden's adult social care was rated Good by CQC.\n")
    result = runner.invoke(app, ["extract", str(text)])
    assert "1 fact," in result.stdout and "1 facts" not in result.stdout


def test_add_council_names_the_council_a_document_does_not(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    text = tmp_path / "figures.txt"
    text.write_text("Adult social care figures\n\n61.2% of people who use services were satisfied, "
                    "lower than the England average of 64.1%.\n")  # fmt: skip
    extracted = runner.invoke(app, ["extract", str(text), "-f", "csv"])
    assert "council could not be read" in extracted.stderr and "--council" in extracted.stderr
    added = runner.invoke(app, ["add", "--db", str(db), str(text), "--council", "camden"])
    assert added.exit_code == 0, added.output
    listed = csv_rows(runner.invoke(app, ["list", "--db", str(db), "-f", "csv"]).stdout)
    assert [r["council"] for r in listed] == ["Camden"]
    again = runner.invoke(app, ["add", "--db", str(db), str(text), "--council", "barnet"])
    assert again.exit_code == 1 and "already in the library as Camden" in again.stderr
    unknown = runner.invoke(app, ["add", "--db", str(db), str(text), "--council", "atlantis"])
    assert unknown.exit_code == 1 and "atlantis" in unknown.stderr.casefold()


# -- words, dates, periods, counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "texts", "found"),
    [
        ("care act", ("finance.asc_spend_actual", "Adult social care spend (actual)"), False),
        ("care act", ("wait.care_act_assessment.people", "Care act assessment: people waiting"), True),
        ("waiting", ("wait.ot_assessment.median_days", "Ot assessment: median wait"), True),
        ("waits", ("wait.ot_assessment.median_days", "Ot assessment: median wait"), True),
        ("assess", ("wait.ot_assessment.median_days", ""), True),
        ("carer", ("sace.carers_feel_safe", "Carers who feel safe"), True),
        ("safe", ("ascs.feel_safe", "People who feel safe"), True),
        ("safeguard", ("qs.safeguarding", "Safeguarding"), True),
        ("age", ("sace.carers_feel_safe", "Carers who feel safe"), False),
    ],
)
def test_metrics_match_words_not_substrings(query: str, texts: tuple[str, str], found: bool) -> None:
    assert has_words(query_words(query), *texts) is found


@pytest.mark.parametrize("date", ["2025-01-31", "31/01/2025", "31 January 2025", "Jan 2025"])
def test_as_of_takes_the_forms_people_write(library: Path, date: str) -> None:
    result = runner.invoke(app, ["diff", "barnet", "camden", "--as-of", date, "--db", str(library), "-f", "csv"])
    # Barnet's assessment (10 January 2025) is known by then; Camden's (28 February 2025) is not.
    assert result.exit_code == 1 and "Camden has no document published on or before 2025-01-31" in result.stderr
    year = runner.invoke(app, ["diff", "barnet", "camden", "--as-of", "2024-25", "--db", str(library), "-f", "csv"])
    assert year.exit_code == 0, year.output  # the year to March 2025: both are known


def test_as_of_refuses_what_is_no_date(library: Path) -> None:
    result = runner.invoke(app, ["diff", "barnet", "camden", "--as-of", "soon", "--db", str(library)])
    assert result.exit_code == 2 and "Jan 2025" in result.output


def test_period_keeps_one_period_and_the_rule_is_named(library: Path) -> None:
    result = runner.invoke(app, ["diff", "barnet", "camden", "--period", "2023/24", "--db", str(library), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = csv_rows(result.stdout)
    assert rows and {r["period"] for r in rows} == {"2023-24"}
    assert "newest period" in result.stderr
    helped = runner.invoke(app, ["diff", "--help"], env={"COLUMNS": "200"})
    assert "newest period" in helped.stdout and "--any-period" in helped.stdout


def test_rank_limit_keeps_the_real_count(library: Path) -> None:
    result = runner.invoke(app, ["rank", "vacancy", "-n", "1", "--db", str(library), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert len(csv_rows(result.stdout)) == 1
    assert "2 of 2 councils state it" in result.stderr


def test_info_on_a_fresh_install_says_the_library_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LACOMPARE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0, result.output
    assert "The library is empty" in result.stderr and "documents:      0" in result.stdout
    assert not (tmp_path / "data").exists()  # reading never creates a library
    missing = runner.invoke(app, ["info", "--db", str(tmp_path / "typo.sqlite3")])
    assert missing.exit_code == 1 and "no library here" in missing.stderr  # a mistyped path is not a fresh install


def test_diff_all_only_shared_keeps_measures_every_council_states(library: Path) -> None:
    every = csv_rows(runner.invoke(app, ["diff", "--all", "--db", str(library), "-f", "csv"]).stdout)
    shared = runner.invoke(app, ["diff", "--all", "--only", "shared", "--db", str(library), "-f", "csv"])
    assert shared.exit_code == 0, shared.output
    rows = csv_rows(shared.stdout)
    measures = [c for c in rows[0] if "." in c and not c.endswith((" period", " unit"))]
    assert measures and all(row[c] != "" for row in rows for c in measures)
    assert len(rows[0]) < len(every[0])


def test_table_cells_carry_their_period_beside_them(library: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = {r["council"]: r for r in csv_rows(runner.invoke(app, ["table", "--db", str(library), "-f", "csv"]).stdout)}
    assert rows["Barnet"]["salt.long_term_reviewed"] == "46.41"
    assert rows["Barnet"]["salt.long_term_reviewed period"] == "2023-24"  # CQC's "2024" survey year
    assert rows["Barnet"]["finance.asc_spend_actual period"] == "2022-23"
    assert rows["Camden"]["finance.asc_spend_actual period"] == "2023-24"
    assert "qs.safeguarding period" not in rows["Barnet"]  # a score states no period: no empty column
    book = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["table", "--db", str(library), "-o", str(book)]).exit_code == 0
    sheet = load_workbook(book, read_only=True).active
    assert sheet is not None
    header = next(sheet.iter_rows(values_only=True))
    assert "salt.long_term_reviewed period" in header
