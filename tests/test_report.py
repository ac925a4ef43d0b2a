"""The report page as a reader gets it: valid HTML that holds every value of the councils asked,
each linked to its own sentence, page and document; nothing from a document runs as markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest

from lacompare.compare import Side
from lacompare.library.store import Library
from lacompare.library.values import Value
from lacompare.model import Report
from lacompare.render.diff_rows import number_text
from lacompare.report import build_page, chart_files, render_page, render_report
from tests.conftest import BARNET_CHROMIUM, BARNET_LIBREOFFICE, BARNET_MD, CAMDEN_TXT

from .report_library import HOSTILE, example_library, hostile_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with Library(example_library(tmp_path_factory.mktemp("report")), create=False) as opened:
        yield opened


@pytest.fixture(scope="module")
def sides(library: Library) -> list[Side]:
    return library.sides()


@pytest.fixture(scope="module")
def html(sides: list[Side]) -> str:
    return render_report(sides, about=[("Library", "library.sqlite3")])


def parse(text: str) -> ET.Element:
    """Parse as a browser does, failing on the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)  # type: ignore[no-any-return]


def sources(tree: ET.Element) -> dict[str, tuple[str, str]]:
    """Each sentence the page lists: anchor -> (quote, where it is)."""
    out = {}
    for li in tree.iter("li"):
        if re.fullmatch(r"q\d+", li.get("id", "")):
            quote = li.find("q")
            where = li.find("span")
            assert quote is not None and where is not None
            out[li.get("id", "")] = ("".join(quote.itertext()), "".join(where.itertext()))
    return out


def links(tree: ET.Element) -> list[tuple[str, str]]:
    """Every value link: (its text, the anchor of its sentence)."""
    return [
        ("".join(a.itertext()), a.get("href", "")[1:]) for a in tree.iter("a") if a.get("href", "").startswith("#q")
    ]


def test_the_page_is_html_a_browser_parses_without_one_error(html: str) -> None:
    tree = parse(html)
    assert tree.find("head/title") is not None
    assert html.startswith("<!DOCTYPE html>")


def test_every_value_of_every_council_links_to_its_own_sentence_page_and_document(html: str, sides: list[Side]) -> None:
    tree = parse(html)
    quotes, found = sources(tree), links(tree)
    by_anchor: dict[str, list[str]] = {}
    for text, anchor in found:
        by_anchor.setdefault(anchor, []).append(text)
    values = [v for side in sides for v in side.values]
    assert len(values) > 300

    def linked(v: Value) -> bool:
        # a copy of a report (another format) is listed beside the sentence, not as a sentence of its own
        place = f"p. {v.page} · {Path(v.document).name}"
        anchors = [a for a, (quote, where) in quotes.items() if quote == v.quote and place in where]
        shown = [number_text(v.value, v.unit)]
        if v.comparator_value is not None:
            shown.append(number_text(v.comparator_value, v.unit))
        texts = [t for a in anchors for t in by_anchor.get(a, [])]
        return any(s in t for s in shown for t in texts)

    for v in values:
        # a value copies of the report state once more (in their own words) counts once: a copy is linked
        same = (v.gss_code, v.metric_id, v.value, v.period_text, v.comparator_value)
        copies = [w for w in values if (w.gss_code, w.metric_id, w.value, w.period_text, w.comparator_value) == same]
        assert any(linked(w) for w in copies), f"{v.metric_id} {v.value} of {v.document} is not linked to a sentence"


def test_every_sentence_the_page_links_to_is_on_the_page(html: str) -> None:
    tree = parse(html)
    listed = sources(tree)
    assert {anchor for _, anchor in links(tree)} <= set(listed)
    assert len(listed) == len(set(listed))


def test_the_page_says_how_many_values_it_holds(sides: list[Side]) -> None:
    page = build_page(sides)
    assert page.values == sum(len(s.values) for s in sides)
    assert [c.name for c in page.councils] == ["Barnet", "Camden"]


def test_ratings_scores_and_shared_measures_are_where_a_reader_looks(sides: list[Side]) -> None:
    page = build_page(sides)
    ratings = {c.name: c.rating.text for c in page.councils if c.rating}
    assert ratings == {"Barnet": "Good", "Camden": "Outstanding"}
    assert len(page.heat.columns) == 9
    assert [[c.text if c else None for c in row.cells] for row in page.heat.rows] == [
        ["2", "2", "2", "3", "3", "2", "3", "3", "3"],
        ["3", "3", "4", "3", "4", "4", "3", "4", "4"],
    ]
    reviewed = next(b for b in page.blocks if b.metric_id == "salt.long_term_reviewed")
    assert [
        (line.cell.council, line.cell.text, line.england.text if line.england else None) for line in reviewed.lines
    ] == [
        ("Barnet", "46.41%", "58.77%"),
        ("Camden", "38.57%", "58.77%"),
    ]
    assert reviewed.direction == "higher is better"
    assert all(line.cell.better is False for line in reviewed.lines)  # both below England


def test_waits_list_people_median_and_longest_wait_per_service(sides: list[Side]) -> None:
    page = build_page(sides)
    carers = [w for w in page.waits if w.service.lower().startswith("carers assessment")]
    camden = next(w for w in carers if w.council == "Camden")
    assert (camden.people and camden.people.text, camden.median and camden.median.text) == ("642 people", "206 days")
    assert camden.longest is not None and camden.longest.text == "1,018 days"


def test_flagged_values_are_listed_with_their_reason(html: str, sides: list[Side]) -> None:
    flagged = [v for side in sides for v in side.values if v.flag]
    assert flagged
    tree = parse(html)
    section = next(s for s in tree.iter("section") if s.get("id") == "flags")
    text = "".join(section.itertext())
    for v in flagged:
        assert v.flag in text


def test_only_the_facts_asked_for(sides: list[Side]) -> None:
    page = build_page(sides, facts=["score"])
    assert page.heat.rows and not page.blocks and not page.waits
    assert {e.cell.value.fact for _, extras in page.extras for e in extras} <= {"score"}
    assert page.values == sum(1 for s in sides for v in s.values if v.fact == "score")


def test_one_council_has_a_page_of_its_own(sides: list[Side]) -> None:
    html = render_report(sides[1:])
    parse(html)
    assert "<title>Adult social care in Camden</title>" in html


def test_a_hostile_quote_flag_and_file_name_render_as_text(tmp_path: Path) -> None:
    with Library(hostile_library(tmp_path), create=False) as library:
        html = render_report(library.sides())
    tree = parse(html)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and "document.title" not in (scripts[0].text or "")  # only the page's own script
    assert not list(tree.iter("img"))
    text = "".join(tree.itertext())
    visible = HOSTILE.replace("\x00", "\ufffd").replace("\x0b", "\ufffd")
    assert f"Camden {visible} 41.5%" in text
    assert "<script>document.title" in text  # shown, as text


def test_the_page_fetches_nothing(html: str) -> None:
    tree = parse(html)
    assert not [e for e in tree.iter() if e.get("src") or (e.tag == "link" and e.get("href"))]
    assert not re.search(r"https?://", html.split("<main>", 1)[0])  # no font, style or script from afar
    policy = next(m for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy.get("content", "")


def test_each_chart_is_also_an_svg_file_of_its_own(sides: list[Side]) -> None:
    page = build_page(sides)
    files = chart_files(page)
    assert "scores.svg" in files
    assert len(files) == len(page.blocks) + 1
    for name, svg in files.items():
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", name
        assert root.find("{http://www.w3.org/2000/svg}style") is not None  # styled without the page


def test_render_page_is_the_html_of_build_page(sides: list[Side]) -> None:
    page = build_page(sides, title="Two boroughs")
    assert "<h1>Two boroughs</h1>" in render_page(page)


def test_a_page_of_153_councils_stays_under_two_megabytes(tmp_path: Path) -> None:
    """The bench's synthetic library: every council, 63 shared measures, about 10,000 values."""
    import sys

    bench = Path(__file__).resolve().parent.parent / "bench"
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    from bench_library import build

    db = tmp_path / "library.sqlite3"
    build(db)
    with Library(db, create=False) as library:
        sides = library.sides()
    page = build_page(sides)
    html = render_page(page)
    assert len(page.councils) == 153 and page.values == sum(len(s.values) for s in sides) > 10_000
    assert len(html.encode("utf-8")) <= 2_000_000
    assert html.count("<circle ") == sum(len(b.lines) for b in page.blocks)  # a strip of dots each, no bars
    parse(html)


def test_the_page_applies_the_rules_of_diff_copies_once_no_false_year_notes(
    reports: dict[Path, Report], tmp_path: Path
) -> None:
    with Library(tmp_path / "copies.sqlite3") as library:
        for path in (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE, CAMDEN_TXT):  # Barnet's report three ways
            library.store(reports[path], source=str(path))
        sides = library.sides()
    page = build_page(sides)
    html = render_page(page)
    assert "years differ" not in html  # CQC's "2024" and "2023-24" name one survey
    assert "documents disagree" not in html  # the three copies agree with each other
    copied = [s for s in page.sources if s.copies]
    assert copied and all(s.document != d for s in copied for _, d in s.copies)
    for _, extras in page.extras:
        keys = [(e.cell.value.metric_id, e.cell.value.value, e.cell.value.period_text, e.cell.value.comparator_value)
                for e in extras]  # fmt: skip
        assert len(keys) == len(set(keys)), "a value of copies of one report is listed twice"
