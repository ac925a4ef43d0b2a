"""Hostile text: what a page's characters, bytes and line endings must not change.

A number reads as it looks whatever invisible or look-alike characters it carries; one bad
byte costs its own character only; every line ending is a line ending; no markdown line takes
longer than its length.
"""

from __future__ import annotations

import time

import pytest

from lacompare.pipeline import extract_bytes
from lacompare.readers import document_from_bytes
from lacompare.readers.chars import clean_chars
from lacompare.readers.text import strip_markdown

from .conftest import BARNET_MD
from .corpus import SENTENCE


def comparisons(data: bytes, name: str = "note.txt") -> list[tuple[object, object]]:
    return [(f.value, f.comparator_value) for f in extract_bytes(data, name).facts]


# --- invisible and look-alike characters inside numbers -----------------------------------------


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202c", "\u2066", "\ufe0f", "\U000e0041"],
)
@pytest.mark.parametrize("where", ["4{}6.41", "46{}.41", "46.{}41", "46.41{}%"])
def test_an_invisible_character_inside_a_number_is_dropped(invisible: str, where: str) -> None:
    text = SENTENCE.replace("46.41", where.format(invisible))
    assert comparisons(text.encode()) == [(46.41, 58.77)]


@pytest.mark.parametrize(
    ("written", "reads"),
    [
        ("٤٦٫٤١٪", "46.41%"),  # Arabic-Indic digits, decimal separator and percent sign
        ("۴۶٫۴۱%", "46.41%"),  # Persian (extended Arabic-Indic) digits
        ("４６．４１％", "46.41%"),  # full-width
        ("४६.४१%", "46.41%"),  # Devanagari
        ("𝟒𝟔.𝟒𝟏%", "46.41%"),  # mathematical bold digits
        ("46\u202441%", "46.41%"),  # one-dot leader for the full stop
        ("46·41%", "46.41%"),  # the raised decimal point
        ("4\u03036.41%", "46.41%"),  # a combining mark on a digit
        ("46\u00a0%", "46 %"),
    ],
)
def test_look_alike_digits_and_points_read_as_ascii(written: str, reads: str) -> None:
    assert clean_chars(written) == reads


def test_a_sentence_in_other_script_digits_gives_its_values_and_an_ascii_quote() -> None:
    text = SENTENCE.replace("46.41%", "٤٦٫٤١٪").replace("58.77", "５８．７７")
    report = extract_bytes(text.encode(), "note.txt")
    assert [(f.value, f.comparator_value, f.quote) for f in report.facts] == [(46.41, 58.77, SENTENCE)]


def test_a_superscript_digit_is_not_a_digit() -> None:
    assert clean_chars("10² people") == "10² people"


# --- encodings ----------------------------------------------------------------------------------


def test_one_bad_byte_in_utf8_costs_that_byte_only_and_is_said_once() -> None:
    data = "Budget £553,918,000 – spent.\n".encode() + b"Caf\xe9 \xff.\n" + SENTENCE.encode()
    doc = document_from_bytes(data, "budget.txt")
    assert doc.pages[0].text.splitlines() == ["Budget £553,918,000 – spent.", "Café ÿ.", SENTENCE]
    assert doc.notes == ("budget.txt: mixed encodings; read as UTF-8 with 2 bytes read as cp1252",)


def test_a_byte_neither_encoding_defines_is_replaced_not_refused() -> None:
    doc = document_from_bytes(b"Caf\x81 \x8d " + SENTENCE.encode(), "note.txt")
    assert doc.pages[0].text == "Caf\ufffd \ufffd " + SENTENCE
    assert doc.notes == ("note.txt: not UTF-8; read as cp1252 (2 bytes that neither defines shown as \ufffd)",)


def test_text_in_some_other_encoding_is_still_refused() -> None:
    from lacompare.errors import UnreadableDocument

    with pytest.raises(UnreadableDocument, match="unknown encoding"):
        document_from_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x41]) * 40, "note.txt")


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-16-le", "UTF-16 (little-endian, no byte-order mark)"),
        ("utf-16-be", "UTF-16 (big-endian, no byte-order mark)"),
        ("utf-16", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32 (little-endian, no byte-order mark)"),
        ("utf-32-be", "UTF-32 (big-endian, no byte-order mark)"),
    ],
)
def test_utf16_and_utf32_with_or_without_a_byte_order_mark_are_text(codec: str, label: str) -> None:
    doc = document_from_bytes(f"Adult social care.\n{SENTENCE}\n".encode(codec), "note.txt")
    assert doc.pages[0].text == f"Adult social care.\n{SENTENCE}"
    assert doc.notes == (f"note.txt: not UTF-8; read as {label}",)


def test_a_saved_web_page_in_utf16_is_read_as_html() -> None:
    doc = document_from_bytes(f"<html><body><p>{SENTENCE}</p></body></html>".encode("utf-16-le"), "page.htm")
    assert doc.format == "html" and doc.pages[0].text == SENTENCE


# --- line endings -------------------------------------------------------------------------------


@pytest.mark.parametrize("ending", [b"\r", b"\r\n", "\u2028".encode()])
def test_any_line_ending_keeps_the_markdown_rating(ending: bytes) -> None:
    data = BARNET_MD.read_bytes().replace(b"\n", ending)
    report = extract_bytes(data, "barnet.md")
    expected = extract_bytes(BARNET_MD.read_bytes(), "barnet.md")
    assert report.rating == expected.rating and report.rating is not None
    assert len(report.facts) == len(expected.facts)


# --- markdown is linear -------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["[", "![", "[a](", "<a", "<sup>", "*a ", "**a", "__a", "`", "\\"])
def test_no_markdown_line_takes_longer_than_its_length(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    started = time.perf_counter()
    strip_markdown(line)
    assert time.perf_counter() - started < 1.0
