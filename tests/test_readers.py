"""Readers other than PDF: a saved web page, plain text split by form feeds, cp1252 text."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from lacompare.model import Report
from lacompare.pipeline import extract, extract_bytes
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


# --- HTML as a browser builds it ------------------------------------------------------

SENTENCE = "In Barnet, 46.41% of people who use services felt safe, lower than the England average of 58.77%."
SHOWN_SHAPES = {
    "body inside an ASP.NET form": f"<html><body><form id='aspnetForm'><div><p>{SENTENCE}</p></div></form></body>",
    "head without </head>": f"<html><head><title>Barnet</title><body><p>{SENTENCE}</p></body></html>",
    "head without </head> or <body>": f"<html><head><meta charset=utf-8><p>{SENTENCE}</p>",
    "unclosed nav": f"<body><nav><a href='/'>Home</a><main><p>{SENTENCE}</p></main></body>",
    "unclosed button": f"<body><button>Show all sections<p>{SENTENCE}</p></body>",
    "content inside a button": f"<body><button><p>{SENTENCE}</p></button></body>",
    "aria-hidden (shown by a browser)": f"<body><p aria-hidden='true'>{SENTENCE}</p></body>",
    "nested 100,000 deep": "<div>" * 100_000 + SENTENCE + "</div>" * 100_000,
    "an open dialog below the nesting limit": "<div>" * 1000 + f"<dialog open><p>{SENTENCE}</p></dialog>",
}
HIDDEN_SHAPES = {
    "display: none": f"<p style='color: red; DISPLAY : none'>{SENTENCE}</p>",
    "visibility: hidden": f"<div style='visibility:hidden'><p>{SENTENCE}</p></div>",
    "the hidden attribute": f"<section hidden><p>{SENTENCE}</p></section>",
    "a template": f"<template><p>{SENTENCE}</p></template>",
    "a closed dialog": f"<dialog><p>{SENTENCE}</p></dialog>",
    "a script": f"<script>document.write('{SENTENCE}')</script>",
    "noscript": f"<noscript><p>{SENTENCE}</p></noscript>",
    "hidden below the nesting limit": "<div>" * 1000 + f"<div hidden>{SENTENCE}</div>",
}


@pytest.mark.parametrize("shape", SHOWN_SHAPES)
def test_a_page_a_browser_shows_gives_its_fact(shape: str) -> None:
    report = extract_text_html(SHOWN_SHAPES[shape])
    assert [(f.value, f.comparator_value, f.quote) for f in report.facts] == [(46.41, 58.77, SENTENCE)]


@pytest.mark.parametrize("shape", HIDDEN_SHAPES)
def test_text_a_browser_does_not_show_gives_no_fact(shape: str) -> None:
    markup = f"<html><body><h1>Adult social care</h1><p>Shown text.</p>{HIDDEN_SHAPES[shape]}</body></html>"
    assert extract_text_html(markup).facts == ()


def test_noscript_in_a_head_left_open_stays_unshown() -> None:
    markup = f"<html><head><title>QS</title><noscript><p>{SENTENCE}</p></noscript><p>Shown text.</p></html>"
    assert html_to_text(markup).split() == ["Shown", "text."]


def test_a_small_navigation_bar_form_and_button_are_page_furniture() -> None:
    markup = (
        "<body><nav><ul><li><a href='/'>Home</a></li></ul></nav><form><input name=q><button>Search</button></form>"
        f"<main><p>{SENTENCE}</p><button>Print</button></main></body>"
    )
    assert html_to_text(markup).split() == SENTENCE.split()


def extract_text_html(markup: str) -> Report:
    return extract_bytes(markup.encode(), "page.html")
