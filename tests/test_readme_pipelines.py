"""The README's shell pipelines give the fields they promise (quoted quotes never split a row)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import BARNET_MD

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("awk") is None or shutil.which("cut") is None, reason="needs awk and cut")
def test_the_readmes_tsv_pipeline_keeps_each_comparison_on_one_line_with_its_fields() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("lacompare extract *.pdf -f tsv |"))
    pipeline = re.sub(r"\s+#.*$", "", line).replace(
        "lacompare extract *.pdf", f"{sys.executable} -m lacompare extract {BARNET_MD}"
    )
    out = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, check=True).stdout
    csv_text = subprocess.run(
        [sys.executable, "-m", "lacompare", "extract", str(BARNET_MD), "-f", "csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    expected = [[r[1], r[6], r[9], r[10]] for r in csv.reader(io.StringIO(csv_text)) if r[3] == "comparison"]
    assert expected and [row.split("\t") for row in out.splitlines()] == expected
