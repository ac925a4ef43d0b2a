"""Plain text and markdown: one page, unless form feeds split it into several."""

from __future__ import annotations

import re

from lacompare.errors import UnreadableDocument

ENCODINGS = ("utf-8-sig", "cp1252")

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s*"), ""),  # headings
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$"), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+"), ""),  # bullets
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images
    (re.compile(r"<sup>(.*?)</sup>", re.I), r"\1"),
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),  # any other inline HTML
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # escapes
)


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode text bytes: UTF-8 first, then cp1252 (UTF-16 when it starts with its mark). Returns (text, note)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), f"{name}: not UTF-8; read as UTF-16"
        except UnicodeDecodeError:
            pass
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = None if encoding == "utf-8-sig" else f"{name}: not UTF-8; read as {encoding}"
        return text, note
    raise UnreadableDocument(
        "text in an unknown encoding: neither UTF-8 nor cp1252", source=name, hint="save it as UTF-8"
    )


def strip_markdown(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        for pattern, repl in _MD_RULES:
            line = pattern.sub(repl, line)
        lines.append(line)
    return "\n".join(lines)


def looks_like_markdown(text: str) -> bool:
    return bool(re.search(r"^#{1,6} \S|\*\*\S|\]\(|<sup>", text[:20000], re.M))


def split_pages(text: str) -> list[str]:
    pages = text.split("\f")
    while len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return pages
