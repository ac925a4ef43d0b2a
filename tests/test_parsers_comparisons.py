"""Comparisons: a council value against a benchmark value, both in the text, as the text states them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lacompare.catalogue.measures import assign_metric_ids
from lacompare.model import Comparison, fact_from_dict
from lacompare.parsers import on_their_pages
from lacompare.parsers.cqc import comparisons
from lacompare.provenance import quote_problem
from lacompare.readers import read_document
from lacompare.readers.base import Document, Page
from lacompare.vocab import relations
from tests.conftest import (
    ALL_FIXTURES,
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    BARNET_MD,
    CAMDEN_CHROMIUM,
    CAMDEN_TXT,
    QS_CHROMIUM,
    QS_TXT,
)

Row = tuple[object, ...]  # value, unit, comparator, comparator_value, relation, source, year


@cache
def _doc(path: Path) -> Document:
    return read_document(path)


@cache
def _facts(path: Path) -> tuple[Comparison, ...]:
    # Each on the page its quote is printed on, as the pipeline keeps them (a paragraph over a page
    # break is read on both pages).
    return tuple(on_their_pages(_doc(path), comparisons.parse(_doc(path))))  # type: ignore[arg-type]


def _parse_text(text: str) -> list[Comparison]:
    return comparisons.parse(Document("-", "text", (Page(1, text),), "0"))  # type: ignore[return-value]


def _row(c: Comparison) -> Row:
    return (c.value, c.unit, c.comparator, c.comparator_value, c.relation, c.source, c.year)


def _rows(path: Path) -> list[Row]:
    return [_row(c) for c in _facts(path)]


# -- one sentence (or two) -> facts -----------------------------------------------------------

SENTENCES: list[tuple[str, list[Row]]] = [
    (
        "This was reflected in national data which showed only 46.41% of people receiving long-term support in "
        "Barnet had their care reviewed (planned or unplanned), which is lower than the England average of 58.77% "
        "(Short and Long-term Support, 2024, SALT).",
        [(46.41, "%", "England", 58.77, "lower", "SALT", "2024")],
    ),
    # two benchmarks in one sentence, the value in the sentence before; "England average 6.6%" with no "of"
    (
        "Compared to the 2011 Census, in 2021 the borough's population had grown by 32,900, a rise of 9.2%. "
        "This is a larger population growth than the London average of 7.6% and the England average 6.6%.",
        [(9.2, "%", "London", 7.6, "higher", "Census", "2021"), (9.2, "%", "England", 6.6, "higher", "Census", "2021")],
    ),
    # the value in the previous sentence; the source cited by the sentence that carries on
    (
        "National data supported this particularly for older people, with 18.26% of people aged 65 and over "
        "accessing long-term support receiving direct payments in Barnet. This is higher than the England average "
        "of 14.8%. Additionally, 28.33% were receiving direct payments compared to the England average of 26.22% "
        "(ASCOF, 2023).",
        [
            (18.26, "%", "England", 14.8, "higher", "ASCOF", "2023"),
            (28.33, "%", "England", 26.22, None, "ASCOF", "2023"),
        ],
    ),
    # the value two sentences back, nothing numeric between
    (
        "National data showed that 61.57% of people do not buy any additional care. This could indicate that "
        "people have sufficient care. This figure is comparable to the England average of 64.39% (ASCS, 2024).",
        [(61.57, "%", "England", 64.39, "comparable", "ASCS", "2024")],
    ),
    (
        "National data showed a 0.18% rate of turnover of adult social care employees, which was lower than the "
        "England average of 0.25%. Similarly, the rate of adult social care job vacancies was also lower at 6.40%, "
        "compared to England average of 8.06% (Adult Social Care Workforce Estimates, Skills for Care, 2024).",
        [
            (0.18, "%", "England", 0.25, "lower", "Skills for Care", "2024"),
            (6.40, "%", "England", 8.06, "lower", "Skills for Care", "2024"),
        ],
    ),
    (
        "There are fewer disabled people (15.2%) as a share of the population than the national average (17.3%).",
        [(15.2, "%", "national", 17.3, "lower", None, None)],
    ),
    (
        "The population of Camden is more ethnically diverse than the England average (19%) with 40% of residents "
        "from a Black, Asian or other ethnic group, this has increased from 34% in 2011.",
        [(40, "%", "England", 19, "higher", None, None)],
    ),
    (
        "There are more than 85 different languages spoken and 17% of people identified as LGBTQ+ in comparison "
        "to the national average of 14%.",
        [(17, "%", "national", 14, None, None, None)],
    ),
    (
        "For example, 58.7% people were satisfied with care and support (England average 65.4%); 70.0% people "
        "felt they had control over their daily life (England Average 77.6%).",
        [(58.7, "%", "England", 65.4, None, None, None), (70.0, "%", "England", 77.6, None, None, None)],
    ),
    (
        "This was also demonstrated by national data where more (71.48%) people did not buy additional care, "
        "than the England average of (64.39%) (ASCS 2023/24).",
        [(71.48, "%", "England", 64.39, "higher", "ASCS", "2023-24")],
    ),
    (
        "Positively, 63.93% of people said help and support made them think and feel better about themselves "
        "with the England average around the same level at 62.48%.",
        [(63.93, "%", "England", 62.48, "comparable", None, None)],
    ),
    (
        "94.12% of individuals lacking capacity were supported by an advocate family or friend with the England "
        "average being 83.38% (Safeguarding Adults Collection data 2023-24)(tending towards positive variation).",
        [(94.12, "%", "England", 83.38, None, "SAC", "2023-24")],
    ),
    # a bare "average"; "and" carries the relation on; "(all from …)" cites for the paragraph
    (
        "However, fewer people (58.03%) reported they spent time doing things they valued than average (69.06%). "
        "Fewer people felt clean and presentable (90.82%) than average (93.28%) or felt they got adequate food and "
        "drink (90.49% compared to national average 93.71%), (all from ASCS 2023-2024).",
        [
            (58.03, "%", "average", 69.06, "lower", "ASCS", "2023-24"),
            (90.82, "%", "average", 93.28, "lower", "ASCS", "2023-24"),
            (90.49, "%", "national", 93.71, "lower", "ASCS", "2023-24"),
        ],
    ),
    (
        "Broadly the same proportion of carers accessed support to keep them in employment (2.88%) as the "
        "national average (2.79%) and accessed training for carers (4.72%) as the England average (4.30%).",
        [
            (2.88, "%", "national", 2.79, "comparable", None, None),
            (4.72, "%", "England", 4.30, "comparable", None, None),
        ],
    ),
    (
        "The local authority also had an average sickness rate of 5.30 days, consistent with the England average "
        "of 5.33 days.",
        [(5.30, "days", "England", 5.33, "comparable", None, None)],
    ),
    (
        "Skills for Care workforce estimates data (2023/24) showed there was a staff vacancy rate of 16.78% "
        "compared to an England average of 8.06% in the local authority (significant negative variation), but a "
        "0.10 adult social care staff turnover rate, which was a significantly positive variation to the England "
        "average of 0.25.",
        [
            (16.78, "%", "England", 8.06, None, "Skills for Care", "2023-24"),
            # CQC's statistical wording states the relation: "a significantly positive variation to" is better
            (0.10, "ratio", "England", 0.25, "better", "Skills for Care", "2023-24"),
        ],
    ),
    (
        "A 2023 Barnet report identified 74.2% of those facing deprivation in the borough are also likely to be "
        "digitally excluded and 11% of people in the borough had never used the internet compared to 7% in London.",
        [(11, "%", "London", 7, None, None, None)],
    ),
    (
        "For example, between 1 February to 31 July 2023, 773 people were discharged per month from hospital "
        "(per 100,000 population), which was significantly higher than the average 687 of across London boroughs.",
        [(773, "per 100,000", "London", 687, "higher", None, None)],
    ),
    (
        "Barnet's performance – 3.3 delays per 100,000 people in 2015/16 – outperformed the comparator group "
        "average of 3.6 delays per 100,000 people in 2015/16.",
        [(3.3, "per 100,000", "comparator group", 3.6, "better", None, None)],
    ),
    (
        "The number of telecare installations is high (539 at the end of Q2 against a target of 400).",
        [(539, None, "target", 400, None, None, "Q2")],  # the period stated for the value
    ),
    (
        "Barnet's gross total expenditure on social care is £47,941.63 per 100,000 people. This is slightly higher "
        "than the England average of £47,758.16.",
        [(47941.63, "£", "England", 47758.16, "higher", None, None)],
    ),
    # "more challenging" describes the measure; it states no relation to the benchmark
    (
        "For recruiting staff, 68% of providers found it more challenging, compared to 79.8% in London.",
        [(68, "%", "London", 79.8, None, None, None)],
    ),
    # "for more than 24 hours" is part of the measure; "fewer" is the relation
    (
        "Fewer carers (11.43%) took a break from caring for more than 24 hours, than the England average (16.14%).",
        [(11.43, "%", "England", 16.14, "lower", None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[t[:40] for t, _ in SENTENCES])
def test_sentence_gives_comparisons(text: str, expected: list[Row]) -> None:
    facts = _parse_text(text)
    assert [_row(c) for c in facts] == expected
    assert all(quote_problem(c, text) is None for c in facts)


# -- one row per way a report words a comparison ---------------------------------------------
#
# The relation as the text states it (better / worse stay as stated here; the catalogue turns them
# into a direction, see below). Rows marked "CQC" are real sentences from CQC local authority
# assessments, which contain public sector information licensed under the Open Government Licence
# v3.0 (the page's address is beside each); the others are written for these tests on their model.

WORDINGS: list[tuple[str, str, list[Row]]] = [
    (
        "higher than",
        "National data showed 31.20% of people who use services had as much social contact as they would like, "
        "which is higher than the England average of 26.22% (ASCS, 2024).",
        [(31.20, "%", "England", 26.22, "higher", "ASCS", "2024")],
    ),
    (
        "above",
        "Only 22.38% were aged 65 years or more, above the England average of 18.69%.",
        [(22.38, "%", "England", 18.69, "higher", None, None)],
    ),
    (
        "below",
        "Only 12% of carers accessed respite, significantly below the England average of 18%.",
        [(12, "%", "England", 18, "lower", None, None)],
    ),
    (
        "less likely … than",
        "Carers in the area (21.5%) were less likely to have a break than the national average (25.1%).",
        [(21.5, "%", "national", 25.1, "lower", None, None)],
    ),
    (
        # CQC: https://www.cqc.org.uk/care-services/local-authority-assessment-reports/hartlepool-0525/theme1/needs
        "slightly better than",
        "National data from the Adult Social Care Survey (ASCS) 2023-2024 showed 68.42% people were satisfied "
        "with their care and support, which was slightly better than the England average of 62.72%.",
        [(68.42, "%", "England", 62.72, "better", "ASCS", "2023-24")],
    ),
    (
        # CQC: http://londonhomecare.net/support-3.html (Staffordshire County Council)
        "This was better than",
        "Access to effective resources was reflected by national data which indicated 94.95% of people who used "
        "services had access to adequate food and drink. This was better than the England average of 93.71% "
        "(Adult Social Care Survey, October 2024).",
        [(94.95, "%", "England", 93.71, "better", "ASCS", "2024")],
    ),
    (
        "worse than",
        "The adult social care vacancy rate was 9.5%, which was worse than the England average of 8.1% "
        "(Skills for Care, 2024).",
        [(9.5, "%", "England", 8.1, "worse", "Skills for Care", "2024")],
    ),
    (
        # CQC: https://www.cqc.org.uk/care-services/local-authority-assessment-reports/northsomerset-0525/theme1/support
        "similar to",
        "In North Somerset 61.50% of people said the help and support they received helped them think and feel "
        "better about themselves which was similar to the England average of 62.48% (ASCS 2023-2024).",
        [(61.50, "%", "England", 62.48, "comparable", "ASCS", "2023-24")],
    ),
    (
        "not statistically different",
        "Performance on reviews (55.3%) was not statistically different from the England average (58.8%).",
        [(55.3, "%", "England", 58.8, "comparable", None, None)],
    ),
    (
        "the same as",
        "Direct payments were received by 26.2% of people, the same as the England average of 26.2%.",
        [(26.2, "%", "England", 26.2, "comparable", None, None)],
    ),
    (
        "in line with",
        "The proportion of people who receive direct payments was 30.2%, in line with the national average of 29.8%.",
        [(30.2, "%", "national", 29.8, "comparable", None, None)],
    ),
    (
        "broadly in line",
        "The rate of 45.6% was broadly in line with the England average (46.1%).",
        [(45.6, "%", "England", 46.1, "comparable", None, None)],
    ),
    (
        "comparable to, the value an aside",
        "At 61.3%, the proportion of carers who felt safe was comparable to the regional average of 60.9%.",
        [(61.3, "%", "regional", 60.9, "comparable", None, None)],
    ),
    (
        # CQC: https://cqc.org.uk./care-services/local-authority-assessment-reports/hillingdon-1224
        "pairs in order, respectively",
        "It currently has a greater proportion of children and young people at 23.36% (72,581) and people of "
        "working age 63.15% (196,203) as compared to the England averages of 20.82% and 60.57% respectively.",
        [(23.36, "%", "England", 20.82, "higher", None, None), (63.15, "%", "England", 60.57, "higher", None, None)],
    ),
    (
        "pairs in order, each its own relation",
        "There is a higher proportion of people aged 65 and over (21.2%) and a lower proportion of working age "
        "adults (58.1%) than the England averages of 18.4% and 62.9% respectively.",
        [(21.2, "%", "England", 18.4, "higher", None, None), (58.1, "%", "England", 62.9, "lower", None, None)],
    ),
    (
        "in the rest of England",
        "The area has an older population, with 24.5% of residents aged 65 and over compared to 18.4% in the rest "
        "of England.",
        [(24.5, "%", "England", 18.4, None, None, None)],
    ),
    (
        "nationally",
        "Around 12.3% of residents were from ethnic minority groups, compared to 19% nationally.",
        [(12.3, "%", "national", 19, None, None, None)],
    ),
    (
        "regional and England averages",
        "Satisfaction was 66.1%, compared with a regional average of 64.0% and an England average of 62.7%.",
        [(66.1, "%", "regional", 64.0, None, None, None), (66.1, "%", "England", 62.7, None, None, None)],
    ),
    (
        "the regional (A) and national (B) averages",
        "Satisfaction was 66.1%, higher than both the regional (64.0%) and national (62.7%) averages.",
        [(66.1, "%", "regional", 64.0, "higher", None, None), (66.1, "%", "national", 62.7, "higher", None, None)],
    ),
    (
        "regionally and nationally",
        "Of carers, 41.2% found it easy to find information, compared to 45.0% regionally and 42.1% nationally.",
        [(41.2, "%", "regional", 45.0, None, None, None), (41.2, "%", "national", 42.1, None, None, None)],
    ),
    (
        "two benchmarks in one bracket",
        "People who use services feeling safe was 70.2% (England average 71.1%, regional average 72.0%).",
        [(70.2, "%", "England", 71.1, None, None, None), (70.2, "%", "regional", 72.0, None, None, None)],
    ),
    (
        # CQC: https://www.cqc.org.uk/care-services/local-authority-assessment-reports/islesofscilly-0925
        "value, then the benchmark in its bracket",
        "There are fewer people aged 0-17 (16.33%) than the national average (20.80%) and they have the highest "
        "proportion nationally of people aged 65 and over (27.14%, national average: 18.69%). The majority of people "
        "(97.52%) are White (national average, 81.05%) and the largest minority ethnic group is Mixed or Multiple. "
        "(1.1%, national average: 2.96%).",
        [
            (16.33, "%", "national", 20.80, "lower", None, None),
            (27.14, "%", "national", 18.69, "higher", None, None),
            (97.52, "%", "national", 81.05, None, None, None),
            (1.1, "%", "national", 2.96, None, None, None),
        ],
    ),
    (
        "benchmark first",
        "Compared with the England average of 82.2%, fewer people (75.0%) said they found it easy to find information.",
        [(75.0, "%", "England", 82.2, "lower", None, None)],
    ),
    (
        "benchmark first, compared to the value",
        "The England average was 45.3%, compared to 38.1% in the borough.",
        [(38.1, "%", "England", 45.3, None, None, None)],
    ),
    (
        "the average for England",
        "The average for England was 58.8%, while in the borough 46.4% of people had their care reviewed.",
        [(46.4, "%", "England", 58.8, None, None, None)],
    ),
    (
        # CQC: http://www.londonhomecare.net/staffordshire-0525.html (Staffordshire County Council)
        "consecutive sentences, the measure named again",
        "The population grew by 3.3% between 2011 and 2021, with 19.24% aged 0 to 17 years, 58.38% aged 18 to 64 "
        "years, and 22.38% aged 65 years or more. The proportion of the population who are 65 years or over is "
        "above the England average of 18.69%.",
        [(22.38, "%", "England", 18.69, "higher", None, None)],
    ),
    (
        # CQC: http://www.londonhomecare.net/staffordshire-0525.html (Staffordshire County Council)
        "consecutive sentences, the value two back",
        "The majority of people in Staffordshire identified as White, making up 93.62% of the population. 0.79% "
        "were Black, Black British, Caribbean or African, 3.30% were Asian, Asian British, 1.74% identified "
        "themselves as of ‘mixed or multiple’ heritage, and 0.55% identified themselves as Other. The proportion of "
        "people identifying as White was significantly higher than the England average of 81.05%, indicating the "
        "area was home to small numbers of non-White groups.",
        [(93.62, "%", "England", 81.05, "higher", None, None)],
    ),
    (
        "consecutive sentences, the benchmark a sentence of its own",
        "Carers reported a quality of life score of 7.2. By comparison, the England average was 7.3.",
        [(7.2, None, "England", 7.3, None, None, None)],
    ),
]


_WORDING = {name: text for name, text, _ in WORDINGS}


@pytest.mark.parametrize(("text", "expected"), [w[1:] for w in WORDINGS], ids=[w[0] for w in WORDINGS])
def test_wording_gives_comparisons(text: str, expected: list[Row]) -> None:
    facts = _parse_text(text)
    assert [_row(c) for c in facts] == expected
    assert all(quote_problem(c, text) is None for c in facts)


NOT_COMPARISONS = [
    # no council value: a benchmark with nothing of its unit before it, and nothing it refers back to
    "However, some concerns took longer than the target 3 days, sometimes 4, with data showing a need for improvement.",
    # no benchmark figure
    "The ASCS data showed a similar to or slightly below England average performance on most metrics.",
    # years, ranks and counts of places are not values
    "For example, in 2023, 1760 asylum seekers were in receipt of support, the 5th highest number of all London "
    "boroughs.",
    "The service attrition rate was 10.7% compared to an overall council rate of 13.3%.",
    # a table row flattened into text: which column is the council's value is not for prose rules to guess
    "68.5% N/A 69.4% N/A N/A 68.5% Improving CIPFA comparator group average 71.7% ASCOF",
    # a year is never a benchmark figure
    "Fewer people (30%) were helped than the England average in 2023.",
    # the benchmark's sentence names another measure than the sentence before it
    "In 2023, 45% of people were satisfied. The proportion of carers who were satisfied was lower than the England "
    "average of 40%.",
    # a benchmark followed by a number that is not set against it
    "The England average was 20% in 2020 and rose to 25% in 2023.",
]


@pytest.mark.parametrize("text", NOT_COMPARISONS, ids=[t[:40] for t in NOT_COMPARISONS])
def test_sentence_gives_no_comparison(text: str) -> None:
    assert _parse_text(text) == []


def test_out_of_ten_is_not_a_value() -> None:
    (fact,) = _parse_text(
        "The area has a slightly lower level of deprivation, with a mean deprivation decile of 6.38 out of 10 "
        "(the national mean is 5.9)."
    )
    assert (fact.value, fact.comparator, fact.comparator_value) == (6.38, "national", 5.9)


def test_ranges_are_not_values() -> None:
    (fact,) = _parse_text(
        "Around the same proportion of carers (16.67%) took a break for between 1-24 hours, than England average "
        "(21.73%)(no statistical variation)."
    )
    assert (fact.value, fact.comparator_value, fact.relation) == (16.67, 21.73, "comparable")


# -- the claim check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "12.1% of people had their care reviewed, which is higher than the England average of 14.8%.",
            "relation 'higher' contradicts 12.1 < 14.8",
        ),
        (
            "Fewer carers (20.5%) found information helpful than the England average (10.2%).",
            "relation 'lower' contradicts 20.5 > 10.2",
        ),
        (
            "More people (31%) felt safe than the national average (31%).",
            "relation 'higher' contradicts 31 = 31",
        ),
        ("Less than a quarter, 21.53%, had control, which was less than the England average of 30%.", None),
    ],
)
def test_stated_relation_is_kept_and_checked(text: str, flag: str | None) -> None:
    (fact,) = _parse_text(text)
    assert fact.flag == flag
    assert fact.relation in ("higher", "lower")  # kept as stated, never "corrected"


@pytest.mark.parametrize(
    ("text", "relation", "flag"),
    [
        # satisfaction: higher is better
        (_WORDING["slightly better than"], "higher", None),
        (
            "Only 45.2% of people were satisfied with their care and support, slightly worse than the England "
            "average of 62.7%.",
            "lower",
            None,
        ),
        # vacancies: lower is better
        (_WORDING["worse than"], "higher", None),
        (
            "The adult social care vacancy rate was 7.5%, which was worse than the England average of 8.1%.",
            "higher",
            "relation 'higher' contradicts 7.5 < 8.1",
        ),
        # a measure the catalogue does not know, and one that is context, not performance: kept as stated
        ("Outcomes for residents were 55%, better than the England average of 50%.", "better", None),
        ("People aged 65 and over (22.1%) were a worse share than the England average (18.4%).", "worse", None),
    ],
    ids=["better-higher", "worse-higher-is-better", "worse-lower-is-better", "contradiction", "unknown", "context"],
)
def test_catalogue_gives_better_and_worse_a_direction(text: str, relation: str, flag: str | None) -> None:
    (fact,) = assign_metric_ids(_parse_text(text))
    assert isinstance(fact, Comparison)
    assert (fact.relation, fact.flag) == (relation, flag)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("England", "England"),
        ("English", "England"),
        ("for England", "England"),
        ("in the rest of England", "England"),
        ("national", "national"),
        ("nationally", "national"),
        ("the country", "national"),
        ("in London", "London"),
        ("regionally", "regional"),
        ("North East", "regional"),
        ("East of England", "regional"),
        ("CIPFA nearest neighbours", "CIPFA"),
        ("statistical neighbours", "comparator group"),
        ("SN", "comparator group"),
        ("target", "target"),
        (None, "average"),
    ],
)
def test_one_name_per_benchmark(words: str | None, name: str) -> None:
    assert relations.comparator(words) == name


def test_relations_seen_from_the_other_side_and_given_a_direction() -> None:
    assert [relations.inverse(r) for r in relations.RELATIONS] == ["lower", "higher", "worse", "better", "comparable"]
    assert [relations.resolve(r, "lower") for r in ("better", "worse", "higher")] == ["lower", "higher", "higher"]
    assert relations.resolve("better", "neither") == "better"


def test_several_candidate_values_flag_doubt() -> None:
    (fact,) = _parse_text("40% of carers were satisfied, against 35% last year and an England average of 38%.")
    assert (fact.value, fact.comparator_value) == (35, 38)
    assert fact.flag == "value taken as the nearest of several before the benchmark"


# -- bands, metrics, ids ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "SACE data (2023-2024) showed fewer carers (53.33%) found it easy to access information and advice "
            "than the national average (59.06%) (tending towards negative variation).",
            "tending towards negative variation",
        ),
        (
            "National data showed a positive variation, where 94.00% of people lacking capacity were supported, "
            "compared to the England average of 83.38% (Safeguarding Adults Collection, 2024, SAC).",
            "positive variation",
        ),
        (
            "Data showed fewer, (38.57%) long-term support clients had their plan reviewed, than the England "
            "average (58.77%) which was also in the 'tending towards negative' band.",
            "tending towards negative",
        ),
        ("Also, 51.46% of carers found it easy, which is lower than the England average of 59.06% (SACE, 2024).", None),
    ],
)
def test_band(text: str, band: str | None) -> None:
    (fact,) = _parse_text(text)
    assert fact.band == band


def test_metric_is_a_short_description_from_the_sentence() -> None:
    fact = next(c for c in _facts(BARNET_MD) if c.value == 46.41)
    assert fact.metric == "people receiving long-term support had their care reviewed"
    assert fact.metric_id == "cmp.people_receiving_long_term_support_care_reviewed"


def test_metric_id_is_stable_across_wordings() -> None:
    barnet = {c.value: c.metric_id for c in _facts(BARNET_MD)}
    camden = {c.value: c.metric_id for c in _facts(CAMDEN_TXT)}
    # "carers in Barnet found it easy to access information and advice" / "fewer carers (53.33%) found it …"
    assert barnet[51.46] == camden[53.33] == "cmp.carer_found_easy_access_information_advice"
    assert all(c.metric_id.startswith("cmp.") and c.metric for c in _facts(BARNET_MD) + _facts(CAMDEN_TXT))


def test_band_survives_the_dict_round_trip() -> None:
    fact = next(c for c in _facts(CAMDEN_TXT) if c.band)
    assert fact_from_dict(fact.to_dict()) == fact


# -- whole documents --------------------------------------------------------------------------

# Hand-counted: 23 against a numeric England average and 3 against London.
BARNET: list[Row] = [
    (9.2, "%", "London", 7.6, "higher", "Census", "2021"),
    (9.2, "%", "England", 6.6, "higher", "Census", "2021"),
    (46.41, "%", "England", 58.77, "lower", "SALT", "2024"),
    (31.06, "%", "England", 30.02, "comparable", "SACE", "2024"),
    (23.6, "%", "England", 21.53, "comparable", "SACE", "2024"),
    (6.41, "%", "England", 4.3, "higher", "SACE", "2024"),
    (61.57, "%", "England", 64.39, "comparable", "ASCS", "2024"),
    (81.4, "%", "England", 85.22, "lower", "SACE", "2024"),
    (19.25, "%", "England", 15.97, "comparable", "SACE", "2024"),
    (63.6, "%", "England", 62.48, "comparable", "ASCS", "2024"),
    (56.85, "%", "England", 69.09, "lower", "ASCS", "2024"),
    (76.37, "%", "England", 77.55, "comparable", "ASCOF", "2023"),
    (4.6, "%", "England", 2.91, "higher", "ASCOF", "2023"),
    (92.96, "%", "England", 83.7, "higher", "SALT", "2024"),
    (62.2, "%", "England", 67.12, "lower", "ASCS", "2024"),
    (51.46, "%", "England", 59.06, "lower", "SACE", "2024"),
    (18.26, "%", "England", 14.8, "higher", "ASCOF", "2023"),
    (28.33, "%", "England", 26.22, None, "ASCOF", "2023"),
    (11, "%", "London", 7, None, None, None),
    (85, "%", "England", 81, "higher", None, None),
    (773, "per 100,000", "London", 687, "higher", None, None),
    (0.18, "%", "England", 0.25, "lower", "Skills for Care", "2024"),
    (6.4, "%", "England", 8.06, "lower", "Skills for Care", "2024"),
    (89.21, "%", "England", 87.82, "comparable", "ASCS", "2024"),
    (78.88, "%", "England", 80.93, "comparable", "SACE", "2024"),
    (94.0, "%", "England", 83.38, None, "SAC", "2024"),
]

# Hand-counted: every comparison with both numbers in the text.
CAMDEN: list[Row] = [
    (40, "%", "England", 19, "higher", None, None),
    (17, "%", "national", 14, None, None, None),
    (15.2, "%", "national", 17.3, "lower", None, None),
    (35, "%", "London", 30, "higher", None, None),
    (58.7, "%", "England", 65.4, None, "ASCS", "2023-24"),
    (70.0, "%", "England", 77.6, None, "ASCS", "2023-24"),
    (34.6, "%", "England", 45.6, None, "ASCS", "2023-24"),
    (38.57, "%", "England", 58.77, "lower", "ASCFR/SALT", "2023-24"),
    (46.73, "%", "England", 32.98, "higher", "SACE", "2023-24"),
    (2.88, "%", "national", 2.79, "comparable", "SACE", "2023-24"),
    (4.72, "%", "England", 4.3, "comparable", "SACE", "2023-24"),
    (61.11, "%", "average", 46.55, "higher", "SACE", "2023-24"),
    (46.84, "%", "national", 26.7, "higher", "SACE", "2023-24"),
    (27.7, "%", "England", 36.83, "lower", "SACE", "2023-24"),
    (59.9, "%", "England", 66.56, "lower", "SACE", "2023-24"),
    (23.15, "%", "England", 30.02, "lower", "SACE", "2023-24"),
    (71.48, "%", "England", 64.39, "higher", "ASCS", "2023-24"),
    (99.9, "%", "England", 92.2, "higher", "SALT", "2023-24"),
    (63.93, "%", "England", 62.48, "comparable", "ASCS", "2023-24"),
    (58.03, "%", "average", 69.06, "lower", "ASCS", "2023-24"),
    (89.51, "%", "average", 94.05, "lower", "ASCS", "2023-24"),
    (90.82, "%", "average", 93.28, "lower", "ASCS", "2023-24"),
    (90.49, "%", "national", 93.71, "lower", "ASCS", "2023-24"),
    (57.56, "%", "national", 77.55, "lower", "ASCS", "2023-24"),
    (75.0, "%", "average", 85.22, "lower", "SACE", "2023-24"),
    (4.74, "%", "average", 2.91, "higher", "SALT", "2023-24"),
    (87.18, "%", "average", 83.7, "higher", "SALT", "2023-24"),
    (65.94, "%", "national", 66.26, "comparable", "ASCS", "2023-24"),
    (53.33, "%", "national", 59.06, "lower", "SACE", "2023-24"),
    (27.86, "%", "England", 26.22, "comparable", "SALT", "2023-24"),
    (59.9, "%", "England", 70.28, "lower", "ASCS", "2023-24"),
    (5.71, "%", "England", 12.08, "lower", "SACE", "2023-24"),
    (11.43, "%", "England", 16.14, "lower", "SACE", "2023-24"),
    (16.67, "%", "England", 21.73, "comparable", "SACE", "2023-24"),
    (16.78, "%", "England", 8.06, None, "Skills for Care", "2023-24"),
    (0.1, "ratio", "England", 0.25, "better", "Skills for Care", "2023-24"),  # "a significantly positive variation"
    (5.3, "days", "England", 5.33, "comparable", None, None),
    (63.93, "%", "national", 71.06, "lower", "ASCS", "2023-24"),
    (79.34, "%", "national", 87.82, "lower", "ASCS", "2023-24"),
    (74.07, "%", "England", 80.93, None, None, None),
    (94.12, "%", "England", 83.38, None, "SAC", "2023-24"),
]

QS: list[Row] = [
    (89.21, "%", "England", 87.82, "comparable", "ASCS", "2024"),
    (78.88, "%", "England", 80.93, "comparable", "SACE", "2024"),
    (94.0, "%", "England", 83.38, None, "SAC", "2024"),
]


def test_barnet_counts() -> None:
    assert len(BARNET) == 26
    assert sum(1 for row in BARNET if row[2] == "England") == 23
    assert sum(1 for row in BARNET if row[2] == "London") == 3


def test_camden_count() -> None:
    assert len(CAMDEN) == 41


@pytest.mark.parametrize("row", BARNET, ids=[f"{r[0]}-vs-{r[2]}-{r[3]}" for r in BARNET])
def test_barnet_comparison(row: Row) -> None:
    assert row in _rows(BARNET_MD)


@pytest.mark.parametrize("row", CAMDEN, ids=[f"{r[0]}-vs-{r[2]}-{r[3]}" for r in CAMDEN])
def test_camden_comparison(row: Row) -> None:
    assert row in _rows(CAMDEN_TXT)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (BARNET_MD, BARNET),
        (BARNET_CHROMIUM, BARNET),
        (CAMDEN_TXT, CAMDEN),
        (CAMDEN_CHROMIUM, CAMDEN),
        (QS_TXT, QS),
        (QS_CHROMIUM, QS),
        (BARNET_LIBREOFFICE, BARNET),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else "",
)
def test_document_gives_exactly_these_comparisons(path: Path, expected: list[Row]) -> None:
    assert _rows(path) == expected


def test_a_paragraph_split_after_a_sentence_still_pairs_the_value() -> None:
    text = (
        "National data supported this, with 18.26% of people aged 65 and over receiving direct payments in Barnet.\n"
        "This is higher than the England average of 14.8%."
    )
    (fact,) = _parse_text(text)
    assert (fact.value, fact.comparator_value, fact.relation) == (18.26, 14.8, "higher")
    assert fact.quote == text


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_quote_keeps_the_quote_rule(path: Path) -> None:
    doc = _doc(path)
    for fact in _facts(path):
        assert quote_problem(fact, doc.page(fact.page).text) is None, fact


@pytest.mark.parametrize(
    "path", [BARNET_MD, CAMDEN_TXT, QS_TXT, BARNET_CHROMIUM, CAMDEN_CHROMIUM], ids=lambda p: p.name
)
def test_fixture_claims_agree_with_their_numbers(path: Path) -> None:
    assert [c for c in _facts(path) if c.flag] == []
