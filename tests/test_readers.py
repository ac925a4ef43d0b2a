"""Readers other than PDF: a saved web page, plain text split by form feeds, cp1252 text."""

from __future__ import annotations

import html
from pathlib import Path

from lacompare.pipeline import extract
from lacompare.readers import document_from_bytes
from lacompare.readers.html import html_to_text

from .conftest import QS_TXT


def saved_page(text: str) -> str:
    """The quality-statement page as a browser would save it: chrome around the paragraphs."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (
        "<!DOCTYPE html><html><head><title>Safeguarding - CQC</title><style>p {color: red}</style>"
        "<script>var tracking = 'Score: 1';</script></head><body>"
        "<nav><a href='/'>Home</a> <button>Menu</button></nav>"
        f"<main>{paragraphs}</main><footer>© Care Quality Commission</footer></body></html>"
    )


def test_a_saved_web_page_gives_the_facts_of_its_text(tmp_path: Path) -> None:
    page = tmp_path / "safeguarding.html"
    page.write_text(saved_page(QS_TXT.read_text(encoding="utf-8")), encoding="utf-8")
    from_html, from_text = extract(page), extract(QS_TXT)
    assert from_html.kind == "cqc_assessment"
    assert [f.measures() for f in from_html.facts] == [f.measures() for f in from_text.facts]


def test_scripts_styles_and_navigation_are_not_visible_text() -> None:
    text = html_to_text(saved_page("Safeguarding\nScore: 3"))
    assert "tracking" not in text and "color" not in text and "Menu" not in text
    assert [line.strip() for line in text.splitlines() if line.strip()][:2] == ["Safeguarding", "Score: 3"]


def test_form_feeds_split_a_text_file_into_pages() -> None:
    doc = document_from_bytes(b"First page.\n\x0cSecond page.\n\x0c", "notes.txt")
    assert [p.text for p in doc.pages] == ["First page.", "Second page."]


def test_text_that_is_not_utf8_is_read_as_cp1252_and_says_so() -> None:
    doc = document_from_bytes("Budget £553,918,000 – spent.".encode("cp1252"), "budget.txt")
    assert doc.pages[0].text == "Budget £553,918,000 – spent."
    assert doc.notes == ("budget.txt: not UTF-8; read as cp1252",)
