"""The one overlap rule: a statement two readers give is one fact, the fuller reading kept."""

from __future__ import annotations

from lacompare.extractors.merge import merged, unique
from lacompare.model import Comparison, Indicator
from tests.parser_helpers import text_doc

ROW = "ASC 1A Social care-related quality of life 19 19.3 19.7"
DOC = text_doc(f"Outcomes\n{ROW}\nAnother line.")


def _row(**cells: str) -> Indicator:
    return Indicator(1, ROW, ref="ASC 1A", description="Social care-related quality of life", **cells)


def test_the_fuller_reading_of_a_row_is_kept_in_the_first_ones_place() -> None:
    bare, full = _row(result="19.3"), _row(result="19.3", previous="19", target="19.7")
    assert merged(DOC, [[bare], [full]]) == [full]
    assert merged(DOC, [[full], [bare]]) == [full]


def test_on_a_tie_the_later_reader_wins() -> None:
    first, second = _row(result="19.3", target="19.7"), _row(result="19.3", previous="19")
    assert merged(DOC, [[first], [second]]) == [second]


def test_one_row_written_two_ways_is_one_row() -> None:
    """A reader that shifted a cell still names the row's figures; 'ASCOF 1A' is '1A'."""
    shifted = Indicator(1, ROW, ref="1A", description="quality of life", result="19")
    assert merged(DOC, [[_row(result="19.3", previous="19")], [shifted]]) == [_row(result="19.3", previous="19")]


def test_a_readers_own_facts_are_never_merged() -> None:
    a, b = _row(result="19.3"), _row(result="19.3")
    assert merged(DOC, [[a, b]]) == [a, b]


def test_facts_whose_quotes_do_not_overlap_are_kept_apart() -> None:
    other = Indicator(1, "Another line.", description="another", result="19.3")
    assert merged(DOC, [[_row(result="19.3")], [other]]) == [_row(result="19.3"), other]


def test_a_statement_repeated_word_for_word_is_one_fact() -> None:
    c = Comparison(1, ROW, metric="m", value=19.3, comparator="England", comparator_value=18.9)
    assert unique([c, c]) == [c]
