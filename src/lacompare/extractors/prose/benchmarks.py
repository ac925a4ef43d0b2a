"""Benchmark comparisons stated in sentences, in any document: "46.41% … lower than the England
average of 58.77%", "compared to 75% nationally", "(England: 61.4%)", over two sentences.

The sentence grammar is ``lacompare.parsers.cqc.comparisons`` (the pairing of values with
benchmark phrases); here it serves every document. A target is not a benchmark ("achieved 2,882
against a target of 2,800" is an indicator's result and target, read by the prose-measure
reader), and a statement a page repeats word for word is one fact.
"""

from __future__ import annotations

from lacompare.extractors.merge import unique
from lacompare.extractors.prose import stated_pairs
from lacompare.model import Comparison, Fact
from lacompare.parsers.cqc import comparisons
from lacompare.readers.base import Document


def read(doc: Document) -> list[Fact]:
    sentences: list[Fact] = [
        f for f in comparisons.parse(doc) if isinstance(f, Comparison) and f.comparator != "target"
    ]
    return unique(sentences + _not_read(sentences, stated_pairs.read(doc)))


def _not_read(read: list[Fact], more: list[Fact]) -> list[Fact]:
    """The short forms' comparisons whose figures the sentence grammar did not already pair."""
    pairs = {(f.page, f.value, f.comparator_value) for f in read if isinstance(f, Comparison)}
    return [f for f in more if isinstance(f, Comparison) and (f.page, f.value, f.comparator_value) not in pairs]
