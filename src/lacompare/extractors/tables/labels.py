"""A row's label as its reference and its measure: 'ASC 1C part 1A: The proportion …' ->
('ASC 1C part 1A', 'The proportion …'); 'NI 136 People supported …' -> ('NI 136', 'People …').
A code printed after the reference is the row's code: 'AC/S3 (ASCOF 1G)', 'AC/S1 ASCOF3A',
'NI 136 (Vital Signs 3)'."""

from __future__ import annotations

from lacompare import compiled
from lacompare.parsers.performance.refs import ASCOF_REF, REF, code_after

# A short code before a colon holds a digit: "ASC 1C part 1A:", "AS01:".
# It opens with capitals ("ASC", "AS01", "NI") or a digit and a capital ("1C").
_CODE_COLON = compiled.pattern(
    r"^(?P<ref>(?=[^:]{0,24}\d)(?=[A-Z]{2,}|\d[A-Z])[A-Z0-9][\w ().\-/]{0,23}?)\s*[:–—-]\s+(?P<rest>\S.*)$"
)
_LEADING_REF = compiled.pattern(rf"^(?P<ref>{ASCOF_REF}|(?:ASCOF\s+)?{REF})[:.]?\s+(?P<rest>\S.*)$")


def split_label(label: str) -> tuple[str | None, str]:
    """(reference or None, measure) of a row label."""
    text = " ".join(label.split())
    for pattern in (_CODE_COLON, _LEADING_REF):
        m = pattern.match(text)
        if m and not m.group("ref").strip().isdigit():
            return " ".join(m.group("ref").split()), m.group("rest").strip()
    return None, text


# An ASCOF code in brackets at the end of a label: "(1A)", "(2A2)", "(1C(2a))", "(ASCOF 1C part 2A)".
_TRAILING_ASCOF = compiled.pattern(
    r"\s*\((?P<code>(?:ASCOF\s*)?[1-4][A-J](?:\d|\(\d[a-z]?\)|\s+part\s+\d[A-Za-z]?)?)\)\s*$"
)
_REF_THEN = compiled.pattern(rf"^(?P<ref>{REF})(?P<rest>\s.*)$")


def reference(ref_cell: str | None, label: str) -> tuple[str | None, str | None, str]:
    """(reference, code, measure) of a row: its reference column's text, else the label's opening
    reference; a code after either is the row's code, not part of its reference or measure."""
    ref, measure = split_label(label)
    code = None
    if ref_cell and ref_cell.strip() and not ref_cell.strip().rstrip(".").isdigit():  # "1", "2.": a row's number
        ref = " ".join(ref_cell.split())
    if ref:
        ref, code = _code_after(ref)
    found, end = code_after(measure)
    if found and end < len(measure):
        code = code or found
        measure = measure[end:]
    trailing = _TRAILING_ASCOF.search(measure)
    if trailing and code is None and trailing.start() > 0:  # "Quality of life (1A)", "… per 100,000 (2A2)"
        code, measure = trailing.group("code"), measure[: trailing.start()]
    return ref, code, measure


def _code_after(ref: str) -> tuple[str, str | None]:
    """'AC/S3 (ASCOF 1G)' -> ('AC/S3', 'ASCOF 1G'); a reference with no code after it stays whole."""
    m = _REF_THEN.match(ref)
    if m is None:
        return ref, None
    code, end = code_after(m.group("rest"))
    if code is None or end != len(m.group("rest")):
        return ref, None
    return m.group("ref"), code
