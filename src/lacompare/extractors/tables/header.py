"""A table's header: which column holds what, inferred from the header's words in any order.

Roles: the row's label (reference, indicator, measure, description), a result for a period
("2022/23 Outturn", "Q2 2023-24 Actual", "Year to date", a bare "2023/24", or the council's own
name beside "England"), a target ("Target", "Tgt", "Ambition", "Plan"), a previous value ("Last
year", "Previous", "Baseline"), a benchmark ("England", "National", "Regional", a region's name,
"London", "CIPFA", "comparator group", "statistical / nearest neighbours", "SN average"), a RAG
rating, a direction of travel and a polarity ("good is high"). A header that is a cell per column
(pipes, HTML, ruled PDF tables) is read cell by cell; a flattened header ("KPI 2021/22 Outturn
2022/23 Target England Average") is first cut into columns by the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import product

from lacompare import compiled
from lacompare.vocab.periods import PERIOD, Period, first_period
from lacompare.vocab.relations import REGIONS, comparator


class Role(StrEnum):
    LABEL = "label"
    RESULT = "result"
    TARGET = "target"
    PREVIOUS = "previous"
    BENCHMARK = "benchmark"
    RAG = "rag"
    DIRECTION = "direction"
    POLARITY = "polarity"
    PERIOD = "period"  # a bare period: one of a series of results
    VALUE = "value"  # a column of values the words do not name (often the council's own name)
    NOTE = "note"  # comments, numerators, units: read by no one


# A region's name, also bare "Yorkshire" or "Eastern region" as table headings shorten them.
_REGIONS = rf"{REGIONS}|yorkshire|eastern(?:\s+region)?"
# Word groups of a header, longest first within a role; each names what starts a column.
_WORDS: tuple[tuple[Role, str], ...] = (
    (Role.NOTE, r"comments?|commentary|notes?|numerator|denominator|unit|units|source|frequency|owner|lead"),
    (
        Role.POLARITY,
        r"polarity|(?:good|better)\s+is(?:\s+(?:high|low)(?:er)?)?|(?:high|low)(?:er)?\s+is\s+(?:good|better)",
    ),
    (Role.DIRECTION, r"direction\s+of\s+travel|d\.?o\.?t\.?|direction|trend|travel"),
    (Role.RAG, r"rag(?:\s+(?:rating|status))?|status|rating"),
    (Role.TARGET, r"target|tgt|ambition|plan|planned|goal|threshold|standard|trajectory"),
    (
        Role.PREVIOUS,
        r"last\s+year|previous(?:\s+(?:year(?!\s+to\s+date)|quarter|period))?|prior\s+year|baseline|last\s+quarter",
    ),
    (
        Role.BENCHMARK,
        rf"{_REGIONS}|england|english|national|nationally|regional|region|london|cipfa|sn|(?:statistical|nearest)"
        r"(?:\s+neighbours?)?|comparators?(?:\s+(?:family|group|average|councils|authorities))*|similar\s+councils"
        r"|all\s+england|shire\s+counties|unitar(?:y|ies)|benchmark(?:s|ing)?|compared\s+(?:to|with)\s+other\s+councils",
    ),
    (
        Role.LABEL,
        r"ref(?:erence)?\.?|kpi|pi|code|no\.|indicators?|measures?|descriptions?|performance\s+indicators?"
        r"|outcomes?|metrics?|name|domains?|areas?|titles?|key\s+performance\s+indicators?",
    ),
    (
        Role.RESULT,
        r"outturn|actuals?|results?|performance|ytd|year\s+to\s+date|current|latest|position|figure|value"
        r"|achieved",
    ),
)
# Words that qualify the column they stand in and never start one.
_QUALIFIERS = r"average|avg|mean|prov\.?|provisional|group|neighbours?|family|rate|%|\(%\)|figures?|data|value|q[1-4]"
_UNIT_RE = compiled.pattern(
    "(?i)(?:"
    + "|".join(f"(?P<{role.name}>{words})" for role, words in _WORDS)
    + rf"|(?P<PERIOD>{PERIOD})|(?P<QUALIFIER>{_QUALIFIERS})|(?P<WORD>[^\s]+))(?=\s|$)"
)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its header as printed, its role, and the period or benchmark it names."""

    header: str
    role: Role
    period: Period | None = None
    comparator: str | None = None


def column(header: str) -> Column:
    """The role of one header cell: '2022/23 Outturn' -> result for 2022-23; 'England average' -> benchmark."""
    text = " ".join(header.split())
    roles = [role for role, _ in _units(text) if role is not None]
    period = first_period(text)
    return _column(text, roles, period)


def _column(text: str, roles: Sequence[Role | None], period: Period | None) -> Column:
    named = [r for r in roles if r not in (None, Role.PERIOD)]
    if Role.NOTE in named:
        return Column(text, Role.NOTE, period)
    # A direction "from previous quarter" is a direction; "Benchmarking – how performance compared" a benchmark.
    for role in (Role.DIRECTION, Role.POLARITY, Role.RAG, Role.TARGET, Role.BENCHMARK, Role.PREVIOUS, Role.RESULT):
        if role in named:
            name = (
                comparator(_QUALIFIER_WORDS_RE.sub("", without_period(text)).strip())
                if role is Role.BENCHMARK
                else None
            )
            if role is Role.BENCHMARK and name == "regional":
                name = _region_name(text)
            return Column(text, role, period, name)
    if Role.LABEL in named:
        return Column(text, Role.LABEL, period)
    if period is not None:
        return Column(text, Role.PERIOD, period)
    return Column(text, Role.VALUE if text else Role.NOTE)


@lru_cache(maxsize=4096)
def _units(text: str) -> tuple[tuple[Role | None, str], ...]:
    """The header's words as (role or None, text) units; a period is one unit. Kept per line: the
    table readers ask of one line several times (a header's fragment, its readings, its label)."""
    return tuple(_find_units(text))


def _find_units(text: str) -> list[tuple[Role | None, str]]:
    out: list[tuple[Role | None, str]] = []
    for m in _UNIT_RE.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        role = Role[kind] if kind in Role.__members__ else None
        if kind == "PERIOD":
            role = Role.PERIOD
        if m.group("QUALIFIER") is not None:
            role = None
        out.append((role, m.group()))
    return out


_PERIOD_ANYWHERE = compiled.pattern(rf"(?i){PERIOD}")
_REGION_RE = compiled.pattern(rf"(?i)\b(?:{_REGIONS})\b")


def without_period(text: str) -> str:
    return _PERIOD_ANYWHERE.sub("", text).strip()


def _region_name(text: str) -> str:
    """'South East' keeps its name; 'Regional average' is 'regional'."""
    m = _REGION_RE.search(text)
    return " ".join(m.group().split()).title().replace(" Of ", " of ") if m else "regional"


# -- a flattened header line, cut into columns -----------------------------------------------


def split_header(line: str) -> tuple[str, list[Column]] | None:
    """A flattened header line as (the label heading, its value columns), or None when the words
    do not make a header: 'KPI 2021/22 Outturn 2022/23 Target England Average' ->
    ('KPI', [result 2021-22, target 2022-23, benchmark England])."""
    readings = header_readings(line)
    return readings[0] if readings else None


_VALUE_ROLES = (Role.RESULT, Role.PERIOD, Role.BENCHMARK, Role.TARGET)


def is_header_fragment(line: str) -> bool:
    """A line of header words only: a header cell a PDF's text put on a line of its own
    ("Result" / "Sep-24" / "England Regional SN average" / "RAG")."""
    text = " ".join(line.split())
    if not text or len(text) > 80:
        return False
    units = _units(text)
    unknown = [t for role, t in units if role is None and not _QUALIFIER_RE.fullmatch(t)]
    return (
        len(unknown) <= 1
        and not any(_SENTENCE_WORD_RE.fullmatch(w) for w in unknown)
        and not (unknown and any(ch.isdigit() for ch in unknown[0]))
    )


def opens_with_label(line: str) -> bool:
    """Does the line open with a label column's heading ("Measure", "Indicator", "KPI", "Ref")?"""
    units = _units(" ".join(line.split()))
    return bool(units) and units[0][0] is Role.LABEL


def header_readings(line: str) -> list[tuple[str, list[Column]]]:
    """Every way the header's words can be cut into columns, the likeliest first: a period leads
    its column ("2021/22 Outturn"), trails it ("Outturn 2021/22"), or is a column of its own
    ("Q1 2023-24 Q2 2023-24 Target"), each period its own way ("Trend 2023/24 Baseline 2023/24
    Target": a bare year, then a year leading its target). The rows under the header say which
    reading is right."""
    units = _units(" ".join(line.split()))
    lead = 0
    while lead < len(units) and units[lead][0] is Role.LABEL:
        lead += 1
    rest = list(units[lead:])
    if not any(role in _VALUE_ROLES for role, _ in rest):
        return []  # no word names a result, a period, a target or a benchmark: no header
    heading = " ".join(t for _, t in units[:lead])
    out: list[tuple[str, list[Column]]] = []
    # "CIPFA comparator group" is one column, "Regional Comparator group" two: the rows tell.
    stacked = _stacked(rest)
    if stacked is not None and _is_header(stacked, rest, heading=bool(heading)):
        out.append((heading, stacked))
    for joined in _join_choices(rest):
        for styles in _period_styles(rest):
            groups = _group(rest, styles, joins=joined)
            columns = [_column(" ".join(t for _, t in g), [r for r, _ in g], _group_period(g)) for g in groups]
            if _is_header(columns, rest, heading=bool(heading)) and all(columns != seen for _, seen in out):
                out.append((heading, columns))
    return out


_TIMELESS = (Role.RAG, Role.DIRECTION, Role.POLARITY, Role.NOTE)


def _stacked(units: list[tuple[Role | None, str]]) -> list[Column] | None:
    """A header of two lines, the second giving each column's period in turn under the first's
    words: "Baseline Target Q3 Status" / "2022/23 2023/24 2023/24" is "Baseline 2022/23", "Target
    2023/24", "Q3 2023/24", "Status". None unless the trailing periods, two or more, are as many
    as the columns before them that take a period (a RAG, direction or polarity column takes none)."""
    tail = 0
    while tail < len(units) and units[len(units) - 1 - tail][0] is Role.PERIOD:
        tail += 1
    words, periods = units[: len(units) - tail], units[len(units) - tail :]
    if tail < 2 or not words:
        return None
    groups = _group(words, ("bare",) * sum(r is Role.PERIOD for r, _ in words))
    timed = [g for g in groups if not any(r in _TIMELESS for r, _ in g)]
    if len(timed) != tail:
        return None
    dated = iter(periods)
    texts = [" ".join([*(t for _, t in g), *([next(dated)[1]] if g in timed else [])]) for g in groups]
    return [column(text) for text in texts]


def _join_choices(units: list[tuple[Role | None, str]]) -> list[tuple[bool, ...]]:
    """Whether each benchmark word that may run on from the one before does: "CIPFA comparator
    group" is one column, "England Comparator group" two; all joined first."""
    count, last = 0, None
    for role, text in units:
        if role is Role.BENCHMARK and last is Role.BENCHMARK and text.casefold().startswith(_RUNS_ON):
            count += 1
        if role not in (None, Role.PERIOD):
            last = role
    return sorted(product((True, False), repeat=min(count, 3)), key=lambda c: -sum(c))


_STYLES = ("lead", "trail", "bare")
MOST_MIXED_PERIODS = 4  # 3 ** 4 readings at most; a header with more periods is read one way each


def _period_styles(units: list[tuple[Role | None, str]]) -> list[tuple[str, ...]]:
    """The ways of reading each period of the header: all alike first (the likeliest first), then mixed."""
    count = sum(role is Role.PERIOD for role, _ in units)
    first = ("lead", "trail", "bare") if units[0][0] is Role.PERIOD else ("trail", "lead", "bare")
    alike = [(style,) * count for style in first]
    if count > MOST_MIXED_PERIODS:
        return alike
    return alike + [c for c in product(_STYLES, repeat=count) if c not in alike]


def _group(
    units: list[tuple[Role | None, str]], styles: tuple[str, ...], *, joins: tuple[bool, ...] = ()
) -> list[list[tuple[Role | None, str]]]:
    """Cut the header's units into columns, each period read as ``styles`` says in turn. A role
    word starts a column when the current one has a role already, or stands after a period that is
    a column of its own; a period starts one unless it trails a column that has none yet."""
    groups: list[list[tuple[Role | None, str]]] = []
    closed = False  # the current column is a period standing alone
    periods = iter(styles)
    join_next = iter(joins)
    for role, text in units:
        current = groups[-1] if groups else None
        style = next(periods) if role is Role.PERIOD else ""
        if current is None:
            groups.append([(role, text)])
            closed = style == "bare"
            continue
        has_role = any(r not in (None, Role.PERIOD) for r, _ in current)
        has_period = any(r is Role.PERIOD for r, _ in current)
        if role is Role.PERIOD:
            starts = style in ("lead", "bare") or has_period or not has_role
        elif role is not None:
            # "West Sussex England": the council's own name is a column of its own beside a
            # benchmark; words before any other role qualify it ("Our performance")
            only_words = role is Role.BENCHMARK and not has_period and all(r is None for r, _ in current)
            joins_here = _continues(current, role, text) and next(join_next, True)
            # a RAG, direction, polarity or note column is never a period's: "Q3 RAG" is two columns
            unperiodic = role in (Role.RAG, Role.DIRECTION, Role.POLARITY, Role.NOTE)
            starts = (has_role and not joins_here) or only_words or closed or (unperiodic and has_period)
        else:
            starts = False
        if starts:
            groups.append([(role, text)])
            closed = style == "bare"
        else:
            current.append((role, text))
    return groups


def _continues(current: list[tuple[Role | None, str]], role: Role, text: str) -> bool:
    """'CIPFA comparator group', 'Statistical neighbours': benchmark words run on in one column."""
    last_role = next((r for r, _ in reversed(current) if r not in (None, Role.PERIOD)), None)
    return role is Role.BENCHMARK and last_role is Role.BENCHMARK and text.casefold().startswith(_RUNS_ON)


_RUNS_ON = ("comparator", "neighbour")


def _group_period(group: list[tuple[Role | None, str]]) -> Period | None:
    return next((first_period(t) for r, t in group if r is Role.PERIOD), None)


def _is_header(columns: list[Column], units: list[tuple[Role | None, str]], *, heading: bool) -> bool:
    """Enough evidence that a line is a header: two or more value columns, at least one naming a
    result, a period or a benchmark; no sentence words; a column the words do not name only as
    the council's own beside a benchmark, under a label heading ("Outcomes West Sussex England";
    not a title such as "Adult Social Care Benchmarking Report 2022/23")."""
    one_result = len(columns) == 1 and columns[0].role in (Role.RESULT, Role.PERIOD)
    if len(columns) < 2 and not (heading and one_result):
        return False  # one value column only under a label heading: "Indicator 2022/23 Outturn", "KPI 2024/25"
    if not any(c.role in (Role.RESULT, Role.PERIOD, Role.BENCHMARK, Role.TARGET) for c in columns):
        return False
    unknown = [text for role, text in units if role is None and not _QUALIFIER_RE.fullmatch(text)]
    if any(_SENTENCE_WORD_RE.fullmatch(word) for word in unknown):
        return False
    unnamed = [c for c in columns if c.role is Role.VALUE]
    if unnamed and (len(unnamed) > 1 or not heading or not any(c.role is Role.BENCHMARK for c in columns)):
        return False
    return len(unknown) <= 4


_QUALIFIER_RE = compiled.pattern(rf"(?i){_QUALIFIERS}")
_QUALIFIER_WORDS_RE = compiled.pattern(r"(?i)\b(?:average|avg|mean)\b")
_SENTENCE_WORD_RE = compiled.pattern(
    r"(?i)and|or|the|a|an|of|for|to|in|with|by|on|at|is|are|was|were|be|we|this|that|these|it|its|has|have"
    r"|had|will|which|who|from|than|as"
)


def units(text: str) -> list[tuple[Role | None, str]]:
    """A header line's words as (role or None, text), a benchmark's or a period's words as one
    unit: 'England (000's) South East' -> [(benchmark, 'England'), (None, "(000's)"), (benchmark,
    'South East')]."""
    return list(_units(" ".join(text.split())))
