"""The overall rating (Outstanding / Good / Requires improvement / Inadequate) and overall score in %.

Read from the page's structure first: a CQC page prints the rating as the value under the
council's name, below a "Local authority rating and score" heading, then "Overall rating for X:
70%" or "X scored 78 out of 100". Then from prose, through a vocabulary of the ways reports,
press releases and news pages state a rating: "CQC rates X's adult social care provision as
good", "has rated X as requires improvement", "received a ‘Good’ rating", "were all assessed as
‘good’", "the first … to be rated as “inadequate”", "an overall rating of Good with a score of
70%". A list of CQC's rating bands ("Good … 63 to 87%"), a rating of part of the work ("rated
‘Outstanding’ in two areas"), an aim ("our ambition to be rated outstanding"), the share of
providers rated good, and ratings from before 2011 are not the council's current rating.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lacompare import compiled
from lacompare.model import RATINGS, Fact, Number, Rating
from lacompare.parsers.text.lines import sentence_around
from lacompare.parsers.text.patterns import NUMBER, parse_number
from lacompare.readers.base import Document, Page
from lacompare.readers.blocks import Block, BlockKind

_WORD = r"(?P<word>outstanding|good|requires[\s-]+improvement|inadequate)"
_Q = r"[‘’'\"“”]?"  # the rating word is often in quote marks
_RATED_WORD = rf"{_Q}{_WORD}{_Q}(?![\w-])"
_WORD_ONLY = compiled.pattern(rf"(?i)^\s*(?:overall rating\s*:?\s*)?{_RATED_WORD}\s*\.?\s*$")
_RATING_HEADING = compiled.pattern(r"(?i)\b(?:rating|rated)\b")
_OVERALL_LABEL = compiled.pattern(r"(?i)\boverall (?:rating|score)\b|^\s*(?:rating|score)\b")
_PCT = rf"(?P<pct>{NUMBER})\s*(?:%|per\s?cent\b|out of 100\b)"
_PCT_VALUE = compiled.pattern(rf"(?i)^\s*{_PCT}\s*$")
_FOR_COUNCIL = r"(?: for [^:\n.]{3,80}?)?"  # "Overall rating for Hartlepool Borough Council: …"
_HEADING_REACH = 3  # blocks between a rating heading and the rating word (the council's name first)

# How prose states a council's overall rating. Each pattern has a ``word`` group.
_PROSE_WORDS = tuple(
    compiled.pattern(p, regex.I)
    for p in (
        # "CQC rates X's adult social care provision as good", "has rated X as good", "to be rated as ..."
        rf"\brat(?:ed|es|ing)\b[^.;:]{{0,140}}?\bas\s+{_RATED_WORD}",
        # "were all assessed as ‘good’", "was judged to be good", "was found to be inadequate"
        rf"\b(?:assessed|judged|found)\s+(?:to\s+be\s+|as\s+(?:being\s+)?){_RATED_WORD}",
        # "a ‘Good’ rating", "their good rating", "awarded ‘good’ ratings", "first “inadequate” rating"
        rf"(?<![\w-]){_RATED_WORD}\s+(?:overall\s+)?ratings?\b",
        # "an overall rating of Good", "the overall rating was Requires improvement", "overall rating: Good"
        rf"\boverall rating\b{_FOR_COUNCIL}(?:\s+(?:of|is|was|as)\s+|\s*:\s*){_RATED_WORD}",
        # "rated Good overall", "rated ‘good’ by the CQC"
        rf"\brated\s+(?:as\s+)?{_RATED_WORD}\s+(?:overall|by)\b",
    )
)
# How prose states the overall score in %.
_PROSE_PCT = tuple(
    compiled.pattern(p, regex.I)
    for p in (
        rf"\bscored\s+{_PCT}",
        rf"\boverall (?:score|rating|result)\s+(?:of|was|is|at)\s+(?:just\s+|around\s+)?{_PCT}",
        rf"\boverall (?:score|rating){_FOR_COUNCIL}\s*:\s*{_PCT}",
        rf"\boverall (?:rating|score){_FOR_COUNCIL}(?:\s+(?:of|is|was)\s+|\s*:\s*){_RATED_WORD}\s*\(\s*{_PCT}\s*\)",
        rf"\boverall rating\b[^.;]{{0,40}}?\bwith (?:a|an overall) score of\s+{_PCT}",
    )
)
_PART_OF_THE_WORK = compiled.pattern(r"(?i)\s+in\s+(?:\w+\s+)?(?:\(|areas?|of|all|two|three|four|five|some)\b")
_CUE_WORDS = (
    "rated",
    "rates",
    "rating",
    "assessed",
    "judged",
    "found to be",
    "scored",
    "overall score",
    "overall result",
)
_RANGE_AFTER = compiled.pattern(r"(?i)^\s*(?:to|-|–|or (?:lower|higher|above|below|less|more))\b")
_RANGE_BEFORE = compiled.pattern(r"(?i)(?:\bto|\bbetween|\bfrom|[-–])\s*$")
# Sentences about something other than the council's current overall rating.
_OLD_YEAR = r"\b(?:19\d\d|200\d|2010)(?:[-/]\d\d)?\b"
_NOT_CURRENT = compiled.scanner(
    r"(?i:\b(?:aim|aims|ambition|aspir\w*|hope|hoping|strive|striving|goal|working towards)\b)[^.]{0,80}\brat"
    r"|\b(?:could|would|might|may|will|if|If|unless|Unless)\b[^.]{0,80}\b(?:be|been)\s+rated\b"
    rf"|{_OLD_YEAR}[^.]{{0,60}}\brat|\brat[^.]{{0,60}}{_OLD_YEAR}"
    r"|(?i:\bstar rating)"
)
# "100% of supported living services were rated good", "most care homes are rated good": providers.
_SHARE_RATED = compiled.pattern(
    r"(?i)(?:\d\s*%|\bper\s?cent\b|\b(?:\d[\d,]*|most|majority|all|many|proportion|share|number)\s+(?:of\s+)?"
    r"(?:[\w-]+\s+){0,4}(?:homes|providers|services|settings|agencies|locations))[^.]{0,80}\brated\b"
)
_SEVERAL_RATED = compiled.pattern(r"(?i)\b(?:all|both|each|three|two|four|five|councils|authorities)\b")
_JOINED_WORD = compiled.pattern(rf"(?i)^\s*{_Q}\s*(?:or|and|to)\s+{_Q}{_WORD}")

# CQC's thresholds from overall % to rating.
_BANDS = ((88, "Outstanding"), (63, "Good"), (39, "Requires improvement"), (25, "Inadequate"))


def parse(doc: Document) -> list[Fact]:
    found = _from_structure(doc) + _from_prose(doc)
    out: list[Rating] = []
    for rating in found:
        if any(_same(rating, kept) for kept in out):
            continue
        out.append(rating)
    return list(_checked(out))


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
        if m and (under_heading or _RATING_HEADING.search(block.label.of(page.text))):
            return _canonical(m["word"])
    if under_heading and block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
        m = _WORD_ONLY.match(page.text[block.body.start : block.end])
        if m:
            return _canonical(m["word"])
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
    for pattern in _PROSE_PCT[:1]:  # "X scored 78 out of 100 overall, indicating a good standard"
        m = pattern.search(nxt.text)
        if m and _is_single_value(nxt.text, m):
            return nxt, parse_number(m["pct"])
    return block, None


# --- prose -------------------------------------------------------------------------------------


def _from_prose(doc: Document) -> list[Rating]:
    out = []
    for page in doc.pages:
        for sentence in _cued_sentences(page.text):
            if _NOT_CURRENT.search(sentence):
                continue
            word = _prose_word(sentence)
            pct = _prose_pct(sentence)
            if word is not None or pct is not None:
                out.extend(_each_council(Rating(page.number, sentence, word, pct)))
    return out


def _cued_sentences(text: str) -> list[str]:
    """The sentences holding a word every rating phrase needs (the rest are never read)."""
    return list(dict.fromkeys(sentence_around(text, at) for at in _cue_positions(text)))


def _cue_positions(text: str) -> list[int]:
    """Where the cue words stand (plain substring search: a page is read in microseconds)."""
    lowered = text.lower()
    found = []
    for cue in _CUE_WORDS:
        at = lowered.find(cue)
        while at >= 0:
            if at == 0 or not lowered[at - 1].isalpha():  # a word's start: not "integrated"
                found.append(at)
            at = lowered.find(cue, at + 1)
    return sorted(found)


def _each_council(rating: Rating) -> list[Rating]:
    """A sentence that rates several councils at once ("X, Y and Z were all assessed as ‘good’")
    gives each its own rating; one naming a single council or none is the document's."""
    from lacompare.authorities import mentioned_in

    named = mentioned_in(rating.quote) if rating.overall and _SEVERAL_RATED.search(rating.quote) else []
    if len(named) < 2:
        return [rating]
    return [replace(rating, local_authority=authority.name) for authority in named]


def _prose_word(text: str) -> str | None:
    for pattern in _PROSE_WORDS:
        for m in pattern.finditer(text):
            if _JOINED_WORD.match(text, m.end()) or _SHARE_RATED.search(text, 0, m.end()):
                continue  # "rated good or outstanding", "85% of care homes are rated good"
            if _PART_OF_THE_WORK.match(text, m.end()):
                continue  # "rated ‘Outstanding’ in two (…) areas": part of the work, not the whole
            return _canonical(m["word"])
    return None


def _prose_pct(text: str) -> Number | None:
    for pattern in _PROSE_PCT:
        m = pattern.search(text)
        if m and _is_single_value(text, m):
            return parse_number(m["pct"])
    return None


def _is_single_value(text: str, m: regex.Match[str]) -> bool:
    """Not one end of a band: "63 to 87%", "38% or lower", "between 39 and 62%"."""
    return not (_RANGE_AFTER.match(text, m.end("pct")) or _RANGE_BEFORE.search(text, 0, m.start("pct")))


def _canonical(word: str) -> str:
    spaced = " ".join(word.replace("-", " ").split()).lower()
    return next(r for r in RATINGS if r.lower() == spaced)


def _same(a: Rating, b: Rating) -> bool:
    """A rating that adds nothing to one already found."""
    same_council = a.local_authority == b.local_authority
    return same_council and (a.overall in (None, b.overall)) and (a.score_pct is None or a.score_pct == b.score_pct)


def _checked(ratings: list[Rating]) -> list[Rating]:
    """Flag ratings that disagree with each other or with CQC's % thresholds."""
    words = {r.overall for r in ratings if r.overall and r.local_authority is None}
    out = []
    for r in ratings:
        if r.local_authority is not None:
            out.append(r)
            continue
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
