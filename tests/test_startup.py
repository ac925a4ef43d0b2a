"""Start-up stays light: `--version` and a cache hit load none of the heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import BARNET_CHROMIUM, QS_CHROMIUM

HEAVY = (
    "pdfplumber",
    "pypdfium2",
    "tabulate",
    "rich.table",
    "rich.console",
    "sqlite3",
    "lacompare.library.store",
    "xlsxwriter",
    "openpyxl",
    # typer from 0.29 on builds a pydantic adapter for every argument (~85 ms): pinned below it.
    "pydantic",
)

PROBE = """
import json, sys
sys.argv = ["lacompare", *json.loads(sys.argv[1])]
from lacompare.cli import main
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in {heavy}))
print(json.dumps(loaded), file=sys.stderr)
"""


def heavy_modules_after(*args: str, env: dict[str, str] | None = None, watch: tuple[str, ...] = HEAVY) -> list[str]:
    code = PROBE.replace("{heavy}", repr(list(watch)))
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return json.loads(done.stderr.splitlines()[-1])  # type: ignore[no-any-return]


def test_version_imports_none_of_the_heavy_modules() -> None:
    assert heavy_modules_after("--version") == []


def test_a_cache_hit_reads_no_pdf(tmp_path: Path) -> None:
    env = {"LACOMPARE_CACHE": str(tmp_path / "cache")}
    args = ("extract", "--format", "csv", "-o", str(tmp_path / "out.csv"), str(BARNET_CHROMIUM))
    small = ("extract", "--format", "csv", "-o", str(tmp_path / "small.csv"), str(QS_CHROMIUM))
    assert "pypdfium2" in heavy_modules_after(*small, "--no-cache", "--timeout", "0", "--memory-limit", "0", "-j", "1")
    heavy_modules_after(*args, env=env)  # fills the cache
    assert heavy_modules_after(*args, env=env) == []


# What a cache hit must not load either: it hashes the file, reads one entry and prints.
NOT_FOR_A_HIT = (
    "lacompare.parsers",
    "lacompare.extractors",
    "lacompare.catalogue",
    "lacompare.readers.base",
    "lacompare.readers.normalise",
    "lacompare.pattern_cache",
    "lacompare.forking",
    "lacompare.pool",
    "multiprocessing",
    "regex",
)


def test_a_cache_hit_loads_no_parser_reader_or_worker(tmp_path: Path) -> None:
    env = {"LACOMPARE_CACHE": str(tmp_path / "cache")}
    args = ("extract", "--format", "csv", "-o", str(tmp_path / "out.csv"), str(QS_CHROMIUM))
    assert "multiprocessing" in heavy_modules_after(*args, env=env, watch=NOT_FOR_A_HIT)  # cold: a worker parses
    assert heavy_modules_after(*args, env=env, watch=NOT_FOR_A_HIT) == []


# Only the called command's module is imported: typer builds that command's options alone.
COMMAND_MODULES = tuple(f"lacompare.cli.{m}" for m in ("extract", "library", "info", "compare", "report"))


def test_version_builds_no_command() -> None:
    assert heavy_modules_after("--version", watch=COMMAND_MODULES) == []
    assert heavy_modules_after("-q", "--db", "x.db", "--version", watch=COMMAND_MODULES) == []


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (("extract", "--help"), "lacompare.cli.extract"),
        (("--db", "extract", "list", "--help"), "lacompare.cli.library"),  # "extract" is --db's value
        (("-q", "diff", "--help"), "lacompare.cli.compare"),
        (("info", "--help"), "lacompare.cli.info"),
        (("report", "--help"), "lacompare.cli.report"),
    ],
)
def test_a_command_imports_its_own_module_only(args: tuple[str, ...], module: str) -> None:
    assert heavy_modules_after(*args, watch=COMMAND_MODULES) == [module]


@pytest.mark.parametrize("args", [("--help",), (), ("no-such-command",), ("-q",)])
def test_help_and_unknown_words_see_every_command(args: tuple[str, ...]) -> None:
    assert heavy_modules_after(*args, watch=COMMAND_MODULES) == sorted(COMMAND_MODULES)


def test_shell_completion_sees_every_command() -> None:
    completing = {"_LACOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "lacompare ext", "COMP_CWORD": "1"}
    assert heavy_modules_after("ext", env=completing, watch=COMMAND_MODULES) == sorted(COMMAND_MODULES)


def test_the_command_table_names_each_command_and_its_module() -> None:
    from lacompare import cli

    registered = {info.name or info.callback.__name__: info.callback.__module__ for info in cli.app.registered_commands}
    assert registered == {name: f"lacompare.cli.{module}" for name, module in cli.COMMAND_MODULES.items()}


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["extract", "a.pdf"], "extract"),
        (["-q", "-v", "--debug", "diff", "a", "b"], "diff"),
        (["--db", "lib.db", "list"], "list"),
        (["--db=lib.db", "show", "x"], "show"),
        (["--", "rank"], "rank"),
        (["--version"], None),
        ([], None),
        (["-"], "-"),
    ],
)
def test_the_called_command_is_the_first_word_no_option_takes(argv: list[str], word: str | None) -> None:
    from lacompare.cli import called_command

    assert called_command(argv) == word
