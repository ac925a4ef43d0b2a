"""A measure printed as a card of "key: value" lines, a table turned on its side:

    Indicator: Number of new Care Act assessments completed
    Q1 2024/25: 512
    Q2 2024/25: 604
    Target: 550
    England average: 530

The first line names the measure under a label word of a table header ("Indicator", "Measure",
"KPI", "Description" …); each line after it is a header word or phrase (a period, a result, a
target, a benchmark, a RAG status …), a colon or a dash, and its value. Turned back, the keys are
a table's header and the values its one row, read as any other table is (``grid``): the latest
period is the result, an earlier one its previous figure, a benchmark is compared with it. The
card ends at the first line that is no "header word: value".
"""

from __future__ import annotations

from collections.abc import Sequence

from lacompare import compiled
from lacompare.extractors.tables.header import Role, column

_KEY_LINE = compiled.pattern(r"^\s*(?P<key>[^:\n]{1,60}?)\s*(?::|\s[–—-])\s+(?P<value>\S.*?)\s*$")
# Keys that end a card: words that head no value column.
_NOT_VALUE_KEYS = (Role.LABEL, Role.NOTE, Role.VALUE)
MIN_VALUE_LINES = 2  # a name and one value is a sentence's worth, not a card


def card_at(lines: Sequence[str], start: int) -> tuple[list[list[str]], int] | None:
    """The card starting at ``lines[start]`` as a header row and a value row, and the index of the
    line after it; None when no card starts there."""
    first = _KEY_LINE.match(lines[start])
    if first is None or column(first["key"]).role is not Role.LABEL:
        return None
    keys, values = [first["key"]], [first["value"]]
    end = start + 1
    while end < len(lines):
        line = _KEY_LINE.match(lines[end])
        if line is None or column(line["key"]).role in _NOT_VALUE_KEYS:
            break
        keys.append(line["key"])
        values.append(line["value"])
        end += 1
    if end - start - 1 < MIN_VALUE_LINES:
        return None
    return [keys, values], end


def card_within(lines: Sequence[str], start: int, stop: int) -> int | None:
    """Where the first card in ``lines[start:stop]`` starts, if one does."""
    return next((i for i in range(start, min(stop, len(lines))) if card_at(lines, i) is not None), None)
