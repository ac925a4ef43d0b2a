"""Say what a file's bytes look like, whatever its name claims."""

from __future__ import annotations

from lacompare.readers.encoding import wide_encoding

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "a zip archive (a Word .docx or similar)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
)


def sniff(head: bytes) -> str:
    """Return 'pdf', 'html', 'text' or a description of a binary format."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    wide = wide_encoding(head)
    if wide is not None:  # UTF-16 or UTF-32 (Windows "Unicode" text), with or without its mark
        head = head[wide.bom :].decode(wide.codec, errors="replace").encode("utf-8", errors="replace")
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in probe or b"<head" in probe:
        return "html"
    if wide is None and b"\x00" in head[:4096]:
        return "binary data"
    return "text"
