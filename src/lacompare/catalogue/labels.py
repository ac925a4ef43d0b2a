"""Measure labels: the name a measure is shown by in ``extract``, ``diff``, ``rank``, ``metrics`` and
the report, given in one place, after extraction, from the fact's metric id and its words.

* A measure the catalogue knows (a national survey measure, a rating, a quality statement) is
  shown by the catalogue's name, whatever words the document used ("which indicated of people who
  used services had access to adequate food and drink" is "People who get adequate food and drink").
* Any other measure is shown by the **subject noun phrase** of the words the reader kept, never
  by a clause with its number cut out. The grammar, applied in order:

  1. of clauses joined by ";", the last (the one the figure follows);
  2. a run of legend words before a period adverbial ("… England Females In 2009-13 the slope
     index …") starts after the adverbial;
  3. leading connectives go ("which", "indicating", "while", "showing that", "and");
  4. a relation before the noun goes ("a similar proportion of" -> "proportion of");
  5. a leading article goes; a council's own name before a dash goes ("Barnet's performance –");
     a quantity's predicate goes ("the number of installations is high" -> "Number of installations");
  6. trailing places and periods go ("in Staffordshire", "in 2015/16") — the period is data;
  7. a subject followed by its verb becomes a noun phrase with "who" ("people had never used the
     internet" -> "People who had never used the internet");
  8. a subject that names no measure ("this indicator", "the council", a place) leaves the
     measure unnamed: "Measure not named (see quote)".
"""

from __future__ import annotations

import re
from functools import lru_cache

UNNAMED = "Measure not named (see quote)"

_CONNECTIVE_RE = re.compile(
    r"^(?:(?:which|that|while|whilst|whereas|where|when|and|but|with|as|so|also|indicating|indicated|indicates"
    r"|showing|shows|showed|meaning|means|this\s+(?:shows|means|indicates))\b[\s,]*)+",
    re.IGNORECASE,
)
_ARTICLE_RE = re.compile(r"^(?:the|a|an|our|its|their)\s+", re.IGNORECASE)
_QUANTITY_NOUNS = r"proportion|percentage|number|rate|share|level|amount|figure|ratio"
_OWNER_DASH_RE = re.compile(r"^[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*[’']s?\s+\w+\s+[–—-]\s+")
_TRAILING_RE = re.compile(r"[\s.,;:–—-]+$")
_PERIOD_ADVERBIAL_RE = re.compile(
    r"\b(?:In|For|During|At|By)\s+(?:(?:19|20)\d\d(?:\s?[-/–]\s?\d{2,4})?|Q[1-4]\b[^,]*?)[,\s]+(?=[a-z])"
)
_TRAILING_PERIOD_RE = re.compile(
    r"\s+(?:in|for|during|at|as\s+at|by|of)\s+(?:the\s+)?(?:(?:year|quarter)\s+)?"
    r"(?:Q[1-4]\s+)?(?:19|20)\d\d(?:\s?[-/–]\s?\d{2,4})?(?:\s+Q[1-4])?$"
    r"|\s+\((?:19|20)\d\d(?:\s?[-/–]\s?\d{2,4})?\)$",
    re.IGNORECASE,
)
# "number of telecare installations is high": the predicate of a quantity goes.
_QUANTITY_PREDICATE_RE = re.compile(
    rf"^((?:{_QUANTITY_NOUNS})\s+of\s+.+?)(?<!\bwho)\s+(?:is|are|was|were|remains?|remained|has\s+been|have\s+been)"
    r"(?:\s+[\w-]+){1,3}$",
    re.IGNORECASE,
)
_TRAILING_PLACE_RE = re.compile(r"\s+(?:in|across|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*$")
_SUBJECTS = (
    r"people|adults|carers|residents|users|clients|service\s+users|older\s+people|younger\s+adults|patients"
    r"|individuals|families|households|staff|workers|providers|homes|services"
)
# "people [receiving short-term care] were able to …": a subject, up to five words about it, its verb.
_SUBJECT_VERB_RE = re.compile(
    rf"^(?P<subject>(?:{_SUBJECTS})\b(?:\s+(?!(?:who|that|which)\b)[\w’'/-]+){{0,5}}?)\s+"
    r"(?P<verb>(?:had|have|has|were|was|are|is|reported|report|said|say|felt|feel|found|find|accessed|access"
    r"|received|receive|used|use|got|get|spent|spend|needed|need|waited|wait|did|do|would|could|can|rated)\b.*)$",
    re.IGNORECASE,
)
# Subjects that are the council, the indicator or the document, not a measure.
_NOT_A_MEASURE_RE = re.compile(
    r"^(?:this|that|the|our|its)?\s*(?:indicator|measure|figure|council|authority|performance|it|we|they|this|there"
    r"|service|borough|county|area|data|target)\b(?:\s+(?:has|have|is|was|were|are|remains?|shows?|continues?)\b|$)"
    r"|^(?:in\s+line\s+with|similar\s+to|compared\s+(?:to|with)|higher|lower|better|worse|above|below)\b"
    r"|^(?-i:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?:remains?|is|was|has|have|continues?|performs?|performed)\b",
    re.IGNORECASE,
)


def measure_label(metric_id: str, metric: str) -> str:
    """The label a measure is shown by: the catalogue's name where the id maps, else the subject
    noun phrase of its words (see the module's docstring)."""
    from lacompare.catalogue import measures as catalogue

    known = catalogue.get(metric_id)
    if known is not None:
        return known.label
    return subject_label(metric) if metric_id.startswith(("cmp.", "comparison")) else _capitalised(metric or metric_id)


@lru_cache(maxsize=8192)
def subject_label(words: str) -> str:
    """The subject noun phrase of a measure's words: 'indicating a similar proportion of people in
    Staffordshire' -> 'Proportion of people'; a phrase that names no measure -> :data:`UNNAMED`."""
    text = " ".join(words.split())
    if ";" in text:
        text = text.rsplit(";", 1)[1]
    adverbials = list(_PERIOD_ADVERBIAL_RE.finditer(text))
    if adverbials:
        text = text[adverbials[-1].end() :]
    text = _CONNECTIVE_RE.sub("", _TRAILING_RE.sub("", text.strip()))
    text = re.sub(r"^of\s+", "", text)  # "indicated [64%] of people …": the figure stood before "of"
    text = re.sub(rf"^(?:an?|the)\s+(?:\w+\s+)?(?=(?:{_QUANTITY_NOUNS})\s+of\b)", "", text, flags=re.IGNORECASE)
    text = _OWNER_DASH_RE.sub("", text)
    text = _ARTICLE_RE.sub("", text)
    text = _QUANTITY_PREDICATE_RE.sub(r"\1", text)
    for pattern in (_TRAILING_PERIOD_RE, _TRAILING_PLACE_RE, _TRAILING_PERIOD_RE):
        text = _TRAILING_RE.sub("", pattern.sub("", text))
    if not text or _NOT_A_MEASURE_RE.search(text) or not re.search(r"[a-z]{3}", text, re.IGNORECASE):
        return UNNAMED
    clause = _SUBJECT_VERB_RE.match(text)
    if clause:
        text = f"{clause.group('subject')} who {clause.group('verb')}"
    return _capitalised(text)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
