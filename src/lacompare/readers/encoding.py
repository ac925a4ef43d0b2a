"""Text bytes as a string: UTF-8, cp1252, UTF-16 or UTF-32 (with a byte-order mark or without).

A file is read as UTF-8 where its bytes are UTF-8 and as cp1252 where they are not, region by
region: one stray byte does not turn every "£" of a UTF-8 file into "Â£", and a byte neither
encoding defines shows as U+FFFD instead of refusing the file. Whatever was not plain UTF-8 is
said once, in the document's notes. Every line ending becomes ``\\n`` (CR LF, a lone CR, U+2028 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lacompare.errors import UnreadableDocument

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
)
# Where ASCII text in a wide encoding has its zero bytes (position in each group of ``width``).
_WIDE = (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)), ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)))
_SAMPLE = 4096
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# More bytes than this that neither UTF-8 nor cp1252 defines: some other encoding, refused.
_MAX_UNDEFINED_SHARE = 0.01
_MAX_UNDEFINED_FEW = 16


@dataclass(frozen=True, slots=True)
class Wide:
    codec: str  # a Python codec name
    label: str  # how the note names it
    bom: int  # bytes of byte-order mark to skip


def wide_encoding(head: bytes) -> Wide | None:
    """UTF-16 or UTF-32, from the byte-order mark or from where the zero bytes of ASCII text fall."""
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return Wide(codec, label, len(bom))
    for codec, width, zero_at in _WIDE:
        if _zeros_fit(head[: _SAMPLE - _SAMPLE % width], width, zero_at):
            endian = "little-endian" if codec.endswith("le") else "big-endian"
            return Wide(codec, f"{codec[:6].upper()} ({endian}, no byte-order mark)", 0)
    return None


def _zeros_fit(sample: bytes, width: int, zero_at: tuple[int, ...]) -> bool:
    """Most code units have their zero bytes at ``zero_at`` and almost none elsewhere."""
    units = len(sample) // width
    if units < 4:
        return False
    for offset in range(width):
        zeros = sample[offset::width][:units].count(0)
        if offset in zero_at and zeros < 0.9 * units:
            return False
        if offset not in zero_at and zeros > 0.02 * units:
            return False
    return True


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of ``data`` and a note saying how it was read when it was not plain UTF-8."""
    wide = wide_encoding(data[:_SAMPLE])
    if wide is not None:
        text = data[wide.bom :].decode(wide.codec, errors="replace")
        return line_endings(text), f"{name}: not UTF-8; read as {wide.label}"
    try:
        return line_endings(data.decode("utf-8-sig")), None
    except UnicodeDecodeError:
        pass
    text, note = _mixed(data.removeprefix(b"\xef\xbb\xbf"), name)
    return line_endings(text), note


def _mixed(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 where the bytes are UTF-8, cp1252 between; refused when too much is neither."""
    parts: list[str] = []
    foreign = undefined = 0
    utf8_multibyte = False
    pos = 0
    for run in _UTF8_RUN.finditer(data):
        if run.start() > pos:
            gap = data[pos : run.start()]
            parts.append(gap.decode("cp1252", errors="replace"))
            foreign += len(gap)
            undefined += sum(byte in _CP1252_UNDEFINED for byte in gap)
        chunk = run.group()
        parts.append(chunk.decode("utf-8"))
        utf8_multibyte = utf8_multibyte or not chunk.isascii()
        pos = run.end()
    if pos < len(data):
        gap = data[pos:]
        parts.append(gap.decode("cp1252", errors="replace"))
        foreign += len(gap)
        undefined += sum(byte in _CP1252_UNDEFINED for byte in gap)
    if undefined > max(_MAX_UNDEFINED_FEW, _MAX_UNDEFINED_SHARE * len(data)):
        raise UnreadableDocument(
            "text in an unknown encoding: neither UTF-8 nor cp1252", source=name, hint="save it as UTF-8"
        )
    return "".join(parts), _note(name, foreign, undefined, utf8_multibyte)


def _note(name: str, foreign: int, undefined: int, utf8_multibyte: bool) -> str:
    if utf8_multibyte:
        note = f"{name}: mixed encodings; read as UTF-8 with {_bytes(foreign)} read as cp1252"
    else:
        note = f"{name}: not UTF-8; read as cp1252"
    if undefined:
        note += f" ({_bytes(undefined)} that neither defines shown as \ufffd)"
    return note


def _bytes(count: int) -> str:
    return f"{count} byte" if count == 1 else f"{count:,} bytes"


_LINE_BREAKS = re.compile("\r\n?|[\u0085\u2028\u2029]")


def line_endings(text: str) -> str:
    """CR LF, a lone CR, NEL and the Unicode line and paragraph separators as LF."""
    if "\r" not in text and text.isascii():
        return text
    return _LINE_BREAKS.sub("\n", text)
