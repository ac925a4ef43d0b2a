"""Start-up stays light: `--version` and a cache hit load none of the heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    "multiprocessing",
    "regex",
)


def test_a_cache_hit_loads_no_parser_reader_or_worker(tmp_path: Path) -> None:
    env = {"LACOMPARE_CACHE": str(tmp_path / "cache")}
    args = ("extract", "--format", "csv", "-o", str(tmp_path / "out.csv"), str(QS_CHROMIUM))
    assert "multiprocessing" in heavy_modules_after(*args, env=env, watch=NOT_FOR_A_HIT)  # cold: a worker parses
    assert heavy_modules_after(*args, env=env, watch=NOT_FOR_A_HIT) == []
