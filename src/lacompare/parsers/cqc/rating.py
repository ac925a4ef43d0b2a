"""The overall rating (Outstanding / Good / Requires improvement / Inadequate) and overall score in %.

A CQC report prints the rating under "Local authority rating and score", on the line after the
council's name. Prose forms are read too: "Overall rating for X: Good (70%)", "overall rating
of Good", "scored 78 out of 100".
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lacompare.model import RATINGS, Fact, Number, Rating
from lacompare.parsers.text.lines import Line, content_lines, sentence_around, span_quote
from lacompare.parsers.text.patterns import NUMBER, parse_number
from lacompare.readers.base import Document

_WORD = r"(?P<word>Outstanding|Good|Requires\s+improvement|Inadequate)"
_HEADING = regex.compile(r"(?i)^\s*(?:local authority |overall )?rating(?: and score)?\s*:?\s*$")
_WORD_LINE = regex.compile(rf"(?i)^\s*(?:overall rating\s*:?\s*)?{_WORD}\s*$")
_PCT_LINE = regex.compile(rf"(?i)^\s*(?:(?:overall )?score\s*:?\s*)?(?P<pct>{NUMBER})\s*%\s*$")
# How far below the heading the rating word may sit (the council name comes first).
_HEADING_REACH = 3

_PROSE = (
    # "Overall rating for London Borough of X: Good (70%)", "Overall rating: 70%"
    regex.compile(
        rf"(?i)\boverall (?:rating|score)(?: for [^:\n.]{{3,80}}?)?\s*:\s*"
        rf"(?:{_WORD}\b\s*(?:\(\s*(?P<pct>{NUMBER})\s*%\s*\))?|(?P<pct>{NUMBER})\s*%)"
    ),
    # "an overall rating of Good", "the overall rating was Requires improvement"
    regex.compile(rf"(?i)\boverall rating (?:of|is|was|as)\s+{_WORD}\b"),
    # "rated Good overall"
    regex.compile(rf"(?i)\brated (?:as )?{_WORD} overall\b"),
    # "scored 78 out of 100", "an overall score of 70%"
    regex.compile(rf"(?i)\bscored (?P<pct>{NUMBER}) out of 100\b"),
    regex.compile(rf"(?i)\boverall score (?:of|was|is)\s+(?P<pct>{NUMBER})\s*(?:%|per cent|out of 100)"),
)

# CQC's thresholds from overall % to rating.
_BANDS = ((88, "Outstanding"), (63, "Good"), (39, "Requires improvement"), (25, "Inadequate"))


def parse(doc: Document) -> list[Fact]:
    found = _from_heading(doc) + _from_prose(doc)
    out: list[Rating] = []
    for rating in found:
        if any(_same(rating, kept) for kept in out):
            continue
        out.append(rating)
    return list(_checked(out))


def _from_heading(doc: Document) -> list[Rating]:
    lines = content_lines(doc)
    for i, line in enumerate(lines):
        if not _HEADING.match(line.text):
            continue
        for j in range(i + 1, min(i + 1 + _HEADING_REACH, len(lines))):
            m = _WORD_LINE.match(lines[j].text)
            if m:
                return [_heading_rating(doc, lines, i, j, _canonical(m["word"]))]
    return []


def _heading_rating(doc: Document, lines: list[Line], heading: int, word: int, overall: str) -> Rating:
    last = lines[word]
    pct: Number | None = None
    if word + 1 < len(lines) and (m := _PCT_LINE.match(lines[word + 1].text)) and lines[word + 1].page == last.page:
        pct, last = parse_number(m["pct"]), lines[word + 1]
    first = lines[heading] if lines[heading].page == last.page else lines[word - 1]
    return Rating(last.page, span_quote(doc, first, last), overall, pct)


def _from_prose(doc: Document) -> list[Rating]:
    out = []
    for page in doc.pages:
        lowered = page.text.lower()
        if "overall" not in lowered and "out of 100" not in lowered and "rated" not in lowered:
            continue
        for pattern in _PROSE:
            for m in pattern.finditer(page.text):
                groups = m.groupdict()
                word = _canonical(groups["word"]) if groups.get("word") else None
                pct = parse_number(groups["pct"]) if groups.get("pct") else None
                out.append(Rating(page.number, sentence_around(page.text, m.start(), m.end()), word, pct))
    return out


def _canonical(word: str) -> str:
    spaced = " ".join(word.split()).lower()
    return next(r for r in RATINGS if r.lower() == spaced)


def _same(a: Rating, b: Rating) -> bool:
    """A prose rating that adds nothing to one already found."""
    return (a.overall in (None, b.overall)) and (a.score_pct is None or a.score_pct == b.score_pct)


def _checked(ratings: list[Rating]) -> list[Rating]:
    """Flag ratings that disagree with each other or with CQC's % thresholds."""
    words = {r.overall for r in ratings if r.overall}
    out = []
    for r in ratings:
        notes = []
        if len(words) > 1 and r.overall:
            notes.append("the document states more than one overall rating: " + ", ".join(sorted(words)))
        if r.score_pct is not None:
            expected = band(r.score_pct)
            stated = r.overall or (next(iter(words)) if len(words) == 1 else None)
            if stated and expected and expected != stated:
                notes.append(f"{r.score_pct}% is in CQC's {expected!r} band, not {stated!r}")
        out.append(replace(r, flag="; ".join(notes)) if notes else r)
    return out


def band(score_pct: Number) -> str | None:
    """The rating CQC gives an overall score in %: 63-87% is Good, and so on."""
    return next((word for floor, word in _BANDS if score_pct >= floor), None)
