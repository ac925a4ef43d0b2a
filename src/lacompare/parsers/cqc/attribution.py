"""Who a rating or score belongs to: the council its sentence, or the nearest subject before it, names.

A news page or press release may name several councils: "Kent County Council was rated good,
while neighbouring Surrey County Council was rated requires improvement", a round-up of the
region's ratings, a council's 58% set beside a neighbour's 66%. Each figure belongs to the
council named nearest before it in its sentence (the subject of its clause), else to the first
named after it; a figure whose sentence names no council belongs to the subject of the nearest
sentence before it that names one as it rates or scores it ("Medway Council was rated requires
improvement in March. It scored 55%."). A name that only stands beside the subject ("like
Medway", "compared with Surrey") is no owner.

In a news story or press release, a comparison's value or a wait's figure belongs to the council
named before it in its sentence, if any.

A fact whose owner is the document's own council keeps ``local_authority`` empty (it is the
document's); any other owner is written on the fact, flagged as stated in a document about another
council when the document has one. CQC's own report pages are about one council: only a council
named in a fact's own sentence can take it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lacompare import compiled
from lacompare.kinds import CQC_PRESS_RELEASE, NEWS, DocumentKind
from lacompare.model import Comparison, Fact, Number, Rating, Score, Wait
from lacompare.readers.base import Document
from lacompare.vocab.patterns import sentence_list

if TYPE_CHECKING:
    from lacompare.catalogue.authorities import Authority, Mention

# A name after these words stands beside the subject, not for it.
_BESIDE = compiled.pattern(
    r"(?i)(?:\blike|\bunlike|\bthan|\bas with|\bsimilar to|\bcompared (?:with|to)|\bbehind|\bahead of"
    r"|\bfollowing|\bafter|\bjoins?|\bjoining|\balongside)\s+(?:the\s+)?$"
)
# Where a clause ends; a relative clause ("Like Surrey County Council, which scored 66%, …") goes on
# speaking of the name before it.
_CLAUSE_END = compiled.pattern(r"[;:()]|,(?!\s*(?:which|who|whose)\b)|\s[–—-]\s")
# Names in a list share what follows them: "Essex County Council, Suffolk County Council and Norfolk … were".
_LIST_GAP = compiled.pattern(r"^\s*(?:,|,?\s*and|&)\s*$")
# A sentence that states a council's assessment result: its subject can own the sentences after it.
_RESULT_CUE = compiled.pattern(r"(?i)\brat(?:ed|es|ing)\b|\bscor(?:e|ed|es|ing)\b|\bassess|\brequires? improvement\b")
_SUBJECT_REACH = 60  # characters: a subject opens its sentence
_BACK_REACH = 1_500  # characters: how far back a figure with no council of its own looks for its subject
_NEWS_KINDS = frozenset({NEWS, CQC_PRESS_RELEASE})


def owners_at(sentence: str, at: int) -> list[Authority]:
    """The councils owning a figure at offset ``at`` of ``sentence``: the name nearest before it (with
    the names listed with it), else the first name after it; none when the sentence names none."""
    from lacompare.catalogue.authorities import mentions

    named = list(mentions(sentence))
    # A name beside the subject ("Following Surrey's inadequate rating, …") owns only its own clause.
    before = [
        m for m in named if m.end <= at and (not _beside(sentence, m) or not _CLAUSE_END.search(sentence, m.end, at))
    ]
    if not before:
        after = [m for m in named if m.start >= at and not _beside(sentence, m)]
        return [after[0].authority] if after else []
    listed = [before[-1]]
    for earlier in reversed(before[:-1]):
        if not _LIST_GAP.match(sentence[earlier.end : listed[-1].start]):
            break
        listed.append(earlier)
    return list(dict.fromkeys(m.authority for m in reversed(listed)))


def listed(sentence: str, mention: Mention, following: Sequence[Mention]) -> bool:
    """Whether ``mention`` opens a list of councils ("Essex County Council, Suffolk County Council and …")."""
    return bool(following) and _LIST_GAP.match(sentence[mention.end : following[0].start]) is not None


def subjects(sentence: str) -> list[Mention]:
    """The councils ``sentence`` names that can own a figure (not "like X", "compared with X")."""
    from lacompare.catalogue.authorities import mentions

    return [m for m in mentions(sentence) if not _beside(sentence, m)]


def _beside(sentence: str, mention: Mention) -> bool:
    return _BESIDE.search(sentence, 0, mention.start) is not None


def attribute(doc: Document, facts: Sequence[Fact], kind: DocumentKind, council: str | None) -> list[Fact]:
    """Each rating and score with the council it belongs to, where that is not the document's ``council``."""
    from lacompare.catalogue.authorities import find

    own = find(council)
    out: list[Fact] = []
    for fact in facts:
        if isinstance(fact, Rating | Score) and 1 <= fact.page <= len(doc.pages):
            fact = _owned(doc, fact, kind, own)
        elif isinstance(fact, Comparison | Wait) and kind in _NEWS_KINDS and fact.local_authority is None:
            fact = _figure_owned(fact, own)
        out.append(_told_elsewhere(fact, own))
    return out


def _told_elsewhere(fact: Fact, own: Authority | None) -> Fact:
    """A fact about another council than the one its document is about, flagged so: a reader of that
    council's figures sees where it was said."""
    if own is None or not fact.local_authority or not isinstance(fact, Rating | Score | Comparison | Wait):
        return fact
    note = f"stated in a document about {own.name}"
    return fact if note in (fact.flag or "") else replace(fact, flag="; ".join(f for f in (fact.flag, note) if f))


def _figure_owned(fact: Comparison | Wait, own: Authority | None) -> Fact:
    """A news story's comparison or wait whose first figure a council named before it in its sentence
    owns ("In Surrey County Council, 71% of people felt safe, compared with …"); a name after the
    figure is the comparator's ("compared with 64% in Surrey")."""
    numbers = fact.numbers()
    at = _number_at(fact.quote, numbers[0]) if numbers else -1
    named = [m for m in subjects(fact.quote) if m.end <= at] if at >= 0 else []
    owner = named[-1].authority if named else None
    if owner is None or (own is not None and owner.gss_code == own.gss_code):
        return fact
    return replace(fact, local_authority=owner.name)


def _number_at(quote: str, value: Number) -> int:
    """Where ``value`` is first written in ``quote`` (-1: not found)."""
    from lacompare.vocab.patterns import NUMBER_RE, parse_number

    return next((m.start() for m in NUMBER_RE.finditer(quote) if parse_number(m.group()) == value), -1)


def as_the_documents(facts: Sequence[Rating], council: str | None) -> list[Rating]:
    """Facts given to the document's own ``council`` by name, as the document's (``local_authority`` empty)."""
    from lacompare.catalogue.authorities import find

    own = find(council)
    if own is None:
        return list(facts)
    out = []
    for fact in facts:
        named = find(fact.local_authority) if fact.local_authority else None
        out.append(
            replace(fact, local_authority=None) if named is not None and named.gss_code == own.gss_code else fact
        )
    return out


def _owned(doc: Document, fact: Rating | Score, kind: DocumentKind, own: Authority | None) -> Fact:
    from lacompare.catalogue.authorities import find

    owner = find(fact.local_authority) if fact.local_authority else _owner(doc, fact, kind)
    if owner is None or (own is not None and owner.gss_code == own.gss_code):
        return replace(fact, local_authority=None) if fact.local_authority and owner is not None else fact
    return replace(fact, local_authority=owner.name)


def _owner(doc: Document, fact: Rating | Score, kind: DocumentKind) -> Authority | None:
    found = owners_at(fact.quote, _anchor(fact))
    if found or kind not in _NEWS_KINDS:
        return found[0] if len(found) == 1 else None
    text = doc.page(fact.page).text
    at = text.find(fact.quote)
    return subject_before(text, at) if at >= 0 else None


def _anchor(fact: Rating | Score) -> int:
    """Where in its quote the fact's figure stands (the rating word, the score, the %)."""
    quote = fact.quote.lower()
    if isinstance(fact, Score):
        digit = quote.rfind(str(fact.score))
        return digit if digit >= 0 else len(quote)
    for needle in (fact.overall, fact.score_pct):
        if needle is not None:
            found = quote.find(str(needle).lower())
            if found >= 0:
                return found
    return len(quote)


def subject_before(text: str, at: int) -> Authority | None:
    """The council opening the nearest sentence before offset ``at`` that states a result."""
    before = [s for s in sentence_list(text) if s.end <= at and s.start >= at - _BACK_REACH]
    for sentence in reversed(before):
        named = [m for m in subjects(sentence.text) if m.start <= _SUBJECT_REACH]
        if named and _RESULT_CUE.search(sentence.text):
            return named[0].authority
    return None
