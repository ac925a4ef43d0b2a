"""Time `lacompare extract` of this tree against a baseline commit, round-robin, in one run.

    python bench/versus.py [--baseline REV] [--runs 9] [FILE ...]

The baseline is checked out (``git worktree``) into a temporary folder and run from its source
with ``PYTHONPATH``, beside this tree's source; each round runs both, in alternating order, so
load on the machine falls on both alike. Prints the median of each and their ratio (this tree /
baseline). The default file is the 43-page Barnet CQC PDF; the cache is off; both run from
byte-code, as an installed package does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT / "fixtures" / "barnet_cqc_chromium.pdf"]


def run_once(src: Path, files: list[Path], env: dict[str, str]) -> float:
    cmd = [sys.executable, "-m", "lacompare", "extract", "--no-cache", "--format", "csv", *map(str, files)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**env, "PYTHONPATH": str(src)})
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--baseline", default="HEAD~1", help="git revision to compare with (default HEAD~1)")
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), a.baseline],
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "HOME": tmp, "LACOMPARE_DB": f"{tmp}/db", "LACOMPARE_CACHE": f"{tmp}/cache"}
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from byte-code
            trees = {"this tree": ROOT / "src", f"baseline {a.baseline}": base / "src"}
            for src in trees.values():
                run_once(src, a.files, env)  # warm the file cache and byte-code
            times: dict[str, list[float]] = {name: [] for name in trees}
            for i in range(a.runs):
                order = list(trees.items()) if i % 2 == 0 else list(reversed(trees.items()))
                for name, src in order:
                    times[name].append(run_once(src, a.files, env))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False, capture_output=True
            )
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    for name, ts in times.items():
        print(f"{name:<28} median {medians[name] * 1000:7.0f} ms (min {min(ts) * 1000:.0f}, max {max(ts) * 1000:.0f})")
    this, baseline = medians.values()
    names = ", ".join(f.name for f in a.files)
    print(f"ratio (this tree / baseline): {this / baseline:.2f}x over {a.runs} rounds of {names}")


if __name__ == "__main__":
    main()
