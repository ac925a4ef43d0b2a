"""The quote rule: a fact's quote is a verbatim substring of its page's normalised text, starts on
that page (not in the text copied from the next page to read a paragraph over the break whole) and
contains every number of the fact."""

from __future__ import annotations

import regex

from lacompare.model import Fact, Number, Rating, Score
from lacompare.vocab.patterns import numbers_in


def quote_problem(fact: Fact, page_text: str, copied_at: int | None = None) -> str | None:
    """Return why the fact breaks the quote rule, or None when it keeps it.

    ``copied_at`` is where the page's text copied from the next page starts (``Page.copied_at``):
    a quote found only there is printed on the next page, not on the fact's.
    """
    at = page_text.find(fact.quote) if fact.quote else -1
    if at < 0:
        return "quote not found on its page"
    if copied_at is not None and at >= copied_at:
        return f"quote is on page {fact.page + 1}, not on page {fact.page}"
    found = numbers_in(fact.quote) + _score_words(fact)
    missing = [n for n in fact.numbers() if not any(_same(n, f) for f in found)]
    if missing:
        return "quote lacks " + ", ".join(_fmt(n) for n in missing)
    if isinstance(fact, Rating) and fact.overall and not _states_rating(fact.overall, fact.quote):
        return f"quote lacks the rating {fact.overall!r}"
    if isinstance(fact, Score) and str(fact.score) not in fact.quote and not _score_words(fact):
        return "quote lacks the score"
    return None


def _states_rating(word: str, quote: str) -> bool:
    """The quote states the rating: its word (over a line break too) or the verb that is it ("must improve")."""
    from lacompare.parsers.cqc.rating_prose import states_rating

    return states_rating(word, quote)


def _score_words(fact: Fact) -> list[Number]:
    """A quality-statement score stated in words ("a three for safeguarding")."""
    if not isinstance(fact, Score):
        return []
    from lacompare.parsers.cqc.scores_prose import NUMBER_WORDS

    quote = fact.quote.lower()
    return [n for word, n in NUMBER_WORDS.items() if n == fact.score and regex.search(rf"\b{word}\b", quote)]


def _same(a: Number, b: Number) -> bool:
    # Quoted numbers carry no sign: a variation of -66 is printed "(66)" or "-66".
    return abs(abs(float(a)) - float(b)) < 1e-9


def _fmt(n: Number) -> str:
    return str(int(n)) if float(n).is_integer() else repr(float(n))
