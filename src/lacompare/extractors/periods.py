"""Reporting periods as tables and sentences state them, read into one comparable form.

A period is a financial year ("2022/23", "2022-2023", "22/23", "2022 to 2023"), a quarter of one
("Q2 2023-24", "Quarter 2 2023/24", "2023/24 Q2"), a month ("Sep-24", "Sept 2024", "March 2023"),
a plain year ("2024"), or a quarter alone ("Q2", whose year the page gives elsewhere: such
quarters order among themselves only). Each is keyed by the month it ends in, so "the latest period" is a
comparison of keys: a financial year ends in March of its second year, Q1 in June of its first.
"""

from __future__ import annotations

from dataclasses import dataclass

from lacompare import compiled
from lacompare.parsers.text.patterns import SHORT_YEAR, STATED_YEAR_RE, YEAR, normalise_year

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
_SENTENCE_YEAR = rf"(?<![\d£,.])(?:{YEAR}|{SHORT_YEAR})(?![\d%])"
_SENTENCE_QUARTER = r"(?:Q|(?i:quarter)\s?)[1-4]\b"
SENTENCE_PERIOD = (
    rf"(?:{_SENTENCE_QUARTER}(?:\s+(?:of\s+)?{_SENTENCE_YEAR})?"
    rf"|{_SENTENCE_YEAR}(?:\s+{_SENTENCE_QUARTER})?"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_SENTENCE_MONTH}\s+(?:19|20)\d\d(?!\d))"
)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A stated period: ``end`` is (year, month) of its last month; ``text`` as normalised for facts."""

    end: tuple[int, int]
    text: str


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


def _financial_year(text: str) -> int | None:
    """The first calendar year of a financial year: '2022/23' -> 2022; None when not one year apart."""
    form = normalise_year(" ".join(text.split()).replace(" /", "/").replace("/ ", "/"))
    if not form or len(form) != 7 or form[4] != "-":
        return None
    first, second = int(form[:4]), int(form[5:])
    return first if second == (first + 1) % 100 else None


def stated_period(text: str | None) -> str | None:
    """A period as a sentence states it, in the form facts carry: '2022/23' -> '2022-23';
    'Q2 2023/24' -> 'Q2 2023-24'; 'October 2024', 'Q2' as stated."""
    if not text:
        return None
    text = " ".join(text.split())
    return STATED_YEAR_RE.sub(lambda m: normalise_year(m.group()) or m.group(), text)
