"""The overall rating (Outstanding / Good / Requires improvement / Inadequate) and overall score in %.

Read from the page's structure first: a CQC page prints the rating as the value under the
council's name, below a "Local authority rating and score" heading, then "Overall rating for X:
70%" or "X scored 78 out of 100". Then from prose (:mod:`~lacompare.parsers.cqc.rating_prose`:
the grammar of the ways reports, press releases, news and minutes state a rating, each given to
the council it is about). The overall %, the rating and the nine scores are checked against each
other by :mod:`~lacompare.parsers.cqc.consistency`.
"""

from __future__ import annotations

import re

from lacompare import compiled
from lacompare.model import Fact, Number, Rating
from lacompare.parsers.cqc import rating_league, rating_prose
from lacompare.parsers.cqc.attribution import as_the_documents
from lacompare.parsers.cqc.consistency import band as band
from lacompare.parsers.cqc.consistency import checked_ratings
from lacompare.parsers.cqc.rating_prose import PCT, RATED_WORD, canonical
from lacompare.parsers.cqc.statements import statement_in
from lacompare.readers.base import Document, Page
from lacompare.readers.blocks import Block, BlockKind
from lacompare.vocab.patterns import parse_number

_WORD_ONLY = compiled.pattern(rf"(?i)^\s*(?:overall rating\s*:?\s*)?{RATED_WORD}\s*\.?\s*$")
_RATING_HEADING = compiled.pattern(r"(?i)\b(?:rating|rated)\b")
_OVERALL_LABEL = compiled.pattern(r"(?i)\boverall (?:rating|score)\b|^\s*(?:rating|score)\b")
_PCT_VALUE = compiled.pattern(rf"(?i)^\s*{PCT}\s*$")
_SCORED = compiled.pattern(rf"(?i)\bscored\s+{PCT}")  # "X scored 78 out of 100 overall"
_HEADING_REACH = 3  # blocks between a rating heading and the rating word (the council's name first)
_RANGE_AFTER = compiled.pattern(r"(?i)\s*(?:to|-|–|or (?:lower|higher|above|below|less|more))\b")
_RANGE_BEFORE = compiled.pattern(r"(?i)(?:\bto|\bbetween|\bfrom|[-–])\s*$")


def parse(doc: Document) -> list[Fact]:
    from lacompare.parsers.classify import local_authority

    found = as_the_documents(_from_structure(doc) + _from_prose(doc), local_authority(doc))
    return list(checked_ratings(_distinct(found)))


# --- structure: label/value blocks under a rating heading --------------------------------------


def _from_structure(doc: Document) -> list[Rating]:
    blocks = [(page, block) for page in doc.pages for block in page.blocks]
    for i, (page, block) in enumerate(blocks):
        heading = _heading_before(blocks, i)
        word = _rated_value(page, block, heading is not None)
        if word is None:
            continue
        last, pct = _pct_after(blocks, i)
        # From the heading, unless a bullet the reader dropped stands between them in the source.
        same_page = heading is not None and heading.page == page.number
        start = heading.start if heading is not None and same_page and not _dropped_bullet(block) else block.start
        return [Rating(page.number, page.text[start : last.end], word, pct)]
    return []


def _dropped_bullet(block: Block) -> bool:
    return block.marker is not None and not block.text.startswith(block.marker)


def _rated_value(page: Page, block: Block, under_heading: bool) -> str | None:
    """The rating word a block states as a value: "X" / "Good" under a rating heading, "Rating: Good"."""
    if block.kind is BlockKind.LABEL_VALUE and block.label is not None and block.value is not None:
        m = _WORD_ONLY.match(block.value.of(page.text))
        label = block.label.of(page.text)
        if m and (under_heading or _RATING_HEADING.search(label)) and statement_in(label) is None:
            return canonical(m["word"])  # not an area's word: "Safeguarding: Good"
    if under_heading and block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
        m = _WORD_ONLY.match(page.text[block.body.start : block.end])
        if m:
            return canonical(m["word"])
    return None


def _heading_before(blocks: list[tuple[Page, Block]], i: int) -> Block | None:
    for back in range(i - 1, max(-1, i - 1 - _HEADING_REACH), -1):
        block = blocks[back][1]
        if block.kind is BlockKind.HEADING and _RATING_HEADING.search(block.text):
            return block
        if block.kind is BlockKind.PARAGRAPH and len(block.text) > 90:
            return None
    return None


def _pct_after(blocks: list[tuple[Page, Block]], i: int) -> tuple[Block, Number | None]:
    """The overall % stated in the block after the rating ("Overall rating for X: 70%"), if any."""
    page, block = blocks[i]
    if i + 1 >= len(blocks) or blocks[i + 1][0] is not page:
        return block, None
    nxt = blocks[i + 1][1]
    if nxt.kind is BlockKind.LABEL_VALUE and nxt.label is not None and nxt.value is not None:
        m = _PCT_VALUE.match(nxt.value.of(page.text))
        if m and _OVERALL_LABEL.search(nxt.label.of(page.text)):
            return nxt, parse_number(m["pct"])
    if (m := _PCT_VALUE.match(nxt.text)) is not None:  # the % alone on the line under the rating
        return nxt, parse_number(m["pct"])
    m = _SCORED.search(nxt.text)  # "X scored 78 out of 100 overall, indicating a good standard"
    if m and _is_single_value(nxt.text, m):
        return nxt, parse_number(m["pct"])
    return block, None


# --- prose -------------------------------------------------------------------------------------


def _from_prose(doc: Document) -> list[Rating]:
    return [rating for page in doc.pages for rating in rating_prose.from_page(page) + rating_league.from_page(page)]


def _is_single_value(text: str, m: re.Match[str]) -> bool:
    """Not one end of a band: "63 to 87%", "38% or lower", "between 39 and 62%"."""
    return not (_RANGE_AFTER.match(text, m.end("pct")) or _RANGE_BEFORE.search(text, 0, m.start("pct")))


def _distinct(found: list[Rating]) -> list[Rating]:
    """The ratings none of the others covers: a council's "58%" beside its "Requires improvement (58%)"
    goes; of two that state the same, the first stays."""
    return [
        r
        for i, r in enumerate(found)
        if not any(j != i and _covers(s, r) and (_stated(s) > _stated(r) or j < i) for j, s in enumerate(found))
    ]


def _covers(a: Rating, b: Rating) -> bool:
    """``a`` states everything ``b`` states, for the same council."""
    same_council = a.local_authority == b.local_authority
    return same_council and b.overall in (None, a.overall) and (b.score_pct is None or b.score_pct == a.score_pct)


def _stated(r: Rating) -> int:
    return (r.overall is not None) + (r.score_pct is not None)
