"""Quality-statement scores as news, press releases and minutes write them in sentences.

The grammar: a score (a digit or a number word, 1 to 4, "out of four" or not) and the statement
it is for, named by its label or its key words, quoted or not:

- "received the highest rating of 4 for ‘partnership and communities’", "a score of 3 for
  safeguarding", "an indicative score of three for assessing needs", "scored 2 out of 4 for
  learning, improvement and innovation";
- "a three for safeguarding and a two for partnerships" (one sentence, several scores);
- "… and a score of 3 for all other areas" (the statements the sentence has not named);
- "received a score of 2 for all nine areas" (each of the nine).

A score whose "for …" names no statement ("a score of three for better performance in system
safety") is none: which statements are meant is not stated.
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.model import QUALITY_STATEMENTS, Score
from lacompare.parsers.cqc.statements import statement_in
from lacompare.readers.base import Page
from lacompare.vocab.patterns import sentence_list

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4}
_N = r"(?P<score>[1-4]|one|two|three|four)(?![\d.,%])(?:\s*(?:/\s*4|out of (?:4|four))\b)?"
# The statement's name, quoted or not; an apostrophe inside a word ("people's") is no closing quote.
_FOR = r"\s+(?:for|in)\s+[‘'\"“]?(?P<label>(?:[^.;:’'\"”]|(?<=\w)[’'](?=\w)){3,80})"
# Every pattern has ``score`` and ``label`` groups.
_ONE = compiled.pattern(
    rf"(?i)\b(?:(?:score|rating|rated|scored|scoring)\s+(?:of\s+)?(?:an?\s+)?|\b(?:a|an)\s+){_N}{_FOR}"
)
_REST = compiled.pattern(
    r"(?i)\b(?:score|rating|rated|scored)\s+(?:of\s+)?(?:an?\s+)?(?P<score>[1-4]|one|two|three|four)\s+(?:for|in)\s+"
    r"(?:all|each of the|every)\s+(?:the\s+)?(?:other|remaining)\s+(?:areas|quality statements|statements)\b"
)
_NEXT_SCORE = compiled.pattern(r"(?i)\s+and\s+(?:a|an)\s+(?:[1-4]|one|two|three|four)\b|,\s+(?:a|an)\s")
# "a score of 2 for all nine areas", "scored 3 in every area": each of the nine.
_ALL = compiled.pattern(
    r"(?i)\b(?:score|rating|rated|scored)\s+(?:of\s+)?(?:an?\s+)?(?P<score>[1-4]|one|two|three|four)(?![\d.,%])"
    r"(?:\s*(?:/\s*4|out of (?:4|four))\b)?\s+(?:for|in|across)\s+(?:all|each of the|every|each)\s+(?:(?:nine|9)\s+)?"
    r"(?:of\s+the\s+)?(?:areas?|quality statements?|statements?)\b"
)
_CUE = compiled.pattern(r"(?i)\bscor|\brat(?:ed|ing)\b|\b(?:a|an)\s+(?:one|two|three|four)\s+for\b")


def from_page(page: Page) -> list[Score]:
    out: list[Score] = []
    for sentence in sentence_list(page.text):
        if _CUE.search(sentence.text):
            out.extend(Score(page.number, sentence.text, sid, n) for sid, n in scores_in(sentence.text).items())
    return out


def scores_in(sentence: str) -> dict[str, int]:
    """The statement scores one sentence states, in its order."""
    stated: dict[str, int] = {}
    at = 0
    while (m := _ONE.search(sentence, at)) is not None:
        label = _first_item(m["label"])
        sid = statement_in(label)
        if sid is not None:
            stated.setdefault(sid, _value(m["score"]))
        at = m.start("label") + len(label)  # the next score may stand inside this label's run
    if not stated:
        every = _ALL.search(sentence)
        return {sid: _value(every["score"]) for sid in QUALITY_STATEMENTS} if every else {}
    rest = _REST.search(sentence)
    if rest is not None:
        stated |= {sid: _value(rest["score"]) for sid in QUALITY_STATEMENTS if sid not in stated}
    return stated


def _first_item(label: str) -> str:
    """The label up to the next score: "safeguarding and a two for partnerships" -> "safeguarding"."""
    cut = _NEXT_SCORE.search(label)
    return label[: cut.start()] if cut else label


def _value(word: str) -> int:
    return NUMBER_WORDS.get(word.lower()) or int(word)
