"""Extract many files, in parallel, yielding each result in the order the files were given.

The parent reads each file (``-`` is standard input), hashes it and looks it up in the cache;
only misses go to the worker processes, which parse under the per-file limits (see guard.py).
One bad file costs that file only.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from lacompare.errors import LacompareError
from lacompare.guard import Job, Limits, Result, default_jobs, parse_job
from lacompare.model import Report

if TYPE_CHECKING:
    from lacompare.cache import Cache


@dataclass(frozen=True, slots=True)
class Options:
    kind: str | None = None
    password: str | None = None
    jobs: int | None = None  # worker processes; None: one per CPU
    use_cache: bool = True
    limits: Limits = field(default_factory=Limits)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A report, or the error that stopped one file."""

    source: str
    report: Report | None = None
    error: LacompareError | None = None
    cached: bool = False
    seconds: float = 0.0  # to read a cached or unreadable file; to parse a file a worker parsed

    @property
    def pages(self) -> int:
        return self.report.pages if self.report is not None else 0


class Listener(Protocol):
    """Told about each file as it finishes (in completion order), and ticked while waiting with how
    far the documents being read have got: (steps done, steps to do), a step a page read
    (:mod:`lacompare.progress`)."""

    def done(self, outcome: Outcome) -> None: ...

    def waiting(self, steps: tuple[int, int] = (0, 0)) -> None: ...


def extract_many(
    sources: Sequence[str], options: Options, listener: Listener | None = None
) -> Generator[Outcome, None, None]:
    """One Outcome per source, in argument order, whatever order the workers finish in (close the
    generator to stop the batch: its workers stop with it).

    Each outcome is yielded as soon as its file and every file before it are done: cache hits and
    unreadable files are settled before any parsing starts, so they never wait for a later file.
    """
    batch = _Batch(sources, options, listener)
    batch.settle_cheap_files()
    yield from batch.ready()
    if len(batch.settled) == len(sources):  # all cache hits (or unreadable): no worker to start
        return
    jobs = options.jobs or default_jobs()
    if jobs == 1 and not options.limits.active:
        with _cores(1, 1):
            for job in batch.jobs():
                batch.finish(job, _parse_holding_a_core(job))
                yield from batch.ready()
    else:
        from lacompare.pool import WorkerPool  # not for a batch of cache hits

        workers = max(1, min(jobs, len(sources) - len(batch.settled)))
        with _cores(workers, jobs), WorkerPool(workers, options.limits) as pool:
            on_wait = (lambda: listener.waiting(pool.steps())) if listener is not None else None
            for job, result in pool.run(batch.jobs(), on_wait):
                batch.finish(job, result)
                yield from batch.ready()
    yield from batch.ready()


@contextmanager
def _cores(documents: int, jobs: int) -> Iterator[None]:
    """Tell the page splitter (inherited by the workers) how many documents share the CPUs, and
    give the batch its budget of ``jobs`` cores (see forking.py): a document's pages are shared
    with another process only on a core no worker holds."""
    from lacompare import forking

    saved = forking.parallel_documents, forking.budget
    forking.parallel_documents, forking.budget = documents, _semaphore(jobs)
    try:
        yield
    finally:
        forking.parallel_documents, forking.budget = saved


def _semaphore(count: int) -> object | None:
    """A semaphore forked workers share; None where there is none (then CPUs decide, as outside a batch)."""
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        import multiprocessing

        return multiprocessing.get_context("fork").Semaphore(count)
    except (ImportError, OSError, ValueError):  # no shared memory for semaphores (some sandboxes)
        return None


def _parse_holding_a_core(job: Job) -> Result:
    from lacompare.forking import holding_a_core

    with holding_a_core():
        return parse_job(job)


class _Batch:
    """Outcomes gathered in completion order and released in argument order."""

    def __init__(self, sources: Sequence[str], options: Options, listener: Listener | None) -> None:
        self.sources = sources
        self.options = options
        self.listener = listener
        self.cache = _cache(options)
        self.finished: dict[int, Outcome] = {}
        self.next_index = 0
        self.started: dict[int, float] = {}
        self.settled: set[int] = set()  # finished without parsing
        self.once: dict[int, tuple[str, bytes]] = {}  # stdin, a pipe: what can be read only once

    def settle_cheap_files(self) -> None:
        """Finish the files that need no parsing (cache hits, unreadable files) before any parsing.

        A file to parse is read again when it is sent to a worker (its cache lookup is not
        repeated), so only one is held in memory; standard input and pipes (``<(curl …)``) are
        kept, as they cannot be read twice.
        """
        for index, source in enumerate(self.sources):
            loaded = self._read(index, source)
            if loaded is None or self._settled_by_cache(index, source, loaded[1]):
                continue
            if not _regular_file(source):
                self.once[index] = loaded

    def jobs(self) -> Iterator[Job]:
        """The files left to parse, each read when a worker is free for it."""
        for index, source in enumerate(self.sources):
            if index in self.settled:
                continue
            loaded = self.once.pop(index, None) or self._read(index, source)
            if loaded is None:
                continue
            name, data = loaded
            self.started[index] = time.monotonic()  # a worker is free: the job is sent now
            yield Job(index, name, data, self.options.kind, self.options.password)

    def _read(self, index: int, source: str) -> tuple[str, bytes] | None:
        """The file's name and bytes, or None once it is finished here as unreadable."""
        from lacompare.readers import MAX_INPUT_BYTES, load_bytes

        self.started[index] = time.monotonic()
        memory_mb = self.options.limits.memory_mb
        # Half the parse's memory ceiling: the worker's copy must fit under it with room to parse.
        max_bytes = memory_mb << 19 if memory_mb else MAX_INPUT_BYTES
        try:
            return load_bytes(source, max_bytes=max_bytes)
        except LacompareError as exc:
            self._record(index, Outcome(source, error=_named(exc, source)))
            return None

    def _settled_by_cache(self, index: int, name: str, data: bytes) -> bool:
        hit = self._lookup(name, data)
        if hit is not None:
            self._record(index, Outcome(name, report=hit, cached=True))
        return hit is not None

    def finish(self, job: Job, result: Result) -> None:
        if isinstance(result, Report):
            if self.cache is not None:
                self.cache.put(result, self.options.kind)
            self._record(job.index, Outcome(job.name, report=result))
        else:
            self._record(job.index, Outcome(job.name, error=_named(result, job.name)))

    def ready(self) -> Iterator[Outcome]:
        while self.next_index in self.finished:
            yield self.finished.pop(self.next_index)
            self.next_index += 1

    def _lookup(self, name: str, data: bytes) -> Report | None:
        if self.cache is None:
            return None
        import hashlib

        return self.cache.get(hashlib.sha256(data).hexdigest(), self.options.kind, name)

    def _record(self, index: int, outcome: Outcome) -> None:
        self.settled.add(index)
        outcome = replace(outcome, seconds=time.monotonic() - self.started.pop(index, time.monotonic()))
        self.finished[index] = outcome
        if self.listener is not None:
            self.listener.done(outcome)


def _regular_file(source: str) -> bool:
    import os
    import stat

    try:
        return source != "-" and stat.S_ISREG(os.stat(source).st_mode)
    except OSError:
        return False


def _cache(options: Options) -> Cache | None:
    # With a password the facts of an encrypted file must not be served to anyone without it.
    if not options.use_cache or options.password is not None:
        return None
    from lacompare.cache import Cache

    return Cache.default()


def _named(error: LacompareError, source: str) -> LacompareError:
    if error.source is None:
        error.source = source
    return error
