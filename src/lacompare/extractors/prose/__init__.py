"""Measures stated in sentences, read from any document by their grammar.

``read(doc)`` gives an ``Indicator`` for each sentence (or pair of sentences) that states a
measure and a figure in a value role: "8,571 requests for support were received, compared to
8,420 in 2021-22"; "<measure> has increased from 87.1% in 2017-18 to 91.9% in 2018-19";
"Achieved 2,882 against a target of 2,800". Nothing here depends on the document's kind, council
or publisher: a row needs the grammar's evidence, never the kind of paper it stands in.

``grammar`` holds the pieces and forms, ``phrases`` the noun-phrase extractor, ``guards`` the
reasons a figure is no value, ``readings`` one sentence's rows and ``pages`` a page's.
``benchmarks`` reads the comparisons sentences state with a benchmark ("lower than the England
average of 58.77%").
"""

from __future__ import annotations

from lacompare.extractors.prose.pages import page_readings
from lacompare.extractors.prose.readings import Reading
from lacompare.model import Fact, Indicator
from lacompare.readers.base import Document

__all__ = ["read"]


def read(doc: Document) -> list[Fact]:
    """Every measure the document's sentences state, as indicator rows quoting their sentences."""
    facts: list[Fact] = []
    for page in doc.pages:
        # a document's title is its first page's first line (a later page's is a running header)
        readings = page_readings(page.text, titled=page.number == 1)
        facts.extend(_indicator(page.text, page.number, r) for r in readings)
    return facts


def _indicator(text: str, page: int, reading: Reading) -> Indicator:
    return Indicator(
        page,
        text[reading.start : reading.end].rstrip(),
        flag=reading.flag,
        ref=reading.ref,
        code=reading.code,
        description=reading.label,
        result=reading.result,
        previous=reading.previous,
        previous_period=reading.previous_period,
        target=reading.target,
        period=reading.period,
    )
