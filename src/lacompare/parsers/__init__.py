"""Run the fact parsers that fit a document's kind and collect their facts in page order."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from lacompare.model import CQC_ASSESSMENT, DASHBOARD, PERFORMANCE_REPORT, UNKNOWN, Fact, Report
from lacompare.readers.base import Document

Parser = Callable[[Document], list[Fact]]

# Module names under lacompare.parsers; each exposes ``parse(doc) -> list[Fact]``.
PARSERS_BY_KIND: dict[str, tuple[str, ...]] = {
    CQC_ASSESSMENT: ("rating", "scores", "comparisons", "waits", "finance"),
    # Not "comparisons" here: pdfium's cell-by-cell table text would pair a benchmark with the
    # wrong cell; indicators (benchmarks) and targets (narrative targets) cover these reports.
    PERFORMANCE_REPORT: ("indicators", "budget", "rag", "targets"),
    # The dashboard parser reads every "national average" sentence itself, with its units.
    DASHBOARD: ("dashboard",),
    UNKNOWN: ("comparisons",),
}


def parser(name: str) -> Parser:
    module = import_module(f"lacompare.parsers.{name}")
    return module.parse  # type: ignore[no-any-return]


def warm_up() -> None:
    """Import every parser (compiling its patterns) ahead of the document they will read."""
    for names in PARSERS_BY_KIND.values():
        for name in names:
            parser(name)
    import lacompare.catalogue  # noqa: F401
    import lacompare.parsers.classify  # noqa: F401


def parse(doc: Document, kind: str | None = None) -> Report:
    from lacompare.parsers import classify

    kind = kind or classify.classify(doc)
    facts: list[Fact] = []
    for name in PARSERS_BY_KIND[kind]:
        facts.extend(parser(name)(doc))
    from lacompare.catalogue import assign_metric_ids

    facts = assign_metric_ids(facts)  # comparisons get catalogue ids, so reports line up
    return Report(
        document=doc.name,
        kind=kind,
        local_authority=classify.local_authority(doc),
        published=classify.published(doc),
        pages=len(doc.pages),
        sha256=doc.sha256,
        facts=tuple(_checked(doc, facts)),
        notes=doc.notes,
    )


def _checked(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Flag (never drop) any fact whose quote does not hold; order facts by page."""
    from dataclasses import replace

    from lacompare.provenance import quote_problem  # here: provenance uses parsers.patterns

    out = []
    for fact in facts:
        problem = quote_problem(fact, doc.page(fact.page).text) if 1 <= fact.page <= len(doc.pages) else "bad page"
        if problem:
            fact = replace(fact, flag="; ".join(f for f in (fact.flag, problem) if f))
        out.append(fact)
    return sorted(out, key=lambda f: f.page)  # stable: parsers' order within a page is kept
