"""Shared fixtures: fixture paths, an isolated environment, deterministic terminals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lacompare.model import Report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

BARNET_MD = FIXTURES / "barnet_cqc.md"
BARNET_CHROMIUM = FIXTURES / "barnet_cqc_chromium.pdf"
BARNET_LIBREOFFICE = FIXTURES / "barnet_cqc_libreoffice.pdf"
CAMDEN_TXT = FIXTURES / "camden_cqc.txt"
CAMDEN_CHROMIUM = FIXTURES / "camden_cqc_chromium.pdf"
QS_TXT = FIXTURES / "barnet_qs_safeguarding.txt"
QS_CHROMIUM = FIXTURES / "barnet_qs_safeguarding_chromium.pdf"
PERF_TXT = FIXTURES / "barnet_perf_q2_2016.txt"
PERF_PDF = FIXTURES / "barnet_perf_q2_2016_tables_chromium.pdf"
DASHBOARD_TXT = FIXTURES / "barnet_dashboard_ascs.txt"

ALL_FIXTURES = (
    BARNET_MD,
    BARNET_CHROMIUM,
    BARNET_LIBREOFFICE,
    CAMDEN_TXT,
    CAMDEN_CHROMIUM,
    QS_TXT,
    QS_CHROMIUM,
    PERF_TXT,
    PERF_PDF,
    DASHBOARD_TXT,
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own library and cache, and no colour or terminal tricks."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("LACOMPARE_DB", str(home / "library.db"))
    monkeypatch.setenv("LACOMPARE_CACHE", str(home / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("LACOMPARE_PAGER", "")  # a test terminal is never paged (see test_pager)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    yield


@pytest.fixture(scope="session")
def reports() -> dict[Path, Report]:
    """Each fixture extracted once per test session."""
    from lacompare.pipeline import extract

    return {path: extract(path) for path in ALL_FIXTURES}
