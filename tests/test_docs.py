"""The README keeps its promises: the two-line quick start, and every command documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lacompare.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = ("extract", "add", "list", "show", "remove", "info", "diff", "rank", "metrics")


def test_the_quick_start_is_two_lines_install_and_run_then_install_and_test() -> None:
    block = re.search(r"## Quick start\s+```bash\n(.*?)```", README, re.S)
    assert block is not None
    lines = block.group(1).strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("pip install . && lacompare extract fixtures/")
    assert Path(__file__).resolve().parent.parent.joinpath(lines[0].split()[-1]).exists()
    assert lines[1] == "pip install '.[test]' && pytest"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"lacompare {command}" in README
