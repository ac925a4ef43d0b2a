"""A council's picture: the documents that speak for it in ``diff``, ``rank`` and ``table``.

* **One assessment.** CQC publishes an assessment as a report and as web pages (a summary,
  theme pages, an "About" page); a library may hold several of them. The council's CQC
  documents published on one date are one assessment, and its undated pages belong to the
  newest one. The newest assessment (or, with ``as_of``, the newest published by then) speaks
  for the council; its document with the most facts comes first.
* **The council's own papers and the press join it**: the newest document of each other kind
  (press release, news, performance report, dashboard, budget report, waiting times, unknown).
* Undated documents cannot be placed before a date: with ``as_of`` they are left out, and the
  picture says so (unless they are pages of an assessment that ``as_of`` keeps whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lacompare.kinds import DocumentKind

# The order in which documents of a picture are preferred when two state the same measure.
KIND_ORDER: tuple[DocumentKind, ...] = (
    DocumentKind.CQC_ASSESSMENT,
    DocumentKind.CQC_PRESS_RELEASE,
    DocumentKind.NEWS,
    DocumentKind.PERFORMANCE_REPORT,
    DocumentKind.DASHBOARD,
    DocumentKind.BUDGET_REPORT,
    DocumentKind.WAITING_TIMES,
    DocumentKind.UNKNOWN,
)


@dataclass(frozen=True, slots=True)
class Holding:
    """A stored document that holds values about a council."""

    document_id: int
    gss_code: str
    sha256: str
    source: str
    kind: str
    published: str | None
    facts: int
    added_at: str


@dataclass(frozen=True, slots=True)
class Picture:
    """The documents that speak for one council, in the order their values are preferred."""

    gss_code: str
    documents: tuple[Holding, ...]
    notes: tuple[str, ...] = ()

    @property
    def assessed(self) -> str | None:
        """The date of the assessment in the picture (None when it has none, or it is undated)."""
        return next((h.published for h in self.documents if h.kind == DocumentKind.CQC_ASSESSMENT), None)


def picture(
    gss_code: str, holdings: Iterable[Holding], *, as_of: str | None = None, kinds: Sequence[str] | None = None
) -> Picture:
    """The council's picture from the documents it holds (see the module's docstring)."""
    by_kind: dict[str, list[Holding]] = {}
    for holding in holdings:
        by_kind.setdefault(holding.kind, []).append(holding)
    chosen: list[Holding] = []
    left_out = 0
    for kind in KIND_ORDER:
        if kinds is not None and kind not in kinds:
            continue
        found = by_kind.get(kind, [])
        members, undated_out = assessment(found, as_of) if kind == DocumentKind.CQC_ASSESSMENT else newest(found, as_of)
        chosen += members
        left_out += undated_out
    notes: tuple[str, ...] = ()
    if left_out:
        notes = (f"{left_out} undated document(s) left out: they cannot be placed on or before {as_of}",)
    return Picture(gss_code, tuple(chosen), notes)


def assessment(pages: Sequence[Holding], as_of: str | None) -> tuple[list[Holding], int]:
    """The documents of the newest assessment (by ``as_of``), main report first; and how many
    undated pages had to be left out."""
    dates = sorted({p.published for p in pages if p.published}, reverse=True)
    chosen = dates[0] if dates and as_of is None else next((d for d in dates if as_of and d <= as_of), None)
    members = [p for p in pages if p.published is not None and p.published == chosen]
    undated = [p for p in pages if p.published is None]
    keeps_newest = as_of is None or (bool(dates) and chosen == dates[0])
    if keeps_newest:
        members += undated
    members.sort(key=lambda p: (-p.facts, p.published is None, p.added_at))
    return members, 0 if keeps_newest else len(undated)


def newest(documents: Sequence[Holding], as_of: str | None) -> tuple[list[Holding], int]:
    """The newest document (by ``as_of``), and how many undated ones ``as_of`` left out."""
    if as_of is None:
        found = list(documents)
        left_out = 0
    else:
        found = [d for d in documents if d.published is not None and d.published <= as_of]
        left_out = sum(1 for d in documents if d.published is None)
    if not found:
        return [], left_out
    best = max(found, key=lambda d: (d.published is not None, d.published or "", d.facts, d.added_at))
    return [best], left_out
