"""Lines of any length: the normaliser cuts a line too long for a page between sentences (a stretch
with no full stop into pieces too long to be a sentence), and the sentence splitter skips a
"sentence" too long to be one, so every reader's time is linear in the text. Time itself is
measured by ``bench/bench_long_lines.py`` (2 MB in under 10 s, 4 MB in under 20 s), not here."""

from __future__ import annotations

import pytest

from lacompare import extract, extract_text
from lacompare.readers.normalise import LONGEST_LINE, LONGEST_SENTENCE, cut_long_line, normalise_pages
from lacompare.vocab.patterns import MAX_SENTENCE_CHARS, sentences

from .conftest import CAMDEN_TXT, QS_TXT

SENTENCE = (
    "46.41% of people receiving long-term support had their care reviewed, which is lower than the England "
    "average of 58.77%."
)
STOPLESS = "people had their care reviewed 46.41% lower than the England average 58.77% and 1,234 carers "


def _squashed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    "line",
    [
        STOPLESS * 2_000,  # a run with no full stop (the probe's shape)
        (SENTENCE + " ") * 2_000,  # real sentences with every line break lost
        "y" * 50_000,  # one token
        SENTENCE + " " + "y" * 40_000,  # a sentence, then a string with no space
        "x" * 40_000 + " " + SENTENCE + " End of the note.",
        ("ab " * 1_500 + "c" * 3_500 + " ") * 10,  # long tokens among short ones
        "A first sentence. " + STOPLESS * 300 + " The last sentence.",
    ],
    ids=["stopless", "sentences", "token", "sentence-then-run", "run-then-sentence", "mixed-runs", "framed"],
)
def test_a_long_line_is_cut_into_bounded_lines_losing_nothing(line: str) -> None:
    pieces = cut_long_line(line)
    assert all(0 < len(p) <= LONGEST_LINE for p in pieces)
    assert _squashed("".join(pieces)) == _squashed(line)  # every character kept, in order
    # A piece is whole sentences or no sentence: the splitter never reads part of a run as one.
    for piece in pieces:
        assert len(piece) > LONGEST_SENTENCE or piece.endswith((".", "%", "note.")) or piece == pieces[-1]


def test_whole_sentences_are_never_cut() -> None:
    pieces = cut_long_line((SENTENCE + " ") * 500)
    assert {p.count(SENTENCE) * len(SENTENCE) + p.count(SENTENCE) - 1 for p in pieces} == {len(p) for p in pieces}


@pytest.mark.parametrize("length", [MAX_SENTENCE_CHARS + 1, 50_000])
def test_a_sentence_too_long_to_be_one_is_skipped(length: int) -> None:
    text = "Short one. The " + (STOPLESS * (length // len(STOPLESS) + 1))[:length] + "\nNext line."
    assert [s.text for s in sentences(text)] == ["Short one.", "Next line."]


def test_a_stopless_run_gives_no_sentence_once_normalised() -> None:
    (page,) = normalise_pages([STOPLESS * 5_000], wrapped=False)
    lines = page.split("\n")
    assert len(lines) > 1 and all(LONGEST_SENTENCE < len(line) <= LONGEST_LINE for line in lines)
    assert list(sentences(page)) == []
    assert extract_text(STOPLESS * 5_000).facts == ()


def test_a_sentence_beside_a_huge_run_is_still_read() -> None:
    for text in ("z" * 40_000 + " " + SENTENCE, SENTENCE + " " + "z" * 40_000):
        (fact,) = extract_text(text).comparisons
        assert (fact.value, fact.comparator_value) == (46.41, 58.77)


# Metamorphic: a report whose line breaks were all lost states the same comparisons (CQC, OGL).
@pytest.mark.parametrize("path", [QS_TXT, CAMDEN_TXT], ids=lambda p: p.name)
def test_a_report_run_into_one_line_gives_the_same_comparisons(path) -> None:  # type: ignore[no-untyped-def]
    one_line = " ".join(path.read_text(encoding="utf-8").split())
    assert len(one_line) > 10_000 or path == QS_TXT

    def measured(report) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return sorted((c.value, c.comparator, c.comparator_value, c.relation) for c in report.comparisons)

    assert measured(extract_text(one_line, name="one-line.txt")) == measured(extract(path))
