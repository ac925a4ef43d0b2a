"""Indicator rows written as prose, the way committee minutes report them.

"NI136 People Supported to Live Independently – Achieved 2,882 against a target of 2,800, an
improvement on 2009/10 (2,358)"; "a Quarter 1 score of 18.08% against a milestone target of
22.67%"; "Performance at Q1 of 130 was within the target of 150"; "There were 5980 delayed days
in 16/17 compared with 5680 in 15/16". Each value is read from one of these forms and belongs
to the block it stands in: the reference line above it ("• NAS 1 (PAF D40) Percentage of …"),
a labelled paragraph ("Delayed transfers of care: …"), else the page's title. A minute that
names indicators without figures gives no row.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Fact, Indicator
from lacompare.parsers.performance.refs import INLINE_REF, LEGACY, REF_LINE, normal_ref
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document
from lacompare.vocab.patterns import NUMBER, SHORT_YEAR, YEAR, enclosing_sentence, numbers_in

_N = rf"{NUMBER}%?"
_ANY_YEAR = rf"(?:{YEAR}|{SHORT_YEAR})"
_TARGET = rf"(?:a|an|the|its)\s+(?:[\w-]+\s+){{0,3}}?target\s+of\s+(?P<target>{_N})"
_BESIDE = r"(?:within|below|above|under|over|against|short\s+of|ahead\s+of|behind|better\s+than|worse\s+than|on)"
_FORMS = (
    compiled.pattern(rf"\b[Aa]chieved\s+(?P<result>{_N})\s+against\s+{_TARGET}"),
    compiled.pattern(rf"\b[Aa]chieved\s+its\s+(?P<target>{_N})\s+target\b"),
    compiled.pattern(rf"\bscore\s+of\s+(?P<result>{_N})\s+against\s+{_TARGET}"),
    compiled.pattern(
        rf"\bPerformance\s+(?:at|for|in)\s+[^.\d]{{0,30}}?(?:Q|Quarter\s+)?[1-4]?\s*(?:of|was)\s+(?P<result>{_N}),?"
        rf"\s+(?:which\s+)?(?:was\s+|is\s+)?{_BESIDE}\s+{_TARGET}"
    ),
    compiled.pattern(
        rf"(?P<result>{_N})\s+(?:[a-z]+\s+){{1,4}}in\s+(?P<year>{_ANY_YEAR})\s+compared\s+(?:with|to)\s+"
        rf"(?P<last>{_N})\s+in\s+(?P<lyear>{_ANY_YEAR})"
    ),
)
_AT_END = compiled.pattern(r"(?m)^\s*At\s+the\s+end\s+of\s+(?:Quarter\s+|Q)[1-4]\b(?P<rest>[^.\n]*)")
_CHANGE = r"an?\s+(?:improvement|increase|decrease|reduction|decline|deterioration|drop|rise)"
_PREVIOUS = (
    compiled.pattern(rf"\G[^.]{{0,12}}?{_CHANGE}\s+(?:on|from)\s+(?P<lyear>{_ANY_YEAR})\s+\((?P<last>{_N})\)"),
    compiled.pattern(rf"\G[^.]{{0,12}}?{_CHANGE}\s+(?:on|from)\s+(?P<last>{_N})\s+in\s+(?P<lyear>{_ANY_YEAR})"),
)
_NEXT_SENTENCE = compiled.pattern(r"\G\.?\s+This\s+(?:was|is)\s+")
_LABEL = compiled.pattern(r"(?m)^[ \t]*(?P<label>[A-Z][^:\n.!?]{3,80}?):[ \t]+(?=\S)")
_NAME_END = compiled.pattern(r"\s+[–—-]\s+|\s*:\s+|\s*[–—]\s*$")


@dataclass(frozen=True, slots=True)
class RefSection:
    start: int
    end: int
    ref: str
    code: str | None
    name: str
    head_line_end: int  # the end of the reference line (a value on it quotes from the reference)


def parse(doc: Document) -> list[Fact]:
    period = report_period(doc)
    facts: list[Fact] = []
    for page in doc.pages:
        facts.extend(_page_rows(page.text, page.number, period))
    return facts


def row_spans(text: str) -> list[tuple[int, int]]:
    """Where prose rows with a reference stand on a page (their target is part of the row)."""
    return [(text.index(f.quote), text.index(f.quote) + len(f.quote)) for f in _page_rows(text, 1, None) if f.ref]


def _page_rows(text: str, page: int, period: str | None) -> list[Indicator]:
    blocks = _blocks(text)
    rows: list[Indicator] = []
    taken: list[tuple[int, int]] = []
    for form in _FORMS:
        for m in form.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            rows.append(_row(text, page, m, _block_at(blocks, m.start(), text), period))
    rows.extend(_at_end_rows(text, page, blocks, taken, period))
    return sorted(rows, key=lambda r: text.find(r.quote))


def _blocks(text: str) -> list[RefSection]:
    heads: list[tuple[int, int, str, str | None, str]] = []
    found = {m.start("ref"): m for m in INLINE_REF.finditer(text)}
    found.update({m.start("ref"): m for m in REF_LINE.finditer(text)})
    for _, m in sorted(found.items()):
        ref, code, name = _split_head(m.group("ref"), text, m.end("ref"), m.end())
        heads.append((m.start("ref"), m.end(), ref, code, name))
    for m in _LABEL.finditer(text):
        if not any(a <= m.start() < b for a, b, *_ in heads):
            heads.append((m.start(), m.end("label"), "", None, " ".join(m.group("label").split())))
    heads.sort()
    return [
        RefSection(start, heads[i + 1][0] if i + 1 < len(heads) else len(text), ref, code, name, line_end)
        for i, (start, line_end, ref, code, name) in enumerate(heads)
    ]


def _split_head(ref: str, text: str, pos: int, line_end: int) -> tuple[str, str | None, str]:
    legacy = LEGACY.match(text, pos, line_end)
    code = " ".join(legacy.group("code").split()) if legacy else None
    rest = text[legacy.end() if legacy else pos : line_end]
    cut = _NAME_END.search(rest)
    name = " ".join((rest[: cut.start()] if cut else rest).split()).strip(" .,;")
    return normal_ref(ref), code, name


def _block_at(blocks: list[RefSection], pos: int, text: str) -> RefSection:
    inside = [b for b in blocks if b.start <= pos < b.end]
    return inside[-1] if inside else RefSection(0, len(text), "", None, _title(text), -1)


def _title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip() and not line.startswith("URL:"):
            return " ".join(line.split())
    return ""


def _row(text: str, page: int, m: regex.Match[str], block: RefSection, period: str | None) -> Indicator:
    last, end = _group(m, "last"), m.end()
    if last is None:
        found = _previous(text, m.end(), block.end)
        if found:
            last, end = found.group("last"), found.end()
    on_head = block.ref and block.start <= m.start() < block.head_line_end
    start = block.start if on_head else enclosing_sentence(text, m.start()).start
    return Indicator(
        page,
        text[start:end].strip(),
        ref=block.ref,
        code=block.code,
        description=block.name,
        result=_group(m, "result"),
        target=_group(m, "target"),
        previous=last,
        period=_group(m, "year") or period,
    )


def _group(m: regex.Match[str], name: str) -> str | None:
    value = m.groupdict().get(name)
    return str(value) if value is not None else None


def _previous(text: str, pos: int, limit: int) -> regex.Match[str] | None:
    """'…, an improvement on 2009/10 (88.17%)', also in a following 'This was …' sentence."""
    for start in (pos, _after_this_was(text, pos, limit)):
        if start is None:
            continue
        for form in _PREVIOUS:
            found = form.match(text, start, limit)
            if found:
                return found
    return None


def _after_this_was(text: str, pos: int, limit: int) -> int | None:
    m = _NEXT_SENTENCE.match(text, pos, limit)
    return m.start() + 1 if m else None


def _at_end_rows(
    text: str, page: int, blocks: list[RefSection], taken: list[tuple[int, int]], period: str | None
) -> list[Indicator]:
    """'At the end of Quarter 1 we were helping 5,666 service users …': the one figure of the first
    such sentence of a reference's block, when the block states its result no other way."""
    rows = []
    for block in blocks:
        if not block.ref or any(block.start <= a < block.end for a, _ in taken):
            continue
        m = _AT_END.search(text, block.start, block.end)
        if m is None:
            continue
        values = regex.findall(_N, m.group("rest"))
        if len(values) != 1 or len(numbers_in(m.group("rest"))) != 1:
            continue
        sentence = enclosing_sentence(text, m.start("rest"))
        rows.append(
            Indicator(
                page, sentence.text.strip(), ref=block.ref, code=block.code, description=block.name,
                result=values[0], period=period,
            )
        )  # fmt: skip
    return rows
