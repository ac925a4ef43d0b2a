"""The measure a sentence names, as a clean noun phrase.

Two places hold it. Before the verb or link word ("The number of people who receive direct payments
has increased …", "NI136 People Supported to Live Independently – Achieved 2,882"): the subject,
less what leads into it ("The results show that", "In 2022/23,", a bullet, a determiner). After the
figure ("8,571 requests for support were received, compared to …"): the words up to the
comparison, with the verb folded into the phrase ("requests for support received", "people who
received one-off support"). A phrase that is only a pronoun, names a count of measures, or still
holds a clause's verb is no measure: the sentence then gives no row.
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.extractors.prose.grammar import ANY_WHEN_RE, PERIOD_BODY

_MOST_WORDS = 30

# ---- what leads into a subject ---------------------------------------------------------------

# A bullet, a list number or a report's paragraph number ("3.1 The proportion …", "4.2.1 Carers …").
_BULLET = compiled.pattern(
    r"^\s*(?:[-•·▪●*]+\s*|o\s+|\(?\d{1,2}[.)]\s+|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-Z])|\(?[a-z][.)]\s+)+"
)
_LEAD_PERIOD = compiled.pattern(
    rf"^(?i:in|during|for|at|as\s+at|as\s+of|by|over|since)\s+(?:the\s+(?:end\s+of\s+)?)?(?:{PERIOD_BODY}),?\s+"
)
# "The results from this year's survey show that", "Members were advised that", "It was noted that".
_REPORTED = compiled.pattern(
    r"^[^.;]{0,150}?\b(?:show|shows|showed|shown|found|finds|reveal(?:s|ed)?|indicate[sd]?|confirm(?:s|ed)?"
    r"|note[sd]?|noting|advised|reported|highlighted|explained|stated|said|means|meant|suggest(?:s|ed)?)\s+that\s+"
)
# "This is likely to be connected to <measure>, which …": the measure follows the linking preposition.
_PRONOUN_LINK = compiled.pattern(
    r"^(?:This|That|It|These|Those)\b[^.;]{0,60}?\b(?:connected|linked|related|due|attributed|thanks|owing)\s+to\s+"
)
_CHANGE_IN = compiled.pattern(
    r"(?i)^(?:an?|in)\s+(?:\w+\s+)?(?:increase|decrease|rise|fall|reduction|improvement|drop|decline)\s+in\s+"
)
_CLAUSE_BREAK = compiled.pattern(r"(?i);\s+|,?\s+(?:though|although|while|whilst|but|whereas|however,?)\s+")
# A subordinate clause's opening word: "While the number of carers' assessments fell short at 390".
_SUBORDINATOR = compiled.pattern(r"(?i)^(?:while|whilst|although|though|whereas|as|since|because|when|if)\s+")
_DETERMINER = compiled.pattern(r"(?i)^(?:the|a|an|our|its|their|this|these|those|all|overall,)\s+")
_NUMBER_OF = compiled.pattern(r"(?i)^(?:total\s+)?number\s+of\s+")
# Words that link a subject to its figure or verb, dropped from the subject's end.
_TRAILING_LINK = compiled.pattern(
    r"(?i)(?:[\s,–—:=-]+|\s(?:has|have|had|also|further|significantly|slightly|steadily|is|was|are|were|been"
    r"|at|of|which|that|achieved|achieving|reached|recorded|stood|stands|remained|remains|totalled|scored|with"
    r"|fell\s+short|falls\s+short|fallen\s+short|came\s+in|ended))+$"
)
# The end of a subject that leads to a figure: the figure is its value ("… was 45", "… – Achieved 45").
SUBJECT_LINK = compiled.pattern(
    r"(?i)(?:\s(?:is|was|are|were|stood\s+at|stands\s+at|remained\s+at|remains\s+at|reached|recorded|scored"
    r"|totalled|at|of)|[–—:=-]\s*(?:achieved|achieving|performance\s+(?:was|of))?|\sachieved)\s*$"
)

# ---- what makes a phrase no measure -----------------------------------------------------------

_PRONOUNS = frozenset("this that it these those they we he she i there which who you our its their".split())
_WEAK = frozenset({"performance", "figure", "the figure", "this figure", "rate", "the rate", "total", "result"})
# A count of measures or RAG ratings, not a measure: "13 of 18 measures", "6 outcome measures that are Red".
_MEASURE_COUNT = compiled.pattern(
    r"(?i)^(?:\w+\s+){0,2}?(?:measures?|indicators?|kpis?|targets?|pis|metrics|areas|actions|recommendations"
    r"|priorities|outcomes?\s+measures?)\b"
)
_FINITE = frozenset(
    "is was are were has have had will would can could do does did be been shall should may might".split()
)
_CLAUSE_OPENERS = frozenset("who which that whose where with in on for of to from by at".split())


def subject_label(text: str) -> str | None:
    """The measure the text before a verb or a figure names, or None when it names none."""
    phrase = _TRAILING_LINK.sub("", text)
    # "X remain high (91%) though the percentage of calls … has declined": the clause's own subject
    phrase = _CLAUSE_BREAK.split(phrase)[-1]
    phrase = _SUBORDINATOR.sub("", _BULLET.sub("", phrase))
    reported = _REPORTED.match(phrase)
    if reported:
        phrase = phrase[reported.end() :]
    phrase = _LEAD_PERIOD.sub("", phrase)
    if phrase.endswith(("which", "that")):
        phrase = _TRAILING_LINK.sub("", phrase)
    phrase = _PRONOUN_LINK.sub("", phrase)
    phrase = _CHANGE_IN.sub("", phrase)
    if " – " in phrase or " - " in phrase:  # "NI136 People Supported … – Achieved": the name is before the dash
        phrase = phrase.replace(" - ", " – ").split(" – ")[0]
    return _clean(phrase)


def object_label(text: str, *, noun_first: bool = False) -> str | None:
    """The measure named after a figure, its verb folded in: 'people received one-off support' ->
    'people who received one-off support'; 'requests for support were received' -> 'requests for
    support received'. ``text`` runs from after the figure to the comparison (or the clause's end).
    ``noun_first``: the phrase must open with a noun ("37% are aged 65+" names no measure)."""
    phrase = _OBJECT_LEAD.sub("", text)
    cut = _OBJECT_END.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    phrase = ANY_WHEN_RE.sub("", phrase)
    words = phrase.split()
    if not words or words[0].lower() in _NOT_A_NOUN:
        return None
    if noun_first and (words[0].lower() in _AUX | _OTHER_AUX | _ALWAYS_PAST or _is_past(words[0].lower())):
        return None
    return _clean(" ".join(_fold_verb(words)))


_OBJECT_LEAD = compiled.pattern(r"^\s*(?:\(\s*[\d,.]+%?\s*\)\s*)?(?:of\s+(?:the\s+|all\s+|our\s+)?)?")
# Where the measure's words end: a clause's comma (never a thousands comma: "per 1,000 people"), a
# bracket, a dash, a comparison or a purpose clause.
_OBJECT_END = compiled.pattern(
    r"\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:(]|\s[–—-]\s|\b(?:compared|against|versus|in\s+order\s+to|including|this\s+is|which\s+is)\b"
    # a purpose clause is no part of the measure: "people used reablement services to regain independence"
    r"|\bto\s+(?:help|regain|support|enable|keep|maintain|improve|gain|live|stay|return|reduce|prevent)\b"
    r"|\s(?:and|but|while|whilst)\s+(?=\d))"
)
# Words a measure never starts with: the figure was a rate's base, a unit or a date.
_NOT_A_NOUN = frozenset(
    "per of in at to from by for on out than and or years year days weeks months hours minutes am pm".split()
)
_AUX = frozenset("are is were was".split())
_OTHER_AUX = frozenset("have has had did do does".split())
_PAST = frozenset(
    "went got began took made saw came gave felt said spent left chose became found kept told lost won "
    "grew fell rose sought brought bought used".split()
)
# Verbs whose "to" opens an infinitive, not a place: "started to receive", "went on to receive".
_TO_INFINITIVE = frozenset("started continued chose began decided needed wanted managed failed tried opted".split())
# Words between a noun phrase and its verb: "adults following reablement no longer required services".
_ADVERBS = frozenset("no longer also still never then subsequently later".split())
_ALWAYS_PAST = frozenset("went got began took saw came gave chose became grew fell rose".split())
_NOT_VERBS = frozenset(
    "need shared red bed based related limited unpaid paid skilled aged disabled registered funded".split()
)
_BEFORE_ADJECTIVE = frozenset("in into to from by at on with for of a an the their our its".split())
_PREPOSITIONS = frozenset("in into to from by at on with for through via within under out".split())
_PERSONS = frozenset(
    "people adults carers clients residents users individuals patients customers children persons men women "
    "families households staff workers respondents learners tenants pupils students those recipients".split()
)
_RELATIVES = frozenset("who which that whose where".split())


def _fold_verb(words: list[str]) -> list[str]:
    """The figure's noun phrase with its verb folded in (see ``object_label``)."""
    low = [w.lower() for w in words]
    for i, word in enumerate(low):
        if word in _RELATIVES:
            return words
        if word in _AUX:
            return words[:i] + words[i + 1 :]  # passive or copula: "requests were received" -> "requests received"
        if _is_verb(low, i):
            if i == 0:
                return words
            head = i
            while head > 1 and low[head - 1] in _ADVERBS:
                head -= 1
            relative = "who" if any(w in _PERSONS for w in low[:head]) else "that"
            return words[:head] + [relative] + words[head:]
    return words


def _is_verb(low: list[str], i: int) -> bool:
    """Whether the i-th word is a finite verb: a past form not used as a participle or an adjective."""
    word = low[i]
    if word in _OTHER_AUX or word in _ALWAYS_PAST:
        return True
    if not _is_past(word) or (i > 0 and low[i - 1] in _BEFORE_ADJECTIVE):
        return False
    nxt = low[i + 1] if i + 1 < len(low) else ""
    # "people admitted to residential care": a participle; "people received support": a verb.
    if nxt.endswith("ing"):  # "people referred reporting fewer falls": a participle before the -ing verb
        return False
    return nxt not in _PREPOSITIONS or (nxt == "to" and word in _TO_INFINITIVE)


def _is_past(word: str) -> bool:
    return word in _PAST or (len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS)


def _clean(phrase: str) -> str | None:
    phrase = " ".join(phrase.split()).strip(" ,;:–—-.")
    while True:
        stripped = _NUMBER_OF.sub("", _DETERMINER.sub("", phrase))
        if stripped == phrase:
            break
        phrase = stripped
    words = phrase.split()
    if not words or len(words) > _MOST_WORDS or not _is_measure(phrase, words):
        return None
    return phrase


def _is_measure(phrase: str, words: list[str]) -> bool:
    low = [w.lower().strip(",") for w in words]
    if low[0] in _PRONOUNS or phrase.lower() in _WEAK or _MEASURE_COUNT.match(phrase):
        return False
    if not any(c.isalpha() for c in phrase):
        return False
    # A finite verb before any relative clause or preposition means a clause was left in, not a noun phrase.
    for word in low:
        if word in _CLAUSE_OPENERS:
            break
        if word in _FINITE:
            return False
    return True
