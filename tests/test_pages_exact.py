"""A fact's page is the page its quote is printed on (the start of the quote, for one running over a
page break), checked against each page's raw PDF text, never against the normaliser's output."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from textwrap import wrap

import pytest

from lacompare import extract
from lacompare.model import Fact, Report
from lacompare.provenance import quote_problem
from lacompare.readers.chars import clean_chars
from lacompare.readers.normalise import drop_running_lines
from lacompare.readers.pdf import read_pdf

from .conftest import FIXTURES

REAL_PDFS = sorted((Path(__file__).parent / "real_documents" / "pdf").glob("*.pdf"))
EVERY_PDF = sorted(FIXTURES.glob("*.pdf")) + REAL_PDFS
# What the normaliser removes or adds between raw and quoted text: white space, bullets, its markers.
_NOT_COMPARED = re.compile(r"[\s•▪●◦‣∙·\ue000\ue001]")
HEAD = 25  # characters of a quote's start looked for on its page


def _squashed(text: str) -> str:
    return _NOT_COMPARED.sub("", clean_chars(text))


@cache
def _raw_pages(path: Path) -> list[str]:
    """Each page's printed text, running heads and feet left out, with nothing compared but the characters."""
    texts = read_pdf(path.read_bytes(), str(path)).texts
    lines = drop_running_lines([clean_chars(t).replace("\r\n", "\n").replace("\r", "\n").split("\n") for t in texts])
    return [_squashed("\n".join(page)) for page in lines]


def _starts_on_its_page(fact: Fact, pages: list[str]) -> bool:
    head = _squashed(fact.quote.split("\n")[0])[:HEAD]
    here = pages[fact.page - 1]
    after = pages[fact.page] if fact.page < len(pages) else ""
    return 0 <= (here + after).find(head) < len(here)  # a quote may run on over the break


def _pages_of_lines(path: Path, pages: list[list[str]]) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for lines in pages:
        for n, line in enumerate(lines):
            pdf.drawString(72, 720 - 14 * n, line)
        pdf.showPage()
    pdf.save()
    return path


def _one_sentence_a_page(path: Path, sentences: list[str]) -> Path:
    return _pages_of_lines(path, [[sentence] for sentence in sentences])


def _sentence(i: int) -> str:
    return f"In 2024, {40 + i}.5% of people who use services were satisfied, lower than the England average of 6{i}.1%."


@pytest.mark.parametrize("pdf", EVERY_PDF, ids=lambda p: p.name)
def test_every_fact_starts_on_its_page(pdf: Path, reports: dict[Path, Report]) -> None:
    report, pages = reports[pdf] if pdf in reports else extract(pdf), _raw_pages(pdf)
    misplaced = [(f.page, f.quote[:60]) for f in report.facts if not _starts_on_its_page(f, pages)]
    assert misplaced == []
    assert not [f for f in report.facts if f.flag and "not on page" in f.flag]


# The probe's shape: pages of one line each (reportlab), five or more of them.
@pytest.mark.parametrize("count", [2, 5, 12])
def test_one_line_pages_keep_their_own_page_numbers(tmp_path: Path, count: int) -> None:
    pdf = _one_sentence_a_page(tmp_path / "short.pdf", [_sentence(i) for i in range(count)])
    facts = extract(pdf).comparisons
    assert [(f.page, float(f.value)) for f in facts] == [(i + 1, 40.5 + i) for i in range(count)]


def test_identical_one_line_pages_each_keep_their_fact(tmp_path: Path) -> None:
    pdf = _one_sentence_a_page(tmp_path / "same.pdf", [_sentence(0)] * 40)
    assert [f.page for f in extract(pdf).comparisons] == list(range(1, 41))


def test_a_paragraph_over_a_break_pairs_on_its_first_page_and_the_next_keeps_its_own(tmp_path: Path) -> None:
    # Barnet's wording (OGL), wrapped at one width so the page break falls inside a sentence.
    body = "Intro words of the page that set a width for the body text of this report and go on. " * 5
    broken = (
        "National data showed that 61.57% of people do not buy any additional care or support privately or pay"
        " more to top up their care and support in Barnet. This could indicate that people have sufficient care"
    )
    rest = (
        "arranged by the local authority to meet their needs. This figure is comparable to the England average"
        " of 64.39% (Adult Social Care Survey, 2024, ASCS)."
    )
    own = (
        "However, 19.25% of carers were able to spend time doing things they value, which is lower than the"
        " England average of 28.1%."
    )
    pages = [wrap(body, 70) + [""] + wrap(broken, 70), wrap(rest, 70) + [""] + wrap(own, 70)]
    path = _pages_of_lines(tmp_path / "break.pdf", pages)
    report = extract(path)
    assert all(_starts_on_its_page(f, _raw_pages(path)) for f in report.facts)
    assert [(f.page, float(f.value)) for f in report.comparisons] == [(1, 61.57), (2, 19.25)]


def test_a_quote_found_only_in_the_copied_text_is_flagged() -> None:
    from lacompare.model import Statistic

    page = "Our own sentence.\nIt was 18.26% and the rest was 5%."
    fact = Statistic(page=1, quote="rest was 5%.", metric_id="share", value=5)
    assert quote_problem(fact, page, copied_at=page.index("rest")) == "quote is on page 2, not on page 1"
    assert quote_problem(fact, page) is None
