"""Parse documents in worker processes, each file under a time limit and a memory ceiling.

A pathological file (a decompression bomb, deeply nested objects, thousands of pages) must not
hang or exhaust the machine. Each worker caps its own address space (``RLIMIT_AS``) before it
parses anything; the parent kills a worker whose file runs past the time limit and starts a
fresh one, so the rest of the batch goes on. Workers are started only when there is work.

This module is the worker's side (a job, its limits, parsing it, the worker's loop); the parent's
side, the pool that starts, feeds, times and replaces workers, is :mod:`lacompare.pool`.
"""

from __future__ import annotations

import errno
import os
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lacompare import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, errors
from lacompare.errors import LacompareError, ParseLimitExceeded
from lacompare.model import Report

if TYPE_CHECKING:  # multiprocessing is imported only when a worker is needed
    from multiprocessing.connection import Connection

EXIT_OUT_OF_MEMORY = 75
PARENT_CHECK_SECONDS = 1.0
LARGE_DOCUMENT_BYTES = 10 << 20


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
    return ParseLimitExceeded(f"ran out of memory while parsing{limit}", source=job.name, hint=memory_hint(job))


def memory_hint(job: Job) -> str:
    """Raise the limit: the flag that does it. Only a PDF (compressed streams) can be a bomb."""
    from lacompare.readers.sniff import sniff

    raise_it = "raise it with --memory-limit MB (0: no limit)"
    if sniff(job.data[:8192]) == "pdf":
        return f"{raise_it} if the PDF is genuine: a small PDF may also unpack into far more (a decompression bomb)"
    split = ", or split it into smaller files" if len(job.data) >= LARGE_DOCUMENT_BYTES else ""
    return f"a {size_text(len(job.data))} document needs more to parse: {raise_it}{split}"


def size_text(count: int) -> str:
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


def worker_main(conn: Connection, memory_mb: int | None, tally: Any = None) -> None:
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


def restore(payload: Any) -> Result:
    if isinstance(payload, Report):
        return payload
    _, class_name, message, source, hint, details = payload
    cls = getattr(errors, class_name, LacompareError)
    if not (isinstance(cls, type) and issubclass(cls, LacompareError)):
        cls = LacompareError
    error = cls(message, source=source, hint=hint)
    error.details = details
    return error


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
