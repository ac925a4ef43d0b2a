"""Table extraction speed: lacompare against pdfplumber on every page, same cells.

    python bench/bench_tables.py [--runs 5]

lacompare reads page text with PDFium, counts path objects per page and runs pdfplumber's
``extract_tables()`` only on the ruled pages; the naive way runs ``extract_tables()`` and
``extract_text()`` on every page. Both run in this process after their imports, each page
closed after use. The median of ``--runs`` runs is compared; the target is a ratio <= 0.5.
The cells must be identical (line breaks inside cells joined the same way).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES_PDF = ROOT / "fixtures" / "barnet_perf_q2_2016_tables_chromium.pdf"
TARGET_RATIO = 0.5

Cells = list[tuple[int, tuple[tuple[str, ...], ...]]]


@dataclass(frozen=True)
class TablesBench:
    pages: int
    ours_s: float
    naive_s: float
    tables: int
    cells: int
    identical: bool

    @property
    def ratio(self) -> float:
        return self.ours_s / self.naive_s

    def line(self) -> str:
        verdict = "ok" if self.ratio <= TARGET_RATIO and self.identical else "MISSED"
        same = "identical" if self.identical else "DIFFERENT"
        return (
            f"table report ({self.pages} p): lacompare {self.ours_s:.2f} s, pdfplumber tables+text on every page "
            f"{self.naive_s:.2f} s, ratio {self.ratio:.2f} (target <= {TARGET_RATIO}) {verdict}; "
            f"{self.tables} tables, {self.cells} cells {same}"
        )


def ours(path: Path) -> Cells:
    from lacompare.parsers import parse
    from lacompare.readers import read_document

    doc = read_document(path)
    parse(doc)  # the whole job: page text, tables, and the facts parsed from them
    return [(t.page, t.rows) for t in doc.tables]


def naive(path: Path) -> Cells:
    import pdfplumber

    from lacompare.readers.tables import clean_rows

    out: Cells = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            page.extract_text()
            for raw in page.extract_tables():
                rows = clean_rows(raw)
                if len(rows) >= 2:
                    out.append((number, rows))
            page.close()
    return out


def _median_seconds(job: object, path: Path, runs: int) -> tuple[float, Cells]:
    times, result = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = job(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_tables(runs: int = 3, path: Path = TABLES_PDF) -> TablesBench:
    import pdfplumber  # noqa: F401  (imports are not timed, for either side)

    import lacompare.parsers  # noqa: F401
    import lacompare.readers  # noqa: F401

    ours_s, our_cells = _median_seconds(ours, path, runs)
    naive_s, naive_cells = _median_seconds(naive, path, runs)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    pages = len(pdf)
    pdf.close()
    return TablesBench(
        pages=pages,
        ours_s=ours_s,
        naive_s=naive_s,
        tables=len(our_cells),
        cells=sum(len(row) for _, rows in our_cells for row in rows),
        identical=our_cells == naive_cells,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    result = bench_tables(args.runs)
    print(result.line())
    return 0 if result.identical else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
