"""Comparing councils: side by side (:mod:`.side_by_side`), league tables (:mod:`.league`), grids of
councils x measures (:mod:`.grid`), each council's figure chosen by one rule (:mod:`.choice`).

Logic only: a council's values come from the library (:class:`~lacompare.library.views.Side`),
and rendering lives in :mod:`lacompare.render`. Nothing here imports the store.
"""

from lacompare.compare.choice import RULE, by_metric, choose, is_england, preferred
from lacompare.compare.grid import Grid, table
from lacompare.compare.league import Ranking, RankRow, rank
from lacompare.compare.side_by_side import Benchmark, DiffRow, diff, gap_column, periods_match
from lacompare.library.views import Side

__all__ = [
    "RULE",
    "Benchmark",
    "DiffRow",
    "Grid",
    "RankRow",
    "Ranking",
    "Side",
    "by_metric",
    "choose",
    "diff",
    "gap_column",
    "is_england",
    "periods_match",
    "preferred",
    "rank",
    "table",
]
