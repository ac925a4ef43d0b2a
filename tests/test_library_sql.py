"""The library as data: the tidy measures table, its views, the README's SQL, and the migration
of a library written by release 0.1.0 (schema 1, facts as JSON only)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.library.schema import MIGRATIONS
from lacompare.library.store import SCHEMA_VERSION, Library
from lacompare.library.values import current_ids, values_of
from lacompare.render.rows import cell

from .conftest import BARNET_MD, CAMDEN_TXT, DASHBOARD_TXT, PERF_TXT, QS_TXT

ROOT = Path(__file__).resolve().parent.parent
V1_LIBRARY = Path(__file__).parent / "data" / "library_v1.sqlite3"  # written by lacompare 0.1.0 from the fixtures
runner = CliRunner()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sql") / "library.sqlite3"
    with Library(db) as lib:
        for path in (BARNET_MD, CAMDEN_TXT, QS_TXT, PERF_TXT, DASHBOARD_TXT):
            lib.add(str(path))
    return db


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def show_rows(db: Path, sha256: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["show", sha256[:12], "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_the_readme_shows_sql_and_every_query_runs(library: Path) -> None:
    queries = readme_queries()
    assert len(queries) >= 3
    with sqlite3.connect(library) as conn:
        for query in queries:
            assert conn.execute(query).fetchall(), query


def test_scores_wide_holds_each_councils_nine_scores(library: Path) -> None:
    with sqlite3.connect(library) as conn:
        rows = conn.execute("SELECT council, assessed, assessing_needs, safeguarding FROM scores_wide").fetchall()
    assert rows == [("Barnet", "2025-01-10", 2, 3), ("Camden", "2025-02-28", 3, 3)]


def test_the_undated_theme_page_belongs_to_the_newest_assessment(library: Path) -> None:
    with sqlite3.connect(library) as conn:
        rows = conn.execute(
            "SELECT d.source, a.assessed FROM latest_assessment a JOIN documents d ON d.id = a.document_id"
            " WHERE a.gss_code = 'E09000003' ORDER BY d.source"
        ).fetchall()
    assert rows == [(str(BARNET_MD), "2025-01-10"), (str(QS_TXT), "2025-01-10")]


def test_sql_returns_the_values_show_prints(library: Path) -> None:
    with Library(library) as lib:
        entries = lib.entries()
    with sqlite3.connect(library) as conn:
        for entry in entries:
            stored = conn.execute(
                "SELECT metric_id, value, unit, comparator, comparator_value, year, page, quote FROM tidy"
                " WHERE sha256 = ? ORDER BY metric_id, page, quote, value",
                (entry.sha256,),
            ).fetchall()
            shown = sorted(
                (r["metric_id"], r["value"], r["unit"], r["comparator"], r["comparator_value"], r["year"], r["page"],
                 r["quote"]) for r in show_rows(library, entry.sha256) if r["value"] != ""
            )  # fmt: skip
            assert sorted(tuple(cell(v) for v in row) for row in stored) == shown, entry.source


def test_measures_are_indexed_by_metric_and_by_council(library: Path) -> None:
    with sqlite3.connect(library) as conn:
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT value FROM measures WHERE metric_id = 'qs.safeguarding'"
        ))  # fmt: skip
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(measures)")}
    assert "measures_by_metric" in plan
    assert {"measures_by_metric", "measures_by_council"} <= indexes


def test_a_library_written_by_release_0_1_migrates_with_nothing_lost(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(V1_LIBRARY, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
        before = conn.execute("SELECT document_id, seq, data FROM facts ORDER BY document_id, seq").fetchall()
    with Library(db) as lib:
        reports = [lib.report(e.sha256) for e in lib.entries()]
        measures = lib.query("SELECT count(*) FROM measures")[0][0]
        side = lib.side("barnet")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        after = conn.execute("SELECT document_id, seq, data FROM facts ORDER BY document_id, seq").fetchall()
    assert after == before
    assert sum(len(r.facts) for r in reports) == len(before) == 369
    assert measures == sum(len(values_of(r)) for r in reports)
    assert {v.metric_id for v in side.values} >= {
        "rating.overall",
        "qs.safeguarding",
        "wait.care_act_assessment.people",
    }


def test_a_migrated_library_answers_the_same_as_a_new_one(tmp_path: Path) -> None:
    """The migrated library answers as a library given the same reports today would: the facts
    0.1.0 stored, not what extraction gives now (extraction moves on; a migration must not)."""
    db = tmp_path / "old.sqlite3"
    shutil.copy(V1_LIBRARY, db)
    fresh = tmp_path / "fresh.sqlite3"
    with Library(db) as old_library, Library(fresh) as new_library:
        for entry in old_library.entries():
            report = old_library.report(entry.sha256)
            # today's catalogue ids, as a report extracted today would carry them
            new_library.store(replace(report, facts=tuple(current_ids(report))), source=entry.source)
    for command in (["rank", "qs.assessing_needs"], ["diff", "barnet", "camden"], ["table"]):
        old = runner.invoke(app, [*command, "--db", str(db), "--format", "csv"])
        new = runner.invoke(app, [*command, "--db", str(fresh), "--format", "csv"])
        assert old.exit_code == new.exit_code == 0, old.output + new.output
        assert _without_paths(old.stdout) == _without_paths(new.stdout), command


def _without_paths(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    drop = {i for i, name in enumerate(rows[0]) if name in ("document", "sha256")} if rows else set()
    return sorted([c for i, c in enumerate(row) if i not in drop] for row in rows)


def test_the_value_query_selects_a_values_fields_in_order() -> None:
    from dataclasses import fields

    from lacompare.library.schema import MEASURE_COLUMNS
    from lacompare.library.values import Value

    assert [f.name for f in fields(Value)] == [*MEASURE_COLUMNS, "document", "sha256", "kind", "published"]


def test_the_readmes_comparing_api_example_runs(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if "lacompare.diff(" in b]
    monkeypatch.setenv("LACOMPARE_DB", str(library))
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert [v.value for v in namespace["rows"][0].values] == ["Good", "Outstanding"]  # type: ignore[index]
    assert namespace["top"][0].name == "Camden"  # type: ignore[index]


def test_table_shows_each_councils_value_as_diff_does(library: Path) -> None:
    grid = {r["council"]: r for r in csv.DictReader(io.StringIO(_csv(library, "table")))}
    tidy = csv.DictReader(io.StringIO(_csv(library, "diff", "barnet", "camden")))
    for row in tidy:
        assert grid[row["council"]][row["metric_id"]] == row["value"], row["metric_id"]


def _csv(db: Path, *command: str) -> str:
    result = runner.invoke(app, [*command, "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_version_2_library_gives_indicator_rows_the_general_rows_ids(tmp_path: Path) -> None:
    """Schema 3: an indicator row's measures are named by role (``.previous``, ``.target``); a
    library whose measures carry the scorecard's old names is renamed on open, facts untouched."""
    db = tmp_path / "v2.sqlite3"
    shutil.copy(V1_LIBRARY, db)
    conn = sqlite3.connect(db, isolation_level=None)
    MIGRATIONS[1](conn)
    conn.execute("UPDATE measures SET metric_id = metric_id || '_result' WHERE metric_id LIKE 'indicator.%.previous'")
    conn.execute("PRAGMA user_version = 2")
    old_ids = {r[0] for r in conn.execute("SELECT metric_id FROM measures WHERE fact = 'indicator'")}
    count = conn.execute("SELECT count(*) FROM measures").fetchone()[0]
    conn.close()
    assert any(i.endswith(".previous_result") for i in old_ids)
    with Library(db) as lib:
        new_ids = {r[0] for r in lib.query("SELECT metric_id FROM measures WHERE fact = 'indicator'")}
        assert lib.query("SELECT count(*) FROM measures")[0][0] == count
    assert not any(i.endswith(".previous_result") for i in new_ids)
    assert {i.replace(".previous_result", ".previous") for i in old_ids} == new_ids
