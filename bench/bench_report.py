"""`lacompare report` on the bundled example and on a 153-council library: time and size.

    python bench/bench_report.py [--runs 5] [--keep DIR]

Builds the synthetic library of ``bench_library.py`` (all 153 councils) and a library of the
fixtures' PDFs (Barnet and Camden, the README's worked example), then times whole ``lacompare
report`` processes round-robin against ``lacompare table`` on the same library (the same values,
as CSV), and says where one report's time goes (reading the councils, laying out the page,
writing HTML). The targets: ≤ 2 s and ≤ 2 MB for 153 councils.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import interleaved, lacompare  # noqa: E402
from bench_library import build  # noqa: E402

from lacompare.library.store import Library  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.pdf"))
TARGET_SECONDS, TARGET_MB = 2.0, 2.0


def example(workdir: Path) -> Path:
    """The fixtures' PDFs in a library of their own."""
    db = workdir / "example.sqlite3"
    if not db.exists():
        command = [*lacompare(), "add", "--db", str(db), "-q", *map(str, FIXTURES)]
        subprocess.run(command, check=True, env={**os.environ, "LACOMPARE_CACHE": "off"})
    return db


def stages(db: Path) -> dict[str, float]:
    """One report in this process: seconds to read the sides, lay out the page and write its HTML."""
    from lacompare.report import build_page, render_page

    start = time.perf_counter()
    with Library(db, create=False) as library:
        sides = library.sides()
    read = time.perf_counter()
    page = build_page(sides)
    laid = time.perf_counter()
    render_page(page)
    done = time.perf_counter()
    return {"read the councils": read - start, "lay out the page": laid - read, "write the HTML": done - laid}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Build the libraries in DIR and keep them.")
    args = parser.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="lacompare-bench-report-"))
    workdir.mkdir(parents=True, exist_ok=True)
    big = workdir / "library.sqlite3"
    if not big.exists():
        build(big)
    small = example(workdir)
    cli = lacompare()
    pages = {"example": workdir / "example.html", "153": workdir / "153.html"}
    two = [*cli, "report", "barnet", "camden", "--db", small, "-o", pages["example"]]
    commands = {
        "report barnet camden (fixtures)": (two, None),
        "report --all (153 councils)": ([*cli, "report", "--all", "--db", big, "-o", pages["153"]], None),
        "table (153 councils, CSV)": ([*cli, "table", "--db", big, "--format", "csv"], None),
    }
    timings = interleaved(commands, args.runs)
    print(f"libraries: {workdir}; medians of {args.runs} whole-process runs, round-robin\n")
    print("| command | time | page size | target |")
    print("|---|---:|---:|---|")
    for name, timing in timings.items():
        page = pages["153"] if "153" in name and "report" in name else pages["example"] if "fixtures" in name else None
        size = f"{page.stat().st_size / 1e6:.2f} MB" if page else ""
        target = ""
        if page is pages["153"]:
            holds = timing.median <= TARGET_SECONDS and page.stat().st_size <= TARGET_MB * 1e6
            target = f"≤ {TARGET_SECONDS:g} s, ≤ {TARGET_MB:g} MB: {'met' if holds else 'NOT met'}"
        print(f"| {name} | {timing.cell()} | {size} | {target} |")
    print("\nWhere one report of 153 councils spends its time (in one process, after start-up):\n")
    for stage, seconds in stages(big).items():
        print(f"- {stage}: {seconds * 1000:,.0f} ms")


if __name__ == "__main__":
    main()
