"""Reporting periods as tables and sentences state them, read into one comparable form.

A period is a financial year ("2022/23", "2022-2023", "22/23", "2022 to 2023"), a quarter of one
("Q2 2023-24", "Quarter 2 2023/24", "2023/24 Q2"), a month ("Sep-24", "Sept 2024", "March 2023"),
a plain year ("2024"), or a quarter alone ("Q2", whose year the page gives elsewhere: such
quarters order among themselves only). Each is keyed by the month it ends in, so "the latest period" is a
comparison of keys: a financial year ends in March of its second year, Q1 in June of its first.

A fact's period (:func:`fact_period`) is its stated year read this way, with one more rule: a
national data collection (ASCOF, the adult social care survey, the carers' survey, SALT, ASCFR,
Skills for Care's workforce data) runs by financial year, and CQC names its year by the calendar
year it ends in, so "2024" with such a source is the 2023-24 collection: the same period as a
"2023-24" another document gives. Dates users type (``--as-of``) are read by :func:`as_of_date`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from lacompare import compiled

# Comparing councils reads periods without loading the parsers: what needs their year patterns
# (the sentence form below, :func:`stated_period`) imports them on first use.

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FY = r"(?:19|20)\d\d\s?(?:[-/–]\s?(?:(?:19|20)\d\d|\d\d)|\s+to\s+(?:19|20)\d\d)(?!\d)|(?<![\d/.,£])\d\d/\d\d(?![\d/%])"


def _quarter(name: str) -> str:
    return rf"(?:Q|Quarter\s+)(?P<{name}>[1-4])"


PERIOD = (
    rf"(?:{_quarter('q')}[\s,]*(?:of\s+)?(?P<qfy>{_FY})"
    rf"|(?P<fyq>{_FY})\s*[,:]?\s*{_quarter('fq')}"
    rf"|(?P<fy>{_FY})"
    rf"|(?P<month>{MONTH})\.?[\s'’-]*(?P<my>(?:19|20)\d\d|\d\d)(?![\d/])"
    r"|(?<![\d/.,£-])(?P<year>(?:19|20)\d\d)(?![\d%/-])"
    r"|(?P<bare_q>(?-i:Q)[1-4])\b)"  # "Q1 Q2 Q3 Q4": the quarters of a year the page names elsewhere
)
PERIOD_RE = compiled.pattern(rf"(?i)(?<![\w/]){PERIOD}")

# A period as a sentence states it, with no named groups (a form may hold two): "2022/23",
# "23/24", "Q2", "Q2 2023/24", "October 2024", "1 April 2023". Months are capitalised in prose.
_SENTENCE_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_SENTENCE_QUARTER = r"(?:Q|(?i:quarter)\s?)[1-4]\b"


def __getattr__(name: str) -> str:
    """``SENTENCE_PERIOD``: the sentence form, built on first use (see the imports)."""
    if name == "SENTENCE_PERIOD":
        return _sentence_period()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _sentence_period() -> str:
    from lacompare.vocab.patterns import SHORT_YEAR, YEAR

    year = rf"(?<![\d£,.])(?:{YEAR}|{SHORT_YEAR})(?![\d%])"
    return (
        rf"(?:{_SENTENCE_QUARTER}(?:\s+(?:of\s+)?{year})?"
        rf"|{year}(?:\s+{_SENTENCE_QUARTER})?"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_SENTENCE_MONTH}\s+(?:19|20)\d\d(?!\d))"
    )


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A stated period: ``end`` is (year, month) of its last month; ``text`` as normalised for facts."""

    end: tuple[int, int]
    text: str

    @property
    def anchored(self) -> bool:
        """Whether the period has a year ("Q2" alone has none: it orders among quarters only)."""
        return self.end[0] > 0


def first_period(text: str) -> Period | None:
    """The first period ``text`` states."""
    m = PERIOD_RE.search(text)
    return _period(m) if m else None


def _period(m: object) -> Period | None:
    groups = m.groupdict()  # type: ignore[attr-defined]
    if groups["bare_q"]:
        quarter = int(groups["bare_q"][1])
        return Period((0, 3 * quarter), f"Q{quarter}")  # ordered among themselves only
    if groups["q"] or groups["fq"]:
        fy = _financial_year(groups["qfy"] or groups["fyq"])
        if fy is None:
            return None
        quarter = int(groups["q"] or groups["fq"])
        month = 3 + 3 * quarter  # Q1 ends in June, Q4 in March of the next year
        year = fy + (1 if month > 12 else 0)
        return Period((year, (month - 1) % 12 + 1), f"Q{quarter} {fy}-{(fy + 1) % 100:02d}")
    if groups["fy"]:
        fy = _financial_year(groups["fy"])
        return Period((fy + 1, 3), f"{fy}-{(fy + 1) % 100:02d}") if fy is not None else None
    if groups["month"]:
        year = int(groups["my"])
        year = year + 2000 if year < 100 else year
        month = _MONTHS[groups["month"][:3].casefold()]
        return Period((year, month), f"{groups['month'][:3].title()} {year}")
    year = int(groups["year"])
    return Period((year, 12), str(year))


_SHORT_FY_RE = re.compile(r"(\d\d)/(\d\d)")
_LONG_FY_RE = re.compile(r"((?:19|20)\d\d)\s*(?:[-/–]|to)\s*(?:(?:19|20)(\d\d)|(\d\d))")


def _financial_year(text: str) -> int | None:
    """The first calendar year of a financial year: '2022/23', '2022-2023', '22/23', '2022 to 2023'
    -> 2022; None when the two years are not one apart."""
    text = " ".join(text.split()).replace(" /", "/").replace("/ ", "/")
    short = _SHORT_FY_RE.fullmatch(text)
    if short:
        first, second = 2000 + int(short[1]), int(short[2])
    elif long := _LONG_FY_RE.fullmatch(text):
        first, second = int(long[1]), int(long[2] or long[3])
    else:
        return None
    return first if second == (first + 1) % 100 else None


def stated_period(text: str | None) -> str | None:
    """A period as a sentence states it, in the form facts carry: '2022/23' -> '2022-23';
    'Q2 2023/24' -> 'Q2 2023-24'; 'October 2024', 'Q2' as stated."""
    if not text:
        return None
    from lacompare.vocab.patterns import STATED_YEAR_RE, normalise_year

    text = " ".join(text.split())
    return STATED_YEAR_RE.sub(lambda m: normalise_year(m.group()) or m.group(), text)


# A national collection that runs by financial year ("ASCOF", "Adult Social Care Survey (ASCS)",
# "Survey of Adult Carers in England (SACE) - question 17", "SALT", "ASCFR/SALT").
_COLLECTION_RE = re.compile(
    r"\b(?:ASCOF|ASCS|SACE|SAC|SALT|ASCFR|SFC|Skills\s+for\s+Care|Adult\s+Social\s+Care\s+(?:Survey|Outcomes)"
    r"|Survey\s+of\s+Adult\s+Carers|Short\s+and\s+Long\s+Term|Workforce_survey)",
    re.IGNORECASE,
)
_PLAIN_YEAR_RE = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=4096)
def fact_period(year: str | None, source: str | None = None) -> Period | None:
    """The period a fact's stated year names, in the one comparable form (see the module's docstring).

    '2023/24' and '2023-24' -> Period((2024, 3), '2023-24'); 'Q2 2016/17' -> 'Q2 2016-17';
    '2024' with source 'ASCS' -> '2023-24'; '2024' alone -> the calendar year 2024.
    """
    if not year or not year.strip():
        return None
    text = year.strip()
    if source and _PLAIN_YEAR_RE.fullmatch(text) and _COLLECTION_RE.search(source):
        first = int(text) - 1
        return Period((first + 1, 3), f"{first}-{(first + 1) % 100:02d}")
    return first_period(text)


def period_text(year: str | None, source: str | None = None) -> str | None:
    """A fact's period as written everywhere lacompare shows one; the stated words when they name none."""
    period = fact_period(year, source)
    return period.text if period else (year.strip() or None if year else None)


def parse_period(text: str) -> Period | None:
    """A period as a user types it ('2023-24', '2023/24', 'Q2 2023/24', 'Jan 2025', '2024'), or None."""
    period = first_period(text.strip())
    return period if period is not None and period.anchored else None


_DAY_FIRST_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)")


def as_of_date(text: str) -> str | None:
    """A date a user types, as an ISO date: '2025-01-31', '31/01/2025' (day first, as in the UK),
    '31 January 2025'; a period stands for its last day ('Jan 2025' -> '2025-01-31', '2024-25' ->
    '2025-03-31', '2024' -> '2024-12-31'). None when it is no date."""
    text = " ".join(text.split())
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    day_first = _DAY_FIRST_RE.fullmatch(text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
        return _iso(year, month, day)
    dated = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(.+)", text)
    if dated:
        period = parse_period(dated.group(2))
        if period is None or not re.fullmatch(r"[A-Za-z]{3} \d{4}", period.text):
            return None
        return _iso(period.end[0], period.end[1], int(dated.group(1)))
    period = parse_period(text)
    if period is None or len(period.text) < len(text) - 6:  # words beside the period: no date
        return None
    year, month = period.end
    return _iso(year, month, calendar.monthrange(year, month)[1])


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_of(date: str | None) -> tuple[int, int] | None:
    """The (year, month) of an ISO date ('2025-01-10' -> (2025, 1)), or None."""
    if not date or len(date) < 7 or not date[:4].isdigit() or not date[5:7].isdigit():
        return None
    return int(date[:4]), int(date[5:7])
