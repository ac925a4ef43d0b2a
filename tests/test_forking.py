"""Page work shared with a forked child: same results, same order, safe fallbacks."""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare import forking
from lacompare.cli import app

from .conftest import PERF_PDF


def squares(items: Iterable[int]) -> list[tuple[int, int]]:
    return [(i, i * i) for i in items]


def test_results_come_back_in_item_order() -> None:
    assert forking.map_in_two(squares, list(range(11))) == squares(range(11))


def test_a_failing_child_half_is_redone_here(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()

    def fails_in_child(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("child trouble")
        return [i + 1 for i in items]

    assert forking.map_in_two(fails_in_child, [1, 2, 3, 4]) == [2, 3, 4, 5]


def test_items_are_taken_one_at_a_time_so_a_slow_item_holds_up_no_other() -> None:
    """The process that finishes an item takes the next: while one sleeps on the first item, the
    other takes all the rest (a fixed half each would leave them waiting for the slow one)."""
    parent = os.getpid()

    def slow_first(items: Iterable[int]) -> list[tuple[int, int]]:
        out = []
        for i in items:
            if i == 0:
                time.sleep(0.5)
            out.append((i, os.getpid()))
        return out

    if not forking.spare_cpu():
        pytest.skip("one CPU: nothing is split")
    found = forking.map_in_two(slow_first, list(range(40)))
    assert [i for i, _ in found] == list(range(40))
    slow_one = found[0][1]
    assert sum(1 for _, pid in found if pid == slow_one) == 1  # the slow item was all it took
    assert {pid for _, pid in found} == {parent, next(pid for _, pid in found if pid != parent)}


def test_a_long_list_goes_through_the_queue_in_runs_of_neighbours() -> None:
    items = list(range(forking.MAX_UNITS * 3 + 5))
    assert forking.map_in_two(squares, items) == squares(items)
    assert all(len(unit) <= 4 for unit in forking._units(len(items)))
    assert [i for unit in forking._units(len(items)) for i in unit] == items


def test_a_child_that_dies_midway_leaves_its_items_to_be_done_here() -> None:
    parent = os.getpid()

    def dies_in_child(items: Iterable[int]) -> list[int]:
        out = []
        for i in items:
            if os.getpid() != parent and i > 3:
                os._exit(3)
            out.append(i * 10)
        return out

    assert forking.map_in_two(dies_in_child, list(range(12))) == [i * 10 for i in range(12)]


def test_no_split_when_the_batch_already_uses_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "parallel_documents", 64)
    assert not forking.spare_cpu()
    assert forking.map_in_two(lambda items: [os.getpid() for _ in items], [1, 2, 3]) == [os.getpid()] * 3


def indicator_rows(args: list[str]) -> list[dict[str, str]]:
    result = CliRunner().invoke(app, ["extract", str(PERF_PDF), "-f", "csv", "--no-cache", *args])
    assert result.exit_code == 0, result.output
    # the rows of the report's indicator tables (each has a reference: its metric id is not words)
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["fact"] == "indicator"]
    return [r for r in rows if "/" in r["metric_id"]]


def test_tables_survive_the_guarded_worker() -> None:
    """Bug: inside the (daemonic) guard worker the table pages were silently skipped."""
    guarded = indicator_rows([])
    unguarded = indicator_rows(["-j", "1", "--timeout", "0", "--memory-limit", "0"])
    assert guarded == unguarded
    assert len({r["metric_id"].split(".")[1] for r in guarded}) == 29
    assert not [r for r in guarded if r["flag"]]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_worker_killed_at_the_time_limit_takes_its_page_splitting_child_with_it() -> None:
    """Bug: the forked half of a 60,000-page read outlived its worker's kill."""
    from lacompare.guard import Job, Limits
    from lacompare.pool import WorkerPool

    from .test_batch import many_page_pdf

    job = Job(0, "board_pack.pdf", many_page_pdf(60_000))
    with WorkerPool(1, Limits(seconds=1, memory_mb=None)) as pool:
        ((_, result),) = list(pool.run([job]))
        assert "time limit of 1 s" in str(result)
        (worker_group,) = pool.started_pids
    deadline = time.monotonic() + 0.5  # SIGKILL is delivered asynchronously
    while group_alive(worker_group) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not group_alive(worker_group)


def group_alive(pgid: int) -> bool:
    """Does any process of the group still run (a reaped-later zombie does not count)?"""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            return True
    return False


def test_beside_returns_the_childs_result_and_runs_the_other_work_here() -> None:
    parent = os.getpid()
    ran_here: list[int] = []
    assert forking.beside(lambda: os.getpid() != parent, lambda: ran_here.append(os.getpid())) is True
    assert ran_here == [parent]


def test_beside_redoes_failed_work_here_so_its_error_surfaces_here() -> None:
    parent = os.getpid()

    def read() -> str:
        if os.getpid() != parent:
            os._exit(3)
        raise ValueError("the real error")

    with pytest.raises(ValueError, match="the real error"):
        forking.beside(read, lambda: None)


def test_a_long_pdf_read_beside_the_parser_warm_up_gives_the_same_report() -> None:
    from lacompare.pipeline import extract_bytes

    data = PERF_PDF.read_bytes()
    split = extract_bytes(data, "perf.pdf")
    forking.parallel_documents = 64  # no spare CPU: everything in this process
    try:
        alone = extract_bytes(data, "perf.pdf")
    finally:
        forking.parallel_documents = 1
    assert split == alone


# --- -j N is a budget of N cores ---------------------------------------------------------------


def pids(items: Iterable[int]) -> list[int]:
    """Which process did each item, each taking long enough that a second process gets some."""
    out = []
    for _ in items:
        time.sleep(0.05)
        out.append(os.getpid())
    return out


@pytest.mark.skipif(forking._cpus() < 2, reason="one CPU: nothing is split")
@pytest.mark.parametrize(("cores", "workers_parsing", "split"), [(2, 1, True), (2, 2, False), (1, 1, False)])
def test_pages_go_to_a_second_process_only_on_a_core_no_worker_holds(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers_parsing: int, split: bool
) -> None:
    import multiprocessing

    budget = multiprocessing.get_context("fork").Semaphore(cores)
    monkeypatch.setattr(forking, "budget", budget)
    for _ in range(workers_parsing - 1):
        assert budget.acquire(block=False)  # another worker holds a core
    with forking.holding_a_core():
        found = forking.map_in_two(pids, [1, 2, 3, 4])
    assert (len(set(found)) == 2) is split and found[0] == os.getpid()
    assert budget.acquire(block=False) is (cores > workers_parsing - 1)  # the cores taken were given back


def test_a_worker_never_waits_for_a_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed at its time limit keeps its core: the next one parses anyway, on none."""
    import multiprocessing

    monkeypatch.setattr(forking, "budget", multiprocessing.get_context("fork").Semaphore(0))
    with forking.holding_a_core():
        assert forking.map_in_two(pids, [1, 2, 3]) == [os.getpid()] * 3


def test_one_job_parses_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    from lacompare.batch import Options, extract_many
    from lacompare.guard import Limits

    def no_split(*_: object) -> list[object]:
        raise AssertionError("-j 1 shared a document's pages with a second process")

    monkeypatch.setattr(forking, "_in_two", no_split)
    options = Options(jobs=1, use_cache=False, limits=Limits(None, None))  # parsed in this process
    (outcome,) = extract_many([str(PERF_PDF)], options)
    assert outcome.report is not None and len(outcome.report.facts) > 100
