"""Where a cache hit and a cold extract spend their time: the profiles behind bench/RESULTS.md.

    python bench/profile_runs.py [--top 12] [FILE]

Prints, as markdown: the phases of a cold extract of FILE in one process (imports, PDF read,
pattern warm-up, parsing; nothing forked, so each phase is timed alone, without a profiler), the
top of a cProfile of its warm-up and parsing, and the top of a cProfile of a whole
``lacompare extract`` cache hit (lacompare's and typer's functions).
Run from byte-code (``PYTHONDONTWRITEBYTECODE`` is dropped), with a cache folder of its own that
the first, untimed run fills (reports and compiled patterns), as an installed lacompare's would be.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "fixtures" / "barnet_cqc_chromium.pdf"

PHASES = """
import cProfile, io, pstats, sys, time
start = time.perf_counter()
from lacompare import forking
forking.parallel_documents = 1 << 10  # nothing forked: each phase alone
from lacompare.readers import document_from_bytes, load_bytes
from lacompare.parsers import parse, warm_up
imported = time.perf_counter()
name, data = load_bytes(sys.argv[1])
doc = document_from_bytes(data, name)
read = time.perf_counter()
profile = cProfile.Profile() if sys.argv[2] != "0" else None
if profile:
    profile.enable()
warm_up()
warmed = time.perf_counter()
parse(doc)
parsed = time.perf_counter()
if profile:
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(int(sys.argv[2]))
    print(out.getvalue())
else:
    ms = lambda a, b: f"{(b - a) * 1000:.0f} ms"
    print(f"imports {ms(start, imported)}, PDF read {ms(imported, read)}, warm-up {ms(read, warmed)}, "
          f"parse {ms(warmed, parsed)} (in one process, nothing forked, no profiler)")
"""


def run(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout


def profile_top(text: str, top: int) -> str:
    """The table of a pstats listing, its long paths cut to the package-relative part."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    cut = [re.sub(r"\S*/(?:site-packages|src|lib/python3\.\d+)/", "", line) for line in lines[start:]]
    return "\n".join(line for line in cut[: top + 1] if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lacompare-profile-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["LACOMPARE_CACHE"] = tmp
        extract = [sys.executable, "-m", "lacompare", "extract", "--format", "csv", str(args.file)]
        run(extract, env)  # fills the cache: reports and compiled patterns
        phases = run([sys.executable, "-c", PHASES, str(args.file), "0"], env).strip()
        listing = run([sys.executable, "-c", PHASES, str(args.file), str(args.top)], env)
        profile = Path(tmp) / "hit.prof"
        run([sys.executable, "-m", "cProfile", "-o", str(profile), *extract[1:]], env)
        # lacompare's and typer's own functions (the import machinery's frames left out)
        show = (
            f"import pstats; pstats.Stats({str(profile)!r}).sort_stats('cumulative')"
            f".print_stats('lacompare/|typer/|hashlib|json', {args.top})"
        )
        hit = run([sys.executable, "-c", show], env)
    print(f"**Cold extract of {args.file.name}**: {phases}\n")
    print("Warm-up and parsing, cProfile, by own time:\n\n```\n" + profile_top(listing, args.top) + "\n```\n")
    print("**Cache hit** (`lacompare extract`, whole process), cProfile, by cumulative time:\n")
    print("```\n" + profile_top(hit, args.top) + "\n```")


if __name__ == "__main__":
    main()
