"""PDF pages as text, through PDFium (pypdfium2, imported here only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from lacompare.errors import EncryptedPdf, NoTextLayer, UnreadableDocument

if TYPE_CHECKING:
    import pypdfium2

T = TypeVar("T")


def open_pdf(data: bytes, name: str, password: str | None = None) -> pypdfium2.PdfDocument:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            if password:
                raise EncryptedPdf("the PDF password is wrong", source=name) from None
            raise EncryptedPdf("the PDF is encrypted", source=name) from None
        raise damaged(name, reason) from None


def damaged(name: str, reason: str = "") -> UnreadableDocument:
    """'Failed to load document (PDFium: Data format error).' -> '... truncated (data format error)'."""
    detail = reason.rpartition("PDFium:")[2].strip(" .()").lower() if "PDFium:" in reason else reason
    detail = "" if detail in ("", "success") else f" ({detail})"
    return UnreadableDocument(
        f"the PDF is damaged or truncated{detail}",
        source=name,
        hint="download it again; a half-saved file cannot be read",
    )


# PDFium's content parser keeps this many characters of one string operand (CPDF_StreamParser).
PDFIUM_MAX_STRING = 32_767
# Below this many pages a second process costs more than it saves.
SPLIT_FROM_PAGES = 8


def page_texts_and_ruled(pdf: pypdfium2.PdfDocument) -> tuple[list[str], list[int]]:
    """Raw text of every page and the 1-based numbers of pages with ruled lines.

    A long document's pages are shared with a forked child when a second CPU is free. Each page's
    ruled lines are counted while it is open for its text, whatever the document is: what a page
    is drawn with decides whether its tables are searched, never what the document is about.
    """
    from lacompare import progress
    from lacompare.forking import map_in_two

    indices = list(range(len(pdf)))
    progress.to_do(len(indices))
    read = partial(_read_pages, pdf)
    pages = map_in_two(read, indices) if len(indices) >= SPLIT_FROM_PAGES else read(indices)
    return [text for text, _ in pages], [index + 1 for index, (_, ruled) in zip(indices, pages, strict=True) if ruled]


def _read_pages(pdf: pypdfium2.PdfDocument, indices: Sequence[int]) -> list[tuple[str, bool]]:
    """The text of each page index and whether it is ruled, releasing each page as soon as it is read."""
    from lacompare import progress

    out = []
    for index in indices:
        out.append(_with_page(pdf, index, _text_and_ruled))
        progress.done()
    return out


def _text_and_ruled(page: pypdfium2.PdfPage) -> tuple[str, bool]:
    from lacompare.readers.tables import is_ruled

    return _page_text(page), is_ruled(page)


def _page_text(page: pypdfium2.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_range())
    finally:
        textpage.close()


def _with_page(pdf: pypdfium2.PdfDocument, index: int, use: Callable[[pypdfium2.PdfPage], T]) -> T:
    import pypdfium2

    try:
        page = pdf[index]
    except pypdfium2.PdfiumError:
        raise damaged("", f"page {index + 1} of {len(pdf)} cannot be read") from None
    try:
        return use(page)
    except pypdfium2.PdfiumError:
        raise damaged("", f"the text of page {index + 1} cannot be read") from None
    finally:
        page.close()


def read_pdf_pages(data: bytes, name: str, password: str | None = None) -> list[str]:
    return read_pdf(data, name, password).texts


@dataclass(frozen=True, slots=True)
class PdfText:
    """A PDF's raw page texts, the pages worth a table search, and what the reader must say."""

    texts: list[str]
    ruled: list[int]
    notes: tuple[str, ...] = ()


def read_pdf(data: bytes, name: str, password: str | None = None) -> PdfText:
    """Raw page texts and the pages worth a table search, from one opening of the PDF."""
    pdf = open_pdf(data, name, password)
    try:
        if len(pdf) == 0:
            raise UnreadableDocument("the PDF has no pages", source=name)
        texts, ruled = page_texts_and_ruled(pdf)
        if not any(t.strip() for t in texts):
            raise no_text(pdf, name)
    except UnreadableDocument as exc:
        exc.source = name
        raise
    finally:
        pdf.close()
    notes = read_past_long_strings(data, texts, name, password)
    return PdfText(texts, ruled, notes)


def read_past_long_strings(data: bytes, texts: list[str], name: str, password: str | None) -> tuple[str, ...]:
    """Re-read with pdfminer each page whose text may have been cut at PDFium's string limit.

    PDFium keeps the first 32,767 characters of one string of text and drops the rest, so a
    line that long may have lost its end. pdfminer has no such limit: its text of the page is
    taken when it holds more, and the notes say which pages were read so (or may be short).
    """
    notes = []
    for index, text in enumerate(texts):
        if max(map(len, text.splitlines()), default=0) < PDFIUM_MAX_STRING:
            continue
        whole = _pdfminer_text(data, index, password)
        page = (
            f"{name}: page {index + 1} has a string of text longer than PDFium reads ({PDFIUM_MAX_STRING:,} characters)"
        )
        if whole is None:
            notes.append(f"{page}; the page may be cut short")
        elif len("".join(whole.split())) > len("".join(text.split())):
            texts[index] = whole
            notes.append(f"{page}; the page was read with pdfminer")
    return tuple(notes)


def _pdfminer_text(data: bytes, index: int, password: str | None) -> str | None:
    import io

    from pdfminer.high_level import extract_text

    try:
        return str(extract_text(io.BytesIO(data), password=password or "", page_numbers=[index]))
    except MemoryError:
        raise
    except Exception:  # pdfminer fails on damaged files in many ways
        return None


def no_text(pdf: pypdfium2.PdfDocument, name: str) -> UnreadableDocument:
    """A scan or outlined text (something is drawn: OCR it), or a damaged file (nothing is)."""
    if draws_anything(pdf):
        pages = "its only page has no text layer" if len(pdf) == 1 else f"none of its {len(pdf)} pages has a text layer"
        return NoTextLayer(pages, source=name)
    pages = "its only page is" if len(pdf) == 1 else f"all {len(pdf)} of its pages are"
    return UnreadableDocument(f"{pages} empty", source=name, hint="the PDF looks damaged; download it again")


def draws_anything(pdf: pypdfium2.PdfDocument, pages: int = 20) -> bool:
    """Whether any of the first pages holds an object (image, path, form, text without Unicode)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    for index in range(min(len(pdf), pages)):
        try:
            page = pdf[index]
        except pypdfium2.PdfiumError:
            continue
        try:
            if pdfium_c.FPDFPage_CountObjects(page.raw) > 0:
                return True
        finally:
            page.close()
    return False
