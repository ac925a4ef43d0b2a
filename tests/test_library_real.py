"""Comparing councils on a real library: the fixtures plus the OGL corpus documents in
``tests/real_documents`` (CQC reports, web pages and press releases; councils' own papers)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app
from lacompare.library.store import Library

from .conftest import ALL_FIXTURES

REAL = Path(__file__).parent / "real_documents"
runner = CliRunner()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("real") / "library.sqlite3"
    documents = [*ALL_FIXTURES, *sorted((REAL / "text").glob("*.txt")), *sorted((REAL / "pdf").glob("*.pdf"))]
    with Library(db) as lib:
        for path in documents:
            lib.add(str(path))
    return db


def run(db: Path, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def councils(db: Path) -> list[str]:
    return sorted({r["council"] for r in run(db, "list") if r["gss_code"]})


def test_every_council_in_list_answers_diff(library: Path) -> None:
    names = councils(library)
    assert len(names) >= 20
    for name in names:
        partner = "Camden" if name != "Camden" else "Barnet"
        result = runner.invoke(app, ["diff", name, partner, "--db", str(library), "--format", "csv"])
        assert result.exit_code == 0, (name, result.output)


def test_every_council_with_a_value_is_a_row_of_the_table_and_ranked_somewhere(library: Path) -> None:
    grid = run(library, "table")
    stated = {r["council"] for r in grid if any(v for k, v in r.items() if "." in k)}
    assert stated and stated <= set(councils(library))
    for row in (r for r in grid if r["council"] in stated):
        metric_id = next(k for k, v in row.items() if "." in k and v)  # one of the measures it states
        ranked = run(library, "rank", metric_id)
        assert row["council"] in {r["council"] for r in ranked}, (row["council"], metric_id)


@pytest.mark.parametrize("prefix", ["qs.", "rating.", "wait.", "finance.", "indicator.", "cmp.", "ascof.", "sace."])
def test_rank_takes_any_kind_of_measure_best_first(library: Path, prefix: str) -> None:
    held = [m for m in run(library, "metrics") if m["metric_id"].startswith(prefix)]
    assert held, prefix
    chosen = max(held, key=lambda m: (int(m["councils"]), m["metric_id"]))
    ranked = run(library, "rank", chosen["metric_id"])
    assert ranked and len({r["council"] for r in ranked}) <= int(chosen["councils"])
    numbers = [float(r["value"]) if r["value"] not in RATING else RATING[r["value"]] for r in ranked]
    if chosen["polarity"] == "lower is better":
        assert numbers == sorted(numbers)
    else:
        assert numbers == sorted(numbers, reverse=True)


RATING = {"Inadequate": 1.0, "Requires improvement": 2.0, "Good": 3.0, "Outstanding": 4.0}


def test_a_council_assessed_as_several_pages_is_one_assessment(library: Path) -> None:
    """Staffordshire's report, summary and seven theme pages all speak for it."""
    rows = run(library, "diff", "staffordshire", "camden", "--fact", "score", "--fact", "rating")
    stated = {r["metric_id"] for r in rows if r["council"] == "Staffordshire"}
    assert {"rating.overall", "qs.assessing_needs", "qs.safeguarding", "qs.partnerships_and_communities"} <= stated
    with Library(library, create=False) as lib:
        pages = lib.side("staffordshire").documents
    assert pages[0].endswith("staffordshire-county-council.pdf")  # the report, with the most facts, first
    assert sum("londonhomecare" in p for p in pages) >= 8  # the summary and theme pages join it


def test_a_councils_own_papers_join_its_picture(library: Path) -> None:
    rows = run(library, "diff", "barnet", "camden", "--fact", "indicator")
    assert {r["kind"] for r in rows if r["council"] == "Barnet"} >= {"performance_report"}
    assessments = run(library, "diff", "barnet", "camden", "--kind", "cqc_assessment")
    assert {r["kind"] for r in assessments} == {"cqc_assessment"}


def test_metrics_counts_the_councils_stating_each_measure(library: Path) -> None:
    listed = {m["metric_id"]: m for m in run(library, "metrics", "assessing needs")}
    assert list(listed) == ["qs.assessing_needs"]
    ranked = run(library, "rank", "qs.assessing_needs")
    assert int(listed["qs.assessing_needs"]["councils"]) == len(ranked)


def test_diff_all_writes_one_row_per_council_to_csv_and_xlsx(library: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "all.xlsx"
    result = runner.invoke(app, ["diff", "--all", "--db", str(library), "-o", str(book)])
    assert result.exit_code == 0, result.output
    rows = run(library, "diff", "--all")
    sheet = load_workbook(book, read_only=True).active
    assert sheet is not None
    cells = [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = [str(c) for c in cells[0]]
    assert header[:3] == ["council", "gss_code", "region"] and len(header) > 50
    assert [str(r[0]) for r in cells[1:]] == [r["council"] for r in rows]
    column = header.index("qs.assessing_needs")
    assert [str(r[column]) for r in cells[1:]] == [r["qs.assessing_needs"] for r in rows]


def test_the_sql_view_of_latest_assessments_agrees_with_each_councils_picture(library: Path) -> None:
    from lacompare.library.views import pictures

    with Library(library, create=False) as lib:
        in_sql: dict[str, set[str]] = {}
        for gss, document in lib.query("SELECT gss_code, document FROM latest_assessment"):
            in_sql.setdefault(gss, set()).add(document)
        in_python = {
            p.gss_code: {h.source for h in p.documents if h.kind == "cqc_assessment"}
            for p in pictures(lib)
            if any(h.kind == "cqc_assessment" for h in p.documents)
        }
    assert len(in_sql) >= 20 and in_sql == in_python


def test_diff_of_two_real_councils_at_80_columns_has_one_line_per_row_and_clean_labels(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["diff", "barnet", "camden", "--db", str(library)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    tidy = run(library, "diff", "barnet", "camden")
    measures = {r["metric_id"] for r in tidy}
    body = lines[3 : lines.index(next(line for line in lines if line.startswith("✓")))]
    assert len(body) <= len(measures)  # one line per measure (same-figure repeats share one)
    for row in tidy:  # labels are noun phrases, never a clause with its number cut out
        label = row["metric"]
        assert label[:1].isupper() or not label[:1].isalpha(), label
        assert label.split()[0].casefold() not in ("which", "indicating", "while", "and", "that", "of"), label
