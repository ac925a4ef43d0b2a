"""How far the reading of a document has got, for the progress bar of the process waiting for it.

A reader says how many steps a document will take (``to_do``: its pages, then its ruled pages
whose tables are read) and ticks each one off (``done``). The two counts live in shared memory
that the worker processes, and the children they fork to share a document's pages, inherit, so
the process showing the bar reads them while it waits (``steps``). Where no tally is in use (a
document read in the calling process), ``to_do`` and ``done`` do nothing.
"""

from __future__ import annotations

from typing import Any

_DONE, _TO_DO = 0, 1
_tally: Any = None  # the shared counts of the process reading a document, if any


def shared_tally(context: Any) -> Any:
    """Two counts (steps done, steps to do) in shared memory, for the workers of ``context``."""
    return context.Array("q", 2)


def use(tally: Any) -> None:
    """Count this process's (and its forked children's) reading in ``tally`` from now on."""
    global _tally
    _tally = tally


def begin() -> None:
    """A new document: this process's counts back to nought."""
    if _tally is not None:
        restart(_tally)


def to_do(steps: int) -> None:
    _add(_TO_DO, steps)


def done(steps: int = 1) -> None:
    _add(_DONE, steps)


def _add(index: int, steps: int) -> None:
    tally = _tally
    if tally is None or steps <= 0:
        return
    with tally.get_lock():  # a forked child ticks the same counts
        tally[index] += steps


def steps(tally: Any) -> tuple[int, int]:
    """(steps done, steps to do) of a tally, as its readers have told it so far."""
    return int(tally[_DONE]), int(tally[_TO_DO])


def restart(tally: Any) -> None:
    """Both counts back to nought (a new document is about to be read)."""
    with tally.get_lock():
        tally[_DONE] = tally[_TO_DO] = 0
