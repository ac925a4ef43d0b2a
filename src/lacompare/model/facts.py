"""The fact kinds (an indicator row apart, see :mod:`lacompare.model.indicator`).

Every fact carries ``page`` (1-based) and ``quote``: a verbatim substring of that page's
normalised text containing every number of the fact. ``flag`` records doubt (a claim
that contradicts its numbers, an ambiguous cell) without dropping the fact.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from lacompare.kinds import FactKind

Number = float | int

# The nine CQC quality statements: canonical id -> label, in report order.
QUALITY_STATEMENTS: dict[str, str] = {
    "assessing_needs": "Assessing needs",
    "supporting_healthier_lives": "Supporting people to live healthier lives",
    "equity_in_experience_and_outcomes": "Equity in experience and outcomes",
    "care_provision_integration_continuity": "Care provision, integration and continuity",
    "partnerships_and_communities": "Partnerships and communities",
    "safe_pathways_systems_transitions": "Safe pathways, systems and transitions",
    "safeguarding": "Safeguarding",
    "governance_management_sustainability": "Governance, management and sustainability",
    "learning_improvement_innovation": "Learning, improvement and innovation",
}

RATINGS = ("Outstanding", "Good", "Requires improvement", "Inadequate")
# A rating as a number, so councils can be ranked by it: Inadequate 1 … Outstanding 4.
RATING_ORDER = {rating: 4 - i for i, rating in enumerate(RATINGS)}


@dataclass(frozen=True, slots=True)
class Measure:
    """One tidy output row's fact-specific cells (the rest come from the report)."""

    metric_id: str
    metric: str
    value: Number | str | None
    unit: str | None = None
    comparator: str | None = None
    comparator_value: Number | None = None
    relation: str | None = None
    source: str | None = None
    year: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """Base of every fact kind: where it is and how sure we are."""

    kind: ClassVar[str] = "fact"
    page: int
    quote: str
    flag: str | None = field(default=None, kw_only=True)
    # The council the fact is about when a page names several (a news round-up); None: the document's.
    local_authority: str | None = field(default=None, kw_only=True)

    def measures(self) -> list[Measure]:
        """The fact's measured values, one tidy row each (every fact kind defines its own)."""
        return []

    def numbers(self) -> list[Number]:
        """Every number of the fact: each must appear in the quote."""
        out: list[Number] = []
        for m in self.measures():
            if isinstance(m.value, int | float) and not isinstance(m.value, bool):
                out.append(m.value)
            if m.comparator_value is not None:
                out.append(m.comparator_value)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.kind, **asdict(self)}


@dataclass(frozen=True, slots=True)
class Rating(Fact):
    """Overall rating word and, where stated, the overall score in %."""

    kind: ClassVar[str] = FactKind.RATING
    overall: str | None = None
    score_pct: Number | None = None

    def measures(self) -> list[Measure]:
        out = []
        if self.overall is not None:
            out.append(Measure("rating.overall", "Overall rating", self.overall))
        if self.score_pct is not None:
            out.append(Measure("rating.score_pct", "Overall score", self.score_pct, "%"))
        return out


@dataclass(frozen=True, slots=True)
class Score(Fact):
    """A quality-statement score, 1 to 4."""

    kind: ClassVar[str] = FactKind.SCORE
    statement_id: str = ""
    score: int = 0

    @property
    def statement(self) -> str:
        return QUALITY_STATEMENTS.get(self.statement_id, self.statement_id)

    def measures(self) -> list[Measure]:
        return [Measure(f"qs.{self.statement_id}", self.statement, self.score, "score (1-4)")]


@dataclass(frozen=True, slots=True)
class Comparison(Fact):
    """A council value set against a benchmark value, both stated in the text."""

    kind: ClassVar[str] = FactKind.COMPARISON
    metric: str = ""
    value: Number = 0
    unit: str | None = None
    comparator: str = ""
    comparator_value: Number = 0
    relation: str | None = None
    source: str | None = None
    year: str | None = None
    metric_id: str = ""
    band: str | None = None  # CQC's variation band: "tending towards negative variation"

    def measures(self) -> list[Measure]:
        return [
            Measure(
                self.metric_id or "comparison",
                self.metric,
                self.value,
                self.unit,
                self.comparator,
                self.comparator_value,
                self.relation,
                self.source,
                self.year,
            )
        ]


@dataclass(frozen=True, slots=True)
class Wait(Fact):
    """A waiting list or waiting time for one service.

    Durations are kept in the unit the text uses (``duration_unit``: days, weeks, months). A figure
    the text gives as a bound ("under 300 days") keeps its number, says so in ``bound`` and is flagged.
    """

    kind: ClassVar[str] = FactKind.WAIT
    service: str = ""
    people: int | None = None
    median: Number | None = None
    maximum: Number | None = None
    average: Number | None = None
    duration_unit: str = "days"
    as_of: str | None = None
    length: Number | None = None  # a waiting time the text gives without saying median, maximum or average
    year: str | None = None  # the financial year the figures are for, where stated ("2021-22")
    bound: str | None = None  # figures given as bounds, as stated: "maximum under", "people over"

    def measures(self) -> list[Measure]:
        label = self.service.replace("_", " ")
        out = []
        if self.people is not None:
            metric = f"{label}: people waiting"
            out.append(Measure(f"wait.{self.service}.people", metric, self.people, "people", year=self.year))
        durations = (("median", self.median), ("max", self.maximum), ("average", self.average), ("length", self.length))
        for name, value in durations:
            if value is not None:
                unit = self.duration_unit
                metric = f"{label}: {name} wait" if name != "length" else f"{label}: length of wait"
                out.append(Measure(f"wait.{self.service}.{name}_{unit}", metric, value, unit, year=self.year))
        return out

    def numbers(self) -> list[Number]:
        # "No waiting list" is a count of 0 stated in words: it has no digit to quote.
        out = Fact.numbers(self)
        if self.people == 0:
            out.remove(0)
        return out


@dataclass(frozen=True, slots=True)
class Finance(Fact):
    """A financial fact: a budget, spend, share, precept, people supported or the population."""

    kind: ClassVar[str] = FactKind.FINANCE
    field_id: str = ""
    label: str = ""
    value: Number = 0
    unit: str | None = None
    year: str | None = None
    period: str | None = None
    bound: str | None = None  # the value is a bound, as stated: "over", "up to"

    def measures(self) -> list[Measure]:
        return [Measure(f"finance.{self.field_id}", self.label, self.value, self.unit, year=self.year or self.period)]


@dataclass(frozen=True, slots=True)
class Statistic(Fact):
    """A value stated with no benchmark beside it: a count, a population, a RAG tally."""

    kind: ClassVar[str] = FactKind.STATISTIC
    metric_id: str = ""
    metric: str = ""
    value: Number = 0
    unit: str | None = None
    source: str | None = None
    year: str | None = None

    def measures(self) -> list[Measure]:
        return [Measure(self.metric_id, self.metric, self.value, self.unit, source=self.source, year=self.year)]


def words_key(text: str, *, most: int = 8) -> str:
    """An id made of a text's first words: 'Carers accessing support (new)' -> 'carers_accessing_support_new'.

    A text of more than ``most`` words keeps its first ``most`` and a short digest of them all, so
    two measures that differ only after those words ("people in contact with secondary mental
    health services who live independently" / "… in paid employment") never share an id.
    """
    words = re.findall(r"[^\W_]+", text.casefold())
    if len(words) <= most:
        return "_".join(words) or "unnamed"
    digest = hashlib.blake2s(" ".join(words).encode(), digest_size=3).hexdigest()
    return "_".join([*words[:most], digest])
