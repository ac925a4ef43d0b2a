"""Placeholder until the finance parser lands."""

from __future__ import annotations

from lacompare.model import Fact
from lacompare.readers.base import Document


def parse(doc: Document) -> list[Fact]:
    return []
