"""Dataclasses' generated methods kept between runs, as Python keeps byte-code.

``dataclasses`` writes the source of a class's methods (``__init__``, ``__eq__``, ``__repr__`` …)
when the class is made, and compiles it: about 0.7 ms a class, most of the time it takes to
import the fact model (twelve classes) and a quarter of the parsers' warm-up (thirty-six). The
console script, and only it, ``install``s ``run`` as the ``exec`` that ``dataclasses`` calls: it
compiles a source text once, as ``exec`` would (same file name, same compiler flags), and keeps
the code object in the cache folder, keyed by the text and flags, so the next run executes the
stored code. The methods are the same functions either way; only their compiling is skipped.
The library never installs it: a program that imports lacompare keeps ``dataclasses`` as it was.

The store is one file per Python build (code objects are tied to it), signed with the cache's
key like the reports, and ignored when damaged or foreign; ``LACOMPARE_CACHE=off`` turns it off.
"""

from __future__ import annotations
import __future__

import sys
import threading
from pathlib import Path
from typing import Any

_MAGIC = b"lacompare-code-1\n"
# A store past this many texts (old versions' classes pile up in a working tree) starts afresh.
MAX_ENTRIES = 2000
# The compiler flags a ``from __future__ import`` sets: ``exec`` of a text inherits its caller's.
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag

Key = tuple[str, int]

_lock = threading.Lock()
_loaded: dict[Key, Any] | None = None
_new: dict[Key, Any] = {}
_counts = {"from store": 0, "compiled": 0}
_installed = False
_loading = False


def install() -> None:
    """Compile dataclasses' methods through the store from now on (this process and its forks)."""
    global _installed
    import dataclasses

    if _installed or store_path() is None:
        return
    dataclasses.exec = run  # type: ignore[attr-defined]  # a module global: found before the builtin
    _installed = True


def run(source: Any, namespace: Any = None, local_names: Any = None, /, **options: Any) -> None:
    """``exec(source, namespace, local_names)``, a text's code taken from the store when it holds it."""
    if isinstance(source, str):
        flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS  # what exec would inherit
        key = (source, flags)
        code = _store().get(key)
        if code is None:
            code = compile(source, "<string>", "exec", flags=flags, dont_inherit=True)
            with _lock:
                _new[key] = code
                _counts["compiled"] += 1
        else:
            _counts["from store"] += 1
        source = code
    exec(source, namespace, local_names, **options)


def store_path() -> Path | None:
    """This Python build's store, or None when the cache is off."""
    from lacompare.paths import CODE_STORE, cache_part

    folder = cache_part(CODE_STORE)
    return folder / f"{sys.implementation.cache_tag}-{sys.hexversion:x}.bin" if folder is not None else None


def _store() -> dict[Key, Any]:
    global _loaded, _loading
    if _loaded is None:
        if _loading:
            return {}  # a class made while the store is being read is compiled as usual
        _loading = True
        try:
            _loaded = _read()
        finally:
            _loading = False
    return _loaded


def _read() -> dict[Key, Any]:
    from lacompare import signed_store

    return signed_store.read_dict(store_path, _MAGIC)


def save() -> None:
    """Write the code compiled here that the store lacks (nothing to do: no cost)."""
    global _loaded
    if not _new:
        return
    from lacompare import signed_store

    with _lock:
        # What another process (a worker, a run beside this one) stored since this one read the file
        # is kept too.
        entries = {**_read(), **_store(), **_new}
        if len(entries) > MAX_ENTRIES:
            entries = dict(_new)
        _new.clear()
    if signed_store.write(store_path, _MAGIC, entries):
        _loaded = entries


def stats() -> dict[str, int]:
    """How many texts this process took from the store and compiled itself, and the store's size."""
    return {**_counts, "stored": len(_loaded or {})}


def forget() -> None:
    """Drop what this process read and compiled (for tests: the next class reads the file again)."""
    global _loaded
    with _lock:
        _loaded = None
        _new.clear()
        _counts.update(dict.fromkeys(_counts, 0))
