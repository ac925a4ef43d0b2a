"""Councils' ratings and scores listed side by side: a league, a round-up, the pilot councils' scores.

The grammar: a council's name with its rating word and/or overall % right after it, and nothing
else between them but a separator:

- in a sentence that speaks of ratings or scores: "the pilot councils' indicative scores were
  Nottingham City Council 60%, Suffolk County Council 70% and Lincolnshire County Council 68%",
  "Kent County Council (58%) and Surrey County Council (66%) were both rated …", "CQC rated three
  councils: Kent County Council (Good), Surrey County Council (Requires improvement) and …";
- as lines of a list or table, two or more councils one a line: "Kent County Council – Good (70%)",
  "| Surrey County Council | Requires improvement | 58% |", "• Medway Council: 61%".

Each gives a rating fact of its own council.
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.model import Rating
from lacompare.parsers.cqc.rating_prose import PCT, RATED_WORD, canonical
from lacompare.readers.base import Page
from lacompare.vocab.patterns import parse_number, sentence_list

# What follows a council's name when its rating and score are listed with it.
_SEP = r"[^\S\n]*(?:[:|–—-]+[^\S\n]*|\([^\S\n]*|,[^\S\n]*)?"
_ATTACHED = compiled.pattern(
    rf"(?i){_SEP}(?:{RATED_WORD}[^\S\n]*(?:[|,–—-]+[^\S\n]*)?)?(?:\(?[^\S\n]*{PCT}[^\S\n]*\)?)?"
    r"(?=[^\S\n]*(?:[,;.)|]|and\b|or\b|were\b|was\b|$))"  # the name's results end there: not "Kent, 60% of carers"
)
_BRACKETED = compiled.pattern(rf"(?i)[^\S\n]*\([^\S\n]*{RATED_WORD}[^\S\n]*(?:[,;–-][^\S\n]*{PCT}[^\S\n]*)?\)")
_LINE_END = compiled.pattern(r"[\s|.;,]*$")
_LINE_START = compiled.pattern(r"^[\s|•*·-]*(?:\d{1,2}[.)]\s*)?$")
_CUE = compiled.pattern(r"(?i)\brat(?:ed|es|ing|ings)\b|\bscor(?:e|es|ed|ing)\b|\bCQC\b")
# Cheap first looks: only a sentence holding a %, or a line ending in a % or a rating word, is searched for
# councils' names.
_PCT_WORDS = ("%", "per cent", "percent", "out of 100")
_RESULT_ENDS = ("%", "cent", "outstanding", "good", "improvement", "inadequate")
_TAIL = 16  # characters at the end of a line where a league's result stands
_LINE_MAX = 160  # a league's line: a name and its results
_MIN_LEAGUE = 2  # lines naming councils with their results: one line alone is no league
_LOWEST_PCT, _HIGHEST_PCT = 25, 100


def from_page(page: Page) -> list[Rating]:
    return _in_sentences(page) + _in_lines(page)


def _in_sentences(page: Page) -> list[Rating]:
    from lacompare.catalogue.authorities import mentions

    out: list[Rating] = []
    for sentence in sentence_list(page.text):
        text = sentence.text
        if "\n" in text or not any(w in text for w in _PCT_WORDS + ("(",)) or not _CUE.search(text):
            continue
        for mention in mentions(text):
            bracketed = _BRACKETED.match(text, mention.end)
            if bracketed is not None:  # "Kent County Council (Good)", "(Good, 70%)"
                pct = parse_number(bracketed["pct"]) if bracketed["pct"] else None
                out.append(
                    Rating(page.number, text, canonical(bracketed["word"]), pct, local_authority=mention.authority.name)
                )
                continue
            rating = _attached(page.number, text, mention.end, mention.authority.name, need_pct=True)
            if rating is not None:
                out.append(rating)
    return out


def _in_lines(page: Page) -> list[Rating]:
    """Lines that are a council's name and its results alone; kept when two or more councils are listed."""
    from lacompare.catalogue.authorities import mentions

    out: list[Rating] = []
    for line in page.text.split("\n"):
        if len(line) > _LINE_MAX or not any(w in line[-_TAIL:].lower() for w in _RESULT_ENDS):
            continue
        named = list(mentions(line))
        if len(named) == 1 and _LINE_START.match(line[: named[0].start]):
            rating = _attached(page.number, line, named[0].end, named[0].authority.name, need_pct=False)
            if rating is not None and _LINE_END.match(line, _end_of(line, named[0].end)):
                out.append(rating)
    return out if len({r.local_authority for r in out}) >= _MIN_LEAGUE else []


def has_results(text: str, at: int) -> bool:
    """Whether a % or a set-off rating word follows right after ``at`` (a council's name in a league, not
    the object of "rated Kent County Council good")."""
    m = _ATTACHED.match(text, at)
    return m is not None and bool(m["pct"] or (m["word"] and text[at : m.start("word")].strip()))


def _end_of(text: str, at: int) -> int:
    m = _ATTACHED.match(text, at)
    return m.end() if m else at


def _attached(page: int, text: str, at: int, council: str, *, need_pct: bool) -> Rating | None:
    m = _ATTACHED.match(text, at)
    if m is None or m.end() == at:
        return None
    word = canonical(m["word"]) if m["word"] else None
    pct = parse_number(m["pct"]) if m["pct"] else None
    if pct is not None and not _LOWEST_PCT <= pct <= _HIGHEST_PCT:
        pct = None
    if (need_pct and pct is None) or (word is None and pct is None):
        return None
    return Rating(page, text.strip(), word, pct, local_authority=council)
