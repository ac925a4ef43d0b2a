"""Dataclasses' generated methods kept between runs: the same classes, their compiling skipped."""

from __future__ import annotations
import __future__

import dataclasses
import json
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lacompare import code_cache

from .conftest import QS_CHROMIUM

# A module's worth of dataclasses, in the forms the package uses: frozen, slots, defaults,
# keyword-only fields, a default factory, a subclass and a class variable.
CLASSES = """
from dataclasses import dataclass, field
from typing import ClassVar

@dataclass(frozen=True, slots=True)
class Base:
    kind: ClassVar[str] = "base"
    page: int
    quote: str
    flag: str | None = field(default=None, kw_only=True)

@dataclass(frozen=True, slots=True)
class Child(Base):
    value: float = 0.0
    tags: tuple[str, ...] = ()

@dataclass
class Open:
    items: list[int] = field(default_factory=list)
"""


def classes() -> dict[str, Any]:
    """The classes, made in a module of their own whose annotations are strings, as the package's are."""
    module = types.ModuleType("lacompare_test_classes")
    sys.modules[module.__name__] = module
    try:
        exec(compile("from __future__ import annotations\n" + CLASSES, "<classes>", "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return vars(module)


def behaviour(ns: dict[str, Any]) -> tuple[object, ...]:
    child = ns["Child"](3, "a quote", 4.5, ("x",), flag="doubt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        child.page = 4
    return (
        repr(child),
        child == ns["Child"](3, "a quote", 4.5, ("x",), flag="doubt"),
        hash(child) == hash(ns["Child"](3, "a quote", 4.5, ("x",), flag="doubt")),
        ns["Child"].__init__.__annotations__,
        ns["Child"].__match_args__,
        [f.name for f in dataclasses.fields(ns["Child"])],
        ns["Open"]().items,
        repr(ns["Base"](1, "q")),
    )


@pytest.fixture
def hooked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """dataclasses compiling through the store, in a cache folder of the test's own."""
    monkeypatch.setenv("LACOMPARE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(dataclasses, "exec", code_cache.run, raising=False)
    code_cache.forget()
    yield tmp_path / "cache"
    code_cache.forget()


def test_classes_made_through_the_store_behave_as_dataclasses_makes_them(hooked: Path) -> None:
    plain = behaviour(_without_hook())
    assert behaviour(classes()) == plain  # compiled here, and noted for the store
    assert code_cache.stats()["compiled"] > 0
    code_cache.save()
    code_cache.forget()
    assert behaviour(classes()) == plain  # taken from the store
    assert code_cache.stats()["compiled"] == 0 and code_cache.stats()["from store"] > 0


def _without_hook() -> dict[str, Any]:
    hook = vars(dataclasses).pop("exec")
    try:
        return classes()
    finally:
        dataclasses.exec = hook  # type: ignore[attr-defined]


def test_a_damaged_or_foreign_store_is_ignored(hooked: Path) -> None:
    classes()
    code_cache.save()
    path = code_cache.store_path()
    assert path is not None and path.exists()
    for spoiled in (path.read_bytes()[:-7] + b"garbage", b"lacompare-code-1\n" + bytes(32) + b"\x00\x01"):
        path.write_bytes(spoiled)
        code_cache.forget()
        assert behaviour(classes()) == behaviour(_without_hook())
        assert code_cache.stats()["from store"] == 0


@pytest.mark.parametrize("future", [False, True])
def test_a_text_is_compiled_with_the_flags_exec_would_give_it(hooked: Path, future: bool) -> None:
    """exec of a text inherits its caller's ``from __future__`` flags; so does the stored code."""
    flags = __future__.annotations.compiler_flag if future else 0
    caller = compile(
        "def call(exec_, text, ns):\n    exec_(text, ns)\n", "<caller>", "exec", flags=flags, dont_inherit=True
    )
    text = "def f(x: int) -> int:\n    return x\n"
    found = []
    for exec_ in (exec, code_cache.run, code_cache.run):  # the builtin, then compiled, then stored
        caller_ns: dict[str, Any] = {}
        exec(caller, caller_ns)
        ns: dict[str, Any] = {}
        caller_ns["call"](exec_, text, ns)
        found.append(ns["f"].__annotations__)
        code_cache.save()
        code_cache.forget()
    assert found[0] == found[1] == found[2] == ({"x": "int", "return": "int"} if future else {"x": int, "return": int})


def test_the_cache_off_installs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACOMPARE_CACHE", "off")
    monkeypatch.setattr(code_cache, "_installed", False)
    code_cache.install()
    assert "exec" not in vars(dataclasses)


def run_python(code: str, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LACOMPARE_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_library_leaves_dataclasses_as_it_was(tmp_path: Path) -> None:
    code = "import dataclasses, sys, lacompare\nlacompare.extract(sys.argv[1])\nprint('exec' in vars(dataclasses))\n"
    done = run_python(code, tmp_path / "cache", str(QS_CHROMIUM))
    assert done.stdout.strip() == "False", done.stderr
    assert not (tmp_path / "cache" / "code").exists()


def test_the_console_script_keeps_the_code_and_its_next_run_compiles_none(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "sys.argv = ['lacompare', 'extract', '--no-cache', '-f', 'csv', sys.argv[1]]\n"
        "from lacompare import code_cache, console\n"
        "try:\n"
        "    console.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(code_cache.stats()), file=sys.stderr)\n"
    )
    first = run_python(code, tmp_path / "cache", str(QS_CHROMIUM))
    second = run_python(code, tmp_path / "cache", str(QS_CHROMIUM))
    assert first.stdout == second.stdout and first.stdout.count("\n") > 5
    assert json.loads(first.stderr.splitlines()[-1])["compiled"] > 0
    counts = json.loads(second.stderr.splitlines()[-1])
    assert counts["compiled"] == 0 and counts["from store"] > 20
