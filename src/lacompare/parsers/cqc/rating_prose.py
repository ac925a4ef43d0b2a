"""The overall rating and overall score as prose states them, each given to the council it is about.

The grammar. A rating is an assessment outcome stated by

- a rating verb and the word: "CQC rates X's adult social care provision as good", "has been
  rated ‘Good’", "rated Kent County Council requires improvement", "were all assessed as ‘good’",
  "inspectors had judged it 'Good'", "was found to be inadequate";
- the word as a rating's name: "a ‘Good’ rating", "an overall rating of “Requires Improvement”",
  "overall rating: Good", "a rating of good";
- a verb that is the rating: "its adult social care services require improvement", "was found
  to require improvement", "was told it must improve" (Requires improvement).

An overall score is "scored 64 per cent", "a score of 72" (a bare figure only above 4, where a
quality-statement score cannot be), "our score of 64%", "64 out of 100", "an overall score of
70%", "an indicative score of 58%", "Good (70%)", "72% overall".

A phrase may break over a line ("an overall rating of “Requires" / "Improvement”"). Each rating
word or score belongs to the council named nearest before it in its sentence
(:mod:`~lacompare.parsers.cqc.attribution`); one sentence may rate several councils.

Not the council's current overall rating: an aim, a forecast or a hypothetical ("aiming to be
rated outstanding", "could be rated good", "on track for a good rating"), an earlier rating ("its
previous rating of requires improvement"), a rating before 2011, a star rating, another service's
rating (children's services, Ofsted, care homes, providers, hospitals), the share of providers
rated good, a rating of part of the work ("rated ‘Outstanding’ in two areas", "rated good for
safeguarding"), and one end of a band ("63 to 87%").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import RATINGS, Number, Rating
from lacompare.parsers.cqc.attribution import owners_at
from lacompare.parsers.cqc.statements import statement_in
from lacompare.readers.base import Page
from lacompare.vocab.patterns import NUMBER, Sentence, parse_number, sentence_list

_WORD = r"(?P<word>outstanding|good|requires[\s-]+improvement|inadequate)"
_Q = r"[‘’'\"“”]?"  # the rating word is often in quote marks
RATED_WORD = rf"{_Q}{_WORD}{_Q}(?![\w-])"
_UNIT = r"\s*(?:%|per\s?cent\b|percent\b|out of 100\b)"
PCT = rf"(?P<pct>{NUMBER})(?P<unit>{_UNIT})"
_BARE = rf"(?P<pct>{NUMBER})(?P<unit>{_UNIT})?"  # "a score of 72": a bare figure
FOR_COUNCIL = r"(?: for [^:\n.]{3,80}?)?"  # "Overall rating for Hartlepool Borough Council: …"
# What is rated: "it", "the council", "the council's adult social care services", "its provision".
_IT = (
    r"(?:(?:it|them|its|their|(?:the\s+)?(?:council|authority|local\s+authority|service|department)(?:[’']s)?)"
    r"(?:\s+adult)?(?:\s+social)?(?:\s+care)?(?:\s+(?:services?|provision|functions?))?\s+)?"
)
_QUOTED_WORD = rf"[‘'\"“]{_WORD}[’'\"”]"
_NAME = r"(?:[A-Z][\w’'&-]*\s+){1,6}"  # "rated Kent County Council requires improvement"

# Each pattern has a ``word`` group (or none: the verb that is "Requires improvement").
_WORD_PATTERNS = tuple(
    compiled.pattern(p, regex.I)
    for p in (
        rf"\brat(?:ed|es|ing)\b[^.;:]{{0,140}}?\bas\s+(?:being\s+)?{RATED_WORD}",
        rf"\b(?:rated|judged|graded|deemed)\s+{_IT}(?:as\s+(?:being\s+)?|to\s+be\s+)?{RATED_WORD}",
        rf"\b(?:assessed|found|considered)\s+{_IT}(?:to\s+be\s+|as\s+(?:being\s+)?){RATED_WORD}",
        rf"\b(?:assessed|judged|graded|deemed)\b[^.;:]{{0,100}}?\b(?:as\s+(?:being\s+)?|to\s+be\s+){RATED_WORD}",
        rf"(?<![\w-]){RATED_WORD}\s+(?:overall\s+)?ratings?\b",
        rf"\brating\b{FOR_COUNCIL}(?:\s+(?:of|is|was|as|remains|remained)\s+|\s*[:–—]\s*){RATED_WORD}",
        rf"\b(?:CQC|overall)\s+rating\s+{RATED_WORD}",
        # reported speech, the word quoted: "CQC said Kent's adult social care was “good”"
        rf"\b(?:care|services?|provision)\s+(?:was|were|is|are|had\s+been|has\s+been)\s+{_QUOTED_WORD}",
    )
)
_NAMED_PATTERN = compiled.pattern(rf"\brat(?:ed|es)\s+{_NAME}(?i:{RATED_WORD})")  # case-sensitive: a name
_REQUIRES_IMPROVEMENT = tuple(
    compiled.pattern(p, regex.I)
    for p in (
        r"\b(?:services?|care|provision|council|authority|it|department)\s+(?:(?:still|now|also)\s+)?[‘'\"“]?"
        r"(?P<verb>requires?|required)\s+improvement\b(?![’'\"”]?\s*ratings?\b)",
        r"\b(?:found|judged|deemed|said)\s+to\s+(?P<verb>require)\s+improvement\b",
        r"\btold\s+(?:that\s+)?(?:it|they|the council|the authority|its\s+[\w\s]{1,30}?)\s+"
        r"(?P<verb>must|needs?\s+to|had\s+to|has\s+to|should)\s+improve\b",
    )
)
_PCT_PATTERNS = tuple(
    compiled.pattern(p, regex.I)
    for p in (
        rf"\bscor(?:ed|ing)\s+(?:an?\s+)?(?:overall\s+)?(?:of\s+)?{PCT}",
        rf"\b(?:overall|indicative|total|final|assessment)\s+(?:score|result|rating)\s+(?:of|was|is|at)\s+"
        rf"(?:just\s+|around\s+)?{_BARE}",
        rf"(?:\b(?:our|its|their|a|an|with|the)|[’']s)\s+score\s+(?:of|was|is)\s+(?:just\s+|around\s+)?{_BARE}",
        rf"{RATED_WORD}[\s,]+(?:with|on|at)\s+(?:a\s+score\s+of\s+)?{PCT}",
        rf"\boverall (?:score|rating){FOR_COUNCIL}\s*:\s*{PCT}",
        rf"{RATED_WORD}\s*\(\s*{PCT}\s*\)",
        rf"(?<![\w.]){PCT}\s+overall\b",
    )
)
# A score stated only beside a rating in the same sentence: "CQC rating Good, score 70%".
_BESIDE_WORD_PCT = compiled.pattern(rf"(?i)\bscore\s*[:–—]?\s*{PCT}")
# Read with ``match(text, pos)``: no pattern so used opens with ``^`` (it never matches after pos 0).
_SHARE = compiled.pattern(r"(?i)\s*of\b")  # "scored 64% of …": a share, not a score
_RANGE_AFTER = compiled.pattern(r"(?i)\s*(?:to|-|–|or (?:lower|higher|above|below|less|more))\b")
_RANGE_BEFORE = compiled.pattern(r"(?i)(?:\bto|\bbetween|\bfrom|[-–])\s*$")
_DEPRIVATION = compiled.pattern(r"(?i)deprivation|\bIMD\b")
# Words every rating phrase holds: only sentences holding one are read (found by plain substring
# search over the lowered page: a page is looked at in microseconds).
_CUES = (
    "rated", "rates", "rating", "assessed", "judged", "deemed", "graded", "found", "scor", "overall", "improve",
    *(q + w for q in "‘'\"“" for w in ("good", "outstanding", "inadequate")),
)  # fmt: skip

# Words before a rating, in its clause, that make it no current outcome of an assessment.
_OLD_YEAR = r"\b(?:19\d\d|200\d|2010)(?:[-/]\d\d)?\b"
_NOT_AN_OUTCOME = compiled.pattern(
    r"(?i)\b(?:aim|aims|aiming|ambitions?|aspir\w*|hopes?|hoping|strive|striving|goal|targets?|wants? to"
    r"|working towards|towards|on (?:the|its|our|their) (?:way|journey|path|road) to|threshold"
    r"|(?-i:could|would|might|may|will|if|If|unless|Unless)|expects? to|bid to|star rating"  # not "In May"
    r"|(?:\d+|two|three|four|five|six|several|many|all|both|other)\s+(?:\w+\s+)?(?:councils|authorities)"
    r"\s+(?:(?:were|are|have\s+been|had\s+been)\s+)?(?:rated|assessed|judged)"  # "three councils rated good"
    r"|likely|predict\w*|on track|forecast\w*|in line to|expect\w*|anticipat\w*|hoped"
    r"|previous|previously|formerly|prior|earlier)\b"
    r"|\d\s*%?\s*(?:to|-|–)\s*\d+\s*%|\bbetween\s+\d+\s*%?\s+and\s+\d"  # a band: "63 to 87% is rated good"
    rf"|{_OLD_YEAR}"
    r"|\b(?:children[’']?s?|childrens|Ofsted|care homes?|nursing homes?|home care|homecare|providers?"
    r"|hospitals?|GPs?|surgery|practices?|trusts?|agenc(?:y|ies)|schools?|SEND|police|housing)\b"
)
# After the word: another inspectorate, an old year, ratings given to several councils at once
# ("awarded ‘good’ ratings … at three councils").
_AFTER_WORD = compiled.pattern(
    rf"(?i)^\W{{0,2}}\s*by\s+(?:the\s+)?(?:Ofsted|inspectors? of)|^\s*(?:in|for)\s+{_OLD_YEAR}"
    r"|^\W{0,2}\s*ratings\b[^.;]{0,80}\b(?:at|to|for)\s+(?:\w+\s+)?(?:councils|authorities|local\s+authorities)\b"
)
# "rated good or outstanding", "85% of care homes are rated good", "rated ‘Outstanding’ in two areas"
_JOINED_WORD = compiled.pattern(rf"(?i)\s*{_Q}\s*(?:or|and|to)\s+{_Q}{_WORD}")
_SHARE_RATED = compiled.pattern(
    r"(?i)(?:(?:\d\s*%|\bper\s?cent\b)\s+(?:of|are|were)\b|\b(?:\d[\d,]*|most|majority|all|many|proportion|share|number)\s+(?:of\s+)?"
    r"(?:[\w-]+\s+){0,4}(?:homes|providers|services|settings|agencies|locations))[^.]{0,80}\brated\b"
)
_PART = compiled.pattern(r"(?i)\s+(?:in|for|on|across)\s+(?P<what>(?:the\s+|its\s+|their\s+)?[\w’' ,-]{3,60})")
_PART_WORDS = compiled.pattern(
    r"(?i)^(?:\w+\s+)?(?:\(|areas?\b|of\b|all\b|two\b|three\b|four\b|five\b|some\b|themes?\b)"
)
_CLAUSE_BREAK = compiled.pattern(r"(?i);|,\s+(?:while|whereas|but|although|though|and)\b|\b(?:while|whereas)\b|\.\s")
_CLAUSE_REACH = 100
_JOIN_MIN_LINE = 50  # a line this long that stops mid-sentence is a paragraph wrapped by the source


@dataclass(frozen=True, slots=True)
class _Found:
    at: int
    word: str | None = None
    pct: Number | None = None


def from_page(page: Page) -> list[Rating]:
    """Every prose rating and overall score on a page, one fact per council per sentence."""
    cues = _cue_positions(page.text)
    if not cues:
        return []
    out: list[Rating] = []
    found = sentence_list(page.text)
    joined = -1  # a sentence already read as the tail of the one before
    for i, sentence in enumerate(found):
        at = bisect_left(cues, sentence.start)
        if i == joined or at >= len(cues) or cues[at] >= sentence.end:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _cut_short(page.text, sentence, nxt):
            sentence, joined = Sentence(sentence.start, nxt.end, page.text[sentence.start : nxt.end]), i + 1
        out.extend(_ratings(page.number, sentence.text))
    return out


_RATING_STEMS = ("outstanding", "good", "requir", "inadequate", "improve")
_DIGIT = compiled.pattern(r"\d")


def _cue_positions(text: str) -> list[int]:
    lowered = text.lower()
    found = []
    for cue in _CUES:
        at = lowered.find(cue)
        while at >= 0:
            found.append(at)
            at = lowered.find(cue, at + 1)
    return sorted(found)


def _cut_short(text: str, sentence: Sentence, nxt: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sentence.end) + 1
    gap = text[sentence.end : nxt.start]
    tail = sentence.text.rstrip()
    return (
        gap.count("\n") == 1
        and not gap.strip()
        and sentence.end - line_start >= _JOIN_MIN_LINE
        and tail[-1:] not in (".", "!", "?", ":", ";", ")", "”", '"', "’")
        and (nxt.text[:1].islower() or nxt.text[:1] == "(" or tail.endswith(("Requires", "requires", "“", "‘")))
    )


def _ratings(page: int, sentence: str) -> list[Rating]:
    lowered = sentence.lower()
    has_word = any(w in lowered for w in _RATING_STEMS)
    words = [f for f in _words(sentence) if _current(sentence, f.at)] if has_word else []
    has_figure = _DIGIT.search(sentence) is not None
    found = words + (list(_pcts(sentence, beside_a_word=bool(words))) if has_figure else [])
    by_owner: dict[str | None, _Found] = {}
    for f in sorted(found, key=lambda f: f.at):
        names: list[str | None] = [a.name for a in owners_at(sentence, f.at)] or [None]
        for name in names:
            kept = by_owner.get(name, _Found(f.at))
            by_owner[name] = _Found(kept.at, kept.word or f.word, kept.pct if kept.pct is not None else f.pct)
    return [Rating(page, sentence, f.word, f.pct, local_authority=name) for name, f in by_owner.items()]


def _words(sentence: str) -> Iterator[_Found]:
    for pattern in (*_WORD_PATTERNS, _NAMED_PATTERN):
        for m in pattern.finditer(sentence):
            if _JOINED_WORD.match(sentence, m.end()) or _SHARE_RATED.search(sentence, 0, m.end()):
                continue
            if _of_a_part(sentence, m.end()):
                continue
            yield _Found(m.start("word"), canonical(m["word"]))
    for pattern in _REQUIRES_IMPROVEMENT:
        for m in pattern.finditer(sentence):
            yield _Found(m.start("verb"), "Requires improvement")


def _of_a_part(sentence: str, end: int) -> bool:
    """A rating of part of the work: "in two areas", "for safeguarding", "in all five areas"."""
    m = _PART.match(sentence, end)
    return m is not None and (_PART_WORDS.match(m["what"]) is not None or statement_in(m["what"]) is not None)


def _current(sentence: str, at: int) -> bool:
    """No aim, hypothetical, old year or other service in the rating's clause."""
    start = max(0, at - _CLAUSE_REACH)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, start, at)]
    clause = sentence[breaks[-1] if breaks else start : at]
    after = sentence[at : at + 140]
    word_end = regex.match(r"(?i)\S+(?:[\s-]+improvement)?\W?", after)
    rest = after[word_end.end() :] if word_end else after
    return not _NOT_AN_OUTCOME.search(clause) and not _AFTER_WORD.match(rest)


def _pcts(sentence: str, *, beside_a_word: bool) -> Iterator[_Found]:
    if _DEPRIVATION.search(sentence):
        return
    for pattern in (*_PCT_PATTERNS, _BESIDE_WORD_PCT) if beside_a_word else _PCT_PATTERNS:
        for m in pattern.finditer(sentence):
            value = parse_number(m["pct"])
            if m["unit"] is None and not 4 < value <= 100:
                continue  # a bare "score of 3" is a quality statement's
            if 0 <= value <= 100 and _single(sentence, m) and _current(sentence, m.start("pct")):
                yield _Found(m.start("pct"), pct=value)


def _single(text: str, m: re.Match[str]) -> bool:
    """Not one end of a band ("63 to 87%", "between 39 and 62%") nor a share ("64% of")."""
    return not (
        _RANGE_AFTER.match(text, m.end("pct"))
        or _RANGE_BEFORE.search(text, 0, m.start("pct"))
        or _SHARE.match(text, m.end())
    )


_IMPROVE_VERB = compiled.pattern(
    r"(?i)\brequire[sd]?\s+improvement\b|\b(?:must|needs?\s+to|had\s+to|has\s+to|should)\s+improve\b"
)


def states_rating(word: str, quote: str) -> bool:
    """Whether ``quote`` states the rating ``word``: the word, over a line break too, or the verb that is it."""
    if word.lower() in " ".join(quote.lower().split()):
        return True
    return word == "Requires improvement" and _IMPROVE_VERB.search(quote) is not None


def canonical(word: str) -> str:
    spaced = " ".join(word.replace("-", " ").split()).lower()
    return next(r for r in RATINGS if r.lower() == spaced)
