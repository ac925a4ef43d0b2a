"""Data dashboards: "This is 381 people per 100,000, which is lower than the national average of
1,143.48 people per 100,000" -> a comparison with unit ``per 100,000``; the counts beside it
("1,505 requests for care") as statistics; source lines ("ASCFR and SALT Data Tables 2023-24
Sheet T34") attached to the facts whose topic they describe. Prose with no benchmark number
(case studies, explanations) gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lacompare import compiled
from lacompare.model import Comparison, Fact, Number, Statistic
from lacompare.parsers.dashboard import dashboard_words as words
from lacompare.readers.base import Document
from lacompare.vocab import relations
from lacompare.vocab.patterns import NUMBER, YEAR_RE, Sentence, parse_number, sentence_list

_NUM = rf"£?{NUMBER}%?"
_BENCHMARKS = (
    compiled.pattern(
        rf"\b(?P<who>national|England|London) (?:average|mean|rate)(?: is)?"
        rf"(?: (?:slightly |much )?(?P<inv>higher|lower))?"
        rf",?(?: at| with)?(?: of)?\s*(?:about |around |approximately )?(?P<num>{_NUM})"
    ),
    compiled.pattern(
        rf"\bcompared to (?P<num>{_NUM})(?: [a-z ]{{0,40}}?)? (?P<who>nationally|for England|in London)\b"
    ),
)
_NUMBER_TOKEN = compiled.pattern(_NUM)
# Real sentences run to a few hundred characters; a longer "sentence" is junk (a line with no full
# stop), and scanning it costs benchmarks x numbers, minutes for a few thousand of each.
_THIS = compiled.pattern(r"^(?:This|That|It)\b")


@dataclass(frozen=True, slots=True)
class Value:
    start: int
    end: int
    number: Number
    unit: str | None


def parse(doc: Document) -> list[Fact]:
    """The page's own "national average" sentences, the prose reader's comparisons, year lists."""
    from lacompare.extractors.merge import unique
    from lacompare.extractors.prose import benchmarks
    from lacompare.parsers.dashboard import papers

    return unique(papers.merged(_read(doc), benchmarks.read(doc)))


def _read(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for page in doc.pages:
        for section in words.sections(page.text):
            facts.extend(_section_facts(page.text, page.number, section))
    return facts


def _section_facts(text: str, page: int, section: words.Section) -> list[Fact]:
    facts: list[Fact] = []
    counted: set[int] = set()
    sents = [s for s in sentence_list(text) if section.start <= s.start < section.end]
    for i, sent in enumerate(sents):
        for form in _BENCHMARKS:
            for m in form.finditer(sent.text):
                found = _comparison(text, page, section, sents, i, m)
                if found is None:
                    continue
                comparison, council_sentence = found
                facts.append(comparison)
                facts.extend(_counts(text, page, sents, council_sentence, comparison, counted))
    return facts


def value_at(text: str, m: regex.Match[str]) -> Value | None:
    """A number token with the unit its surroundings give it; None for years, ages and scales."""
    token = m.group()
    before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 60]
    core = token.strip("£%")
    if not token.endswith("%") and not token.startswith("£"):
        if regex.fullmatch(r"(?:19|20)\d\d", core) or after.startswith(("/", "-")):
            return None
        if regex.search(r"(?:aged|over|\d to|out of|from|per)\s*$", before) or regex.match(
            r"\s*(?:\+|to \d|and over)", after
        ):
            return None
    number = parse_number(core)
    return Value(m.start(), m.end(), number, words.unit_of(token, before, after))


def _values(text: str, start: int, end: int) -> list[Value]:
    out = []
    for m in _NUMBER_TOKEN.finditer(text, start, end):
        v = value_at(text, m)
        if v is not None:
            out.append(v)
    return out


def _comparison(
    text: str, page: int, section: words.Section, sents: list[Sentence], i: int, m: regex.Match[str]
) -> tuple[Comparison, Sentence] | None:
    sent = sents[i]
    num_start = sent.start + m.start("num")
    bench_match = _NUMBER_TOKEN.match(text, num_start)
    bench = value_at(text, bench_match) if bench_match else None
    if bench is None:
        return None
    scopes = [sent] + [sents[j] for j in (i - 1, i - 2) if j >= 0]
    council: Value | None = None
    council_sentence = sent
    for scope in scopes:
        limit = min(scope.end, sent.start + m.start())
        candidates = [v for v in _values(text, scope.start, limit) if words.compatible(v.unit, bench.unit)]
        if not candidates and bench.unit is None:
            candidates = [v for v in _values(text, scope.start, limit) if v.unit is None]
        if candidates:
            council, council_sentence = candidates[-1], scope
            break
    if council is None:
        return None
    unit = bench.unit if bench.unit and not (council.unit or "").startswith(bench.unit + " ") else council.unit
    between = regex.split(r"[,.;]\s", text[council.end : sent.start + m.start()])[-1]
    relation = words.relation(between, m.groupdict().get("inv"))
    flag = None
    if relations.contradicts(relation, council.number, bench.number):
        flag = f"text says {relation} but {council.number} vs {bench.number}"
    context = text[council_sentence.start : sent.end]
    lead = sents.index(council_sentence)
    named = f"{sents[lead - 1].text} {context}" if lead > 0 and _THIS.match(council_sentence.text) else context
    key, label = words.metric(named, section.name)
    year = words.year_near(text, council.end, council_sentence) or words.year_near(text, council.end, sent)
    if year is None:
        found = YEAR_RE.search(named)
        year = found.group() if found else None
    if unit is None and key == "population":
        unit = "people"
    comparison = Comparison(
        page,
        context,
        flag=flag,
        metric=label,
        value=council.number,
        unit=unit,
        comparator=relations.comparator(m.group("who")),
        comparator_value=bench.number,
        relation=relation,
        source=None if key in words.AREA_METRICS else words.source_for(text, section, context),
        year=year,
        metric_id=f"dashboard.{section.name}.{key}",
    )
    return comparison, council_sentence


def _counts(
    text: str, page: int, sents: list[Sentence], council: Sentence, comparison: Comparison, counted: set[int]
) -> list[Fact]:
    """Counts and populations stated beside a comparison, each its own statistic."""
    scope = [council]
    index = sents.index(council)
    if index > 0 and _THIS.match(council.text):
        scope.insert(0, sents[index - 1])
    out: list[Fact] = []
    for sent in scope:
        for v in _values(text, sent.start, sent.end):
            if v.start in counted or v.number in (comparison.value, comparison.comparator_value):
                continue
            unit = v.unit or ("count" if "," in text[v.start : v.end] else None)
            if unit not in words.COUNT_UNITS:
                continue
            counted.add(v.start)
            key, label = words.count_metric(text, v.start, comparison)
            unit = "people" if key.endswith(".population") else unit
            year = words.year_near(text, v.end, sent)
            out.append(
                Statistic(
                    page,
                    sent.text,
                    metric_id=key,
                    metric=label,
                    value=v.number,
                    unit=unit,
                    source=comparison.source,
                    year=year or comparison.year,
                )
            )
    return out
