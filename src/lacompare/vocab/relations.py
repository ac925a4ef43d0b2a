"""What a comparison states, in one vocabulary: the relation of a council's value to its
benchmark, and the name of the benchmark. Every parser reads relations and comparators here.

The relation is recorded as the text states it: ``higher`` / ``lower`` ("higher than", "above",
"fewer … than"), ``better`` / ``worse`` ("slightly better than"; the catalogue turns these into a
direction where it knows the measure's polarity, see :func:`resolve`), ``comparable`` ("similar
to", "in line with", "not statistically different from", "the same as").
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.model import Number

HIGHER = "higher"
LOWER = "lower"
BETTER = "better"
WORSE = "worse"
COMPARABLE = "comparable"
RELATIONS = (HIGHER, LOWER, BETTER, WORSE, COMPARABLE)
_OPPOSITE = {HIGHER: LOWER, LOWER: HIGHER, BETTER: WORSE, WORSE: BETTER}

# -- the vocabulary: wording -> relation ------------------------------------------------------

# Comparatives: "higher than", "fewer people … than", "slightly better than".
MORE = r"higher|more|greater|larger|bigger"
LESS = r"lower|fewer|less|smaller|shorter"
_COMPARATIVES = ((HIGHER, MORE), (LOWER, LESS), (BETTER, r"better"), (WORSE, r"worse|poorer"))
# Positions that need no "than": "above the England average", "exceeded the national rate".
_ABOVE = r"above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?"
_BELOW = r"below"
# Performance set against a benchmark: "outperformed the comparator group average", "underperformed".
_OUTDID = r"out-?perform(?:s|ed|ing)?|out-?did|out-?does"
_FELL_BEHIND = r"under-?perform(?:s|ed|ing)?"
# Likeness. Before a value ("a similar proportion of people, 64.84%, …") a bare word is enough;
# after it the word must lead on to the benchmark ("similar to", "in line with").
_LIKE_BEFORE = (
    r"comparable|similar|(?:around|about|roughly|broadly|much)\s+the\s+same"
    r"|the\s+same\s+(?:level|proportion|percentage|rate|number|as)|in\s+line|consistent\s+with"
)
_LIKE_AFTER = (
    r"comparable(?=\s+(?:to|with)\b)|similar(?=\s+to\b)|the\s+same\s+(?:level\s+)?as"
    r"|(?:around|about|roughly)\s+the\s+same\s+level|(?:broadly\s+)?in\s+line\s+with|in\s+keeping\s+with"
    r"|consistent\s+with|close\s+to|on\s+(?:a\s+)?par\s+with"
    r"|not\s+(?:(?:statistically|significantly)\s+){0,2}different|no\s+(?:statistically\s+)?significant\s+difference"
)
# CQC's statistical wording: "tending towards a positive variation from the England average",
# "a negative variation", "no significant variation" (a variation is better or worse, not a size).
_POSITIVE_VARIATION = r"(?:tending\s+towards\s+)?(?:a\s+)?positive\s+variation"
_NEGATIVE_VARIATION = r"(?:tending\s+towards\s+)?(?:a\s+)?negative\s+variation"
_NO_VARIATION = r"no\s+(?:(?:statistically\s+)?significant\s+)?variation"
# "more than 85 languages" is a quantity, not a relation.
_NOT_A_QUANTITY = r"(?!\s+than\s+(?:£\s*)?\d)"
# After the value a comparative states a relation only with its "than" (or "compared to"): "which
# is higher than", "a larger population growth than", "lower (better) than", "which is higher
# compared to England"; not "found it more challenging".
_THAN = rf"{_NOT_A_QUANTITY}(?=(?:\s+\(?[\w'’-]+\)?){{0,3}}?\s+(?:than|(?:when\s+)?compared\s+(?:to|with))\b)"


def _named(pairs: list[tuple[str, str]]) -> str:
    """One alternation with a named group per relation (a relation may appear more than once)."""
    by_relation: dict[str, list[str]] = {}
    for relation, words in pairs:
        by_relation.setdefault(relation, []).append(words)
    return "|".join(f"(?P<{r}>{'|'.join(w)})" for r, w in by_relation.items())


_BEFORE_RE = compiled.pattern(
    r"(?i)\b(?:"
    + _named([(HIGHER, f"{MORE}|{_ABOVE}|highest"), (LOWER, f"{LESS}|{_BELOW}|lowest"), (COMPARABLE, _LIKE_BEFORE)])
    + rf")\b{_NOT_A_QUANTITY}"
)
_AFTER_RE = compiled.pattern(
    r"(?i)\b(?:"
    + _named(
        [(r, f"(?:{w}){_THAN}") for r, w in _COMPARATIVES]
        + [(HIGHER, rf"{_ABOVE}|higher\s+at|more\s+likely"), (LOWER, rf"{_BELOW}|lower\s+at|less\s+likely")]
        + [(BETTER, _OUTDID), (WORSE, _FELL_BEHIND), (COMPARABLE, _LIKE_AFTER)]
        + [(BETTER, _POSITIVE_VARIATION), (WORSE, _NEGATIVE_VARIATION), (COMPARABLE, _NO_VARIATION)]
    )
    + r")\b"
)
# Anywhere in a short linking phrase (dashboards): "which is lower than the", "close to the".
_LINK_RE = compiled.pattern(
    r"(?i)\b(?:"
    + _named(
        [(r, w) for r, w in _COMPARATIVES]
        + [(HIGHER, _ABOVE), (LOWER, _BELOW), (BETTER, _OUTDID), (WORSE, _FELL_BEHIND)]
        + [(COMPARABLE, f"{_LIKE_AFTER}|similar|comparable")]
    )
    + r")\b"
)
# Against a target: a shortfall ("fell short", "did not achieve") or an excess ("exceeded").
_TARGET_LOWER = compiled.pattern(r"(?i)underachiev|did not (?:achieve|meet)|fell short|below|missed")
_TARGET_HIGHER = compiled.pattern(r"(?i)exceed|above|outperform|over-?achiev")
# Words that state a comparison's relation: where a measure's own words stop or are trimmed.
RELATION_WORDS = rf"{MORE}|{LESS}|better|worse|poorer|similar|comparable|consistent|broadly"


def stated_before(text: str, start: int, end: int) -> str | None:
    """The last relation stated in ``text[start:end]``, words before a council's value:
    "fewer people (58.03%)", "a greater proportion of children … at 23.36%"."""
    return _last(_BEFORE_RE, text, start, end)


def stated_after(text: str, start: int, end: int) -> str | None:
    """The last relation stated in ``text[start:end]``, words between a value and its benchmark:
    "which is lower than", "slightly better than", "comparable to", "in line with"."""
    return _last(_AFTER_RE, text, start, end)


def first_stated_after(text: str, start: int, end: int) -> int | None:
    """Where the first relation stated after a value starts ("… respite, significantly below …");
    "less likely to have a break than" keeps its words, they name the measure."""
    m = next((m for m in _AFTER_RE.finditer(text, start, end) if not m.group().endswith("likely")), None)
    return m.start() if m else None


def stated_in_link(text: str) -> str | None:
    """The last relation word anywhere in a short phrase linking a value to its benchmark."""
    return _last(_LINK_RE, text, 0, len(text))


def against_target(text: str) -> str | None:
    """A result against its target: "underachieved" -> lower; "exceeded" -> higher."""
    if _TARGET_LOWER.search(text):
        return LOWER
    return HIGHER if _TARGET_HIGHER.search(text) else None


def _last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> str | None:
    found = None
    for m in pattern.finditer(text, start, end):
        found = m.lastgroup
    return found


def inverse(relation: str | None) -> str | None:
    """The relation seen from the other side: the benchmark is higher, so the council is lower."""
    return _OPPOSITE.get(relation, relation) if relation else None


def resolve(relation: str | None, polarity: str) -> str | None:
    """'better' / 'worse' as a direction, given which direction is better for the measure."""
    if polarity not in (HIGHER, LOWER) or relation not in (BETTER, WORSE):
        return relation
    return polarity if relation == BETTER else _OPPOSITE[polarity]


def contradicts(relation: str | None, value: Number, benchmark: Number) -> bool:
    """A stated higher with a value not above the benchmark, or a stated lower not below it."""
    return (relation == HIGHER and value <= benchmark) or (relation == LOWER and value >= benchmark)


def contradiction(relation: str | None, value: Number, benchmark: Number) -> str | None:
    """Why a stated relation contradicts its numbers ("relation 'higher' contradicts 12.1 < 14.8")."""
    if not contradicts(relation, value, benchmark):
        return None
    sign = "<" if value < benchmark else ">" if value > benchmark else "="
    return f"relation '{relation}' contradicts {_fmt(value)} {sign} {_fmt(benchmark)}"


def _fmt(n: Number) -> str:
    return f"{n:g}" if isinstance(n, float) else str(n)


# -- comparators: wording -> benchmark name ---------------------------------------------------

# England's nine regions less London (a benchmark of its own), as councils write them.
REGIONS = (
    r"North[\s-]+East|North[\s-]+West|Yorkshire\s+and\s+(?:the\s+)?Humber|East\s+Midlands|West\s+Midlands"
    r"|East\s+of\s+England|South[\s-]+East|South[\s-]+West"
)
# A peer: "compared with 64% in a neighbouring county", "in neighbouring authorities".
NEIGHBOURING = r"(?:an?\s+)?neighbouring\s+(?:count(?:y|ies)|councils?|authorit(?:y|ies)|boroughs?|areas?)"
# Named benchmarks, as CQC reports and councils write them (a regex fragment for finding them).
COMPARATOR_WORDS = (
    rf"{REGIONS}|England|English|national|nationally|country|London|regional|regionally|region|"
    r"CIPFA(?:\s+(?:comparator\s+group|nearest\s+neighbours?|group))?|"
    r"comparator\s+(?:family\s+)?(?:group|councils|authorities)|statistical\s+neighbours?|nearest\s+neighbours?|target|"
    rf"{NEIGHBOURING}"
)
_COMPARATORS = (
    ("regional", compiled.pattern(rf"(?i)^(?:{REGIONS}|region)")),
    ("England", compiled.pattern(r"(?i)^englan?d|^english")),
    ("national", compiled.pattern(r"(?i)^(?:national|country)")),
    ("London", compiled.pattern(r"(?i)^london")),
    ("CIPFA", compiled.pattern(r"(?i)^cipfa")),
    ("comparator group", compiled.pattern(r"(?i)^(?:comparator|statistical|nearest|sn$)")),
    ("target", compiled.pattern(r"(?i)^target")),
    ("neighbouring area", compiled.pattern(r"(?i)^(?:an?\s+)?neighbouring")),
)
_LEADING = compiled.pattern(r"(?i)^(?:(?:in|for|across|of)\s+)?(?:the\s+)?(?:rest\s+of\s+(?:the\s+)?)?")


def comparator(words: str | None) -> str:
    """'England' / 'national' / 'London' / 'regional' / 'CIPFA' / …; a bare 'average' stays 'average'.

    "for England", "in the rest of England" -> England; "nationally", "the country" -> national;
    "North East", "regionally" -> regional.
    """
    text = _LEADING.sub("", (words or "").strip())
    for name, pattern in _COMPARATORS:
        if text and pattern.search(text):
            return name
    return "average"
