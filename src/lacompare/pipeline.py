"""The library's front door: a file (or text) in, a typed Report out."""

from __future__ import annotations

import os

from lacompare.model import Report
from lacompare.readers import Document, document_from_bytes, load_bytes
from lacompare.readers.sniff import sniff

# Smaller files read faster than a fork pays for itself.
READ_BESIDE_FROM_BYTES = 200_000


def extract(source: str | os.PathLike[str], *, kind: str | None = None, password: str | None = None) -> Report:
    """Read a report (PDF, markdown, text, HTML, or ``-`` for stdin) and return its facts.

    Raises ``lacompare.errors.LacompareError`` (with a one-line message and hint) when the
    file cannot be read.
    """
    name, data = load_bytes(source)
    return extract_bytes(data, name, kind=kind, password=password)


def extract_bytes(data: bytes, name: str, *, kind: str | None = None, password: str | None = None) -> Report:
    """Facts of a document given as bytes; ``name`` is how reports and errors refer to it.

    A long PDF is read in a forked child while this process compiles the parsers' patterns,
    when a second CPU is free: the two costs overlap instead of adding up.
    """
    from lacompare.forking import beside

    def read() -> Document:
        return document_from_bytes(data, name, password=password)

    if len(data) >= READ_BESIDE_FROM_BYTES and sniff(data[:8192]) == "pdf":
        doc = beside(read, _warm_up)  # the parsers are imported beside the read, not before it
    else:
        doc = read()
    from lacompare import code_cache, pattern_cache
    from lacompare.parsers import parse

    report = parse(doc, kind)
    pattern_cache.save()  # the patterns compiled for the first time, for the next run
    code_cache.save()  # and the parsers' classes' methods, where the console script keeps them
    return report


def _warm_up() -> None:
    from lacompare.parsers import warm_up

    warm_up()


def extract_text(text: str, *, name: str = "-", kind: str | None = None) -> Report:
    """Extract facts from a string of report text (markdown or plain)."""
    from lacompare import pattern_cache
    from lacompare.parsers import parse

    report = parse(document_from_bytes(text.encode("utf-8"), name), kind)
    pattern_cache.save()
    return report
