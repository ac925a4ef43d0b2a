"""`lacompare report` as a user meets it: where the page goes, what it refuses, and --charts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from lacompare.cli import app

from .conftest import CAMDEN_TXT
from .report_library import example_library

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_library(tmp_path_factory.mktemp("report-cli"))


def report(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_writes_one_html_file_and_says_what_it_holds(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    code, out, err = report(db, "barnet", "camden", "-o", str(page))
    assert code == 0, err
    assert out == ""
    assert err.startswith(f"{page}: 2 council(s), ")
    assert "values" in err and "MB" in err
    html5lib.HTMLParser(strict=True).parse(page.read_text(encoding="utf-8"))
    assert not list(tmp_path.glob(".*.part"))  # nothing left beside it


def test_the_page_goes_to_stdout_when_it_is_not_a_terminal(db: Path) -> None:
    code, out, err = report(db, "camden", "-q")
    assert code == 0, err
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert err == ""


def test_html_is_not_dumped_on_a_terminal(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lacompare.cli.output.stdout_is_terminal", lambda: True)
    code, out, err = report(db, "camden")
    assert code == 2
    assert "write it with -o report.html" in err
    assert out == ""


def test_a_page_needs_an_html_name(db: Path, tmp_path: Path) -> None:
    code, _, err = report(db, "camden", "-o", str(tmp_path / "report.csv"))
    assert code == 2
    assert "name it .html" in err
    assert not (tmp_path / "report.csv").exists()


def test_an_html_file_lacompare_did_not_write_is_left_alone(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "camden-cqc.html"
    page.write_text("<html><body>A saved CQC page</body></html>", encoding="utf-8")
    code, _, err = report(db, "camden", "-o", str(page))
    assert code == 1
    assert err.strip().splitlines() == [
        f"Error: {page}: refusing to overwrite an HTML file lacompare did not write "
        "(give -o a new name, or delete the file first)"
    ]
    assert page.read_text(encoding="utf-8") == "<html><body>A saved CQC page</body></html>"


def test_a_report_written_before_is_replaced(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert report(db, "barnet", "-o", str(page), "-q")[0] == 0
    code, _, err = report(db, "camden", "-o", str(page), "-q")
    assert code == 0, err
    assert "<title>Adult social care in Camden</title>" in page.read_text(encoding="utf-8")


def test_all_councils_of_a_region(db: Path) -> None:
    code, out, err = report(db, "--all", "--region", "london")
    assert code == 0, err
    assert "<title>Adult social care: Barnet and Camden compared</title>" in out
    assert err.startswith("standard output: 2 council(s)")


def test_a_region_with_no_council_in_the_library_is_an_error(db: Path) -> None:
    code, out, err = report(db, "--region", "north east")
    assert code == 1
    assert (
        err.strip()
        == "Error: the library holds no council in North East (add reports first: `lacompare add REPORT.pdf`)"
    )
    assert out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give one or more councils, or --all"),
        (("barnet", "--all"), "give councils, or --all (with --region), not both"),
        (("--all", "--fact", "words"), "'words' is not one of"),
    ],
)
def test_usage_errors_exit_2(db: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = report(db, *args)
    assert code == 2
    assert message in " ".join(err.split())


def test_a_council_not_in_the_library_is_one_error_line(db: Path) -> None:
    code, out, err = report(db, "barnet", "hartlepool")
    assert code == 1
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1
    assert out == ""


def test_a_report_file_stands_beside_a_council(db: Path) -> None:
    code, out, err = report(db, "barnet", str(CAMDEN_TXT), "-q")
    assert code == 0, err
    assert "Barnet" in out and "Camden" in out


def test_only_the_facts_asked_for(db: Path) -> None:
    code, out, _ = report(db, "--all", "--fact", "score", "-q")
    assert code == 0
    assert 'id="scores"' in out and 'id="measures"' not in out and "<figure" not in out


def test_charts_are_written_as_svg_files_too(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "charts"
    code, _, err = report(db, "barnet", "camden", "-o", str(tmp_path / "r.html"), "--charts", str(folder))
    assert code == 0, err
    files = sorted(p.name for p in folder.iterdir())
    assert "scores.svg" in files and "salt.long_term_reviewed.svg" in files
    assert f"{folder}: {len(files)} chart(s) written as SVG" in err
    for name in files:
        assert ET.parse(folder / name).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_as_of_a_date_uses_the_assessments_published_by_then(db: Path) -> None:
    code, out, _ = report(db, "--all", "--as-of", "2025-01-31", "-q")
    assert code == 0
    assert "<b>As of</b> 2025-01-31" in out
    assert ">Good</a>" in out and ">Outstanding</a>" not in out  # Camden's assessment (2025-02-28) came later


def test_the_real_command_line(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "lacompare", "report", "--all", "--db", str(db), "-o", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_templates_load_only_when_a_report_is_made() -> None:
    probe = (
        "import json, sys\nsys.argv = ['lacompare', '--version']\nfrom lacompare.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')"
        " or m.startswith('lacompare.report'))), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=os.environ)
    assert json.loads(done.stderr.splitlines()[-1]) == []


def test_report_has_help_and_a_section_of_the_readme_with_its_screenshot() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0, result.output
    assert "--charts" in result.output and "--all" in result.output
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "## A report page" in readme and "lacompare report barnet camden -o report.html" in readme
    assert "(docs/report.png)" in readme
    assert (root / "docs" / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
