"""The report in a real browser: headless Chromium opens the page from disk with the network off.

It must load without a console error or a single request, sort its tables, show a value's
sentence on a click, and print on A4. The screenshots and the printed PDF of the bundled
example are kept as artefacts of the run (under pytest's temporary folder, printed with -rA),
never in git. Without Chromium (Debian's ``chromium``; ``.ci/run`` installs it) the tests skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lacompare.library.store import Library
from lacompare.report import render_report

from .devtools import Browser, chromium
from .report_library import example_library, hostile_library

A4_POINTS = (595.3, 841.9)

pytestmark = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("report-artefacts")


@pytest.fixture(scope="module")
def example(artefacts: Path) -> Path:
    """The bundled example's page: Barnet and Camden."""
    with Library(example_library(artefacts), create=False) as library:
        html = render_report(library.sides(), about=[("Library", "the bundled fixtures")])
    page = artefacts / "example.html"
    page.write_text(html, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    assert executable is not None
    try:
        opened = Browser(executable)
    except (OSError, RuntimeError) as exc:  # installed but cannot run here (no display libraries, a sandbox)
        pytest.skip(f"Chromium does not start: {exc}")
    try:
        yield opened
    finally:
        opened.close()


def test_the_page_loads_offline_with_no_error_and_no_request(browser: Browser, example: Path, artefacts: Path) -> None:
    visit = browser.visit(example)
    assert visit.errors == []
    assert visit.requests == []
    assert visit.dialogs == []
    assert browser.evaluate("document.title") == "Adult social care: Barnet and Camden compared"
    shot = browser.screenshot(artefacts / "example.png")
    assert _png_size(shot) == (1200, 1600)
    print(f"screenshot: {shot}")


def test_every_chart_is_drawn_with_a_mark_for_each_council(browser: Browser, example: Path) -> None:
    browser.visit(example)
    drawn = browser.evaluate(
        "[...document.querySelectorAll('figure.measure')].map(f => [f.querySelector('svg').getBBox().width > 100,"
        " f.querySelectorAll('svg [data-s]').length, f.querySelectorAll('tbody tr').length])"
    )
    assert drawn
    assert all(wide and marks == rows for wide, marks, rows in drawn)


def test_a_click_on_a_heading_sorts_the_heat_map(browser: Browser, example: Path) -> None:
    browser.visit(example)
    councils = "[...document.querySelectorAll('table.heat tbody th')].map(th => th.textContent)"
    assert browser.evaluate(councils) == ["Barnet", "Camden"]
    equity = "document.querySelectorAll('table.heat thead th')[3]"  # Equity in experience: Barnet 2, Camden 4
    browser.evaluate(f"{equity}.click()")
    assert browser.evaluate(councils) == ["Barnet", "Camden"]
    browser.evaluate(f"{equity}.click()")
    assert browser.evaluate(councils) == ["Camden", "Barnet"]
    assert browser.evaluate(f"{equity}.getAttribute('aria-sort')") == "descending"


def test_a_click_on_a_value_shows_its_sentence_page_and_document(browser: Browser, example: Path) -> None:
    browser.visit(example)
    link = "document.querySelector('table.heat tbody a')"
    source = browser.evaluate(f"document.getElementById({link}.getAttribute('href').slice(1)).textContent")
    browser.evaluate(f"{link}.click()")
    shown = browser.evaluate("[document.getElementById('pop').hidden, document.getElementById('pop').textContent]")
    assert shown[0] is False
    assert source in shown[1]
    assert "Barnet" in shown[1] and "barnet_cqc.md" in shown[1] and "p. " in shown[1]
    browser.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert browser.evaluate("document.getElementById('pop').hidden") is True


def test_a_dot_of_a_strip_is_described_by_its_row(browser: Browser, tmp_path: Path) -> None:
    """With many councils a chart is dots without titles: the pop-up names the council from the table."""
    from lacompare.compare import Side

    with Library(example_library(tmp_path), create=False) as library:
        barnet, camden = library.sides()
    many = [
        Side(f"{side.name} {i}", side.values, side.gss_code, side.region)
        for i in range(13)
        for side in (barnet, camden)
    ]
    page = tmp_path / "many.html"
    page.write_text(render_report(many, facts=["comparison"]), encoding="utf-8")
    assert browser.visit(page).errors == []
    dot = "document.querySelector('figure.measure svg circle[data-s]')"
    assert browser.evaluate(f"!!{dot}")
    browser.evaluate(f"{dot}.dispatchEvent(new MouseEvent('click', {{bubbles: true}}))")
    said = browser.evaluate("document.querySelector('#pop .what').textContent")
    assert any(f"{name} " in said for name in ("Barnet", "Camden")), said


def test_the_page_prints_on_a4(browser: Browser, example: Path, artefacts: Path) -> None:
    import pypdfium2 as pdfium

    browser.visit(example)
    printed = browser.print_pdf(artefacts / "example.pdf")
    pdf = pdfium.PdfDocument(printed)
    try:
        assert len(pdf) > 1
        width, height = pdf[0].get_size()
        assert (round(width, 1), round(height, 1)) == pytest.approx(A4_POINTS, abs=1.5)
        first = artefacts / "example-printed.png"
        pdf[0].render(scale=1.5).to_pil().save(first)
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "Barnet and Camden compared" in text
    assert "Contents" not in text and "Table (" not in text  # the print leaves out the contents and table toggles
    print(f"printed: {printed} (first page: {first})")


def test_a_hostile_quote_runs_nothing_in_the_browser(browser: Browser, tmp_path: Path) -> None:
    with Library(hostile_library(tmp_path), create=False) as library:
        html = render_report(library.sides())
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    visit = browser.visit(page)
    assert visit.dialogs == [] and visit.requests == [] and visit.errors == []
    assert browser.evaluate("document.title") == "Adult social care in Camden"
    assert browser.evaluate("document.images.length") == 0
    assert "<script>document.title" in browser.evaluate("document.getElementById('q1').textContent")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
