"""Extraction results on disk, keyed by the SHA-256 of a file's bytes and the extractor version.

A hit skips reading the document entirely. The cache is an optimisation only: an entry that
is missing, unreadable, truncated or written by another extractor version is ignored (and
rewritten after the next extraction), and a cache that cannot be written is silently skipped.

``LACOMPARE_CACHE=DIR`` moves the cache; ``LACOMPARE_CACHE=off`` (or ``0``) disables it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from lacompare import EXTRACTOR_VERSION
from lacompare.model import Report

DISABLED_VALUES = ("off", "0", "no", "false", "none")
_AUTO = "auto"


@functools.cache
def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION plus a digest of the package's code files (names, sizes, mtimes).

    A forgotten version bump, an upgrade or an edited parser then misses the cache instead of
    serving facts an older extractor made. Costs one stat per module.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return f"{EXTRACTOR_VERSION}:{digest.hexdigest()[:16]}"


class Cache:
    """Reports stored as JSON under ``root/<sha256[:2]>/<sha256>.<kind>.json``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def default(cls) -> Cache | None:
        """The user's cache, or None when ``LACOMPARE_CACHE`` turns it off."""
        from lacompare.paths import CACHE_ENV, cache_dir

        if os.environ.get(CACHE_ENV, "").strip().lower() in DISABLED_VALUES:
            return None
        return cls(cache_dir() / "reports")

    def path_for(self, sha256: str, kind: str | None) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{kind or _AUTO}.json"

    def get(self, sha256: str, kind: str | None, document: str) -> Report | None:
        """The cached report for these bytes, renamed to ``document``; None on any doubt."""
        try:
            data = json.loads(self.path_for(sha256, kind).read_bytes())
            if data.get("extractor") != extractor_fingerprint():
                return None
            report = Report.from_dict(data["report"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if report.sha256 != sha256:
            return None
        return _renamed(report, document)

    def put(self, report: Report, kind: str | None) -> None:
        """Store a report atomically (temp file + rename); failures are ignored."""
        path = self.path_for(report.sha256, kind)
        payload = {"extractor": extractor_fingerprint(), "report": report.to_dict()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, path)
        except (OSError, TypeError, ValueError):
            _remove_quietly(temp)


def _renamed(report: Report, document: str) -> Report:
    """The same facts under the name the file was given this time (notes mention the name)."""
    if report.document == document:
        return report
    notes = tuple(note.replace(report.document, document, 1) for note in report.notes)
    return replace(report, document=document, notes=notes)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
