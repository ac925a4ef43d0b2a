"""The provenance rule, for every fact of every fixture: the quote is a verbatim substring of its
page's normalised text and contains each number of the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacompare.model import Report

from .conftest import ALL_FIXTURES
from .parser_helpers import fixture, quote_problems


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_fact_keeps_the_quote_rule(path: Path, reports: dict[Path, Report]) -> None:
    assert quote_problems(fixture(path), list(reports[path].facts)) == []


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_quotes_are_a_sentence_or_two_not_a_page(path: Path, reports: dict[Path, Report]) -> None:
    too_long = [f.quote[:60] for f in reports[path].facts if len(f.quote) > 900]
    assert too_long == []


def test_every_fixture_yields_facts(reports: dict[Path, Report]) -> None:
    assert {p.name for p, r in reports.items() if not r.facts} == set()


def test_the_report_round_trips_through_a_dict(reports: dict[Path, Report]) -> None:
    for report in reports.values():
        assert Report.from_dict(report.to_dict()) == report
