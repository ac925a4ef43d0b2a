"""Batches: parallel output equals serial output; per-file limits cost one file, not the batch."""

from __future__ import annotations

import csv
import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.batch import Options, extract_many
from lacompare.cli import app
from lacompare.guard import Limits

from .conftest import BARNET_CHROMIUM, BARNET_MD, CAMDEN_CHROMIUM, CAMDEN_TXT, PERF_PDF, QS_CHROMIUM, QS_TXT

runner = CliRunner()
BATCH = [BARNET_CHROMIUM, QS_TXT, CAMDEN_CHROMIUM, BARNET_MD, QS_CHROMIUM, CAMDEN_TXT]


def many_page_pdf(pages: int) -> bytes:
    """A valid PDF of ``pages`` text pages sharing one content stream: small on disk, slow to read."""
    content = b"BT /F1 12 Tf 72 720 Td (Adult social care: 46.41% against an England average of 58.77%.) Tj ET"
    resources = b"/Resources << /Font << /F1 3 0 R >> >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + resources + b" /Contents 4 0 R >>"
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ] + [page] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def extract_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return runner.invoke(app, ["extract", "--format", "csv", *map(str, args)])  # type: ignore[return-value]


def test_two_jobs_print_exactly_what_one_job_prints(tmp_path: Path) -> None:
    files = [*BATCH, tmp_path / "missing.pdf"]
    one = extract_cli("-j", "1", "--no-cache", *files)
    two = extract_cli("-j", "2", "--no-cache", *files)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert one.stdout.count("\n") > 100


def test_without_limits_one_job_runs_in_process_with_the_same_output() -> None:
    guarded = extract_cli("-j", "1", "--no-cache", *BATCH)
    bare = extract_cli("-j", "1", "--no-cache", "--timeout", "0", "--memory-limit", "0", *BATCH)
    assert bare.exit_code == guarded.exit_code == 0
    assert bare.stdout == guarded.stdout


def test_outcomes_come_in_argument_order_whatever_finishes_first(tmp_path: Path) -> None:
    extract_cli(QS_TXT)  # a cache hit finishes at once, before the PDFs
    sources = [str(BARNET_CHROMIUM), str(tmp_path / "absent.txt"), str(QS_TXT), str(CAMDEN_CHROMIUM)]
    outcomes = list(extract_many(sources, Options(jobs=2)))
    assert [o.source for o in outcomes] == sources
    assert [(o.error is None, o.cached) for o in outcomes] == [
        (True, False),
        (False, False),
        (True, True),
        (True, False),
    ]


def test_a_file_past_the_time_limit_is_one_error_line_and_the_others_still_print(tmp_path: Path) -> None:
    huge = tmp_path / "board_pack.pdf"
    huge.write_bytes(many_page_pdf(60_000))
    result = extract_cli("-j", "1", "--no-cache", "--timeout", "1", huge, QS_TXT)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {huge}: parsing stopped at the time limit of 1 s"
        " (the file may be malformed; raise it with --timeout SECONDS (0: no limit) if it is genuine)"
    ]
    assert {row["document"] for row in csv.DictReader(io.StringIO(result.stdout))} == {str(QS_TXT)}


def test_a_file_past_the_memory_limit_is_one_error_line_naming_the_limit() -> None:
    # A fresh process: its worker must load the PDF library, which cannot fit in 10 MB.
    command = [sys.executable, "-m", "lacompare", "extract", "--memory-limit", "10", str(QS_CHROMIUM), str(QS_TXT)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"Error: {QS_CHROMIUM}: ran out of memory") and "memory limit of 10 MB" in line


def test_the_guard_replaces_a_killed_worker_for_the_rest_of_the_batch(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    huge.write_bytes(many_page_pdf(60_000))
    sources = [str(huge), str(QS_TXT), str(huge), str(CAMDEN_TXT)]
    options = Options(jobs=2, use_cache=False, limits=Limits(seconds=1))
    outcomes = list(extract_many(sources, options))
    assert [o.error is None for o in outcomes] == [False, True, False, True]


def stderr_of(args: list[str], *, tty: bool) -> str:
    """Run the real command with stdout piped and stderr on a pipe or a pseudo-terminal."""
    env = {**os.environ, "LACOMPARE_CACHE": "off", "TERM": "xterm"}
    command = [sys.executable, "-m", "lacompare", "extract", *args]
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120).stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


FILES = [str(QS_TXT), str(CAMDEN_TXT), str(QS_TXT)]


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    shown = stderr_of(FILES, tty=False)
    assert "Extracting" not in shown and "\x1b" not in shown and "\r" not in shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_progress_bar_on_a_terminal_and_none_with_quiet() -> None:
    shown = stderr_of(FILES, tty=True)
    assert "Extracting" in shown and "3/3" in shown
    assert "Extracting" not in stderr_of(["-q", *FILES], tty=True)
    assert "Extracting" not in stderr_of([str(QS_TXT)], tty=True)  # one quick file: no bar


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_single_long_file_shows_its_bar_once_it_takes_over_a_second() -> None:
    shown = stderr_of([str(PERF_PDF)], tty=True)  # the 28-page table PDF, a few seconds without the cache
    assert "Reading" in shown and "100%" in shown  # how far its pages have been read, not "0/1 files"


def test_a_worker_tells_how_far_its_documents_pages_have_been_read() -> None:
    """Each page's text, each ruled page's tables and each reader's pass count as steps; the
    waiting process sees them grow while the worker (and the child it forks for pages) reads."""
    from lacompare.batch import Options, Outcome, extract_many
    from lacompare.guard import Limits

    seen: list[tuple[int, int]] = []

    class Listener:
        def done(self, outcome: Outcome) -> None:
            pass

        def waiting(self, steps: tuple[int, int] = (0, 0)) -> None:
            seen.append(steps)

    options = Options(jobs=1, use_cache=False, limits=Limits(seconds=60, memory_mb=None))
    [outcome] = list(extract_many([str(PERF_PDF)], options, Listener()))
    assert outcome.report is not None
    told = [s for s in seen if s != (0, 0)]
    assert told, "no step was told while the file was read"
    assert all(0 <= done <= to_do for done, to_do in told)
    assert [done for done, _ in told] == sorted(done for done, _ in told)  # never backwards
    assert max(to_do for _, to_do in told) > 28  # more than the pages' text alone


def test_a_file_bigger_than_half_the_memory_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from lacompare.batch import Options, extract_many
    from lacompare.guard import Limits

    big = tmp_path / "big.txt"
    big.write_bytes(b"Barnet: local authority assessment\n" + b"x" * (3 << 20))
    options = Options(jobs=1, use_cache=False, limits=Limits(seconds=None, memory_mb=4))
    (outcome,) = list(extract_many([str(big)], options))
    assert outcome.report is None and outcome.error is not None
    assert "over 2 MB" in outcome.error.one_line()


def test_each_file_is_looked_up_in_the_cache_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lacompare.batch import Options, extract_many
    from lacompare.cache import Cache
    from lacompare.guard import Limits

    from .conftest import BARNET_MD, QS_TXT

    looked_up: list[str] = []
    real_get = Cache.get

    def counting_get(self: Cache, sha256: str, *args: object, **kwargs: object) -> object:
        looked_up.append(sha256)
        return real_get(self, sha256, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Cache, "get", counting_get)
    monkeypatch.setenv("LACOMPARE_CACHE", str(tmp_path / "cache"))
    options = Options(jobs=1, use_cache=True, limits=Limits(seconds=None, memory_mb=None))
    assert all(o.report is not None for o in extract_many([str(BARNET_MD), str(QS_TXT)], options))
    assert len(looked_up) == 2 == len(set(looked_up))


@pytest.mark.parametrize(
    ("data", "says", "never"),
    [
        # The probe's case: 50 MB of real sentences is large, not a bomb.
        ((b"People told us they felt safe. " * (2 << 20))[: 50 << 20], "a 50 MB document needs more to parse", "bomb"),
        (b"People told us they felt safe.\n", "a 1 kB document needs more to parse", "bomb"),
        (b"%PDF-1.7\n" + b"0" * 4096, "decompression bomb", "split it"),
    ],
    ids=["50-MB-text", "small-text", "pdf"],
)
def test_running_out_of_memory_names_the_limit_and_the_flag_not_a_guess(
    monkeypatch: pytest.MonkeyPatch, data: bytes, says: str, never: str
) -> None:
    """Bug: a 50 MB text of real sentences was refused as "a decompression bomb"."""
    from lacompare import pipeline
    from lacompare.guard import Job, parse_job

    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(pipeline, "extract_bytes", no_memory)
    error = parse_job(Job(0, "report.txt", data), memory_mb=1024)
    line = error.one_line()  # type: ignore[union-attr]
    assert line.startswith("report.txt: ran out of memory while parsing at the memory limit of 1024 MB (")
    assert says in line and "--memory-limit MB" in line and never not in line


def test_the_real_command_prints_the_same_bytes_with_two_jobs_as_with_one(tmp_path: Path) -> None:
    """Through the installed command: -j 2 shares the table report's pages when the other worker is done."""
    files = [str(QS_CHROMIUM), str(PERF_PDF)]
    env = {**os.environ, "LACOMPARE_CACHE": str(tmp_path / "cache")}

    def extract(jobs: str) -> bytes:
        command = [sys.executable, "-m", "lacompare", "extract", "--no-cache", "-f", "csv", "-j", jobs, *files]
        return subprocess.run(command, capture_output=True, env=env, check=True, timeout=120).stdout

    one, two = extract("1"), extract("2")
    assert two == one and one.count(b"\n") > 200
