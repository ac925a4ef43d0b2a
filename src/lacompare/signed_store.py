"""A file of marshalled data in the cache folder, signed with the cache's key: the stores of what
lacompare compiles once and keeps between runs (patterns, dataclasses' code). A file that is
missing, damaged, foreign (another key) or of another format reads as nothing; writing replaces
the file whole, or leaves it as it was."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

_MAC_BYTES = 32
KEY_NAME = "key"  # in the reports' folder: every signed file of the cache shares its key
KEY_BYTES = 32


def read(path: Path | None, magic: bytes) -> object | None:
    """What ``write`` stored at ``path`` under ``magic``, or None."""
    if path is None:
        return None
    try:
        raw = path.read_bytes()
        key = signing_key(create=False)
        if key is None or not raw.startswith(magic):
            return None
        mac, body = raw[len(magic) : len(magic) + _MAC_BYTES], raw[len(magic) + _MAC_BYTES :]
        if not _mac_matches(key, magic, body, mac):
            return None
        loaded: object = marshal.loads(body)  # signed: written by this cache's owner
        return loaded
    except (OSError, ValueError, EOFError, TypeError):
        return None


def read_dict(path_of: Callable[[], Path | None], magic: bytes) -> dict[Any, Any]:
    """``read`` of a store that holds a dict: {} for anything else, or when the path cannot be had."""
    try:
        loaded = read(path_of(), magic)
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write(path_of: Callable[[], Path | None], magic: bytes, data: Any) -> bool:
    """Store ``data`` (anything marshal takes) at the path ``path_of`` gives, signed; False when it
    cannot be (no path, no key, a folder that cannot be written)."""
    try:
        path = path_of()
        key = signing_key(create=True)
        if path is None or key is None:
            return False
        body = marshal.dumps(data)
        _write_whole(path, magic + _mac(key, magic, body) + body)
    except (OSError, ValueError):
        return False
    return True


def signing_key(*, create: bool) -> bytes | None:
    """The cache's signing key; None when the cache is off or the key cannot be had."""
    from lacompare.paths import REPORT_CACHE, cache_part

    folder = cache_part(REPORT_CACHE)
    return key_at(folder / KEY_NAME, create=create) if folder is not None else None


def key_at(path: Path, *, create: bool) -> bytes | None:
    """The key kept at ``path`` (written there first when ``create``, readable by its owner only)."""
    try:
        key: bytes | None = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        key = _new_key(path)
    except OSError:
        return None
    return key if key is not None and len(key) == KEY_BYTES else None


def _new_key(path: Path) -> bytes | None:
    """Write a random key where none is; a key another process wrote first wins."""
    import secrets
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".key.", suffix=".tmp")  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
        try:
            os.link(temp, path)  # fails when the key already exists
        finally:
            remove_quietly(temp)
        return path.read_bytes()
    except FileExistsError:
        try:
            return path.read_bytes()
        except OSError:
            return None
    except OSError:
        return None


def remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _write_whole(path: Path, data: bytes) -> None:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _mac(key: bytes, magic: bytes, body: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(key, magic + body, hashlib.sha256).digest()


def _mac_matches(key: bytes, magic: bytes, body: bytes, mac: bytes) -> bool:
    import hmac

    return hmac.compare_digest(_mac(key, magic, body), mac)
