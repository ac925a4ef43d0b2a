"""Councils by name: what users type resolves to one council, or to an error naming the candidates."""

from __future__ import annotations

import pytest

from lacompare import authorities
from lacompare.errors import UnknownAuthority


@pytest.mark.parametrize(
    ("typed", "short_name", "gss_code"),
    [
        ("barnet", "Barnet", "E09000003"),
        ("Camden", "Camden", "E09000007"),
        ("kensington", "Kensington and Chelsea", "E09000020"),
        ("windsor and maidenhead", "Windsor and Maidenhead", "E06000040"),
        ("hull", "Kingston upon Hull", "E06000010"),
        ("st helens", "St. Helens", "E08000013"),
        ("St. Helens", "St. Helens", "E08000013"),
        ("London Borough of Barnet", "Barnet", "E09000003"),
        ("Barnet Council", "Barnet", "E09000003"),
        ("Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead", "E06000040"),
        ("brighton & hove", "Brighton and Hove", "E06000043"),
        ("E09000007", "Camden", "E09000007"),
        ("durham", "County Durham", "E06000047"),
        ("somerset", "Somerset", "E06000066"),
    ],
)
def test_names_resolve_to_one_council(typed: str, short_name: str, gss_code: str) -> None:
    council = authorities.resolve(typed)
    assert (council.short_name, council.gss_code) == (short_name, gss_code)


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("sussex", ["East Sussex", "West Sussex"]),
        ("northamptonshire", ["North Northamptonshire", "West Northamptonshire"]),
        ("kingston", ["Kingston upon Hull", "Kingston upon Thames"]),
    ],
)
def test_ambiguous_name_lists_candidates_and_never_guesses(typed: str, candidates: list[str]) -> None:
    with pytest.raises(UnknownAuthority) as caught:
        authorities.resolve(typed)
    message = caught.value.one_line()
    assert "did you mean" in message
    for name in candidates:
        assert name in message


def test_unknown_name_suggests_near_spellings() -> None:
    with pytest.raises(UnknownAuthority, match="did you mean Camden"):
        authorities.resolve("Camdem")


def test_unknown_name_with_nothing_close_says_so() -> None:
    with pytest.raises(UnknownAuthority, match="no English council .* is called 'Gotham'"):
        authorities.resolve("Gotham")


def test_register_holds_the_153_councils_with_social_care_duties() -> None:
    councils = authorities.authorities()
    assert len(councils) == 153
    assert len({c.gss_code for c in councils}) == 153
    assert sum(c.region == "London" for c in councils) == 33


@pytest.mark.parametrize(
    ("title_name", "short_name"),
    [
        ("London Borough of Barnet", "Barnet"),
        ("London Borough of Camden", "Camden"),
        ("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
        (None, None),
        ("Northamptonshire", None),
    ],
)
def test_documents_attach_to_the_council_they_name(title_name: str | None, short_name: str | None) -> None:
    found = authorities.find(title_name)
    assert (found.short_name if found else None) == short_name
