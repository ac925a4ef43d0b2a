"""Plain text and markdown: one page, unless form feeds split it into several."""

from __future__ import annotations

import re

from lacompare.readers.encoding import decode

__all__ = ["decode", "looks_like_markdown", "split_pages", "strip_markdown"]

# Each pattern is linear in the line: no part of one can scan past the next opening mark, so a
# line of 100,000 "[" or "<a" takes no longer than any other line of its length.
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s*"), ""),  # headings
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$"), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+"), ""),  # bullets
    (re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # links and images
    (re.compile(r"<sup>([^<]*)</sup>", re.I), r"\1"),
    (re.compile(r"</?[a-zA-Z][^<>]*>"), ""),  # any other inline HTML
    (re.compile(r"\*\*((?:[^*]|\*(?!\*))+?)\*\*|__((?:[^_]|_(?!_))+?)__"), r"\1\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # escapes
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
