"""The report's charts as inline SVG: a measure's councils against their benchmarks, and the heat map.

* Up to :data:`MAX_BARS` councils: a bar per council from zero, its document's England benchmark
  as a solid tick (one line across all bars when every document states the same figure) and any
  other benchmark (a region, CIPFA neighbours) dashed.
* More councils: a dot per council, stacked where dots would overlap, with the benchmark figures
  two or more councils' documents state drawn across the strip.

Blue is better than the benchmark the council's own document states, given the measure's
polarity; vermilion is worse; grey is level, without a benchmark, or a measure with no better
direction (Okabe-Ito colours, told apart with colour-blindness). The value is written beside each bar.
Each mark carries ``data-s``, the id of the sentence it came from, and a ``<title>``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lacompare.library.values import HIGHER, LOWER
from lacompare.report.page import Bench, Block, Cell, Grid
from lacompare.report.svg import Attrs, Svg, document, el, group

MAX_BARS = 24
WIDTH = 640.0
LABEL_X = 150.0  # council names end here
PLOT_X0, PLOT_X1 = 158.0, 548.0
ROW = 20.0
TOP = 22.0
DOT_R, DOT_STEP = 3.5, 7.5
LEGEND_CHAR, LEGEND_ROW = 6.0, 15.0  # a legend's letters are about 6 px wide; a row of it 15 px high
HEAT_COLOURS = {1: "#e66101", 2: "#fdb863", 3: "#b2abd2", 4: "#5e3c99"}  # ColorBrewer PuOr, colour-blind safe
HEAT_WORDS = {
    1: "evidence shows significant shortfalls",
    2: "evidence shows some shortfalls",
    3: "evidence shows a good standard",
    4: "evidence shows an exceptional standard",
}

CHART_CSS = """
svg.chart,svg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:12px}
.lbl{fill:#222}.val{fill:#222;font-variant-numeric:tabular-nums}.note{fill:#555;font-size:11px}
.ax{stroke:#999;stroke-width:1}.tk{fill:#555;font-size:10px}
.bt{fill:#0072b2}.wo{fill:#d55e00}.lv{fill:#8c8c8c}
.en{stroke:#000;stroke-width:2}.ot{stroke:#000;stroke-width:1.5;stroke-dasharray:3 2}
.h1{fill:#e66101}.h2{fill:#fdb863}.h3{fill:#b2abd2}.h4{fill:#5e3c99}.hd{fill:#222}.hw{fill:#fff}.hn{fill:#eee}
""".strip()


@dataclass(frozen=True, slots=True)
class Scale:
    """Values lo..hi onto x0..x1."""

    lo: float
    hi: float
    ticks: tuple[float, ...] = ()
    x0: float = PLOT_X0
    x1: float = PLOT_X1

    def __call__(self, value: float) -> float:
        if self.hi == self.lo:
            return (self.x0 + self.x1) / 2
        return self.x0 + (value - self.lo) / (self.hi - self.lo) * (self.x1 - self.x0)


def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten apart) covering lo..hi."""
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi, lo = (hi + 1, lo - 1) if hi == 0 else (hi + abs(hi) * 0.1, lo - abs(lo) * 0.1)
    raw = (hi - lo) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(lo / step + 1e-9) * step
    ticks = []
    value = first
    while value < hi + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def short_number(value: float, unit: str | None) -> str:
    """An axis label: "40%", "£1.2bn", "350k"."""
    size = abs(value)
    text = f"{value:g}"
    for divisor, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if size >= divisor and (size >= 1e4 or unit == "£"):
            text = f"{value / divisor:.3g}{suffix}"
            break
    if unit == "%":
        return text + "%"
    return ("£" + text).replace("£-", "-£") if unit == "£" else text


def measure_chart(block: Block, *, standalone: bool = False) -> Svg:
    """The block's chart: bars for a few councils, a dot strip for many."""
    return bars(block, standalone) if len(block.lines) <= MAX_BARS else strip(block, standalone)


def _mark_class(cell: Cell) -> str:
    return "lv" if cell.better is None else "bt" if cell.better else "wo"


def _mark(shape: str, attrs: Attrs, cell: Cell, standalone: bool, *, titled: bool = True) -> Svg:
    """A bar or dot: ``data-s`` names its sentence on the page; a file of its own carries the quote instead.

    Untitled marks (a strip of many councils, kept small) are described by their row of the table.
    """
    attrs = {**attrs, "class": _mark_class(cell), "data-s": None if standalone else cell.source.id}
    if standalone:
        quote = f"{cell.described} | “{cell.source.quote}” p. {cell.source.page}, {cell.source.document}"
        return el(shape, attrs, el("title", None, quote))
    return el(shape, attrs, el("title", None, cell.described)) if titled else el(shape, attrs)


def _direction(block: Block) -> Svg | None:
    if block.polarity == HIGHER:
        return el("text", {"x": PLOT_X1, "y": 13.0, "text-anchor": "end", "class": "note"}, "higher is better →")
    if block.polarity == LOWER:
        return el("text", {"x": PLOT_X0, "y": 13.0, "class": "note"}, "← lower is better")
    return None


def _domain(block: Block, benches: Sequence[float], zero: bool) -> Scale:
    values = [c.cell.number or 0.0 for c in block.lines] + list(benches)
    lo, hi = min(values), max(values)
    if zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    ticks = nice_ticks(lo, hi)
    return Scale(min(ticks[0], lo), max(ticks[-1], hi), tuple(ticks))


def _axis(scale: Scale, y: float, unit: str | None) -> Svg:
    parts = [el("line", {"x1": scale.x0, "x2": scale.x1, "y1": y, "y2": y, "class": "ax"})]
    for tick in scale.ticks:
        if scale.lo - 1e-9 <= tick <= scale.hi + 1e-9:
            x = scale(tick)
            parts.append(el("line", {"x1": x, "x2": x, "y1": y, "y2": y + 4.0, "class": "ax"}))
            label = short_number(tick, unit)
            parts.append(el("text", {"x": x, "y": y + 15.0, "text-anchor": "middle", "class": "tk"}, label))
    return group(parts)


def _legend(y: float, entries: Sequence[tuple[str, str]]) -> tuple[Svg, float]:
    """Swatches and words in rows that fit the chart's width: (css class, words); "en"/"ot" are lines.

    Returns the legend and the y of its last row.
    """
    parts, x = [], 4.0
    for css, words in entries:
        width = 24.0 + LEGEND_CHAR * len(words)
        if x > 4.0 and x + width > WIDTH:
            x, y = 4.0, y + LEGEND_ROW
        if css in ("en", "ot"):
            parts.append(el("line", {"x1": x + 5.0, "x2": x + 5.0, "y1": y - 9.0, "y2": y + 2.0, "class": css}))
        else:
            parts.append(el("rect", {"x": x, "y": y - 9.0, "width": 10, "height": 10, "class": css}))
        parts.append(el("text", {"x": x + 14.0, "y": y, "class": "note"}, words))
        x += width
    return group(parts), y


def _colour_legend(block: Block) -> list[tuple[str, str]]:
    used = {_mark_class(line.cell) for line in block.lines}
    entries = [("bt", "better than its benchmark"), ("wo", "worse than its benchmark")]
    shown = [e for e in entries if e[0] in used]
    if "lv" in used:
        shown.append(("lv", "no benchmark or level" if block.direction else "no better direction"))
    return shown


def _common(benches: Sequence[Bench | None], total: int) -> float | None:
    """The benchmark figure when every line's document states the same one."""
    values = {b.value for b in benches if b is not None}
    return float(next(iter(values))) if len(values) == 1 and sum(b is not None for b in benches) == total else None


def bars(block: Block, standalone: bool = False) -> Svg:
    lines = block.lines
    england = [line.england for line in lines]
    others = [line.others[0] if line.others else None for line in lines]
    bench_values = [float(b.value) for b in (*england, *others) if b is not None]
    scale = _domain(block, bench_values, zero=True)
    parts: list[Svg] = [p for p in (_direction(block),) if p is not None]
    bottom = TOP + ROW * len(lines)
    for i, line in enumerate(lines):
        y, number = TOP + ROW * i, line.cell.number or 0.0
        x_from, x_to = scale(min(0.0, number)), scale(max(0.0, number))
        name = line.cell.council
        shown = name if len(name) <= 24 else name[:23] + "…"
        parts.append(el("text", {"x": LABEL_X, "y": y + 14.0, "text-anchor": "end", "class": "lbl"}, shown))
        rect = {"x": x_from, "y": y + 4.0, "width": max(x_to - x_from, 1.0), "height": 12}
        parts.append(_mark("rect", rect, line.cell, standalone))
        value = {"x": WIDTH - 4.0, "y": y + 14.0, "text-anchor": "end", "class": "val"}
        parts.append(el("text", value, line.cell.text))
    parts += _bench_lines(england, scale, "en", TOP, bottom)
    parts += _bench_lines(others, scale, "ot", TOP, bottom)
    parts.append(_axis(scale, bottom + 4.0, block.unit))
    legend, last = _legend(bottom + 38.0, _colour_legend(block) + _bench_legend(england, others, len(lines)))
    parts.append(legend)
    return _chart(block, last + 8.0, parts, standalone)


def _bench_lines(benches: Sequence[Bench | None], scale: Scale, css: str, top: float, bottom: float) -> list[Svg]:
    common = _common(benches, len(benches))
    if common is not None:
        x = scale(common)
        return [el("line", {"x1": x, "x2": x, "y1": top, "y2": bottom, "class": css})]
    out = []
    for i, bench in enumerate(benches):
        if bench is not None:
            x, y = scale(float(bench.value)), top + ROW * i
            out.append(el("line", {"x1": x, "x2": x, "y1": y + 1.0, "y2": y + ROW - 1.0, "class": css}))
    return out


def _bench_legend(england: Sequence[Bench | None], others: Sequence[Bench | None], total: int) -> list[tuple[str, str]]:
    out = []
    for css, benches in (("en", england), ("ot", others)):
        stated = [b for b in benches if b is not None]
        if not stated:
            continue
        names = " / ".join(dict.fromkeys(b.comparator for b in stated))
        common = _common(benches, total)
        out.append((css, f"{names} {stated[0].text}" if common is not None else f"{names} (as each document states)"))
    return out


def strip(block: Block, standalone: bool = False) -> Svg:
    lines = sorted(block.lines, key=lambda line: line.cell.number or 0.0)
    drawn = _shared_benches(block)
    scale = _domain(block, [float(b.value) for b, _ in drawn], zero=False)
    levels = _stack([scale(line.cell.number or 0.0) for line in lines])
    height = (max(levels) + 1) * DOT_STEP + 4.0 if levels else DOT_STEP
    base = TOP + height
    parts: list[Svg] = [p for p in (_direction(block),) if p is not None]
    for line, level in zip(lines, levels, strict=True):
        x, y = scale(line.cell.number or 0.0), base - DOT_R - level * DOT_STEP
        parts.append(_mark("circle", {"cx": x, "cy": y, "r": DOT_R}, line.cell, standalone, titled=False))
    legend = _colour_legend(block)
    for bench, count in drawn:
        x, css = scale(float(bench.value)), "en" if bench.england else "ot"
        parts.append(el("line", {"x1": x, "x2": x, "y1": TOP - 4.0, "y2": base, "class": css}))
        legend.append((css, f"{bench.comparator} {bench.text} ({count} councils)"))
    parts.append(el("text", {"x": LABEL_X, "y": base - 2.0, "text-anchor": "end", "class": "lbl"},
                    f"{len(lines)} councils"))  # fmt: skip
    parts.append(_axis(scale, base + 4.0, block.unit))
    drawn_legend, last = _legend(base + 38.0, legend)
    parts.append(drawn_legend)
    return _chart(block, last + 8.0, parts, standalone)


def _shared_benches(block: Block) -> list[tuple[Bench, int]]:
    """Benchmark figures two or more councils' documents state (at most three, the most stated first)."""
    counts = Counter((b.comparator, b.value) for line in block.lines for b in line.benches[:2])
    found = {(b.comparator, b.value): b for line in block.lines for b in line.benches}
    return [(found[key], n) for key, n in counts.most_common(3) if n >= 2]


def _stack(xs: Sequence[float]) -> list[int]:
    """A level for each dot (xs ascending) so that no two dots on one level overlap."""
    last: list[float] = []  # the rightmost x on each level
    levels = []
    for x in xs:
        level = next((k for k, end in enumerate(last) if x - end >= 2 * DOT_R), len(last))
        if level == len(last):
            last.append(x)
        else:
            last[level] = x
        levels.append(level)
    return levels


def _chart(block: Block, height: float, parts: list[Svg], standalone: bool) -> Svg:
    count = len(block.lines)
    label = f"{block.label}: {count} council{'s' if count != 1 else ''}"
    label += f", {block.direction}" if block.direction else ""
    if standalone:
        title = el("text", {"x": 4.0, "y": 14.0, "class": "lbl", "font-weight": "bold"}, block.label)
        body = [title, group(parts, {"transform": "translate(0 18)"})]
        return document(WIDTH, height + 18.0, body, label=label, standalone=True, style=CHART_CSS)
    return document(WIDTH, height, parts, label=label, standalone=False)


def heat_map(grid: Grid, *, standalone: bool = True) -> Svg:
    """The quality-statement scores as a grid of coloured cells, each with its digit."""
    cell_w, cell_h, left, top = 40.0, 18.0, 170.0, 150.0
    parts: list[Svg] = []
    for j, column in enumerate(grid.columns):
        x = left + cell_w * j + cell_w / 2
        attrs = {"transform": f"translate({x:.1f} {top - 6.0:.1f}) rotate(-50)", "class": "lbl", "font-size": 11}
        parts.append(el("text", attrs, column))
    for i, row in enumerate(grid.rows):
        y = top + cell_h * i
        parts.append(el("text", {"x": left - 6.0, "y": y + 13.0, "text-anchor": "end", "class": "lbl"}, row.council))
        for j, cell in enumerate(row.cells):
            parts += _heat_cell(cell, left + cell_w * j, y, cell_w, cell_h, standalone)
    height = top + cell_h * len(grid.rows) + 8.0
    width = left + cell_w * len(grid.columns) + 8.0
    label = f"Quality statement scores, {len(grid.rows)} councils"
    return document(width, height, parts, label=label, standalone=standalone, style=CHART_CSS)


def _heat_cell(cell: Cell | None, x: float, y: float, w: float, h: float, standalone: bool) -> list[Svg]:
    box = {"x": x + 1.0, "y": y + 1.0, "width": w - 2.0, "height": h - 2.0}
    score = int(cell.number) if cell is not None and cell.number in HEAT_COLOURS else None
    if cell is None or score is None:
        return [el("rect", {**box, "class": "hn"})]
    title = f"{cell.described}: {HEAT_WORDS[score]}"
    attrs = {**box, "class": f"h{score}", "data-s": None if standalone else cell.source.id}
    digit = {"x": x + w / 2, "y": y + 13.0, "text-anchor": "middle", "class": "hw" if score == 4 else "hd"}
    return [el("rect", attrs, el("title", None, title)), el("text", digit, cell.text)]
