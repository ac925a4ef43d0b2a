"""The library's front door: a file (or text) in, a typed Report out."""

from __future__ import annotations

import os

from lacompare.model import Report
from lacompare.readers import document_from_bytes, read_document


def extract(source: str | os.PathLike[str], *, kind: str | None = None, password: str | None = None) -> Report:
    """Read a report (PDF, markdown, text, HTML, or ``-`` for stdin) and return its facts.

    Raises ``lacompare.errors.LacompareError`` (with a one-line message and hint) when the
    file cannot be read.
    """
    from lacompare.parsers import parse

    return parse(read_document(source, password=password), kind)


def extract_text(text: str, *, name: str = "-", kind: str | None = None) -> Report:
    """Extract facts from a string of report text (markdown or plain)."""
    from lacompare.parsers import parse

    return parse(document_from_bytes(text.encode("utf-8"), name), kind)
