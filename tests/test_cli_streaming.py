"""`extract` streams file by file in argument order; `add` ends with a summary; "facts" means one thing.

A fact is one stored fact record (a rating, a score, a comparison…); a row is one output line of
the tidy table (a fact with several measured values gives several rows).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.batch import Options, extract_many
from lacompare.cli import app
from lacompare.guard import Job, Limits, Result, parse_job
from lacompare.model import Report
from lacompare.render import Format, RowWriter, write_rows
from lacompare.render.rows import report_rows

from .conftest import BARNET_MD, CAMDEN_TXT, PERF_PDF, QS_TXT

runner = CliRunner()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_each_files_rows_are_printed_as_soon_as_it_is_read(fmt: str) -> None:
    """The small text file's rows arrive while the 28-page PDF after it is still being parsed (about 1.5 s)."""
    env = {**os.environ, "LACOMPARE_CACHE": "off"}
    command = [sys.executable, "-m", "lacompare", "extract", str(QS_TXT), str(PERF_PDF), "-f", fmt]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if str(QS_TXT) in line:
            break
    first_rows = time.monotonic()
    rest = proc.stdout.read()
    assert proc.wait(timeout=120) == 0
    assert time.monotonic() - first_rows > 0.5, "the first file's rows waited for the whole batch"
    assert str(PERF_PDF) in rest


def test_outcomes_that_need_no_parsing_do_not_wait_for_a_later_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Argument order, but a cached or unreadable file is handed out before the next file is parsed."""
    parsed: list[str] = []

    def parse_and_note(job: Job) -> Result:
        parsed.append(job.name)
        return parse_job(job)

    options = Options(jobs=1, limits=Limits(seconds=None, memory_mb=None))
    list(extract_many([str(QS_TXT)], options))  # now in the cache
    monkeypatch.setattr("lacompare.batch.parse_job", parse_and_note)
    outcomes = extract_many([str(QS_TXT), str(tmp_path / "missing.txt"), str(CAMDEN_TXT)], options)
    first, second = next(outcomes), next(outcomes)
    assert (first.cached, second.error is not None, parsed) == (True, True, [])
    third = next(outcomes)
    assert third.report is not None and parsed == [str(CAMDEN_TXT)]


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl, Format.csv, Format.tsv])
def test_rows_written_a_report_at_a_time_equal_rows_written_at_once(fmt: Format, reports: dict[Path, Report]) -> None:
    chosen = [reports[QS_TXT], reports[CAMDEN_TXT]]
    whole, streamed = io.StringIO(), io.StringIO()
    write_rows([row for r in chosen for row in report_rows(r)], fmt, whole)
    writer = RowWriter(fmt, streamed)
    for report in chosen:
        writer.write(report_rows(report))
    writer.close()
    assert streamed.getvalue() == whole.getvalue()
    if fmt is Format.json:
        assert json.loads(streamed.getvalue()) == json.loads(whole.getvalue())


def test_an_empty_json_array_is_still_an_array() -> None:
    stream = io.StringIO()
    RowWriter(Format.json, stream).close()
    assert json.loads(stream.getvalue()) == []


def test_add_ends_with_one_summary_line(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    first = runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(CAMDEN_TXT), str(tmp_path / "no.pdf")])
    assert first.exit_code == 1
    assert first.stderr.splitlines()[-1] == "2 added, 1 failed (3 files, 137 facts)"
    again = runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(QS_TXT)])
    assert again.exit_code == 0
    assert again.stderr.splitlines()[-1] == "1 added, 1 unchanged (2 files, 64 facts)"
    quiet = runner.invoke(app, ["add", "-q", "--db", str(db), str(BARNET_MD)])
    assert quiet.stderr == ""


def test_facts_are_fact_records_in_add_list_show_and_extract(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reports: dict[Path, Report]
) -> None:
    report = reports[QS_TXT]
    facts, rows = len(report.facts), len(report_rows(report))
    assert (facts, rows) == (7, 9)  # a fact with two measured values is two rows
    db = tmp_path / "library.db"
    added = runner.invoke(app, ["add", "--db", str(db), str(QS_TXT)])
    assert f"added, {facts} facts" in added.stderr and added.stderr.endswith(f"(1 file, {facts} facts)\n")
    listed = runner.invoke(app, ["list", "--db", str(db), "-f", "csv"])
    assert [r["facts"] for r in csv_rows(listed.stdout)] == [str(facts)]
    extracted = runner.invoke(app, ["extract", str(QS_TXT), "-f", "csv"])
    assert len(csv_rows(extracted.stdout)) == rows
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    for args in (["show", "barnet", "--db", str(db)], ["extract", str(QS_TXT)]):
        table = runner.invoke(app, args)
        assert f"({report.kind}, {facts} facts, {rows} rows)" in table.stdout


def test_a_pipe_among_the_files_is_read_once() -> None:
    """`extract <(curl …)`: a pipe cannot be read twice, so what the first look read is what is parsed."""
    command = f"{sys.executable} -m lacompare extract <(cat {QS_TXT}) - -f csv < {CAMDEN_TXT}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    documents = [row["document"] for row in csv_rows(done.stdout)]
    assert documents[0].startswith("/dev/fd/") and documents[-1] == "-"
    assert len(documents) == 9 + 84
