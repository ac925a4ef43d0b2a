"""Read a document (PDF, markdown, text, saved HTML page, or ``-`` for stdin) into pages."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from lacompare import DEFAULT_MEMORY_MB
from lacompare.errors import NotAPdf, UnreadableDocument

if TYPE_CHECKING:
    from lacompare.readers.base import Document, Page, Table
    from lacompare.readers.normalise import NormalisedPage

__all__ = ["Document", "Page", "Table", "load_bytes", "read_document", "document_from_bytes"]


def __getattr__(name: str) -> Any:
    """``Document``, ``Page`` and ``Table``, imported on first use: a cache hit reads the file's
    bytes (``load_bytes``) and nothing else of this package."""
    if name in ("Document", "Page", "Table"):
        from lacompare.readers import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A file is read whole into memory and sent to a worker, whose copy must fit under the parse's
# memory ceiling with room to parse it: a file over half the ceiling could not be parsed anyway.
MAX_INPUT_BYTES = DEFAULT_MEMORY_MB << 19
READ_CHUNK = 1 << 20
FIFO_WAIT_SECONDS = 2.0


def load_bytes(source: str | os.PathLike[str], *, max_bytes: int | None = MAX_INPUT_BYTES) -> tuple[str, bytes]:
    """Return (name as given, bytes); ``-`` reads standard input.

    Only a regular file or a pipe is read (a directory, a device or a socket is refused before it
    is opened for reading, so ``/dev/zero`` cannot fill the process; a named pipe nothing writes
    to is refused after ``FIFO_WAIT_SECONDS`` instead of waiting for ever), and no read goes past
    ``max_bytes`` (standard input and ``<(curl …)`` included).
    """
    name = os.fspath(source)
    if name == "-":
        return name, _bounded(sys.stdin.buffer, name, max_bytes)
    try:
        _check_kind(os.stat(name), name)  # before opening: opening a device or a socket can block or fail
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _open_error(exc, name) from None
    try:
        info = os.fstat(fd)
        _check_kind(info, name)
        if stat.S_ISFIFO(info.st_mode):
            _wait_for_writer(fd, name)
        elif max_bytes is not None and info.st_size > max_bytes:
            raise _too_big(name, max_bytes)
        with os.fdopen(fd, "rb", buffering=0) as handle:
            fd = -1
            return name, _bounded(handle, name, max_bytes)
    except OSError as exc:
        raise UnreadableDocument(f"cannot be read ({exc.strerror})", source=name) from None
    finally:
        if fd >= 0:
            os.close(fd)


def _wait_for_writer(fd: int, name: str) -> None:
    """A pipe opened without waiting: wait a little for a writer to start, then read as usual."""
    import select

    if not select.select([fd], [], [], FIFO_WAIT_SECONDS)[0]:
        raise UnreadableDocument(
            f"is a named pipe nothing wrote to within {FIFO_WAIT_SECONDS:g} s",
            source=name,
            hint="start what writes to it first, or pipe it into `-`",
        )
    os.set_blocking(fd, True)


def _open_error(exc: OSError, name: str) -> UnreadableDocument:
    if isinstance(exc, FileNotFoundError):
        return UnreadableDocument("no such file", source=name, hint="check the path")
    if isinstance(exc, PermissionError):
        return UnreadableDocument("permission denied", source=name, hint="check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return UnreadableDocument("is a directory", source=name, hint="give the files inside it, e.g. DIR/*.pdf")
    return UnreadableDocument(f"cannot be read ({exc.strerror})", source=name)


_NOT_FILES = (
    (stat.S_ISDIR, "is a directory", "give the files inside it, e.g. DIR/*.pdf"),
    (stat.S_ISCHR, "is a character device, not a file", "give the report's file"),
    (stat.S_ISBLK, "is a block device, not a file", "give the report's file"),
    (stat.S_ISSOCK, "is a socket, not a file", "give the report's file"),
)


def _check_kind(info: os.stat_result, name: str) -> None:
    for test, message, hint in _NOT_FILES:
        if test(info.st_mode):
            raise UnreadableDocument(message, source=name, hint=hint)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise UnreadableDocument("is not a regular file", source=name, hint="give the report's file")


def _bounded(stream: BinaryIO, name: str, max_bytes: int | None) -> bytes:
    """Everything ``stream`` holds, in chunks; refused as soon as it passes ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if max_bytes is not None and total > max_bytes:
            raise _too_big(name, max_bytes)
        chunks.append(chunk)


def _too_big(name: str, max_bytes: int) -> UnreadableDocument:
    return UnreadableDocument(
        f"the file is over {max_bytes // (1 << 20):,} MB, more than lacompare reads",
        source=name,
        hint="a council report is rarely over 100 MB; check it is the file you meant, or raise"
        " --memory-limit (a file may be half of it)",
    )


def read_document(source: str | os.PathLike[str], *, password: str | None = None) -> Document:
    name, data = load_bytes(source)
    return document_from_bytes(data, name, password=password)


def document_from_bytes(data: bytes, name: str, *, password: str | None = None) -> Document:
    from lacompare.readers.sniff import sniff

    if not data.strip():
        empty = "the file is empty (0 bytes)" if not data else f"the file is blank ({len(data)} bytes of white space)"
        raise UnreadableDocument(empty, source=name, hint="download it again")
    digest = hashlib.sha256(data).hexdigest()
    looks = sniff(data[:8192])
    suffix = Path(name).suffix.lower()
    if looks == "pdf":
        return _pdf_document(data, name, digest, password)
    if suffix == ".pdf":
        raise NotAPdf(f"not a PDF: it looks like {_article(looks)}", source=name)
    if looks not in ("html", "text"):
        raise UnreadableDocument(
            f"not a document lacompare can read: it looks like {looks}",
            source=name,
            hint="save the report as PDF, HTML or text",
        )
    return _text_document(data, name, digest, suffix, looks)


def _article(looks: str) -> str:
    if looks == "html":
        return "an HTML page (a saved error or login page?)"
    if looks == "text":
        return "plain text"
    return looks


def _pdf_document(data: bytes, name: str, digest: str, password: str | None) -> Document:
    from lacompare.readers.base import Document
    from lacompare.readers.normalise import normalise
    from lacompare.readers.pdf import read_pdf
    from lacompare.readers.tables import extract_tables

    read = read_pdf(data, name, password)
    pages = normalise(read.texts, wrapped=True)
    tables = extract_tables(data, read.ruled, password)
    notes = read.notes + ((f"{name}: {tables.problem}",) if tables.problem else ())
    return Document(name, "pdf", _pages(pages), digest, tables=tables.tables, notes=notes)


def _text_document(data: bytes, name: str, digest: str, suffix: str, looks: str) -> Document:
    from lacompare.readers import text as textmod
    from lacompare.readers.base import Document
    from lacompare.readers.normalise import normalise

    decoded, note = textmod.decode(data, name)
    notes = (note,) if note else ()
    if looks == "html" or suffix in HTML_SUFFIXES:
        from lacompare.readers.html import html_to_text

        raw_pages, fmt = [html_to_text(decoded)], "html"
    elif suffix in MARKDOWN_SUFFIXES or textmod.looks_like_markdown(decoded):
        raw_pages, fmt = [textmod.strip_markdown(p) for p in textmod.split_pages(decoded)], "markdown"
    else:
        raw_pages, fmt = textmod.split_pages(decoded), "text"
    pages = normalise(raw_pages, wrapped=False)
    if not any(p.text.strip() for p in pages):
        raise UnreadableDocument("the file has no text", source=name, hint="check it is the report you meant")
    return Document(name, fmt, _pages(pages), digest, notes=notes)


def _pages(pages: list[NormalisedPage]) -> tuple[Page, ...]:
    from lacompare.readers.base import Page

    return tuple(
        Page(i, p.text, p.markers, raw_lines=p.raw_lines, copied_at=p.copied_at) for i, p in enumerate(pages, start=1)
    )
