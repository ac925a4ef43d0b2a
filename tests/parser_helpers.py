"""Helpers for the fact-parser tests: documents from fixtures (read once) or from a string."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lacompare.model import Fact
from lacompare.provenance import quote_problem
from lacompare.readers import read_document
from lacompare.readers.base import Document, Page


@cache
def fixture(path: Path) -> Document:
    return read_document(path)


def text_doc(*pages: str) -> Document:
    """A document whose pages are the given normalised texts."""
    return Document("-", "text", tuple(Page(n, text) for n, text in enumerate(pages, start=1)), sha256="")


def quote_problems(doc: Document, facts: list[Fact]) -> list[tuple[str, int, str]]:
    out = []
    for fact in facts:
        problem = quote_problem(fact, doc.page(fact.page).text, doc.page(fact.page).copied_at)
        if problem:
            out.append((fact.kind, fact.page, problem))
    return out
