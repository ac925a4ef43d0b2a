"""Every expected failure is a LacompareError with a one-line message and a hint.

The CLI prints ``Error: <source>: <message> (<hint>)`` on stderr and exits 1; the library
raises these so callers can catch one base class.
"""

from __future__ import annotations


class LacompareError(Exception):
    """Base class. ``source`` names the file (or council) the error is about."""

    hint: str = ""
    details: str = ""  # more than the one line, e.g. an internal error's traceback (shown with --debug)

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        parts = [f"{_shortened(self.source)}: " if self.source else "", self.message]
        if self.hint:
            parts.append(f" ({self.hint})")
        return " ".join("".join(parts).split())

    def __str__(self) -> str:
        return self.one_line()


LONGEST_SOURCE = 300  # characters of a file or council name an error line shows


def _shortened(source: str) -> str:
    """A name as an error line shows it: one too long to read ends in '…' and says its length."""
    if len(source) <= LONGEST_SOURCE:
        return source
    return f"{source[: LONGEST_SOURCE - 60]}… ({len(source):,} characters)"


class UnreadableDocument(LacompareError):
    """Missing, unreadable, empty or malformed input."""

    hint = "check the path, or download the file again"


class NotAPdf(UnreadableDocument):
    hint = "save the report as PDF, HTML or text and try again"


class EncryptedPdf(UnreadableDocument):
    hint = "pass the password with --password, or save an unprotected copy"


class NoTextLayer(UnreadableDocument):
    hint = "the PDF looks scanned; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`"


class ParseLimitExceeded(UnreadableDocument):
    hint = "the file is too large or malformed; raise --timeout if it is genuine"


class InternalError(LacompareError):
    """An exception no reader or parser expected: a bug. ``details`` holds its traceback."""

    hint = "please report this with the file"


class UnknownAuthority(LacompareError):
    hint = "give a council name as in `lacompare list`, or its GSS code"


class UnknownMetric(LacompareError):
    hint = "see `lacompare metrics` for the catalogue"


class StoreError(LacompareError):
    hint = "check --db / LACOMPARE_DB"


class NotInLibrary(StoreError):
    hint = "add its report first: `lacompare add REPORT.pdf`"
