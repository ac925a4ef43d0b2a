"""The library: documents keyed by their bytes, history per council, safe to share between processes."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from lacompare.errors import StoreError
from lacompare.library import store
from lacompare.library.store import ADDED, SCHEMA_VERSION, UNCHANGED, UPDATED, Library
from lacompare.model import Report
from tests.conftest import BARNET_MD, CAMDEN_TXT, QS_TXT

BARNET, CAMDEN = "E09000003", "E09000007"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lib" / "library.sqlite3"


def test_add_stores_the_report_and_show_rebuilds_it(db: Path, reports: dict[Path, Report]) -> None:
    with Library(db) as library:
        result = library.add(str(BARNET_MD))
        assert result.status == ADDED
        assert (result.entry.gss_code, result.entry.council, result.entry.published) == (BARNET, "Barnet", "2025-01-10")
        assert library.report(result.entry.sha256) == replace(reports[BARNET_MD], document=str(BARNET_MD))


def test_adding_the_same_file_again_is_a_no_op_that_says_so(db: Path) -> None:
    with Library(db) as library:
        first = library.add(str(BARNET_MD))
        again = library.add(str(BARNET_MD))
        assert again.status == UNCHANGED
        assert "already in the library" in again.message()
        assert again.entry.added_at == first.entry.added_at
        assert len(library.entries()) == 1


def test_a_new_extractor_version_re_extracts(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Library(db) as library:
        library.add(str(BARNET_MD))
        monkeypatch.setattr(store, "EXTRACTOR_VERSION", "999")
        result = library.add(str(BARNET_MD))
        assert result.status == UPDATED
        assert result.entry.extractor_version == "999"
        assert len(library.entries()) == 1


def test_schema_is_versioned_and_wal_is_on(db: Path) -> None:
    Library(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_library_from_a_newer_lacompare_is_refused(db: Path) -> None:
    Library(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="written by a newer lacompare"):
        Library(db)


def test_a_file_that_is_not_a_library_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text("not sqlite at all\n" * 100)
    with pytest.raises(StoreError, match="not a lacompare library"):
        Library(db)


def test_reading_a_missing_library_does_not_create_it(db: Path) -> None:
    with Library(db, create=False) as library:
        assert library.entries() == []
    assert not db.exists()


def _dated(report: Report, published: str, sha256: str) -> Report:
    return replace(report, published=published, sha256=sha256)


def test_history_latest_by_default_and_as_of_picks_an_earlier_one(db: Path, reports: dict[Path, Report]) -> None:
    barnet = reports[BARNET_MD]
    older = replace(_dated(barnet, "2023-06-01", "a" * 64), facts=barnet.facts[:5])
    with Library(db) as library:
        library.store(barnet)
        library.store(older)
        assert [e.published for e in library.council_entries(BARNET)] == ["2025-01-10", "2023-06-01"]
        assert library.latest(BARNET) == barnet
        assert library.latest(BARNET, as_of="2024-12-31") == older
        assert library.latest(BARNET, as_of="2020-01-01") is None


def test_an_undated_quality_statement_page_does_not_hide_the_full_report(db: Path) -> None:
    with Library(db) as library:
        library.add(str(BARNET_MD))
        library.add(str(QS_TXT))
        latest = library.latest(BARNET)
        assert latest is not None and latest.published == "2025-01-10"


def test_latest_reports_gives_one_report_per_council(db: Path) -> None:
    with Library(db) as library:
        for path in (BARNET_MD, CAMDEN_TXT):
            library.add(str(path))
        assert sorted(r.local_authority or "" for r in library.latest_reports()) == [
            "London Borough of Barnet",
            "London Borough of Camden",
        ]


def test_remove_deletes_the_document_and_its_facts(db: Path) -> None:
    with Library(db) as library:
        sha = library.add(str(BARNET_MD)).entry.sha256
        assert library.find(sha[:8])[0].sha256 == sha
        assert library.remove([sha]) == 1
        assert library.entries() == []
        assert library._query("SELECT count(*) FROM facts") == [(0,)]


def test_concurrent_writers_on_separate_connections_all_succeed(db: Path, reports: dict[Path, Report]) -> None:
    barnet = reports[BARNET_MD]
    Library(db).close()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with Library(db) as library:
                for i in range(5):
                    library.store(_dated(barnet, f"202{n}-01-0{i + 1}", f"{n}{i}".ljust(64, "0")))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Library(db) as library:
        assert len(library.entries()) == 20
