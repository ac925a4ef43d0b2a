"""Extraction results on disk, keyed by the SHA-256 of a file's bytes and the extractor version.

A hit skips reading the document entirely. The cache is an optimisation only: an entry that
is missing, unreadable, truncated or written by another extractor version is ignored (and
rewritten after the next extraction), and a cache that cannot be written is silently skipped.
Each entry is signed (HMAC-SHA256) with a random key kept in the cache folder, readable by its
owner only, over the report's bytes, the document's hash, the kind and the extractor: an entry
edited, copied from another cache or moved to another document is ignored too.

``LACOMPARE_CACHE=DIR`` moves the cache; ``LACOMPARE_CACHE=off`` (or ``0``) disables it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
from dataclasses import replace
from pathlib import Path

from lacompare import EXTRACTOR_VERSION
from lacompare.model import Report

_AUTO = "auto"


@functools.cache
def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION plus a digest of the package's code and data files (names, sizes, mtimes).

    A forgotten version bump, an upgrade, an edited parser or an edited register of councils
    then misses the cache instead of serving facts an older extractor made. Costs one stat per file.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for relative, stat in sorted(_code_files(str(package))):
        digest.update(f"{'/'.join(relative)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return f"{EXTRACTOR_VERSION}:{digest.hexdigest()[:16]}"


def _code_files(package: str) -> list[tuple[tuple[str, ...], os.stat_result]]:
    """Every ``.py`` file under the package and every ``.csv`` in its data folder, as (path parts
    below the package, stat). ``os.scandir`` rather than ``Path.rglob``: a cache hit runs this
    each time, and it is four times faster."""
    found: list[tuple[tuple[str, ...], os.stat_result]] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(package, ())]
    while folders:
        folder, parts = folders.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append((entry.path, (*parts, entry.name)))
                elif entry.name.endswith(".py") or (parts == ("data",) and entry.name.endswith(".csv")):
                    found.append(((*parts, entry.name), entry.stat()))
    return found


class Cache:
    """Reports stored as JSON under ``root/<sha256[:2]>/<sha256>.<kind>.json``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._signing_key: bytes | None = None

    @classmethod
    def default(cls) -> Cache | None:
        """The user's cache, or None when ``LACOMPARE_CACHE`` turns it off."""
        from lacompare.paths import REPORT_CACHE, cache_part

        folder = cache_part(REPORT_CACHE)
        return cls(folder) if folder is not None else None

    def path_for(self, sha256: str, kind: str | None) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{kind or _AUTO}.json"

    def get(self, sha256: str, kind: str | None, document: str) -> Report | None:
        """The cached report for these bytes, renamed to ``document``; None on any doubt.

        An entry is served only when its signature holds: one edited by hand, copied from
        another cache or moved to another document's name is a miss (and is rewritten).
        """
        key = self._key(create=False)
        if key is None:
            return None
        try:
            raw = self.path_for(sha256, kind).read_bytes()
            head, body = _split(raw)
            if head.get("extractor") != extractor_fingerprint():
                return None
            if not hmac.compare_digest(str(head.get("mac", "")), _mac(key, sha256, kind, body)):
                return None
            report = Report.from_dict(json.loads(body))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if report.sha256 != sha256:
            return None
        return _renamed(report, document)

    def put(self, report: Report, kind: str | None) -> None:
        """Store a signed report atomically (temp file + rename); failures are ignored."""
        path = self.path_for(report.sha256, kind)
        try:
            body = json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):
            return
        key = self._key(create=True)
        if key is None:
            return
        signature = _mac(key, report.sha256, kind, body)
        head = json.dumps({"extractor": extractor_fingerprint(), "mac": signature}, separators=(",", ":"))
        import tempfile

        from lacompare.signed_store import remove_quietly

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(head[:-1].encode() + _REPORT_KEY + body + b"}")
            os.replace(temp, path)
        except OSError:
            remove_quietly(temp)

    def _key(self, *, create: bool) -> bytes | None:
        """This cache's signing key (made on first use, readable by its owner only); None if unusable."""
        if self._signing_key is None:
            from lacompare.signed_store import KEY_NAME, key_at

            self._signing_key = key_at(self.root / KEY_NAME, create=create)
        return self._signing_key


_REPORT_KEY = b',"report":'


def _split(raw: bytes) -> tuple[dict[str, object], bytes]:
    """An entry's head (extractor, signature) and its report's JSON bytes, as written."""
    at = raw.index(_REPORT_KEY)
    head = json.loads(raw[:at] + b"}")
    if not isinstance(head, dict) or not raw.endswith(b"}"):
        raise ValueError("not a cache entry")
    return head, raw[at + len(_REPORT_KEY) : -1]


def _mac(key: bytes, sha256: str, kind: str | None, body: bytes) -> str:
    """The signature of a report's bytes for this document, kind and extractor."""
    signed = hmac.new(key, f"{extractor_fingerprint()}\n{sha256}\n{kind or _AUTO}\n".encode(), hashlib.sha256)
    signed.update(body)
    return signed.hexdigest()


def _renamed(report: Report, document: str) -> Report:
    """The same facts under the name the file was given this time (notes mention the name)."""
    if report.document == document:
        return report
    notes = tuple(note.replace(report.document, document, 1) for note in report.notes)
    return replace(report, document=document, notes=notes)
