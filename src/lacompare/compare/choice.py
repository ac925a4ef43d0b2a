"""Which figure speaks for a council: one value per council and measure, chosen by rule.

**The rule** (:data:`RULE`): the newest period first; a value whose period is not stated counts
from its document's publication date (a figure cannot be newer than the page that prints it).
On a tie, the most authoritative document: the council's CQC assessment, then its own papers,
then the press (a side's values come in that order, see :mod:`lacompare.library.pictures`); within one
document, the value set against England.

What else the council's documents state for the measure is noted, never dropped, and never
called a disagreement unless it is one:

* the same value in another document (a copy of the report in another format) is no note;
* another value for the **same period** in the same document is "also states" (a later figure
  in a sentence further on); in another document it is "documents disagree", once per value;
* values for **other periods** are "other periods", newest first, each period and value once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lacompare.library.values import Value
from lacompare.vocab.periods import month_of

RULE = (
    "each council's figure is its newest period (a figure with no period stated counts from its "
    "document's publication date); on a tie, the most authoritative document (the CQC assessment, "
    "then the council's own papers, then the press)"
)
RULE_SHORT = "newest period, then the most authoritative document"
_MOST_OTHER_PERIODS = 3  # the notes name this many other periods, then "…"


@dataclass(frozen=True, slots=True)
class Chosen:
    """A council's figure for a measure and what its documents also state."""

    value: Value
    notes: tuple[str, ...] = ()


def recency(value: Value) -> tuple[int, int]:
    """(year, month) the value is as of: its period's last month, else its document's publication month."""
    period = value.period
    if period is not None and period.anchored:
        return period.end
    return month_of(value.published) or (0, 0)


def same_period(a: Value, b: Value) -> bool:
    """Whether two values were stated for one period (or neither names one)."""
    return a.period_text == b.period_text


def choose(
    values: Sequence[Value], *, period: str | None = None, as_of: str | None = None
) -> tuple[Value | None, list[str]]:
    """The value shown for a council (by :data:`RULE`) and notes on what else its documents state.

    ``values`` are one council's values for one measure, its most authoritative document first;
    ``period`` keeps only values for that period ('2023-24'); ``as_of`` (an ISO date) leaves out
    values for periods that end after it.
    """
    candidates = _candidates(values, period, as_of)
    shown = _shown(candidates)
    if shown is None or len(candidates) == 1:
        return shown, []
    return shown, _notes(shown, candidates)


def chosen_value(values: Sequence[Value], *, period: str | None = None, as_of: str | None = None) -> Value | None:
    """The value :func:`choose` shows, without its notes (a grid of many councils needs no notes)."""
    return _shown(_candidates(values, period, as_of))


def _candidates(values: Sequence[Value], period: str | None, as_of: str | None) -> list[Value]:
    candidates = list(values)
    if period is not None:
        candidates = [v for v in candidates if v.period_text == period]
    if as_of is not None and (limit := month_of(as_of)) is not None:
        candidates = [v for v in candidates if v.period is None or not v.period.anchored or v.period.end <= limit]
    return candidates


def _shown(candidates: Sequence[Value]) -> Value | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    top = max(candidates, key=recency)  # the first of the newest: authority breaks ties
    same = (v for v in candidates if v.sha256 == top.sha256 and same_period(v, top) and recency(v) == recency(top))
    return next((v for v in same if is_england(v.comparator)), top)


def _notes(shown: Value, values: Sequence[Value]) -> list[str]:
    shown_text = value_text(shown)
    also: dict[str, None] = {}
    disagree: dict[str, list[Value]] = {}
    other_periods: dict[tuple[str, str], None] = {}
    # What the shown document itself states for the period: another document (a copy of the
    # report in another format) stating one of these agrees with it.
    own = {value_text(v) for v in values if v.sha256 == shown.sha256 and same_period(v, shown)}
    for v in sorted(values, key=recency, reverse=True):  # other periods newest first
        text = value_text(v)
        if not same_period(v, shown):
            other_periods[(v.period_text or "period not stated", text)] = None
        elif text == shown_text:
            continue
        elif v.sha256 == shown.sha256:
            also[text] = None
        elif text not in own:
            disagree.setdefault(text, []).append(v)
    notes = []
    if also:
        notes.append(f"also states {' / '.join(also)}" + _for(shown))
    for text, where in disagree.items():
        copies = len({v.sha256 for v in where}) - 1
        more = f" (and {copies} other document{'s' if copies > 1 else ''})" if copies else ""
        notes.append(f"documents disagree: {Path(where[0].document).name} p. {where[0].page} states {text}{more}")
    if other_periods:
        listed = [f"{text} ({p})" for p, text in list(other_periods)[:_MOST_OTHER_PERIODS]]
        ellipsis = ", …" if len(other_periods) > _MOST_OTHER_PERIODS else ""
        notes.append(f"other periods: {', '.join(listed)}{ellipsis}")
    return notes


def _for(value: Value) -> str:
    return f" for {value.period_text}" if value.period_text else ""


def is_england(comparator: str | None) -> bool:
    """Whether a benchmark's name is England's (or the national figure)."""
    return (comparator or "").strip().casefold() in ("england", "national", "england average", "national average")


def value_text(value: Value) -> str:
    """A value as the notes write it: '53.8', 'Good'."""
    v = value.value
    if isinstance(v, str):
        return v
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def by_metric(values: Iterable[Value]) -> dict[str, list[Value]]:
    """metric id -> the values stating it, in the side's order (preferred document first, then page order)."""
    out: dict[str, list[Value]] = {}
    for value in values:
        out.setdefault(value.metric_id, []).append(value)
    return out


def preferred(values: Sequence[Value], *, period: str | None = None) -> Value | None:
    """The value shown for a council (by :data:`lacompare.compare.choice.RULE`), without the notes."""
    return chosen_value(values, period=period)
