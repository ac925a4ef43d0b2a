"""Compiled patterns kept between runs, as Python keeps byte-code: the parsers' patterns are
compiled once per install, not once per run.

Compiling the parsers' five hundred patterns takes longer than reading a 43-page PDF. What
``re.compile`` makes of a pattern is its engine code (a list of integers) and its groups' names;
those are stored here, keyed by the pattern's text and flags, and handed straight to the engine
(``_sre.compile``) the next time, which checks the code before it accepts it. A ``regex`` pattern
is stored as it pickles (its compiled code, which ``regex`` takes back without parsing). A
pattern whose text changed is simply a new key, so an edited parser never runs an old pattern.
The store lives in the cache folder (``LACOMPARE_CACHE``; ``off`` disables it too), one file per
Python version and engine versions, signed with the cache's key like the reports (an edited or
foreign file is ignored); anything unexpected falls back to compiling as usual.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the standard library's engine (no stub); built in
import re
import sys
import threading
from pathlib import Path

# re: (final flags, engine code as bytes, group count, group index, index group); regex: its pickle
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]] | bytes
Key = tuple[str, str, int]  # (engine, pattern, flags)

# A store past this many patterns (old versions' patterns pile up in a working tree) is started
# afresh from the patterns this process used.
MAX_ENTRIES = 4000
_MAGIC = b"lacompare-patterns-1\n"

_lock = threading.Lock()
_loaded: dict[Key, Entry] | None = None
_used: set[Key] = set()
_new: dict[Key, Entry] = {}
_counts = {"from store": 0, "compiled": 0}
_broken = False  # this Python's engine is not the one this module knows: compile as usual


def compile_re(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the store when it holds the pattern."""
    global _broken
    key = ("re", source, flags)
    entry = _store().get(key)
    if isinstance(entry, tuple) and not _broken:
        try:
            compiled = _from_entry(source, entry)
            _used.add(key)
            _counts["from store"] += 1
            return compiled
        except Exception:  # a damaged entry: the engine refused its code
            pass
    if _broken:
        return re.compile(source, flags)
    try:
        compiled, entry = _compile_recorded(source, flags)
    except re.error:
        raise
    except Exception:  # another Python's internals: stop recording, compile as usual
        _broken = True
        return re.compile(source, flags)
    with _lock:
        _new[key] = entry
        _used.add(key)
        _counts["compiled"] += 1
    return compiled


def compile_regex(source: str, flags: int) -> re.Pattern[str]:
    """``regex.compile(source, flags)``, from the store when it holds the pattern."""
    import pickle

    import regex

    key = ("regex", source, flags)
    entry = _store().get(key)
    if isinstance(entry, bytes):
        try:
            compiled = pickle.loads(entry)  # signed: written by this cache's owner
            if compiled.pattern == source:
                _used.add(key)
                _counts["from store"] += 1
                return compiled  # type: ignore[no-any-return]
        except Exception:  # a damaged entry, or one another regex version wrote
            pass
    compiled = regex.compile(source, flags)
    try:
        stored = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a pattern regex cannot pickle: compiled each time
        return compiled  # type: ignore[no-any-return]
    with _lock:
        _new[key] = stored
        _used.add(key)
        _counts["compiled"] += 1
    return compiled  # type: ignore[no-any-return]


def _from_entry(source: str, entry: Entry) -> re.Pattern[str]:
    from array import array

    assert isinstance(entry, tuple)

    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(source, final_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _compile_recorded(source: str, flags: int) -> tuple[re.Pattern[str], Entry]:
    """What ``re._compiler.compile`` does, keeping the arguments it hands to the engine."""
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: Entry = (
        int(flags | parsed.state.flags),
        array(_CODE_TYPE, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    compiled = _sre.compile(source, entry[0], code, entry[2], groupindex, entry[4])
    return compiled, entry


def _code_type() -> str:
    """The array type of the engine's code words (4 bytes each in CPython 3.11 to 3.13)."""
    from array import array

    for typecode in ("I", "L"):
        if array(typecode).itemsize == _sre.CODESIZE:
            return typecode
    raise RuntimeError("no array type fits the engine's code words")


try:
    _CODE_TYPE = _code_type()
except Exception:  # pragma: no cover - an engine unlike CPython's: never store
    _CODE_TYPE, _broken = "I", True


# --- the file ------------------------------------------------------------------------------------


def store_path() -> Path | None:
    """This Python's store, or None when the cache is off."""
    from lacompare.paths import PATTERN_STORE, cache_part

    folder = cache_part(PATTERN_STORE)
    if folder is None:
        return None
    import regex

    python = f"{sys.implementation.name}{''.join(map(str, sys.version_info[:3]))}"
    return folder / f"{python}-re{_sre.MAGIC}-regex{regex.__version__}.bin"


def _store() -> dict[Key, Entry]:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _read() if not _broken else {}
    return _loaded


def _read() -> dict[Key, Entry]:
    from lacompare import signed_store

    return signed_store.read_dict(store_path, _MAGIC)


def save() -> None:
    """Write the patterns compiled here that the store lacks (nothing to do: no cost)."""
    if not _new or _broken:
        return
    from lacompare import signed_store

    with _lock:
        entries = {**_store(), **_new}
        if len(entries) > MAX_ENTRIES:
            entries = {key: entry for key, entry in entries.items() if key in _used}
        _new.clear()
    if signed_store.write(store_path, _MAGIC, entries):
        global _loaded
        _loaded = entries


def forget() -> None:
    """Drop what this process loaded and compiled (for tests: the next pattern reads the file again)."""
    global _loaded
    with _lock:
        _loaded = None
        _new.clear()
        _used.clear()
        _counts.update(dict.fromkeys(_counts, 0))


def stats() -> dict[str, int]:
    """How many patterns this process took from the store and compiled itself, and the store's size."""
    return {**_counts, "stored": len(_loaded or {})}
