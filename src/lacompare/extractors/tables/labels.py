"""A row's label as its reference and its measure: 'ASC 1C part 1A: The proportion …' ->
('ASC 1C part 1A', 'The proportion …'); 'NI 136 People supported …' -> ('NI 136', 'People …')."""

from __future__ import annotations

from lacompare import compiled
from lacompare.parsers.performance.refs import REF

# A short code before a colon holds a digit: "ASC 1C part 1A:", "AS01:".
# It opens with capitals ("ASC", "AS01", "NI") or a digit and a capital ("1C").
_CODE_COLON = compiled.pattern(
    r"^(?P<ref>(?=[^:]{0,24}\d)(?=[A-Z]{2,}|\d[A-Z])[A-Z0-9][\w ().\-/]{0,23}?)\s*[:–—-]\s+(?P<rest>\S.*)$"
)
# "ASC 1A", "ASCOF 2B(1)": an ASCOF code with its framework's letters before it.
_ASCOF_REF = r"(?:ASCOF|ASC)\s?[1-4][A-J](?:\(\d[a-z]?\)|\d)?(?![\w(])"
_LEADING_REF = compiled.pattern(rf"^(?P<ref>{_ASCOF_REF}|(?:ASCOF\s+)?{REF})[:.]?\s+(?P<rest>\S.*)$")


def split_label(label: str) -> tuple[str | None, str]:
    """(reference or None, measure) of a row label."""
    text = " ".join(label.split())
    for pattern in (_CODE_COLON, _LEADING_REF):
        m = pattern.match(text)
        if m and not m.group("ref").strip().isdigit():
            return " ".join(m.group("ref").split()), m.group("rest").strip()
    return None, text
