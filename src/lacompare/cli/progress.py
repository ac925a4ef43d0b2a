"""Progress on stderr while a batch is read: a bar on a terminal (files done; for one file, how far
its pages have been read), and the -v line for each file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from lacompare.batch import Listener, Outcome


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


LONE_FILE_DELAY = 1.0  # seconds a single file is read before its bar appears (a quick one shows none)


@contextmanager
def progress_bar(total: int, quiet: bool) -> Iterator[Listener | None]:
    """A progress bar on stderr (files done, pages/s, time) on a terminal; else None. For a single
    file the bar appears once it has taken over a second (a 28-page table PDF) and shows how far its
    pages have been read (their text, then the tables of the ruled ones), so that a long read is
    seen to move and a quick one prints nothing."""
    if quiet or total < 1 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    lone = total == 1
    columns: tuple[ProgressColumn, ...] = (
        # one long file: how far its pages have been read
        (TextColumn("Reading"), BarColumn(), TaskProgressColumn(), TextColumn("{task.fields[rate]}"))
        if lone
        else (TextColumn("Extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files  {task.fields[rate]}"))
    )
    # Refreshed by hand: a refresh thread would be copied into forked workers.
    progress = Progress(
        *columns,
        TimeElapsedColumn(),
        console=stderr_console(),
        auto_refresh=False,
        transient=True,
        redirect_stdout=False,
    )
    delay = LONE_FILE_DELAY if lone else 0.0
    listener = _ProgressListener(progress, progress.add_task("extract", total=total, rate=""), delay, lone)
    try:
        yield listener
    finally:
        progress.stop()  # nothing to do when the bar never appeared


class _ProgressListener:
    def __init__(self, progress: Progress, task: TaskID, delay: float = 0.0, lone: bool = False) -> None:
        self.progress, self.task, self.pages, self.delay, self.lone = progress, task, 0, delay, lone
        self.shown = False
        if not delay:
            self._show()

    def _show(self) -> None:
        self.progress.start()
        self.shown = True

    def done(self, outcome: Outcome) -> None:
        self.pages += outcome.pages
        if self.lone:
            self.progress.update(self.task, completed=self.progress.tasks[0].total or 1)
        else:
            self.progress.update(self.task, advance=1)
        self.waiting()

    def waiting(self, steps: tuple[int, int] = (0, 0)) -> None:
        elapsed = self.progress.tasks[0].elapsed or 0.0
        if not self.shown:
            if elapsed < self.delay or self.progress.tasks[0].finished:
                return
            self._show()
        if self.lone:
            self._pages_read(*steps)
        else:
            rate = f"{self.pages / elapsed:,.0f} pages/s" if elapsed > 0 and self.pages else ""
            self.progress.update(self.task, rate=rate)
        self.progress.refresh()

    def _pages_read(self, done: int, to_do: int) -> None:
        """The lone file's bar: the share of its reading done (a page's text, a ruled page's tables,
        a reader's pass over the pages)."""
        task = self.progress.tasks[0]
        if to_do and not task.finished:
            self.progress.update(self.task, total=to_do, completed=min(done, to_do))


def describe_outcome(outcome: Outcome) -> str:
    """The -v line for a file read: its kind, pages, facts, rows and time."""
    report = outcome.report
    assert report is not None
    rows = sum(len(fact.measures()) for fact in report.facts)
    how = "from the cache" if outcome.cached else f"{outcome.seconds:.2f} s"
    pages = f"{report.pages} page{'s' if report.pages != 1 else ''}"
    return f"{outcome.source}: {report.kind}, {pages}, {len(report.facts)} facts, {rows} rows, {how}"
