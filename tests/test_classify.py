"""Each fixture's kind, council and publication date."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from lacompare.catalogue import authorities
from lacompare.model import Report
from lacompare.parsers.classify import local_authority, published
from lacompare.readers import Document, document_from_bytes, read_document

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


def _doc(text: str) -> Document:
    return document_from_bytes(text.encode(), "page.txt")


@pytest.mark.parametrize(
    ("text", "council"),
    [
        # A headline naming the council beats the site the page was saved from.
        (
            "URL: https://www.cqc.org.uk/press-release/cqc-rates-wokingham\n\n"
            "CQC rates Wokingham Borough Council’s adult social care provision as good\n\n"
            "Published: 3 July 2025",
            "Wokingham Borough Council",
        ),
        (
            "URL: https://democracy.leeds.gov.uk/mgAi.aspx?ID=1\n\n"
            "City of Bradford Metropolitan District Council: joint adult care scrutiny\n\nMinutes:",
            "City of Bradford Metropolitan District Council",
        ),
        # A council's own site names the council of a paper whose title names none ...
        (
            "URL: https://democracy.leeds.gov.uk/mgAi.aspx?ID=2\n\nAgenda item\n\n"
            "Adult Social Care Performance Report\n\nMinutes:\n\nThe Board noted the report.",
            "Leeds City Council",
        ),
        ("URL: https://www.n-somerset.gov.uk/news/care\n\nOur adult social care rated", "North Somerset Council"),
        # ... and beats counting: the paper compares itself with Bradford.
        (
            "URL: https://moderngov.leeds.gov.uk/ieIssueDetails.aspx?IId=3\n\nQuarter 2 performance\n\n"
            "Compared with Bradford: Bradford 12%, Bradford 14%, Bradford 9%, Bradford 10%, Bradford 11%.",
            "Leeds City Council",
        ),
        # Elsewhere the opening lines decide: a news page's lede, a CQC summary page's heading.
        (
            "URL: https://www.example-news.co.uk/care/watchdog\n\nWatchdog rates council care\n\n"
            "Derby City Council has been rated good by the Care Quality Commission.",
            "Derby City Council",
        ),
        (
            "Published: 9 May 2025 Page last updated: 9 May 2025\n\nDownloads\n\nOverall summary\n\n"
            "Local authority rating and score\n\nDurham County Council\n\nGood",
            "Durham County Council",
        ),
        ("Metropolitan Borough of Wirral\n\nAdult social care scrutiny", "Wirral Borough Council"),
        ("agenda item wigan council adult social care performance report", "Wigan Metropolitan Borough Council"),
        # A round-up names several councils: it is none's, and a third party's site tells nothing.
        (
            "URL: https://www.example-news.co.uk/three-rated\n\nThree councils rated good\n\n"
            "Essex County Council, Suffolk County Council and Norfolk County Council were all rated good.",
            None,
        ),
        ("URL: https://docsbay.net/appendix-1-service-performance\n\nSERVICE PERFORMANCE INDICATORS", None),
    ],
)
def test_the_council_is_the_one_the_title_site_or_opening_names(text: str, council: str | None) -> None:
    assert local_authority(_doc(text)) == council


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published: 23 May 2025 Page last updated: 30 May 2025", "2025-05-23"),
        ("Published 23 May 2025", "2025-05-23"),
        ("Date published: 4 March 2024", "2024-03-04"),
        ("Published on\n\n21 August 2025\n\nAdult social care among the best", "2025-08-21"),
        ("Publication date: 1st October 2024", "2024-10-01"),
        ("Posted on Tuesday, 4 November 2025 by the communications team", "2025-11-04"),
        ("Issued: 12/03/2024", "2024-03-12"),  # day first, as English councils write it
        ("Published: June 5, 2025", "2025-06-05"),
        ("Published: 2 February 2025\n\nAssessment published: 30 January 2025", "2025-01-30"),
        ("Leeds City Council: local authority assessment Published: 9 May 2025", "2025-05-09"),  # lines run on
        ("Page last updated: 11 August 2025", "2025-08-11"),  # only when no publication date
        ("Last updated:\n\n8th August 2023\n\nSee answers to previous information requests", "2023-08-08"),
        ("URL: https://www.example-news.co.uk/x\n date 2025-09-23 Leeds City Council has a new rating", "2025-09-23"),
        (
            "11 Dec 2025\n\nPress release embargoed until 00.01hrs on Friday 12 December\n\n"
            "The Care Quality Commission (CQC), has rated Essex County Council as good.",
            "2025-12-11",
        ),
        # Dates the document does not label as its publication's.
        ("27 June 2011\n\nAgenda item\n\nAdult Social Care 4th Quarter Performance", None),
        ("Meeting: 27/06/2011 - The Cabinet Member for Adult Social Care (Item 10)", None),
        ("WEDNESDAY 9 SEPTEMBER 2020 ADULT CARE & HEALTH CABINET PANEL", None),
        ("Our report was officially published on Friday 20th June 2025.", None),
        ("The figures were published: see 9 May 2025 for the table.", None),
        ("Assessment start date: 11 May 2023", None),
        ("Published: 31 February 2025", None),
    ],
)
def test_the_publication_date_is_the_one_the_document_labels(text: str, date: str | None) -> None:
    assert published(_doc(text)) == date


INDEX = Path(__file__).parent / "real_documents" / "index.csv"


def _named_councils() -> list[tuple[Path, str]]:
    with INDEX.open(encoding="utf-8", newline="") as f:
        listed = [(REAL / f"{row['stem']}.txt", row["council"]) for row in csv.DictReader(f)]
    pdfs = sorted((REAL.parent / "pdf").glob("*.pdf"))
    return listed + [(p, json.loads(p.with_suffix(".json").read_text())["local_authority"]) for p in pdfs]


@pytest.mark.parametrize(("path", "council"), _named_councils(), ids=lambda v: v.name if isinstance(v, Path) else None)
def test_every_real_document_is_attached_to_the_council_it_is_about(path: Path, council: str) -> None:
    expected = authorities.resolve(council) if council and ";" not in council else None  # a round-up: none
    assert authorities.find(local_authority(read_document(path))) == expected
