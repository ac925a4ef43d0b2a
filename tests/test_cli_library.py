"""The library commands as a user meets them: add, list, show, remove, diff, rank, metrics."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app

from .conftest import BARNET_MD, CAMDEN_TXT

runner = CliRunner()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library holding the Barnet and Camden assessments."""
    db = tmp_path / "library.sqlite3"
    result = runner.invoke(app, ["add", "--db", str(db), str(BARNET_MD), str(CAMDEN_TXT)])
    assert result.exit_code == 0, result.output
    return db


def invoke(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_add_says_what_it_stored(tmp_path: Path) -> None:
    code, _, stderr = invoke(tmp_path / "lib.db", "add", str(BARNET_MD))
    assert code == 0
    assert "Barnet, cqc_assessment, published 2025-01-10: added" in stderr


def test_re_adding_a_file_is_a_no_op_that_says_so(library: Path) -> None:
    code, _, stderr = invoke(library, "add", str(BARNET_MD))
    assert code == 0
    assert "already in the library" in stderr and "nothing to do" in stderr
    _, listing, _ = invoke(library, "list", "--format", "csv")
    assert [r["council"] for r in csv_rows(listing)] == ["Barnet", "Camden"]


def test_diff_barnet_camden_ratings_scores_and_shared_measures(library: Path) -> None:
    code, out, _ = invoke(library, "diff", "barnet", "camden", "--wide", "--format", "csv")
    assert code == 0
    rows = {r["metric_id"]: r for r in csv_rows(out)}
    assert (rows["rating.overall"]["Barnet"], rows["rating.overall"]["Camden"]) == ("Good", "Outstanding")
    assert rows["rating.overall"]["better"] == "Camden"
    scores = [(r["Barnet"], r["Camden"]) for r in rows.values() if r["fact"] == "score"]
    assert scores == [("2", "3"), ("2", "3"), ("2", "4"), ("3", "3"), ("3", "4"), ("2", "4"), ("3", "3"), ("3", "4"),
                      ("3", "4")]  # fmt: skip
    carers_info = rows["sace.carers_easy_find_information"]
    assert (carers_info["Barnet"], carers_info["Camden"], carers_info["benchmark_value"]) == ("51.46", "53.33", "59.06")


def test_diff_tidy_csv_is_one_row_per_council_and_measure(library: Path) -> None:
    code, out, _ = invoke(library, "diff", "Barnet", "Camden", "--only", "shared", "--fact", "comparison")
    assert code == 0
    rows = csv_rows(out)
    assert len(rows) == 2 * 18
    vacancy = [(r["council"], r["value"], r["better"]) for r in rows if r["metric_id"] == "sfc.vacancy_rate"]
    assert vacancy == [("Barnet", "6.4", "true"), ("Camden", "16.78", "false")]


def test_diff_plain_table_marks_the_better_value_without_colour(library: Path) -> None:
    code, out, _ = invoke(library, "diff", "barnet", "camden", "--plain", "--fact", "rating")
    assert code == 0
    assert "Outstanding ✓" in out and "Good ✓" not in out


def test_diff_of_a_council_not_in_the_library_says_how_to_add_it(library: Path) -> None:
    code, out, stderr = invoke(library, "diff", "barnet", "hull")
    assert code == 1 and out == ""
    assert stderr.startswith("Error: hull: Kingston upon Hull is not in the library")
    assert "lacompare add" in stderr


def test_diff_accepts_a_file_next_to_a_council(library: Path) -> None:
    code, out, _ = invoke(library, "diff", "barnet", str(CAMDEN_TXT), "--fact", "rating", "--wide")
    assert code == 0
    assert csv_rows(out)[0]["Camden"] == "Outstanding"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("barnet", "Barnet"),
        ("Camden", "Camden"),
        ("kensington", "Kensington and Chelsea"),
        ("windsor and maidenhead", "Windsor and Maidenhead"),
        ("hull", "Kingston upon Hull"),
        ("st helens", "St. Helens"),
    ],
)
def test_council_names_resolve(library: Path, typed: str, expected: str) -> None:
    code, _, stderr = invoke(library, "diff", "barnet", typed)
    if expected in ("Barnet", "Camden"):
        assert code == 0, stderr
    else:
        assert code == 1
        assert f"{expected} is not in the library" in stderr


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Gotham", "no English council with adult social care duties is called 'Gotham'"),
        ("Camdem", "did you mean Camden?"),
        ("sussex", "could mean 2 councils: did you mean East Sussex, West Sussex?"),
    ],
)
def test_unknown_and_ambiguous_names_exit_1_with_candidates(library: Path, typed: str, message: str) -> None:
    code, out, stderr = invoke(library, "diff", "barnet", typed)
    assert code == 1 and out == ""
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_show_prints_a_councils_facts_like_extract(library: Path) -> None:
    code, out, _ = invoke(library, "show", "camden", "--format", "csv")
    assert code == 0
    rows = csv_rows(out)
    assert {r["local_authority"] for r in rows} == {"London Borough of Camden"}
    assert [r["value"] for r in rows if r["metric_id"] == "rating.overall"] == ["Outstanding"]


def test_show_as_of_before_any_report_fails(library: Path) -> None:
    code, _, stderr = invoke(library, "show", "camden", "--as-of", "2020-01-01")
    assert code == 1 and "Camden is not in the library" in stderr


def test_remove_a_council(library: Path) -> None:
    code, _, stderr = invoke(library, "remove", "camden", "--yes")
    assert code == 0 and "1 document(s) removed" in stderr
    _, listing, _ = invoke(library, "list", "--format", "csv")
    assert [r["council"] for r in csv_rows(listing)] == ["Barnet"]
    code, _, stderr = invoke(library, "remove", "camden", "--yes")
    assert code == 1 and "nothing in the library matches 'camden'" in stderr


def test_rank_orders_councils_best_first(library: Path) -> None:
    code, out, stderr = invoke(library, "rank", "vacancy", "--region", "London")
    assert code == 0
    assert [(r["rank"], r["council"], r["value"]) for r in csv_rows(out)] == [
        ("1", "Barnet", "6.4"),
        ("2", "Camden", "16.78"),
    ]
    assert "lower is better" in stderr


def test_rank_unknown_metric(library: Path) -> None:
    code, _, stderr = invoke(library, "rank", "happiness index")
    assert code == 1 and "no measure matches 'happiness index'" in stderr


def test_metrics_catalogue_lists_the_national_measures() -> None:
    result = runner.invoke(app, ["metrics", "--catalogue", "--format", "csv"])
    rows = csv_rows(result.stdout)
    assert {"metric_id", "label", "source", "polarity"} <= set(rows[0])
    assert {"metric_id": "sfc.vacancy_rate", "polarity": "lower is better"}.items() <= next(
        r for r in rows if r["metric_id"] == "sfc.vacancy_rate"
    ).items()


def test_two_concurrent_add_processes_on_one_library_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    env = {**os.environ, "LACOMPARE_DB": str(db), "LACOMPARE_CACHE": "off"}
    command = [sys.executable, "-m", "lacompare", "add", "--jobs", "1"]
    orders = [(BARNET_MD, CAMDEN_TXT), (CAMDEN_TXT, BARNET_MD)]  # both create the library, both add both files
    procs = [
        subprocess.Popen(
            [*command, *map(str, files)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for files in orders
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    listing = runner.invoke(app, ["list", "--db", str(db), "--format", "csv"])
    assert [r["council"] for r in csv_rows(listing.stdout)] == ["Barnet", "Camden"]
