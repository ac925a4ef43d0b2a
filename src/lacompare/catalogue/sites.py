"""A council from its own web site's address (``democracy.kent.gov.uk``, ``wokingham.moderngov.co.uk``):
the host labels each council's names give, and the register's listed sites
(``data/council_sites.csv``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import product

from lacompare import compiled
from lacompare.catalogue.authorities import Authority, authorities, by_code, core, normalise

# Platforms that serve a council's committee papers or performance pages under its name
# ("wokingham.moderngov.co.uk"); a host elsewhere that is not a gov.uk one is a third party's.
_COUNCIL_PLATFORMS = ("moderngov.co.uk", "cmis.uk.com", "inphase.com")
_LABEL_AFFIXES = compiled.pattern(r"^(?:council|democracy|performance)|(?:council|democracy|performance)$")
_SMALL_WORDS = frozenset({"and", "of", "the", "upon", "on", "with"})
_DRESSING_WORDS = frozenset({"council", "borough", "metropolitan", "district", "county", "corporation", "ua"})
_DIRECTIONS = {"north": "n", "south": "s", "east": "e", "west": "w"}
# How councils' web addresses shorten county names ("westberks", "nelincs", "hants").
_COUNTY_SHORT = {
    "bedfordshire": "beds", "berkshire": "berks", "buckinghamshire": "bucks", "cambridgeshire": "cambs",
    "derbyshire": "derbys", "gloucestershire": "glos", "hampshire": "hants", "hertfordshire": "herts",
    "lancashire": "lancs", "leicestershire": "leics", "lincolnshire": "lincs", "northamptonshire": "northants",
    "nottinghamshire": "notts", "oxfordshire": "oxon", "staffordshire": "staffs", "warwickshire": "warks",
    "wiltshire": "wilts", "worcestershire": "worcs", "yorkshire": "yorks",
}  # fmt: skip


def by_host(host: str) -> Authority | None:
    """The council whose own web site ``host`` is: a gov.uk host (``democracy.kent.gov.uk``) or a
    council's pages on a platform serving councils; None for other sites and shared labels."""
    host = host.strip().lower().split(":")[0].rstrip(".")
    labels = host.split(".")
    if host.endswith(".gov.uk") and len(labels) > 2:
        label = labels[-3]
    else:
        platform = next((p for p in _COUNCIL_PLATFORMS if host.endswith("." + p)), None)
        if platform is None:
            return None
        label = labels[-platform.count(".") - 2]
    label = label.replace("-", "")
    for key in dict.fromkeys((label, _LABEL_AFFIXES.sub("", label))):
        found = _by_site_label().get(key, ())
        if found:
            return found[0] if len(found) == 1 else None
    return None


@cache
def _by_site_label() -> dict[str, tuple[Authority, ...]]:
    """Host label -> councils: the labels each council's names give ("northsomerset", "lbbd",
    "nottinghamcity"), then the register's sites whose labels no name gives (they win)."""
    found: dict[str, dict[str, Authority]] = {}
    for authority in authorities():
        for label in _name_labels(authority):
            found.setdefault(label, {})[authority.gss_code] = authority
    out = {label: tuple(by_code.values()) for label, by_code in found.items()}
    for authority, domain in _listed_sites():
        out[domain.split(".")[0].replace("-", "")] = (authority,)
    return out


def _name_labels(authority: Authority) -> set[str]:
    out: set[str] = set()
    for name in authority.names:
        for words in (normalise(name).split(), core(name).split()):
            out.update(_squashed(words))
            out.update(_initials(words))
            if len(words) > 1:
                out.add(words[0])  # "stockton", "telford"; a first word two councils share gives no label
    return {label for label in out if len(label) > 2}


def _initials(words: list[str]) -> set[str]:
    """Initials ("lbbd", "rbkc", "iow"), not of a trailing "Metropolitan Borough Council": other
    bodies' addresses use such initials ("tmbc" is a district's)."""
    while words and words[-1] in _DRESSING_WORDS:
        words = words[:-1]
    content = [w for w in words if w not in _SMALL_WORDS]
    return {i for i in ("".join(w[0] for w in words), "".join(w[0] for w in content)) if len(i) > 2}


def _squashed(words: list[str]) -> Iterator[str]:
    """The words run together, with and without small words and dressing, county names and
    compass points shortened or not: "North East Lincolnshire Council" gives "nelincs"."""
    for small, dressing, county, compass in product((False, True), repeat=4):
        kept = [w for w in words if not (small and w in _SMALL_WORDS) and not (dressing and w in _DRESSING_WORDS)]
        if county:
            kept = [_COUNTY_SHORT.get(w, w) for w in kept]
        if compass:
            kept = [_DIRECTIONS.get(w, w) for w in kept]
        yield "".join(kept)


@cache
def _listed_sites() -> tuple[tuple[Authority, str], ...]:
    raw = resources.files("lacompare").joinpath("data/council_sites.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        authority = by_code(row["gss_code"])
        if authority is None:
            raise ValueError(f"council_sites.csv: no council has the code {row['gss_code']}")
        out.append((authority, row["domain"]))
    return tuple(out)
