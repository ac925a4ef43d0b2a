"""The `extract` command as a user meets it: exit codes, stdout for data, stderr for the rest."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare import __version__
from lacompare.cli import app
from lacompare.render.rows import COLUMNS

from .conftest import BARNET_MD, CAMDEN_TXT, QS_CHROMIUM, QS_TXT

runner = CliRunner()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"lacompare {__version__}\n"


def test_extract_writes_csv_with_the_contract_columns_when_piped() -> None:
    result = runner.invoke(app, ["extract", str(QS_TXT)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert header == ",".join(COLUMNS)
    rows = csv_rows(result.stdout)
    safeguarding = [r for r in rows if r["metric_id"] == "qs.safeguarding"]
    assert [r["value"] for r in safeguarding] == ["3"]
    assert safeguarding[0]["document"] == str(QS_TXT)
    assert safeguarding[0]["kind"] == "cqc_assessment"
    assert result.stderr == ""


def test_csv_lines_end_with_lf_and_numbers_are_raw() -> None:
    result = runner.invoke(app, ["extract", str(BARNET_MD), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "\r\n" not in result.stdout
    rows = csv_rows(result.stdout)
    budget = [r for r in rows if r["metric_id"] == "finance.total_budget_estimated"]
    assert budget and budget[0]["value"] == "553918000" and budget[0]["unit"] == "£"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_records_use_the_csv_field_names(fmt: str) -> None:
    result = runner.invoke(app, ["extract", str(QS_TXT), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        records = json.loads(result.stdout)
    else:
        records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(list(r) == list(COLUMNS) for r in records)
    assert any(r["metric_id"] == "qs.safeguarding" and r["value"] == 3 for r in records)


def test_tsv_and_plain_table() -> None:
    tsv = runner.invoke(app, ["extract", str(QS_TXT), "-f", "tsv"])
    assert tsv.stdout.splitlines()[0].split("\t") == list(COLUMNS)
    plain = runner.invoke(app, ["extract", str(QS_TXT), "--plain", "--no-headers"])
    assert plain.exit_code == 0, plain.output
    assert "qs.safeguarding" in plain.stdout


def test_output_file_takes_its_format_from_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(target.read_text())[0]["document"] == str(QS_TXT)


def test_stdin_dash_reads_standard_input() -> None:
    result = runner.invoke(app, ["extract", "-", "-f", "csv"], input=QS_TXT.read_text())
    assert result.exit_code == 0, result.output
    rows = csv_rows(result.stdout)
    assert {r["document"] for r in rows} == {"-"}
    assert any(r["metric_id"] == "qs.safeguarding" for r in rows)


def test_one_bad_file_in_a_batch_is_one_error_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(QS_TXT), str(tmp_path / "missing.pdf"), str(CAMDEN_TXT)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {tmp_path / 'missing.pdf'}: no such file (check the path)"]
    documents = {r["document"] for r in csv_rows(result.stdout)}
    assert documents == {str(QS_TXT), str(CAMDEN_TXT)}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "absent.pdf", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.pdf", b""), "the file is empty (0 bytes)"),
        (lambda d: _write(d / "page.pdf", b"<!DOCTYPE html><html><body>Not found</body></html>"), "not a PDF"),
        (lambda d: _write(d / "doc.pdf", b"PK\x03\x04" + b"\0" * 100), "a zip archive"),
        (lambda d: _write(d / "cut.pdf", QS_CHROMIUM.read_bytes()[:3000]), "damaged or truncated"),
    ],
)
def test_unreadable_input_is_one_clear_line(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ") and message in lines[0]
    assert "Traceback" not in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(QS_TXT), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(QS_TXT), "--kind", "novel"]).exit_code == 2


def test_the_real_console_script_in_a_subprocess_is_quiet_under_head() -> None:
    cmd = f"{sys.executable} -m lacompare extract {BARNET_MD} | head -n 2"
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == ",".join(COLUMNS)
    assert done.stderr == ""
