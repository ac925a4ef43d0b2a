"""The words of a benchmark comparison: benchmark phrases ("the England average of 58.77%"),
the numbers that can be a council's value, relations, variation bands, data sources and years."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare.model import Number
from lacompare.parsers.text.patterns import NUMBER, NUMBER_RE, YEAR, parse_number

# Named benchmarks, as CQC reports and councils write them.
COMPARATOR_WORDS = (
    r"England|English|national|London|regional|region|"
    r"CIPFA(?:\s+(?:comparator\s+group|nearest\s+neighbours?|group))?|"
    r"comparator\s+(?:group|councils|authorities)|statistical\s+neighbours?|target"
)
_COMPARATORS = (
    ("England", regex.compile(r"(?i)^englan?d|^english")),
    ("national", regex.compile(r"(?i)^national")),
    ("London", regex.compile(r"(?i)^london")),
    ("regional", regex.compile(r"(?i)^region")),
    ("CIPFA", regex.compile(r"(?i)^cipfa")),
    ("comparator group", regex.compile(r"(?i)^(?:comparator|statistical)")),
    ("target", regex.compile(r"(?i)^target")),
)

_UNIT = r"(?P<unit>\s?%|\s?per\s?cent\b|\s+days?\b|\s+weeks?\b|\s+months?\b)?"
_FIGURE = rf"(?P<cur>£\s?)?(?P<num>{NUMBER}){_UNIT}"
# A benchmark is found from its keyword, then read forwards (and its comparator backwards):
# one pass of a plain pattern over the page, and small anchored matches where it hits.
KEYWORD_RE = regex.compile(r"[Aa]verage|[Cc]ompared|[Tt]arget|\b(?:[Rr]ate|[Ff]igure|[Mm]ean)\b")
_LOOK_BACK = 45
# "the England average of 58.77%", "national average (17.3%)", "England average being 83.38%"
_NAMED_BEFORE = regex.compile(rf"(?i)\b(?P<cmp>{COMPARATOR_WORDS})(?:'s)?\s+$")
_NAMED = regex.compile(
    rf"(?i)(?:average|rate|figure|mean)\b"
    rf"(?:\s+(?:of|being|was|is|at|of\s+around|around\s+the\s+same\s+level\s+at))?\s*\(?\s*{_FIGURE}\)?"
)
# "than average (46.55%)", "than the average 687 of across London boroughs"
_BARE_BEFORE = regex.compile(r"(?i)\b(?:than(?:\s+the)?|(?:to|with)\s+the)\s+$")
_BARE = regex.compile(
    rf"(?i)average(?:\s+of)?\s*\(?\s*{_FIGURE}\)?"
    rf"(?:\s+(?:of\s+)?(?:across|in)\s+(?:the\s+)?(?P<cmp>{COMPARATOR_WORDS})(?:\s+boroughs)?\b)?"
)
# "compared to 7% in London"
_COMPARED_IN = regex.compile(
    rf"(?i)compared\s+(?:to|with)\s+(?:an?\s+)?{_FIGURE}\s+(?:in|for|across)\s+(?:the\s+)?(?P<cmp>{COMPARATOR_WORDS})\b"
)
# "against a target of 80%"
_TARGET = regex.compile(rf"(?i)(?P<cmp>target)(?:\s+of)?\s+\(?{_FIGURE}\)?")

_FIGURE_UNIT = regex.compile(r"\s?(%|per\s?cent\b)|\s+(days?|weeks?|months?)\b")
_TIME_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months"}
_YEAR_LIKE = regex.compile(r"(?:19|20)\d\d")
# Numbers that are never a council's value: ranks, ranges, dates, ages, counts of places.
_NOT_A_VALUE_AFTER = regex.compile(
    r"(?:st|nd|rd|th)\b|\s*(?:-|–|to)\s*\d|\s+(?:years?|local authorities|councils|boroughs|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_NOT_A_VALUE_BEFORE = regex.compile(r"(?i)(?:\bper|\baged|\bover|\bunder|\bSection|\bout\s+of|\d\s?[-–/])\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a line, with the unit written beside it."""

    start: int
    end: int
    value: Number
    unit: str | None  # '%', '£', 'days', 'weeks', 'months' or None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A benchmark phrase and its figure: 'the England average of 58.77%'."""

    start: int
    end: int
    figure: Figure
    comparator: str


def anchors(line: str, start: int = 0, end: int | None = None) -> list[Anchor]:
    """Benchmark phrases in ``line[start:end]``, in order, not overlapping."""
    out: list[Anchor] = []
    for keyword in KEYWORD_RE.finditer(line, start, len(line) if end is None else end):
        if out and keyword.start() < out[-1].end:
            continue
        anchor = _anchor_at(line, keyword.start(), keyword.group().lower())
        if anchor is not None:
            out.append(anchor)
    return out


def _anchor_at(line: str, at: int, word: str) -> Anchor | None:
    start, comparator, m = at, None, None
    if word == "compared":
        m = _COMPARED_IN.match(line, at)
    elif word == "target":
        m = _TARGET.match(line, at)
    else:
        back = max(0, at - _LOOK_BACK)
        named = _NAMED_BEFORE.search(line, back, at)
        if named is not None:
            m, start, comparator = _NAMED.match(line, at), named.start(), named.group("cmp")
        elif word == "average" and _BARE_BEFORE.search(line, back, at):
            m = _BARE.match(line, at)
    if m is None:
        return None
    figure = _figure_of(m)
    if figure.unit is None and _YEAR_LIKE.fullmatch(m.group("num")):
        return None
    if comparator is None and "cmp" in m.re.groupindex:
        comparator = m.group("cmp")
    return Anchor(start, m.end(), figure, comparator_name(comparator))


def _figure_of(m: regex.Match[str]) -> Figure:
    unit = (m.group("unit") or "").strip().lower().replace(" ", "")
    unit = "%" if unit in ("%", "percent") else _TIME_UNITS.get(unit)
    if m.group("cur"):
        unit = "£"
    return Figure(m.start("num"), m.end("num"), parse_number(m.group("num")), unit)


def comparator_name(words: str | None) -> str:
    """'England' / 'national' / 'London' / ... ; a bare 'average' stays 'average'."""
    for name, pattern in _COMPARATORS:
        if words and pattern.search(words.strip()):
            return name
    return "average"


def figures(line: str, taken: list[Anchor]) -> list[Figure]:
    """Numbers that can be a council's value: not years, ranks, ranges, ages or the benchmarks."""
    benchmarks = {(a.figure.start, a.figure.end) for a in taken}
    out = []
    for m in NUMBER_RE.finditer(line):
        start, end = m.span()
        if (start, end) in benchmarks or _NOT_A_VALUE_AFTER.match(line, end):
            continue
        if _NOT_A_VALUE_BEFORE.search(line, max(0, start - 10), start):
            continue
        unit_m = _FIGURE_UNIT.match(line, end)
        unit = None
        if unit_m:
            unit = "%" if unit_m.group(1) else _TIME_UNITS[unit_m.group(2)]
        elif line[max(0, start - 2) : start].strip().endswith("£"):
            unit = "£"
        if unit is None and (_YEAR_LIKE.fullmatch(m.group()) or line.startswith("-", end)):
            continue
        out.append(Figure(start, end, parse_number(m.group()), unit))
    return out


# The relation as the text states it. "more than 85 languages" is a quantity, not a relation.
_RELATION_RE = regex.compile(
    r"(?i)\b(?:(?P<higher>higher|more|greater|larger|bigger|above)"
    r"|(?P<lower>lower|fewer|less|smaller|below)"
    r"|(?P<comparable>comparable)"
    r"|(?P<similar>similar|(?:around|about|roughly|broadly|much)\s+the\s+same"
    r"|the\s+same\s+(?:level|proportion|percentage|rate|number|as)|in\s+line|consistent\s+with))\b"
    r"(?!\s+than\s+(?:£\s*)?\d)"
)


# After the value only a comparative construction states a relation: "which is higher than",
# "a larger population growth than", "comparable to", "slightly below"; not "found it more challenging".
_THAN = r"(?!\s+than\s+(?:£\s*)?\d)(?=(?:\s+[\w'’-]+){0,3}?\s+than\b)"
_RELATION_AFTER_VALUE_RE = regex.compile(
    rf"(?i)\b(?:(?P<higher>(?:higher|more|greater|larger|bigger){_THAN}|above|higher\s+at)"
    rf"|(?P<lower>(?:lower|fewer|less|smaller){_THAN}|below|lower\s+at)"
    r"|(?P<comparable>comparable(?=\s+(?:to|with)\b))"
    r"|(?P<similar>similar(?=\s+to\b)|the\s+same\s+(?:level\s+)?as|(?:around|about|roughly)\s+the\s+same\s+level"
    r"|in\s+line\s+with|consistent\s+with|close\s+to))\b"
)


def relation(text: str, start: int, end: int, *, after_value: bool = False) -> str | None:
    """The last relation stated in ``text[start:end]``: higher, lower, comparable or similar."""
    pattern = _RELATION_AFTER_VALUE_RE if after_value else _RELATION_RE
    found = None
    for m in pattern.finditer(text, start, end):
        found = m.lastgroup
    return found


# "(tending towards negative variation)", "a significantly positive variation", "'tending towards negative' band"
BAND_RE = regex.compile(
    r"(?i)\b(?:(?:significant(?:ly)?|tending\s+towards)\s+(?:positive|negative)\s+variation"
    r"|no\s+statistical(?:ly\s+significant)?\s+variation|(?:positive|negative)\s+variation"
    r"|tending\s+towards\s+(?:positive|negative)(?='?\s+band))"
)

_SOURCES = (
    ("SACE", r"\bSACE\b|Survey\s+of\s+Adult\s+Carers"),
    ("SALT", r"\bSALT\b|Short\s+and\s+Long[-\s]Term\s+Support"),
    ("ASCOF", r"\bASCOF\b|Adult\s+Social\s+Care\s+Outcomes\s+Framework"),
    ("ASCS", r"\bASCS\b|Adult\s+Social\s+Care\s+Survey"),
    ("ASCFR", r"\bASCFR\b|Adult\s+Social\s+Care\s+Finance\s+(?:Return|Report)"),
    ("SAC", r"\bSAC\b|Safeguarding\s+Adults\s+Collection"),
    ("Skills for Care", r"Skills\s+for\s+Care|Workforce\s+Estimates"),
    ("Census", r"\bCensus\b"),
)
_SOURCE_RE = regex.compile("|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_SOURCES)), regex.I)
_YEAR_RE = regex.compile(rf"(?<![\d,.]){YEAR}(?![\d%])")
_RANGE_RE = regex.compile(r"((?:19|20)\d\d)\s*(?:[-/–]|to)\s*(?:(?:19|20)(\d\d)|(\d\d))")
_SENTENCE_END = regex.compile(r"\.\s")
_ALL_FROM = regex.compile(r"(?i)\(\s*all\s+from\b[^()]*\)")
# How far after a source's name its year may sit ("SACE data (2023-2024)").
_YEAR_REACH = 45


@dataclass(frozen=True, slots=True)
class Citation:
    """A data source named in the text, with the year given beside it."""

    start: int
    end: int
    source: str
    year: str | None


def citations(line: str) -> list[Citation]:
    out = []
    for m in _SOURCE_RE.finditer(line):
        name = _SOURCES[int((m.lastgroup or "s0")[1:])][0]
        out.append(Citation(m.start(), m.end(), name, _year_near(line, m.start(), m.end())))
    return out


def all_from_spans(line: str) -> list[tuple[int, int]]:
    """'(All from SACE 2023-2024)': a citation that covers the paragraph's comparisons before it."""
    return [m.span() for m in _ALL_FROM.finditer(line)]


def combine(found: list[Citation]) -> tuple[str | None, str | None]:
    """Distinct sources in order ('ASCFR/SALT') and the first year given."""
    names = list(dict.fromkeys(c.source for c in found))
    year = next((c.year for c in found if c.year), None)
    return ("/".join(names) or None), year


def _year_near(line: str, start: int, end: int) -> str | None:
    opened = line.rfind("(", 0, start)
    closed = line.find(")", opened) if opened >= 0 else -1
    if opened >= 0 and closed >= end and ")" not in line[opened:start]:
        m = _YEAR_RE.search(line, opened, closed)  # "(Survey of Adult Carers in England, 2024, SACE)"
    else:
        stop = _SENTENCE_END.search(line, end, end + _YEAR_REACH)
        m = _YEAR_RE.search(line, end, stop.start() if stop else min(len(line), end + _YEAR_REACH))
    return normalise_year(m.group()) if m else None


def normalise_year(text: str) -> str:
    """'2023/2024', '2023-2024', '2023 to 2024', '2023/24' -> '2023-24'; '2024' stays."""
    m = _RANGE_RE.fullmatch(text.strip())
    if not m:
        return text.strip()
    return f"{m.group(1)}-{m.group(2) or m.group(3)}"
