"""Ruled tables: found only on ruled pages, cells joined across line breaks."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lacompare.readers import Document, read_document
from lacompare.readers.tables import join_cell
from tests.conftest import BARNET_CHROMIUM, BARNET_LIBREOFFICE, CAMDEN_CHROMIUM, PERF_PDF, QS_CHROMIUM


@cache
def perf() -> Document:
    return read_document(PERF_PDF)


@pytest.mark.parametrize(
    ("cell", "joined"),
    [
        ("Bigger is\nBetter", "Bigger is Better"),
        ("Community Well-\nbeing", "Community Well-being"),
        ("Integrated care -\nLD & MH", "Integrated care - LD & MH"),
        ("68.8% (CIPFA) 70.1%\n(London) ASCOF", "68.8% (CIPFA) 70.1% (London) ASCOF"),
        (None, ""),
        ("", ""),
    ],
)
def test_cells_are_joined_across_line_breaks(cell: str | None, joined: str) -> None:
    assert join_cell(cell) == joined


def test_the_performance_report_has_eleven_tables_on_ten_pages() -> None:
    tables = perf().tables
    assert [(t.page, len(t.rows)) for t in tables] == [
        (5, 13),
        (8, 4),
        (9, 5),
        (11, 7),
        (13, 12),
        (14, 2),
        (14, 3),
        (15, 3),
        (16, 3),
        (17, 5),
        (18, 4),
    ]
    assert sum(len(t.rows) for t in tables) == 61  # header rows included


def test_budget_table_cells() -> None:
    budget = perf().tables[0]
    assert budget.rows[0] == (
        "Description",
        "Original Budget £000",
        "Budget V1 £000",
        "Q2 Forecast £000",
        "Variation £000",
        "Comments",
        "% Variation of revised budget",
    )
    assert budget.rows[4][:5] == ("Community Well-being", "733", "535", "293", "(242)")


@pytest.mark.parametrize("path", [BARNET_CHROMIUM, BARNET_LIBREOFFICE, CAMDEN_CHROMIUM], ids=lambda p: p.name)
def test_cqc_reports_have_no_tables(path: object) -> None:
    assert read_document(path).tables == ()  # type: ignore[arg-type]


def test_text_documents_have_no_tables() -> None:
    from tests.conftest import PERF_TXT

    assert read_document(PERF_TXT).tables == ()


@pytest.mark.parametrize(
    ("path", "cqc"),
    [
        (BARNET_CHROMIUM, True),
        (BARNET_LIBREOFFICE, True),
        (CAMDEN_CHROMIUM, True),
        (QS_CHROMIUM, True),
        (PERF_PDF, False),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_only_a_cqc_assessment_skips_the_search_for_ruled_pages(path: Path, cqc: bool) -> None:
    from lacompare.readers.pdf import read_pdf_pages
    from lacompare.readers.tables import looks_like_cqc_assessment

    assert looks_like_cqc_assessment(read_pdf_pages(path.read_bytes(), path.name)) is cqc
