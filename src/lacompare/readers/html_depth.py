"""Markup nested deeper than any page needs, flattened before it reaches the HTML5 parser.

An HTML5 tree builder looks down its stack of open elements at most tags, so markup nested
100,000 deep takes minutes to parse (21 s with lexbor, over 8 minutes with html5lib). Browsers
stop nesting at a fixed depth (Chromium at 512); here the tags below that depth are left out
before parsing and their text kept, and an element a browser would not show (a script, a
style, an element with ``hidden`` or an inline style) is left out with its content. A page
nested less deeply than the limit is returned as it is, after one scan of its tags.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/<>]*)([^<>]*)>")
# Void elements: they have no content and no end tag.
VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Elements a later sibling closes without an end tag: they do not nest.
_IMPLIED_END = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp colgroup caption".split())
# Raw text: their content is not markup, so it is skipped up to the end tag.
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript".split())
# Elements a browser does not show: below the limit they are left out with their content.
_NOT_SHOWN = frozenset("template dialog svg canvas datalist head object".split())
_HIDING = re.compile(r"\bhidden\b|display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)", re.I)


def shallow(markup: str, limit: int = MAX_DEPTH) -> str:
    """``markup`` with the tags nested deeper than ``limit`` left out (their text kept)."""
    if markup.count("<") <= limit or _max_depth(markup) <= limit:
        return markup
    return _flatten(markup, limit)


def _tags(markup: str) -> list[tuple[int, int, bool, str, str]]:
    """(start, end, is_end_tag, name, attributes) of every tag, comments and raw text skipped."""
    out: list[tuple[int, int, bool, str, str]] = []
    pos = 0
    while True:
        pos = markup.find("<", pos)
        if pos < 0:
            return out
        if markup.startswith("<!--", pos):
            comment_end = markup.find("-->", pos + 4)
            pos = len(markup) if comment_end < 0 else comment_end + 3
            continue
        match = _TAG.match(markup, pos)
        if match is None:
            pos += 1
            continue
        name = match.group(2).lower()
        out.append((match.start(), match.end(), bool(match.group(1)), name, match.group(3)))
        pos = match.end()
        if not match.group(1) and name in _RAW_TEXT:
            raw_end = re.compile(rf"</{name}", re.I).search(markup, pos)
            pos = len(markup) if raw_end is None else raw_end.start()


class _Stack:
    """Open elements by name, with how many of each are open (an end tag pops to its element)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kept: list[bool] = []
        self.open: dict[str, int] = {}

    def push(self, name: str, kept: bool) -> None:
        self.names.append(name)
        self.kept.append(kept)
        self.open[name] = self.open.get(name, 0) + 1

    def pop_to(self, name: str) -> bool | None:
        """Close ``name`` and everything opened after it; whether its start tag was kept (None: not open)."""
        if not self.open.get(name):
            return None
        while True:
            top, kept = self.names.pop(), self.kept.pop()
            self.open[top] -= 1
            if top == name:
                return kept


def _not_shown(name: str, attributes: str) -> bool:
    if name == "dialog":
        return not re.search(r"\bopen\b", attributes, re.I)
    return name in _NOT_SHOWN or _HIDING.search(attributes) is not None


def _max_depth(markup: str) -> int:
    stack = _Stack()
    deepest = 0
    for _, _, is_end, name, _ in _tags(markup):
        if is_end:
            stack.pop_to(name)
        elif name not in VOID and name not in _IMPLIED_END:
            stack.push(name, True)
            deepest = max(deepest, len(stack.names))
    return deepest


def _flatten(markup: str, limit: int) -> str:
    out: list[str] = []
    stack = _Stack()
    pos = 0
    hide_below: int | None = None  # inside an element left out with its content
    for start, end, is_end, name, attributes in _tags(markup):
        if hide_below is None:
            out.append(markup[pos:start])
        pos = end
        tag = markup[start:end]
        if is_end:
            kept = stack.pop_to(name)
            if hide_below is not None and len(stack.names) < hide_below:
                hide_below = None
            elif kept and hide_below is None:
                out.append(tag)
            continue
        if name in VOID or name in _IMPLIED_END:
            if hide_below is None:
                out.append(tag)
            continue
        deep = len(stack.names) >= limit
        stack.push(name, not deep)
        if hide_below is not None:
            continue
        if not deep:
            out.append(tag)
        elif name in _RAW_TEXT or _not_shown(name, attributes):
            hide_below = len(stack.names)
    if hide_below is None:
        out.append(markup[pos:])
    return "".join(out)
