"""Tables whose header groups the columns by place: each place (the council, England, a region)
has the same columns under it, and a second header line dates them in turn.

    Age Category England (000's) % Change Worcestershire (000's) % Change (2016–2033) (2016–2033)
    2016 2033 2016 2033
    All ages 55268.1 60251.5 9.0 583.5 626.8 7.4

JSNA, census and projection tables print places so. Each place's group holds a column per period
of the second line (its values), then a change column when the group's words name one ("%
Change", dated by a bracketed period after the groups). One group is the council's (a name no
benchmark word gives) and the others are benchmarks ("England", "South East", "London"). Where
both hold a rate, a share or a change ("% Change", "%", "Rate per 1,000"), the council's cell is
set against each benchmark's in the same column: a comparison. A count ("(000's)", "Number") is
the place's size, not a measure set against England's, so it gives none. The table becomes a
``Grid`` whose ``pairs`` name the columns compared (``rows`` makes the comparisons), as a table
given cell by cell does (``cell_header``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lacompare import compiled
from lacompare.extractors.tables.cells import Cell, inner_cells, row_cells
from lacompare.extractors.tables.header import Column, Role, column, units
from lacompare.extractors.tables.model import Grid, Row
from lacompare.readers.base import Page
from lacompare.vocab.periods import Period, first_period

# A line of years only: the second line of a grouped header ("2016 2033 2016 2033", "2021/22 2022/23 …").
_YEAR = r"(?:19|20)\d\d(?:[-/–](?:19|20)?\d\d)?"
_PERIOD_LINE = compiled.pattern(rf"\n[ \t]*(?:{_YEAR}[ \t]+){{1,11}}{_YEAR}[ \t]*$")
_YEAR_RE = compiled.pattern(_YEAR)
_YEAR_ANYWHERE = compiled.pattern(rf"(?<![\w.,£]){_YEAR}(?![\w.,%])")
_ENDS_IN_YEAR = compiled.pattern(rf"(?<![\w.,£]){_YEAR}[ \t]*$")
_SPAN = compiled.pattern(r"(?P<start>(?:19|20)\d\d)\s*(?:[-–/]|to)\s*(?P<end>(?:19|20)?\d\d)")
_BRACKET_PERIOD = compiled.pattern(r"\((?P<span>(?:19|20)\d\d\s*(?:[-–/]|to)\s*(?:(?:19|20)?\d\d))\)")
# A group's change column's words ("% Change", "change", "growth"); a bare "%" heads dated shares.
_CHANGE_WORD = compiled.pattern(r"(?i)^(?:%\s*)?(?:change|growth|increase|decrease|difference)$")
_RATE = compiled.pattern(r"(?i)%|\b(?:rate|per|proportion|percentage|share|change|growth)\b")
_COUNT = compiled.pattern(r"(?i)\b(?:000|number|count|population|people|total|thousands?|persons)\b|000['’]?s")
MOST_GROUP_WORDS = 4  # words a group's columns are headed by ("(000's) % Change")
MOST_PLACE_WORDS = 3  # "North East England", "West Sussex"
MOST_ROWS = 40
MOST_GAP_LINES = 1


@dataclass(frozen=True, slots=True)
class Group:
    place: str
    benchmark: str | None  # the benchmark's name; None for the council's own group


@dataclass(frozen=True, slots=True)
class GroupedHeader:
    groups: tuple[Group, ...]
    level: str  # the words over the dated columns ("(000's)")
    change: str  # the words over the change column ("% Change"), "" when the groups have none
    spans: tuple[str, ...]  # each group's change period, as printed ("2016–2033")
    periods: tuple[str, ...] = ()  # the dating periods when the header's line ends in them

    def width(self, periods: int) -> int:
        return periods + bool(self.change)


def grids(page: Page) -> Iterator[Grid]:
    """Every place-grouped table in the page's text, with the pairs of columns it compares."""
    lines = page.text.split("\n")
    for index, line in enumerate(lines):
        if not _ends_in_year(line):
            continue  # a grouped header ends in its periods, or the line under it is its periods
        found = _at(lines, index) or (_at(lines, index - 1) if index else None)
        if found is not None and found[2] == index + 1:
            header, periods, first_row = found
            rows = tuple(_rows(lines[first_row : first_row + MOST_ROWS], header, periods))
            if rows:
                columns, pairs = _text_columns(header, periods)
                yield Grid(page.number, columns, rows, pairs)


def table_end(lines: Sequence[str], index: int) -> int | None:
    """Where the place-grouped table whose header opens at ``lines[index]`` ends (the index after
    its last row), or None when no such header stands there: its rows are this reader's, and no
    other table reader's (a row holds each place's values, which no single header column places)."""
    below = lines[index + 1] if index + 1 < len(lines) else ""
    if not (_ends_in_year(lines[index]) or (_ends_in_year(below) and _PERIOD_LINE.match("\n" + below))):
        return None  # most lines: no header's periods on the line or under it
    found = _at(lines, index)
    if found is None:
        return None
    end, gap = found[2], 0
    while end < len(lines) and end - index <= MOST_ROWS and gap <= MOST_GAP_LINES:
        text = lines[end].strip()
        gap = 0 if not text or _cells(text, 2) is not None else gap + 1
        end += 1
    return end - gap


def _ends_in_year(line: str) -> bool:
    # a string test first: most lines end in a word, and this runs on every line of every page
    return line.rstrip()[-1:].isdigit() and _ENDS_IN_YEAR.search(line) is not None


def _at(lines: Sequence[str], index: int) -> tuple[GroupedHeader, list[str], int] | None:
    """The grouped header at ``lines[index]``, each group's periods and the index of its first row:
    the periods end the header's line (a PDF's text joins them on) or are the next line."""
    header = grouped_header(lines[index])
    if header is None:
        return None
    periods, first_row = list(header.periods), index + 1
    if not periods and index + 1 < len(lines) and _PERIOD_LINE.match("\n" + lines[index + 1]):
        periods, first_row = lines[index + 1].split(), index + 2
    if not periods or len(periods) % len(header.groups):
        return None
    return header, periods[: len(periods) // len(header.groups)], first_row


def grouped_header(line: str) -> GroupedHeader | None:
    """The line's place groups, or None unless it is a header of two or more groups with the same
    column words, one the council's and the others benchmarks."""
    found = units(line)
    periods: list[str] = []
    while found and found[-1][0] is Role.PERIOD and _YEAR_RE.fullmatch(found[-1][1]):
        periods.insert(0, found.pop()[1])
    spans: list[str] = []
    while found and (span := _BRACKET_PERIOD.fullmatch(found[-1][1])):
        spans.insert(0, span.group("span"))
        found.pop()
    first = next((i for i, (role, _) in enumerate(found) if role is Role.BENCHMARK), None)
    if first is None:
        return None
    for size in range(1, MOST_GROUP_WORDS + 1):
        words = [t for _, t in found[first + 1 : first + 1 + size]]
        if len(words) < size or any(r is not None for r, _ in found[first + 1 : first + 1 + size]):
            break
        groups = _groups(found, first, words)
        if groups is not None:
            return _header(groups, words, spans, periods)
    return None


def _groups(found: list[tuple[Role | None, str]], first: int, words: list[str]) -> list[Group] | None:
    """The groups from the first benchmark on, each a place then ``words``; also one group before
    it (the council's, its words just before the benchmark)."""
    size = len(words)
    groups = [_group(found[first][1])]
    if [t for _, t in found[max(0, first - size) : first]] == words and first > size:
        groups.insert(0, Group(found[first - size - 1][1], None))
    at = first + 1 + size
    while at < len(found):
        place = next(
            (n for n in range(1, MOST_PLACE_WORDS + 1) if [t for _, t in found[at + n : at + n + size]] == words),
            None,
        )
        if place is None:
            return None
        groups.append(_group(" ".join(t for _, t in found[at : at + place])))
        at += place + size
    own = [g for g in groups if g.benchmark is None]
    return groups if len(groups) >= 2 and len(own) == 1 else None


def _group(place: str) -> Group:
    col = column(place)
    return Group(place, col.comparator if col.role is Role.BENCHMARK else None)


def _header(groups: list[Group], words: list[str], spans: list[str], periods: list[str]) -> GroupedHeader | None:
    # The change column's words close the group ("% Change"); the words before head the dated
    # columns ("(000's)"), none when the label's heading names them ("Population").
    cut = next((i for i in range(len(words)) if _CHANGE_WORD.match(" ".join(words[i:]))), None)
    level, change = (words[:cut], words[cut:]) if cut is not None else (words, [])
    if spans and len(spans) != len(groups):
        return None
    return GroupedHeader(tuple(groups), " ".join(level), " ".join(change), tuple(spans), tuple(periods))


def _rows(lines: Sequence[str], header: GroupedHeader, periods: list[str]) -> Iterator[Row]:
    """The rows under the header, up to the first lines that are not rows."""
    wide = header.width(len(periods)) * len(header.groups)
    gap = 0
    for line in lines:
        text = line.strip()
        row = _cells(text, wide) if text else None
        if row is None:
            gap += bool(text)
            if gap > MOST_GAP_LINES:
                return
            continue
        gap = 0
        label_end, end, cells = row
        yield Row(text[:label_end].strip(), tuple(cells), text[:end])


def _cells(text: str, wide: int) -> tuple[int, int, list[Cell]] | None:
    """A row's label end, cells end and its ``wide`` figures: at the line's end, or followed by
    words a PDF's text joined on (a running footer: "… 32.6 90.6 www.council.gov.uk Page 6")."""
    found = row_cells(text, wide)
    if found is not None and len(found[1]) == wide and found[0] and all(c.is_number for c in found[1]):
        return found[0], len(text), found[1]
    inner = inner_cells(text, wide)
    if inner is not None and inner[0] and all(c.is_number for c in inner[2]):
        return inner
    return None


def _text_columns(header: GroupedHeader, periods: list[str]) -> tuple[tuple[Column, ...], tuple[tuple[int, int], ...]]:
    """Each group's columns (a column per period, then the change's) and the pairs compared: the
    council's rate, share or change columns against each benchmark's in the same place."""
    width = header.width(len(periods))
    columns: list[Column] = []
    for g, group in enumerate(header.groups):
        for k in range(width):
            words, period = _column(header, g, k, periods)
            heading = f"{words} ({period})" if words and period else words or period or ""
            role = Role.BENCHMARK if group.benchmark else Role.VALUE
            columns.append(Column(heading, role, _period(period), group.benchmark))
    own = next(g for g, group in enumerate(header.groups) if group.benchmark is None)
    pairs = tuple(
        (own * width + k, g * width + k)
        for k in range(width)
        if _comparable(_column(header, own, k, periods)[0])
        for g, group in enumerate(header.groups)
        if group.benchmark is not None
    )
    return tuple(columns), pairs


def _comparable(words: str) -> bool:
    """A rate, a share or a change; never a count (a place's size)."""
    return bool(_RATE.search(words)) and not _COUNT.search(words)


def _column(header: GroupedHeader, group: int, k: int, periods: list[str]) -> tuple[str, str | None]:
    """The words and period of the ``k``th column of a group."""
    if k < len(periods):
        return header.level, periods[k]
    span = header.spans[group] if header.spans else f"{periods[0]}-{periods[-1]}"
    return header.change, span


# -- the same grammar in a table given cell by cell (pipes, HTML rows, ruled PDF tables) --------


@dataclass(frozen=True, slots=True)
class _Cell:
    place: str | None  # None: the label column
    benchmark: str | None
    measure: str
    period: str | None


def cell_header(rows: Sequence[Sequence[str]]) -> tuple[list[Column], tuple[tuple[int, int], ...], int] | None:
    """A header given cell by cell whose cells group the columns by place ("England 2016 (000's)",
    "England % change", "Worcestershire 2016 (000's)" …; or "England (000's)" spanning "2016 |
    2033" on a second row): its columns (the label's, the council's as values, the benchmarks'),
    the pairs of (the council's, a benchmark's) value columns to compare, and how many rows the
    header takes. None unless one place is the council's and each of its columns has a benchmark's
    like it."""
    if not rows:
        return None
    header, taken = list(rows[0]), 1
    if len(rows) > 1 and _dates_the_row_above(rows[0], rows[1]):
        header = [
            f"{top} {low}" if low.strip() and low != top else top for top, low in zip(rows[0], rows[1], strict=True)
        ]
        taken = 2
    cells = _place_cells(header)
    if cells is None:
        return None
    columns = [_as_column(c) for c in cells]
    values = [i for i, c in enumerate(cells) if c.place is not None]  # indexes among the value columns
    index = {cell_index: value_index for value_index, cell_index in enumerate(values)}
    pairs = tuple(
        (index[i], index[j])
        for i in values
        if cells[i].benchmark is None and _comparable(cells[i].measure)
        for j in values
        if cells[j].benchmark is not None and _alike(cells[i], cells[j])
    )
    return columns, pairs, taken


def _dates_the_row_above(top: Sequence[str], low: Sequence[str]) -> bool:
    """'2016 | 2033 | (2016–2033)' under 'England (000's) | England (000's) | % Change': periods only."""
    if len(top) != len(low):
        return False
    dated = [c.strip() for c in low[1:] if c.strip() and c.strip() != ""]
    return bool(dated) and all(_YEAR_RE.fullmatch(c) or _BRACKET_PERIOD.fullmatch(c) for c in dated)


def _place_cells(header: Sequence[str]) -> list[_Cell] | None:
    parsed = [_split_cell(" ".join(h.split())) for h in header]
    measures = {p[2].casefold() for p in parsed if p[1] is not None}
    if not measures:
        return None
    out: list[_Cell] = []
    place: str | None = None
    council: set[str] = set()
    for i, (text, benchmark, measure, period) in enumerate(parsed):
        if benchmark is not None:
            place = benchmark
            out.append(_Cell(benchmark, benchmark, measure, period))
            continue
        named = _council_named(measure, measures)
        if named is not None:
            place, measure = named
            council.add(place)
        elif place is None:
            if i:
                return None  # a value column before any place: not grouped by place
            out.append(_Cell(None, None, text, None))
            continue
        out.append(_Cell(place, None if place in council else _benchmark_of(out, place), measure, period))
    if len(council) != 1 or not any(c.benchmark for c in out):
        return None
    mine = [c for c in out if c.place in council]
    theirs = [c for c in out if c.benchmark is not None]
    return out if all(any(_alike(c, b) for b in theirs) for c in mine) else None


def _split_cell(text: str) -> tuple[str, str | None, str, str | None]:
    """(cell, benchmark named or None, its measure words, its period as printed)."""
    span = _BRACKET_PERIOD.search(text)
    period = span.group("span") if span else None
    rest = text[: span.start()] + text[span.end() :] if span else text
    year = _YEAR_ANYWHERE.search(rest)
    if period is None and year is not None:
        period, rest = year.group(), rest[: year.start()] + rest[year.end() :]
    found = units(rest)
    at = next((i for i, (role, _) in enumerate(found) if role is Role.BENCHMARK), None)
    if at is None:
        return text, None, " ".join(rest.split()), period
    measure = " ".join(t for k, (_, t) in enumerate(found) if k != at)
    return text, column(found[at][1]).comparator, measure, period


def _council_named(measure: str, measures: set[str]) -> tuple[str, str] | None:
    """'Worcestershire (000's)' -> ('Worcestershire', "(000's)") when "(000's)" is a benchmark's measure."""
    words = measure.split()
    for k in range(1, min(MOST_PLACE_WORDS, len(words) - 1) + 1):
        if " ".join(words[k:]).casefold() in measures and words[0][:1].isupper():
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _benchmark_of(cells: list[_Cell], place: str) -> str | None:
    return next((c.benchmark for c in reversed(cells) if c.place == place), None)


def _alike(mine: _Cell, theirs: _Cell) -> bool:
    return mine.measure.casefold() == theirs.measure.casefold() and mine.period == theirs.period


def _as_column(cell: _Cell) -> Column:
    if cell.place is None:
        return Column(cell.measure, Role.LABEL)
    header = f"{cell.measure} ({cell.period})" if cell.period else cell.measure
    role = Role.BENCHMARK if cell.benchmark else Role.VALUE
    return Column(header, role, _period(cell.period), cell.benchmark)


def _period(text: str | None) -> Period | None:
    """'2016' -> that year; '2016–2033' (a change's span) -> a period ending in 2033, printed so."""
    if text is None:
        return None
    span = _SPAN.fullmatch(text)
    if span is None:
        return first_period(text)
    end = span.group("end")
    year = int(end) if len(end) == 4 else int(span.group("start")[:2] + end)
    return Period((year, 12), text)
