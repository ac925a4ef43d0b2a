"""Read a document (PDF, markdown, text, saved HTML page, or ``-`` for stdin) into pages."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from lacompare.errors import NotAPdf, UnreadableDocument
from lacompare.readers.base import Document, Page, Table
from lacompare.readers.normalise import NormalisedPage, normalise
from lacompare.readers.sniff import sniff

__all__ = ["Document", "Page", "Table", "load_bytes", "read_document", "document_from_bytes"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def load_bytes(source: str | os.PathLike[str]) -> tuple[str, bytes]:
    """Return (name as given, bytes); ``-`` reads standard input."""
    name = os.fspath(source)
    if name == "-":
        return name, sys.stdin.buffer.read()
    path = Path(name)
    try:
        if path.is_dir():
            raise UnreadableDocument("is a directory", source=name, hint="give the files inside it, e.g. DIR/*.pdf")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument("no such file", source=name, hint="check the path") from None
    except PermissionError:
        raise UnreadableDocument("permission denied", source=name, hint="check the file's permissions") from None
    except IsADirectoryError:
        raise UnreadableDocument("is a directory", source=name, hint="give the files inside it") from None
    except OSError as exc:
        raise UnreadableDocument(f"cannot be read ({exc.strerror})", source=name) from None
    return name, data


def read_document(source: str | os.PathLike[str], *, password: str | None = None) -> Document:
    name, data = load_bytes(source)
    return document_from_bytes(data, name, password=password)


def document_from_bytes(data: bytes, name: str, *, password: str | None = None) -> Document:
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
    from lacompare.readers.pdf import read_pdf_pages_and_ruled
    from lacompare.readers.tables import extract_tables

    raw, ruled = read_pdf_pages_and_ruled(data, name, password)
    pages = normalise(raw, wrapped=True)
    return Document(name, "pdf", _pages(pages), digest, tables=extract_tables(data, ruled, password))


def _text_document(data: bytes, name: str, digest: str, suffix: str, looks: str) -> Document:
    from lacompare.readers import text as textmod

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
    return tuple(Page(i, p.text, p.markers) for i, p in enumerate(pages, start=1))
