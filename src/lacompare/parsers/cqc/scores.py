"""Quality-statement scores (1 to 4): "Assessing needs" followed by "Score: 2".

A CQC report states each score in its summary list and again in the statement's own
section; a single quality-statement page states it once. One Score per statement is kept (the
first), and it is flagged when a later statement of the same score disagrees.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lacompare.model import QUALITY_STATEMENTS, Fact, Score
from lacompare.parsers.text.lines import Line, content_lines, span_quote
from lacompare.readers.base import Document

_SCORE_LINE = regex.compile(r"(?i)^\s*score\s*:?\s*(?P<score>[1-4])(?:\s*(?:/|out of)\s*4)?\s*$")
# "Assessing needs Score: 2" or "Assessing needs – Score: 2" on one line.
_LABEL_AND_SCORE = regex.compile(
    r"(?i)^\s*(?P<label>[A-Za-z ,'’&-]{8,80}?)\s*[-–:]?\s*score\s*:?\s*(?P<score>[1-4])\s*$"
)
# "2 - Evidence shows some shortfalls" under the score.
_BAND_LINE = regex.compile(r"^\s*(?P<score>[1-4])\s*[-–]\s*Evidence shows\b")

# Wordings CQC uses besides the canonical labels.
_ALIASES = {
    "supporting people to lead healthier lives": "supporting_healthier_lives",
    "supporting people to live healthier lives": "supporting_healthier_lives",
    "safe systems, pathways and transitions": "safe_pathways_systems_transitions",
}


def _key(label: str) -> str:
    words = regex.sub(r"[^a-z]+", " ", label.lower().replace("&", " and ")).split()
    return " ".join(words)


_BY_KEY = {_key(label): sid for sid, label in QUALITY_STATEMENTS.items()} | {_key(k): v for k, v in _ALIASES.items()}


def statement_id(label: str) -> str | None:
    """The canonical id of a quality-statement label, or None."""
    key = _key(label.removeprefix("Quality statement"))
    return _BY_KEY.get(key)


def parse(doc: Document) -> list[Fact]:
    lines = content_lines(doc)
    first: dict[str, Score] = {}
    disagreements: dict[str, list[str]] = {}
    for found in _scores(doc, lines):
        kept = first.get(found.statement_id)
        if kept is None:
            first[found.statement_id] = found
        elif kept.score != found.score:
            disagreements.setdefault(found.statement_id, []).append(f"page {found.page} says {found.score}")
    out: list[Fact] = []
    for sid, score in first.items():
        if sid in disagreements:
            note = "later statement of this score disagrees: " + ", ".join(disagreements[sid])
            score = replace(score, flag="; ".join(f for f in (score.flag, note) if f))
        out.append(score)
    return out


def _scores(doc: Document, lines: list[Line]) -> list[Score]:
    out = []
    for i, line in enumerate(lines):
        if "core" not in line.text:  # cheap pre-filter for "Score"/"score"
            continue
        found = _score_under_label(doc, lines, i) or _score_beside_label(line)
        if found:
            out.append(found)
    return out


def _score_under_label(doc: Document, lines: list[Line], i: int) -> Score | None:
    m = _SCORE_LINE.match(lines[i].text)
    if not m or i == 0:
        return None
    label = lines[i - 1]
    sid = statement_id(label.text)
    if sid is None:
        return None
    value = int(m["score"])
    return Score(lines[i].page, span_quote(doc, label, lines[i]), sid, value, flag=_band_flag(lines, i, value))


def _score_beside_label(line: Line) -> Score | None:
    m = _LABEL_AND_SCORE.match(line.text)
    if not m:
        return None
    sid = statement_id(m["label"])
    if sid is None:
        return None
    return Score(line.page, line.text.strip(), sid, int(m["score"]))


def _band_flag(lines: list[Line], i: int, value: int) -> str | None:
    """Flag a score whose "N – Evidence shows …" line below it gives another N."""
    if i + 1 >= len(lines):
        return None
    band = _BAND_LINE.match(lines[i + 1].text)
    if band and int(band["score"]) != value:
        return f"score line says {value} but the line below says {band['score']}"
    return None
