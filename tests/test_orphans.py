"""A parse worker, or the child it forks, stops the moment the process above it dies.

A parent killed with SIGKILL cannot stop its workers; a worker left parsing a decompression bomb
would run on with nobody to read its result or enforce its time limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked on Linux only")

# A parent that hands a never-ending job to a worker, prints the worker's pid and kills itself.
PARENT = textwrap.dedent(
    """
    import os, signal, sys, time
    from lacompare import guard
    from lacompare.pool import WorkerPool

    def endless(job, memory_mb=None):
        {work}

    guard.parse_job = endless
    pool = WorkerPool(1, guard.Limits(seconds=600, memory_mb=None))
    pool._dispatch(guard.Job(0, "bomb.pdf", b""))
    print(pool.started_pids[0], flush=True)
    time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)
SPIN = "while True: pass"
# The worker forks a page-splitting child of its own and spins with it; the child prints its pid.
SPIN_WITH_CHILD = (
    "from lacompare import forking; forking.parallel_documents = 0; "
    "forking.map_in_two(lambda items: [print(os.getpid(), flush=True) or [0 for _ in iter(int, 1)]"
    " for _ in items], [1, 2])"
)


def gone(pid: int, within: float = 3.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status")
        try:
            state = next(line for line in status.read_text().splitlines() if line.startswith("State:"))
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            return True
        if "zombie" in state or "dead" in state:
            return True
        time.sleep(0.05)
    return False


def run_parent(work: str) -> list[int]:
    script = PARENT.format(work=work)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    return [int(line) for line in done.stdout.split()]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_worker_whose_parent_is_killed_stops_at_once() -> None:
    [worker] = run_parent(SPIN)
    assert gone(worker)


@pytest.mark.skipif(not Path("/proc").is_dir() or len(os.sched_getaffinity(0)) < 2, reason="needs /proc and 2 CPUs")
def test_the_page_splitting_child_of_a_killed_worker_stops_too() -> None:
    worker, *printed = run_parent(SPIN_WITH_CHILD)
    children = set(printed) - {worker}
    assert children, "the worker forked a child"
    assert gone(worker) and all(gone(child) for child in children)
