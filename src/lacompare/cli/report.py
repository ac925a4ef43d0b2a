"""``lacompare report``: councils side by side as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lacompare.cli import checked_path, command, err, exit_on_error, output_stream, settings
from lacompare.cli import output as out
from lacompare.cli.common import (
    AsOfOpt,
    DbOpt,
    FactsOpt,
    KindsOpt,
    QuietOpt,
    RegionOpt,
    check_date,
    document_kinds,
    fact_kinds,
    open_library,
    warn_notes,
)

if TYPE_CHECKING:
    from lacompare.kinds import DocumentKind, FactKind, Region
    from lacompare.library.store import Library
    from lacompare.library.views import Side
    from lacompare.report.page import Page

PageOutputOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        callback=checked_path,
        help="Write the page to FILE (.html); a page lacompare wrote before is replaced, any other file is left "
        "alone. Default: stdout, when it is not a terminal.",
    ),
]
ChartsOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--charts",
        metavar="DIR",
        callback=checked_path,
        help="Also write each chart as an SVG file of its own into DIR.",
    ),
]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="The page's title.")]  # noqa: UP045


@command()
def report(
    councils: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Council names (from the library) or report files.", metavar="COUNCIL_OR_FILE..."),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every council in the library (or in --region).")] = False,
    region: RegionOpt = None,
    fact: FactsOpt = None,
    kind: KindsOpt = None,
    as_of: AsOfOpt = None,
    title: TitleOpt = None,
    charts: ChartsOpt = None,
    db: DbOpt = None,
    output: PageOutputOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Councils side by side as one HTML page: charts and tables, every value linked to its sentence.

    The page works offline (no fonts, scripts or images are fetched) and prints on A4.
    """
    _check_choice(councils, every, region)
    _check_output(output)
    with exit_on_error(), open_library(db) as library:
        sides = _sides(library, councils, region, check_date(as_of), document_kinds(kind))
        about = _about(library.path, as_of, region, fact, kind)
    warn_notes(sides, quiet)
    from lacompare import report as pages

    with exit_on_error():
        page = pages.build_page(sides, facts=fact_kinds(fact), title=title, about=about)
        html = pages.render_page(page)
        with output_stream(output) as stream:
            stream.write(html)
        if charts is not None:
            _write_charts(charts, page, quiet)
    if not quiet:
        err(_summary(output, page, html))


def _check_choice(councils: list[str] | None, every: bool, region: Region | None) -> None:
    if councils and (every or region):
        raise typer.BadParameter("give councils, or --all (with --region), not both", param_hint="--all")
    if not councils and not every and not region:
        raise typer.BadParameter("give one or more councils, or --all", param_hint="COUNCIL_OR_FILE")


def _check_output(output: Path | None) -> None:
    if out.is_stdout(output):
        if out.stdout_is_terminal():
            raise typer.BadParameter("the report is an HTML page: write it with -o report.html", param_hint="--output")
        return
    assert output is not None
    if not out.is_device(output) and output.suffix.lower() not in out.PAGE_SUFFIXES:
        raise typer.BadParameter(f"{output}: the report is an HTML page: name it .html", param_hint="--output")
    out.check_target(output, settings().inputs)  # refused before the library is read


def _sides(
    library: Library, councils: list[str] | None, region: Region | None, as_of: str | None, kinds: list[str] | None
) -> list[Side]:
    from lacompare.errors import NotInLibrary

    if councils:
        from lacompare.cli.resolve import resolve_sides

        return resolve_sides(councils, library, as_of=as_of, kinds=kinds)
    sides = library.sides(as_of=as_of, kinds=kinds, region=region.value if region else None)
    if not sides:
        where = f" in {region.value}" if region else ""
        raise NotInLibrary(f"the library holds no council{where}", hint="add reports first: `lacompare add REPORT.pdf`")
    return sides


def _about(
    library: Path, as_of: str | None, region: Region | None, facts: list[FactKind] | None,
    kinds: list[DocumentKind] | None,
) -> list[tuple[str, str]]:  # fmt: skip
    """The header's lines: where the values come from and what was asked."""
    import datetime as dt

    from lacompare import __version__

    about = [("Library", library.name)]
    about += [("As of", as_of)] if as_of else []
    about += [("Region", region.value)] if region else []
    about += [("Facts", ", ".join(f.value for f in facts))] if facts else []
    about += [("Documents", ", ".join(k.value for k in kinds))] if kinds else []
    about.append(("Made", f"{dt.date.today().isoformat()} by lacompare {__version__}"))
    return about


def _write_charts(folder: Path, page: Page, quiet: bool) -> None:
    from lacompare.report import ReportError, chart_files

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot make the folder: {exc.strerror or exc}", source=str(folder)) from None
    files = chart_files(page)
    for name, svg in files.items():
        with output_stream(folder / name) as stream:
            stream.write(svg)
    if not quiet:
        err(f"{folder}: {len(files)} chart(s) written as SVG")


def _summary(output: Path | None, page: Page, html: str) -> str:
    where = "standard output" if out.is_stdout(output) else str(output)
    size = len(html.encode("utf-8"))
    charts = len(page.blocks)
    return f"{where}: {len(page.councils)} council(s), {charts} chart(s), {page.values:,} values, {size / 1e6:.1f} MB"
