"""Run the broken-input corpus through ``lacompare extract`` and count what happened.

``python -m tests.corpus_survey [COUNT] [DIR]`` builds the corpus (named cases and COUNT mutated
fixture PDFs), runs it in batches of 100 with a good file in the middle of each, and prints the
figures of the reliability section as markdown.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus_hostile
from .corpus import FIXTURE_PDFS, FIXTURES, GOOD_FILE, write_mutants, write_named
from .corpus_hostile import Case

LIMIT_HIT = re.compile(r"time limit|memory limit|nested too deeply")
CRASH_SIGNS = ("Traceback (most recent call last)", "internal error while parsing")


@dataclass
class BatchRun:
    """What one ``lacompare extract`` over many files printed."""

    returncode: int | None  # None: the process itself hung and was killed
    stdout: str
    stderr: str
    seconds: float
    errors: dict[str, list[str]] = field(default_factory=dict)  # path -> its error lines, "Error: path: " cut
    rows: list[dict[str, str]] = field(default_factory=list)

    def rows_of(self, path: Path) -> list[dict[str, str]]:
        return [r for r in self.rows if r["document"] == str(path)]

    def crashed(self) -> bool:
        return self.returncode not in (0, 1) or any(sign in self.stderr for sign in CRASH_SIGNS)


def run_extract(paths: Sequence[Path], *options: str, timeout: float = 600) -> BatchRun:
    command = [sys.executable, "-m", "lacompare", "extract", "--format", "csv", "--no-cache", *options]
    started = time.monotonic()
    try:
        done = subprocess.run(
            [*command, *map(str, paths)], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = None, _text(exc.stdout), _text(exc.stderr)
    run = BatchRun(code, out, err, time.monotonic() - started)
    for path in paths:
        prefix = f"Error: {path}: "
        lines = [line[len(prefix) :] for line in err.splitlines() if line.startswith(prefix)]
        if lines:
            run.errors[str(path)] = lines
    run.rows = list(csv.DictReader(io.StringIO(out)))
    return run


def _text(data: bytes | str | None) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data or ""


@dataclass
class Survey:
    """Figures for the reliability section."""

    cases: int = 0
    read: int = 0
    clear_errors: int = 0
    crashes: list[str] = field(default_factory=list)
    limits_hit: list[str] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    messages: Counter[str] = field(default_factory=Counter)
    invented: list[str] = field(default_factory=list)  # read, with a number its original does not have
    changed: int = 0  # read, with a fact whose quote or page differs from its original's (same numbers)
    fewer: int = 0  # read, with only some of its original's facts
    seconds: float = 0.0
    batches: int = 0


def survey(paths: Sequence[Path], *options: str, batch_size: int = 100, good: Path = GOOD_FILE) -> Survey:
    """Run the corpus through ``extract`` in batches, a good file in the middle of each."""
    baseline = run_extract([good], *options).rows_of(good)
    originals = {path: _source_fixture(path) for path in paths}
    fixtures = sorted({f for f in originals.values() if f is not None})
    original_run = run_extract(fixtures, *options)
    original_facts = {f: {_fact_key(r) for r in original_run.rows_of(f)} for f in fixtures}
    original_numbers = {f: {_numbers(r) for r in original_run.rows_of(f)} for f in fixtures}
    result = Survey()
    for start in range(0, len(paths), batch_size):
        batch = list(paths[start : start + batch_size])
        run = run_extract([*batch[: len(batch) // 2], good, *batch[len(batch) // 2 :]], *options)
        result.batches += 1
        result.seconds += run.seconds
        if run.returncode not in (0, 1) or CRASH_SIGNS[0] in run.stderr:
            result.crashes.append(f"batch {result.batches}: exit status {run.returncode}, {run.stderr[-300:]!r}")
        if run.rows_of(good) != baseline or str(good) in run.errors:
            result.losses.append(f"batch {result.batches}: the good file's facts")
        for path in batch:
            result.cases += 1
            lines = run.errors.get(str(path), [])
            if not lines:
                result.read += 1
                original = originals[path]
                if original is not None:
                    rows = run.rows_of(path)
                    facts = {_fact_key(r) for r in rows}
                    if {_numbers(r) for r in rows} - original_numbers[original]:
                        result.invented.append(path.name)
                    elif facts - original_facts[original]:
                        result.changed += 1
                    elif len(facts) < len(original_facts[original]):
                        result.fewer += 1
                continue
            message = lines[0]
            if len(lines) > 1 or any(sign in message for sign in CRASH_SIGNS):
                result.crashes.append(f"{path.name}: {message}")
            elif LIMIT_HIT.search(message):
                result.limits_hit.append(f"{path.name}: {message}")
            else:
                result.clear_errors += 1
            result.messages[_gist(message)] += 1
    return result


def _source_fixture(path: Path) -> Path | None:
    """The fixture a mutant was made from (its name ends with the fixture's stem)."""
    for name in FIXTURE_PDFS:
        if path.stem.endswith(name.split("_chromium")[0].split(".")[0]) and path.parent.name == "mutants":
            return FIXTURES / name
    return None


def _numbers(row: dict[str, str]) -> tuple[str, str]:
    return row["value"], row["comparator_value"]


def _fact_key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row[c] for c in ("fact", "metric_id", "value", "comparator_value", "page", "quote"))


def _gist(message: str) -> str:
    """'the PDF is damaged or truncated (page 3 of 5 cannot be read) (hint)' -> 'the PDF is damaged or truncated'."""
    gist = re.sub(r" \(.*$", "", message)
    return re.sub(r"(?<![\w-])\d+(?:,\d{3})*", "N", gist)


def markdown(result: Survey, *, label: str) -> str:
    lines = [
        f"| {label} | |",
        "|---|---:|",
        f"| inputs tried | {result.cases:,} |",
        f"| read, facts printed | {result.read:,} |",
        f"| refused with a one-line error and hint | {result.clear_errors:,} |",
        f"| crashes (traceback, internal error, exit status other than 0 or 1) | {len(result.crashes)} |",
        f"| hangs (time or memory limit hit) | {len(result.limits_hit)} |",
        f"| losses (a good file in the same batch lost facts) | {len(result.losses)} |",
        f"| damaged PDFs read with fewer facts than the original (text lost with no warning) | {result.fewer:,} |",
        f"| damaged PDFs read with a quote, page or metric changed (same numbers) | {result.changed:,} |",
        f"| damaged PDFs read with a fact whose numbers no fact of the original has | {len(result.invented):,} |",
        f"| wall time ({result.batches} batches of up to 100 files, 2 workers) | {result.seconds:.0f} s |",
        "",
        "| error (numbers as N) | inputs |",
        "|---|---:|",
        *(f"| {message} | {count} |" for message, count in result.messages.most_common()),
    ]
    return "\n".join(lines)


# --- cases that know their facts ---------------------------------------------------------

OUTCOMES = ("facts", "clean error", "crash", "hang", "wrong value", "lost")


@dataclass
class CaseSurvey:
    """Per class of trouble: how many cases ended in each outcome, and which went wrong."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "name: outcome (detail)" for the last four outcomes
    flagged: int = 0  # facts read with a flag (doubt said), not counted as wrong
    seconds: float = 0.0

    def add(self, case: Case, outcome: str, detail: str = "") -> None:
        self.counts.setdefault(case.kind, Counter())[outcome] += 1
        if outcome not in ("facts", "clean error"):
            self.problems.append(f"{case.name}: {outcome} {detail}".rstrip())

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())


def survey_cases(
    selected: Sequence[Case], directory: Path, *options: str, batch_size: int = 100, good: Path = GOOD_FILE
) -> CaseSurvey:
    """Run the cases through ``extract`` in batches with a good file; check each against its base."""
    bases = corpus_hostile.write_bases(directory / "bases")
    base_run = run_extract(list(bases.values()), *options)
    base_facts = {name: {_case_key(r) for r in base_run.rows_of(path)} for name, path in bases.items()}
    base_numbers = {name: {n for r in base_run.rows_of(path) for n in _numbers(r) if n} for name, path in bases.items()}
    baseline = run_extract([good], *options).rows_of(good)
    (directory / "cases").mkdir(parents=True, exist_ok=True)
    result = CaseSurvey()
    for start in range(0, len(selected), batch_size):
        batch = list(selected[start : start + batch_size])
        paths = [case.write(directory / "cases") for case in batch]
        run = run_extract([*paths[: len(paths) // 2], good, *paths[len(paths) // 2 :]], *options)
        result.seconds += run.seconds
        if run.returncode not in (0, 1) or run.rows_of(good) != baseline:
            result.problems.append(f"batch from {batch[0].name}: exit {run.returncode}, good file rows changed")
        for case, path in zip(batch, paths, strict=True):
            outcome, detail = _judge(case, path, run, base_facts, base_numbers)
            result.flagged += sum(1 for r in run.rows_of(path) if r.get("flag"))
            result.add(case, outcome, detail)
    return result


def _judge(
    case: Case,
    path: Path,
    run: BatchRun,
    base_facts: dict[str, set[tuple[str, ...]]],
    base_numbers: dict[str, set[str]],
) -> tuple[str, str]:
    lines = run.errors.get(str(path), [])
    if lines:
        if len(lines) > 1 or any(sign in lines[0] for sign in CRASH_SIGNS):
            return "crash", lines[0]
        if LIMIT_HIT.search(lines[0]):
            return "hang", lines[0]
        return ("clean error", "") if case.base is None else ("lost", f"refused: {lines[0]}")
    if case.base is None:
        return "wrong value", "read although it is no document"
    rows = run.rows_of(path)
    allowed = base_numbers[case.base] - case.decoys
    wrong = sorted({n for r in rows if not r.get("flag") for n in _numbers(r) if n and n not in allowed})
    if wrong:
        return "wrong value", ", ".join(wrong)
    missing = base_facts[case.base] - {_case_key(r) for r in rows}
    if missing:
        return "lost", f"{len(missing)} of {len(base_facts[case.base])} facts missing"
    return "facts", ""


def _case_key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row[c] for c in ("fact", "metric_id", "value", "comparator_value"))


def cases_markdown(result: CaseSurvey) -> str:
    lines = [
        "| class of trouble | tried | " + " | ".join(OUTCOMES) + " |",
        "|---|" + "---:|" * (len(OUTCOMES) + 1),
    ]
    for kind, counts in result.counts.items():
        lines.append(f"| {kind} | {sum(counts.values())} | " + " | ".join(str(counts[o]) for o in OUTCOMES) + " |")
    total = sum(sum(c.values()) for c in result.counts.values())
    lines.append(f"| **all** | **{total}** | " + " | ".join(f"**{result.total(o)}**" for o in OUTCOMES) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] = sys.argv[1:]) -> None:
    """``python -m tests.corpus_survey [COUNT] [DIR]``: build the corpus, run it, print the figures."""
    count = int(argv[0]) if argv else 1000
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(argv[1]) if len(argv) > 1 else Path(tmp)
        named = write_named(directory / "named")
        mutated = write_mutants(directory / "mutants", count)
        result = survey([*named.values(), *mutated], "--jobs", "2")
        hostile = survey_cases(corpus_hostile.cases(), directory / "hostile", "--jobs", "2")
    print(markdown(result, label=f"{len(named)} named cases + {count:,} mutated fixture PDFs"))
    for problem in [*result.crashes, *result.limits_hit, *result.losses, *result.invented]:
        print("-", problem)
    print()
    print(cases_markdown(hostile))
    print(f"\n{hostile.flagged} facts flagged; wall time {hostile.seconds:.0f} s")
    for problem in hostile.problems:
        print("-", problem)


if __name__ == "__main__":
    main()
