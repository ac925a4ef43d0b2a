"""The parent's side of guarded parsing: up to N worker processes (:mod:`lacompare.guard` is the
worker's side), started on demand, each job sent when a worker is free, a worker past the time
limit killed with its process group and replaced, so the rest of the batch goes on."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lacompare.errors import LacompareError, ParseLimitExceeded
from lacompare.guard import (
    EXIT_OUT_OF_MEMORY,
    LARGE_DOCUMENT_BYTES,
    Job,
    Limits,
    Result,
    memory_hint,
    restore,
    size_text,
    worker_main,
)

if TYPE_CHECKING:  # multiprocessing is imported only when a worker is needed
    from multiprocessing.connection import Connection


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (its type differs by start method)
    conn: Connection
    tally: Any = None  # its progress through the document it reads (lacompare.progress)
    job: Job | None = None
    deadline: float | None = None


class WorkerPool:
    """Up to ``size`` worker processes, started on demand, replaced when one is killed."""

    def __init__(self, size: int, limits: Limits) -> None:
        self.size = max(1, size)
        self.limits = limits
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        import multiprocessing

        self._context: Any = multiprocessing.get_context(method)
        self._idle: list[_Worker] = []
        self._busy: list[_Worker] = []
        self.started_pids: list[int] = []  # each worker leads a process group of this id

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self, jobs: Iterable[Job], on_wait: Callable[[], None] | None = None, tick: float = 0.25
    ) -> Iterator[tuple[Job, Result]]:
        """Yield (job, report or error) as jobs finish. ``jobs`` is pulled only when a worker is free."""
        pending = iter(jobs)
        exhausted = False
        while True:
            while not exhausted and len(self._busy) < self.size:
                job = next(pending, None)
                if job is None:
                    exhausted = True
                    break
                failed = self._dispatch(job)
                if failed is not None:
                    yield failed
            if not self._busy:
                return
            yield from self._collect(tick if on_wait else None)
            if on_wait:
                on_wait()

    def _dispatch(self, job: Job) -> tuple[Job, Result] | None:
        worker = self._idle.pop() if self._idle else self._start()
        if not _send(worker.conn, job):  # the worker died while idle: one retry on a fresh one
            self._discard(worker)
            worker = self._start()
            if not _send(worker.conn, job):
                self._discard(worker)
                return job, _died(job, worker, self.limits)
        worker.job = job
        worker.deadline = time.monotonic() + self.limits.seconds if self.limits.seconds else None
        self._busy.append(worker)
        return None

    def _collect(self, tick: float | None) -> Iterator[tuple[Job, Result]]:
        timeout = self._next_timeout(tick)
        from multiprocessing.connection import wait

        ready = wait([w.conn for w in self._busy], timeout)
        now = time.monotonic()
        for worker in list(self._busy):
            job = worker.job
            assert job is not None
            if worker.conn in ready:
                try:
                    result = restore(worker.conn.recv())
                except (EOFError, OSError):
                    self._busy.remove(worker)
                    self._discard(worker)
                    yield job, _died(job, worker, self.limits)
                    continue
                self._busy.remove(worker)
                worker.job = worker.deadline = None
                self._idle.append(worker)
                yield job, result
            elif worker.deadline is not None and now >= worker.deadline:
                self._busy.remove(worker)
                self._discard(worker)
                yield job, _timed_out(job, self.limits)

    def _next_timeout(self, tick: float | None) -> float | None:
        deadlines = [w.deadline for w in self._busy if w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        if tick is not None:
            timeout = tick if timeout is None else min(timeout, tick)
        return timeout

    def _start(self) -> _Worker:
        from lacompare import progress

        parent_end, child_end = self._context.Pipe()
        tally = progress.shared_tally(self._context)
        process = self._context.Process(
            target=worker_main, args=(child_end, self.limits.memory_mb, tally), name="lacompare-worker", daemon=True
        )
        process.start()
        self.started_pids.append(process.pid)
        child_end.close()
        return _Worker(process, parent_end, tally)

    def steps(self) -> tuple[int, int]:
        """How far the documents being read have got: (steps done, steps to do), summed."""
        from lacompare import progress

        counts = [progress.steps(w.tally) for w in self._busy if w.tally is not None]
        return sum(d for d, _ in counts), sum(t for _, t in counts)

    def _discard(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            _kill_group(worker.process.pid)
            worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        for worker in self._idle:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self._idle:
            worker.process.join(timeout=1)
            self._discard(worker)
        for worker in self._busy:
            self._discard(worker)
        self._idle.clear()
        self._busy.clear()


def _kill_group(pid: int | None) -> None:
    if pid is None or not hasattr(os, "killpg"):
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _send(conn: Connection, job: Job) -> bool:
    """Send a job; False if the worker is gone (with SIGPIPE ignored meanwhile, or it would kill us)."""
    sigpipe = getattr(signal, "SIGPIPE", None)
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(sigpipe, signal.SIG_IGN) if sigpipe is not None and main else None
    try:
        conn.send(job)
        return True
    except (OSError, ValueError):
        return False
    finally:
        if previous is not None:
            signal.signal(sigpipe, previous)  # type: ignore[arg-type]


def _timed_out(job: Job, limits: Limits) -> ParseLimitExceeded:
    return ParseLimitExceeded(
        f"parsing stopped at the time limit of {limits.seconds:g} s", source=job.name, hint=_time_hint(job)
    )


# A document this large is slow because it is large, not because it is malformed.


def _time_hint(job: Job) -> str:
    raise_it = "raise it with --timeout SECONDS (0: no limit)"
    if len(job.data) >= LARGE_DOCUMENT_BYTES:
        return f"a {size_text(len(job.data))} document takes longer: {raise_it}, or split it into smaller files"
    return f"the file may be malformed; {raise_it} if it is genuine"


def _died(job: Job, worker: _Worker, limits: Limits) -> LacompareError:
    code = worker.process.exitcode
    how = f"killed by {_signal_name(-code)}" if code is not None and code < 0 else f"exit status {code}"
    if limits.memory_mb and code == EXIT_OUT_OF_MEMORY:
        return ParseLimitExceeded(
            f"ran out of memory at the memory limit of {limits.memory_mb} MB", source=job.name, hint=memory_hint(job)
        )
    if limits.memory_mb:
        return ParseLimitExceeded(
            f"the parser process died ({how}), most likely at the memory limit of {limits.memory_mb} MB",
            source=job.name,
            hint=memory_hint(job),
        )
    return LacompareError(f"the parser process died ({how})", source=job.name, hint="please report this with the file")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
