"""Waiting lists and waiting times per service."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from lacompare.model import Number, Wait
from lacompare.parsers import on_their_pages
from lacompare.parsers.cqc import waits

from .conftest import (
    ALL_FIXTURES,
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    BARNET_MD,
    CAMDEN_CHROMIUM,
    CAMDEN_TXT,
    DASHBOARD_TXT,
    PERF_PDF,
    PERF_TXT,
    QS_CHROMIUM,
    QS_TXT,
)
from .parser_helpers import fixture, quote_problems, text_doc


class W(NamedTuple):
    """A wait without its page and quote."""

    service: str
    people: int | None = None
    median: Number | None = None
    maximum: Number | None = None
    average: Number | None = None
    unit: str = "days"
    as_of: str | None = None
    flag: str | None = None
    length: Number | None = None
    year: str | None = None
    bound: str | None = None


def plain(found: list[Wait]) -> list[W]:
    return [
        W(
            w.service,
            w.people,
            w.median,
            w.maximum,
            w.average,
            w.duration_unit,
            w.as_of,
            w.flag,
            w.length,
            w.year,
            w.bound,
        )
        for w in found
    ]


def waits_of(*pages: str) -> list[W]:
    doc = text_doc(*pages)
    found = waits.parse(doc)
    assert quote_problems(doc, found) == []
    return plain(found)  # type: ignore[arg-type]


# --- fixtures -------------------------------------------------------------------------------

BARNET_WAITS = [
    W("care_act_assessment", 137, 21, 112, as_of="at the start of the assessment"),
    W("care_review", 2135, 364, 1427),
    W("care_act_assessment", median=10, as_of="At the time of the assessment site visit"),
    W("financial_assessment", 217, 64, 216),
    W("financial_assessment", 40, as_of="at the time of our assessment"),
    W("ot_assessment", 330, 37, 236, as_of="At the time of submission"),
    W("ot_assessment", median=16, maximum=236, as_of="over the past 12 months"),
    W("other_hospital_discharge", 0, as_of="between January to March 2024"),
    W("dols", 327, 40, 250),
    W("other_community_dols", 0),
    W("safeguarding", 0),
]

CAMDEN_WAITS = [
    # "There were no waits for hospital discharge, no waits for care placements, no waits for social
    # care assessments, nor were there any waits for safeguarding assessments or standard … (DoLS) cases."
    W("other_hospital_discharge", 0),
    W("other_care_placements", 0),
    W("care_act_assessment", 0),
    W("safeguarding", 0),
    W("dols", 0),
    W("other_homelessness_accommodation", 0),
    W("carers_assessment", 642, 206, 1018),
    W("financial_assessment", median=14.5),
    W("other_advocacy", 0),  # "Advocacy was timely … there were no waits for the service."
    W("other_reablement", 0, flag="service inferred from 'these services'"),
    W("other_equipment", 295, 49),
    W("other_equipment", 220, 3.74, as_of="around the time of the assessment"),
    W("other_adaptations", average=12, unit="months"),
    W("other_hostel_accommodation", 0),
    W("other_care_placements", 0),  # "no waits in finding a place for people in home care, …"
    W("other_hospital_discharge", 0),  # "This was supported by no waits in hospital discharge."
    W("dols", 0),  # "With no waits for standard DoLS or other safeguarding inquiries, …"
    W("safeguarding", 0),
    W("other_hospital_discharge", 0),  # "There were no waits for hospital discharges and therefore …"
    W("safeguarding", 0),  # "… no delays on standard DoLS and no waiting lists for safeguarding."
]

QS_WAITS = [W("dols", 327, 40, 250), W("other_community_dols", 0), W("safeguarding", 0)]


@pytest.mark.parametrize("path", (BARNET_MD, BARNET_CHROMIUM, BARNET_LIBREOFFICE), ids=lambda p: p.name)
def test_barnet_waits(path: Path) -> None:
    assert plain(waits.parse(fixture(path))) == BARNET_WAITS  # type: ignore[arg-type]


@pytest.mark.parametrize("path", (CAMDEN_TXT, CAMDEN_CHROMIUM), ids=lambda p: p.name)
def test_camden_waits(path: Path) -> None:
    doc = fixture(path)
    # Each on the page its quote is printed on, as the pipeline keeps them (a paragraph over a page
    # break is read on both pages).
    assert plain(on_their_pages(doc, waits.parse(doc))) == CAMDEN_WAITS  # type: ignore[arg-type]


@pytest.mark.parametrize("path", (QS_TXT, QS_CHROMIUM), ids=lambda p: p.name)
def test_safeguarding_page_waits(path: Path) -> None:
    assert plain(waits.parse(fixture(path))) == QS_WAITS  # type: ignore[arg-type]


@pytest.mark.parametrize("path", (PERF_TXT, PERF_PDF, DASHBOARD_TXT), ids=lambda p: p.name)
def test_documents_without_waits_give_none(path: Path) -> None:
    assert waits.parse(fixture(path)) == []


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_wait_keeps_the_quote_rule(path: Path) -> None:
    doc = fixture(path)
    assert quote_problems(doc, on_their_pages(doc, waits.parse(doc))) == []


def test_a_wait_over_three_sentences_quotes_all_three() -> None:
    ot = [w for w in waits.parse(fixture(BARNET_CHROMIUM)) if w.service == "ot_assessment"]  # type: ignore[attr-defined]
    assert ot[0].quote == (
        "At the time of submission 330 people were waiting for a non-urgent OT assessment. "
        "The median waiting time was 37 days. The maximum waiting was 236 days."
    )
    assert ot[0].page == 13


def test_wait_rows_are_one_per_measure() -> None:
    care_act = waits.parse(fixture(BARNET_MD))[0]
    assert [(m.metric_id, m.value, m.unit) for m in care_act.measures()] == [
        ("wait.care_act_assessment.people", 137, "people"),
        ("wait.care_act_assessment.median_days", 21, "days"),
        ("wait.care_act_assessment.max_days", 112, "days"),
    ]


# --- wordings -------------------------------------------------------------------------------

OT_PARAGRAPH = (
    "At the time of submission 330 people were waiting for a non-urgent OT assessment. "
    "The median waiting time was 37 days. The maximum waiting was 236 days."
)
EQUIPMENT_PARAGRAPH = (
    "Some people had experienced long waits for equipment, although the local authority had taken actions. "
    "The local authority provided data showing their median waiting time was 49 days with a waiting list size "
    "of 295 people. Further data provided by the local authority around the time of the assessment, showed a "
    "waiting list of 220 people and an improved median waiting time of 3.74 days."
)

FIGURES = [
    (
        "Data provided by the local authority at the start of the assessment showed 137 people were awaiting their "
        "initial Care Act assessment, with a median wait time of 21 days and a maximum of 112 days.",
        [W("care_act_assessment", 137, 21, 112, as_of="at the start of the assessment")],
    ),
    (
        "Lengthy waits were also apparent for care reviews, with 2,135 reviews pending, with a median wait of "
        "364 days and a maximum of 1,427 days.",
        [W("care_review", 2135, 364, 1427)],
    ),
    (
        "Information provided by the local authority showed there were 217 people waiting for a finance "
        "assessment, with a median of 64 and maximum of 216 days waiting time.",
        [W("financial_assessment", 217, 64, 216)],
    ),
    (
        "The local authority told us they had 327 DoLs assessments waiting, with a median time of 40 and "
        "maximum time of 250 days.",
        [W("dols", 327, 40, 250)],
    ),
    (OT_PARAGRAPH, [W("ot_assessment", 330, 37, 236, as_of="At the time of submission")]),
    (
        "The median waiting time for an OT assessment over the past 12 months was 16 days and maximum 236 days.",
        [W("ot_assessment", median=16, maximum=236, as_of="over the past 12 months")],
    ),
    (
        "At the time of the assessment site visit, more recent data provided by the local authority showed a "
        "reduction in waiting times for assessments, with a median wait of 10 days.",
        [W("care_act_assessment", median=10, as_of="At the time of the assessment site visit")],
    ),
    (
        "Data showed there was a decrease in the number of financial assessments on the waiting list, which was "
        "approximately 40 people waiting at the time of our assessment.",
        [W("financial_assessment", 40, as_of="at the time of our assessment")],
    ),
    (
        "Data provided by the local authority showed a significant waiting list size for carers assessments and "
        "reviews of 642 people with a median waiting time of 206 days and a maximum waiting time of 1018 days.",
        [W("carers_assessment", 642, 206, 1018)],
    ),
    (
        "Financial assessment waiting times were low, with a median waiting time of 14.5 days.",
        [W("financial_assessment", median=14.5)],
    ),
    (
        "Financial assessment waiting times were low, with a median waiting time of 14.",
        [W("financial_assessment", median=14, flag="duration unit not stated; days assumed")],
    ),
    (
        "There were 45 people waiting for a carer's assessment, with an average wait of 6 weeks.",
        [W("carers_assessment", 45, average=6, unit="weeks")],
    ),
    (
        "The median wait for an occupational therapy assessment was 3 months and the maximum wait was 11 months.",
        [W("ot_assessment", median=3, maximum=11, unit="months")],
    ),
    (
        "As of March 2024, 58 people were on the waiting list for a Care Act assessment.",
        [W("care_act_assessment", 58, as_of="As of March 2024")],
    ),
    (
        "Adaptation works had an average wait of 12 months, when financial information or permissions were "
        "needed, but adaptations by the local authority's housing adaptations team took 6 to 12 months.",
        [W("other_adaptations", average=12, unit="months")],
    ),
    (
        EQUIPMENT_PARAGRAPH,
        [
            W("other_equipment", 295, 49),
            W("other_equipment", 220, 3.74, as_of="around the time of the assessment"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_wait_figures(text: str, expected: list[W]) -> None:
    assert waits_of(text) == expected


NOTHING_WAITING = [
    (
        "The Community DoLs were managed by the case holding teams with no waiting list.",
        [W("other_community_dols", 0)],
    ),
    (
        "Despite this increase the local authority informed us they had no safeguarding concerns or s42 enquiries "
        "waiting, this demonstrated MASH was effective.",
        [W("safeguarding", 0)],
    ),
    (
        "There were no waits for hospital discharge, no waits for care placements, no waits for social care "
        "assessments, nor were there any waits for safeguarding assessments or standard deprivation of liberty "
        "safeguard (DoLS) cases.",
        [
            W("other_hospital_discharge", 0),
            W("other_care_placements", 0),
            W("care_act_assessment", 0),
            W("safeguarding", 0),
            W("dols", 0),
        ],
    ),
    (
        "With no waits for standard DoLS or other safeguarding inquiries, we found the local authority effective.",
        [W("dols", 0), W("safeguarding", 0)],
    ),
    ("There were no waits for hostel accommodation.", [W("other_hostel_accommodation", 0)]),
    ("There was no waiting list for Care Act assessments.", [W("care_act_assessment", 0)]),
    (
        "Advocacy was timely, referral pathways were well understood by staff and there were no waits for the service.",
        [W("other_advocacy", 0)],
    ),
    (
        "The local authority provided data, which covered a 3-month period between January to March 2024, showed "
        "no waiting lists for people being discharged from hospital waiting for homecare, supported living, "
        "residential care, or nursing placements.",
        [W("other_hospital_discharge", 0, as_of="between January to March 2024")],
    ),
    (
        "There was no waiting list for safeguarding and no safeguarding enquiries were waiting.",
        [W("safeguarding", 0)],  # one wait per service per sentence
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTHING_WAITING, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_nothing_waiting_is_a_count_of_zero(text: str, expected: list[W]) -> None:
    assert waits_of(text) == expected


def test_a_service_referred_back_to_is_inferred_and_flagged() -> None:
    text = (
        "The Better Care Fund was used well to fund home care and reablement services to support discharge. "
        "There were no recorded waits for these services and people could get a service as soon as they needed it."
    )
    assert waits_of(text) == [W("other_reablement", 0, flag="service inferred from 'these services'")]


NOT_WAITS = [
    "For example, one person had to wait 6 months for their assessment and a further 6 months for a review.",
    "Care providers highlighted concerns about the waiting lists for care reviews, citing an example of several "
    "people waiting for 18 months.",
    "Non-urgent referrals were assessed based on level of risk with a maximum of a 2-day waiting time.",
    "This investment in staffing had resulted in a drop in average OT assessment waiting times by almost 50% "
    "between January and June 2024.",
    "A partner fed back interpreters could not be booked for urgent matters and the wait for support was at least "
    "3 weeks.",
    "There had been investment which had led to vastly reduced or no waiting times for assessments or safeguarding "
    "concerns.",
    "There were no delays to hospital discharge and the reablement service was person centred and effective.",
    "Although community DoLS had some waiting times they were managed safely.",
    "Only 46.41% of people waiting for a review had their care reviewed, lower than the England average of 58.77%.",
    "We heard about a new data dashboard that was helping leaders and staff to manage waiting lists.",
    "In 2023 people were waiting longer for assessments than the year before.",
]


@pytest.mark.parametrize("text", NOT_WAITS, ids=lambda v: v[:50])
def test_anecdotes_and_trends_are_not_waits(text: str) -> None:
    assert waits_of(text) == []


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_service_is_a_canonical_id_or_other(path: Path) -> None:
    from lacompare.parsers.cqc.wait_services import SERVICES

    services = {w.service for w in waits.parse(fixture(path))}
    assert {s for s in services if s not in SERVICES and not s.startswith("other_")} == set()


# --- waits in prose: news, council papers, FOI answers ---------------------------------------

PROSE = [
    (
        "Around 1,200 people were waiting for a Care Act assessment in March 2024.",
        [W("care_act_assessment", 1200, as_of="in March 2024")],
    ),
    (
        "The waiting list for carers assessments stood at 412.",
        [W("carers_assessment", 412)],
    ),
    (
        "The number of people waiting for a Care Act assessment was 1,234.",
        [W("care_act_assessment", 1234)],
    ),
    (
        "Number of people waiting for a carers assessment: 234. Median waiting time (days): 41",
        [W("carers_assessment", 234, 41)],
    ),
    (
        "The median wait for a review is now 28 days and the average waiting time had reduced to 21 days.",
        [W("care_review", median=28, average=21)],
    ),
    (
        "The mean wait for a DoLS assessment was 95 days.",
        [W("dols", average=95)],
    ),
    (
        "Waiting times for equipment were 12 weeks.",
        [W("other_equipment", length=12, unit="weeks")],
    ),
    # bounds stay bounds, flagged
    (
        "More than 500 people were waiting for an occupational therapy assessment.",
        [
            W(
                "ot_assessment",
                500,
                flag="a bound, not an exact figure: more than 500 people",
                bound="people more than",
            )
        ],
    ),
    (
        "The number of people waiting over 500 days for assessments had significantly reduced, with the longest "
        "waits now under 300 days.",
        [
            W(
                "care_act_assessment",
                maximum=300,
                flag="a bound, not an exact figure: maximum under 300 days",
                bound="maximum under",
            )
        ],
    ),
    (
        "Some people waited up to 18 months for a financial assessment.",
        [
            W(
                "financial_assessment",
                maximum=18,
                unit="months",
                flag="a bound, not an exact figure: maximum up to 18 months",
                bound="maximum up to",
            )
        ],
    ),
    (
        "There were 812 people who had been waiting over 28 days for a review.",
        [W("care_review", 812, flag="a count of the people waiting over 28 days")],
    ),
    # before and after: two facts, with their dates where given
    (
        "The council has reduced the number of people waiting for a social care assessment and the length of time "
        "they have to wait to receive one from 47 weeks to 11 weeks.",
        [
            W("care_act_assessment", length=47, unit="weeks", flag="the figure before the change to 11 weeks"),
            W("care_act_assessment", length=11, unit="weeks"),
        ],
    ),
    (
        "The median wait for a care review fell from 120 days in April 2023 to 45 days in March 2024.",
        [
            W("care_review", median=120, as_of="April 2023", flag="the figure before the change to 45 days"),
            W("care_review", median=45, as_of="March 2024"),
        ],
    ),
    (
        "The number of people waiting for an OT assessment fell from 1,200 to 650.",
        [
            W("ot_assessment", 1200, flag="the figure before the change to 650"),
            W("ot_assessment", 650),
        ],
    ),
    # the figure first, then what it has changed to: the later figure is the one that speaks now
    (
        "The council had a waiting list of 2,100 people for a Care Act assessment in June 2023 which has fallen "
        "to 1,430 in June 2024.",
        [
            W("care_act_assessment", 2100, as_of="June 2023", flag="the figure before the change to 1,430"),
            W("care_act_assessment", 1430, as_of="June 2024"),
        ],
    ),
    (
        "The median wait for an OT assessment was 64 days, which has since come down to 38 days.",
        [
            W("ot_assessment", median=64, flag="the figure before the change to 38 days"),
            W("ot_assessment", median=38),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_waits_in_prose(text: str, expected: list[W]) -> None:
    assert waits_of(text) == expected


CARRIED = "service 'care act assessment' taken from the lines before"

LISTS = [
    # an FOI answer: the question names the service, its list items give the figures by year
    (
        "1. The median time (in days) taken to assess a referral for an assessment of needs.\n"
        "21/22 - Median time to assess = 41 days\n22/23 - Median time to assess = 27 days\n"
        "2. The single longest wait (in days) taken to assess an individual after a referral.\n"
        "21/22 - single longest wait = 353 days",
        [
            W("care_act_assessment", median=41, flag=CARRIED, year="2021-22"),
            W("care_act_assessment", median=27, flag=CARRIED, year="2022-23"),
            W("care_act_assessment", maximum=353, flag=CARRIED, year="2021-22"),
        ],
    ),
    (
        "People told us they can face a long wait before their assessments can take place.\n"
        "The longest that someone had waited as of October 2013 was 47 weeks.",
        [W("care_act_assessment", maximum=47, unit="weeks", as_of="as of October 2013", flag=CARRIED)],
    ),
    (
        "In 2023/24 the median wait for an initial assessment was 28 days.",
        [W("care_act_assessment", median=28, year="2023-24")],
    ),
    # a line about something else in between: the service is not carried over it (the wait is
    # kept, its service unnamed and flagged)
    (
        "People waited for their assessments.\nThe council opened a new hub.\nThe median wait was 20 days.",
        [W("unspecified", median=20, flag="the text names no service")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_figures_take_the_service_and_year_of_their_list(text: str, expected: list[W]) -> None:
    assert waits_of(text) == expected


NOT_WAITS_IN_PROSE = [
    "NAS 5 Average waiting time for an OT assessment",
    "The number of people waiting over 500 days for assessments had significantly reduced.",
    "The number of people waiting rose from 2019 to 2023.",
    "The longest serving member of staff had 20 years of experience.",
    "One person referred to attending a community hub after waiting 4 months for a carer's assessment.",
    "Staff waited for the new case management system for 6 months.",
    "The median wait for a call to the assessment team to be answered was 3 minutes.",
]


@pytest.mark.parametrize("text", NOT_WAITS_IN_PROSE, ids=lambda v: v[:50])
def test_sentences_that_are_no_wait_figures(text: str) -> None:
    assert waits_of(text) == []


def test_a_wait_measure_carries_its_year() -> None:
    [wait] = waits.parse(text_doc("21/22 - Median time to assess a Care Act assessment = 41 days"))
    assert [(m.metric_id, m.value, m.year) for m in wait.measures()] == [
        ("wait.care_act_assessment.median_days", 41, "2021-22")
    ]


def test_a_length_of_wait_has_its_own_measure() -> None:
    [wait] = waits.parse(text_doc("Waiting times for equipment were 12 weeks."))
    assert [(m.metric_id, m.metric, m.value, m.unit) for m in wait.measures()] == [
        ("wait.other_equipment.length_weeks", "other equipment: length of wait", 12, "weeks")
    ]
