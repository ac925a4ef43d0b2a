"""Do a council's rating, overall score and nine quality-statement scores agree?

CQC turns the nine scores (1 to 4) into the overall score, their sum over 36 as a percentage, and
the overall score into the rating by its published bands: 25-38% Inadequate, 39-62% Requires
improvement, 63-87% Good, 88% and over Outstanding. A document that states figures that cannot
all be true (a "Good" rating beside 58%, nine scores that sum to 22 beside a Good rating, two
different ratings) keeps every figure as stated; the rating fact is flagged with the reason. Nothing
is corrected.

Each council is checked on its own facts: a news page rating several councils checks each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from lacompare.model import QUALITY_STATEMENTS, Fact, Number, Rating, Score

# CQC's thresholds from overall % to rating.
_BANDS = ((88, "Outstanding"), (63, "Good"), (39, "Requires improvement"), (25, "Inadequate"))
_MAX_TOTAL = 4 * len(QUALITY_STATEMENTS)  # 36
_ROUNDING = 1.0  # CQC prints the overall score as a whole percentage


def band(score_pct: Number) -> str | None:
    """The rating CQC gives an overall score in %: 63-87% is Good, and so on."""
    return next((word for floor, word in _BANDS if round(score_pct) >= floor), None)


def checked_ratings(ratings: Sequence[Rating]) -> list[Rating]:
    """Each rating flagged where a council's ratings disagree with each other or with the % bands."""
    return [_flagged(r, _rating_notes(r, ratings, {})) for r in ratings]


def checked(facts: Sequence[Fact]) -> list[Fact]:
    """Every fact, each rating flagged where its council's rating, % and nine scores disagree."""
    ratings = [f for f in facts if isinstance(f, Rating)]
    if not ratings:
        return list(facts)
    totals = _totals(f for f in facts if isinstance(f, Score))
    return [_flagged(f, _rating_notes(f, ratings, totals)) if isinstance(f, Rating) else f for f in facts]


def _totals(scores: Iterable[Score]) -> dict[str | None, int]:
    """Each council's sum of its nine scores (a council with fewer than nine has none)."""
    by_council: dict[str | None, dict[str, int]] = {}
    for s in scores:
        by_council.setdefault(s.local_authority, {}).setdefault(s.statement_id, s.score)
    return {
        council: sum(found.values()) for council, found in by_council.items() if len(found) == len(QUALITY_STATEMENTS)
    }


def _rating_notes(rating: Rating, ratings: Sequence[Rating], totals: dict[str | None, int]) -> list[str]:
    council = rating.local_authority
    words = sorted({r.overall for r in ratings if r.overall and r.local_authority == council})
    stated = rating.overall or (words[0] if len(words) == 1 else None)
    notes = []
    if len(words) > 1 and rating.overall:
        notes.append("the document states more than one overall rating: " + ", ".join(words))
    if rating.score_pct is not None:
        expected = band(rating.score_pct)
        if stated and expected and expected != stated:
            notes.append(f"{rating.score_pct}% is in CQC's {expected!r} band, not {stated!r}")
    total = totals.get(council)
    if total is not None:
        notes.extend(_score_notes(total, stated, rating.score_pct))
    return notes


def _score_notes(total: int, stated: str | None, score_pct: Number | None) -> list[str]:
    pct = 100 * total / _MAX_TOTAL
    shown = f"the nine quality-statement scores sum to {total} of {_MAX_TOTAL} ({round(pct)}%)"
    notes = []
    if score_pct is not None and abs(float(score_pct) - pct) >= _ROUNDING:
        notes.append(f"{shown}, not {score_pct}%")
    expected = band(pct)
    if stated and expected and expected != stated:
        notes.append(f"{shown}, CQC's {expected!r} band, not {stated!r}")
    return notes


def _flagged(rating: Rating, notes: list[str]) -> Rating:
    """The rating with each note not already in its flag added to it."""
    new = [n for n in notes if n not in (rating.flag or "")]
    if not new:
        return rating
    return replace(rating, flag="; ".join(f for f in (rating.flag, *new) if f))
