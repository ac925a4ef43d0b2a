"""Accuracy on real documents: measured by bench/accuracy.py's scoring, held above pinned floors.

The OGL documents copied into tests/real_documents are always scored; the full development corpus
and its PDFs (``<repo>/../shared/corpus``) are scored when that folder is present. Extraction runs
in-process (``lacompare.extract``) and its reports become the CLI's own JSONL records. The floors
in tests/real_documents/floors.json are measured values rounded down: raise them as accuracy
improves, never lower them to make a change pass.
"""

from __future__ import annotations

import csv
import functools
import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real_documents"
SHARED = ROOT.parent / "shared" / "corpus"
FLOORS = json.loads((REAL / "floors.json").read_text(encoding="utf-8"))
FLOORED = ("QS", "rating", "score %", "cmp R", "cmp P", "relation", "grounded", "aligned", "waits R", "ind R")
# set -> (corpus folder, documents, gold, extension lacompare reads, families)
SETS = {
    "real_documents": (REAL, "text", "gold", ".txt", ("cqc", "council")),
    "corpus": (SHARED, "text", "gold", ".txt", ("cqc", "council")),
    "pdf": (SHARED, "pdf", "pdf", ".pdf", ("all",)),
}
SUBSET = ("Hertfordshire2", "hartlepool-0525-theme1-needs", "wokingham-foi-care-waiting-times-2023")


def bench() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("accuracy")


@functools.cache
def predicted(name: str) -> tuple[Any, dict[str, list[dict]]]:
    """The set's corpus and its predictions (extracted once per test session)."""
    folder, raw, truth, ext, _ = SETS[name]
    corpus = bench().load_corpus(folder / raw, truth_dir=folder / truth, input_ext=ext)
    preds, _ = bench().predict_in_process(corpus)
    return corpus, preds


def scored(name: str, family: str) -> Any:
    corpus, preds = predicted(name)
    if family != "all":
        folder = SETS[name][0]
        with open(folder / "index.csv", encoding="utf-8", newline="") as f:
            corpus = corpus.subset(r["stem"] for r in csv.DictReader(f) if r["family"] == family)
    return bench().score(corpus, preds)


def check_floors(result: Any, floors: dict[str, float], where: str) -> None:
    """Fail with every measure that fell below its floor, and the misses behind each."""
    acc = bench()
    fell = [k for k in FLOORED if acc.floor2(result.ratio(k)) < floors[k] - 1e-9]
    if not fell:
        return
    lines = []
    for k in fell:
        hit, total = result.tally[k]
        lines.append(f"{where}: {k} fell to {acc.floor2(result.ratio(k)):.2f} ({hit}/{total}), floor {floors[k]:.2f}")
    lines.append(acc.summary_line(result, where))
    for k in fell:
        behind = result.misses_of(k) or result.misses + result.info_misses
        lines += [f"misses behind {k} ({len(behind)}):"] + [f"  {m}" for m in behind]
    pytest.fail("\n".join(lines), pytrace=False)


def needs_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the development corpus is not here ({SHARED}); only tests/real_documents is scored")


def test_the_floors_cover_every_set_family_and_measure() -> None:
    for name, (*_, families) in SETS.items():
        assert sorted(FLOORS[name]) == sorted(families), name
        for family in families:
            assert sorted(FLOORS[name][family]) == sorted(FLOORED), (name, family)
            assert all(0.0 <= v <= 1.0 for v in FLOORS[name][family].values()), (name, family)


@pytest.mark.parametrize("family", SETS["real_documents"][4])
def test_the_ogl_documents_hold_their_floors(family: str) -> None:
    check_floors(scored("real_documents", family), FLOORS["real_documents"][family], f"real_documents {family}")


@pytest.mark.parametrize("family", SETS["corpus"][4])
def test_the_development_corpus_holds_its_floors(family: str) -> None:
    needs_shared()
    check_floors(scored("corpus", family), FLOORS["corpus"][family], f"corpus {family}")


def test_the_pdfs_hold_their_floors() -> None:
    needs_shared()
    check_floors(scored("pdf", "all"), FLOORS["pdf"]["all"], "pdf")


def test_the_gold_scored_against_itself_is_perfect() -> None:
    acc = bench()
    corpus = acc.load_corpus(REAL / "text", REAL / "gold")
    result = acc.score(corpus, {s: acc.gold_records(s, g) for s, g in corpus.gold.items()})
    for key in acc.MEASURES:
        if key != "verbatim" and result.tally[key][1]:  # the made-up quotes are not the text's
            assert result.ratio(key) == 1.0, (key, result.misses_of(key))
    assert not result.misses


def test_a_finance_value_in_thousands_or_millions_matches_its_gold_amount() -> None:
    acc = bench()
    gold = {"x": {"finance": [{"field": "a", "value": 4767000}, {"field": "b", "value": 212800000}]}}
    corpus = acc.Corpus(["x"], gold, {"x": ""}, {"x": Path("x.txt")})
    preds = {
        "x": [
            {"fact": "finance", "value": 4767, "unit": "£000", "quote": "4,767"},
            {"fact": "finance", "value": 212.8, "unit": "£m", "quote": "£212.8m"},
        ]
    }
    assert acc.score(corpus, preds).tally["fin R"] == [2, 2]
    assert acc.score(corpus, {"x": preds["x"][:1]}).tally["fin R"] == [1, 2]


def make_subset(folder: Path) -> Path:
    """A three-document corpus in the layout of tests/real_documents."""
    for sub in ("text", "gold"):
        (folder / sub).mkdir(parents=True)
    for stem in SUBSET:
        shutil.copyfile(REAL / "text" / f"{stem}.txt", folder / "text" / f"{stem}.txt")
        shutil.copyfile(REAL / "gold" / f"{stem}.json", folder / "gold" / f"{stem}.json")
    with open(REAL / "index.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    (folder / "index.csv").write_text(
        "\n".join(",".join(r) for r in rows if r[0] == "stem" or r[0] in SUBSET) + "\n", encoding="utf-8"
    )
    return folder


def test_the_benchmark_prints_the_table_and_the_summary_line(tmp_path: Path) -> None:
    acc = bench()
    if not (Path(sys.executable).parent / "lacompare").exists() and shutil.which("lacompare") is None:
        pytest.skip("no lacompare command installed")
    folder = make_subset(tmp_path / "corpus")
    p = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "accuracy.py"), "--corpus", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode in (0, 1), p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("corpus on 3 files (3 with facts gold; predictions: one batch call with -j 2"), p.stdout
    assert re.fullmatch(r"measure\s+hit\s+of\s+score\s+goal\s+ok", lines[1])
    for name in acc.MEASURES.values():
        assert any(re.match(re.escape(name) + r"\s+\d+\s+\d+\s+\d\.\d\d", line) for line in lines), name
    summary = r"corpus: QS \S+ rating \S+ cmp R \S+ P \S+ waits R \S+ grounded \S+( ind R \S+)?( rel \S+)?"
    assert re.fullmatch(summary, lines[-1]), lines[-1]
    # the CLI's records score as the library's do
    corpus = acc.load_corpus(folder / "text", folder / "gold")
    assert lines[-1] == acc.summary_line(acc.score(corpus, acc.predict_in_process(corpus)[0]))


def test_the_benchmark_prints_its_measures_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_subset(tmp_path / "corpus")
    assert bench().main(["--corpus", str(folder), "--selftest", "--json", "--family", "cqc"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 2 and out["ok"] is True
    assert out["measures"]["QS"] == {
        "name": "QS scores",
        "hit": 10,
        "of": 10,
        "score": 1.0,
        "ratio": 1.0,
        "goal": 1.0,
        "ok": True,
    }
    assert out["summary"].startswith("corpus: QS 1.00 rating 1.00 ")


@pytest.mark.parametrize("name", ["real_documents", "corpus"])
def test_no_council_paper_gives_a_cqc_rating_or_score(name: str) -> None:
    """A council's own papers state no CQC result: a rating or score read from one is wrong."""
    folder = SETS[name][0]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    with open(folder / "index.csv", encoding="utf-8", newline="") as f:
        council = {r["stem"] for r in csv.DictReader(f) if r["family"] == "council"}
    _, preds = predicted(name)
    read = [(s, r["fact"], r["value"]) for s in sorted(council) for r in preds.get(s, [])]
    assert [x for x in read if x[1] in ("rating", "score")] == []
