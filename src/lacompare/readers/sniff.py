"""Say what a file's bytes look like, whatever its name claims."""

from __future__ import annotations

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
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in probe or b"<head" in probe:
        return "html"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not head.startswith(b"\xff\xfe\x00\x00"):
        return "text"  # UTF-16 with its byte-order mark (Windows "Unicode" text)
    if b"\x00" in head[:4096]:
        return "binary data"
    return "text"
