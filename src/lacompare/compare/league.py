"""League tables (``lacompare rank``): every council stating a measure, best first by its polarity."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lacompare.compare.choice import by_metric, choose
from lacompare.library.values import LOWER, Value
from lacompare.library.views import Side


@dataclass(frozen=True, slots=True)
class RankRow:
    position: int
    side: Side
    value: Value
    notes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.side.name

    @property
    def period(self) -> str | None:
        return self.value.period_text


@dataclass(frozen=True, slots=True)
class Ranking:
    """A league table: its rows (the first ``limit`` positions), how many councils state the measure
    of how many were looked at, and the periods their figures are for (most councils first)."""

    rows: tuple[RankRow, ...]
    stating: int
    councils: int
    periods: tuple[tuple[str, int], ...] = ()  # (period, councils), most councils first

    def __iter__(self) -> Iterator[RankRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> RankRow:
        return self.rows[i]


def rank(
    sides: Sequence[Side],
    metric_id: str,
    *,
    worst: bool = False,
    limit: int | None = None,
    period: str | None = None,
) -> Ranking:
    """Every side that states the metric as a number, best first by its polarity (highest first
    when it has none); ``worst`` turns the order round; ``limit`` keeps the first N positions' rows;
    ``period`` ranks only figures for that period. Each council's figure is chosen by :data:`RULE`."""
    found = []
    for side in sides:
        value, notes = choose(by_metric(side.values).get(metric_id, []), period=period)
        if value is not None and value.number is not None:
            found.append((side, value, notes))
    lower_first = bool(found) and found[0][1].polarity == LOWER
    if worst:
        lower_first = not lower_first
    found.sort(key=lambda f: (f[1].number if lower_first else -(f[1].number or 0), f[0].name))
    out: list[RankRow] = []
    for i, (side, value, notes) in enumerate(found):
        tied = out and out[-1].value.number == value.number
        position = out[-1].position if tied else i + 1
        if limit is not None and position > limit:
            break
        out.append(RankRow(position, side, value, tuple(notes)))
    periods: dict[str, int] = {}
    for _, value, _ in found:
        key = value.period_text or "not stated"
        periods[key] = periods.get(key, 0) + 1
    counted = tuple(sorted(periods.items(), key=lambda p: -p[1]))
    return Ranking(tuple(out), len(found), len(sides), counted)
