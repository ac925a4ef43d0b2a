"""Characters as the parsers need them: what a reader sees, in the ASCII every pattern reads.

A page's text can carry characters that change what a number reads as without changing what
it looks like: a zero-width space, a word joiner or a byte-order mark inside "46.41%" (a
pattern then reads "6.41"), digits of another script ("٤٦٫٤١", full-width "４６．４１"), a
one-dot leader or a raised decimal point for the full stop ("46․41", "46·41"), a combining mark
on a digit. Every page is cleaned here before anything reads it, so a fact's quote is verbatim
to the cleaned text and every number in it reads as it looks.
"""

from __future__ import annotations

import re

# The zero of every run of ten decimal digits (Unicode category Nd) outside ASCII.
_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
)  # fmt: skip

# Characters that show nothing: format characters (category Cf: zero-width space and joiners,
# word joiner, direction marks, byte-order mark, soft hyphen, tags …), variation selectors, the
# combining grapheme joiner and the Hangul fillers.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x115F, 0x1160), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F), (0xE0100, 0xE01EF),
)  # fmt: skip

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

_SINGLE: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\ufffe": "-",  # pdfium's marker for a hyphen at a line break
    "\x02": "-",
    "\x00": "",
    "\f": "\n",
    "\u2028": "\n",  # line separator
    "\u2029": "\n",  # paragraph separator
    "\u2024": ".",  # one-dot leader
    "\u2025": "..",  # two-dot leader
    "\u066a": "%",  # Arabic percent sign
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\ufe50": ",",  # small comma
    "\ufe52": ".",  # small full stop
    "\ufe6a": "%",  # small percent sign
}


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _SINGLE.items()}
    for zero in _DIGIT_ZEROS:
        table.update({zero + digit: str(digit) for digit in range(10)})
    for first, last in _INVISIBLE_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    table.update(dict.fromkeys(map(ord, _SPACES), " "))
    # Full-width forms of ASCII ("４６．４１％").
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})
    return table


_TABLE = _table()
# A raised or operator dot between digits is a decimal point ("46·41", the British way).
_DOT_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])[\u00b7\u2219\u22c5](?=[0-9])")
# A combining mark on a digit or a number's punctuation ("4\u03036.41") hides nothing: dropped.
_MARK_ON_NUMBER = re.compile(r"(?<=[0-9.,%])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def clean_chars(text: str) -> str:
    """``text`` with ligatures expanded, invisible characters removed and digits made ASCII."""
    text = text.translate(_TABLE)
    if text.isascii():
        return text
    if "\u00b7" in text or "\u2219" in text or "\u22c5" in text:
        text = _DOT_BETWEEN_DIGITS.sub(".", text)
    return _MARK_ON_NUMBER.sub("", text)
