"""Plain-text tables (not on a terminal, or with --plain), through tabulate.

Cells are printed without control characters; given a terminal ``width``, long cells wrap so the
table fits it where it can (every column keeps at least a few characters).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lacompare.render.rows import Row, cell
from lacompare.render.widths import fit_widths, printable

GAP = 2  # tabulate's "simple" format puts two spaces between columns
HEADER_PADDING = 2  # and keeps a column this much wider than its header
PLAIN_FLOOR = 8


def write_plain_table(
    rows: Sequence[Row], stream: TextIO, columns: Sequence[str], headers: bool = True, width: int | None = None
) -> None:
    from tabulate import tabulate

    body = [[printable(cell(r.get(c))) for c in columns] for r in rows]
    names = list(columns) if headers else []
    limits = plain_widths(body, names, width) if width else None
    text = tabulate(
        body,
        headers=names or (),
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=limits[0] if limits else None,  # type: ignore[arg-type]
        maxheadercolwidths=limits[1] if limits and names else None,  # type: ignore[arg-type]
    )
    stream.write(text + "\n")


def plain_widths(
    body: Sequence[Sequence[str]], names: Sequence[str], width: int
) -> tuple[list[int | None], list[int | None]] | None:
    """Wrap widths of the cells and of the headers so the table fits ``width``; None if it fits as it is.

    tabulate keeps a column two characters wider than its header, which the widths allow for.
    """
    count = len(body[0]) if body else len(names)
    if not count:
        return None
    cells = [max([_longest_line(row[i]) for row in body] + [1]) for i in range(count)]
    heads = [len(names[i]) + HEADER_PADDING if names else 0 for i in range(count)]
    natural = [max(c, h) for c, h in zip(cells, heads, strict=True)]
    room = width - GAP * (count - 1)
    if sum(natural) <= room:
        return None
    floors = [min(PLAIN_FLOOR, n) for n in natural]
    widths = fit_widths(natural, floors, max(room, sum(floors)))
    cell_limits = [w if w < c else None for w, c in zip(widths, cells, strict=True)]
    head_limits = [max(1, w - HEADER_PADDING) if w < h else None for w, h in zip(widths, heads, strict=True)]
    return cell_limits, head_limits


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)
