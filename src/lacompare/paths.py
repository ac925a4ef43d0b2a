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
DB_FILENAME = "library.sqlite3"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def db_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The library file: the ``--db`` option, else ``$LACOMPARE_DB``, else the user data dir."""
    if option:
        return Path(option).expanduser()
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / DB_FILENAME
