"""Compiled patterns kept between runs: the same patterns as re.compile gives, the same facts,
nothing compiled twice for the same code, and a damaged or foreign store ignored."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lacompare import pattern_cache
from lacompare.pattern_cache import compile_re

from .conftest import CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, QS_CHROMIUM, QS_TXT

# Extract each file, then say how many patterns came from the store and how many were compiled.
PROBE = """
import json, sys
from lacompare import pattern_cache, pipeline
facts = [len(pipeline.extract(path).facts) for path in sys.argv[1:]]
print(json.dumps({"facts": facts, **pattern_cache.stats()}))
"""


def probe(cache: Path, *files: Path) -> dict[str, object]:
    """Extract in a fresh process (so every module's patterns are compiled or loaded anew)."""
    env = {**os.environ, "LACOMPARE_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%", 0),
        (r"(?i)\bcompared\s+(?:to|with)\b", 0),
        (r"^(?:the |london borough of )|(?: council)$", int(re.I | re.M)),
        (r"(?<![£$])(?P<a>\w+)(?P<b>\s)?(?(b)x|y)", int(re.S)),
    ],
)
def test_a_stored_pattern_is_the_pattern_re_compiles(source: str, flags: int) -> None:
    compiled, entry = pattern_cache._compile_recorded(source, flags)
    again = pattern_cache._from_entry(source, entry)
    assert compiled == again == re.compile(source, flags)  # Pattern equality compares the engine code
    assert again.groupindex == re.compile(source, flags).groupindex and again.flags == re.compile(source, flags).flags


def test_a_bad_pattern_is_still_re_error() -> None:
    with pytest.raises(re.error):
        compile_re(r"(?P<x>unclosed", 0)


def test_the_second_run_compiles_nothing_and_reads_the_same_facts(tmp_path: Path) -> None:
    files = (QS_CHROMIUM, PERF_TXT, DASHBOARD_TXT)  # a CQC page, a council paper, a dashboard
    first = probe(tmp_path, *files)
    second = probe(tmp_path, *files)
    assert first["compiled"] > 300
    assert second["facts"] == first["facts"]
    # the patterns' text is the same in every run (no set's order in it), so none is compiled again
    assert second["compiled"] == 0 and second["from store"] == first["compiled"] + first["from store"]


# Every stored pattern against a fresh compile: re's engine code is compared as it is; regex
# writes a pattern's first characters in the order of a set (its code differs from process to
# process), so a regex pattern is compared by what it finds in a real report's text.
CHECK = """
import json, pickle, re, sys, regex
from lacompare import pattern_cache
TEXT = open(sys.argv[1], encoding="utf-8").read()
stored = pattern_cache._store()
differ = []
for (engine, source, flags), entry in stored.items():
    if engine == "re":
        same = pattern_cache._from_entry(source, entry) == re.compile(source, flags)
    else:
        fresh, loaded = regex.compile(source, flags), pickle.loads(entry)
        same = (loaded.pattern, loaded.flags, loaded.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
        same = same and [m.span() for m in loaded.finditer(TEXT)] == [m.span() for m in fresh.finditer(TEXT)]
    if not same:
        differ.append(source[:80])
print(json.dumps({"engines": sorted({e for e, _, _ in stored}), "count": len(stored), "differ": differ}))
"""


def test_every_stored_pattern_equals_a_fresh_compile(tmp_path: Path) -> None:
    env = {**os.environ, "LACOMPARE_CACHE": str(tmp_path)}
    subprocess.run([sys.executable, "-c", PROBE, str(QS_CHROMIUM)], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(CAMDEN_TXT)], env=env, check=True, capture_output=True, text=True
    )
    found = json.loads(done.stdout)
    assert found["engines"] == ["re", "regex"] and found["count"] > 300
    assert found["differ"] == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign key"])
def test_a_damaged_or_foreign_store_is_ignored(tmp_path: Path, damage: str) -> None:
    clean = probe(tmp_path, QS_TXT)
    (path,) = (tmp_path / "patterns").iterdir()
    raw = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":
        path.write_bytes(raw[:-100] + bytes([raw[-100] ^ 1]) + raw[-99:])
    else:
        (tmp_path / "reports" / "key").write_bytes(os.urandom(32))
    again = probe(tmp_path, QS_TXT)
    assert again["facts"] == clean["facts"] and again["from store"] == 0
    if damage == "flip":  # and it was written afresh
        assert probe(tmp_path, QS_TXT)["compiled"] == 0


def test_LACOMPARE_CACHE_off_keeps_no_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACOMPARE_CACHE", "off")
    assert pattern_cache.store_path() is None
    env = {**os.environ, "LACOMPARE_CACHE": "off", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    subprocess.run(
        [sys.executable, "-c", f"import lacompare; lacompare.extract({str(QS_TXT)!r})"], env=env, check=True, timeout=60
    )
    assert not list(tmp_path.rglob("*.bin"))
