"""Plain-text tables (not on a terminal, or with --plain), through tabulate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lacompare.render.rows import Row, cell


def write_plain_table(rows: Sequence[Row], stream: TextIO, columns: Sequence[str], headers: bool = True) -> None:
    from tabulate import tabulate

    body = [[cell(r.get(c)) for c in columns] for r in rows]
    stream.write(tabulate(body, headers=list(columns) if headers else (), tablefmt="simple", disable_numparse=True))
    stream.write("\n")
