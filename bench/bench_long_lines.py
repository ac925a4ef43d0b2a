"""Time against a line's length: ``lacompare extract`` of texts that are one single line.

    python bench/bench_long_lines.py [--runs 3] [--sizes 1,2,4] [--out FILE]

Each text is generated, seeded, as the reliability probe built it: a line of report words and
figures with no full stop (``words``), the same with its full stops kept but every line break
lost (``sentences``: a real report's text, Camden's CQC assessment, run into one line), and
one token with no space at all (``token``). Every figure is the median of ``--runs``
whole-process runs of ``lacompare extract --no-cache -f csv``. Targets: 2 MB in under 10 s,
4 MB in under 20 s, and time linear in the length (4 MB within 2.5x of 2 MB).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import Timing, lacompare, machine, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPORT_TEXT = ROOT / "fixtures" / "camden_cqc.txt"
WORDS = (
    "people receiving long-term support in the council had their care reviewed which is lower than the "
    "England average of and carers who found it easy to find information about services compared to"
).split()
TARGETS_S = {2: 10.0, 4: 20.0}
LINEAR_RATIO = 2.5  # 4 MB against 2 MB: twice the text, at most this many times the time


def words_line(size: int, seed: int = 1) -> str:
    """Report words and figures ("46.41%", "1,234") with no full stop, ``size`` characters."""
    rng = random.Random(seed)
    out, length = [], 0
    while length < size:
        if rng.random() < 0.1:
            word = (
                f"{rng.randint(1, 99)}.{rng.randint(10, 99)}%" if rng.random() < 0.7 else f"1,{rng.randint(100, 999)}"
            )
        else:
            word = rng.choice(WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


def sentences_line(size: int) -> str:
    """A real report's text with every line break lost, repeated to ``size`` characters."""
    one = " ".join(REPORT_TEXT.read_text(encoding="utf-8").split())
    return ((one + " ") * (size // len(one) + 1))[:size]


def token_line(size: int) -> str:
    return "a" * size


SHAPES: dict[str, Callable[[int], str]] = {"words": words_line, "sentences": sentences_line, "token": token_line}


def run(sizes_mb: Sequence[int], runs: int, workdir: Path) -> list[tuple[str, int, Timing]]:
    rows = []
    for shape, make in SHAPES.items():
        for mb in sizes_mb:
            path = workdir / f"{shape}-{mb}mb.txt"
            path.write_text(make(mb << 20) + "\n", encoding="utf-8")
            print(f"{shape} {mb} MB …", file=sys.stderr, flush=True)
            rows.append((shape, mb, timed([*lacompare(), "-q", "extract", "--no-cache", "-f", "csv", path], runs)))
    return rows


def render(rows: list[tuple[str, int, Timing]], runs: int) -> str:
    lines = [
        f"Machine: {machine()}.",
        f"Each figure: median of {runs} whole-process runs of `lacompare extract --no-cache` (min–max in brackets).",
        "",
        "| text (one line) | size | time | target | holds |",
        "| --- | ---: | --- | --- | --- |",
    ]
    by = {(shape, mb): t for shape, mb, t in rows}
    for shape, mb, t in rows:
        target = TARGETS_S.get(mb)
        holds = "n/a" if target is None else ("yes" if t.median < target else "**no**")
        spread = f"{min(t.runs):.2f}–{max(t.runs):.2f}"
        lines.append(f"| {shape} | {mb} MB | {t.median:.2f} s ({spread}) | {_target(target)} | {holds} |")
    for shape in SHAPES:
        if (shape, 2) in by and (shape, 4) in by:
            ratio = by[shape, 4].median / max(by[shape, 2].median, 1e-9)
            holds = "yes" if ratio <= LINEAR_RATIO else "**no**"
            lines.append(f"| {shape}: 4 MB / 2 MB | | {ratio:.2f}× | ≤ {LINEAR_RATIO}× (linear) | {holds} |")
    return "\n".join(lines) + "\n"


def _target(seconds: float | None) -> str:
    return "(reference)" if seconds is None else f"< {seconds:g} s"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure")
    parser.add_argument("--sizes", default="1,2,4", help="sizes in MB, comma-separated")
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="lacompare-long-lines-") as tmp:
        table = render(run(sizes, args.runs, Path(tmp)), args.runs)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
