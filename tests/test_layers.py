"""The package's layers import one way: the layout README.md describes, checked on the source.

Each rule names a layer and the modules it must never import (at module level or inside a
function, since a late import couples the layers just the same).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lacompare"

RULES = [
    # (the layer, what it must not import, why)
    ("compare", ("lacompare.library.store", "lacompare.library.schema", "lacompare.library.connection"), "logic only"),
    ("library", ("lacompare.compare", "lacompare.cli", "lacompare.render"), "the store knows nothing of comparing"),
    ("catalogue", ("lacompare.parsers", "lacompare.extractors", "lacompare.readers"), "no reader's helpers"),
    ("vocab", ("lacompare.parsers", "lacompare.extractors", "lacompare.library", "lacompare.catalogue"), "the base"),
    ("model", ("lacompare.parsers", "lacompare.extractors", "lacompare.library", "lacompare.cli"), "the base"),
]
FRONT_ENDS = ("typer", "rich", "click")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize(("layer", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_a_layer_never_imports_what_sits_above_it(layer: str, forbidden: tuple[str, ...], why: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, layer
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in imports_of(path)
        if any(_under(name, prefix) for prefix in forbidden)
    }
    assert not wrong, f"{layer} ({why}): {sorted(wrong)}"


def test_only_the_cli_imports_the_terminal_libraries() -> None:
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "cli" not in path.relative_to(PACKAGE).parts
        for name in imports_of(path)
        if any(_under(name, front) for front in FRONT_ENDS)
    }
    assert not wrong, sorted(wrong)
