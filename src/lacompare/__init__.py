"""lacompare: facts from English councils' adult social care reports, each with its page and quote.

    >>> import lacompare
    >>> report = lacompare.extract("fixtures/barnet_cqc_chromium.pdf")
    >>> report.rating.overall
    'Good'

Nothing heavy is imported here: PDF libraries load only when a PDF is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
EXTRACTOR_VERSION = "3"  # bump whenever a reader or parser change alters extracted facts
DEFAULT_TIMEOUT = 60.0  # seconds for parsing one file
DEFAULT_MEMORY_MB = 1024  # memory ceiling for parsing one file

__all__ = ["__version__", "extract", "extract_text", "LacompareError", "Library", "diff", "rank", "table"]

if TYPE_CHECKING:
    from lacompare.compare import diff, rank, table
    from lacompare.errors import LacompareError
    from lacompare.library.store import Library
    from lacompare.pipeline import extract, extract_text


def __getattr__(name: str) -> Any:
    if name in ("extract", "extract_text"):
        from lacompare import pipeline

        return getattr(pipeline, name)
    if name in ("diff", "rank", "table"):
        from lacompare import compare

        return getattr(compare, name)
    if name == "Library":
        from lacompare.library.store import Library

        return Library
    if name == "LacompareError":
        from lacompare.errors import LacompareError

        return LacompareError
    raise AttributeError(name)
