"""PDF pages as text, through PDFium (pypdfium2, imported here only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


# Below this many pages a second process costs more than it saves.
SPLIT_FROM_PAGES = 8


def page_texts_and_ruled(pdf: pypdfium2.PdfDocument) -> tuple[list[str], list[int]]:
    """Raw text of every page and the 1-based numbers of pages with ruled lines.

    A long document's pages are shared with a forked child when a second CPU is free. A CQC
    assessment is prose through and through, so its pages are not searched for ruled lines.
    """
    from lacompare.forking import map_in_two
    from lacompare.readers.tables import is_ruled, looks_like_cqc_assessment

    indices = list(range(len(pdf)))
    read = partial(_read_pages, pdf)
    texts = map_in_two(read, indices) if len(indices) >= SPLIT_FROM_PAGES else read(indices)
    if looks_like_cqc_assessment(texts):
        return texts, []
    return texts, [index + 1 for index in indices if _with_page(pdf, index, is_ruled)]


def _read_pages(pdf: pypdfium2.PdfDocument, indices: Sequence[int]) -> list[str]:
    """The text of each page index, releasing each page as soon as it is read."""
    return [_with_page(pdf, index, _page_text) for index in indices]


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
    return read_pdf_pages_and_ruled(data, name, password)[0]


def read_pdf_pages_and_ruled(data: bytes, name: str, password: str | None = None) -> tuple[list[str], list[int]]:
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
    return texts, ruled


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
