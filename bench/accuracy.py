"""lacompare's accuracy on real documents: extract a folder of documents, score the facts against gold.

    python bench/accuracy.py --family cqc                  # CQC pages of ../shared/corpus
    python bench/accuracy.py --family council              # councils' own papers
    python bench/accuracy.py --input-ext .pdf --raw-dir pdf --truth-dir pdf   # the multi-page PDFs
    python bench/accuracy.py --corpus tests/real_documents --json

A corpus folder holds ``text/<stem>.txt`` (the document), ``gold/<stem>.json`` (what a perfect
extractor finds in it) and ``index.csv`` (stem, council, kind, family, licence, url); or, in the
PDF layout, ``pdf/<stem>.pdf`` with its gold ``pdf/<stem>.json`` and its text ``pdf/<stem>.txt``.
``--raw-dir`` and ``--truth-dir`` are taken relative to ``--corpus``. A truth folder may also hold
its gold in ``facts/<stem>.json`` and QS scores for files without gold in ``scores.csv``.

lacompare runs once for the whole batch, ``lacompare extract FILES --format jsonl -j 2``, with a
throw-away HOME, LACOMPARE_DB and LACOMPARE_CACHE; its records are split by their ``document``
field. If a record names no input file, or the batch crashes, it runs once per file instead.
``--in-process`` extracts through the library API (``lacompare.extract``) and renders the same
JSONL records the CLI prints. The scoring functions take parsed records, so tests call them too.

Measures (counted per file, then pooled over the files; the matching rules are in accuracy_rules.py):

  QS        quality-statement scores: right / (gold scores + statements scored that the gold lacks).
            A statement is right when the file's score facts give it exactly the gold score.
  rating    overall rating word: right / (files whose gold has a rating + files given a rating the gold
            lacks). Right means the file's rating words are exactly the gold word.
  score %   (info) files whose gold has an overall score % whose numeric rating values are exactly it.
  cmp R     comparison recall: gold (value, comparator_value) pairs found among the predicted
            comparisons' pairs, matched as multisets. Only gold comparisons stating both numbers count.
  cmp P     comparison precision: the same matches over the predicted comparisons of files with gold
            (a file whose gold has no comparison makes every predicted comparison a false positive).
  waits R   gold wait figures (people, median, maximum and average days) found among the values of the
            file's predicted wait facts (multiset).
  wait P    (info) the same matches over the predicted wait values.
  grounded  predicted facts whose quote holds each number of their value and comparator_value.
  verbatim  (info) predicted facts whose quote, whitespace aside, is a substring of the file's text.
  relation  (info) of the gold pairs found, those where a predicted fact of that pair carries the gold's
            relation (comparable, in line and same count as similar).
  aligned   (info) national measures quoted by two or more files (gold comparisons against the same
            England or national value): of those whose facts were all found, the share whose facts
            carry one metric_id.
  ind R     indicator-row results found among the values of the file's predicted indicator facts.
  fin R     (info) gold finance values found among the file's predicted finance values, read leniently
            (unsigned; a value in "£000" or "£m" is scaled; multiset).

A share with nothing to count is 1 for a recall with nothing to find, 1 for a precision only when
there was nothing to find either, else 0. Printed shares are rounded down to two decimals.
Goals (exit 0 only when all hold): QS 1.00, rating 1.00, cmp R 0.98 and P 0.99, waits R 0.95,
grounded 1.00; a goal whose measure counts nothing in the set neither holds nor fails.
The last line printed is the summary: ``corpus: QS … rating … cmp R … P … waits R … grounded …``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lacompare.model import Report

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from accuracy_rules import parse_records  # noqa: E402
from accuracy_scoring import (  # noqa: E402
    GOALS,
    MEASURES,
    WAIT_FIELDS,
    Corpus,
    Scored,
    as_json,
    floor2,
    numeric_comparisons,
    render,
    score,
    summary_line,
)

__all__ = [
    "GOALS",
    "MEASURES",
    "Corpus",
    "Scored",
    "floor2",
    "gold_records",
    "load_corpus",
    "main",
    "predict_cli",
    "predict_in_process",
    "score",
    "summary_line",
]

ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
Records = dict[str, list[dict]]
Log = Callable[[str], None]


# --------------------------------------------------------------------------- the corpus
def load_corpus(
    raw_dir: str | os.PathLike[str],
    truth_dir: str | os.PathLike[str],
    *,
    input_ext: str = ".txt",
    family: str | None = None,
    index: str | os.PathLike[str] | None = None,
) -> Corpus:
    """Every ``<stem>.txt`` of raw_dir with its gold; with ``family``, only that family's stems of
    ``index`` (default: index.csv beside raw_dir)."""
    raw, truth = Path(raw_dir), Path(truth_dir)
    stems = sorted(p.name[:-4] for p in raw.iterdir() if p.name.endswith(".txt"))
    gold_dir = truth / "facts" if (truth / "facts").is_dir() else truth
    gold = {}
    for s in stems:
        path = gold_dir / f"{s}.json"
        if path.exists():
            gold[s] = json.loads(path.read_text(encoding="utf-8"))
    rows: list[dict] = []
    if (truth / "scores.csv").exists():
        with open(truth / "scores.csv", encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if (r.get("in_dev_set") or "").strip().lower() != "yes"]
    texts = {s: (raw / f"{s}.txt").read_text(encoding="utf-8", errors="replace") for s in stems}
    inputs = {s: raw / f"{s}{input_ext}" for s in stems}
    corpus = Corpus(stems, gold, texts, inputs, rows)
    if family:
        with open(index or raw.resolve().parent / "index.csv", encoding="utf-8", newline="") as f:
            corpus = corpus.subset(r["stem"] for r in csv.DictReader(f) if r["family"] == family)
    return corpus


# --------------------------------------------------------------------------- predictions
def default_lacompare() -> str:
    """The ``lacompare`` beside the running Python (its venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "lacompare"
    if beside.exists():
        return shlex.quote(str(beside))
    return shutil.which("lacompare") or "lacompare"


def _stem_of(document: object, stems: set[str]) -> str | None:
    base = os.path.basename(str(document or "").strip())
    return next((c for c in (base, base.rsplit(".", 1)[0]) if c in stems), None)


def predict_cli(
    corpus: Corpus, cmd: str, *, jobs: int = 2, budget: float = 300.0, log: Log = lambda m: None
) -> tuple[Records, str]:
    """Run the CLI on every input: one batch call, else one call per file. Returns (records by stem, how)."""
    base = shlex.split(cmd)
    stems = corpus.stems
    files = [str(corpus.inputs[s]) for s in stems]
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lacompare-accuracy-") as tmp:
        env = dict(os.environ, HOME=tmp, LACOMPARE_DB=os.path.join(tmp, "library.db"))
        env.update(LACOMPARE_CACHE=os.path.join(tmp, "cache"), NO_COLOR="1")

        def run(args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
            return subprocess.run(
                base + ["extract", *args, "--format", "jsonl"],
                capture_output=True,
                stdin=subprocess.DEVNULL,
                timeout=timeout,
                env=env,
            )

        try:
            p = run([*files, "-j", str(jobs)], max(5.0, budget * 0.6))
        except subprocess.TimeoutExpired:
            log(f"batch call: no answer in {budget * 0.6:.0f} s; one call per file")
        except OSError as e:
            log(f"cannot run {cmd!r}: {e}")
            return {s: [] for s in stems}, "none (the CLI cannot run)"
        else:
            recs, _ = parse_records(p.stdout.decode("utf-8", "replace"))
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode in (0, 1) and recs and "Traceback (most recent call last)" not in err:
                out: Records = {s: [] for s in stems}
                unmapped = 0
                for r in recs:
                    s = _stem_of(r.get("document"), set(stems))
                    if s is None:
                        unmapped += 1
                    else:
                        out[s].append(r)
                if not unmapped:
                    return out, f"one batch call with -j {jobs}"
                log(f"batch call: {unmapped} records name no input file; one call per file")
            else:
                log(f"batch call: exit {p.returncode}, {len(recs)} records; one call per file")

        def one(s: str) -> tuple[str, list[dict] | None]:
            left = budget - (time.monotonic() - start)
            if left <= 0:
                return s, None
            try:
                p = run([str(corpus.inputs[s])], min(20.0, max(1.0, left)))
            except (subprocess.TimeoutExpired, OSError):
                return s, []
            return s, parse_records(p.stdout.decode("utf-8", "replace"))[0]

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            got = dict(pool.map(one, stems))
    skipped = [s for s, v in got.items() if v is None]
    if skipped:
        log(f"time budget spent: {len(skipped)} files not run (count as no facts)")
    return {s: v or [] for s, v in got.items()}, "one call per file"


def jsonl_records(reports: Iterable[Report]) -> list[dict]:
    """The records ``lacompare extract --format jsonl`` prints for these reports (the CLI's own rendering)."""
    import io

    from lacompare.render import Format, write_rows
    from lacompare.render.rows import rows_for

    out = io.StringIO()
    write_rows(rows_for(reports), Format.jsonl, out)
    return parse_records(out.getvalue())[0]


def predict_in_process(corpus: Corpus, *, log: Log = lambda m: None) -> tuple[Records, str]:
    """Extract every input through the library API; a file that cannot be read has no facts."""
    from lacompare import LacompareError, extract

    start = time.monotonic()
    preds: Records = {}
    for s in corpus.stems:
        try:
            preds[s] = jsonl_records([extract(corpus.inputs[s])])
        except LacompareError as e:
            log(f"{corpus.inputs[s]}: {e}")
            preds[s] = []
    return preds, f"in-process, {time.monotonic() - start:.1f} s"


def gold_records(stem: str, g: dict) -> list[dict]:
    """The records a perfect extractor would print for this gold (``--selftest`` scores them: all 1.00)."""
    doc = f"{stem}.txt"
    recs: list[dict] = []

    def add(**kw: object) -> None:
        recs.append({"document": doc, "local_authority": g.get("local_authority"), **kw})

    if g.get("rating"):
        add(fact="rating", metric_id="rating.overall", value=g["rating"], quote=f"rated {g['rating']}")
    if g.get("score_pct") is not None:
        add(fact="rating", metric_id="rating.score_pct", value=g["score_pct"], quote=f"Score: {g['score_pct']}")
    for q, n in (g.get("scores") or {}).items():
        add(fact="score", metric_id=f"qs.{q}", metric=q.replace("_", " "), value=n, quote=f"Score: {n}")
    for c in numeric_comparisons(g):
        add(
            fact="comparison",
            metric_id="cmp.x",
            metric=c.get("metric"),
            value=c.get("value"),
            unit=c.get("unit"),
            comparator=c.get("comparator"),
            comparator_value=c.get("comparator_value"),
            relation=c.get("relation"),
            quote=c.get("quote"),
        )
    for w in g.get("waits") or []:
        service = re.sub(r"\W+", "_", str(w.get("service") or "other").lower()).strip("_")
        for k in WAIT_FIELDS:
            if w.get(k) is not None:
                add(fact="wait", metric_id=f"wait.{service}.{k}", value=w[k], quote=w.get("quote"))
    for f in g.get("finance") or []:
        add(fact="finance", metric_id=f"finance.{f.get('field')}", value=f.get("value"), quote=f.get("quote"))
    for i in g.get("indicators") or []:
        if i.get("result") is not None:
            ref = i.get("ref") or "x"
            add(fact="indicator", metric_id=f"indicator.{ref}.result", value=i["result"], quote=i.get("quote"))
    return recs


# --------------------------------------------------------------------------- command line
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder (default: ../shared/corpus)")
    ap.add_argument("--raw-dir", default="text", help="documents, relative to --corpus (default text)")
    ap.add_argument("--truth-dir", default="gold", help="gold, relative to --corpus (default gold)")
    ap.add_argument("--input-ext", default=".txt", help="extract DIR/<stem>EXT (e.g. .pdf); texts stay .txt")
    ap.add_argument("--family", choices=("cqc", "council"), help="only this family of index.csv")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--lacompare", metavar="CMD", help="the lacompare command (default: the one beside python)")
    src.add_argument("--in-process", action="store_true", help="extract through the library API, not the CLI")
    src.add_argument("--pred-dir", help="score saved predictions, DIR/<stem>.jsonl")
    src.add_argument("--selftest", action="store_true", help="score records made from the gold (all 1.00)")
    ap.add_argument("--save-pred", metavar="DIR", help="write the predictions, DIR/<stem>.jsonl")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--budget", type=float, default=300.0, help="seconds for running the CLI in all (default 300)")
    ap.add_argument("--show", type=int, default=40, help="how many misses to list (default 40)")
    ap.add_argument("--label", default="corpus")
    ap.add_argument("--json", action="store_true", help="print the measures as JSON")
    a = ap.parse_args(argv)

    def log(message: str) -> None:
        print(f"[{a.label}] {message}", file=sys.stderr, flush=True)

    base = Path(a.corpus)
    raw, truth = base / a.raw_dir, base / a.truth_dir
    if not raw.is_dir():
        ap.error(f"no documents folder {raw} (pass --corpus DIR)")
    corpus = load_corpus(raw, truth, input_ext=a.input_ext, family=a.family, index=base / "index.csv")
    if not corpus.stems:
        ap.error(f"no documents to score in {raw}" + (f" of family {a.family}" if a.family else ""))
    if a.pred_dir:
        preds = {s: _read_pred(Path(a.pred_dir), s) for s in corpus.stems}
        how = f"files in {a.pred_dir}"
    elif a.selftest:
        preds = {s: gold_records(s, corpus.gold[s]) if s in corpus.gold else [] for s in corpus.stems}
        how = "made from the gold (selftest)"
    elif a.in_process:
        preds, how = predict_in_process(corpus, log=log)
    else:
        t0 = time.monotonic()
        preds, how = predict_cli(corpus, a.lacompare or default_lacompare(), jobs=a.jobs, budget=a.budget, log=log)
        how += f", {time.monotonic() - t0:.1f} s"
    if a.save_pred:
        os.makedirs(a.save_pred, exist_ok=True)
        for s, recs in preds.items():
            with open(os.path.join(a.save_pred, f"{s}.jsonl"), "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    scored = score(corpus, preds)
    sys.stderr.flush()
    if a.json:
        print(json.dumps(as_json(scored, how, a.label), ensure_ascii=False, indent=2))
    else:
        print(render(scored, how, a.label, a.show), flush=True)
    return 0 if scored.ok() else 1


def _read_pred(folder: Path, stem: str) -> list[dict]:
    for name in (f"{stem}.jsonl", f"{stem}.txt.jsonl", f"{stem}.json"):
        if (folder / name).exists():
            return parse_records((folder / name).read_text(encoding="utf-8", errors="replace"))[0]
    return []


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `… | head` ends quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
