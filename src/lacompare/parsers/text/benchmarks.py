"""The words of a benchmark comparison: benchmark phrases ("the England average of 58.77%",
"compared to 45% in the rest of England", "the England averages of 20.82% and 60.57%
respectively"), the numbers that can be a council's value, variation bands, data sources and
years. Relations and the names of benchmarks are in :mod:`~lacompare.vocab.relations`."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Number
from lacompare.vocab.patterns import NUMBER, NUMBER_RE, YEAR, normalise_year, parse_number
from lacompare.vocab.relations import COMPARATOR_WORDS, comparator

_UNIT = r"(?P<unit>\s?%|\s?per\s?cent\b|\s+days?\b|\s+weeks?\b|\s+months?\b)?"
_FIGURE = rf"(?P<cur>£\s?)?(?P<num>{NUMBER}){_UNIT}"
_CMP = rf"(?:{COMPARATOR_WORDS})"
# "the England average for this measure was 58.77%"
_FOR_THIS = r"(?:\s+for\s+(?:this|the\s+same)\s+(?:measure|indicator|metric|question|period))?"
# "40.1 per 100,000 in England"
_RATE_OF = r"(?:\s+per\s+100,?000(?:\s+(?:population|people|adults|residents))?)?"
# "in England", "for the rest of England", "across London", "nationally"
_WHERE = (
    rf"(?:(?:in|for|across)\s+(?:the\s+|our\s+)?(?:rest\s+of\s+(?:the\s+)?)?(?P<cmp>{_CMP})\b"
    r"|(?P<cmp2>nationally|regionally)\b)"
)
# A benchmark is found from its keyword, then read forwards (and its comparator backwards):
# one pass of a plain pattern over the page, and small anchored matches where it hits.
KEYWORD_RE = compiled.scanner(r"[Aa]verage|[Cc]ompare[ds]|[Tt]arget|\b(?:[Rr]ate|[Ff]igure|[Mm]ean|against)\b")
_LOOK_BACK = 60
# "the England average of 58.77%", "national average (17.3%)", "England average being 83.38%",
# "national average: 18.69%", "(national average, 81.05%)", "the regional and England averages of …"
_NAMED_BEFORE = compiled.pattern(rf"(?i)\b(?P<cmp>{_CMP}(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?{_CMP})*)(?:'s)?\s+$")
_NAMED = compiled.pattern(
    rf"(?i)(?:average|rate|figure|mean)(?P<plural>s)?\b{_FOR_THIS}"
    rf"(?:\s+(?:of|being|was|is|at|of\s+around|around\s+the\s+same\s+level\s+at)|\s*:|,(?=\s*£?[\d.,]+\s?%?\s*\)))?"
    rf"\s*\(?\s*{_FIGURE}\)?"
)
# "averages of 20.82% and 60.57% respectively": the figures after the first.
_MORE_FIGURES = compiled.pattern(rf"(?i)\s*(?:,\s*(?:and\s+)?|\s+and\s+)\(?\s*{_FIGURE}\)?")
_RESPECTIVELY = compiled.pattern(r"(?i)\s*,?\s*respectively\b")
# "the average for England of 58.77%", "the figure in London was 7%"
_FOR = compiled.pattern(
    rf"(?i)(?:average|rate|figure|mean)\s+{_WHERE}(?:\s+as\s+a\s+whole)?"
    rf"(?:\s+(?:of|being|was|is|at)|\s*[:,])?\s*\(?\s*{_FIGURE}\)?"
)
# "than average (46.55%)", "than the average 687 of across London boroughs"
_BARE_BEFORE = compiled.pattern(r"(?i)\b(?:than(?:\s+the)?|(?:to|with)\s+(?:the|an?))\s+$")
_BARE = compiled.pattern(
    rf"(?i)average(?:\s+of)?\s*\(?\s*{_FIGURE}\)?"
    rf"(?:\s+(?:of\s+)?(?:across|in)\s+(?:the\s+)?(?P<cmp>{_CMP})(?:\s+boroughs)?\b)?"
)
# A peer council named as the benchmark: "compared with 66% in Surrey", "compared with 64% for
# neighbouring Surrey County Council", "compared with Surrey County Council's 66%".
_PEER_NAME = r"(?P<peer>[A-Z][\w’'&-]*(?:[^\S\n]+(?:and[^\S\n]+|of[^\S\n]+)?[A-Z][\w’'&-]*){0,5})"
_COMPARED_PEER = compiled.pattern(
    rf"(?:compare[ds]\s+(?:to|with)|against)\s+(?:(?:an?\s+|the\s+)?{_FIGURE}{_RATE_OF}\s+(?:in|for|at)\s+"
    rf"(?:neighbouring\s+)?{_PEER_NAME}|(?:neighbouring\s+)?{_PEER_NAME.replace('peer', 'owner')}[’']s\s+{_FIGURE})"
)
# "compared to 7% in London", "compared with 45% in the rest of England", "compared to 75% nationally"
# "which compares with 61% in England", "against 69 per cent for England as a whole"
_COMPARED_IN = compiled.pattern(
    rf"(?i)(?:compare[ds]\s+(?:to|with)|against)\s+(?:an?\s+|the\s+)?{_FIGURE}{_RATE_OF}\s+{_WHERE}"
)
# "compared to England (18%)", "compared to across England (where the 65s and over make up 18%)",
# "compared with the North West (where it is 21%)": the benchmark named, then its figure in brackets
# (alone, or closing a clause whose verb states it).
_COMPARED_PLACE = compiled.pattern(
    rf"(?i)compare[ds]\s+(?:to|with)\s+(?:(?:across|in)\s+)?(?:the\s+)?(?:rest\s+of\s+(?:the\s+)?)?(?P<cmp>{_CMP})\b"
    rf"\s*\(\s*(?:(?:where|in\s+which|with)\b[^()\n]{{0,80}}?\s(?:is|are|was|were|makes?\s+up|stands?\s+at|at|of)\s+)?"
    rf"{_FIGURE}\s*\)"
)
# "… compared to 45% regionally and 40% nationally": a further benchmark joined on.
_CHAINED = compiled.pattern(rf"(?i)\s*,?\s*(?:and|or|while|whilst)\s+(?:an?\s+|the\s+)?{_FIGURE}{_RATE_OF}\s+{_WHERE}")
# "… higher than the regional average (59.8%) and England (58.4%)": a further benchmark, named first.
_CHAINED_NAMED = compiled.pattern(
    rf"(?i)\s*,?\s*(?:and|or)\s+(?:the\s+)?(?P<cmp>{_CMP})(?:\s+(?:average|figure|rate))?\s*\(\s*{_FIGURE}\s*\)"
)
# "higher than both the regional (64.0%) and national (62.7%) averages": figures before the keyword.
_LISTED_BEFORE = compiled.pattern(
    rf"(?i)(?:\b{_CMP}\s*\(\s*£?\s*{NUMBER}\s?%?\s*\)(?:\s*,?\s+and\s+|\s*,\s*)?(?:the\s+)?)+\s*$"
)
_LISTED = compiled.pattern(rf"(?i)\b(?P<cmp>{_CMP})\s*\(\s*{_FIGURE}\s*\)")
_LIST_LOOK_BACK = 150
# "against a target of 80%"
_TARGET = compiled.pattern(rf"(?i)(?P<cmp>target)(?:\s+of)?\s+\(?{_FIGURE}\)?")

_FIGURE_UNIT = compiled.pattern(r"\s?(%|per\s?cent\b)|\s+(days?|weeks?|months?)\b")
_TIME_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months"}
_YEAR_LIKE = compiled.pattern(r"(?:19|20)\d\d")
# Numbers that are never a council's value: ranks, ranges, dates, ages, counts of places.
_NOT_A_VALUE_AFTER = compiled.pattern(
    r"(?:st|nd|rd|th)\b|\s*(?:-|–|to)\s*\d|\s+(?:years?|local authorities|councils|boroughs|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_NOT_A_VALUE_BEFORE = compiled.pattern(r"(?i)(?:\bper|\baged|\bover|\bunder|\bSection|\bout\s+of|\d\s?[-–/])\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a line, with the unit written beside it."""

    start: int
    end: int
    value: Number
    unit: str | None  # '%', '£', 'days', 'weeks', 'months' or None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A benchmark phrase and its figure: 'the England average of 58.77%'.

    ``series`` is (i, n) for the i-th of n figures one benchmark names in turn ("the England
    averages of 20.82% and 60.57% respectively"): they pair with n council values in order.
    """

    start: int
    end: int
    figure: Figure
    comparator: str
    series: tuple[int, int] = (0, 1)


def anchors(line: str, start: int = 0, end: int | None = None) -> list[Anchor]:
    """Benchmark phrases in ``line[start:end]``, in order, not overlapping."""
    out: list[Anchor] = []
    for keyword in KEYWORD_RE.finditer(line, start, len(line) if end is None else end):
        if out and keyword.start() < out[-1].end:
            continue
        found = _anchors_at(line, keyword.start(), keyword.group().lower())
        if not found and keyword.group().lower() == "average":
            found = [a for a in _listed_before(line, keyword.start()) if not out or a.start >= out[-1].end]
        while found and (chained := _chain_after(line, found[-1].end)) is not None:
            found.append(_chained(chained))
        out.extend(found)
    return out


def _anchors_at(line: str, at: int, word: str) -> list[Anchor]:
    start, names, m = at, [], None
    if word in ("compared", "compares", "against"):
        m = _COMPARED_IN.match(line, at) or _COMPARED_PLACE.match(line, at)
        if m is None:
            return _peer(line, at)
    elif word == "target":
        m = _TARGET.match(line, at)
    else:
        back = max(0, at - _LOOK_BACK)
        named = _NAMED_BEFORE.search(line, back, at)
        if named is not None:
            m, start = _NAMED.match(line, at), named.start()
            names = regex.findall(rf"(?i){_CMP}", named.group("cmp"))
        else:
            m = _FOR.match(line, at)
            if m is None and word == "average" and _BARE_BEFORE.search(line, back, at):
                m = _BARE.match(line, at)
    if m is None:
        return []
    figure = _figure_of(m)
    if figure.unit is None and _YEAR_LIKE.fullmatch(m.group("num")):
        return []
    names = names or [_comparator_words(m)]
    if len(names) > 1 or "plural" in m.re.groupindex and m.group("plural"):
        return _several(line, start, m, [comparator(n) for n in names])
    return [Anchor(start, m.end(), figure, comparator(names[0]))]


def _peer(line: str, at: int) -> list[Anchor]:
    """A benchmark that is another council's figure, named by the council (its short name)."""
    m = _COMPARED_PEER.match(line, at)
    if m is None:
        return []
    from lacompare.catalogue.authorities import mentions

    name = m["peer"] or m["owner"]
    named = list(mentions(name))
    if len(named) != 1 or (named[0].start, named[0].end) != (0, len(name)):
        return []  # the words are a council's name and nothing more ("Reading Room data" is none)
    return [Anchor(at, m.end(), _figure_of(m), named[0].authority.short_name)]


def _listed_before(line: str, at: int) -> list[Anchor]:
    """'the regional (64.0%) and national (62.7%) averages': one benchmark per bracketed figure."""
    listed = _LISTED_BEFORE.search(line, max(0, at - _LIST_LOOK_BACK), at)
    if listed is None:
        return []
    return [
        Anchor(m.start(), m.end(), _figure_of(m), comparator(m.group("cmp")))
        for m in _LISTED.finditer(line, listed.start(), at)
    ]


def _comparator_words(m: regex.Match[str]) -> str | None:
    groups = m.re.groupindex
    return next((m.group(g) for g in ("cmp", "cmp2") if g in groups and m.group(g)), None)


def _chain_after(line: str, end: int) -> regex.Match[str] | None:
    return _CHAINED.match(line, end) or _CHAINED_NAMED.match(line, end)


def _chained(m: regex.Match[str]) -> Anchor:
    """'… and 40% nationally', '… and England (58.4%)' after a benchmark: one more benchmark."""
    start = m.start("cur") if m.group("cur") else m.start("num")
    if m.group("cmp"):  # "and England (58.4%)": the benchmark starts at its name
        start = min(start, m.start("cmp"))
    return Anchor(start, m.end(), _figure_of(m), comparator(_comparator_words(m)))


def _several(line: str, start: int, first: regex.Match[str], names: list[str]) -> list[Anchor]:
    """One phrase, several figures: one per named benchmark ("the regional and England averages of
    45% and 40%"), or one benchmark's figures for several values in turn ("… respectively")."""
    found = [(_figure_of(first), first.end())]
    while (m := _MORE_FIGURES.match(line, found[-1][1])) is not None:
        found.append((_figure_of(m), m.end()))
    if (m := _RESPECTIVELY.match(line, found[-1][1])) is not None:
        found[-1] = (found[-1][0], m.end())
    n = len(found)
    if len(names) == n:
        series = [(0, 1)] * n
    elif len(names) == 1:
        names, series = names * n, [(i, n) for i in range(n)]
    else:
        return []
    starts = [start] + [f.start for f, _ in found[1:]]
    return [
        Anchor(lo, end, figure, name, s)
        for lo, (figure, end), name, s in zip(starts, found, names, series, strict=True)
    ]


def _figure_of(m: regex.Match[str]) -> Figure:
    unit = (m.group("unit") or "").strip().lower().replace(" ", "")
    unit = "%" if unit in ("%", "percent") else _TIME_UNITS.get(unit)
    if m.group("cur"):
        unit = "£"
    return Figure(m.start("num"), m.end("num"), parse_number(m.group("num")), unit)


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


# "(tending towards negative variation)", "a significantly positive variation", "'tending towards negative' band"
BAND_RE = compiled.pattern(
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
_SOURCE_RE = compiled.scanner("|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_SOURCES)), regex.I)
_YEAR_RE = compiled.pattern(rf"(?<![\d,.]){YEAR}(?![\d%])")
_SENTENCE_END = compiled.pattern(r"\.\s")
_ALL_FROM = compiled.pattern(r"(?i)\(\s*all\s+from\b[^()]*\)")
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
