"""One table reader for every document: tables in every rendering (ruled PDF tables, pipes, HTML
rows, aligned and flattened text) become one model of columns and rows (``grid``), whose header
words say what each column holds (``header``); the rows become indicator facts and benchmark
comparisons (``rows``); a header grouping its columns by place ("England (000's) % Change
Worcestershire (000's) % Change") gives comparisons (``grouped``). Tables printed a cell per
line are read by ``cards`` (dashboard cards) and ``year_lists`` (figures listed by period, and
benchmarks listed the same way)."""

from __future__ import annotations

from lacompare.extractors.tables import cards, grouped, labelled, series, year_lists
from lacompare.extractors.tables.grid import grids
from lacompare.extractors.tables.model import Grid
from lacompare.extractors.tables.rows import grid_facts
from lacompare.model import Fact
from lacompare.readers.base import Document

__all__ = ["Grid", "grids", "read"]


def read(doc: Document) -> list[Fact]:
    """The facts of every table the document holds."""
    facts: list[Fact] = []
    for grid in grids(doc):
        facts.extend(grid_facts(grid))
    for page in doc.pages:  # tables turned on their side: a series down the rows, values a line each
        facts.extend(series.waits(page))
        facts.extend(labelled.comparisons(page))
        for grid in grouped.grids(page):  # a header grouping its columns by place
            facts.extend(grid_facts(grid))
        facts.extend(cards.rows(page))
        facts.extend(year_lists.rows(page))
    facts.extend(year_lists.comparisons(doc))
    return facts
