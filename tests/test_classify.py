"""Each fixture's kind, council and publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.model import Report
from lacompare.parsers.classify import local_authority
from lacompare.readers import document_from_bytes

from .conftest import (
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    BARNET_MD,
    CAMDEN_CHROMIUM,
    CAMDEN_TXT,
    DASHBOARD_TXT,
    PERF_PDF,
    PERF_TXT,
    QS_CHROMIUM,
    QS_TXT,
)

BARNET = "London Borough of Barnet"


@pytest.mark.parametrize(
    ("path", "kind", "council", "published"),
    [
        (BARNET_MD, "cqc_assessment", BARNET, "2025-01-10"),
        (BARNET_CHROMIUM, "cqc_assessment", BARNET, "2025-01-10"),
        (BARNET_LIBREOFFICE, "cqc_assessment", BARNET, "2025-01-10"),
        (CAMDEN_TXT, "cqc_assessment", "London Borough of Camden", "2025-02-28"),
        (CAMDEN_CHROMIUM, "cqc_assessment", "London Borough of Camden", "2025-02-28"),
        (QS_TXT, "cqc_assessment", BARNET, None),
        (QS_CHROMIUM, "cqc_assessment", BARNET, None),
        # No title names the council: it is the one the text keeps mentioning.
        (PERF_TXT, "performance_report", BARNET, None),
        (PERF_PDF, "performance_report", BARNET, None),
        (DASHBOARD_TXT, "dashboard", BARNET, None),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_fixture_kind_council_and_date(
    path: Path, kind: str, council: str, published: str | None, reports: dict[Path, Report]
) -> None:
    report = reports[path]
    assert (report.kind, report.local_authority, report.published) == (kind, council, published)


@pytest.mark.parametrize(
    "text",
    [
        "Camden and Barnet both reported. Camden, Barnet, Camden, Barnet, Camden, Barnet, Camden, Barnet.",
        "Barnet was mentioned only twice: Barnet.",
        "No council at all.",
    ],
)
def test_no_council_is_guessed_from_a_close_or_thin_count(text: str) -> None:
    assert local_authority(document_from_bytes(text.encode(), "notes.txt")) is None


REAL = Path(__file__).parent / "real_documents" / "text"


@pytest.mark.parametrize(
    ("stem", "kind"),
    [
        ("hartlepool-0525-summary", "cqc_assessment"),
        ("londonhomecare-kent-0525", "cqc_assessment"),  # the "About" page
        ("press-cqc-rates-hertfordshire-county-councils-adult-social-care-provision-good", "cqc_press_release"),
        ("council-scilly-gov-uk-asc-rated-good-cqc", "news"),
        ("rotherham-asc-q4-2010-11-kpi-minutes", "performance_report"),
        ("herefordshire-q3-2024-25-budget-report-minutes", "budget_report"),
        ("bathnes-hwb-jsna-presentation-minutes", "dashboard"),
        ("wokingham-foi-care-waiting-times-2023", "waiting_times"),
    ],
)
def test_real_documents_are_recognised_by_their_content(stem: str, kind: str) -> None:
    doc = document_from_bytes((REAL / f"{stem}.txt").read_bytes(), f"{stem}.txt")
    from lacompare.parsers.classify import classify

    assert classify(doc) == kind
