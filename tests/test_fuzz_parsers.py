"""Parsers never raise on odd text, and every fact they produce keeps the quote rule.

Every parser (the general readers and those ``parsers_by_kind()`` adds) is run on random unicode, report-like text
built from the words and numbers reports use (with odd separators, ``%`` without a number,
stray currency signs), and very long lines.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lacompare.model import DOCUMENT_KINDS
from lacompare.parsers import Parser, general_readers, parse, parsers_by_kind
from lacompare.provenance import quote_problem
from lacompare.readers.base import Document, Page
from lacompare.readers.normalise import normalise_pages

PARSERS: dict[str, Parser] = {
    f"{p.__module__}.{p.__name__}": p for ps in (general_readers(), *parsers_by_kind().values()) for p in ps
}
PARSER_NAMES = sorted(PARSERS)

WORDS = (
    "Barnet", "Camden", "London Borough of Barnet", "the England average", "the regional average",
    "lower than", "higher than", "similar to", "compared to", "in line with", "of", "people", "who use services",
    "carers", "felt safe", "were satisfied", "rated", "Overall", "rating", "Good", "Requires improvement",
    "Outstanding", "Inadequate", "score", "Score:", "out of 4", "waiting", "waited", "weeks", "days", "months",
    "for an assessment", "spend", "budget", "overspend", "per head", "million", "m", "bn", "k", "%", "per cent",
    "percent", "£", "£m", "(", ")", "[", "]", ":", ";", ",", ".", "-", "–", "—", "/", "•", "|", "\t",
    "Quality statement", "Safeguarding", "Assessing needs", "2023/24", "2022-23", "2024 to 2025", "ASCOF",
    "ASCS", "Survey of Adult Carers in England", "Bigger is Better", "Smaller is Better", "RAG", "Q2", "target",
    "e.g.", "i.e.", "approx.", "No.", "Mr.", "vs.",
)  # fmt: skip

ODD_NUMBERS = (
    "46.41%", "58.77 %", "1,234", "1,234.5", "1.234,5", "12 345", "1,2,3", "1,,000", ",5", ".5", "5.", "0.0",
    "-5", "+3", "−2.5", "1e5", "3/4", "½", "٤٦٫٤١", "４６．４１", "46·41", "1 000 000", "£1.2m", "£-3", "%",
    "%%", "% of", "100%100%", "99.999999999999999999", "9" * 40, "007", "1,23", "12,3456", "2,135.", "4/4",
) + tuple(str(n) for n in (0, 1, 2, 3, 4, 10, 52, 99, 100, 2023, 2024))  # fmt: skip

SPACES = (" ", " ", " ", "  ", "\n", "\n\n", " \u00a0", "\u200b", "")

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD_NUMBERS), st.text(max_size=6))
report_like = st.lists(st.tuples(token, st.sampled_from(SPACES)), max_size=120).map(
    lambda pairs: "".join(t + s for t, s in pairs)
)
long_line = st.tuples(report_like, st.integers(min_value=200, max_value=3000)).map(
    lambda pair: (pair[0].replace("\n", " ") + " ") * pair[1] if pair[0].strip() else "46.41% " * pair[1]
)
any_text = st.one_of(st.text(max_size=3000), report_like, long_line)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_document(page_texts: list[str]) -> Document:
    return Document("fuzz.txt", "text", tuple(Page(i, t) for i, t in enumerate(page_texts, start=1)), "0" * 64)


def normalised(page_texts: list[str]) -> Document:
    return as_document(normalise_pages(page_texts, wrapped=False))


def assert_quote_rule(doc: Document, name: str) -> None:
    facts = PARSERS[name](doc)
    assert isinstance(facts, list)
    for fact in facts:
        assert 1 <= fact.page <= len(doc.pages), (name, fact)
        assert quote_problem(fact, doc.page(fact.page).text) is None, (name, fact)


@pytest.mark.parametrize("name", PARSER_NAMES)
@FUZZ
@given(pages=st.lists(any_text, min_size=1, max_size=3))
def test_parser_keeps_the_quote_rule_on_normalised_text(name: str, pages: list[str]) -> None:
    assert_quote_rule(normalised(pages), name)


@pytest.mark.parametrize("name", PARSER_NAMES)
@FUZZ
@given(pages=st.lists(any_text, min_size=1, max_size=2))
def test_parser_never_raises_on_raw_page_text(name: str, pages: list[str]) -> None:
    assert_quote_rule(as_document(pages), name)


@FUZZ
@given(text=any_text, kind=st.sampled_from((None, *DOCUMENT_KINDS)))
def test_whole_parse_never_raises_and_flags_nothing_on_odd_text(text: str, kind: str | None) -> None:
    doc = normalised([text])
    report = parse(doc, kind)
    assert all(quote_problem(f, doc.page(f.page).text) is None for f in report.facts)


@pytest.mark.parametrize("name", PARSER_NAMES)
@pytest.mark.parametrize(
    "text",
    [
        "",
        "%",
        "% % % of of of",
        "lower than the England average of %",
        "46.41% of people felt safe, lower than the England average of .",
        "Overall rating: ",
        "Score: /4",
        "People waited  weeks for an assessment.",
        "£ million overspend",
        "1.234,5% higher than 1,2,3%",
        "46.41% " * 20000,
        "In Barnet " + "x" * 200_000 + " 46.41% lower than the England average of 58.77%.",
    ],
    ids=lambda t: t[:30] if len(t) < 60 else f"{len(t)} chars",
)
def test_parser_on_named_odd_text(name: str, text: str) -> None:
    assert_quote_rule(normalised([text]), name)
