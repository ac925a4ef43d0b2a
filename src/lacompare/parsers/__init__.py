"""Run every general reader (``lacompare.extractors``) on every document, after the readers its
kind adds, and collect their facts in page order, each once. The kind labels the document and
adds readers; it removes none of the general ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from lacompare.kinds import DocumentKind
from lacompare.model import Fact, Report
from lacompare.readers.base import Document, Page

Parser = Callable[[Document], list[Fact]]


def _cqc_page() -> tuple[Parser, ...]:
    from lacompare.parsers.cqc import finance

    return (finance.parse,)


def _performance_report() -> tuple[Parser, ...]:
    from lacompare.parsers.performance import indicator_shapes

    return (indicator_shapes.parse,)


def _dashboard() -> tuple[Parser, ...]:
    from lacompare.parsers.cqc import finance
    from lacompare.parsers.dashboard import dashboard
    from lacompare.parsers.performance import indicator_shapes

    # The dashboard parser reads every "national average" sentence itself, with its units.
    return (dashboard.parse, indicator_shapes.parse, finance.parse)


def _nothing_more() -> tuple[Parser, ...]:
    return ()


# Each kind's parsers, imported when a document of that kind is first parsed: start-up stays
# light, and a CQC report never compiles the council papers' patterns.
_REGISTRY: dict[DocumentKind, Callable[[], tuple[Parser, ...]]] = {
    DocumentKind.CQC_ASSESSMENT: _cqc_page,
    DocumentKind.CQC_PRESS_RELEASE: _cqc_page,
    DocumentKind.NEWS: _cqc_page,
    DocumentKind.PERFORMANCE_REPORT: _performance_report,
    DocumentKind.BUDGET_REPORT: _nothing_more,
    DocumentKind.DASHBOARD: _dashboard,
    DocumentKind.WAITING_TIMES: _nothing_more,
    DocumentKind.UNKNOWN: _nothing_more,
}


@cache
def general_readers() -> tuple[Parser, ...]:
    """The readers every document goes through, whatever its kind (before its kind's own)."""
    from lacompare.extractors import prose, tables
    from lacompare.extractors.prose import benchmarks, budget, rag_counts, targets
    from lacompare.extractors.tables import budget as budget_tables
    from lacompare.extractors.tables import rag
    from lacompare.parsers.cqc import rating, scores, waits

    # A council's own pages and papers state its CQC rating and scores too ("our assessment rated
    # us Good, with a score of 68%"): the rating's grammar, not the document's kind, decides. So
    # do budget lines, RAG counts and targets: their words are the evidence, wherever they stand.
    return (
        tables.read,
        prose.read,
        benchmarks.read,
        targets.parse,
        budget_tables.parse,
        budget.parse,
        rag.parse,
        rag_counts.parse,
        waits.parse,
        rating.parse,
        scores.parse,
    )


@cache
def parsers_for(kind: DocumentKind) -> tuple[Parser, ...]:
    """The parsers a document of ``kind`` gets."""
    return _REGISTRY[kind]()


def parsers_by_kind() -> dict[DocumentKind, tuple[Parser, ...]]:
    """Every kind's parsers (imports them all)."""
    return {kind: parsers_for(kind) for kind in DocumentKind}


def warm_up() -> None:
    """Import the general readers and those CQC pages add (the commonest documents), the classifier
    and the metric catalogue, compiling their patterns ahead of the document they will read, and
    index the register of councils every document's council is looked up in."""
    parsers_for(DocumentKind.CQC_ASSESSMENT)
    general_readers()
    import lacompare.catalogue.measures
    import lacompare.parsers.classify  # noqa: F401
    from lacompare.catalogue import authorities

    lacompare.catalogue.measures.warm_up()
    authorities.warm_up()


def parse(doc: Document, kind: str | None = None) -> Report:
    from lacompare.parsers import classify

    doc_kind = DocumentKind(kind) if kind else classify.classify(doc)
    from lacompare.extractors.merge import merged

    # The general readers first, then the kind's: a fact an earlier reader gave is kept once.
    facts = merged(doc, _each_readers_facts(doc, general_readers() + parsers_for(doc_kind)))
    from lacompare.catalogue.measures import assign_metric_ids

    facts = assign_metric_ids(facts)  # comparisons get catalogue ids, so reports line up
    council = classify.local_authority(doc)
    facts = _settled(doc, facts, doc_kind, council)
    return Report(
        document=doc.name,
        kind=doc_kind,
        local_authority=council,
        published=classify.published(doc),
        pages=len(doc.pages),
        sha256=doc.sha256,
        facts=tuple(_checked(doc, _one_year_form(facts))),
        notes=doc.notes,
    )


def _each_readers_facts(doc: Document, readers: tuple[Parser, ...]) -> list[list[Fact]]:
    """Each reader's facts, in the readers' order. The readers are independent of one another: with
    a core to spare, a forked child shares them, each process taking the next reader from a queue
    (see forking.py): a long report's parsing takes about half the time."""
    from functools import partial

    from lacompare import progress
    from lacompare.forking import map_in_two

    progress.to_do(len(readers) * _pages(doc))  # for a progress bar, a reader is a pass over the pages
    if len(doc.pages) < PARSE_IN_TWO_FROM_PAGES:
        return _run(doc, readers)
    return map_in_two(partial(_run, doc), readers)


# Below this many pages a second process costs more than it saves (a fork and the facts sent back).
PARSE_IN_TWO_FROM_PAGES = 8


def _run(doc: Document, readers: Iterable[Parser]) -> list[list[Fact]]:
    from lacompare import progress

    found = []
    for reader in readers:
        found.append(reader(doc))
        progress.done(_pages(doc))  # a forked child ticks the same counts
    return found


def _pages(doc: Document) -> int:
    return max(1, len(doc.pages))


def _settled(doc: Document, facts: list[Fact], kind: DocumentKind, council: str | None) -> list[Fact]:
    """Each rating, score (and a news story's comparison) given to the council it is about; each
    council's rating then checked against its % and nine scores."""
    from lacompare.parsers.cqc import attribution, consistency

    return consistency.checked(attribution.attribute(doc, facts, kind, council))


def _one_year_form(facts: list[Fact]) -> list[Fact]:
    """Every fact's year in one form ("2023/24", "2023 to 2024" -> "2023-24"), so reports line up;
    the quote keeps the form the text states."""
    from dataclasses import replace

    from lacompare.model import Comparison, Finance, Statistic, Wait
    from lacompare.vocab.periods import stated_period

    out: list[Fact] = []
    for fact in facts:
        if isinstance(fact, Comparison | Wait | Finance | Statistic) and fact.year:
            year = stated_period(fact.year) or fact.year  # "Q2 2016/17" -> "Q2 2016-17" too
            fact = replace(fact, year=year) if year != fact.year else fact
        out.append(fact)
    return out


def _checked(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Flag (never drop) any fact whose quote does not hold; order facts as their quotes stand in the
    document (page, then place on the page), whichever reader gave them."""
    from dataclasses import replace

    from lacompare.provenance import quote_problem

    out = []
    for fact in on_their_pages(doc, facts):
        if 1 <= fact.page <= len(doc.pages):
            page = doc.page(fact.page)
            problem = quote_problem(fact, page.text, page.copied_at)
        else:
            problem = "bad page"
        if problem:
            fact = replace(fact, flag="; ".join(f for f in (fact.flag, problem) if f))
        out.append(fact)
    return sorted(out, key=lambda f: (f.page, _offset(doc, f)))  # stable: one quote's facts keep their order


def on_their_pages(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Give the next page each fact read in the text a page copied from it (a paragraph running
    over the break), when its quote is printed there; the next page's own reading of the same
    statement is kept once."""
    from dataclasses import replace

    moved: list[Fact] = []
    kept: list[Fact] = []
    for fact in facts:
        if 1 <= fact.page < len(doc.pages) and _starts_in_copy(doc.page(fact.page), fact.quote):
            if fact.quote in doc.page(fact.page + 1).own_text:
                moved.append(replace(fact, page=fact.page + 1))
                continue
        kept.append(fact)
    if not moved:
        return facts
    present = set(kept)
    return kept + [fact for fact in dict.fromkeys(moved) if fact not in present]


def _starts_in_copy(page: Page, quote: str) -> bool:
    return page.copied_at is not None and bool(quote) and page.text.find(quote) >= page.copied_at


def _offset(doc: Document, fact: Fact) -> int:
    """Where a fact's quote starts on its page (a quote not found there goes last)."""
    if not 1 <= fact.page <= len(doc.pages):
        return -1
    found = doc.page(fact.page).text.find(fact.quote)
    return found if found >= 0 else len(doc.page(fact.page).text)
