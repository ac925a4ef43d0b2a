"""Parse documents in worker processes, each file under a time limit and a memory ceiling.

A pathological file (a decompression bomb, deeply nested objects, thousands of pages) must not
hang or exhaust the machine. Each worker caps its own address space (``RLIMIT_AS``) before it
parses anything; the parent kills a worker whose file runs past the time limit and starts a
fresh one, so the rest of the batch goes on. Workers are started only when there is work.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lacompare import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, errors
from lacompare.errors import LacompareError, ParseLimitExceeded
from lacompare.model import Report

if TYPE_CHECKING:  # multiprocessing is imported only when a worker is needed
    from multiprocessing.connection import Connection

EXIT_OUT_OF_MEMORY = 75
PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file limits; ``None`` (or 0) switches one off."""

    seconds: float | None = DEFAULT_TIMEOUT
    memory_mb: int | None = DEFAULT_MEMORY_MB

    @property
    def active(self) -> bool:
        return bool(self.seconds) or bool(self.memory_mb)


@dataclass(frozen=True, slots=True)
class Job:
    """One file to parse: its bytes were read (and hashed) by the parent."""

    index: int
    name: str
    data: bytes
    kind: str | None = None
    password: str | None = None


Result = Report | LacompareError


def parse_job(job: Job, memory_mb: int | None = None) -> Result:
    """Read and parse one document; every failure becomes a LacompareError."""
    from lacompare.pipeline import extract_bytes

    try:
        return extract_bytes(job.data, job.name, kind=job.kind, password=job.password)
    except LacompareError as exc:
        if exc.source is None:
            exc.source = job.name
        return exc
    except MemoryError:
        return _out_of_memory(job, memory_mb)
    except (ImportError, OSError) as exc:
        if memory_mb and _is_allocation_failure(exc):  # a library could not even be mapped in
            return _out_of_memory(job, memory_mb)
        return _internal_error(job, exc)
    except RecursionError:
        return ParseLimitExceeded("its objects are nested too deeply to parse", source=job.name)
    except Exception as exc:  # a parser bug must cost one file, not the batch
        return _internal_error(job, exc)


def _out_of_memory(job: Job, memory_mb: int | None) -> ParseLimitExceeded:
    limit = f" at the memory limit of {memory_mb} MB" if memory_mb else ""
    return ParseLimitExceeded(f"ran out of memory while parsing{limit}", source=job.name, hint=_memory_hint(job))


def _memory_hint(job: Job) -> str:
    """Raise the limit: the flag that does it. Only a PDF (compressed streams) can be a bomb."""
    from lacompare.readers.sniff import sniff

    raise_it = "raise it with --memory-limit MB (0: no limit)"
    if sniff(job.data[:8192]) == "pdf":
        return f"{raise_it} if the PDF is genuine: a small PDF may also unpack into far more (a decompression bomb)"
    split = ", or split it into smaller files" if len(job.data) >= LARGE_DOCUMENT_BYTES else ""
    return f"a {_size(len(job.data))} document needs more to parse: {raise_it}{split}"


def _size(count: int) -> str:
    return f"{count / (1 << 20):,.0f} MB" if count >= 1 << 20 else f"{max(1, round(count / 1024)):,} kB"


def _is_allocation_failure(exc: BaseException) -> bool:
    text = str(exc).lower()
    return getattr(exc, "errno", None) == errno.ENOMEM or "map segment" in text or "cannot allocate" in text


def _internal_error(job: Job, exc: BaseException) -> LacompareError:
    import traceback

    error = errors.InternalError(f"internal error while parsing ({type(exc).__name__}: {exc})", source=job.name)
    error.details = "".join(traceback.format_exception(exc))
    return error


# --- worker side -----------------------------------------------------------------------------


def _worker_main(conn: Connection, memory_mb: int | None, tally: Any = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from lacompare import progress

    progress.use(tally)  # how far its document's reading has got, for the parent's progress bar
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # its own group, so a kill at the time limit also ends any page-splitting child
    from lacompare.forking import die_with_parent

    die_with_parent()  # a parent killed mid-parse leaves no worker parsing on
    if memory_mb:
        _cap_memory(memory_mb)
    try:
        _serve(conn, memory_mb)
    except MemoryError:
        # Out of memory outside the parser (receiving the file, sending the report): the pipe
        # may be mid-message, so leave; the parent reports the memory limit for this file.
        os._exit(EXIT_OUT_OF_MEMORY)
    except BaseException:
        os._exit(1)


def _serve(conn: Connection, memory_mb: int | None) -> None:
    parent = os.getppid()
    while True:
        try:
            # Forked siblings hold copies of this pipe's far end, so a parent killed with SIGKILL
            # may never look like EOF: check now and then that the parent is still there.
            if not conn.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        from lacompare import progress
        from lacompare.forking import holding_a_core

        progress.begin()
        with holding_a_core():
            result = parse_job(job, memory_mb)
        conn.send(_portable(result))


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows: the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _portable(result: Result) -> Any:
    """Errors cross the pipe as plain tuples (exception pickling is fragile)."""
    if isinstance(result, Report):
        return result
    return ("error", type(result).__name__, result.message, result.source, result.hint, result.details)


def _restore(payload: Any) -> Result:
    if isinstance(payload, Report):
        return payload
    _, class_name, message, source, hint, details = payload
    cls = getattr(errors, class_name, LacompareError)
    if not (isinstance(cls, type) and issubclass(cls, LacompareError)):
        cls = LacompareError
    error = cls(message, source=source, hint=hint)
    error.details = details
    return error


# --- parent side -----------------------------------------------------------------------------


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
                    result = _restore(worker.conn.recv())
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
            target=_worker_main, args=(child_end, self.limits.memory_mb, tally), name="lacompare-worker", daemon=True
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
LARGE_DOCUMENT_BYTES = 10 << 20


def _time_hint(job: Job) -> str:
    raise_it = "raise it with --timeout SECONDS (0: no limit)"
    if len(job.data) >= LARGE_DOCUMENT_BYTES:
        return f"a {_size(len(job.data))} document takes longer: {raise_it}, or split it into smaller files"
    return f"the file may be malformed; {raise_it} if it is genuine"


def _died(job: Job, worker: _Worker, limits: Limits) -> LacompareError:
    code = worker.process.exitcode
    how = f"killed by {_signal_name(-code)}" if code is not None and code < 0 else f"exit status {code}"
    if limits.memory_mb and code == EXIT_OUT_OF_MEMORY:
        return ParseLimitExceeded(
            f"ran out of memory at the memory limit of {limits.memory_mb} MB", source=job.name, hint=_memory_hint(job)
        )
    if limits.memory_mb:
        return ParseLimitExceeded(
            f"the parser process died ({how}), most likely at the memory limit of {limits.memory_mb} MB",
            source=job.name,
            hint=_memory_hint(job),
        )
    return LacompareError(f"the parser process died ({how})", source=job.name, hint="please report this with the file")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
