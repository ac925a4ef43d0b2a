"""Real CQC pages printed to PDF give the facts their printed text gives (OGL v3.0, see
tests/real_documents/ATTRIBUTION.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare import extract
from lacompare.model import Report

PDFS = sorted((Path(__file__).parent / "real_documents" / "pdf").glob("*.pdf"))
KINDS = ("rating", "score", "comparison")


def facts(report: Report) -> list[tuple[str, str, object, object]]:
    return sorted(
        (fact.kind, m.metric_id, m.value, m.comparator_value)
        for fact in report.facts
        if fact.kind in KINDS
        for m in fact.measures()
    )


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_the_printed_pdf_gives_the_facts_of_its_text(pdf: Path) -> None:
    from_pdf, from_text = extract(pdf), extract(pdf.with_suffix(".txt"))
    assert from_pdf.kind == from_text.kind == "cqc_assessment"
    assert facts(from_pdf) == facts(from_text)
    assert all(f.flag is None or "quote" not in f.flag for f in from_pdf.facts)
