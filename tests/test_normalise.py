"""The normaliser: what a page's text looks like after reading, whatever produced the PDF."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lacompare.readers import read_document
from lacompare.readers.normalise import _clean_line, drop_running_lines, normalise, normalise_pages, paragraphs

from .conftest import BARNET_CHROMIUM, BARNET_LIBREOFFICE, BARNET_MD, CAMDEN_CHROMIUM, CAMDEN_TXT, QS_CHROMIUM, QS_TXT

KEY_SENTENCES = (
    "137 people were awaiting their initial Care Act assessment, with a median wait time of 21 days and a "
    "maximum of 112 days",
    "46.41% of people receiving long-term support in Barnet had their care reviewed (planned or unplanned), "
    "which is lower than the England average of 58.77%",
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["The local authority had a self-", "assessment of its work."],
            ["The local authority had a self-assessment of its work."],
        ),
        (
            ["reablement was effective at 86% in 2023-", "2024 and up."],
            ["reablement was effective at 86% in 2023-2024 and up."],
        ),
        (
            ["It was rated 117th", " out", "of 152 local authorities."],
            ["It was rated 117th out of 152 local authorities."],
        ),
        (["Demographics", "The borough is large."], ["Demographics", "The borough is large."]),
        (["Score: 2", "Supporting people"], ["Score: 2", "Supporting people"]),
        (["• First point.", "• Second point."], ["First point.", "Second point."]),
        (
            ['reported "The plan helps me to live the life I want.', '" Next sentence.'],
            ['reported "The plan helps me to live the life I want." Next sentence.'],
        ),
        (
            ["care was compared with the", "England average of 58.77%."],
            ["care was compared with the England average of 58.77%."],
        ),
    ],
)
def test_paragraphs_rejoin_wrapped_lines(lines: list[str], expected: list[str]) -> None:
    assert paragraphs(lines, width=0) == expected


def test_a_full_width_line_continues_on_the_next() -> None:
    lines = ["x" * 95 + " and the local", "Authority said so.", "Short heading", "Next paragraph."]
    assert paragraphs(lines, width=100) == [
        "x" * 95 + " and the local Authority said so.",
        "Short heading",
        "Next paragraph.",
    ]


def test_running_header_and_footer_lines_are_dropped_digits_ignored() -> None:
    pages = [
        ["10/01/2025 Report title", f"https://example.org {n}/3", f"Body {'x' * n}.", f"Page {n} of 3"]
        for n in (1, 2, 3)
    ]
    assert drop_running_lines(pages) == [["Body x."], ["Body xx."], ["Body xxx."]]


def test_a_line_that_recurs_in_the_body_is_kept() -> None:
    body = ["Intro."] + [f"Paragraph {i}." for i in range(10)] + ["Score: 3"] + [f"More {i}." for i in range(10)]
    pages = [list(body) for _ in range(3)]
    assert "Score: 3" in drop_running_lines(pages)[0]


def test_a_short_paragraph_broken_over_a_page_is_read_whole_on_its_first_page() -> None:
    pages = normalise_pages(
        ["Header\nIt was 18.26% and the\nHeader", "Header\nrest was 5%. This is higher than 14.8%.\nHeader"]
    )
    # The next page gives up the broken sentence's tail and keeps the sentence printed on it.
    assert pages == ["It was 18.26% and the rest was 5%. This is higher than 14.8%.", "This is higher than 14.8%."]


def test_the_copied_text_is_marked_where_it_starts() -> None:
    first, second = normalise(
        ["Header\nIntro.\nIt was 18.26% and the\nHeader", "Header\nrest was 5%. This is higher than 14.8%.\nHeader"]
    )
    assert first.copied_at is not None
    assert first.text[first.copied_at :] == "rest was 5%. This is higher than 14.8%."
    assert second.copied_at is None


# One sentence a page, each a full line: a page break after a full stop (general grammar: a
# sentence that ends on a page stays there, whatever the line lengths).
@pytest.mark.parametrize("count", [2, 5, 9])
def test_sentences_of_their_own_pages_stay_on_them(count: int) -> None:
    sentences = [
        f"In 2024, {40 + i}.5% of people who use services were satisfied with their care." for i in range(count)
    ]
    pages = normalise(sentences)
    for i, page in enumerate(pages):
        own = page.text if page.copied_at is None else page.text[: page.copied_at]
        assert own.strip() == sentences[i]


def test_a_long_paragraph_gives_up_only_the_broken_sentence() -> None:
    tail = " Next sentence." * 60
    pages = normalise_pages(
        ["Header\nThe median wait was 21 days and the\nHeader", f"Header\nmaximum was 112 days.{tail}\nHeader"]
    )
    assert pages[0] == "The median wait was 21 days and the maximum was 112 days."
    assert pages[1] == tail.strip()


def test_ligatures_and_pdfium_hyphen_marker() -> None:
    (page,) = normalise_pages(["e\ufb03cient \ufb01nancial self\ufffeassessment"], wrapped=False)
    assert page == "efficient financial self-assessment"


@pytest.mark.parametrize("path", [BARNET_CHROMIUM, BARNET_LIBREOFFICE])
def test_barnet_pdfs_keep_the_key_sentences_on_one_page(path: object) -> None:
    doc = read_document(path)  # type: ignore[arg-type]
    for sentence in KEY_SENTENCES:
        assert sum(sentence in page.text for page in doc.pages) == 1


@pytest.mark.parametrize("path", [BARNET_CHROMIUM, BARNET_LIBREOFFICE, CAMDEN_CHROMIUM, QS_CHROMIUM])
def test_pdf_text_is_clean(path: object) -> None:
    doc = read_document(path)  # type: ignore[arg-type]
    text = doc.text
    assert not re.search("[\ufb00-\ufb06\ufffe]", text)
    assert "cqc.org.uk" not in text  # the running footer
    assert "Page 1 of" not in text


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out += [s for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z])", line) if len(s.split()) >= 8]
    return out


@pytest.mark.parametrize(
    ("source", "pdf", "allowed_misses"),
    [
        (BARNET_MD, BARNET_CHROMIUM, 0),
        (BARNET_MD, BARNET_LIBREOFFICE, 0),
        # The PDF itself prints "(16.14%) (tending" with a space the source lacks.
        (CAMDEN_TXT, CAMDEN_CHROMIUM, 1),
        (QS_TXT, QS_CHROMIUM, 0),
    ],
)
def test_every_source_sentence_is_found_on_one_pdf_page(source: object, pdf: object, allowed_misses: int) -> None:
    sentences = _sentences(read_document(source).text)  # type: ignore[arg-type]
    pages = [p.text for p in read_document(pdf).pages]  # type: ignore[arg-type]
    missing = [s for s in sentences if not any(s in page for page in pages)]
    assert len(sentences) > 100
    assert len(missing) <= allowed_misses, missing[:3]


def test_markdown_markup_does_not_leak() -> None:
    text = read_document(BARNET_MD).text
    for markup in ("**", "<sup>", "](", "\n#", "\n- "):
        assert markup not in text
    assert "rated 117th out of 152 local authorities" in text
    assert "£553,918,000" in text


@pytest.mark.parametrize("bullet", ["•", "▪", "●", "◦"])
def test_the_value_indented_under_a_list_item_is_a_line_of_its_own(bullet: str) -> None:
    (page,) = normalise_pages([f"  {bullet} Hartlepool Borough Council\n    Good\nOverall rating: 70%"], wrapped=False)
    assert page == "Hartlepool Borough Council\nGood\nOverall rating: 70%"


def test_an_indented_continuation_of_a_list_item_still_joins() -> None:
    (page,) = normalise_pages(["• People told us that staff were kind and\n  helpful to them."], wrapped=False)
    assert page == "People told us that staff were kind and helpful to them."


def test_numbered_items_never_join_each_other() -> None:
    (page,) = normalise_pages(["  1. Assessing people’s needs – 2\n  2. Safeguarding – 3"], wrapped=False)
    assert page == "1. Assessing people’s needs – 2\n2. Safeguarding – 3"


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(list(" \t\r\v\x0c\x1c\x85\xa0ab1.-•▪●◦‣∙·\ue000\ue001")), max_size=14))
def test_a_line_is_cleaned_as_the_plain_patterns_say(raw: str) -> None:
    """The quick tests in front of each pattern change nothing: the same line as both patterns give."""
    spaces, bullet = re.compile(r"[ \t\r\v]+"), re.compile(r"^[•▪●◦‣∙·\ue001]\s*")
    assert _clean_line(raw) == bullet.sub("", spaces.sub(" ", raw.replace("\ue000", "")).strip())
