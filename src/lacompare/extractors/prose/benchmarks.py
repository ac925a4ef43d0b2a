"""Benchmark comparisons stated in sentences, in any document: "46.41% … lower than the England
average of 58.77%", "compared to 75% nationally", "(England: 61.4%)", over two sentences.

The sentence grammar is ``lacompare.parsers.cqc.comparisons`` (the pairing of values with
benchmark phrases); here it serves every document. A target is not a benchmark ("achieved 2,882
against a target of 2,800" is an indicator's result and target, read by the prose-measure
reader), and a statement a page repeats word for word is one fact.
"""

from __future__ import annotations

from lacompare.model import Comparison, Fact
from lacompare.readers.base import Document


def read(doc: Document) -> list[Fact]:
    from lacompare.parsers.cqc import comparisons
    from lacompare.parsers.dashboard.papers import unique

    return unique([f for f in comparisons.parse(doc) if isinstance(f, Comparison) and f.comparator != "target"])
