"""The extraction cache: hits give the cold run's facts; damaged or stale entries are ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.batch import Options, Outcome, extract_many
from lacompare.cache import Cache, extractor_fingerprint
from lacompare.cli import app

from .conftest import BARNET_CHROMIUM, BARNET_MD, QS_CHROMIUM, QS_TXT

runner = CliRunner()


def run(*sources: Path | str, **options: object) -> list[Outcome]:
    return list(extract_many([str(s) for s in sources], Options(**options)))  # type: ignore[arg-type]


def entries(cache: Cache) -> list[Path]:
    return sorted(cache.root.rglob("*.json"))


def test_a_cache_hit_returns_the_facts_of_the_cold_run() -> None:
    (cold,) = run(BARNET_CHROMIUM)
    (hit,) = run(BARNET_CHROMIUM)
    assert (cold.cached, hit.cached) == (False, True)
    assert cold.report is not None and hit.report is not None
    assert hit.report == cold.report
    assert hit.report.rating is not None and len(hit.report.facts) >= 20


def test_a_hit_under_another_name_reports_that_name(tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    shutil.copy(BARNET_MD, copy)
    (original,) = run(BARNET_MD)
    (hit,) = run(copy)
    assert hit.cached and hit.report is not None and original.report is not None
    assert hit.report.document == str(copy)
    assert hit.report.facts == original.report.facts


def test_the_cache_lives_where_LACOMPARE_CACHE_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACOMPARE_CACHE", str(tmp_path / "elsewhere"))
    run(QS_TXT)
    cache = Cache.default()
    assert cache is not None and cache.root == tmp_path / "elsewhere" / "reports"
    assert len(entries(cache)) == 1


@pytest.mark.parametrize("value", ["off", "0"])
def test_LACOMPARE_CACHE_off_disables_it(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACOMPARE_CACHE", value)
    assert Cache.default() is None
    assert [o.cached for o in run(QS_TXT) + run(QS_TXT)] == [False, False]


def test_no_cache_neither_reads_nor_writes() -> None:
    cache = Cache.default()
    assert cache is not None
    result = runner.invoke(app, ["extract", "--no-cache", str(QS_TXT)])
    assert result.exit_code == 0, result.output
    assert entries(cache) == []
    run(QS_TXT)
    assert [o.cached for o in run(QS_TXT, use_cache=False)] == [False]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated mid-write by a crash
        lambda text: "",
        lambda text: "\x00\xff not json",
        lambda text: json.dumps({"extractor": extractor_fingerprint(), "report": {"facts": "nonsense"}}),
        lambda text: text.replace(f'"extractor":"{extractor_fingerprint()}"', '"extractor":"0-older"'),
    ],
    ids=["truncated", "empty", "garbage", "wrong-shape", "older-extractor"],
)
def test_a_damaged_or_stale_entry_is_ignored_and_rewritten(damage) -> None:  # type: ignore[no-untyped-def]
    (cold,) = run(QS_TXT)
    cache = Cache.default()
    assert cache is not None
    (entry,) = entries(cache)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")

    (again,) = run(QS_TXT)
    assert not again.cached and again.error is None
    assert again.report == cold.report
    assert json.loads(entry.read_text(encoding="utf-8"))["extractor"] == extractor_fingerprint()
    assert run(QS_TXT)[0].cached


def test_an_unwritable_cache_is_never_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file-not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("LACOMPARE_CACHE", str(blocker))
    outcomes = run(QS_TXT) + run(QS_TXT)
    assert [(o.error, o.cached) for o in outcomes] == [(None, False), (None, False)]


def test_a_forced_kind_is_cached_apart_from_the_detected_one() -> None:
    (detected,) = run(QS_TXT)
    (forced,) = run(QS_TXT, kind="unknown")
    assert not forced.cached and forced.report is not None and forced.report.kind == "unknown"
    assert run(QS_TXT)[0].report == detected.report


def test_with_a_password_the_cache_is_bypassed() -> None:
    run(QS_TXT)
    assert [o.cached for o in run(QS_TXT, password="secret")] == [False]


def test_an_entry_from_other_extractor_code_is_a_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    run(QS_TXT)
    assert run(QS_TXT)[0].cached
    monkeypatch.setattr("lacompare.cache.extractor_fingerprint", lambda: "1:edited-parsers")
    assert not run(QS_TXT)[0].cached


def test_the_fingerprint_names_the_extractor_version_and_the_code() -> None:
    version, _, code = extractor_fingerprint().partition(":")
    assert version and len(code) == 16


# --- signed entries -------------------------------------------------------------------


def test_an_entry_edited_by_hand_is_not_served() -> None:
    (cold,) = run(QS_TXT)
    cache = Cache.default()
    assert cache is not None and cold.report is not None
    (entry,) = entries(cache)
    value = next(f.value for f in cold.report.facts if getattr(f, "value", None) is not None)
    text = entry.read_text(encoding="utf-8")
    assert f'"value":{value},' in text
    entry.write_text(text.replace(f'"value":{value},', '"value":99999,', 1), encoding="utf-8")

    (again,) = run(QS_TXT)
    assert not again.cached and again.report == cold.report
    assert run(QS_TXT)[0].cached


def test_an_entry_moved_to_another_documents_name_is_not_served(tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text(BARNET_MD.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    run(QS_TXT)
    (cold_other,) = run(other)
    cache = Cache.default()
    assert cache is not None and cold_other.report is not None
    qs_entry, other_entry = sorted(entries(cache), key=lambda p: p.stat().st_mtime_ns)
    text = qs_entry.read_text(encoding="utf-8").replace(qs_entry.name.split(".")[0], cold_other.report.sha256)
    other_entry.write_text(text, encoding="utf-8")
    (again,) = run(other)
    assert not again.cached and again.report == cold_other.report


def test_the_signing_key_is_its_owners_only_and_a_new_key_misses_old_entries() -> None:
    run(QS_TXT)
    cache = Cache.default()
    assert cache is not None
    key = cache.root / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    key.unlink()
    assert not run(QS_TXT)[0].cached
    assert run(QS_TXT)[0].cached


def test_an_edited_register_of_councils_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import lacompare.cache as cache_module

    package = tmp_path / "lacompare"
    shutil.copytree(Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "__file__", str(package / "cache.py"))
    extractor_fingerprint.cache_clear()
    before = extractor_fingerprint()
    with (package / "data" / "english_councils.csv").open("a", encoding="utf-8") as register:
        register.write("\n")
    extractor_fingerprint.cache_clear()
    try:
        assert extractor_fingerprint() != before
    finally:
        monkeypatch.undo()
        extractor_fingerprint.cache_clear()


# --- the real command: a hit prints what the cold run printed, byte for byte ------------


def test_a_cache_hit_prints_the_cold_runs_bytes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "LACOMPARE_CACHE": str(tmp_path / "cache")}
    files = [str(QS_CHROMIUM), str(BARNET_MD)]  # a PDF and a markdown file, in one batch

    def extract(*formats: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "lacompare", "-v", "extract", *formats, *files]
        return subprocess.run(command, capture_output=True, env=env, check=True, timeout=120)

    for fmt in (("--format", "csv"), ("--format", "jsonl")):
        cold, hit = extract(*fmt), extract(*fmt)
        assert b"from the cache" not in cold.stderr or fmt[1] == "jsonl"
        assert hit.stderr.count(b"from the cache") == 2
        assert hit.stdout == cold.stdout and len(cold.stdout) > 1000
