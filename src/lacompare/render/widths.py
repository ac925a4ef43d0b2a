"""Column widths that fit a terminal, and text that is safe to print on one.

A table on a terminal never drops a column: :func:`fit_widths` gives every column its floor
(shrinking the widest ones evenly when even the floors do not fit), then shares the space left
by weight until each column has its natural width. :func:`printable` takes the escape sequences
and control characters out of text from documents and file names before it reaches a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# ESC followed by a CSI, OSC, DCS/SOS/PM/APC string or one more character; the 8-bit CSI; then
# any other C0 or C1 control character and DEL (a line feed is kept, a tab becomes a space).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?",
    re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (line feeds kept)."""
    if text.isprintable():
        return text
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    return _CONTROL.sub("", text)


def fit_widths(natural: Sequence[int], floors: Sequence[int], room: int, weights: Sequence[int] = ()) -> list[int]:
    """Widths (at least 1 each) summing to at most ``room`` where the floors allow it.

    Each column gets ``min(floor, natural)`` first; if those do not fit, the widest are narrowed
    evenly. Space left over goes to the columns still below their natural width, in proportion to
    their weight (columns of weight 0 once the weighted ones are full).
    """
    widths = [max(1, min(f, n)) for f, n in zip(floors, natural, strict=True)]
    if sum(widths) > room:
        return _narrow(widths, room)
    weight = list(weights) or [1] * len(widths)
    spare = room - sum(widths)
    while spare > 0:
        open_ = [i for i, w in enumerate(widths) if w < natural[i] and weight[i] > 0]
        open_ = open_ or [i for i, w in enumerate(widths) if w < natural[i]]
        if not open_:
            break
        total = sum(weight[i] or 1 for i in open_)
        given = 0
        for i in open_:
            share = max(1, spare * (weight[i] or 1) // total)
            add = min(share, natural[i] - widths[i], spare - given)
            widths[i] += add
            given += add
        spare -= given
        if not given:
            break
    return widths


def _narrow(widths: list[int], room: int) -> list[int]:
    """Take one character at a time from the widest column until the total fits (or all are 1)."""
    excess = sum(widths) - room
    while excess > 0:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= 1:
            break
        widths[widest] -= 1
        excess -= 1
    return widths
