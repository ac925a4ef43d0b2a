"""Quality-statement scores (1 to 4), from the page's blocks and from prose.

A statement's label and its score come in every layout CQC and councils use: a label/value pair
("Assessing needs" / "Score: 2"), a list item ("1. Assessing people’s needs – 2",
"Safeguarding: 1"), a web table flattened into ``|`` cells and lines ("| 2. supporting people to
lead healthier lives |" / "3 | |"), one cell per line. The page's blocks are read as one run of
cells: a cell naming a statement takes the score stated in it or in the cell after it. Prose
summaries are read too (:mod:`~lacompare.parsers.cqc.scores_prose`): "received the highest
rating of 4 for ‘partnership and communities’, and a score of 3 for all other areas", "a three for
safeguarding and a two for partnerships".

A report states each score in its summary list and again in the statement's own section; one
Score per statement is kept (the first), flagged when a later statement of it disagrees. A
deprivation "score of 4" names no statement and is not a score.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lacompare import compiled
from lacompare.model import Fact, Score
from lacompare.parsers.cqc import scores_prose
from lacompare.parsers.cqc.statements import statement_id
from lacompare.readers.base import Document, Page
from lacompare.readers.blocks import BlockKind

_SCORE = r"(?P<score>[1-4])(?!\s*[\d.,%])(?:\s*(?:/|out of)\s*4\b)?"
_SCORE_CELL = compiled.pattern(rf"(?i)^\s*(?:score\s*:?\s*)?{_SCORE}\s*[|.]?\s*$")
# "Assessing needs Score: 2", "Assessing people’s needs – 2", "Safeguarding: 1", "Safeguarding (3)",
# "Learning, improvement and innovation (score: 3)", "Equity in experience and outcomes – scored 2"
_LABEL_AND_SCORE = compiled.pattern(
    rf"(?i)^(?P<label>.{{4,120}}?)\s*(?:[-–—:]\s*(?:scored?\s*:?\s*)?|\s+scored?\s*:?\s*"
    rf"|\s*\(\s*(?:score\s*:?\s*)?(?=\d\s*\)))"
    rf"{_SCORE}\s*\)?\s*[|.]?\s*$"
)
# "2 - Evidence shows some shortfalls" under the score.
_BAND_LINE = compiled.pattern(r"^\s*(?P<score>[1-4])\s*[-–]\s*Evidence shows\b")
_FILLER = compiled.pattern(r"^[\s\-*_|:]*$")
LABEL_CELL_MAX = 160  # a statement's name and its score; a longer cell is prose


@dataclass(frozen=True, slots=True)
class _Cell:
    page: Page
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.page.text[self.start : self.end]


def parse(doc: Document) -> list[Fact]:
    first: dict[str, Score] = {}
    disagreements: dict[str, list[str]] = {}
    for found in _from_cells(doc) + _from_prose(doc):
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


# --- the page's blocks as one run of cells ----------------------------------------------------


def _cells(doc: Document) -> list[_Cell]:
    out: list[_Cell] = []
    for page in doc.pages:
        for block in page.blocks:
            if block.kind is BlockKind.TABLE_ROW:
                spans = list(block.cells)
            elif (
                block.label is not None
                and block.value is not None
                and not _SCORE_CELL.match(block.text)
                # "Learning, … (score: 3)" on one line: one cell, not cut at its colon
                and not ("\n" not in block.text and _LABEL_AND_SCORE.match(block.text))
            ):
                spans = [block.label, block.value]
            else:
                spans = [block.body]
            out.extend(_Cell(page, s.start, s.end) for s in spans if not _FILLER.match(page.text[s.start : s.end]))
    return out


def _from_cells(doc: Document) -> list[Score]:
    cells = _cells(doc)
    out: list[Score] = []
    for i, cell in enumerate(cells):
        found = _score_in(cell) or _score_after(cells, i)
        if found is not None:
            out.append(found)
    return out


def _score_in(cell: _Cell) -> Score | None:
    """A cell that holds both: "Assessing people’s needs – 2"."""
    text = cell.text
    if len(text) > LABEL_CELL_MAX or text.rstrip(" |.)")[-1:] not in ("1", "2", "3", "4"):
        return None
    m = _LABEL_AND_SCORE.match(text)
    if m is None:
        return None
    sid = statement_id(m["label"])
    if sid is None:
        return None
    return Score(cell.page.number, cell.text.strip(), sid, int(m["score"]))


def _score_after(cells: list[_Cell], i: int) -> Score | None:
    """A label cell and the score cell after it (quoted from the score's page alone, across a page break)."""
    label = cells[i]
    if i + 1 >= len(cells) or "score" in label.text.lower()[:6]:
        return None
    m = _SCORE_CELL.match(cells[i + 1].text)
    if m is None:
        return None
    sid = statement_id(label.text)
    if sid is None:
        return None
    value, last = int(m["score"]), cells[i + 1]
    first = label if label.page is last.page else last
    quote = last.page.text[first.start : last.start + len(last.text.rstrip(" |"))]
    return Score(last.page.number, quote, sid, value, flag=_band_flag(cells, i + 1, value))


def _band_flag(cells: list[_Cell], i: int, value: int) -> str | None:
    """Flag a score whose "N – Evidence shows …" line below it gives another N."""
    if i + 1 >= len(cells):
        return None
    band = _BAND_LINE.match(cells[i + 1].text)
    if band and int(band["score"]) != value:
        return f"score line says {value} but the line below says {band['score']}"
    return None


# --- prose --------------------------------------------------------------------------------------


def _from_prose(doc: Document) -> list[Score]:
    return [score for page in doc.pages for score in scores_prose.from_page(page)]
