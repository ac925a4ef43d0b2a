"""`-o` never destroys a file, and stdout failures end in one line: a full disk, a closed or full stdout, `| head`.

A file given with -o is written beside its target and renamed into place on success, so a failure,
a signal or a full disk leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, TextIO

import pytest
from typer.testing import CliRunner

from lacompare.cli import app

from .conftest import BARNET_MD, PERF_PDF, QS_TXT

runner = CliRunner()
OLD = "the old results\n"


def lacompare(*args: str, stdout: int | IO[str] = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lacompare", *args]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def old_csv(tmp_path: Path) -> Path:
    target = tmp_path / "facts.csv"
    target.write_text(OLD)
    return target


def test_o_replaces_the_file_only_when_done_and_keeps_its_mode(old_csv: Path) -> None:
    old_csv.chmod(0o640)
    result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(old_csv)])
    assert result.exit_code == 0, result.output
    assert old_csv.read_text().startswith("document,local_authority,")
    assert old_csv.stat().st_mode & 0o777 == 0o640
    assert leftovers(old_csv.parent) == []


def test_an_old_file_is_left_alone_when_every_input_fails(old_csv: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.pdf"), "-o", str(old_csv)])
    assert result.exit_code == 1
    assert old_csv.read_text() == OLD and leftovers(tmp_path) == []


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    old_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("lacompare.cli.output.os.fsync", full)
    result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(old_csv)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {old_csv}: cannot write: No space left on device (check the path, the folder's permissions and "
        "the free space; an existing file is left as it was)"
    ]
    assert old_csv.read_text() == OLD and leftovers(tmp_path) == []


def test_a_bug_while_writing_leaves_the_old_file(
    old_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ValueError("a renderer bug")

    monkeypatch.setattr("lacompare.render.RowWriter.write", broken)
    result = runner.invoke(app, ["list", "-o", str(old_csv)])
    assert result.exit_code == 1 and "internal error" in result.stderr
    assert old_csv.read_text() == OLD and leftovers(tmp_path) == []


def test_o_refuses_an_input_the_library_and_an_existing_document(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(QS_TXT.read_text())
    before = report.read_bytes()
    same = runner.invoke(app, ["extract", str(report), "-o", str(report), "--format", "csv"])
    assert same.exit_code == 1
    assert same.stderr == f"Error: {report}: is one of this command's inputs (write to another file)\n"
    other = tmp_path / "other.md"
    other.write_text("# a document\n")
    document = runner.invoke(app, ["extract", str(report), "-o", str(other), "--format", "csv"])
    assert document.exit_code == 1 and document.stderr.count("\n") == 1
    assert document.stderr.startswith(f"Error: {other}: refusing to overwrite a document with results")
    db = tmp_path / "library.db"
    assert runner.invoke(app, ["add", "--db", str(db), str(report)]).exit_code == 0
    library = runner.invoke(app, ["list", "--db", str(db), "-o", str(db), "--format", "csv"])
    assert library.exit_code == 1 and library.stderr.startswith(f"Error: {db}: is one of this command's inputs")
    assert report.read_bytes() == before and other.read_text() == "# a document\n"


def test_o_replaces_only_the_html_pages_lacompare_wrote(tmp_path: Path) -> None:
    from lacompare.report.html import GENERATOR

    saved = tmp_path / "saved.html"
    saved.write_text("<html><body>A saved CQC page</body></html>", encoding="utf-8")
    refused = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(saved), "--format", "csv"])
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Error: {saved}: refusing to overwrite an HTML file lacompare did not write")
    assert saved.read_text(encoding="utf-8") == "<html><body>A saved CQC page</body></html>"
    ours = tmp_path / "ours.html"
    ours.write_text(f'<html><head><meta name="generator" content="{GENERATOR} 0"></head></html>', encoding="utf-8")
    replaced = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(ours), "--format", "csv"])
    assert replaced.exit_code == 0, replaced.stderr
    assert ours.read_text(encoding="utf-8").startswith("document,")


def test_o_into_a_missing_folder_is_one_error_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "facts.csv"
    result = runner.invoke(app, ["extract", str(QS_TXT), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {target}: cannot write: No such file or directory (")


def test_sigterm_leaves_the_old_file_and_no_temporary_file(old_csv: Path, tmp_path: Path) -> None:
    env = {**os.environ, "LACOMPARE_CACHE": "off"}
    command = [sys.executable, "-m", "lacompare", "extract", str(PERF_PDF), "-o", str(old_csv)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert leftovers(tmp_path), "the temporary file never appeared"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    assert old_csv.read_text() == OLD and leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["stdout", "-o"])
def test_a_full_device_is_one_error_line(where: str) -> None:
    if where == "-o":
        done = lacompare("extract", str(QS_TXT), "-o", "/dev/full")
        expected = "Error: /dev/full: cannot write: No space left on device (check the device or pipe it names)\n"
    else:
        with open("/dev/full", "w") as full:
            done = lacompare("extract", str(QS_TXT), stdout=full)
        expected = "Error: standard output: cannot write: No space left on device (check where standard output goes)\n"
    assert done.returncode == 1
    assert done.stderr == expected


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_version_to_a_full_stdout_is_one_error_line() -> None:
    with open("/dev/full", "w") as full:
        done = lacompare("--version", stdout=full)
    assert (done.returncode, done.stderr.count("\n"), "Traceback" in done.stderr) == (1, 1, False)


def test_a_closed_stdout_is_one_error_line() -> None:
    command = f"{sys.executable} -m lacompare extract {QS_TXT} >&-"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "Error: standard output is closed (redirect it to a file, or write one with -o FILE)\n"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "table"])
def test_head_closing_the_pipe_ends_lacompare_with_status_0_and_no_message(fmt: str) -> None:
    files = " ".join([str(BARNET_MD)] * 20)  # far more than a pipe holds
    command = f"{sys.executable} -m lacompare extract {files} -f {fmt} | head -n 1 > /dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.stdout == "0\n"
    assert done.stderr == ""


def csv_documents(text: str) -> list[str]:
    return [row["document"] for row in csv.DictReader(io.StringIO(text))]


def test_safe_csv_on_list_and_show_defaults_on_for_files_and_off_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .test_safe_csv import FORMULA

    monkeypatch.chdir(tmp_path)
    report = Path("=HYPERLINK.txt")
    report.write_text(f"{FORMULA}\n\n{QS_TXT.read_text()}", encoding="utf-8")
    db = tmp_path / "library.db"
    assert runner.invoke(app, ["add", "--db", str(db), str(report)]).exit_code == 0
    for command in (["list"], ["show", "barnet"]):
        to_file, raw_file = tmp_path / "safe.csv", tmp_path / "raw.csv"
        assert runner.invoke(app, [*command, "--db", str(db), "-o", str(to_file)]).exit_code == 0
        assert runner.invoke(app, [*command, "--db", str(db), "-o", str(raw_file), "--no-safe-csv"]).exit_code == 0
        piped = runner.invoke(app, [*command, "--db", str(db), "-f", "csv"])
        assert set(csv_documents(to_file.read_text())) == {"'=HYPERLINK.txt"}
        assert set(csv_documents(raw_file.read_text())) == set(csv_documents(piped.stdout)) == {"=HYPERLINK.txt"}


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")
def test_sigterm_just_as_the_temporary_file_is_made_leaves_none(
    old_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug: a signal between the temporary file's creation and its clean-up's set-up left it behind."""
    from lacompare.cli import output

    make = output._temporary_beside

    def made_then_signalled(path: Path) -> tuple[Path, TextIO]:
        made = make(path)
        os.kill(os.getpid(), signal.SIGTERM)  # delivered at once, were it not held
        return made

    monkeypatch.setattr(output, "_temporary_beside", made_then_signalled)
    with pytest.raises(SystemExit) as stopped, output.open_output(old_csv) as stream:
        stream.write("new rows\n")
    assert stopped.value.code == 128 + signal.SIGTERM
    assert old_csv.read_text() == OLD and leftovers(tmp_path) == []
