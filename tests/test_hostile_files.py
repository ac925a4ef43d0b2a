"""Hostile files and PDFs: nothing read past its limits, no text dropped unsaid.

Only regular files are read, never more than the reader's limit; a PDF's text string longer
than PDFium reads is read whole; a page repeated word for word is content, not a running head;
a memory ceiling too low for the table reader stops the file instead of dropping its tables.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from lacompare.errors import UnreadableDocument
from lacompare.readers import document_from_bytes, load_bytes
from lacompare.readers import tables as tables_module
from lacompare.readers.normalise import drop_running_lines

from .corpus import SENTENCE, text_pdf
from .corpus_survey import run_extract

# --- files that are not files ------------------------------------------------------------------


def refusal(path: Path | str) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(path)
    return caught.value.one_line()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_nothing_writes_to_is_refused_without_waiting_for_ever(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert refusal(fifo) == (
        f"{fifo}: is a named pipe nothing wrote to within 2 s (start what writes to it first, or pipe it into `-`)"
    )
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_with_a_writer_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"head -c 3000000 /dev/zero > {fifo}"])
    try:
        with pytest.raises(UnreadableDocument, match="the file is over 1 MB"):
            load_bytes(fifo, max_bytes=1 << 20)
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_whose_writer_starts_later_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    (tmp_path / "source.txt").write_text(SENTENCE, encoding="utf-8")
    writer = subprocess.Popen(["sh", "-c", f"sleep 0.5; cat {tmp_path / 'source.txt'} > {fifo}"])
    try:
        assert load_bytes(fifo) == (str(fifo), SENTENCE.encode())
    finally:
        writer.wait()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_character_device_even_behind_a_pdf_symlink_is_refused_unread(tmp_path: Path) -> None:
    link = tmp_path / "report.pdf"
    link.symlink_to("/dev/zero")
    assert refusal(link) == f"{link}: is a character device, not a file (give the report's file)"
    assert refusal("/dev/zero") == "/dev/zero: is a character device, not a file (give the report's file)"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert "is a socket, not a file" in refusal(path)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b" " * 3000)
    with pytest.raises(UnreadableDocument, match="the file is over 0 MB, more than lacompare reads"):
        load_bytes(big, max_bytes=2048)
    assert load_bytes(big, max_bytes=4096)[1] == big.read_bytes()


def test_standard_input_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"\0" * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    endless = Endless()

    class Stdin:
        buffer = io.BufferedReader(endless)

    monkeypatch.setattr("sys.stdin", Stdin)
    with pytest.raises(UnreadableDocument, match="the file is over 4 MB"):
        load_bytes("-", max_bytes=4 << 20)
    assert endless.served <= (4 << 20) + (2 << 20)


# --- PDFs -----------------------------------------------------------------------------------------


def test_a_text_string_longer_than_pdfium_reads_is_read_whole_and_said() -> None:
    data = text_pdf([["Adult social care.", "x" * 40_000 + " " + SENTENCE, "End."]])
    doc = document_from_bytes(data, "long.pdf")
    assert SENTENCE in doc.pages[0].text
    assert doc.notes == (
        "long.pdf: page 1 has a string of text longer than PDFium reads (32,767 characters); "
        "the page was read with pdfminer",
    )


@pytest.mark.parametrize("pages", [2, 3, 5])
def test_identical_pages_keep_their_facts(pages: int) -> None:
    data = text_pdf([["Adult social care", SENTENCE]] * pages)
    quotes = [r["quote"] for r in run_extract_bytes(data, "copies.pdf")]
    assert quotes and set(quotes) == {SENTENCE}


def test_a_sentence_at_the_edge_of_a_few_short_pages_is_content() -> None:
    pages = [["Page one of the note.", SENTENCE], ["Another short page.", SENTENCE], ["The end.", "Thanks."]]
    assert drop_running_lines(pages) == pages


BODIES = ("First body line.", "Second body line.", "Third body line.", "Fourth body line.")


def test_a_title_on_two_of_four_pages_is_not_a_running_head() -> None:
    pages = [["Barnet: local authority assessment", body] for body in BODIES[:2]] + [[body] for body in BODIES[2:]]
    assert drop_running_lines(pages) == pages


def test_a_short_line_on_most_pages_is_a_running_head() -> None:
    pages = [["Adults and Health Committee", body] for body in BODIES[:3]] + [[BODIES[3]]]
    assert drop_running_lines(pages) == [[body] for body in BODIES]


def test_pages_of_nothing_but_a_repeated_line_keep_it() -> None:
    assert drop_running_lines([["Appendix"], ["Appendix"]]) == [["Appendix"], ["Appendix"]]


def test_a_memory_ceiling_too_low_for_the_table_reader_stops_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_map(*args: object) -> None:
        raise ImportError("libfoo.so: failed to map segment from shared object")

    monkeypatch.setattr(tables_module, "tables_of_pages", cannot_map)
    with pytest.raises(MemoryError):
        tables_module.extract_tables(b"", [1])


def test_tables_pdfminer_cannot_read_are_said_in_the_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise KeyError("Root")

    monkeypatch.setattr(tables_module, "tables_of_pages", broken)
    read = tables_module.extract_tables(b"", [1])
    assert (
        read.tables == () and read.problem == "its ruled tables could not be read (KeyError); facts from its text only"
    )


def test_a_low_memory_limit_is_an_error_not_fewer_facts() -> None:
    from .conftest import PERF_PDF

    run = run_extract([PERF_PDF], "--memory-limit", "60")
    assert run.returncode == 1 and not run.rows_of(PERF_PDF)
    assert "memory limit of 60 MB" in run.errors[str(PERF_PDF)][0]


def run_extract_bytes(data: bytes, name: str) -> list[dict[str, str]]:
    from lacompare.pipeline import extract_bytes

    return [{"quote": f.quote} for f in extract_bytes(data, name).facts]
