"""The command line. The ``lacompare.cli`` package is the only place that imports typer or rich.

Data goes to stdout; progress, warnings and errors go to stderr. An expected failure is one
``Error: …`` line and exit status 1; usage errors exit 2; an unexpected exception is one
``Error: internal error …`` line (its traceback with ``--debug``). A reader that goes away
(``| head``) ends a command quietly with status 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO

import typer
from typer.core import TyperGroup

from lacompare import __version__
from lacompare.cli import output as out
from lacompare.cli.progress import describe_outcome as describe_outcome
from lacompare.cli.progress import progress_bar as progress_bar
from lacompare.cli.progress import stderr_console as stderr_console
from lacompare.errors import InternalError, LacompareError
from lacompare.kinds import UNKNOWN
from lacompare.render import Format
from lacompare.render.widths import printable

if TYPE_CHECKING:
    from lacompare.batch import Options
    from lacompare.model import Report


@dataclass
class Settings:
    """The global options (``lacompare --db PATH -q -v --debug COMMAND``) and the files a command reads."""

    db: Path | None = None
    quiet: bool = False
    verbose: bool = False
    debug: bool = False
    inputs: list[str | Path] = field(default_factory=list)  # -o may not name one of them


_settings = Settings()


def settings() -> Settings:
    """The running command's global options (the defaults outside a command)."""
    return _settings


class _Group(TyperGroup):
    """Every command runs here: expected failures, a closed pipe and bugs each end the same way."""

    def invoke(self, ctx: Any) -> Any:
        global _settings
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:
            out.silence_stdout()  # the reader has gone (`| head`): that is not a failure
            raise typer.Exit(0) from None
        except LacompareError as exc:
            report_error(exc)
            raise typer.Exit(1) from None
        except Exception as exc:
            report_internal_error(exc)
            raise typer.Exit(1) from None
        finally:
            _settings = Settings()


_app = typer.Typer(
    name="lacompare",
    cls=_Group,
    help="Pull the numbers out of English councils' adult social care reports, each with its page and quote.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def checked_path(param: typer.CallbackParam, value: Path | None) -> Path | None:
    """A path option no file can have (a name over the file system's limit) is a usage error naming
    the option and the limit, before anything is read or written."""
    from lacompare.paths import name_problem

    problem = name_problem(value) if value is not None and str(value) != "-" else None
    if problem:
        raise typer.BadParameter(problem, param_hint=max(param.opts, key=len))
    return value


def _version(value: bool) -> None:
    if value:
        print(f"lacompare {__version__}")
        raise typer.Exit()


# The commands' modules register on the app with ``@command()``; only the called command's module
# is imported (see ``main``): building every command's options costs more than typer's start-up.
command = _app.command


@_app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--db",
            metavar="PATH",
            callback=checked_path,
            help="Library file for every command (a command's own --db wins).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, notes or warnings on stderr.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="More progress on stderr: each file's kind, facts and time.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of an internal error.")] = False,
) -> None:
    """Extract facts from CQC assessments, council performance reports and dashboards; compare councils."""
    global _settings
    _settings = Settings(db=db, quiet=quiet, verbose=verbose, debug=debug)


def err(message: str) -> None:
    """A message on stderr, without the escape sequences a file name or quote may carry."""
    print(printable(message), file=sys.stderr, flush=True)


def note(message: str) -> None:
    """Progress or a warning on stderr: left out with -q."""
    if not settings().quiet:
        err(message)


def detail(message: str) -> None:
    """Extra progress on stderr, printed with -v only."""
    if settings().verbose and not settings().quiet:
        err(message)


def report_error(error: LacompareError) -> None:
    if isinstance(error, InternalError):
        if settings().debug and error.details:
            err(error.details.rstrip())
        suffix = "" if settings().debug else "; run with --debug for the traceback"
        error.hint = f"{error.hint or 'please report it'}{suffix}"
    err(f"Error: {error.one_line()}")


def report_internal_error(exc: BaseException) -> None:
    """A bug: one line, or the traceback and then the line with --debug."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if settings().debug:
        import traceback

        err("".join(traceback.format_exception(exc)).rstrip())
        err(f"Error: internal error: {what} (please report it)")
    else:
        err(f"Error: internal error: {what} (please report it; run with --debug for the traceback)")


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Turn an expected failure into one stderr line and exit status 1 (for every command)."""
    try:
        yield
    except LacompareError as exc:
        report_error(exc)
        raise typer.Exit(1) from None


def add_inputs(*paths: str | Path) -> None:
    """Files the command reads, which ``-o`` must not overwrite."""
    settings().inputs.extend(paths)


def output_stream(path: Path | None) -> AbstractContextManager[TextIO]:
    """Stdout, or the -o file (written beside it and renamed into place on success; see cli/output.py)."""
    return out.open_output(path, settings().inputs)


def choose_format(fmt: Format | None, plain: bool, output: Path | None) -> Format:
    """The format asked for, else the -o file's suffix (an unknown one is a usage error), else by terminal.

    An -o path that is an input or an existing document is refused first, before any file is read.
    """
    from lacompare.render import FILE_FORMATS

    to_file = not out.is_stdout(output)
    if output is not None and to_file:
        out.check_target(output, settings().inputs)
    if fmt is Format.xlsx and not to_file and out.stdout_is_terminal():
        raise typer.BadParameter("an .xlsx workbook is binary: write it with -o FILE.xlsx", param_hint="--format")
    if fmt is not None:
        return fmt
    if output is not None and to_file and out.is_device(output):
        return Format.csv  # a device or pipe (-o /dev/stderr) has no suffix: it gets what a pipe gets
    if output is not None and to_file:
        suffix = output.suffix.lower().lstrip(".")
        if suffix not in FILE_FORMATS:
            accepted, given = ", ".join(f".{f}" for f in FILE_FORMATS), output.suffix or "(none)"
            raise typer.BadParameter(
                printable(f"{output}: unknown suffix {given}; use {accepted}, or say the format with --format"),
                param_hint="--output",
            )
        return Format(suffix)
    if plain:
        return Format.table
    return Format.table if out.stdout_is_terminal() else Format.csv


def rich_table_wanted(fmt: Format, plain: bool, stream: TextIO) -> bool:
    """A rich table: the table format, not --plain, on a terminal."""
    return fmt is Format.table and not plain and stream is sys.stdout and out.stdout_is_terminal()


def terminal_width(fmt: Format, stream: TextIO) -> int | None:
    """The width a plain table wraps to: the terminal's, when it is printed on one."""
    if fmt is not Format.table or stream is not sys.stdout or not out.stdout_is_terminal():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def safe_default(safe_csv: bool | None, output: Path | None) -> bool:
    """--safe-csv as given, else on for a file: one written with -o, or standard output redirected to
    one (``> facts.csv``: as likely to be opened in a spreadsheet); off on a pipe or a terminal, where
    another program reads the text as it is."""
    if safe_csv is not None:
        return safe_csv
    return not out.is_stdout(output) or _stdout_is_a_file()


def _stdout_is_a_file() -> bool:
    import stat

    try:
        return sys.stdout is not None and stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's capture), or closed
        return False


def batch_options(
    kind: str | None, password: str | None, jobs: int | None, no_cache: bool, timeout: float, memory_limit: int
) -> Options:
    from lacompare.batch import Options
    from lacompare.guard import Limits

    limits = Limits(seconds=timeout or None, memory_mb=memory_limit or None)
    return Options(kind=kind, password=password, jobs=jobs, use_cache=not no_cache, limits=limits)


def warn_about(report: Report, *, forced: bool) -> None:
    for message in report.notes:
        note(f"Warning: {message}")
    if report.kind == UNKNOWN and not forced:
        note(f"Warning: {report.document}: document kind not recognised; assumed {UNKNOWN} (use --kind to force one)")
    if not report.local_authority and report.facts:
        hint = "`lacompare add --council NAME` sets it"
        note(f"Warning: {report.document}: the council could not be read from it ({hint})")
    flagged = sum(1 for f in report.facts if f.flag)
    if flagged:
        note(f"Note: {report.document}: {flagged} fact(s) flagged for doubt; see the flag column")


# Each command's module, in --help order.
COMMAND_MODULES: dict[str, str] = {
    "extract": "extract",
    "add": "library",
    "list": "library",
    "show": "library",
    "remove": "library",
    "info": "info",
    "diff": "compare",
    "table": "compare",
    "rank": "compare",
    "metrics": "compare",
    "report": "report",
}
# Root options that take a value (the next word is not a command).
_VALUED_ROOT_OPTIONS = frozenset({"--db"})
_COMPLETION_ENV = "_LACOMPARE_COMPLETE"  # set by the shell's completion script (typer's name for it)


def register_commands(names: Iterable[str] | None = None) -> None:
    """Import the modules of the named commands (all by default), which register them on the app."""
    import importlib

    wanted = COMMAND_MODULES.keys() if names is None else names
    for module in dict.fromkeys(COMMAND_MODULES[name] for name in wanted):
        importlib.import_module(f"lacompare.cli.{module}")


def __getattr__(name: str) -> typer.Typer:
    """``lacompare.cli.app``: the whole command line, every command registered (for tests and embedding)."""
    if name == "app":
        register_commands()
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def called_command(argv: Sequence[str]) -> str | None:
    """The command word of a command line (``lacompare --db x.db -q diff a b`` -> ``diff``), if any."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _VALUED_ROOT_OPTIONS:
            next(words, None)
        elif not word.startswith("-") or word == "-":
            return word
    return None


def _commands_needed(argv: Sequence[str]) -> list[str] | None:
    """The one command a command line calls; all of them (None) for help, completion or an unknown word."""
    name = called_command(argv)
    if _COMPLETION_ENV in os.environ:
        return None  # shell completion lists every command
    if name in COMMAND_MODULES:
        return [name]
    if name is None and "--version" in argv and not {"-h", "--help"} & set(argv):
        return []  # the version is printed before any command is looked at
    return None


def main(*, collector_paused: bool = False) -> None:
    """Run the command line on ``sys.argv``. ``collector_paused``: the console script paused the cyclic
    garbage collector for the start-up (see lacompare.console); it resumes once the command is built."""
    out.reserve_closed_stdout()
    register_commands(_commands_needed(sys.argv[1:]))
    if collector_paused:
        import gc

        gc.freeze()  # what start-up made lives as long as the process: never walked again
        gc.enable()
    try:
        _app()
    except OSError as exc:  # raised outside a command, e.g. printing --version or --help
        _stdout_failed(exc)
        raise
    finally:
        _flush_stdout()


def _flush_stdout() -> None:
    """Flush what typer printed (help, --version) now, so a full or closed stdout is one error line."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        _stdout_failed(exc)
        raise


def _stdout_failed(exc: OSError) -> None:
    """Exit quietly (0) if the reader has gone, with one error line (1) if stdout cannot be written."""
    if isinstance(exc, BrokenPipeError):
        out.silence_stdout()
        raise SystemExit(0) from None
    if exc.errno in out.WRITE_ERRNOS:
        out.silence_stdout()
        err(f"Error: {out.write_error(out.STDOUT, exc).one_line()}")
        raise SystemExit(1) from None
