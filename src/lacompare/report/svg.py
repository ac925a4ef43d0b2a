"""A small SVG builder: elements as escaped strings, numbers written short.

Every element is a :class:`Svg`, a ``str`` that is already markup; any other text given as a
child or an attribute is escaped, so a council name or quote never becomes markup. ``Svg``
carries ``__html__``, so Jinja2 puts it into a page as it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape

XMLNS = "http://www.w3.org/2000/svg"

Attrs = Mapping[str, object]


class Svg(str):
    """Markup that is already escaped."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


def text(value: object) -> Svg:
    """Text as SVG character data (``<``, ``&`` and quotes escaped; control characters dropped)."""
    return Svg(escape(clean(str(value)), quote=True))


def clean(value: str) -> str:
    """Characters an XML or HTML document may not hold (C0 controls, lone surrogates, U+FFFE/F) as U+FFFD."""
    if value.isprintable():
        return value
    return "".join(ch if _allowed(ch) else "\ufffd" for ch in value)


def _allowed(ch: str) -> bool:
    code = ord(ch)
    if code < 0x20:
        return ch in "\t\n\r"
    return not (0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code in (0xFFFE, 0xFFFF))


def num(value: float) -> str:
    """A coordinate with at most one decimal ("12", "12.5"): short, and the same on every run."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite coordinate: {value!r}")
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def attributes(attrs: Attrs) -> str:
    """` name="value"` pairs; None and False leave an attribute out, floats are written with :func:`num`."""
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if isinstance(value, float):
            shown = num(value)
        elif isinstance(value, int):
            shown = str(value)
        else:
            shown = escape(clean(str(value)), quote=True)
        parts.append(f' {name}="{shown}"')
    return "".join(parts)


def el(tag: str, attrs: Attrs | None = None, *children: object) -> Svg:
    """One element; children that are not :class:`Svg` are escaped as text."""
    inner = "".join(c if isinstance(c, Svg) else text(c) for c in children if c is not None and c != "")
    head = f"<{tag}{attributes(attrs or {})}"
    return Svg(f"{head}>{inner}</{tag}>" if inner else f"{head}/>")


def group(children: Iterable[Svg], attrs: Attrs | None = None) -> Svg:
    return el("g", attrs, *children)


def document(
    width: float, height: float, children: Iterable[Svg], *, label: str, standalone: bool, style: str = ""
) -> Svg:
    """The ``<svg>`` element: sized by its viewBox (so it scales), with an accessible name.

    ``standalone`` makes a file of its own (namespace, white background, its own ``<style>``).
    """
    attrs: dict[str, object] = {"viewBox": f"0 0 {num(width)} {num(height)}", "role": "img", "aria-label": label}
    body = list(children)
    if standalone:
        attrs = {"xmlns": XMLNS, "width": num(width), "height": num(height), **attrs}
        head = [el("style", None, Svg(style))] if style else []
        body = [*head, el("rect", {"width": "100%", "height": "100%", "fill": "#fff"}), *body]
    else:
        attrs["class"] = "chart"
    return el("svg", attrs, el("title", None, label), *body)
