"""Shared pattern pieces: numbers, years, sentences and quotes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from lacompare import compiled
from lacompare.model import Number
from lacompare.readers.normalise import LONGEST_SENTENCE

# 1,234,567.89 | 1234.5 | 12 ; never the tail of a longer token.
# U+FFFD stands for a byte the text could not decode: a number touching it may have lost a digit.
NUMBER = r"(?<![\w.,\ufffd])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d\ufffd])"
NUMBER_RE = compiled.scanner(NUMBER)
# Financial/academic years: 2022/23, 2022/2023, 2023-24, 2023 to 2024, or a plain year.
YEAR = r"(?:19|20)\d\d(?:\s?[-/–]\s?(?:(?:19|20)\d\d|\d\d)(?!\d)|\s+to\s+(?:19|20)\d\d)?"
YEAR_RE = compiled.pattern(rf"(?<!\d){YEAR}(?!\d)")
# A financial year written short: "24/25", "21/22" (the second year follows the first; checked in code).
SHORT_YEAR = r"(?<![\d/.,£])\d\d/\d\d(?![\d/%])"
# A year in either form, never part of a sum or a percentage ("£2023", "2024%").
STATED_YEAR_RE = compiled.pattern(rf"(?<![\d£,.]){YEAR}(?![\d%])|{SHORT_YEAR}")

# A sum of money as written: "£553,918,000", "£212.8m", "£71.915M", "£1.2 billion", "+£26.8m", "£750k".
# A rate's base after a figure: "per 100,000 population", "for every 1,000 adults".
RATE_BASE = r"(?:per|for\s+every)\s+[\d,]+(?:\s+(?:population|people|adults|residents|head))?"

SCALES = {"k": 3, "thousand": 3, "m": 6, "million": 6, "bn": 9, "billion": 9}


def money_pattern(name: str = "amount") -> str:
    """A ``MONEY`` pattern whose groups are ``name`` and ``name_scale`` (to use it twice in one pattern)."""
    return (
        rf"£\s?(?P<{name}>{NUMBER})(?![.,]\d)"  # not the head of a figure cut short ("£60,0")
        rf"(?:\s?(?P<{name}_scale>(?i:bn|m|k)\b|(?i:million|billion|thousand)\b))?"
    )


MONEY = money_pattern()
MONEY_RE = compiled.pattern(MONEY)
# Words that make a figure a bound, not a value: "over 898,000", "under 300 days", "up to 18 months".
BOUND = (
    r"(?:more than|greater than|over|above|in excess of|exceeding|at least|upwards of|less than|fewer than"
    r"|under|below|up to|at most|no more than|nearly|almost)"
)
# A scaled figure anywhere (for quote checks): "£212.8m", "1.61 million"; a short scale only after £.
_SCALED_RE = compiled.pattern(
    rf"(?:£\s?(?P<n>{NUMBER})\s?(?P<s>(?i:bn|m|k))\b|(?P<n>{NUMBER})\s?(?P<s>(?i:million|billion|thousand))\b)"
)
# "196.000": a dot written as the thousands mark (read so only where a count is meant).
DOT_THOUSANDS = r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)"
_DOT_THOUSANDS_RE = compiled.scanner(DOT_THOUSANDS)

# A "sentence" longer than this is no prose (a line with no full stop: a dump, a table run
# together): the splitter skips it, and the normaliser cuts a line too long for a page into lines
# of whole sentences or such pieces, so every reader's time stays linear in the text.
MAX_SENTENCE_CHARS = LONGEST_SENTENCE
_ABBREVIATIONS = ("e.g.", "i.e.", "approx.", "etc.", "no.", "vs.", "c.", "St.", "Dr.", "Mr.", "Mrs.", "Ms.")
_INITIAL = compiled.pattern(r"\b[A-Z]\.$")  # "J. Smith": no sentence ends at an initial
_SENTENCE_BREAK = compiled.pattern(r"(?<=[.!?][\"'’”)\]]*)\s+(?=[\"'‘“(]?[A-Z0-9£])")


def parse_number(text: str) -> Number:
    """'2,135' -> 2135; '46.41' -> 46.41. Raises ValueError on anything else."""
    clean = text.replace(",", "").strip()
    if not clean or not regex.fullmatch(r"\d+(?:\.\d+)?", clean):
        raise ValueError(f"not a number: {text!r}")
    return float(clean) if "." in clean else int(clean)


def scaled(number: str, scale: str | None) -> Number:
    """'212.8', 'm' -> 212800000: the sum in units, exactly (no float rounding)."""
    value = Decimal(number.replace(",", "")).scaleb(SCALES[scale.lower()] if scale else 0)
    return int(value) if value == value.to_integral_value() else float(value)


def parse_money(m: regex.Match[str], name: str = "amount") -> Number:
    """The pounds of a ``money_pattern(name)`` match."""
    return scaled(m[name], m[f"{name}_scale"])


def dot_thousands(text: str) -> int:
    """'196.000' -> 196000."""
    return int(text.replace(".", ""))


def numbers_in(text: str) -> list[Number]:
    """Every number the text states, in each reading it allows: '£212.8m' is 212.8 and 212,800,000;
    '196.000' is 196.0 and 196,000."""
    out = [parse_number(m.group()) for m in NUMBER_RE.finditer(text)]
    out += [scaled(m["n"], m["s"]) for m in _SCALED_RE.finditer(text)]
    out += [dot_thousands(m.group()) for m in _DOT_THOUSANDS_RE.finditer(text)]
    return out


def normalise_year(text: str | None) -> str | None:
    """A year as facts carry it: '2023/24', '2023/2024', '2023-24', '2023–24', '2023 to 2024',
    '23/24' -> '2023-24'; a plain year stays ('2024'); a short pair that is not one year on
    from the other ('23/27') is no year (None). Quotes keep the form the text states."""
    if not text:
        return None
    text = text.strip()
    short = regex.fullmatch(r"(\d\d)/(\d\d)", text)
    if short:
        return f"20{short[1]}-{short[2]}" if int(short[2]) == (int(short[1]) + 1) % 100 else None
    m = regex.fullmatch(r"((?:19|20)\d\d)\s*(?:[-/–]|to)\s*(?:(?:19|20)(\d\d)|(\d\d))", text)
    return f"{m[1]}-{m[2] or m[3]}" if m else text


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of a normalised page, with their offsets. Lines never join; a "sentence" over
    ``MAX_SENTENCE_CHARS`` is no prose and is skipped."""
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_BREAK.finditer(line):
            before = line[start : m.start()]
            if before.endswith(_ABBREVIATIONS) or _INITIAL.search(before):
                continue
            if len(before) <= MAX_SENTENCE_CHARS:
                yield Sentence(offset + start, offset + m.start(), before)
            start = m.end()
        if line[start:].strip() and len(line) - start <= MAX_SENTENCE_CHARS:
            yield Sentence(offset + start, offset + len(line), line[start:])
        offset += len(line) + 1


def sentence_list(text: str) -> list[Sentence]:
    """The page's sentences as a list; several readers split one page, so the split is kept."""
    return list(_sentence_tuple(text))


@lru_cache(maxsize=64)
def _sentence_tuple(text: str) -> tuple[Sentence, ...]:
    return tuple(sentences(text))


def enclosing_sentence(text: str, start: int, end: int | None = None) -> Sentence:
    """The sentence (or run of sentences) of ``text`` covering [start, end)."""
    end = start if end is None else end
    chosen = [s for s in sentences(text) if s.end >= start and s.start <= max(start, end - 1)]
    if not chosen:
        return Sentence(start, end, text[start:end])
    first, last = chosen[0], chosen[-1]
    return Sentence(first.start, last.end, text[first.start : last.end])
