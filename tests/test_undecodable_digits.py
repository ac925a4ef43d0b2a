"""A byte the text cannot decode inside a number never yields a shorter number unflagged."""

from __future__ import annotations

import pytest

from lacompare.pipeline import extract_bytes

SENTENCES = [
    "National data showed 4{x}6.41% of people receiving long-term support had their care reviewed, "
    "which is lower than the England average of 58.77% (SALT, 2024).",
    "There were 1{x}37 people waiting for a Care Act assessment, and the median wait was 21 days.",
    "The total budget for adult social care was £5{x}53.9m in 2023/24.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_number_with_an_undecodable_byte_inside_is_not_read_short(sentence: str) -> None:
    raw = ("Barnet: local authority assessment\n\n" + sentence).encode("utf-8").replace(b"{x}", b"\x81")
    report = extract_bytes(raw, "odd.txt")
    short = {6.41, 37, 53.9}
    for fact in report.facts:
        for number in fact.numbers():
            if float(number) in short:
                assert fact.flag, f"{fact!r} reads a number cut by an undecodable byte"
