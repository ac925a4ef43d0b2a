"""Councils side by side as one self-contained HTML page (``lacompare report``).

>>> from lacompare.report import render_report
>>> html = render_report(library.sides())            # doctest: +SKIP

:func:`build_page` decides what the page shows (:mod:`lacompare.report.page`),
:func:`render_page` writes it as HTML, :func:`chart_files` gives each chart as an SVG file of its
own, and :func:`write_page` puts a page on disk without ever leaving half a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lacompare.errors import LacompareError
from lacompare.report.build import build_page
from lacompare.report.page import Page

if TYPE_CHECKING:
    from lacompare.library.views import Side

__all__ = ["ReportError", "build_page", "chart_files", "render_page", "render_report", "write_page"]


class ReportError(LacompareError):
    hint = "check the path and the folder's permissions"


def render_report(
    sides: Sequence[Side],
    *,
    facts: Iterable[str] | None = None,
    title: str | None = None,
    about: Sequence[tuple[str, str]] = (),
) -> str:
    """The HTML page for these councils (``facts``: only these fact kinds; ``about``: header lines)."""
    return render_page(build_page(sides, facts=facts, title=title, about=about))


def render_page(page: Page) -> str:
    from lacompare.report.html import render_page as render

    return render(page)


def chart_files(page: Page) -> dict[str, str]:
    """File name -> SVG document: ``scores.svg`` (the heat map) and one ``<metric id>.svg`` per chart."""
    from lacompare.report.charts import heat_map, measure_chart
    from lacompare.report.page import slug

    files: dict[str, str] = {}
    if page.heat.rows:
        files["scores.svg"] = heat_map(page.heat, standalone=True)
    for block in page.blocks:
        files[f"{slug(block.metric_id)}.svg"] = measure_chart(block, standalone=True)
    return files


def write_page(path: Path, text: str) -> None:
    """Write a page (or a chart) to ``path``: into a file beside it, renamed into place when whole.

    An existing HTML file is replaced only if lacompare wrote it (it carries the generator mark),
    so a downloaded report page is never overwritten. The library's way to save a page; the
    command line writes through :mod:`lacompare.cli.output`, which keeps the same rule.
    """
    _check_target(path)
    if path.exists() and not path.is_file():  # a device or pipe (/dev/stdout): written as it is, never replaced
        _write_in_place(path, text)
        return
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temp.write_text(text, encoding="utf-8", newline="")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ReportError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None


def _write_in_place(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise ReportError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None


def _check_target(path: Path) -> None:
    from lacompare.report.html import GENERATOR

    if path.is_dir():
        raise ReportError("is a folder", source=str(path), hint="give -o a file name such as report.html")
    if path.suffix.lower() not in (".html", ".htm") or not path.exists():
        return
    try:
        head = path.read_bytes()[:2048].decode("utf-8", "replace")
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    if f'content="{GENERATOR}' not in head:
        raise ReportError(
            "refusing to overwrite an HTML file lacompare did not write",
            source=str(path),
            hint="give -o a new name, or delete the file first",
        )
