"""Councils side by side as one self-contained HTML page (``lacompare report``).

>>> from lacompare.report import render_report
>>> html = render_report(library.sides())            # doctest: +SKIP

:func:`build_page` decides what the page shows (:mod:`lacompare.report.page`),
:func:`render_page` writes it as HTML and :func:`chart_files` gives each chart as an SVG file of
its own (the command line puts them on disk: see :mod:`lacompare.cli.output`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lacompare.errors import LacompareError
from lacompare.report.build import build_page
from lacompare.report.page import Page

if TYPE_CHECKING:
    from lacompare.compare import Side

__all__ = ["ReportError", "build_page", "chart_files", "render_page", "render_report"]


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
