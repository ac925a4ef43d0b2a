"""PDF pages as text, through PDFium (pypdfium2, imported here only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lacompare.errors import EncryptedPdf, NoTextLayer, UnreadableDocument

if TYPE_CHECKING:
    import pypdfium2


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
        raise UnreadableDocument(
            f"the PDF is damaged or truncated ({reason.split('(')[-1].rstrip(')') or reason})",
            source=name,
            hint="download it again; a half-saved file cannot be read",
        ) from None


def page_texts(pdf: pypdfium2.PdfDocument) -> list[str]:
    """Raw text of every page, releasing each page as soon as it is read."""
    texts = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                texts.append(textpage.get_text_range())
            finally:
                textpage.close()
        finally:
            page.close()
    return texts


def read_pdf_pages(data: bytes, name: str, password: str | None = None) -> list[str]:
    pdf = open_pdf(data, name, password)
    try:
        if len(pdf) == 0:
            raise UnreadableDocument("the PDF has no pages", source=name)
        texts = page_texts(pdf)
    finally:
        pdf.close()
    if not any(t.strip() for t in texts):
        raise NoTextLayer(f"none of its {len(texts)} pages has a text layer", source=name)
    return texts
