"""Comparing councils on a full library: rank, table and diff --all against list, in one run.

    python bench/bench_library.py [--runs 7] [--keep DIR]

Builds a synthetic library of all 153 councils (each an assessment of a report and two theme
pages: rating, overall score, nine scores, 30 national measures against England, waits and
finance; every third council a performance report of 20 ASCOF-coded indicator rows), then times
whole ``lacompare`` processes round-robin, so drift in the machine's speed hits them alike. The
target: ``rank`` and ``diff --all`` within 1.5x the time of ``list`` on the same library.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import interleaved, lacompare  # noqa: E402

from lacompare.catalogue import measures as catalogue  # noqa: E402
from lacompare.catalogue.authorities import authorities  # noqa: E402
from lacompare.library.store import Library  # noqa: E402
from lacompare.model import (  # noqa: E402
    QUALITY_STATEMENTS,
    RATINGS,
    Comparison,
    Fact,
    Finance,
    Indicator,
    Rating,
    Report,
    Score,
    Wait,
)

TARGET_RATIO = 1.5
WAIT_SERVICES = ("care_act_assessment", "review", "occupational_therapy", "dols")
FINANCE_FIELDS = ("total_budget_estimated", "asc_budget_estimated", "asc_spend_actual", "population")


def assessment(name: str, rng: random.Random) -> list[Fact]:
    quote = f"{name} assessment"
    facts: list[Fact] = [Rating(1, quote, overall=rng.choice(RATINGS), score_pct=rng.randint(30, 90))]
    facts += [Score(2, quote, statement_id=s, score=rng.randint(1, 4)) for s in QUALITY_STATEMENTS]
    for metric in catalogue.CATALOGUE[:30]:
        value, bench = round(rng.uniform(10, 90), 2), round(rng.uniform(10, 90), 2)
        facts.append(
            Comparison(
                3,
                quote,
                metric=metric.label,
                value=value,
                unit=metric.unit,
                comparator="England",
                comparator_value=bench,
                relation="higher" if value > bench else "lower",
                source=metric.source,
                year="2023-24",
                metric_id=metric.id,
            )  # fmt: skip
        )
    facts += [Wait(4, quote, service=s, people=rng.randint(0, 900), median=rng.randint(5, 120)) for s in WAIT_SERVICES]
    facts += [Finance(5, quote, field_id=f, label=f, value=rng.randint(10**6, 10**9), unit="£") for f in FINANCE_FIELDS]
    return facts


def indicators(rng: random.Random) -> list[Fact]:
    return [
        Indicator(
            1,
            f"row {i}",
            ref=f"AC/S{i}",
            code=f"ASCOF 1{chr(65 + i)}",
            description=f"Indicator {i}",
            polarity="Bigger is Better",
            result=f"{rng.uniform(10, 90):.1f}%",
            period="Q2 2023-24",
        )  # fmt: skip
        for i in range(20)
    ]


def build(db: Path) -> None:
    rng = random.Random(153)
    with Library(db) as library:
        for n, council in enumerate(authorities()):
            facts = assessment(council.name, rng)
            pages = [facts[:12], facts[12:30], facts[30:]]  # the report, and two theme pages
            for i, part in enumerate(pages):
                published = "2025-01-10" if i == 0 else None
                report = Report(f"{council.gss_code}-{i}.txt", "cqc_assessment", council.name, published, 1,
                                f"{council.gss_code}-{i}".ljust(64, "0"), tuple(part))  # fmt: skip
                library.store(report)
            if n % 3 == 0:
                report = Report(f"{council.gss_code}-perf.txt", "performance_report", council.name, None, 1,
                                f"{council.gss_code}-perf".ljust(64, "0"), tuple(indicators(rng)))  # fmt: skip
                library.store(report)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Build the library in DIR and keep it.")
    args = parser.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="lacompare-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "library.sqlite3"
    if not db.exists():
        build(db)
    cli, env = lacompare(), None
    commands = {
        "list": ([*cli, "list", "--db", db, "--format", "csv"], env),
        "rank qs.assessing_needs": ([*cli, "rank", "qs.assessing_needs", "--db", db, "--format", "csv"], env),
        "rank wait (words)": ([*cli, "rank", "care act assessment people", "--db", db, "--format", "csv"], env),
        "diff --all": ([*cli, "diff", "--all", "--db", db, "--format", "csv"], env),
        "diff barnet camden": ([*cli, "diff", "barnet", "camden", "--db", db, "--format", "csv"], env),
    }
    timings = interleaved(commands, args.runs)
    base = timings["list"].median
    print(f"library: {db} (153 councils); medians of {args.runs} runs, round-robin\n")
    print("| command | time | vs list | target |")
    print("|---|---:|---:|---|")
    for name, timing in timings.items():
        ratio = timing.median / base
        target = "" if name == "list" else f"≤ {TARGET_RATIO}× {'met' if ratio <= TARGET_RATIO else 'NOT met'}"
        print(f"| {name} | {timing.cell()} | {ratio:.2f}× | {target} |")


if __name__ == "__main__":
    main()
