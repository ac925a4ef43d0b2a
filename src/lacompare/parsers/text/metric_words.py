"""A short description of what a comparison measures, from the words around its value, and a
stable id from it: "46.41% of people receiving long-term support in Barnet had their care
reviewed (planned or unplanned), which is lower than …" -> "people receiving long-term
support had their care reviewed" -> "cmp.people_receiving_long_term_support_care_reviewed"."""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.extractors.prose.grammar import CHANGE_VERBS
from lacompare.vocab import relations
from lacompare.vocab.patterns import RATE_BASE

# Where the words naming a value's measure start, reading back from the value.
_BEFORE_START = compiled.pattern(
    r"(?i)[,;:]|\.\s|\b(?:showed|shows|show|that|where|example)\b|\bdata\b(?:\s*\([^()]*\))?"
    r"|\b(?:with|as)(?=\s*$)"
)
# Where they stop, reading on from the value: the link to the benchmark.
_AFTER_END = compiled.pattern(
    rf"(?i),\s*(?:which|this|that is|compared|than|then|but|in comparison|{relations.RELATION_WORDS})\b"
    r"|\b(?:which|than(?!\s+£?\s*\d)|then the|compared to|compared with|in comparison"
    r"|as the|with the|whilst|while|whereas|against)\b|[;(]|\.(?:\s|$)"
)
# A change the value is the end of ("… rose to 38.5% in September from 35.9%"): the measure is
# named before its verb, and nothing after the value is part of its name.
_CHANGE_TO = compiled.pattern(rf"(?i)\s+(?:has\s+|have\s+|had\s+)?{CHANGE_VERBS}\b[^;]{{0,40}}?\bto\s*$")
# "… care homes were 512.4 per 100,000 population": the verb before the value and the rate's base
# after it are no part of the measure's name (the unit keeps the base).
_COPULA_END = compiled.pattern(r"(?i)\s+(?:is|was|were|are|stood\s+at|stands\s+at|remains|remained)\s*$")
_RATE_BASE = compiled.pattern(rf"(?i)^\s*{RATE_BASE}")
_VALUE_TAIL = compiled.pattern(r"\s?(?:%|per\s?cent\b|days?\b|weeks?\b|months?\b)?\s*\)?\s*")
_CONJUNCTION = compiled.pattern(r"\b(?:and|or)\b")
# "This is a larger population growth than the …"
_BETWEEN_RELATION_AND_THAN = compiled.pattern(rf"(?i)\b(?:{relations.MORE}|{relations.LESS})\s+(.+?)\s+than\b")
# "Fewer carers (75.00%) than average (85.22%) found information and advice helpful"
_PREDICATE_AFTER = compiled.pattern(r"\s*([a-z][^(),.;]*)")
_NOT_A_PREDICATE = compiled.pattern(r"(?i)(?:which|and|or|but|in|with|while|whilst)\b")

_BRACKETS = compiled.pattern(r"\([^()]*\)?|\)")
_LEADING_JUNK = compiled.pattern(
    r"(?i)^(?:there\s+(?:was|were|is|are)|the\s+local\s+authority\s+(?:also\s+)?(?:had|has)"
    r"|(?:(?:broadly|around|about|roughly)\s+)?the\s+same\s+proportion\s+of|in\s+contrast|for\s+example"
    r"|o|of|only|that|and|or|but|as|also|so|the|a|an|were|was|is|are|however|positively|additionally|while|whilst"
    rf"|similarly|furthermore|significantly|much|slightly|compared\s+(?:to|with)|whereas|{relations.MORE}|{relations.LESS})"
    r"\b[\s,]*"
)
_TRAILING_JUNK = compiled.pattern(
    rf"(?i)[\s,]*\b(?:was|were|is|are|also|{relations.MORE}|{relations.LESS}|at|of|than|the|a|an|and|or"
    r"|significantly|slightly|broadly|statistically|not|compared|respectively)$"
)
_WORD = compiled.pattern(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "of the a an in to who that they their them had have has were was is are and or for with by as it be been "
    "did do does this these those there which per from at on".split()
)
_MAX_SLUG_WORDS = 8
# Words every measure's description may hold: they tell no measure from another.
_GENERIC = frozenset("proportion percentage share number rate figure people total population average".split())
_RELATION_WORD = compiled.pattern(rf"(?i)\b(?:{relations.RELATION_WORDS}|above|below|significantly|slightly)\b")
_MIN_SHARED = 2


def place_pattern(places: tuple[str, ...]) -> regex.Pattern[str]:
    """'in Barnet', 'in the borough', 'in the local authority area': words that name no measure."""
    local = "".join(f"|{regex.escape(p)}" for p in places)
    return compiled.pattern(rf"(?i)\s*\bin\s+(?:the\s+)?(?:local\s+authority(?:\s+area)?|borough{local})\b")


def describe(
    line: str,
    value: tuple[int, int],
    lo: int,
    hi: int,
    places: regex.Pattern[str],
    *,
    between: tuple[int, int] | None = None,
    predicate_at: tuple[int, int] | None = None,
) -> str:
    """The measure named around ``line[value]``: words from ``lo`` to the value and on to ``hi``.

    ``between`` is where "This is a larger population growth than" stands when the value is in
    an earlier sentence; ``predicate_at`` where "found information and advice helpful" may follow
    the benchmark.
    """
    after_start = value[1] + len(_VALUE_TAIL.match(line, value[1]).group())  # type: ignore[union-attr]
    hi = max(hi, after_start)
    before = line[lo : value[0]].rstrip(" (")
    change = _CHANGE_TO.search(before)
    if change is not None and content_words(tidy(before[: change.start()], places)):
        before, hi = before[: change.start()], after_start  # nothing after the value names it
    aside = line.startswith(",", after_start)
    if aside and not content_words(tidy(before, places)):  # "At 61.3%, the proportion was comparable to …"
        before, after_start = "", after_start + 1
    ends = [m.start() for m in (_AFTER_END.search(line, after_start, hi),) if m]
    ends += [at for at in (relations.first_stated_after(line, after_start, hi),) if at is not None]
    # "The LD employment indicator, at 9.4%, did not …": an aside names nothing after the value.
    after = "" if line.startswith(",", after_start) else line[after_start : min(ends, default=hi)]
    cuts = [m.end() for m in _BEFORE_START.finditer(before)]
    while cuts and not content_words(tidy(before[cuts[-1] :], places)) and not content_words(after):
        cuts.pop()
    base = _RATE_BASE.match(after)
    after = after[base.end() :] if base else after
    named = before[cuts[-1] :] if cuts else before
    bare = _COPULA_END.sub("", named)
    metric = tidy(f"{bare if content_words(tidy(bare, places)) else named} {after}", places)
    if len(content_words(metric)) >= 2:
        return metric
    if between is not None:
        m = _BETWEEN_RELATION_AND_THAN.search(line, *between)
        return tidy(m.group(1), places) if m else metric
    if predicate_at is not None:
        m = _PREDICATE_AFTER.match(line, *predicate_at)
        if m and not _NOT_A_PREDICATE.match(m.group(1)):
            return tidy(f"{metric} {m.group(1)}", places)
    return metric


def after_last_number(line: str, lo: int, value_start: int, number_ends: list[int]) -> int:
    """Where a value's own words start when other numbers come before it in the clause:
    "74.2% of those … and 11% of people …" -> the words after the last 'and'."""
    earlier = [e for e in number_ends if lo <= e <= value_start]
    if not earlier:
        return lo
    lo = earlier[-1]
    joined = list(_CONJUNCTION.finditer(line, lo, value_start))
    return joined[-1].end() if joined else lo


def tidy(text: str, places: regex.Pattern[str]) -> str:
    """Words around a value -> a short description: no brackets, no 'in Barnet', no relation words."""
    text = places.sub("", _BRACKETS.sub(" ", text))
    text = " ".join(text.replace("%", " ").split()).strip(" ,;:.")
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_JUNK.sub("", text).strip(" ,;:.")
        text = _TRAILING_JUNK.sub("", text).strip(" ,;:.")
    return text


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def best_named(subject: str, options: list[str]) -> int | None:
    """Which of ``options`` (the words around earlier numbers) the ``subject`` names: the one that
    shares the most of its words ("identifying as White" ~ "identified as White"), if clearly so."""
    wanted = _stems(subject)
    if len(wanted) < 2:
        return None
    shared = sorted(((len(wanted & _stems(text)), k) for k, text in enumerate(options)), reverse=True)
    if not shared or shared[0][0] < _MIN_SHARED or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return shared[0][1]


def _stems(text: str) -> set[str]:
    return {_singular(w)[:6] for w in content_words(_RELATION_WORD.sub(" ", text)) if w not in _GENERIC}


def metric_slug(metric: str) -> str:
    """'carers found it easy to access information and advice' -> 'cmp.carer_found_easy_access_information_advice'."""
    words = [_singular(w) for w in content_words(metric)]
    if len(words) > _MAX_SLUG_WORDS:  # the head names the measure, the tail often tells similar ones apart
        words = words[: _MAX_SLUG_WORDS - 3] + words[-3:]
    return "cmp." + ("_".join(words) or "unnamed")


def _singular(word: str) -> str:
    # 'carer'/'carers', 'payment'/'payments' name the same measure.
    if len(word) <= 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ves")):
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]
