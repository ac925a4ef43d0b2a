"""Typed facts and the report that holds them. No parsing and no I/O here.

Every fact carries ``page`` (1-based) and ``quote``: a verbatim substring of that page's
normalised text containing every number of the fact. ``flag`` records doubt (a claim
that contradicts its numbers, an ambiguous cell) without dropping the fact.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from lacompare.kinds import CQC_ASSESSMENT as CQC_ASSESSMENT
from lacompare.kinds import DASHBOARD as DASHBOARD
from lacompare.kinds import DOCUMENT_KINDS as DOCUMENT_KINDS
from lacompare.kinds import PERFORMANCE_REPORT as PERFORMANCE_REPORT
from lacompare.kinds import UNKNOWN as UNKNOWN
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
class Benchmark:
    value: Number | None
    text: str
    comparator: str


@dataclass(frozen=True, slots=True)
class Indicator(Fact):
    """One row of a council performance report's indicator table (cells as printed)."""

    kind: ClassVar[str] = FactKind.INDICATOR
    ref: str = ""
    code: str | None = None
    description: str = ""
    polarity: str | None = None
    annual_target: str | None = None
    period_target: str | None = None
    numerator_denominator: str | None = None
    result: str | None = None
    previous_result: str | None = None
    dot_short: str | None = None
    last_year_result: str | None = None
    dot_long: str | None = None
    benchmarks: tuple[Benchmark, ...] = ()
    period: str | None = None
    # Cells of other layouts (prose rows, dashboards, flattened tables), as printed.
    target: str | None = None
    baseline: str | None = None
    rag: str | None = None
    status: str | None = None
    metric_id: str | None = None  # the catalogue id an ASCOF code maps to

    CELL_FIELDS: ClassVar[tuple[str, ...]] = (
        "polarity",
        "annual_target",
        "period_target",
        "numerator_denominator",
        "result",
        "previous_result",
        "dot_short",
        "last_year_result",
        "dot_long",
    )
    OTHER_FIELDS: ClassVar[tuple[str, ...]] = ("target", "baseline", "rag", "status")

    @property
    def key(self) -> str:
        """The row's id in metric ids: its reference, else words of its description."""
        return self.ref or words_key(self.description)

    def measures(self) -> list[Measure]:
        out = []
        label = f"{self.ref} {self.description}" if self.ref else self.description
        for name in self.CELL_FIELDS + self.OTHER_FIELDS:
            cell = getattr(self, name)
            if cell:
                value, unit = split_cell(cell)
                metric = f"{label}: {name.replace('_', ' ')}"
                out.append(Measure(f"indicator.{self.key}.{name}", metric, value, unit, year=self.period))
        for b in self.benchmarks:
            out.append(
                Measure(
                    f"indicator.{self.key}.benchmark",
                    f"{label}: benchmark",
                    split_cell(self.result or "")[0],
                    split_cell(b.text)[1],
                    b.comparator,
                    b.value,
                    year=self.period,
                )
            )
        return out

    def numbers(self) -> list[Number]:
        # Indicator cells come from a table; their numbers are checked against the row quote.
        return [v for m in self.measures() for v in (m.value, m.comparator_value) if isinstance(v, int | float)]


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
    """An id made of a text's first words: 'Carers accessing support (new)' -> 'carers_accessing_support_new'."""
    return "_".join(re.findall(r"[^\W_]+", text.casefold())[:most]) or "unnamed"


_CELL_NOTE = re.compile(r"(?<=\S)\s+\([^()]*\)$")


def split_cell(cell: str) -> tuple[Number | str | None, str | None]:
    """'65.9%' -> (65.9, '%'); '£1,234' -> (1234, '£'); 'Improving' -> ('Improving', None)."""
    text = cell.strip()
    if not text:
        return None, None
    unit = None
    core = _CELL_NOTE.sub("", text)  # '61.0% (within CI)', '530 (new method)': the note is in the quote
    if core.startswith("£"):
        unit, core = "£", core[1:]
    if core.endswith("%"):
        unit, core = "%", core[:-1]
    try:
        number = float(core.replace(",", ""))
    except ValueError:
        return text, None
    return (int(number) if number.is_integer() and "." not in core else number), unit


FACT_TYPES: dict[str, type[Fact]] = {
    cls.kind: cls for cls in (Rating, Score, Comparison, Wait, Finance, Indicator, Statistic)
}


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Inverse of ``Fact.to_dict`` (used by the cache and the store)."""
    data = dict(data)
    cls = FACT_TYPES[data.pop("fact")]
    if cls is Indicator:
        data["benchmarks"] = tuple(Benchmark(**b) for b in data.get("benchmarks", ()))
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True, slots=True)
class Report:
    """Everything extracted from one document."""

    document: str
    kind: str
    local_authority: str | None
    published: str | None
    pages: int
    sha256: str
    facts: tuple[Fact, ...] = ()
    notes: tuple[str, ...] = ()

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    @property
    def rating(self) -> Rating | None:
        found = self.of_kind("rating")
        return found[0] if found else None  # type: ignore[return-value]

    @property
    def scores(self) -> list[Score]:
        return self.of_kind("score")  # type: ignore[return-value]

    @property
    def comparisons(self) -> list[Comparison]:
        return self.of_kind("comparison")  # type: ignore[return-value]

    @property
    def waits(self) -> list[Wait]:
        return self.of_kind("wait")  # type: ignore[return-value]

    @property
    def finance(self) -> list[Finance]:
        return self.of_kind("finance")  # type: ignore[return-value]

    @property
    def indicators(self) -> list[Indicator]:
        return self.of_kind("indicator")  # type: ignore[return-value]

    def to_dict(self) -> dict[str, Any]:
        head = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "facts"}
        return {**head, "facts": [f.to_dict() for f in self.facts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        facts = tuple(fact_from_dict(f) for f in data["facts"])
        return cls(**{**data, "facts": facts, "notes": tuple(data.get("notes", ()))})
