"""Real libraries for the ``lacompare report`` tests: the bundled fixtures, and one with hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.library.store import Library
from lacompare.model import Comparison, Rating, Report, Score, Wait

from .conftest import BARNET_MD, CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, QS_TXT

# The bundled example: Barnet's assessment, a theme page, performance report and dashboard; Camden's assessment.
EXAMPLE = (BARNET_MD, QS_TXT, PERF_TXT, DASHBOARD_TXT, CAMDEN_TXT)

HOSTILE = '<script>document.title="pwned";alert(1)</script><img src=x onerror=alert(2)> & "quotes" \x00\x0b'


def example_library(folder: Path) -> Path:
    """A library of the bundled fixtures' councils (Barnet and Camden), built without the user's cache."""
    db = folder / "library.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LACOMPARE_CACHE", "off")
        with Library(db) as library:
            for path in EXAMPLE:
                library.add(str(path))
    return db


def hostile_library(folder: Path) -> Path:
    """A library whose quotes, flags and document name carry markup and control characters."""
    db = folder / "hostile.sqlite3"
    quote = f"Camden {HOSTILE} 41.5% against England 58.77%, 3, Good, 12 people"
    facts = (
        Rating(1, quote, overall="Good"),
        Score(1, quote, statement_id="assessing_needs", score=3),
        Comparison(
            2,
            quote,
            metric="People on long-term support whose care was reviewed",
            value=41.5,
            unit="%",
            comparator="England",
            comparator_value=58.77,
            metric_id="salt.long_term_reviewed",
            flag=f"flagged {HOSTILE}",
        ),
        Wait(3, quote, service="care_act_assessment", people=12),
    )
    report = Report(f"<b>{HOSTILE}</b>.txt", "cqc_assessment", "Camden", "2025-02-28", 3, "f" * 64, facts)
    with Library(db) as library:
        library.store(report)
    return db
