"""Measure labels: the catalogue's name where a measure maps, else the subject noun phrase of the
words a reader kept — never a clause with its number cut out (``lacompare.catalogue.labels``)."""

from __future__ import annotations

import pytest

from lacompare.catalogue.labels import UNNAMED, measure_label, subject_label
from lacompare.library.values import values_of
from lacompare.pipeline import extract_text


@pytest.mark.parametrize(
    ("words", "label"),
    [
        # rule 3-4, 6: connective, relation and place go (CQC pages of Staffordshire and others)
        ("indicating a similar proportion of people in Staffordshire", "Proportion of people"),
        ("showing that a higher percentage of carers in North Somerset", "Percentage of carers"),
        ("which means the number of adults in Kent and Medway", "Number of adults"),
        # the figure stood before "of"
        ("which indicated of people who used services had access to help",
         "People who used services had access to help"),
        # rule 7: subject and verb become a noun phrase
        ("people had never used the internet", "People who had never used the internet"),
        ("carers reported they felt supported", "Carers who reported they felt supported"),
        ("adults were discharged per month from hospital", "Adults who were discharged per month from hospital"),
        ("people receiving short-term care were able to avoid ongoing support",
         "People receiving short-term care who were able to avoid ongoing support"),
        # already a noun phrase: kept, capitalised, the period taken off (the period is data)
        ("percentage of calls resolved at first contact", "Percentage of calls resolved at first contact"),
        ("delayed transfers of care per 100,000 population (2015/16)",
         "Delayed transfers of care per 100,000 population"),
        ("delays per 100,000 people in 2015/16", "Delays per 100,000 people"),
        ("requests for support received in Q2 2023/24", "Requests for support received"),
        ("Population growth since 2011", "Population growth since 2011"),  # a definition, not a period
        ("The proportion of older people who were still at home 91 days after discharge",
         "Proportion of older people who were still at home 91 days after discharge"),
        # rule 5: the owner before a dash, a quantity's predicate
        ("Barnet’s performance – delays per 100,000 people in 2015/16 –", "Delays per 100,000 people"),
        ("the number of telecare installations is high", "Number of telecare installations"),
        ("the rate of delayed transfers was lower", "Rate of delayed transfers"),
        # rule 1-2: the clause the figure follows; a legend before a period adverbial
        ("services have remained strong; the number of telecare installations is high",
         "Number of telecare installations"),
        ("Males Significantly better than England England Females In 2009-13 the slope index of inequality",
         "Slope index of inequality"),
        ("While the number of carers’ assessments", "Number of carers’ assessments"),
        # rule 8: no measure named
        ("This indicator has underachieved against the target", UNNAMED),
        ("Barnet remains a high performer nationally against this indicator", UNNAMED),
        ("the council has improved", UNNAMED),
        ("in line with England", UNNAMED),
        ("2024", UNNAMED),
    ],
)  # fmt: skip
def test_a_measure_is_named_by_its_subject_noun_phrase(words: str, label: str) -> None:
    assert subject_label(words) == label


@pytest.mark.parametrize(
    "words",
    [
        "indicating a similar proportion of people in Staffordshire",
        "Indicating a similar proportion of people in Staffordshire.",
        "  indicating   a similar proportion of people in Staffordshire –",
        "which shows a similar proportion of people",
        "and a similar proportion of people across Kent",
    ],
)
def test_one_label_whatever_the_wording_around_it(words: str) -> None:
    assert subject_label(words) == "Proportion of people"


def test_a_catalogue_measure_is_shown_by_the_catalogues_name() -> None:
    words = "which indicated of people who used services had access to adequate food and drink"
    assert measure_label("ascs.food_and_drink", words) == "People who get adequate food and drink"
    assert measure_label("qs.safeguarding", "safeguarding") == "Safeguarding"


def test_a_stored_value_carries_the_clean_label() -> None:
    report = extract_text(
        "Staffordshire County Council\n\n61.2% of people who use services were satisfied with their care, "
        "indicating a similar proportion of people in Staffordshire to the England average of 61.6%."
    )
    labels = {v.label for v in values_of(report)}
    assert labels and all(not label.startswith(("indicating", "which")) for label in labels), labels
