"""The report of one document: every fact extracted from it, and how facts are read back."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from lacompare.model.facts import Comparison, Fact, Finance, Rating, Score, Statistic, Wait
from lacompare.model.indicator import Indicator, indicator_from_dict

FACT_TYPES: dict[str, type[Fact]] = {
    cls.kind: cls for cls in (Rating, Score, Comparison, Wait, Finance, Indicator, Statistic)
}


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Inverse of ``Fact.to_dict`` (used by the cache and the store)."""
    data = dict(data)
    cls = FACT_TYPES[data.pop("fact")]
    if cls is Indicator:
        return indicator_from_dict(data)
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
