"""English councils with adult social care duties, and resolving what users type to one of them.

The register (``data/english_councils.csv``, see ``data/SOURCE.md``) lists the 153 councils with
official name, short name, GSS code, type, region and aliases. ``resolve("hull")`` returns one
:class:`Authority` or raises :class:`~lacompare.errors.UnknownAuthority` naming the candidates:
an ambiguous or unknown name is never guessed. The same names tell which councils a text names
(:func:`mentioned_in`, :func:`named_in` for names dressed as a council's: "Kent County Council",
"the London Borough of Enfield"), and whose web site a host is (:func:`lacompare.catalogue.sites.by_host`).
"""

from __future__ import annotations

import csv
import difflib
import io
from collections import Counter
from collections.abc import Iterable, Iterator
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
# Dressing read off what users type but kept out of the register's keys, so that
# "City of London" does not become "london".
_LEADING_DRESSING = compiled.pattern(r"^(?:metropolitan borough of |county borough of |city of |county of )")


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


_SAINT_DOT = compiled.pattern(r"(?<=\bst)\.")
_NOT_LETTERS_OR_DIGITS = compiled.pattern(r"[^\p{L}\p{N}]+")  # regex reads \p{…}: compiled once, here


def normalise(text: str) -> str:
    """Casefolded words: '&' as 'and', 'St.' as 'st', punctuation and hyphens as spaces."""
    text = text.casefold().replace("&", " and ")
    text = _SAINT_DOT.sub("", text)
    text = _NOT_LETTERS_OR_DIGITS.sub(" ", text)
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


def warm_up() -> None:
    """Build the register's index and the pattern of councils' names ahead of the first document
    (beside the PDF read: see ``lacompare.parsers.warm_up``)."""
    _index()
    _mention_pattern()


def by_code(gss_code: str) -> Authority | None:
    code = gss_code.upper()
    return next((a for a in authorities() if a.gss_code == code), None)


# The longest council name a query may give: every name, short name and alias is under 50
# characters; "Royal Borough of Windsor and Maidenhead Council adult social care" is still a name.
LONGEST_QUERY = 200


def candidates(query: str) -> list[Authority]:
    """Councils the query could mean, best evidence first; one entry means it is unambiguous."""
    text = query.strip()
    if GSS_CODE.fullmatch(text):
        hit = by_code(text)
        return [hit] if hit else []
    index = _index()
    for key in (normalise(text), core(text), _LEADING_DRESSING.sub("", core(text))):
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
    if len(query.strip()) > LONGEST_QUERY:
        raise UnknownAuthority(
            f"a name of {len(query.strip()):,} characters is longer than any council's ({LONGEST_QUERY} at most)",
            source="council name",
        )
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


# -- councils named in a text -------------------------------------------------------------------

_SPACE = r"[^\S\n]+"  # spaces within one line
_BEFORE_NAME = ("London Borough of", "Royal Borough of", "Metropolitan Borough of", "County Borough of",
                "Borough of", "City and County of", "City of", "County of", "Council of the")  # fmt: skip
_AFTER_NAME = ("Metropolitan Borough Council", "Metropolitan District Council", "Borough Council",
               "District Council", "County Council", "City Council", "Council", "Corporation")  # fmt: skip
_BETWEEN_WORDS = r"[^\w\n]{1,3}"
_AND = r"(?:[^\w\n]{1,3}and[^\w\n]{1,3}|[^\w\n]{0,3}&[^\w\n]{0,3})"  # "Telford & Wrekin", "B&NES"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a text names a council; ``dressed`` when named as a council ("Kent County Council")."""

    authority: Authority
    start: int
    end: int
    dressed: bool


def _alternation(keys: Iterable[str]) -> str:
    """The keys as one pattern, factored by their common starts (one alternation of 500 names
    makes the engine try each at every position; the factored one, about one per position)."""
    trie: _Trie = {}
    for key in keys:
        if key:
            node = trie
            for atom in _atoms(key):
                node = node.setdefault(atom, {})
            node[""] = {}  # a key ends here
    return _trie_pattern(trie)


_Trie = dict[str, "_Trie"]


def _atoms(key: str) -> list[str]:
    """A normalised key as pattern pieces: letters, the spaces between words, "and" or "&"."""
    words = key.split()
    atoms = [regex.escape(c) for c in words[0]]
    for before, word in zip(words, words[1:], strict=False):
        if word == "and":
            atoms.append(_AND)
            continue
        if before != "and":
            atoms.append(_BETWEEN_WORDS)
        atoms.extend(regex.escape(c) for c in word)
    return atoms


def _trie_pattern(node: _Trie) -> str:
    ends = "" in node
    branches = [atom + _trie_pattern(child) for atom, child in node.items() if atom]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if ends else ")")


def _phrases(phrases: tuple[str, ...]) -> str:
    return "|".join(p.replace(" ", _SPACE) for p in phrases)


@cache
def _mention_pattern() -> regex.Pattern[str]:
    """One of a council's names, or its place's name dressed as a council's."""
    # Sorted: the same pattern text in every run (a set's order changes with the process), so the
    # compiled pattern is found in the pattern cache.
    keys = sorted({core(n) for a in authorities() for n in a.names} | _plain_names())
    return compiled.pattern(
        rf"\b(?:(?P<before>{_phrases(_BEFORE_NAME)}){_SPACE})?(?P<place>{_alternation(keys)})"
        rf"(?P<after>{_SPACE}(?:{_phrases(_AFTER_NAME)}))?\b",
        regex.I,
    )


@cache
def _plain_names() -> frozenset[str]:
    """The names that stand for a council undressed: short names and aliases ("Kent", "Hull")."""
    return frozenset(normalise(n) for a in authorities() for n in (a.short_name, *a.aliases))


def mentions(text: str) -> Iterator[Mention]:
    """Every place in ``text`` that names one council (a name two councils share is skipped).

    Names are read whatever their case, but stand capitalised ("Sefton council", not "reading
    council papers"), or dressed in a line written all in lower case (a title in lower case).
    """
    index = _index()
    for m in _mention_pattern().finditer(text):
        place = normalise(m["place"])
        dressed = bool(m["before"] or m["after"]) or place != core(place) or place not in _plain_names()
        if not (m.group()[0].isupper() or (dressed and not _has_capitals(text, m.start()))):
            continue
        found = index.get(place, ())
        if len(found) == 1:
            yield Mention(found[0], m.start(), m.end(), dressed)


def _has_capitals(text: str, at: int) -> bool:
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return any(c.isupper() for c in text[start : end if end >= 0 else len(text)])


def named_in(text: str) -> list[Authority]:
    """The councils ``text`` names dressed as councils, in the order it first names them."""
    return _distinct(m.authority for m in mentions(text) if m.dressed)


def mentioned_in(text: str) -> list[Authority]:
    """The councils ``text`` names, in the order it first names them (names shared by two councils skipped)."""
    return _distinct(m.authority for m in mentions(text))


def _distinct(found: Iterable[Authority]) -> list[Authority]:
    return list(dict.fromkeys(found))


def most_mentioned(text: str, *, at_least: int = 5) -> Authority | None:
    """The council a document talks about when its title names none: mentioned (by any of its
    names) at least ``at_least`` times, and three times as often as any other council."""
    ranked = Counter(m.authority for m in mentions(text)).most_common(2)
    if not ranked or ranked[0][1] < at_least:
        return None
    if len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]:
        return None
    return ranked[0][0]
