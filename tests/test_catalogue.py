# ruff: noqa: E501  (the tables quote whole sentences from the reports)
"""The metric catalogue: each comparison sentence CQC writes maps to one measure, or to its own id."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lacompare.catalogue import measures as catalogue
from lacompare.model import Comparison, Score


def comparison(quote: str, value: float, bench: float, *, unit: str | None = "%", source: str | None = None,
               metric: str = "", comparator: str = "England") -> Comparison:  # fmt: skip
    return Comparison(1, quote, metric=metric, value=value, unit=unit, comparator=comparator,
                      comparator_value=bench, source=source)  # fmt: skip


# (quote, value, benchmark, source, expected id): every comparison of the Barnet and Camden seeds.
BARNET = [
    ("This was reflected in national data which showed only 46.41% of people receiving long-term support in Barnet had their care reviewed (planned or unplanned), which is lower than the England average of 58.77% (Short and Long-term Support, 2024, SALT).", 46.41, 58.77, "SALT", "salt.long_term_reviewed"),
    ("In contrast, national data showed 31.06% of carers reported they had as much social contact as desired, which is comparable to the England average of 30.02% (Survey of Adult Carers in England, 2024, SACE).", 31.06, 30.02, "SACE", "sace.carers_social_contact"),
    ("In contrast, national data showed 23.60% of carers reported they had as control over their daily life, which is comparable to the England average of 21.53% (SACE, 2024).", 23.60, 21.53, "SACE", "sace.carers_control_daily_life"),
    ("National data showed that 6.41% of carers accessed training for carers in Barnet. Whilst this is higher than the England average of 4.30% (SACE, 2024) it is still low and further work is needed in this area.", 6.41, 4.30, "SACE", "sace.carers_training"),
    ("National data showed that 61.57% of people do not buy any additional care or support privately or pay more to 'top up' their care and support in Barnet. This could indicate that people have sufficient care arranged by the local authority to meet their needs. This figure is comparable to the England average of 64.39% (Adult Social Care Survey, 2024, ASCS).", 61.57, 64.39, "ASCS", "ascs.no_top_up"),
    ("National data reflected these findings with 81.40% of carers in Barnet finding information and advice helpful, which is lower than the England average of 85.22% (SACE, 2024).", 81.40, 85.22, "SACE", "sace.carers_information_helpful"),
    ("However, the same survey showed that 19.25% of carers were able to spend time doing things they value or enjoy in Barnet, which is comparable to the England average of 15.97% (SACE, 2024).", 19.25, 15.97, "SACE", "sace.carers_time_doing_things_valued"),
    ("National data reflected this some positive outcomes in this area, with 63.60% of people who say help and support in Barnet helps them think and feel better about themselves, this is comparable to the England average of 62.48% (ASCS, 2024).", 63.60, 62.48, "ASCS", "ascs.help_feel_better"),
    ("National data showed that only 56.85% of people reported they spend their time doing things they value or enjoy in Barnet, which is lower than the England average of 69.09% (ASCS, 2024).", 56.85, 69.09, "ASCS", "ascs.time_doing_things_valued"),
    ("National data supported this evidence as 76.37% of people who have received short term support in Barnet, no longer require support, which is comparable to the England average of 77.55% (Adult Social Care Outcomes Framework, 2023, ASCOF).", 76.37, 77.55, "ASCOF", "ascof.short_term_no_further_support"),
    ("National data showed positive outcomes from the reablement/ rehabilitation offer, with 4.60% of people over 65 receiving reablement/rehabilitation services after discharge from hospital in Barnet, which is higher than the England average of 2.91% (ASCOF, 2023).", 4.60, 2.91, "ASCOF", "ascof.reablement_after_discharge"),
    ("Also, 92.96% of people over 65 in Barnet are still at home 91 days after discharge from hospital into reablement and rehabilitation, which is higher than the England average of 83.70% (SALT, 2024).", 92.96, 83.70, "SALT", "ascof.at_home_91_days_after_discharge"),
    ("This is reflected in national data which showed that only 62.20% of people in Barnet who use services finding it easy to find information about support, lower than the England average of 67.12% (ASCS, 2024).", 62.20, 67.12, "ASCS", "ascs.easy_find_information"),
    ("Also, 51.46% of carers in Barnet found it easy to access information and advice, which is also lower than the England average of 59.06% (SACE, 2024).", 51.46, 59.06, "SACE", "sace.carers_easy_find_information"),
    ("National data supported this particularly for older people, with 18.26% of people aged 65 and over accessing long-term support receiving direct payments in Barnet. This is higher than the England average of 14.8%.", 18.26, 14.8, None, "ascof.direct_payments_65_plus"),
    ("Additionally, 28.33% were receiving direct payments compared to the England average of 26.22% (ASCOF, 2023).", 28.33, 26.22, "ASCOF", "ascof.direct_payments"),
    ("In comparison to the England average the local authority's care home market had higher than average Care Quality Commission (CQC) ratings, with 85% of registered care homes rated as 'Good' or 'Outstanding', which was higher than the England average of 81%.", 85, 81, None, "cqc.care_homes_good_or_outstanding"),
    ("National data showed a 0.18% rate of turnover of adult social care employees, which was lower than the England average of 0.25%.", 0.18, 0.25, None, "sfc.turnover_rate"),
    ("Similarly, the rate of adult social care job vacancies was also lower at 6.40%, compared to England average of 8.06% (Adult Social Care Workforce Estimates, Skills for Care, 2024).", 6.40, 8.06, "Skills for Care", "sfc.vacancy_rate"),
    ("National data showed 89.21% of people who used services in Barnet reported that those services had made them feel safe, this is comparable to the England average of 87.82% (ASCS, 2024).", 89.21, 87.82, "ASCS", "ascs.services_made_feel_safe"),
    ("The data was also comparable for unpaid carers in Barnet, with 78.88% of carers who felt safe, compared to the England average of 80.93% (SACE, 2024).", 78.88, 80.93, "SACE", "sace.carers_feel_safe"),
    ("National data showed a positive variation, where 94.00% of people lacking capacity were supported by an advocate, family or friend in Barnet, compared to the England average of 83.38% (Safeguarding Adults Collection, 2024, SAC).", 94.00, 83.38, "SAC", "sac.lacking_capacity_advocate"),
    ("Compared to the 2011 Census, in 2021 the borough's population had grown by 32,900, a rise of 9.2%. This is a larger population growth than the London average of 7.6% and the England average 6.6%.", 9.2, 6.6, "Census", "census.population_growth"),
]  # fmt: skip

CAMDEN = [
    ("The population of Camden is more ethnically diverse than the England average (19%) with 40% of residents from a Black, Asian or other ethnic group, this has increased from 34% in 2011.", 40, 19, None, "census.ethnic_minority"),
    ("There are more than 85 different languages spoken and 17% of people identified as LGBTQ+ in comparison to the national average of 14%.", 17, 14, None, "census.lgbtq"),
    ("There are fewer disabled people (15.2%) as a share of the population than the national average (17.3%).", 15.2, 17.3, None, "census.disabled"),
    ("For example, 58.7% people were satisfied with care and support (England average 65.4%); 70.0% people felt they had control over their daily life (England Average 77.6%) and 34.6% people reported they had as much social contact as desired (England average 45.6%).", 58.7, 65.4, "ASCS", "ascs.satisfaction"),
    ("For example, 58.7% people were satisfied with care and support (England average 65.4%); 70.0% people felt they had control over their daily life (England Average 77.6%) and 34.6% people reported they had as much social contact as desired (England average 45.6%).", 70.0, 77.6, "ASCS", "ascs.control_daily_life"),
    ("For example, 58.7% people were satisfied with care and support (England average 65.4%); 70.0% people felt they had control over their daily life (England Average 77.6%) and 34.6% people reported they had as much social contact as desired (England average 45.6%).", 34.6, 45.6, "ASCS", "ascs.social_contact"),
    ("Data from the Adult Social Care Finance Report (ASCFR)/Short and Long-Term Support (SALT) (2023-2024) showed fewer, (38.57%) long-term support clients had had their care assessment or plan reviewed, than the England average (58.77%) which was also in the 'tending towards negative' band.", 38.57, 58.77, "SALT", "salt.long_term_reviewed"),
    ("There were more carers in the local authority accessing support or someone to talk to in confidence (46.73%) than the England average (32.98%).", 46.73, 32.98, None, "sace.carers_someone_to_talk_to"),
    ("Broadly the same proportion of carers accessed support to keep them in employment (2.88%) as the national average (2.79%) and accessed training for carers (4.72%) as the England average (4.30%).", 2.88, 2.79, None, "sace.carers_support_to_stay_in_employment"),
    ("Broadly the same proportion of carers accessed support to keep them in employment (2.88%) as the national average (2.79%) and accessed training for carers (4.72%) as the England average (4.30%).", 4.72, 4.30, None, "sace.carers_training"),
    ("However significantly more carers experienced financial difficulties because of caring (61.11%) than average (46.55%) and significantly more (46.84%) were not in paid employment because of caring, compared to the national average (26.70%).", 61.11, 46.55, None, "sace.carers_financial_difficulties"),
    ("However significantly more carers experienced financial difficulties because of caring (61.11%) than average (46.55%) and significantly more (46.84%) were not in paid employment because of caring, compared to the national average (26.70%).", 46.84, 26.70, None, "sace.carers_not_in_employment"),
    ("Fewer (27.70%) carers reported satisfaction with social services than the England average (36.83%).", 27.70, 36.83, "SACE", "sace.carers_satisfaction"),
    ("Fewer (59.90%) carers felt they were involved or consulted as much as they wanted to be in discussions, than the England average (66.56%).", 59.90, 66.56, "SACE", "sace.carers_involved_consulted"),
    ("And fewer (23.15%) carers had as much social contact as desired, than the England average (30.02%) (All from SACE 2023-2024).", 23.15, 30.02, "SACE", "sace.carers_social_contact"),
    ("This was also demonstrated by national data where more (71.48%) people in the local authority area did not buy additional care or support or pay to top up their care and support, than the England average of (64.39%) (ASCS 2023/24).", 71.48, 64.39, "ASCS", "ascs.no_top_up"),
    ("People were supported in self-directed decision making and supported with practical and mental health needs, as more people (99.9%) who used services received self-directed support than the England average (92.2%) (SALT 2023-2024).", 99.9, 92.2, "SALT", "salt.self_directed_support"),
    ("Positively, 63.93% of people said help and support made them think and feel better about themselves with the England average around the same level at 62.48%.", 63.93, 62.48, None, "ascs.help_feel_better"),
    ("However, fewer people (58.03%) reported they spent time doing things they valued or enjoyed than average (69.06%)(negative variation).", 58.03, 69.06, None, "ascs.time_doing_things_valued"),
    ("Fewer people described their home as clean and presentable (89.51%) than average (94.05%) and fewer people felt clean and presentable themselves (90.82%) than average (93.28%) or felt they got adequate food and drink (90.49% compared to national average 93.71%), (all from ASCS 2023-2024).", 89.51, 94.05, "ASCS", "ascs.home_clean"),
    ("Fewer people described their home as clean and presentable (89.51%) than average (94.05%) and fewer people felt clean and presentable themselves (90.82%) than average (93.28%) or felt they got adequate food and drink (90.49% compared to national average 93.71%), (all from ASCS 2023-2024).", 90.82, 93.28, "ASCS", "ascs.personal_care_clean"),
    ("Fewer people described their home as clean and presentable (89.51%) than average (94.05%) and fewer people felt clean and presentable themselves (90.82%) than average (93.28%) or felt they got adequate food and drink (90.49% compared to national average 93.71%), (all from ASCS 2023-2024).", 90.49, 93.71, "ASCS", "ascs.food_and_drink"),
    ("The ASCS data (2023-2024) showed only 57.56% of people who received short term support, no longer required support, which was much lower than the national average of 77.55%.", 57.56, 77.55, "ASCS", "ascof.short_term_no_further_support"),
    ("Fewer carers (75.00%) than average (85.22%) found information and advice helpful (SACE 2023-2024).", 75.00, 85.22, "SACE", "sace.carers_information_helpful"),
    ("This was supported by SALT data (2023-2024) which showed more people aged 65 and over (4.74%) received reablement or rehabilitation services following discharge from hospital, than average (2.91%), and more people aged 65 and over (87.18%) were still at home 91 days after discharge from hospital into reablement or rehabilitation, than average (83.70%).", 4.74, 2.91, "SALT", "ascof.reablement_after_discharge"),
    ("This was supported by SALT data (2023-2024) which showed more people aged 65 and over (4.74%) received reablement or rehabilitation services following discharge from hospital, than average (2.91%), and more people aged 65 and over (87.18%) were still at home 91 days after discharge from hospital into reablement or rehabilitation, than average (83.70%).", 87.18, 83.70, "SALT", "ascof.at_home_91_days_after_discharge"),
    ("According to ASCS data (2023-24) around the same proportion of people who used services (65.94%) found it easy to find information about support as the national average (66.26%).", 65.94, 66.26, "ASCS", "ascs.easy_find_information"),
    ("SACE data (2023-2024) showed fewer carers (53.33%) found it easy to access information and advice than the national average (59.06%) (tending towards negative variation).", 53.33, 59.06, "SACE", "sace.carers_easy_find_information"),
    ("Despite this reduction, national data (SALT 2023/2024) showed 27.86% of service users received direct payments which was broadly in line with the England average of 26.22%.", 27.86, 26.22, "SALT", "ascof.direct_payments"),
    ("However, ASCS (2023/2024) data showed fewer (59.90%) people who used services felt they had choice over services, compared to the England average (70.28%).", 59.90, 70.28, "ASCS", "ascs.choice_over_services"),
    ("However the nationally published data (SACE 2023-24) showed fewer carers (5.71%) accessed support or services allowing them to take a break from caring at short notice or in an emergency, than the England average (12.08%)(negative variation); fewer carers (11.43%) accessed support or services allowing them to take a break from caring for more than 24 hours, than the England average (16.14%)(tending towards negative variation), and around the same proportion of carers (16.67%) accessed support or services allowing them to take a break from caring for between 1-24 hours, than England average (21.", 5.71, 12.08, "SACE", "sace.carers_break_short_notice"),
    ("However the nationally published data (SACE 2023-24) showed fewer carers (5.71%) accessed support or services allowing them to take a break from caring at short notice or in an emergency, than the England average (12.08%)(negative variation); fewer carers (11.43%) accessed support or services allowing them to take a break from caring for more than 24 hours, than the England average (16.14%)(tending towards negative variation), and around the same proportion of carers (16.67%) accessed support or services allowing them to take a break from caring for between 1-24 hours, than England average (21.", 11.43, 16.14, "SACE", "sace.carers_break_over_24_hours"),
    ("Skills for Care workforce estimates data (2023/24) showed there was a staff vacancy rate of 16.78% compared to an England average of 8.06% in the local authority (significant negative variation), but a 0.10 adult social care staff turnover rate, which was a significantly positive variation to the England average of 0.25.", 16.78, 8.06, "Skills for Care", "sfc.vacancy_rate"),
    ("Skills for Care workforce estimates data (2023/24) showed there was a staff vacancy rate of 16.78% compared to an England average of 8.06% in the local authority (significant negative variation), but a 0.10 adult social care staff turnover rate, which was a significantly positive variation to the England average of 0.25.", 0.10, 0.25, "Skills for Care", "sfc.turnover_rate"),
    ("The local authority also had an average sickness rate of 5.30 days, consistent with the England average of 5.33 days.", 5.30, 5.33, None, "sfc.sickness_days"),
    ("However, ASCS data (2023-2024) showed fewer people (63.93%) who used services felt safe than the national average (71.06%) (negative variation) and fewer people (79.34%) who used services said those services had made them feel safe, then the national average (87.82%)(negative variation).", 63.93, 71.06, "ASCS", "ascs.feel_safe"),
    ("However, ASCS data (2023-2024) showed fewer people (63.93%) who used services felt safe than the national average (71.06%) (negative variation) and fewer people (79.34%) who used services said those services had made them feel safe, then the national average (87.82%)(negative variation).", 79.34, 87.82, "ASCS", "ascs.services_made_feel_safe"),
    ("74.07% of carers felt safe compared to the England average (80.93%) (tending towards negative variation).", 74.07, 80.93, None, "sace.carers_feel_safe"),
    ("94.12% of individuals lacking capacity were supported by an advocate family or friend with the England average being 83.38% (Safeguarding Adults Collection data 2023-24)(tending towards positive variation).", 94.12, 83.38, "SAC", "sac.lacking_capacity_advocate"),
]  # fmt: skip

# Units as the sentences state them (Camden's turnover rate "0.10" has none).
UNITS: dict[float, str | None] = {5.30: "days", 0.10: None}


@pytest.mark.parametrize(("quote", "value", "bench", "source", "expected"), BARNET + CAMDEN)
def test_sentence_maps_to_catalogue_metric(quote: str, value: float, bench: float, source: str | None,
                                           expected: str) -> None:  # fmt: skip
    fact = comparison(quote, value, bench, unit=UNITS.get(value, "%"), source=source)
    assert catalogue.assign_metric_id(fact).metric_id == expected


def test_every_catalogue_id_is_unique_and_has_a_known_polarity() -> None:
    ids = [m.id for m in catalogue.every_metric()]
    assert len(ids) == len(set(ids))
    assert {m.polarity for m in catalogue.every_metric()} <= {catalogue.HIGHER, catalogue.LOWER, catalogue.NEITHER}


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("Carers with as much social contact as desired", "sace.carers_social_contact"),
        ("people who use services finding it easy to find information about support", "ascs.easy_find_information"),
        ("carers finding it easy to find information and advice", "sace.carers_easy_find_information"),
        # an ASCOF measure named in full in prose, never the census's share of disabled people
        (
            "proportion of adults with a learning disability in paid employment",
            "ascof.learning_disability_paid_employment",
        ),
        (
            "adults with learning disabilities who live in their own home or with their family",
            "ascof.learning_disability_own_home",
        ),
        (
            "adults in contact with secondary mental health services in paid employment",
            "ascof.mental_health_paid_employment",
        ),
        ("disabled people as a share of residents", "census.disabled"),
    ],
)
def test_metric_description_alone_is_enough(metric: str, expected: str) -> None:
    fact = comparison("A sentence whose numbers 12.5% and 10.0% say nothing.", 12.5, 10.0, metric=metric)
    assert catalogue.assign_metric_id(fact).metric_id == expected


def test_unmapped_comparison_keeps_the_parsers_sentence_id() -> None:
    fact = comparison("773 people were discharged per month from hospital (per 100,000 population), which was "
                      "significantly higher than the average 687 of across London boroughs.", 773, 687,
                      unit="per 100,000", metric="people discharged per month from hospital",
                      comparator="London")  # fmt: skip
    fact = replace(fact, metric_id="cmp.discharged_per_month")
    assert catalogue.assign_metric_id(fact).metric_id == "cmp.discharged_per_month"


def test_unmapped_comparison_without_id_gets_one_from_its_words() -> None:
    fact = comparison("11% of people in the borough had never used the internet compared to 7% in London.", 11, 7,
                      metric="people who had never used the internet", comparator="London")  # fmt: skip
    assert catalogue.assign_metric_id(fact).metric_id == "cmp.people_who_had_never_used_the_internet"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # the collision found in a real library: the measures differ after the eighth word
            "people in contact with secondary mental health services who live independently",
            "people in contact with secondary mental health services in paid employment",
        ),
        (
            "adults with a learning disability in paid employment aged 18 to 64",
            "adults with a learning disability in paid employment aged 65 and over",
        ),  # fmt: skip
    ],
)
def test_measures_alike_in_their_first_eight_words_get_ids_of_their_own(first: str, second: str) -> None:
    assert catalogue.sentence_id(first) != catalogue.sentence_id(second)
    assert catalogue.sentence_id(first) == catalogue.sentence_id(first.upper() + ".")  # stable: words, not case
    assert catalogue.sentence_id(first).startswith("cmp." + "_".join(first.split()[:8]) + "_")


def test_a_short_measure_keeps_its_words_alone_as_id() -> None:
    assert catalogue.sentence_id("carers accessing support (new)") == "cmp.carers_accessing_support_new"


def test_a_percentage_measure_never_maps_to_a_days_measure() -> None:
    fact = comparison("Staff sickness was 4.1% against an England average of 3.2%.", 4.1, 3.2, unit="%")
    assert catalogue.assign_metric_id(fact).metric_id != "sfc.sickness_days"


def test_other_facts_pass_through_unchanged() -> None:
    score = Score(1, "Safeguarding Score: 3", statement_id="safeguarding", score=3)
    assert catalogue.assign_metric_ids([score]) == [score]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sace.carers_social_contact", ["sace.carers_social_contact"]),
        ("vacancy", ["sfc.vacancy_rate"]),
        ("carers social contact", ["sace.carers_social_contact"]),
        ("safeguarding", ["qs.safeguarding"]),
    ],
)
def test_find_by_id_or_words(query: str, expected: list[str]) -> None:
    assert [m.id for m in catalogue.find(query)] == expected


@pytest.mark.parametrize(
    ("metric_id", "polarity"),
    [
        ("sfc.vacancy_rate", catalogue.LOWER),
        ("sace.carers_social_contact", catalogue.HIGHER),
        ("qs.safeguarding", catalogue.HIGHER),
        ("wait.care_review.median_days", catalogue.LOWER),
        ("finance.asc_spend_actual", catalogue.NEITHER),
        ("census.population_growth", catalogue.NEITHER),
        ("cmp.something_unmapped", catalogue.NEITHER),
    ],
)
def test_polarity(metric_id: str, polarity: str) -> None:
    assert catalogue.polarity(metric_id) == polarity


# A result set against a target: the measure the report's coded rows give it, never a population share.
def test_a_target_comparison_takes_the_id_of_the_coded_row_stating_its_value() -> None:
    row = replace(comparison("AC/S3 (ASCOF 1G) Percentage of adults with learning disabilities who live in their own home 65.9%", 65.9, 68.8, comparator="CIPFA"), metric_id="ascof.learning_disability_own_home")  # fmt: skip
    target = comparison("The accommodation measures for learning disabilities are performing better than the Q2 targets at 65.9% (against a 63% target).", 65.9, 63, comparator="target", metric="accommodation measures for learning disabilities")  # fmt: skip
    assigned = catalogue.assign_metric_ids([row, replace(target, metric_id="target")])
    assert [f.metric_id for f in assigned] == ["ascof.learning_disability_own_home"] * 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("quote", "value", "bench", "metric"),
    [
        (
            "The accommodation measures for learning disabilities are performing better than the Q2 targets at 65.9% (against a 63% target).",
            65.9,
            63,
            "accommodation measures for learning disabilities",
        ),
        (
            "While the number of carers' assessments fell short at 390 against the target of 418.",
            390,
            418,
            "the number of carers' assessments",
        ),
        (
            "Telecare installations are high (539 at the end of Q2 against a target of 400).",
            539,
            400,
            "telecare installations",
        ),
    ],
)
def test_a_target_comparison_never_lands_on_a_census_share_or_a_shared_id(
    quote: str, value: float, bench: float, metric: str
) -> None:
    fact = replace(comparison(quote, value, bench, unit=None, comparator="target", metric=metric), metric_id="target")
    (assigned,) = catalogue.assign_metric_ids([fact])
    assert not assigned.metric_id.startswith("census.") and assigned.metric_id != "target"  # type: ignore[attr-defined]
    assert assigned.metric_id.startswith("cmp.")  # type: ignore[attr-defined]


def test_a_survey_the_sentence_names_must_be_the_measures_own() -> None:
    people = comparison(
        "70% of people felt safe, against the England average of 69% (ASCS, 2024).", 70, 69, source="ASCS"
    )
    carers_survey = replace(people, source="Survey of Adult Carers in England (SACE) - question 17")
    assert catalogue.metric_for(people).id == "ascs.feel_safe"  # type: ignore[union-attr]
    assert catalogue.metric_for(carers_survey) is None or catalogue.metric_for(carers_survey).source == "SACE"  # type: ignore[union-attr]
