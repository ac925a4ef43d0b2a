"""Split one document's page work over two cores with a plain fork.

``multiprocessing`` refuses to start children from its daemonic workers (where the batch
guard runs every file), so this forks directly: the child does every other item and sends its
results back through a pipe. The child is in the worker's process group, so a worker killed at
its time limit takes the child with it, and the child dies with whatever process forked it.
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
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
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


def map_in_two(func: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> list[R]:
    """``func(items)``, with a forked child doing every other item; results in item order.

    ``func`` maps a sequence of items to one result per item.
    """
    if len(items) < 2:
        return func(items)
    with _extra_core() as extra:
        return _in_two(func, items) if extra else func(items)


def _in_two(func: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> list[R]:
    mine, theirs = list(items[0::2]), list(items[1::2])
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute its half, send it, leave without cleanup handlers
        os.close(read_end)
        _child(func, theirs, write_end)
    os.close(write_end)
    try:
        my_results = func(mine)
    finally:
        their_results: list[R] | None = _collect(read_end, pid)
    if their_results is None or len(their_results) != len(theirs):
        their_results = func(theirs)
    merged: list[R] = []
    for index in range(len(items)):
        merged.append(my_results[index // 2] if index % 2 == 0 else their_results[index // 2])
    return merged


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


def _child(func: Callable[[Sequence[T]], list[R]], items: list[T], write_end: int) -> None:
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
