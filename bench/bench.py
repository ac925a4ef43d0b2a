"""lacompare's benchmark: one run prints every figure of the performance section.

    python bench/bench.py [--runs 5] [--out bench/RESULTS.md]

Every figure is the median of ``--runs`` whole-process runs (min and max shown). Run it by hand
on a quiet machine; it is not a test. Needs ``pdftotext`` (poppler-utils) for item 1's reference.

Every command runs from byte-code, as an installed package does (``PYTHONDONTWRITEBYTECODE`` is
dropped). "Cold" is a document never read before (``--no-cache``) by an installed lacompare:
its compiled patterns are in the cache folder after the first run, as Python's byte-code is;
the first run of all (no pattern store, ``LACOMPARE_CACHE=off``) is timed on its own row.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CQC_PDF = FIXTURES / "barnet_cqc_chromium.pdf"  # 43 pages
TABLES_PDF = FIXTURES / "barnet_perf_q2_2016_tables_chromium.pdf"  # 28 pages
BATCH_SOURCES = sorted(FIXTURES.glob("*.pdf"))
CQC_REPORTS = [CQC_PDF, FIXTURES / "barnet_cqc_libreoffice.pdf", FIXTURES / "camden_cqc_chromium.pdf"]
BATCH_SIZE = 60
CORPUS_PAGES = 6_500  # about 153 councils' reports
PY = sys.executable

NAIVE_TEXT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
NAIVE_TABLES = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        page.extract_text()
        page.close()
"""
PDFIUM_TEXT = """
import sys, pypdfium2
pdf = pypdfium2.PdfDocument(sys.argv[1])
for i in range(len(pdf)):
    page = pdf[i]
    text = page.get_textpage()
    text.get_text_range()
    text.close()
    page.close()
"""
HELLO_APP = """
import typer
app = typer.Typer()
def _version(value: bool) -> None:
    if value:
        print("hello 1.0")
        raise typer.Exit()
@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True)) -> None:
    pass
@app.command()
def hello(name: str) -> None:
    print(f"Hello {name}")
app()
"""
SPIN = """
import multiprocessing, sys
def spin(_):
    return sum(range(8_000_000))
if __name__ == "__main__":
    with multiprocessing.get_context("fork").Pool(int(sys.argv[1])) as pool:
        pool.map(spin, range(int(sys.argv[1])))
"""
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass
class Timing:
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def cell(self, scale: float = 1000.0, unit: str = "ms") -> str:
        return f"{self.median * scale:,.0f} {unit} ({min(self.runs) * scale:,.0f}–{max(self.runs) * scale:,.0f})"


def timed(command: Sequence[str | Path], runs: int, env: dict[str, str] | None = None) -> Timing:
    argv = [str(c) for c in command]
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)  # warm-up
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        results.append(time.perf_counter() - start)
    return Timing(results)


Command = tuple[Sequence[str | Path], dict[str, str] | None]


def interleaved(commands: dict[str, Command], runs: int) -> dict[str, Timing]:
    """Time several commands round-robin, so drift in the machine's speed hits them alike."""
    argvs = {name: ([str(c) for c in argv], env) for name, (argv, env) in commands.items()}
    for argv, env in argvs.values():  # warm-up
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    results: dict[str, list[float]] = {name: [] for name in argvs}
    for _ in range(runs):
        for name, (argv, env) in argvs.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
            results[name].append(time.perf_counter() - start)
    return {name: Timing(times) for name, times in results.items()}


def lacompare() -> list[str]:
    script = Path(PY).with_name("lacompare")
    return [str(script)] if script.exists() else [PY, "-m", "lacompare"]


def python_script(code: str, workdir: Path, name: str) -> list[str]:
    path = workdir / f"{name}.py"
    path.write_text(code)
    return [PY, str(path)]


@dataclass
class Row:
    item: str
    measured: str
    against: str
    ratio: str
    target: str
    holds: bool | None

    def markdown(self) -> str:
        verdict = "n/a" if self.holds is None else ("yes" if self.holds else "**no**")
        return f"| {self.item} | {self.measured} | {self.against} | {self.ratio} | {self.target} | {verdict} |"


def page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_batch(workdir: Path, sources: Sequence[Path] = BATCH_SOURCES) -> list[Path]:
    """60 byte-distinct PDFs: fixture copies, each with its own trailing comment."""
    out = []
    for index in range(BATCH_SIZE):
        source = sources[index % len(sources)]
        target = workdir / f"batch_{index:02d}_{source.name}"
        target.write_bytes(source.read_bytes() + f"\n% batch copy {index}\n".encode())
        out.append(target)
    return out


def peak_rss_mb(command: Sequence[str], runs: int, env: dict[str, str] | None = None) -> Timing:
    """Largest resident set of the command's process tree (the worker parses), in MB."""
    values = []
    for _ in range(runs):
        done = subprocess.run([PY, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True, env=env)
        values.append(int(done.stdout.strip()) / 1024)
    return Timing(values)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = f"; load average {os.getloadavg()[0]:.1f} at the start" if hasattr(os, "getloadavg") else ""
    system = f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    return f"{cpu}, {cores} CPUs{memory}; {system}{load}"


def run_all(runs: int) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []
    lac = lacompare()
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    first = {**base, "LACOMPARE_CACHE": "off"}  # no cache folder at all: every pattern compiled
    with tempfile.TemporaryDirectory(prefix="lacompare-bench-") as tmp:
        work = Path(tmp)
        warm = {**base, "LACOMPARE_CACHE": str(work / "cache")}
        cold = {**base, "LACOMPARE_CACHE": str(work / "installed")}  # used with --no-cache
        say = _progress

        say("1. CQC PDF, whole process")
        pdftotext = shutil.which("pdftotext")
        hello = python_script(HELLO_APP, work, "hello")
        commands: dict[str, Command] = {
            "ours": ([*lac, "extract", "--no-cache", "--format", "csv", CQC_PDF], cold),
            "first": ([*lac, "extract", "--format", "csv", CQC_PDF], first),
            "naive": ([*python_script(NAIVE_TEXT, work, "naive_text"), CQC_PDF], base),
            "pdfium": ([*python_script(PDFIUM_TEXT, work, "pdfium_text"), CQC_PDF], base),
            "hello_cmd": ([*hello, "hello", "world"], base),
        }
        if pdftotext:
            commands["pdftotext"] = ([pdftotext, CQC_PDF, os.devnull], base)
        item1 = interleaved(commands, runs)
        ours, naive, pdfium, hello_cmd = item1["ours"], item1["naive"], item1["pdfium"], item1["hello_cmd"]
        pages = page_count(CQC_PDF)
        floor_sum = hello_cmd.median + pdfium.median - _python_startup(runs)
        rows.append(
            Row(
                f"1. extract, CQC PDF ({pages} p)",
                ours.cell(),
                f"floor (typer command + PDFium text) {floor_sum * 1000:,.0f} ms",
                f"{ours.median / floor_sum:.2f}×",
                "≤ 1.15× the floor",
                ours.median <= 1.15 * floor_sum,
            )
        )
        speedup = naive.median / ours.median
        rows.append(
            Row(
                f"1. extract, CQC PDF ({pages} p)",
                ours.cell(),
                f"naive pdfplumber {naive.cell()}",
                f"{speedup:.1f}× faster",
                "≥ 20× faster",
                speedup >= 20,
            )
        )
        reference = item1.get("pdftotext")
        rows.append(
            Row(
                "1. floor: typer command + PDFium text",
                f"{floor_sum * 1000:,.0f} ms",
                f"typer hello cmd {hello_cmd.cell()}; PDFium text script {pdfium.cell()}",
                f"{floor_sum / reference.median:.1f}× pdftotext {reference.cell()}" if reference else "",
                "(reference)",
                None,
            )
        )
        if reference is None:
            notes.append("pdftotext not installed: the floor is not set against it (apt-get install poppler-utils)")
        rows.append(
            Row(
                "1. first run of all (no pattern store)",
                item1["first"].cell(),
                f"cold with the store {ours.cell()}",
                f"{(item1['first'].median - ours.median) * 1000:+,.0f} ms",
                "(reference)",
                None,
            )
        )

        say("2. table report")
        tables_pages = page_count(TABLES_PDF)
        item2 = interleaved(
            {
                "ours": ([*lac, "extract", "--no-cache", "--format", "csv", TABLES_PDF], cold),
                "naive": ([*python_script(NAIVE_TABLES, work, "naive_tables"), TABLES_PDF], base),
            },
            runs,
        )
        ours_tables, naive_tables = item2["ours"], item2["naive"]
        ratio = ours_tables.median / naive_tables.median
        rows.append(
            Row(
                f"2. extract, table report ({tables_pages} p)",
                ours_tables.cell(),
                f"pdfplumber tables+text {naive_tables.cell()}",
                f"{ratio:.2f}×",
                "≤ 0.45×",
                ratio <= 0.45,
            )
        )

        say("3. cache hit")
        timed([*lac, "extract", "--format", "csv", CQC_PDF], 1, warm)  # fills the cache
        item34 = interleaved(
            {
                "hit": ([*lac, "extract", "--format", "csv", CQC_PDF], warm),
                "version": ([*lac, "--version"], base),
                "hello_version": ([*hello, "--version"], base),
            },
            runs,
        )
        hit, version, hello_version = item34["hit"], item34["version"], item34["hello_version"]
        extra = hit.median - version.median
        rows.append(
            Row(
                "3. extract, cache hit",
                hit.cell(),
                f"--version {version.cell()}",
                f"{extra * 1000:+.0f} ms",
                "≤ +20 ms",
                extra <= 0.020,
            )
        )
        extra_floor = hello_cmd.median - hello_version.median
        notes.append(
            f"Typer's own cost of running a command with one argument: "
            f"bare typer `hello world` {hello_cmd.cell()} vs `hello --version` {hello_version.cell()}, "
            f"{extra_floor * 1000:+.0f} ms; that is the floor for item 3's difference."
        )

        say("4. start-up")
        ratio = version.median / hello_version.median
        rows.append(
            Row(
                "4. --version",
                version.cell(),
                f"bare typer app --version {hello_version.cell()}",
                f"{ratio:.2f}×",
                "≤ 1.3×",
                ratio <= 1.3,
            )
        )

        say("5. batch")
        for label, sources in (("fixture mix", BATCH_SOURCES), ("CQC reports", CQC_REPORTS)):
            folder = work / label.replace(" ", "_")
            folder.mkdir()
            batch = make_batch(folder, sources)
            batch_pages = sum(page_count(p) for p in batch)
            times = interleaved(
                {
                    "one": ([*lac, "extract", "--no-cache", "--format", "csv", "-j", "1", *batch], cold),
                    "two": ([*lac, "extract", "--no-cache", "--format", "csv", "-j", "2", *batch], cold),
                },
                runs,
            )
            one, two = times["one"], times["two"]
            speedup = one.median / two.median
            rate = batch_pages / two.median
            rows.append(
                Row(
                    f"5. batch, {BATCH_SIZE} PDFs ({label}, {batch_pages} p), -j 2",
                    two.cell(1, "s"),
                    f"-j 1 {one.cell(1, 's')}",
                    f"{speedup:.2f}× speed-up",
                    "≥ 1.8×",
                    speedup >= 1.8,
                )
            )
            corpus = CORPUS_PAGES / rate
            rows.append(
                Row(
                    f"5. corpus estimate ({label}), cold, -j 2",
                    f"{corpus:.0f} s for {CORPUS_PAGES:,} p",
                    f"{rate:.0f} pages/s (-j 2), {batch_pages / one.median:.0f} pages/s (-j 1)",
                    "",
                    "≤ 60 s",
                    corpus <= 60,
                )
            )
        notes.append(
            "Item 5: -j N is a budget of N cores (-j 1 parses on one); at the end of a -j 2 batch the last "
            "long document shares its pages with the core the other worker left. The fixture mix has a "
            "28-page table report (pdfplumber, ~1.3 s of CPU) in every fifth file, while the corpus of "
            "153 councils is CQC reports."
        )

        spin = python_script(SPIN, work, "spin")
        free = timed([*spin, "1"], runs, base).median * 2 / timed([*spin, "2"], runs, base).median
        notes.append(
            f"Parallel capacity while item 5 ran: two busy processes went {free:.2f}× as fast as one "
            "(2.0 on two idle cores); item 5's speed-up cannot exceed it."
        )

        say("6. peak RSS")
        for path, label in ((CQC_PDF, f"{pages} p"), (TABLES_PDF, f"{tables_pages} p")):
            rss = peak_rss_mb([*lac, "extract", "--format", "csv", "--no-cache", str(path)], runs, cold)
            rows.append(Row(f"6. peak RSS, {label} PDF", rss.cell(1, "MB"), "", "", "≤ 120 MB", rss.median <= 120))
    return rows, notes


_startup_cache: list[float] = []


def _python_startup(runs: int) -> float:
    """A bare interpreter's start-up, counted once when two scripts' times are added."""
    if not _startup_cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        _startup_cache.append(timed([PY, "-c", "pass"], runs, env).median)
    return _startup_cache[0]


def _progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def render(rows: list[Row], notes: list[str], runs: int) -> str:
    lines = [
        f"Machine: {machine()}.",
        f"Each figure: median of {runs} whole-process runs (min–max in brackets); measured by `python bench/bench.py`.",
        "",
        "| item | lacompare | against | ratio | target | holds |",
        "| --- | --- | --- | --- | --- | --- |",
        *(row.markdown() for row in rows),
        "",
        *(f"- {note}" for note in notes),
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None, run: Callable[[int], tuple[list[Row], list[str]]] = run_all) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (≥ 5 for the README)")
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    args = parser.parse_args(argv)
    rows, notes = run(args.runs)
    text = render(rows, notes, args.runs)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
