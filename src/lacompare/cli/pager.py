"""Long tables on a terminal go through a pager, as ``git`` does.

Output printed to a terminal that is taller than the screen is handed to ``$LACOMPARE_PAGER``,
else ``$PAGER``, else ``less`` (with ``LESS=FRX`` unless ``LESS`` is set: quit at once if it
fits, keep colours, leave the text on the screen). An empty ``LACOMPARE_PAGER`` (or ``cat``)
turns paging off; output that is not a terminal is never paged. A pager that cannot be started
leaves the output printed as it is.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def pager_command() -> list[str] | None:
    """The pager to run, or None when paging is off."""
    chosen = os.environ.get("LACOMPARE_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER") or "less"
    words = shlex.split(chosen) if chosen.strip() else []
    return words if words and words != ["cat"] else None


@contextmanager
def paged_console() -> Iterator[Console]:
    """A console on standard output; on a terminal, what is printed on it is paged when longer than the screen."""
    from rich.console import Console

    console = Console()
    command = pager_command()
    if not console.is_terminal or command is None:
        yield console
        return
    with console.capture() as captured:
        yield console
    page(captured.get(), console.height, command)


def page(text: str, height: int, command: list[str]) -> None:
    """``text`` on standard output as it is when it fits in ``height`` lines, else through ``command``."""
    if text.count("\n") < height:
        sys.stdout.write(text)
        return
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8")
    except OSError:
        sys.stdout.write(text)
        return
    assert pager.stdin is not None
    try:
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end
        pass
    pager.wait()
