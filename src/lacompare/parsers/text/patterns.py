"""Shared pattern pieces: numbers, years, sentences and quotes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lacompare.model import Number

# 1,234,567.89 | 1234.5 | 12 ; never the tail of a longer token.
NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
NUMBER_RE = regex.compile(NUMBER)
# Financial/academic years: 2022/23, 2022/2023, 2023-24, 2023 to 2024, or a plain year.
YEAR = r"(?:19|20)\d\d(?:\s?[-/–]\s?(?:(?:19|20)\d\d|\d\d)(?!\d)|\s+to\s+(?:19|20)\d\d)?"
YEAR_RE = regex.compile(rf"(?<!\d){YEAR}(?!\d)")

_ABBREVIATIONS = ("e.g.", "i.e.", "approx.", "etc.", "no.", "vs.", "c.", "St.", "Dr.", "Mr.", "Mrs.", "Ms.")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?][\"'’”)\]]*)\s+(?=[\"'‘“(]?[A-Z0-9£])")


def parse_number(text: str) -> Number:
    """'2,135' -> 2135; '46.41' -> 46.41. Raises ValueError on anything else."""
    clean = text.replace(",", "").strip()
    if not clean or not regex.fullmatch(r"\d+(?:\.\d+)?", clean):
        raise ValueError(f"not a number: {text!r}")
    return float(clean) if "." in clean else int(clean)


def numbers_in(text: str) -> list[Number]:
    return [parse_number(m.group()) for m in NUMBER_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of a normalised page, with their offsets. Lines never join."""
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_BREAK.finditer(line):
            before = line[start : m.start()]
            if before.endswith(_ABBREVIATIONS) or regex.search(r"\b[A-Z]\.$", before):
                continue
            yield Sentence(offset + start, offset + m.start(), before)
            start = m.end()
        if line[start:].strip():
            yield Sentence(offset + start, offset + len(line), line[start:])
        offset += len(line) + 1


def sentence_list(text: str) -> list[Sentence]:
    return list(sentences(text))


def enclosing_sentence(text: str, start: int, end: int | None = None) -> Sentence:
    """The sentence (or run of sentences) of ``text`` covering [start, end)."""
    end = start if end is None else end
    chosen = [s for s in sentences(text) if s.end >= start and s.start <= max(start, end - 1)]
    if not chosen:
        return Sentence(start, end, text[start:end])
    first, last = chosen[0], chosen[-1]
    return Sentence(first.start, last.end, text[first.start : last.end])
