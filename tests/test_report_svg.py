"""The SVG builder and the report's charts: escaped text, short numbers, honest scales, one mark per council."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from lacompare.library.values import Value
from lacompare.report.charts import DOT_R, MAX_BARS, _stack, heat_map, measure_chart, nice_ticks, short_number
from lacompare.report.page import Bench, Block, Cell, Grid, Line, Row, Source
from lacompare.report.svg import Svg, clean, el, num

SVG = "{http://www.w3.org/2000/svg}"


def cell(council: str, value: float, *, bench: float | None = 50.0, better: bool | None = None, n: int = 1) -> Cell:
    v = Value("m.x", "A measure", "a measure", "comparison", value, "%", "England", bench, polarity="higher")
    source = Source(n, f"{council} stated {value}%", 3, f"{council}.pdf", "cqc_assessment", None, "0" * 64)
    return Cell(council, v, f"{value:g}%", source, better)


def block(values: list[float], benches: list[float | None] | None = None, polarity: str = "higher") -> Block:
    lines = []
    for i, value in enumerate(values):
        bench = (benches or [50.0] * len(values))[i]
        c = cell(f"Council {i}", value, bench=bench, better=None if bench is None else value > bench, n=i + 1)
        england = () if bench is None else (Bench("England", bench, f"{bench:g}%", True, c.source),)
        lines.append(Line(c, england))
    return Block("m.x", "A measure", "comparison", polarity, "%", tuple(lines))


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1) if "xmlns" not in svg else svg)


# -- the builder ---------------------------------------------------------------------------------


def test_text_and_attributes_are_escaped_and_markup_children_are_not() -> None:
    inner = el("tspan", None, "x")
    out = el("text", {"class": 'a"b', "x": 1.25}, "<script>&", inner)
    assert out == '<text class="a&quot;b" x="1.2">&lt;script&gt;&amp;<tspan>x</tspan></text>'
    assert isinstance(out, Svg) and out.__html__() == out


def test_none_and_false_leave_an_attribute_out_and_an_empty_element_closes_itself() -> None:
    assert el("rect", {"x": 0, "data-s": None, "hidden": False}) == '<rect x="0"/>'


def test_characters_a_document_may_not_hold_become_replacement_characters() -> None:
    assert clean("a\x00b\x0bc\ud800d\ufffe\t\n") == "a\ufffdb\ufffdc\ufffdd\ufffd\t\n"
    assert clean("plain £ text") == "plain £ text"


@pytest.mark.parametrize(("value", "text"), [(12.0, "12"), (12.25, "12.2"), (12.26, "12.3"), (-0.04, "0"), (3, "3")])
def test_coordinates_are_written_short(value: float, text: str) -> None:
    assert num(value) == text


def test_a_coordinate_that_is_not_a_number_is_a_bug_caught_early() -> None:
    with pytest.raises(ValueError):
        num(float("nan"))


# -- scales --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lo", "hi", "ticks"),
    [(0, 58.77, [0, 20, 40, 60]), (0, 1018, [0, 500, 1000, 1500]), (10.9, 89.6, [0, 20, 40, 60, 80, 100]),
     (-3, 7, [-5, 0, 5, 10]), (5, 5, [4.5, 5, 5.5]), (0.1, 0.25, [0.1, 0.15, 0.2, 0.25])],
)  # fmt: skip
def test_ticks_are_round_and_cover_the_values(lo: float, hi: float, ticks: list[float]) -> None:
    assert nice_ticks(lo, hi) == ticks


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(40, "%", "40%"), (553_918_000, "£", "£554m"), (1_200_000_000, "£", "£1.2bn"), (-2500, "£", "-£2.5k"),
     (350_000, "people", "350k"), (1500, "days", "1500"), (0.25, None, "0.25")],
)  # fmt: skip
def test_axis_labels_are_short(value: float, unit: str | None, text: str) -> None:
    assert short_number(value, unit) == text


def test_stacked_dots_never_overlap_on_one_level() -> None:
    xs = sorted([100.0, 101.0, 102.0, 103.0, 110.0, 200.0, 200.5, 201.0, 400.0])
    levels = _stack(xs)
    for level in set(levels):
        row = [x for x, lv in zip(xs, levels, strict=True) if lv == level]
        assert all(b - a >= 2 * DOT_R for a, b in zip(row, row[1:], strict=False))
    assert levels[0] == 0 and max(levels) >= 2


# -- charts --------------------------------------------------------------------------------------


def test_a_few_councils_get_a_bar_each_from_zero_with_the_value_beside_it() -> None:
    chart = parsed(measure_chart(block([46.41, 38.57], [58.77, 58.77])))
    bars = [r for r in chart.iter(f"{SVG}rect") if r.get("data-s")]
    assert [b.get("data-s") for b in bars] == ["1", "2"]
    assert {b.get("x") for b in bars} == {"158"}  # every bar starts at zero
    assert [b.get("class") for b in bars] == ["wo", "wo"]  # below England, where higher is better
    texts = ["".join(t.itertext()) for t in chart.iter(f"{SVG}text")]
    assert "46.41%" in texts and "38.57%" in texts and "higher is better →" in texts
    assert any(t.startswith("England 58.77%") for t in texts)  # one England line, named in the legend
    england = [line for line in chart.iter(f"{SVG}line") if line.get("class") == "en"]
    assert len(england) == 2  # the line across the bars, and its swatch in the legend


def test_benchmarks_that_differ_are_a_tick_on_each_bar() -> None:
    chart = parsed(measure_chart(block([40, 60], [50, 55])))
    ticks = [line for line in chart.iter(f"{SVG}line") if line.get("class") == "en"]
    assert len(ticks) == 3  # one per bar, and the legend's swatch
    assert "England (as each document states)" in "".join(chart.itertext())


def test_lower_is_better_is_said_and_coloured_so() -> None:
    b = block([10, 30], [20, 20], polarity="lower")
    lines = tuple(replace(line, cell=replace(line.cell, better=(line.cell.number or 0) < 20)) for line in b.lines)
    chart = parsed(measure_chart(replace(b, lines=lines)))
    assert "← lower is better" in "".join(chart.itertext())
    assert [r.get("class") for r in chart.iter(f"{SVG}rect") if r.get("data-s")] == ["bt", "wo"]


def test_many_councils_are_a_strip_of_dots_one_per_council() -> None:
    values = [10 + i * 0.7 for i in range(MAX_BARS + 30)]
    chart = measure_chart(block(values))
    dots = parsed(chart).findall(f".//{SVG}circle")
    assert len(dots) == len(values)
    assert sorted(int(d.get("data-s", "0")) for d in dots) == list(range(1, len(values) + 1))
    assert "54 councils" in "".join(parsed(chart).itertext())
    assert len(chart) < 100 * len(values)  # small enough for 153 councils x dozens of measures


def test_a_chart_of_its_own_carries_its_title_style_and_each_quote() -> None:
    svg = measure_chart(block([46.41, 38.57]), standalone=True)
    root = ET.fromstring(svg)
    assert root.get("width") == "640" and root.find(f"{SVG}style") is not None
    titles = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert any("“Council 0 stated 46.41%” p. 3, Council 0.pdf" in t for t in titles)
    assert "data-s" not in svg


def test_the_heat_map_gives_each_score_its_colour_and_its_digit() -> None:
    cells = tuple(replace(cell("Barnet", s, n=s), text=str(s)) for s in (1, 2, 3, 4))
    grid = Grid(("One", "Two", "Three", "Four", "None"), (Row("Barnet", (*cells, None)),))
    root = ET.fromstring(heat_map(grid))
    boxes = [r for r in root.iter(f"{SVG}rect") if re.fullmatch(r"h[1-4n]", r.get("class", ""))]
    assert [b.get("class") for b in boxes] == ["h1", "h2", "h3", "h4", "hn"]
    digits = [t.text for t in root.iter(f"{SVG}text") if t.text in ("1", "2", "3", "4")]
    assert digits == ["1", "2", "3", "4"]


def test_a_long_legend_wraps_inside_the_chart() -> None:
    b = block([40, 60], [50, 55])
    cipfa = "CIPFA nearest neighbours average"
    lines = tuple(
        replace(line, benches=(*line.benches, Bench(cipfa, 52.0 + i, f"{52 + i}%", False, line.cell.source)))
        for i, line in enumerate(b.lines)
    )
    chart = parsed(measure_chart(replace(b, lines=lines)))
    notes = [t for t in chart.iter(f"{SVG}text") if t.get("class") == "note"]
    assert any(cipfa in (t.text or "") for t in notes)
    legend = [t for t in notes if t.get("text-anchor") != "end"]  # not "higher is better", which ends at the plot
    assert all(float(t.get("x", 0)) + 6.0 * len(t.text or "") <= 640 for t in legend)
    assert len({t.get("y") for t in notes}) == 3  # "higher is better", then the legend on two rows
    assert float(chart.get("viewBox", "").split()[3]) > max(float(t.get("y", 0)) for t in notes)
