"""A :class:`~lacompare.report.page.Page` as one self-contained HTML file (Jinja2, autoescaped).

The stylesheet and the few lines of script are read from the package and written into the
page; charts are inline SVG from :mod:`lacompare.report.charts`. Every text from a document is
escaped by Jinja2's autoescape, after characters HTML may not hold are replaced (see
:func:`lacompare.report.svg.clean`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from lacompare import __version__
from lacompare.report.charts import CHART_CSS, HEAT_COLOURS, HEAT_WORDS, measure_chart
from lacompare.report.page import Bench, Cell, Page
from lacompare.report.svg import clean

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
GENERATOR = "lacompare report"  # the generator meta: a page lacompare wrote (and may write again)


def render_page(page: Page) -> str:
    """The page as HTML."""
    template = _environment().get_template("page.html.j2")
    return template.render(
        page=page,
        css=Markup(_asset("report.css")),
        chart_css=Markup(CHART_CSS),
        js=Markup(_asset("report.js")),
        chart=measure_chart,
        heat_words=HEAT_WORDS,
        heat_colours=HEAT_COLOURS,
        number=_number,
        generator=f"{GENERATOR} {__version__}",
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.filters["basename"] = _basename
    env.filters["link"] = link
    env.filters["td"] = td
    env.filters["heat"] = heat
    env.filters["bench"] = bench
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _finalize(value: Any) -> Any:
    """Each ``{{ … }}`` before it is escaped: text loses the characters HTML may not hold."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return clean(value)
    return value


def link(cell: Cell | None) -> Markup:
    """A value as a link to its sentence (``#qN``), with the flag mark of a doubted value; "–" for none.

    Written here rather than as a template macro: a page of 153 councils has some 12,000 of them.
    """
    if cell is None:
        return Markup("–")
    html = f"<a href=#{cell.source.anchor}>{escape(clean(cell.text))}</a>"
    if cell.value.flag:
        html += f' <span class=flag title="{escape(clean(cell.value.flag))}">⚑</span>'
    return Markup(html)


def td(cell: Cell | None, css: str = "") -> Markup:
    """A table cell holding :func:`link` (rows and cells leave out their end tags, as HTML allows)."""
    if cell is not None and cell.value.flag:
        css = f"{css} fl".strip()
    return Markup(f'<td class="{css}">' if css else "<td>") + link(cell)


def bench(b: Bench) -> Markup:
    """A benchmark ("London 7.6%") as a link to the sentence stating it."""
    return Markup(f"<a href=#{b.source.anchor}>{escape(clean(b.comparator))} {escape(clean(b.text))}</a>")


def heat(cell: Cell | None) -> Markup:
    """A heat map cell: coloured by its score (h1 … h4), the digit in it."""
    score = cell.text if cell is not None and cell.text in ("1", "2", "3", "4") else ""
    return td(cell, f"h h{score}" if score else "h")


def _basename(path: str) -> str:
    """A document's file name, whichever separator its stored path uses."""
    return PureWindowsPath(path).name if "\\" in path else PurePosixPath(path).name


def _number(value: float, unit: str | None) -> str:
    from lacompare.render.diff_rows import number_text

    return number_text(value, unit)
