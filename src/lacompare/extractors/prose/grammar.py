"""The grammar of a measure stated in a sentence, built from small composable pieces.

Each piece is a regex source string. ``value(name)`` and ``when(name)`` take the group's name, so a
form can hold two figures (a result and a previous one) or two periods. A form is one way English
puts a figure in a value role: the result of "rose from M to N", the previous figure after
"compared to", the target after "against a target of". The words around the figure are the evidence:
a figure no form gives a role to is never read.

Every window is bounded (``[^;\n]{0,160}?``: the sentence splitter has already cut at full stops)
and no quantifier nests another unbounded one, so a form's cost grows with the sentence's length,
never faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lacompare import compiled
from lacompare.vocab.patterns import NUMBER, SHORT_YEAR, YEAR
from lacompare.vocab.periods import SENTENCE_PERIOD, stated_period

# ---- figures ---------------------------------------------------------------------------------

# Not money ("£3,287", "£ 45"), not the tail of a range or a date ("18-64", "23/01"), not a signed change.
_NOT_BEFORE = r"(?<![£$€\-–/+:#])(?<!£\s)"
# Not the head of a year span, range or date ("2022-23", "18-64", "27/06"), not a sum in millions, not an
# age band ("65+"), not a footnoted figure ("1,944*": its footnote may change what it counts), not a time.
_NOT_AFTER = (
    r"(?![-–/]\d)(?!\s?(?:m|bn|k|million|billion|thousand)\b)(?![+*])(?!\s?(?:am|pm)\b)(?!:\d)"
    r"(?!\s?(?:years?\s+old|year-olds?)\b)"
)


def value(name: str) -> str:
    """A figure as printed, in the group ``name``: '3,287', '64.5%', '17.1', '0.5 per cent'."""
    return rf"{_NOT_BEFORE}(?P<{name}>{NUMBER}(?:\s?%|\s?per\s?cent\b)?){_NOT_AFTER}"


# A unit or a rate's base after a figure: "9.5 days", "12 a day", "17.4 per 1,000 population".
AFTER_FIGURE = (
    r"(?:\s+(?:days?|weeks?|months?|hours?|minutes?))?(?:\s+(?:a|per)\s+(?:day|week|month|year))?"
    r"(?:\s+(?:per|for\s+every)\s+[\d,]+(?:\s+(?!(?:in|during|for|at|by|over|from|on|as|to)\b)[a-z]+){0,2})?"
)

# ---- periods ---------------------------------------------------------------------------------

_ANY_YEAR = rf"(?<![\d£,.])(?:{YEAR}|{SHORT_YEAR})(?![\d%])"
# A period as a sentence states it (one grammar of periods: lacompare.vocab.periods).
PERIOD_BODY = SENTENCE_PERIOD
PERIOD_RE = compiled.pattern(PERIOD_BODY)
_WHEN_WORD = r"(?:in|during|for|at|as\s+at|as\s+of|by|over|from|on)"
_THE_END = r"(?:the\s+(?:end\s+of\s+)?)?(?:(?:the\s+)?(?:financial|calendar)\s+year\s+)?"


# What the data's state may add to a period in brackets: "(2023-24 provisional)". A forecast or an
# estimate is no such word: it is no achieved figure.
_PERIOD_NOTE = r"(?i:provisional|prov\.|final|validated|unvalidated|published)"


def when(name: str) -> str:
    """A period phrase after a figure, its period in the group ``name``: ' at the end of 2022/23', or
    the period in brackets right after it: ' (2022/23)', ' (Q2 2024/25)', ' (2023-24 provisional)'."""
    return (
        rf"(?:(?:,?\s+{_WHEN_WORD}\s+{_THE_END}|\s*(?P<{name}_open>\()\s*(?:{_PERIOD_NOTE}\s+)?)"
        rf"(?P<{name}>{PERIOD_BODY})(?({name}_open)(?:,?\s*{_PERIOD_NOTE})?\s*\)))"
    )


# A period that opens a sentence: "In 2022-23,", "At April 2023,", "By the end of Q2".
LEAD_PERIOD = rf"(?i:in|during|for|at|as\s+at|as\s+of|by|over|since)\s+{_THE_END}(?P<lead_period>{PERIOD_BODY}),?\s+"
LEAD_PERIOD_RE = compiled.pattern(LEAD_PERIOD)  # used with match(text, pos): anchored where the body starts
ANY_WHEN_RE = compiled.pattern(when("period"))
# "the previous year", "last year's", "the previous the year" (as one council printed it).
PREVIOUS_YEAR = r"(?:the\s+)?(?:previous|last|prior|preceding)\s+(?:the\s+)?(?:financial\s+)?year(?:'s|’s|s)?"

# The period the text states for a value itself: right after it ("71.2% in 2023-24"), in brackets
# of its own before it ("Carer-reported quality of life (2023-24) scored 7.1"), or leading the sentence.
_WHEN_AFTER = compiled.pattern(rf"(?:\s?%|\s?per\s?cent\b)?{when('period')}")
_BRACKETED_PERIOD = compiled.pattern(rf"\(\s*(?P<period>{PERIOD_BODY})\s*\)")


def value_period(text: str, sentence_start: int, start: int, end: int) -> str | None:
    """The period stated for the figure at [start, end) of ``text`` (never an earlier figure's: in
    "up from 68.9% in 2022-23" the period dates 68.9%), in the form facts carry; None if none is."""
    m = _WHEN_AFTER.match(text, end)
    if m is None:
        bracketed = list(_BRACKETED_PERIOD.finditer(text, sentence_start, start))
        m = bracketed[0] if len({b["period"] for b in bracketed}) == 1 else None
    if m is None:
        m = LEAD_PERIOD_RE.match(text, sentence_start)
        return stated_period(m["lead_period"]) if m else None
    return stated_period(m["period"])


# ---- verbs and nouns of change ---------------------------------------------------------------

# The verbs of a change, one list for every reader that reads one (measures, benchmarks, waits).
CHANGE_VERBS = (
    r"(?:increased|decreased|rose|risen|fell|fallen|dropped|reduced|improved|declined|grew|grown|climbed"
    r"|went\s+(?:up|down)|gone\s+(?:up|down)|come\s+down|deteriorated)"
)
CHANGE_VERB = rf"\b(?:(?:has|have|had)\s+)?(?:also\s+|further\s+|slightly\s+|significantly\s+)?{CHANGE_VERBS}\b"
_CHANGE_NOUNS = r"(?:improvement|increase|decrease|rise|fall|reduction|deterioration|drop|decline)"
CHANGE_NOUN = rf"\b(?:an?\s+)?(?:(?:slight|small|significant|marked|further|big|large)\s+)?{_CHANGE_NOUNS}"
# A change stated without a value: "by 11.5%", "by 19% (73)"; it may stand between a verb and its figures.
_BY_CHANGE = rf"\s+by\s+{NUMBER}\s?%?(?:\s*\({NUMBER}\))?"


def target_of(name: str) -> str:
    """'a maximum target of 15', 'the target of 150', 'its milestone target of 22.67%'."""
    return rf"(?:a|an|the|its|our|their)\s+(?:[\w-]+\s+){{0,3}}?target\s+(?:of\s+|was\s+|is\s+){value(name)}"


# ---- forms -----------------------------------------------------------------------------------

# Where a form's measure is named: before its verb ("<measure> rose from …") or around its result
# (before it when a link word leads to it, "<measure> was 45", else after it, "45 <measure> …").
Side = Literal["subject", "result"]


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    pattern: re.Pattern[str]
    side: Side
    needs_second: bool  # a second figure (previous or target) must be found for a row
    # A word the form cannot match without: a sentence without it is not searched (one quick scan
    # instead of the form's slower one at every figure).
    keyword: re.Pattern[str]


_TARGET_WORD = r"(?i:target)"


def _form(name: str, source: str, side: Side, keyword: str, needs_second: bool = True) -> Form:
    return Form(name, compiled.pattern(source), side, needs_second, compiled.pattern(keyword))


_OUTCOME_VERB = (
    r"(?:report|say|said|felt|feel|rat(?:e|ed|ing)\b|agree|describ|achiev|receiv|return|remain|complet|meet|met\b"
    r"|recommend|satisf|improv|regain)"
)
_COMPARED = r"(?:when\s+)?compared\s+(?:to|with|against)\s+"
_WINDOW = r"(?P<mid>[^;\n]{0,160}?)"
_BESIDE = (
    r"(?:within|below|above|under|over|exceeding|exceeded|short\s+of|ahead\s+of|behind|better\s+than|worse\s+than"
    r"|on|meeting|met|missed|beating|beat)"
)

FORMS: tuple[Form, ...] = (
    # "Achieved 2,882 against a target of 2,800"; "17.1 incidents per 1,000 people against a maximum target of 15"
    _form(
        "against_target",
        rf"{value('result')}(?P<mid>[^;\n]{{0,60}}?)\s+(?:against|versus|vs\.?|compared\s+(?:to|with))\s+"
        + target_of("target"),
        "result",
        _TARGET_WORD,
    ),
    # "130, which was within the target of 150"; "45% is above the target of 40%"
    _form(
        "beside_target",
        rf"{value('result')}(?P<mid>[^;\n]{{0,60}}?),?\s+(?:(?:which|this)\s+)?(?:(?:was|is|remains|remained)\s+)?"
        rf"(?:well\s+|just\s+|comfortably\s+|slightly\s+)?{_BESIDE}\s+" + target_of("target"),
        "result",
        _TARGET_WORD,
    ),
    # "65.9% (against a 63% target)"; "539 against the 400 target"
    _form(
        "against_n_target",
        rf"{value('result')}\s*\(?\s*against\s+(?:a|an|the|its|our)\s+{value('target')}\s+target\b",
        "result",
        _TARGET_WORD,
    ),
    # "NI125 Intermediate Care – Achieved its 85% target, an improvement on 2009/10 (84.17%)"
    _form(
        "achieved_its_target",
        rf"\b[Aa]chieved\s+(?:its|the|our|their)\s+{value('target')}\s+target\b",
        "subject",
        _TARGET_WORD,
    ),
    # "<measure> increased in 2023/24 by 11.5%, from 1,915 the previous year, to 2,136"
    _form(
        "from_to",
        rf"{CHANGE_VERB}(?P<mid>[^;\n]{{0,100}}?),?\s+from\s+{value('previous')}{AFTER_FIGURE}"
        rf"(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?,?\s+to\s+{value('result')}{AFTER_FIGURE}"
        rf"(?:{when('period')})?",
        "subject",
        r"\bfrom\b",
    ),
    # "<measure> fell to 12 a day in March 2024 from 19 a day in March 2023"; "… increased to 71%, up from 64%"
    _form(
        "to_from",
        rf"{CHANGE_VERB}(?P<mid>[^;\n]{{0,60}}?),?\s+to\s+{value('result')}{AFTER_FIGURE}(?:{when('period')})?"
        rf",?\s+(?:(?:up|down)\s+)?from\s+{value('previous')}{AFTER_FIGURE}"
        rf"(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?",
        "subject",
        r"\bfrom\b",
    ),
    # "3,287 adults received …, compared to 3,152 in 2021-22";
    # "… a slight increase compared to the previous year (19,494)"
    _form(
        "compared",
        rf"{value('result')}{_WINDOW}[,;]?\s+(?:(?:this|which)\s+(?:is|was)\s+)?(?:{CHANGE_NOUN}\s+)?{_COMPARED}"
        rf"(?:{PREVIOUS_YEAR}\s*[:,]?\s*)?\(?\s*{value('previous')}(?:\s*\))?"
        rf"(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?",
        "result",
        r"compared",
    ),
    # "2,680 received community care (3,344 in 2021-22)"
    _form(
        "bracket_previous",
        rf"{value('result')}(?P<mid>[^;()\n]{{0,120}}?)\s*\(\s*{value('previous')}\s+(?:in|for|at|during)\s+"
        rf"{_THE_END}(?P<previous_period>{PERIOD_BODY})\s*\)",
        "result",
        r"\(",
    ),
    # "45 delayed transfers (2021-22: 52)"
    _form(
        "bracket_period_previous",
        rf"{value('result')}(?P<mid>[^;()\n]{{0,120}}?)\s*\(\s*(?P<previous_period>{PERIOD_BODY})\s*[:=–-]\s*"
        rf"{value('previous')}\s*\)",
        "result",
        r"\(",
    ),
    # "<measure> increased to 64.5% in 2022/23"; "<measure> fell by 3% to 412"
    _form(
        "change_to",
        rf"{CHANGE_VERB}(?P<mid>(?:{_BY_CHANGE}|{when('mid_period')}){{0,2}}),?\s+to\s+{value('result')}"
        rf"{AFTER_FIGURE}(?:{when('period')})?",
        "subject",
        CHANGE_VERBS,  # the form's verb: a sentence without one is not searched
        needs_second=False,
    ),
    # "<measure> is 61.0%": only after a measure head ("the percentage of", "the number of").
    _form(
        "measure_is",
        # an average or a median of a count is a statistic, not a measure's value: "the average number of deaths"
        r"(?i:\b(?<!average\s)(?<!mean\s)(?<!median\s)(?:the\s+)?(?:total\s+|overall\s+)?"
        r"(?:number|percentage|proportion|rate|total|share)\s+of)"
        r"\s(?P<mid>[^;\n]{3,200}?)\s+(?:is|was|are|were|stood\s+at|stands\s+at|remained\s+at|remains\s+at|has\s+been"
        rf"|reached|totalled|totaled)\s+{value('result')}(?:{when('period')})?",
        "subject",
        r"(?i:number|percentage|proportion|rate|total|share)\s+of\s",
        needs_second=False,
    ),
    # "…, with 86% of the 397 patients discharged from the service reporting a positive outcome"
    _form(
        "with_share",
        rf"\bwith\s+(?P<result>{NUMBER}\s?%)\s+of\s+(?:the\s+|all\s+)?(?:{NUMBER}\s+)?"
        # an outcome the share reports, never a make-up of the population ("with 25% born outside the UK")
        rf"(?=[^;()\n]{{0,120}}?\b{_OUTCOME_VERB})(?P<mid>[^;()\n]{{3,160}}?)(?=[,;:(]|$)",
        "result",
        r"\bwith\s+\d",
        needs_second=False,
    ),
    # A figure followed by a change on an earlier one:
    # "69.2% of adults …, a slight increase from the previous year (69%)".
    _form(
        "result_then_change",
        # the lookahead opens with a comma or a space, so it is tried only between words
        rf"{value('result')}(?P<mid>[^;()\n]{{0,160}}?)(?=(?:,\s*|\s+)(?:(?:this|which)\s+(?:is|was)\s+)?"
        rf"(?:{CHANGE_NOUN}\s+(?:on|from)|(?:up|down)\s+from)\s)",
        "result",
        rf"(?i:{_CHANGE_NOUNS}|up\s+from|down\s+from)",
    ),
)

# ---- what follows a result: the earlier figure it is set against -----------------------------

_CHANGE_ON = (
    rf",?\s*(?:(?:this|which|it)\s+(?:is|was|represents|represented)\s+)?{CHANGE_NOUN}"
    r"\s+(?:on|from|compared\s+(?:to|with))\s+"
)
TRAILING_PREVIOUS: tuple[re.Pattern[str], ...] = (
    # ", an improvement on 2009/10 (88.17%)"; ", a slight increase from previous the year (69%)"
    compiled.pattern(
        rf"{_CHANGE_ON}(?:{PREVIOUS_YEAR}|{_THE_END}(?P<previous_period>{PERIOD_BODY}))\s*\(\s*{value('previous')}\s*\)"
    ),
    # ", an improvement from 8.62% in 2009/10"
    compiled.pattern(rf"{_CHANGE_ON}{value('previous')}(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?"),
    # ", up from 58% in 2021/22"
    compiled.pattern(
        rf",?\s*(?:up|down)\s+from\s+{value('previous')}(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?"
    ),
    # " (2021-22: 3,344)"
    compiled.pattern(rf"\s*\(\s*(?P<previous_period>{PERIOD_BODY})\s*[:=–-]\s*{value('previous')}\s*\)"),
    # " (3,344 in 2021-22)"
    compiled.pattern(
        rf"\s*\(\s*{value('previous')}\s+(?:in|for|at|during)\s+{_THE_END}(?P<previous_period>{PERIOD_BODY})\s*\)"
    ),
)
# The sentence after a result that gives its earlier figure: "This was an improvement from 2,358 in 2009/10".
NEXT_SENTENCE_PREVIOUS = compiled.pattern(
    rf"^\s*(?:This|That|It)\s+(?:was|is|represents|represented)\s+{CHANGE_NOUN}\s+(?:on|from|compared\s+(?:to|with))\s+"
    rf"(?:{value('previous')}(?:{when('previous_period')}|\s+{PREVIOUS_YEAR})?"
    rf"|{_THE_END}(?P<previous_period_b>{PERIOD_BODY})\s*\(\s*{value('previous_b')}\s*\))"
)

# ---- two sentences: "At April 2023, there were 67 <measure>. At October 2024 this was the case for 85 adults."

PAIR_FIRST = compiled.pattern(
    rf"^(?:{LEAD_PERIOD})(?:there\s+(?:were|was|had\s+been)\s+)?{value('previous')}\s+(?P<rest>[^;\n]{{3,300}})"
)
PAIR_SECOND = compiled.pattern(
    rf"^(?:{LEAD_PERIOD})(?:this|that|the\s+(?:figure|number|total))\s+"
    r"(?:was\s+the\s+case\s+for|was|stood\s+at|had\s+(?:risen|increased|fallen|decreased|dropped|grown)\s+to"
    rf"|(?:rose|increased|fell|decreased|dropped|grew)\s+to)\s+{value('result')}"
)

# ---- list items under a line saying the items are figures -------------------------------------

FIGURE_LIST_INTRO = compiled.pattern(
    r"(?i)\b(?:numbers|figures|statistics|stats|at\s+a\s+glance|in\s+numbers|key\s+facts|key\s+data"
    r"|facts\s+and\s+figures|in\s+figures)\b[^.\n]{0,40}:?\s*$"
)
LIST_BULLET = compiled.pattern(r"^\s*(?:[-•·▪●*o]\s+|\d{1,2}[.)]\s+)?")
LIST_CLAUSE = compiled.pattern(
    rf"(?:^|,?\s+and\s+|;\s+)(?=\S){value('result')}(?:\s*\(\s*{NUMBER}\s*\))?\s+(?P<rest>[^;]{{3,240}}?)"
    rf"(?=,?\s+and\s+{NUMBER}|;|$)"
)
