"""Grids of councils x measures (``lacompare table``), each value chosen as ``diff`` chooses it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lacompare.compare.choice import by_metric, preferred
from lacompare.compare.side_by_side import measures_stated
from lacompare.library.values import Value
from lacompare.library.views import Side


@dataclass(frozen=True, slots=True)
class Grid:
    """Councils x measures (``lacompare table``): each side's value for each measure, or None."""

    sides: tuple[Side, ...]
    metric_ids: tuple[str, ...]
    cells: tuple[tuple[Value | None, ...], ...]  # one tuple per side, in ``metric_ids`` order


def table(
    sides: Sequence[Side],
    *,
    facts: Iterable[str] | None = None,
    period: str | None = None,
    only_shared: bool = False,
) -> Grid:
    """Every measure any side states (with ``only_shared``, every side states), as a grid of councils
    x measures, each value chosen as ``diff`` chooses it, by :data:`RULE` (for ``period`` when given)."""
    per_side = [by_metric(side.values) for side in sides]
    metric_ids = tuple(m for m, _ in measures_stated(per_side, facts))
    cells = tuple(tuple(preferred(v[m], period=period) if m in v else None for m in metric_ids) for v in per_side)
    if period is not None or only_shared:
        wanted = all if only_shared else any
        kept = [i for i in range(len(metric_ids)) if wanted(row[i] is not None for row in cells)]
        metric_ids = tuple(metric_ids[i] for i in kept)
        cells = tuple(tuple(row[i] for i in kept) for row in cells)
    return Grid(tuple(sides), metric_ids, cells)
