"""Split one document's page work over two cores with a plain fork.

``multiprocessing`` refuses to start children from its daemonic workers (where the batch
guard runs every file), so this forks directly: the two processes take the items one at a time
from a queue they share, and the child sends its results back through a pipe. The child is in
the worker's process group, so a worker killed at its time limit takes the child with it, and
the child dies with whatever process forked it.
Anything unusual (no fork, one CPU, a failed child) falls back to doing all the work in this
process.

In a batch, ``-j N`` is a budget of N cores (``budget``, a semaphore the workers inherit): each
worker holds one while it parses, and a document's pages go to a second process only when it
can take a core no worker holds. So ``-j 1`` parses on one core, and at the end of a ``-j 2``
batch the last long document takes the core the other worker left.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

PR_SET_PDEATHSIG = 1  # prctl(2)
PARENT_WATCH_SECONDS = 0.2

T = TypeVar("T")
R = TypeVar("R")

# How many documents are being parsed at once (the batch sets it before starting workers,
# which inherit it): a document gets a second core only when there is one to spare.
parallel_documents = 1
# The batch's cores (a multiprocessing semaphore of -j N), or None outside a batch (library use).
budget: Any = None


def spare_cpu() -> bool:
    if not hasattr(os, "fork"):
        return False
    return _cpus() >= 2 * max(1, parallel_documents)


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@contextmanager
def holding_a_core() -> Iterator[None]:
    """One core of the batch's budget, held while this worker parses a document. Never waits: a
    worker killed at its time limit takes its cores with it, and may leave fewer to take."""
    held = budget is not None and budget.acquire(block=False)
    try:
        yield
    finally:
        if held:
            budget.release()


@contextmanager
def _extra_core() -> Iterator[bool]:
    """Whether a second process may work beside this one, holding the core it takes until it ends:
    a core of the batch's budget no worker holds, or (outside a batch) a spare CPU."""
    if budget is None:
        yield spare_cpu()
        return
    if not hasattr(os, "fork") or _cpus() < 2 or not budget.acquire(block=False):
        yield False
        return
    try:
        yield True
    finally:
        budget.release()


def map_in_two(func: Callable[[Iterable[T]], list[R]], items: Sequence[T]) -> list[R]:
    """``func(items)``, shared with a forked child; results in item order.

    ``func`` takes an iterable it reads once, and returns one result per item it was given, in
    that order. The two processes take the items one at a time from a shared queue, so the one that
    finishes an item first takes the next: items of unequal cost (a ruled page, the slowest reader)
    keep both busy to the end.
    """
    if len(items) < 2:
        return func(items)
    with _extra_core() as extra:
        return _in_two(func, items) if extra else func(items)


# Work units sent through the queue pipe: at most this many, so a pipe's buffer (16 KiB and up)
# holds them all before the child starts (4 bytes a unit); a longer list goes in runs of neighbours.
MAX_UNITS = 2048
_UNIT = struct.Struct("<I")


def _in_two(func: Callable[[Iterable[T]], list[R]], items: Sequence[T]) -> list[R]:
    units = _units(len(items))
    queue_read, queue_write = os.pipe()
    pending = memoryview(b"".join(_UNIT.pack(u) for u in range(len(units))))
    while pending:  # a signal may cut a write short
        pending = pending[os.write(queue_write, pending) :]
    os.close(queue_write)  # an empty queue then reads as its end, in both processes
    read_end, write_end = os.pipe()
    pid = os.fork()
    taken: list[int] = []
    pulled = _pulled(queue_read, units, items, taken)
    if pid == 0:  # the child: take items until the queue is empty, send them back, leave at once
        os.close(read_end)
        _child(lambda _: [(taken, func(pulled))], [None], write_end)
    os.close(write_end)
    try:
        mine = func(pulled)
    finally:
        os.close(queue_read)
        theirs: list[tuple[list[int], list[R]]] | None = _collect(read_end, pid)
    results: dict[int, R] = dict(zip(taken, mine, strict=True))
    if theirs and len(theirs) == 1 and len(theirs[0][0]) == len(theirs[0][1]):
        results.update(zip(*theirs[0], strict=True))
    missing = [i for i in range(len(items)) if i not in results]
    if missing:  # a child that failed: its items are done again here, so their errors surface here
        results.update(zip(missing, func([items[i] for i in missing]), strict=True))
    return [results[i] for i in range(len(items))]


def _units(count: int) -> list[range]:
    size = -(-count // MAX_UNITS)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _pulled(queue: int, units: list[range], items: Sequence[T], taken: list[int]) -> Iterator[T]:
    """The items of each unit this process takes from the queue, noting their indices in ``taken``."""
    while len(chunk := os.read(queue, _UNIT.size)) == _UNIT.size:
        for index in units[_UNIT.unpack(chunk)[0]]:
            taken.append(index)
            yield items[index]


def beside(main: Callable[[], R], meanwhile: Callable[[], object]) -> R:
    """``main()`` computed in a forked child while this process runs ``meanwhile()``.

    If the child fails for any reason, ``main()`` runs here instead (so its errors surface
    here, as usual). Without a spare CPU both simply run here, one after the other.
    """
    if not spare_cpu():
        meanwhile()
        return main()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(lambda _: [main()], [None], write_end)
    os.close(write_end)
    try:
        meanwhile()
    finally:
        result: list[R] | None = _collect(read_end, pid)
    return result[0] if result and len(result) == 1 else main()


def die_with_parent() -> None:
    """End this process the moment its parent dies: the kernel's parent-death signal on Linux,
    a thread that watches the parent's id elsewhere (or when the signal cannot be set)."""
    parent = os.getppid()
    if not _parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), name="lacompare-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)


def _parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (ImportError, OSError, AttributeError, MemoryError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


def _child(func: Callable[[list[T]], list[R]], items: list[T], write_end: int) -> None:
    die_with_parent()
    status = 0
    try:
        payload = pickle.dumps(func(items), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        status = 1
    os._exit(status)


def _collect(read_end: int, pid: int) -> list[R] | None:
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        return None
    try:
        result = pickle.loads(payload)
    except Exception:
        return None
    return result if isinstance(result, list) else None
