"""Extract many files, yielding each result in the order the files were given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lacompare.errors import LacompareError
from lacompare.model import Report


@dataclass(frozen=True, slots=True)
class Options:
    kind: str | None = None
    password: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """A report, or the error that stopped one file."""

    source: str
    report: Report | None = None
    error: LacompareError | None = None


def extract_one(source: str, options: Options) -> Outcome:
    from lacompare.pipeline import extract

    try:
        return Outcome(source, report=extract(source, kind=options.kind, password=options.password))
    except LacompareError as exc:
        if exc.source is None:
            exc.source = source
        return Outcome(source, error=exc)


def extract_many(sources: Sequence[str], options: Options) -> Iterator[Outcome]:
    for source in sources:
        yield extract_one(source, options)
