"""Where lacompare keeps its files: the library database and the extraction cache.

The library lives in the user data dir (``~/.local/share/lacompare/library.sqlite3`` on Linux);
``--db PATH`` beats ``LACOMPARE_DB``, which beats the default. The cache lives in the user cache
dir; ``LACOMPARE_CACHE`` overrides it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "lacompare"
DB_ENV = "LACOMPARE_DB"
CACHE_ENV = "LACOMPARE_CACHE"
# LACOMPARE_CACHE values that turn the cache off (reports, compiled patterns and code alike).
DISABLED_VALUES = ("off", "0", "no", "false", "none")
DB_FILENAME = "library.sqlite3"
# The longest file name and path most file systems take (NAME_MAX, PATH_MAX on Linux); the file
# system at hand is asked where the path's folder exists.
NAME_MAX = 255
PATH_MAX = 4096


def name_problem(path: str | os.PathLike[str]) -> str | None:
    """Why no file can have this path (a name or the whole path too long), or None."""
    text = os.fspath(path)
    name_max, path_max = _limits(Path(text))
    longest = max((part for part in Path(text).parts), key=len, default="")
    if len(os.fsencode(longest)) > name_max:
        return f"a file name of {len(longest):,} characters is too long (the file system takes at most {name_max})"
    if len(os.fsencode(text)) > path_max:
        return f"a path of {len(text):,} characters is too long (the file system takes at most {path_max})"
    return None


def _limits(path: Path) -> tuple[int, int]:
    folder = path.parent
    try:
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        return os.pathconf(folder, "PC_NAME_MAX"), os.pathconf(folder, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows), or a name no folder can have
        return NAME_MAX, PATH_MAX


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


# The cache folder's parts: the reports (and the key every signed file shares), the compiled
# patterns, the dataclasses' code.
REPORT_CACHE, PATTERN_STORE, CODE_STORE = "reports", "patterns", "code"


def cache_part(name: str) -> Path | None:
    """A part of the cache folder, or None when ``LACOMPARE_CACHE`` turns the cache off."""
    if os.environ.get(CACHE_ENV, "").strip().lower() in DISABLED_VALUES:
        return None
    return cache_dir() / name


def db_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The library file: the ``--db`` option, else ``$LACOMPARE_DB``, else the user data dir."""
    if option:
        return Path(option).expanduser()
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / DB_FILENAME
