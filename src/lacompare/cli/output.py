"""Where a command's data goes: standard output, or a file given with ``-o`` that is never half-written.

A file is written to a temporary file beside it and renamed into place once every row is in, so a
failure, Ctrl-C, a ``kill`` or a full disk leaves the old file as it was and no temporary file
behind. ``-o`` refuses one of the command's own inputs (a report, the library) and an existing
document (``report.pdf``), except an HTML page ``lacompare report`` wrote before. A device or
pipe (``-o /dev/null``) is written in place. A reader that goes away (``| head``) ends the command
quietly; any other write failure is one ``Error:`` line.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from lacompare.errors import LacompareError

STDOUT = "standard output"
#: Suffixes of the documents lacompare reads: an existing file with one is never overwritten by -o.
DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text")
#: Suffixes of a page: an existing one is replaced only if ``lacompare report`` wrote it.
PAGE_SUFFIXES = (".html", ".htm")
#: Write failures that are about the output (a full disk, a closed descriptor), not a bug.
WRITE_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF", "EROFS") if hasattr(errno, name)
)
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class OutputError(LacompareError):
    hint = "check the path, the folder's permissions and the free space; an existing file is left as it was"


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # closed
        return False


def is_stdout(path: Path | str | None) -> bool:
    return path is None or str(path) == "-"


def is_device(path: Path) -> bool:
    """A character device, pipe or socket (``/dev/null``, ``>(…)``): written in place, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


@contextmanager
def open_output(path: Path | None, inputs: Sequence[str | Path] = ()) -> Iterator[TextIO]:
    """The stream to write data to: stdout, a device as it is, or a file replaced only on success."""
    if path is None or is_stdout(path):
        with _stdout() as stream:
            yield stream
        return
    check_target(path, inputs)
    if is_device(path):
        with _in_place(path) as stream:
            yield stream
        return
    with _replacing(path) as stream:
        yield stream


def check_target(path: Path, inputs: Sequence[str | Path]) -> None:
    """Refuse an -o path that is a folder, one of the inputs, or an existing document."""
    if path.is_dir():
        raise OutputError("is a folder", source=str(path), hint="give -o a file name")
    for source in inputs:
        if str(source) != "-" and _same_file(path, Path(source)):
            raise OutputError("is one of this command's inputs", source=str(path), hint="write to another file")
    if path.suffix.lower() in PAGE_SUFFIXES and path.is_file():
        if not _written_by_lacompare(path):
            raise OutputError(
                "refusing to overwrite an HTML file lacompare did not write",
                source=str(path),
                hint="give -o a new name, or delete the file first",
            )
        return
    if path.suffix.lower() in DOCUMENT_SUFFIXES and path.exists():
        raise OutputError(
            "refusing to overwrite a document with results",
            source=str(path),
            hint="give -o a new name such as facts.csv, or delete the file first",
        )


def _written_by_lacompare(path: Path) -> bool:
    """A page ``lacompare report`` wrote: its head carries the generator mark."""
    from lacompare.report.html import GENERATOR

    try:
        with path.open("rb") as handle:
            head = handle.read(2048).decode("utf-8", "replace")
    except OSError as exc:
        raise OutputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    return f'content="{GENERATOR}' in head


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.expanduser().resolve() == b.expanduser().resolve()


@contextmanager
def _stdout() -> Iterator[TextIO]:
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed", hint="redirect it to a file, or write one with -o FILE")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        raise  # the reader has gone: the command ends quietly (see lacompare.cli)
    except OSError as exc:
        if exc.errno in WRITE_ERRNOS:
            raise write_error(STDOUT, exc) from None
        raise


@contextmanager
def _in_place(path: Path) -> Iterator[TextIO]:
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise write_error(str(path), exc) from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        if exc.errno in WRITE_ERRNOS:
            raise write_error(str(path), exc, hint="check the device or pipe it names") from None
        raise


@contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    with _exit_on_signals():
        temp: Path | None = None
        try:
            with _signals_held():  # a signal between the file's creation and ``temp`` would leave it behind
                temp, handle = _temporary_beside(path)
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            _keep_mode(path, temp)
            os.replace(temp, path)
        except BaseException as exc:
            if temp is not None:
                temp.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and exc.errno in WRITE_ERRNOS:
                raise write_error(str(path), exc) from None
            raise


def _temporary_beside(path: Path) -> tuple[Path, TextIO]:
    """A new file in the target's folder (so the rename stays on one file system), mode as umask allows."""
    for _ in range(10):
        temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.part")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise write_error(str(path), exc) from None
        return temp, open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by the caller
    raise OutputError("cannot make a temporary file beside it", source=str(path))


def _keep_mode(path: Path, temp: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    os.chmod(temp, mode & 0o7777)


@contextmanager
def _exit_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as Ctrl-C does, through the clean-up above (exit 128+N)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    previous = [(number, signal.signal(number, stop)) for number in _SIGNALS]
    try:
        yield
    finally:
        for number, handler in previous:
            signal.signal(number, handler)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP wait until the block is done (delivered as it ends), where the OS allows."""
    if not _SIGNALS or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_error(name: str, exc: OSError, hint: str | None = None) -> OutputError:
    hint = "check where standard output goes" if name == STDOUT else hint
    return OutputError(f"cannot write: {exc.strerror or exc}", source=name, hint=hint)


def silence_stdout() -> None:
    """After the reader has gone (``| head``): point stdout at /dev/null so the exit's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's), or already gone
        pass


def reserve_closed_stdout() -> None:
    """With standard output closed (``>&-``), hold descriptor 1 on /dev/null so no file opened later gets it."""
    if sys.stdout is not None:
        return
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    if fd != 1:
        os.close(fd)
