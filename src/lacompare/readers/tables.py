"""Ruled tables from PDF pages.

pdfplumber's ``extract_tables()`` rebuilds ruled tables exactly but costs ~100 ms a page, so
it runs only on pages that PDFium says carry ruled lines (enough path objects); prose pages
never reach it, whatever the document is.
"""

from __future__ import annotations

import errno
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from lacompare.readers.base import Table
from lacompare.readers.chars import clean_chars

if TYPE_CHECKING:
    import pypdfium2

# Chromium draws list bullets and rules under headings as paths (at most 5 a page in the CQC
# fixtures); a ruled table draws one per cell edge (99-324 a page in the performance report).
MIN_PATHS_FOR_TABLE = 10


def path_count(page: pypdfium2.PdfPage, stop_at: int = MIN_PATHS_FOR_TABLE) -> int:
    """Path objects on a page (lines, rectangles), counted up to ``stop_at``."""
    import pypdfium2.raw as pdfium_c

    # Called on every page of every PDF, and a page of prose holds thousands of objects: the
    # functions and the page handle are looked up once, not once per object.
    raw, get_object, get_type, path = (
        page.raw,
        pdfium_c.FPDFPage_GetObject,
        pdfium_c.FPDFPageObj_GetType,
        pdfium_c.FPDF_PAGEOBJ_PATH,
    )
    found = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        if get_type(get_object(raw, index)) == path:
            found += 1
            if found >= stop_at:
                break
    return found


def is_ruled(page: pypdfium2.PdfPage) -> bool:
    return path_count(page) >= MIN_PATHS_FOR_TABLE


def join_cell(cell: str | None) -> str:
    """A cell's lines joined: 'Bigger is\\nBetter' -> 'Bigger is Better', 'Well-\\nbeing' -> 'Well-being'.

    Its characters are cleaned as page text is (``chars.clean_chars``), so a row's quote is found.
    """
    if not cell:
        return ""
    out = ""
    for line in (ln.strip() for ln in clean_chars(cell).split("\n")):
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.split())


def clean_rows(rows: Iterable[Sequence[str | None]]) -> tuple[tuple[str, ...], ...]:
    """Rows with joined cells; rows whose cells are all empty are dropped."""
    out = []
    for row in rows:
        cells = tuple(join_cell(c) for c in row)
        if any(cells):
            out.append(cells)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TablesRead:
    """The tables found, and why none could be read (for the document's notes)."""

    tables: tuple[Table, ...]
    problem: str | None = None


def extract_tables(data: bytes, page_numbers: Sequence[int], password: str | None = None) -> TablesRead:
    """Tables of the given 1-based pages; none, and a note, from a file pdfminer cannot parse.

    Memory running out (or a library that cannot be mapped in under ``--memory-limit``) is not
    such a file: it stops the document with the memory limit's error instead of dropping its
    table facts unsaid.
    """
    try:
        return TablesRead(tables_of_pages(data, page_numbers, password))
    except MemoryError:
        raise
    except (ImportError, OSError) as exc:
        if _allocation_failure(exc):
            raise MemoryError(str(exc)) from exc
        raise
    except Exception as exc:  # pdfminer fails on damaged files in many ways (syntax, KeyError, IndexError …)
        return TablesRead((), f"its ruled tables could not be read ({type(exc).__name__}); facts from its text only")


def _allocation_failure(exc: BaseException) -> bool:
    text = str(exc).lower()
    return getattr(exc, "errno", None) == errno.ENOMEM or "map segment" in text or "cannot allocate" in text


def tables_of_pages(data: bytes, page_numbers: Sequence[int], password: str | None = None) -> tuple[Table, ...]:
    """Tables of the given 1-based pages, in page order, each pdfplumber page closed after use.

    pdfplumber spends ~0.3 s a ruled page interpreting its content stream; with a second CPU
    to spare, a forked child shares the pages, each process taking the next from a queue.
    """
    if not page_numbers:
        return ()
    import pdfplumber  # noqa: F401  (imported once, before the fork, for both halves)

    from lacompare import progress
    from lacompare.forking import map_in_two

    progress.to_do(len(page_numbers))
    per_page = map_in_two(partial(_tables_per_page, data, password=password), list(page_numbers))
    return tuple(table for tables in per_page for table in tables)


def _tables_per_page(data: bytes, page_numbers: Iterable[int], password: str | None) -> list[list[Table]]:
    """The tables of each page, in the order the pages are taken (one at a time, from a shared queue)."""
    import pdfplumber

    from lacompare import progress

    per_page: list[list[Table]] = []
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        for number in page_numbers:
            page = pdf.pages[number - 1]
            try:
                per_page.append(
                    [Table(number, rows) for rows in map(clean_rows, page.extract_tables()) if len(rows) >= 2]
                )
            finally:
                page.close()
                progress.done()
    return per_page
