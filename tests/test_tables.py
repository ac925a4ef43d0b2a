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
    ("path", "ruled"),
    [
        (BARNET_CHROMIUM, False),
        (BARNET_LIBREOFFICE, False),
        (CAMDEN_CHROMIUM, False),
        (QS_CHROMIUM, False),
        (PERF_PDF, True),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_what_a_page_is_drawn_with_decides_the_table_search(path: Path, ruled: bool) -> None:
    """No document is skipped for what it is about (the reader once skipped CQC reports): each
    page is searched when it carries ruled lines, and a CQC report's prose pages carry none."""
    from lacompare.readers.pdf import read_pdf

    assert bool(read_pdf(path.read_bytes(), path.name).ruled) is ruled
