"""Stated values: one record per measured value, with the document, page and quote it came from.

A report's facts become :class:`Value` records the way the library stores them (one SQL row
each, see :mod:`lacompare.library.schema`) and the way ``diff``, ``rank`` and ``table`` read them:
each carries its measure's id, the catalogue's label and polarity, the council it is about,
and its document (path, SHA-256, kind, date published), page and verbatim quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lacompare.catalogue.table import HIGHER as HIGHER  # the polarities, re-exported for the comparing code
from lacompare.catalogue.table import LOWER as LOWER
from lacompare.catalogue.table import NEITHER as NEITHER
from lacompare.catalogue.table import source_of
from lacompare.kinds import FactKind
from lacompare.model import RATING_ORDER, Fact, Indicator, Number, Report
from lacompare.vocab.periods import Period, fact_period, period_text

# A catalogue measure's data collection ("SACE"): a year stated without one is that collection's year.
_CATALOGUE_SOURCES = source_of()


@dataclass(frozen=True, slots=True)
class Value:
    """One measured value as a document states it."""

    metric_id: str
    label: str  # the measure's name: the catalogue's, else the subject of the document's words
    metric: str  # the words the document uses
    fact: str
    value: Number | str
    unit: str | None = None
    comparator: str | None = None
    comparator_value: Number | None = None
    relation: str | None = None
    source: str | None = None
    year: str | None = None
    flag: str | None = None
    polarity: str = NEITHER
    page: int = 0
    quote: str = ""
    gss_code: str | None = None  # the council the value is about
    local_authority: str | None = None  # the council as the document names it
    document: str = ""  # the document's path
    sha256: str = ""
    kind: str = ""  # the document's kind
    published: str | None = None  # the document's publication date

    @property
    def period(self) -> Period | None:
        """The period the value was stated for, in one comparable form (None when not stated)."""
        return fact_period(self.year, self.source or _CATALOGUE_SOURCES.get(self.metric_id))

    @property
    def period_text(self) -> str | None:
        """The value's period as lacompare writes it ('2023-24'); the stated words where they name none."""
        return period_of(self.metric_id, self.year, self.source)

    @property
    def number(self) -> float | None:
        """The value as a number (a rating by its order, Inadequate 1 … Outstanding 4), else None."""
        if isinstance(self.value, bool):
            return None
        if isinstance(self.value, int | float):
            return float(self.value)
        return float(RATING_ORDER[self.value]) if self.value in RATING_ORDER else None


@lru_cache(maxsize=8192)  # a page of 153 councils asks for some 80,000 values' periods
def period_of(metric_id: str, year: str | None, source: str | None) -> str | None:
    """A measured value's period as lacompare writes it: its stated year in one form, a catalogue
    survey's plain year as the survey's year ('2024' for SACE -> '2023-24')."""
    return period_text(year, source or _CATALOGUE_SOURCES.get(metric_id))


def values_of(report: Report, gss_code: str | None = None) -> list[Value]:
    """Every measured value of a report, in page order (a measure without a value is left out).

    ``gss_code`` is the council the document is about; a fact naming its own council (a news
    round-up) is about that one instead.
    """
    return [value for fact in current_ids(report) for value in fact_values(fact, report, gss_code)]


def current_ids(report: Report) -> list[Fact]:
    """The report's facts with the ids today's catalogue gives them (so facts stored by an older
    release line up with new ones)."""
    from lacompare.catalogue.measures import assign_metric_ids

    return assign_metric_ids(report.facts)


def fact_values(fact: Fact, report: Report, gss_code: str | None = None) -> list[Value]:
    """One fact's measured values, with its report's document, each labelled by
    :func:`lacompare.catalogue.labels.measure_label`."""
    from lacompare.catalogue.labels import measure_label

    council = _fact_council(fact, gss_code)
    return [
        Value(
            m.metric_id,
            measure_label(m.metric_id, m.metric),
            m.metric,
            fact.kind,
            m.value,
            m.unit,
            m.comparator,
            m.comparator_value,
            m.relation,
            m.source,
            m.year,
            fact.flag,
            _polarity(fact, m.metric_id),
            fact.page,
            fact.quote,
            council,
            fact.local_authority or report.local_authority,
            report.document,
            report.sha256,
            report.kind,
            report.published,
        )  # fmt: skip
        for m in fact.measures()
        if m.value is not None
    ]


def _fact_council(fact: Fact, gss_code: str | None) -> str | None:
    """The council a value is about: the fact's own where it names one, else the document's. A
    rating or score of another council in a text about this one (a neighbour set beside it) is
    about no council here: ``diff`` and ``rank`` take a council's rating from texts about it, or
    from a round-up about no one council."""
    if not fact.local_authority:
        return gss_code
    from lacompare.catalogue.authorities import find

    council = find(fact.local_authority)
    if council is None:
        return None
    if gss_code and council.gss_code != gss_code and fact.kind in (FactKind.RATING, FactKind.SCORE):
        return None
    return council.gss_code


def _polarity(fact: Fact, metric_id: str) -> str:
    from lacompare.catalogue import measures as catalogue

    known = catalogue.polarity(metric_id)
    if known == NEITHER and isinstance(fact, Indicator) and metric_id.endswith((".result", ".benchmark")):
        return indicator_polarity(fact.polarity)
    return known


def indicator_polarity(cell: str | None) -> str:
    """An indicator row's polarity cell ("Bigger is Better", "Smaller is better") as a direction."""
    words = " ".join((cell or "").casefold().split())
    if any(w in words for w in ("bigger is better", "higher is better", "larger is better", "high is good")):
        return HIGHER
    if any(w in words for w in ("smaller is better", "lower is better", "less is better", "low is good")):
        return LOWER
    return NEITHER
