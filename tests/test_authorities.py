"""Councils by name: what users type resolves to one council, or to an error naming the candidates."""

from __future__ import annotations

import pytest

from lacompare.catalogue import authorities, sites
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


@pytest.mark.parametrize(
    ("name", "gss_code"),
    [(name, a.gss_code) for a in authorities.authorities() for name in a.names],
    ids=lambda v: str(v),
)
def test_every_name_in_the_register_resolves_to_its_own_council(name: str, gss_code: str) -> None:
    assert authorities.resolve(name).gss_code == gss_code


@pytest.mark.parametrize(
    ("written", "short_name"),
    [
        ("Metropolitan Borough of Wirral", "Wirral"),
        ("Wirral Metropolitan Borough Council", "Wirral"),
        ("City of York Council", "York"),
        ("City of Leeds", "Leeds"),
        ("County of Herefordshire", "Herefordshire"),
        ("Council of the Isles of Scilly", "Isles of Scilly"),
        ("the Council of the Isles of Scilly", "Isles of Scilly"),
        ("St Helens Borough Council", "St. Helens"),
        ("Gateshead Borough Council", "Gateshead"),
        ("Blackpool Council", "Blackpool"),
        ("City of Westminster", "Westminster"),
        ("City of London", "City of London"),
        ("Hull City Council", "Kingston upon Hull"),
        ("Telford & Wrekin Council", "Telford and Wrekin"),
    ],
)
def test_names_dressed_as_documents_dress_them_resolve(written: str, short_name: str) -> None:
    assert authorities.resolve(written).short_name == short_name


def test_london_alone_is_no_council() -> None:
    with pytest.raises(UnknownAuthority, match="could mean"):
        authorities.resolve("London")


@pytest.mark.parametrize(
    ("text", "short_names"),
    [
        ("CQC rates Kent County Council adult social care provision as requires improvement", ["Kent"]),
        ("The Care Quality Commission (CQC), has rated the London Borough of Enfield as good", ["Enfield"]),
        ("Metropolitan Borough of Wirral: Adult Social Care and Public Health Committee", ["Wirral"]),
        ("City of York Council: quarterly performance", ["York"]),
        ("Sefton council gets ‘good’ rating in latest Care Quality Commission inspection", ["Sefton"]),
        ("HERTFORDSHIRE COUNTY COUNCIL ADULT CARE & HEALTH CABINET PANEL", ["Hertfordshire"]),
        ("agenda item hertfordshire county council no. adult care", ["Hertfordshire"]),  # a mirror's title
        ("Telford & Wrekin Council and B&NES Council", ["Telford and Wrekin", "Bath and North East Somerset"]),
        (
            "Hertfordshire County Council, Hounslow Council and West Berkshire Council were all assessed as good",
            ["Hertfordshire", "Hounslow", "West Berkshire"],
        ),
        ("North Somerset Council serves an area beside Somerset", ["North Somerset"]),
        ("Kent and Medway were both visited", []),  # named, not as councils
        ("London Councils and the county council responded", []),
        ("We spent the week reading council papers.", []),
    ],
)
def test_a_text_names_councils_dressed_as_councils(text: str, short_names: list[str]) -> None:
    assert [a.short_name for a in authorities.named_in(text)] == short_names


@pytest.mark.parametrize(
    ("text", "short_name"),
    [
        ("Hull City Council said. Kingston upon Hull and Hull again. Hull City Council, Hull.", "Kingston upon Hull"),
        ("St Helens Borough Council. St Helens, St. Helens, St Helens Council, St Helens.", "St. Helens"),
        ("Kent County Council, Kent, Kent, Kent, Kent. Medway once.", "Kent"),
        ("Kent County Council, Kent, Kent. Medway Council, Medway, Medway.", None),
    ],
)
def test_counting_mentions_counts_every_name_of_a_council(text: str, short_name: str | None) -> None:
    found = authorities.most_mentioned(text)
    assert (found.short_name if found else None) == short_name


@pytest.mark.parametrize(
    ("host", "short_name"),
    [
        ("moderngov.rotherham.gov.uk", "Rotherham"),
        ("democracy.kent.gov.uk:9071", "Kent"),
        ("edemocracy.coventry.gov.uk", "Coventry"),
        ("councillors.herefordshire.gov.uk", "Herefordshire"),
        ("www.cheshireeast.gov.uk", "Cheshire East"),
        ("www.sthelens.gov.uk", "St. Helens"),
        ("www.brighton-hove.gov.uk", "Brighton and Hove"),
        ("www.stockton.gov.uk", "Stockton-on-Tees"),
        ("www.nottinghamcity.gov.uk", "Nottingham"),
        ("www.royalgreenwich.gov.uk", "Greenwich"),
        ("www.dorsetcouncil.gov.uk", "Dorset"),
        ("www.bcpcouncil.gov.uk", "Bournemouth, Christchurch and Poole"),
        ("www.lbbd.gov.uk", "Barking and Dagenham"),
        ("www.rbkc.gov.uk", "Kensington and Chelsea"),
        ("www.iow.gov.uk", "Isle of Wight"),
        ("www.n-somerset.gov.uk", "North Somerset"),
        ("www.nelincs.gov.uk", "North East Lincolnshire"),
        ("www.westberks.gov.uk", "West Berkshire"),
        ("www.northyorks.gov.uk", "North Yorkshire"),
        ("www.hants.gov.uk", "Hampshire"),
        ("democracy.bathnes.gov.uk", "Bath and North East Somerset"),  # listed: no name gives these
        ("www.kingston.gov.uk", "Kingston upon Thames"),
        ("www.surreycc.gov.uk", "Surrey"),
        ("scilly.gov.uk", "Isles of Scilly"),
        ("wokingham.moderngov.co.uk", "Wokingham"),  # councils' pages on platforms serving councils
        ("shropshireperformance.inphase.com", "Shropshire"),
        ("www.cqc.org.uk", None),
        ("www.londonhomecare.net", None),
        ("docsbay.net", None),
        ("www.gov.uk", None),
        ("assets.publishing.service.gov.uk", None),
        ("www.kent.ac.uk", None),
    ],
)
def test_a_councils_own_site_is_known_by_its_host(host: str, short_name: str | None) -> None:
    found = sites.by_host(host)
    assert (found.short_name if found else None) == short_name
