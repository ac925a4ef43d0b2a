"""diff and rank: councils side by side, every shared measure on one row, better by polarity."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lacompare.catalogue import measures as catalogue
from lacompare.compare import Side, diff, rank
from lacompare.kinds import FACT_KINDS
from lacompare.model import Comparison, Report
from lacompare.render.diff_rows import tidy_records, wide_records
from tests.conftest import BARNET_CHROMIUM, BARNET_MD, CAMDEN_CHROMIUM, CAMDEN_TXT

# Every measure that both the Barnet and the Camden reports quote, paired by hand from the two
# seeds: catalogue id -> (Barnet's value, Camden's value).
SHARED_MEASURES = {
    "ascs.services_made_feel_safe": (89.21, 79.34),
    "sace.carers_feel_safe": (78.88, 74.07),
    "sace.carers_easy_find_information": (51.46, 53.33),
    "ascs.easy_find_information": (62.20, 65.94),
    "sace.carers_information_helpful": (81.40, 75.00),
    "sace.carers_social_contact": (31.06, 23.15),
    "ascs.time_doing_things_valued": (56.85, 58.03),
    "ascs.help_feel_better": (63.60, 63.93),
    "ascs.no_top_up": (61.57, 71.48),
    "sace.carers_training": (6.41, 4.72),
    "salt.long_term_reviewed": (46.41, 38.57),
    "ascof.short_term_no_further_support": (76.37, 57.56),
    "ascof.at_home_91_days_after_discharge": (92.96, 87.18),
    "ascof.reablement_after_discharge": (4.60, 4.74),
    "ascof.direct_payments": (28.33, 27.86),
    "sac.lacking_capacity_advocate": (94.00, 94.12),
    "sfc.vacancy_rate": (6.40, 16.78),
    "sfc.turnover_rate": (0.18, 0.10),
}

# Measures only one of them quotes, with wording close to a shared one: they must stay apart.
BARNET_ONLY = {"sace.carers_control_daily_life": 23.60, "sace.carers_time_doing_things_valued": 19.25,
               "ascof.direct_payments_65_plus": 18.26}  # fmt: skip
CAMDEN_ONLY = {"ascs.control_daily_life": 70.0, "ascs.social_contact": 34.6, "ascs.feel_safe": 63.93}

PAIRS = [(BARNET_MD, CAMDEN_TXT), (BARNET_CHROMIUM, CAMDEN_CHROMIUM)]


def sides(reports: dict[Path, Report], barnet: Path = BARNET_MD, camden: Path = CAMDEN_TXT) -> list[Side]:
    return [Side.of_report("Barnet", reports[barnet]), Side.of_report("Camden", reports[camden])]


@pytest.mark.parametrize(("barnet", "camden"), PAIRS, ids=["text", "pdf"])
def test_every_measure_both_quote_lines_up_on_one_row(reports: dict[Path, Report], barnet: Path, camden: Path) -> None:
    rows = diff(sides(reports, barnet, camden), facts=["comparison"])
    shared = {r.metric_id: tuple(v.value for v in r.values if v is not None) for r in rows if r.shared}
    assert shared == SHARED_MEASURES


@pytest.mark.parametrize(("barnet", "camden"), PAIRS, ids=["text", "pdf"])
def test_no_row_joins_two_different_measures(reports: dict[Path, Report], barnet: Path, camden: Path) -> None:
    rows = {r.metric_id: r for r in diff(sides(reports, barnet, camden), facts=["comparison"])}
    for metric_id, value in BARNET_ONLY.items():
        assert [v.value if v else None for v in rows[metric_id].values] == [pytest.approx(value), None]
    for metric_id, value in CAMDEN_ONLY.items():
        assert [v.value if v else None for v in rows[metric_id].values] == [None, pytest.approx(value)]
    for row in rows.values():
        assert not any("also states" in note for note in row.notes), row


def test_ratings_and_the_nine_scores_side_by_side(reports: dict[Path, Report]) -> None:
    rows = diff(sides(reports), facts=["rating", "score"])
    assert [(r.metric_id, *(v.value for v in r.values if v)) for r in rows] == [
        ("rating.overall", "Good", "Outstanding"),
        ("qs.assessing_needs", 2, 3),
        ("qs.supporting_healthier_lives", 2, 3),
        ("qs.equity_in_experience_and_outcomes", 2, 4),
        ("qs.care_provision_integration_continuity", 3, 3),
        ("qs.partnerships_and_communities", 3, 4),
        ("qs.safe_pathways_systems_transitions", 2, 4),
        ("qs.safeguarding", 3, 3),
        ("qs.governance_management_sustainability", 3, 4),
        ("qs.learning_improvement_innovation", 3, 4),
    ]
    assert rows[0].better == (1,)  # Outstanding beats Good
    assert rows[4].better == () and rows[4].difference == 0  # a tie has no winner


@pytest.mark.parametrize(
    ("metric_id", "difference", "better"),
    [
        ("sfc.vacancy_rate", 10.38, (0,)),  # lower is better: Barnet's 6.40 beats 16.78
        ("ascs.no_top_up", 9.91, (1,)),  # higher is better
        ("qs.equity_in_experience_and_outcomes", 2, (1,)),
        ("finance.asc_spend_actual", -32417000, ()),  # spending is context, not performance
    ],
)
def test_difference_and_better_follow_polarity(
    reports: dict[Path, Report], metric_id: str, difference: float, better: tuple[int, ...]
) -> None:
    # Barnet's spending is for 2022-23 and Camden's for 2023-24: compared only when asked.
    row = next(r for r in diff(sides(reports), any_period=True) if r.metric_id == metric_id)
    assert (row.difference, row.better) == (pytest.approx(difference), better)


def test_different_sources_and_benchmarks_are_shown_not_hidden(reports: dict[Path, Report]) -> None:
    rows = {r.metric_id: r for r in diff(sides(reports))}
    # CQC's "2024" for the survey is the 2023-24 survey Camden's report names: one period, no note.
    assert rows["ascs.easy_find_information"].notes == ("benchmarks differ: England 67.12 / national 66.26",)
    assert "sources differ: ASCOF / ASCS" in rows["ascof.short_term_no_further_support"].notes
    assert [(b.comparator, b.value, b.year) for b in rows["ascs.easy_find_information"].benchmarks] == [
        ("England", 67.12, "2023-24"),
        ("England", 66.26, "2023-24"),
    ]


def test_figures_for_different_periods_get_no_difference_and_no_winner(reports: dict[Path, Report]) -> None:
    row = next(r for r in diff(sides(reports)) if r.metric_id == "ascof.short_term_no_further_support")
    assert (row.difference, row.better) == (None, ())
    assert "periods differ: Barnet 2022-23 / Camden 2023-24: not compared" in row.notes
    across = next(r for r in diff(sides(reports), any_period=True) if r.metric_id == row.metric_id)
    assert across.difference == pytest.approx(-18.81) and across.better == (0,)
    assert "periods differ: Barnet 2022-23 / Camden 2023-24; compared across periods (--any-period)" in across.notes


def test_units_that_differ_give_no_difference_and_no_winner(reports: dict[Path, Report]) -> None:
    row = next(r for r in diff(sides(reports)) if r.metric_id == "sfc.turnover_rate")
    assert (row.difference, row.better) == (None, ())
    assert "units differ: % / ratio" in row.notes


def test_only_shared_keeps_rows_every_council_reports(reports: dict[Path, Report]) -> None:
    rows = diff(sides(reports), only_shared=True)
    assert rows and all(r.shared for r in rows)
    assert {r.metric_id for r in rows if r.fact == "comparison"} == set(SHARED_MEASURES)


def test_rows_come_in_fact_order(reports: dict[Path, Report]) -> None:
    facts = [r.fact for r in diff(sides(reports))]
    assert facts == sorted(facts, key=list(FACT_KINDS).index)


def test_unmapped_comparisons_keep_their_own_row(reports: dict[Path, Report]) -> None:
    rows = [r for r in diff(sides(reports)) if r.metric_id.startswith("cmp.")]
    assert rows and all(not r.shared for r in rows)


def test_tidy_records_one_per_council_and_measure(reports: dict[Path, Report]) -> None:
    s = sides(reports)
    rows = diff(s, only_shared=True, facts=["comparison"])
    records = tidy_records(rows, s)
    assert len(records) == 2 * len(SHARED_MEASURES)
    vacancy = [r for r in records if r["metric_id"] == "sfc.vacancy_rate"]
    assert [(r["council"], r["value"], r["better"]) for r in vacancy] == [
        ("Barnet", 6.4, True),
        ("Camden", 16.78, False),
    ]


def test_wide_records_one_per_measure_with_a_column_per_council(reports: dict[Path, Report]) -> None:
    s = sides(reports)
    record = next(r for r in wide_records(diff(s), s) if r["metric_id"] == "sfc.vacancy_rate")
    assert (record["Barnet"], record["Camden"], record["benchmark_value"], record["better"]) == (
        6.4,
        16.78,
        8.06,
        "Barnet",
    )


def comparison_report(name: str, metric_id: str, value: float) -> Report:
    fact = Comparison(1, f"a vacancy rate of {value}% against 50%", metric="vacancy rate", value=value, unit="%",
                      comparator="England", comparator_value=50, metric_id=metric_id)  # fmt: skip
    return Report(name, "cqc_assessment", name, None, 1, name, facts=(fact,))


def test_rank_orders_best_first_by_polarity_and_shares_places_on_ties() -> None:
    reports = [comparison_report(n, "sfc.vacancy_rate", v) for n, v in (("A", 9.0), ("B", 4.5), ("C", 9.0))]
    ranked = rank([Side.of_report(r.document, r) for r in reports], "sfc.vacancy_rate")
    assert [(r.position, r.name, r.value.value) for r in ranked] == [(1, "B", 4.5), (2, "A", 9.0), (2, "C", 9.0)]


def test_rank_uses_the_catalogue_id_of_sentences_worded_differently(reports: dict[Path, Report]) -> None:
    ranked = rank(sides(reports), "sace.carers_easy_find_information")
    assert [(r.name, r.value.value) for r in ranked] == [("Camden", 53.33), ("Barnet", 51.46)]


def test_stored_facts_with_stale_ids_are_mapped_again_when_compared(reports: dict[Path, Report]) -> None:
    barnet = reports[BARNET_MD]
    stale = replace(barnet, facts=tuple(replace(f, metric_id="cmp.old") if isinstance(f, Comparison) else f
                                        for f in barnet.facts))  # fmt: skip
    rows = diff(
        [Side.of_report("Barnet", stale), Side.of_report("Camden", reports[CAMDEN_TXT])],
        only_shared=True,
        facts=["comparison"],
    )
    assert {r.metric_id for r in rows} == set(SHARED_MEASURES)
    assert catalogue.get("sfc.vacancy_rate") is not None
