"""English councils with adult social care duties, and resolving what users type to one of them.

The register (``data/english_councils.csv``, see ``data/SOURCE.md``) lists the 153 councils with
official name, short name, GSS code, type, region and aliases. ``resolve("hull")`` returns one
:class:`Authority` or raises :class:`~lacompare.errors.UnknownAuthority` naming the candidates:
an ambiguous or unknown name is never guessed.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from lacompare import compiled
from lacompare.errors import UnknownAuthority

GSS_CODE = compiled.pattern(r"E(?:06|08|09|10)\d{6}", regex.I)

# Words that dress a council's name without telling councils apart.
_DRESSING = compiled.pattern(
    r"^(?:the |london borough of |royal borough of |borough of |city and county of |council of the )"
    r"|(?: metropolitan borough council| metropolitan district council| borough council| county council"
    r"| city council| district council| council| london boro(?:ugh)?| ua| mbc)$"
)


@dataclass(frozen=True, slots=True)
class Authority:
    name: str
    short_name: str
    gss_code: str
    type: str
    region: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.short_name, *self.aliases)


def normalise(text: str) -> str:
    """Casefolded words: '&' as 'and', 'St.' as 'st', punctuation and hyphens as spaces."""
    text = text.casefold().replace("&", " and ")
    text = regex.sub(r"(?<=\bst)\.", "", text)
    text = regex.sub(r"[^\p{L}\p{N}]+", " ", text)
    return " ".join(text.split())


def core(text: str) -> str:
    """The normalised name without dressing: 'London Borough of Barnet' -> 'barnet'."""
    key = normalise(text)
    while True:
        stripped = _DRESSING.sub("", key).strip()
        if stripped == key or not stripped:
            return key
        key = stripped


@cache
def authorities() -> tuple[Authority, ...]:
    raw = resources.files("lacompare").joinpath("data/english_councils.csv").read_text(encoding="utf-8")
    return tuple(
        Authority(
            name=row["name"],
            short_name=row["short_name"],
            gss_code=row["gss_code"],
            type=row["type"],
            region=row["region"],
            aliases=tuple(a for a in row["aliases"].split(";") if a),
        )
        for row in csv.DictReader(io.StringIO(raw))
    )


@cache
def _index() -> dict[str, tuple[Authority, ...]]:
    """Every exact key (normalised name or its core) -> the councils it names."""
    found: dict[str, dict[str, Authority]] = {}
    for authority in authorities():
        for name in authority.names:
            for key in {normalise(name), core(name)}:
                found.setdefault(key, {})[authority.gss_code] = authority
    return {key: tuple(by_code.values()) for key, by_code in found.items()}


def by_code(gss_code: str) -> Authority | None:
    code = gss_code.upper()
    return next((a for a in authorities() if a.gss_code == code), None)


def candidates(query: str) -> list[Authority]:
    """Councils the query could mean, best evidence first; one entry means it is unambiguous."""
    text = query.strip()
    if GSS_CODE.fullmatch(text):
        hit = by_code(text)
        return [hit] if hit else []
    index = _index()
    for key in (normalise(text), core(text)):
        if key in index:
            return list(index[key])
    return _word_matches(core(text))


def _word_matches(key: str) -> list[Authority]:
    """Councils one of whose names contains the query's words as a run of whole words."""
    if not key:
        return []
    pattern = compiled.pattern(rf"(?:^| ){regex.escape(key)}(?: |$)")
    return [a for a in authorities() if any(pattern.search(normalise(n)) for n in a.names)]


def resolve(query: str) -> Authority:
    """One council for a name, short name, alias or GSS code; else UnknownAuthority with candidates."""
    found = candidates(query)
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(a.short_name for a in found[:8])
        raise UnknownAuthority(
            f"'{query}' could mean {len(found)} councils: did you mean {listed}?",
            source=query,
            hint="give the full name, e.g. " + repr(found[0].short_name),
        )
    near = suggestions(query)
    guess = f": did you mean {', '.join(near)}?" if near else ""
    raise UnknownAuthority(f"no English council with adult social care duties is called '{query}'{guess}", source=query)


def suggestions(query: str, limit: int = 3) -> list[str]:
    """Short names that look like the query (for 'did you mean')."""
    by_key = {normalise(a.short_name): a.short_name for a in authorities()}
    for authority in authorities():
        by_key.setdefault(core(authority.name), authority.short_name)
    close = difflib.get_close_matches(core(query), list(by_key), n=limit * 2, cutoff=0.75)
    out: list[str] = []
    for key in close:
        if by_key[key] not in out:
            out.append(by_key[key])
    return out[:limit]


def find(name: str | None) -> Authority | None:
    """The council a document names (its title or 'About X'), or None when unsure."""
    if not name:
        return None
    found = candidates(name)
    return found[0] if len(found) == 1 else None


@cache
def _mention_pattern() -> regex.Pattern[str]:
    names = sorted({a.short_name for a in authorities()}, key=len, reverse=True)
    return compiled.pattern(r"\b(?:" + "|".join(regex.escape(n) for n in names) + r")\b")


def mentioned_in(text: str) -> list[Authority]:
    """The councils ``text`` names, in the order it first names them (names shared by two councils skipped)."""
    out: list[Authority] = []
    for m in _mention_pattern().finditer(text):
        found = [a for a in authorities() if a.short_name == m.group()]
        if len(found) == 1 and found[0] not in out:
            out.append(found[0])
    return out


def most_mentioned(text: str, *, at_least: int = 5) -> Authority | None:
    """The council a document talks about when its title names none: mentioned at least
    ``at_least`` times, and three times as often as any other council."""
    counts = Counter(m.group() for m in _mention_pattern().finditer(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < at_least:
        return None
    if len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]:
        return None
    found = [a for a in authorities() if a.short_name == ranked[0][0]]
    return found[0] if len(found) == 1 else None
