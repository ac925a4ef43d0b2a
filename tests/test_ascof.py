"""ASCOF codes of both frameworks mapped to catalogue ids, and council rows that carry them."""

from __future__ import annotations

from functools import cache

import pytest

from lacompare.catalogue import ascof
from lacompare.catalogue import measures as catalogue
from lacompare.model import Comparison, Indicator, Report
from lacompare.pipeline import extract
from tests.conftest import PERF_PDF

OLD, NEW = ascof.PRE_2023, ascof.ASCOF_2023


@pytest.mark.parametrize(
    ("printed", "framework", "metric_id"),
    [
        ("1A", OLD, "ascs.quality_of_life"),
        ("ASCOF 1B", OLD, "ascs.control_daily_life"),
        ("1C(2a)", OLD, "ascof.direct_payments"),
        ("1C (2a)", OLD, "ascof.direct_payments"),
        ("ASCOF 1c(2a)", OLD, "ascof.direct_payments"),
        ("ASCOF 1C/2A", OLD, "ascof.direct_payments"),
        ("1C(1a)", OLD, "salt.self_directed_support"),
        ("1C(2b)", OLD, "ascof.carers_direct_payments"),
        ("ASCOF 1G", OLD, "ascof.learning_disability_own_home"),
        ("1I(2)", OLD, "sace.carers_social_contact"),
        ("ASCOF2A (2)", OLD, "ascof.admissions_care_homes"),
        ("2A(1)", OLD, "ascof.admissions_care_homes_18_64"),
        ("2B(1)", OLD, "ascof.at_home_91_days_after_discharge"),
        ("2B part 2", OLD, "ascof.reablement_after_discharge"),
        ("ASCOF 2C/2", OLD, "ascof.delayed_transfers_social_care"),
        ("2D", OLD, "ascof.short_term_no_further_support"),
        ("ASCOF3A", OLD, "ascs.satisfaction"),
        ("3D(2)", OLD, "sace.carers_easy_find_information"),
        ("ASCOF 4B", OLD, "ascs.services_made_feel_safe"),
        ("1A", NEW, "ascs.quality_of_life"),
        ("ASCOF 2A", NEW, "ascof.short_term_no_further_support"),
        ("2B", NEW, "ascof.admissions_care_homes_18_64"),
        ("2C", NEW, "ascof.admissions_care_homes"),
        ("ASCOF 2E", NEW, "ascof.long_term_support_at_home"),
        ("3D(2a)", NEW, "ascof.direct_payments"),
        ("3D part 1b", NEW, "salt.carers_self_directed_support"),
    ],
)
def test_code_maps_to_catalogue_id(printed: str, framework: str, metric_id: str) -> None:
    code = ascof.normal_code(printed)
    assert code is not None
    found = ascof.measure(code, framework)
    assert found is not None and found.metric_id == metric_id


def test_every_mapped_id_is_in_the_catalogue() -> None:
    assert [m.metric_id for m in ascof.MEASURES if catalogue.catalogued(m.metric_id) is None] == []


@pytest.mark.parametrize(
    ("codes", "period", "metric_id"),
    [
        (("2A",), "2023/24", "ascof.short_term_no_further_support"),
        (("2A(2)",), "Q2 2016/17", "ascof.admissions_care_homes"),
        (("2A",), None, None),  # the old 2A has two parts, the new 2A is another measure
        (("2C",), None, None),
        (("1A",), None, "ascs.quality_of_life"),  # both frameworks agree
        (("1C(2a)",), None, "ascof.direct_payments"),
        (("3D",), "2016/17", None),  # a measure of two parts, left to the row's words
        ((None, "AC/S16", "Proportion of service users with a direct payment (ASCOF 1C/2A)"), None,
         "ascof.direct_payments"),
        ((None, "NI 136", "People supported to live independently"), None, None),
    ],
)  # fmt: skip
def test_row_texts_and_year_pick_the_measure(
    codes: tuple[str | None, ...], period: str | None, metric_id: str | None
) -> None:
    assert ascof.metric_id(codes, period) == metric_id


def test_not_a_code() -> None:
    assert [ascof.normal_code(t) for t in ("AC/S3", "NI 136", "2016/17", "5A", "1K")] == [None] * 5


def test_assign_metric_id_keeps_a_catalogue_id() -> None:
    fact = Comparison(
        1,
        "AC/S3 65.9% 68.8%",
        metric="AC/S3 Percentage of adults",
        value=65.9,
        unit="%",
        comparator="CIPFA",
        comparator_value=68.8,
        metric_id="ascof.learning_disability_own_home",
    )
    assert catalogue.assign_metric_id(fact).metric_id == "ascof.learning_disability_own_home"


@cache
def barnet() -> Report:
    return extract(PERF_PDF)


def test_barnet_ascof_coded_rows_get_catalogue_ids() -> None:
    ids = {f.ref: f.metric_id for f in barnet().indicators if isinstance(f, Indicator) and f.code}
    assert ids == {
        "AC/S1": "ascs.satisfaction",
        "AC/S3": "ascof.learning_disability_own_home",
        "AC/S6": "ascof.mental_health_live_independently",
        "AC/S10": "ascs.control_daily_life",
        "AC/S4": "ascof.learning_disability_paid_employment",
        "AC/S5": "ascof.mental_health_paid_employment",
        "AC/S2": None,  # "ASCOF 3D": two parts in that framework; its comparisons keep their words' id
        "AC/S9": "ascof.admissions_care_homes",
        "AC/S11": "ascof.at_home_91_days_after_discharge",
        "AC/S16": "ascof.direct_payments",
        "AC/C12": "ascof.delayed_transfers_social_care",  # as printed: both rows say "2C/2"
        "AC/C13": "ascof.delayed_transfers_social_care",
        "AC/S15": "ascs.feel_safe",
    }


def test_barnet_benchmark_comparisons_take_the_rows_ids() -> None:
    by_ref = {c.quote.split()[0]: c.metric_id for c in barnet().comparisons if c.quote.startswith("AC/")}
    assert by_ref["AC/S3"] == "ascof.learning_disability_own_home"  # was census.disabled from its words
    assert by_ref["AC/S9"] == "ascof.admissions_care_homes"
    assert by_ref["AC/S6"] == "ascof.mental_health_live_independently"  # was indicator.AC/S6.result
    assert by_ref["AC/S2"] == "ascs.easy_find_information"
