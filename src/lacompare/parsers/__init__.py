"""Run the fact parsers that fit a document's kind and collect their facts in page order."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from lacompare.kinds import DocumentKind
from lacompare.model import Fact, Report
from lacompare.readers.base import Document

Parser = Callable[[Document], list[Fact]]


@cache
def parsers_by_kind() -> dict[DocumentKind, tuple[Parser, ...]]:
    """The parsers each document kind gets (imported on first use: start-up stays light)."""
    from lacompare.parsers.cqc import comparisons, finance, rating, scores, waits
    from lacompare.parsers.dashboard import dashboard, papers
    from lacompare.parsers.performance import budget, budget_prose, indicator_shapes, indicators, rag, targets

    cqc_page = (rating.parse, scores.parse, comparisons.parse, waits.parse, finance.parse)
    return {
        DocumentKind.CQC_ASSESSMENT: cqc_page,
        DocumentKind.CQC_PRESS_RELEASE: cqc_page,
        DocumentKind.NEWS: cqc_page,
        # Prose benchmarks (papers: not targets, nor a table's cells, which the prose reader never
        # pairs) and year lists; indicators (table benchmarks) and targets cover the rest.
        DocumentKind.PERFORMANCE_REPORT: (
            indicators.parse,
            budget.parse,
            rag.parse,
            targets.parse,
            waits.parse,
            papers.parse,
        ),
        DocumentKind.BUDGET_REPORT: (budget.parse, budget_prose.parse),
        # The dashboard parser reads every "national average" sentence itself, with its units.
        DocumentKind.DASHBOARD: (dashboard.parse, indicator_shapes.parse, finance.parse),
        DocumentKind.WAITING_TIMES: (waits.parse, comparisons.parse),
        DocumentKind.UNKNOWN: (comparisons.parse,),
    }


def warm_up() -> None:
    """Import every parser (compiling its patterns) ahead of the document they will read."""
    parsers_by_kind()
    import lacompare.catalogue
    import lacompare.parsers.classify  # noqa: F401

    lacompare.catalogue.warm_up()


def parse(doc: Document, kind: str | None = None) -> Report:
    from lacompare.parsers import classify

    doc_kind = DocumentKind(kind) if kind else classify.classify(doc)
    facts: list[Fact] = []
    for parser in parsers_by_kind()[doc_kind]:
        facts.extend(parser(doc))
    from lacompare.catalogue import assign_metric_ids

    facts = assign_metric_ids(facts)  # comparisons get catalogue ids, so reports line up
    return Report(
        document=doc.name,
        kind=doc_kind,
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

    from lacompare.provenance import quote_problem  # here: provenance uses parsers.text.patterns

    out = []
    for fact in facts:
        problem = quote_problem(fact, doc.page(fact.page).text) if 1 <= fact.page <= len(doc.pages) else "bad page"
        if problem:
            fact = replace(fact, flag="; ".join(f for f in (fact.flag, problem) if f))
        out.append(fact)
    return sorted(out, key=lambda f: f.page)  # stable: parsers' order within a page is kept
