"""Hostile input, round two: cases that each know the facts they must give.

Every case is a clean document (a *base*) with one kind of trouble added: invisible or
look-alike characters inside every number, another encoding or a few stray bytes, an HTML
shape a browser copes with (with text it hides as a decoy), a PDF whose pages repeat, one huge
text string, other line endings, markdown lines built to be slow, and paths that are not files.
A case read cleanly gives its base's facts, no number its base lacks and no decoy number;
a case that cannot be a document (a FIFO, a device) gives one clear error. Seeded, so every
case can be rebuilt from its name.
"""

from __future__ import annotations

import html
import os
import random
import re
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import SENTENCE, pdf_bytes, stream, text_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
QS_TEXT = (FIXTURES / "barnet_qs_safeguarding.txt").read_text(encoding="utf-8")
BARNET_MD = (FIXTURES / "barnet_cqc.md").read_text(encoding="utf-8")
# Hidden text with numbers of its own: none of them may reach a fact.
DECOY = "In Barnet, 11.11% of people who use services felt safe, lower than the England average of 22.22%."
DECOY_NUMBERS = frozenset({"11.11", "22.22"})


@dataclass(frozen=True)
class Case:
    """One input. ``base`` names the clean case whose facts it must give (None: it must be refused)."""

    name: str
    kind: str  # the class of trouble, a row of the survey's table
    make: bytes | Callable[[Path], None]  # the bytes, or what creates the path (a FIFO, a link)
    base: str | None
    decoys: frozenset[str] = field(default=frozenset())

    def write(self, directory: Path) -> Path:
        path = directory / self.name
        if callable(self.make):
            self.make(path)
        else:
            path.write_bytes(self.make)
        return path


def saved_page(text: str, wrap: Callable[[str], str] = lambda body: f"<main>{body}</main>") -> str:
    """A text as a browser saves it: one paragraph a line, inside ``wrap``'s page furniture."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><title>Safeguarding</title></head><body>{wrap(body)}</body></html>"


BASES: dict[str, bytes] = {
    "base_qs.txt": QS_TEXT.encode(),
    "base_qs.md": QS_TEXT.encode(),
    "base_qs.html": saved_page(QS_TEXT).encode(),
    "base_barnet.md": BARNET_MD.encode(),
    "base_sentence.txt": SENTENCE.encode(),
    "base_sentence.pdf": text_pdf([["Adult social care", SENTENCE]]),
}
FORMATS = ("txt", "md", "html")

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def in_format(text: str, fmt: str) -> bytes:
    return (saved_page(text) if fmt == "html" else text).encode("utf-8")


# --- invisible and look-alike characters inside every number --------------------------------------

INVISIBLE = {
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "word_joiner": "\u2060",
    "bom": "\ufeff",
    "soft_hyphen": "\u00ad",
    "lrm": "\u200e",
    "rlm": "\u200f",
    "pop_direction": "\u202c",
    "isolate": "\u2066",
    "variation_selector": "\ufe0f",
    "tag": "\U000e0041",
}
SCRIPTS = {
    "arabic_indic": 0x660,
    "persian": 0x6F0,
    "devanagari": 0x966,
    "bengali": 0x9E6,
    "thai": 0xE50,
    "fullwidth": 0xFF10,
    "math_bold": 0x1D7CE,
    "math_monospace": 0x1D7F6,
    "nko": 0x7C0,
    "myanmar": 0x1040,
}
POINTS = {"one_dot_leader": "\u2024", "middle_dot": "\u00b7", "bullet_operator": "\u2219", "dot_operator": "\u22c5"}
POINTS_AND_SIGNS = {"arabic_separators": ("\u066b", "\u066a"), "small_forms": ("\ufe52", "\ufe6a")}


def with_invisible(text: str, char: str, rng: random.Random) -> str:
    """Every number with ``char`` somewhere inside it (after it, when it is one digit)."""

    def insert(m: re.Match[str]) -> str:
        number = m.group()
        at = rng.randrange(1, len(number)) if len(number) > 1 else 1
        return number[:at] + char + number[at:]

    return _NUMBER.sub(insert, text)


def in_script(text: str, zero: int) -> str:
    return re.sub(r"[0-9]", lambda m: chr(zero + int(m.group())), text)


def with_point(text: str, point: str, percent: str = "%") -> str:
    text = re.sub(r"(?<=[0-9])\.(?=[0-9])", point, text)
    return text.replace("%", percent)


def character_cases() -> Iterator[Case]:
    for label, char in INVISIBLE.items():
        for fmt in FORMATS:
            rng = random.Random(f"{label}-{fmt}")
            data = in_format(with_invisible(QS_TEXT, char, rng), fmt)
            yield Case(f"invisible_{label}.{fmt}", "invisible characters in numbers", data, f"base_qs.{fmt}")
        entity = with_invisible(saved_page(QS_TEXT), f"&#{ord(char)};", random.Random(label))
        yield Case(f"invisible_{label}_entity.html", "invisible characters in numbers", entity.encode(), "base_qs.html")
    for label, zero in SCRIPTS.items():
        for fmt in FORMATS:
            data = in_format(in_script(QS_TEXT, zero), fmt)
            yield Case(f"digits_{label}.{fmt}", "other-script digits and points", data, f"base_qs.{fmt}")
    for label, point in POINTS.items():
        for fmt in FORMATS:
            data = in_format(with_point(QS_TEXT, point), fmt)
            yield Case(f"point_{label}.{fmt}", "other-script digits and points", data, f"base_qs.{fmt}")
    for label, (point, percent) in POINTS_AND_SIGNS.items():
        for fmt in FORMATS:
            data = in_format(with_point(QS_TEXT, point, percent), fmt)
            yield Case(f"point_{label}.{fmt}", "other-script digits and points", data, f"base_qs.{fmt}")
    for label, code in TO_UNICODE_INVISIBLE.items():
        for at in range(4):
            written = _NUMBER.sub(lambda m, at=at, code=code: _insert(m.group(), at, code), SENTENCE)
            data = mapped_pdf(written.encode("latin-1"))
            yield Case(f"pdf_invisible_{label}_{at}.pdf", "invisible characters in numbers", data, "base_sentence.pdf")
    arabic = re.sub(r"[0-9]", lambda m: chr(0x80 + int(m.group())), SENTENCE).replace(".", "\x8a")
    yield Case(
        "pdf_digits_arabic_indic.pdf",
        "other-script digits and points",
        mapped_pdf(arabic.encode("latin-1")),
        "base_sentence.pdf",
    )


def _insert(number: str, at: int, char: str) -> str:
    cut = at % len(number) + 1
    return number[:cut] + char + number[cut:]


# A font whose ToUnicode map gives codes 1-4 as invisible characters and 0x80-0x8A as Arabic-Indic
# digits and decimal separator: the PDF's text layer then carries them as a PDF producer would.
TO_UNICODE_INVISIBLE = {"zwsp": "\x01", "word_joiner": "\x02", "bom": "\x03", "soft_hyphen": "\x04"}
_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Hostile def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
15 beginbfchar <01> <200B> <02> <2060> <03> <FEFF> <04> <00AD>
<80> <0660> <81> <0661> <82> <0662> <83> <0663> <84> <0664> <85> <0665> <86> <0666> <87> <0667>
<88> <0668> <89> <0669> <8A> <066B> endbfchar
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def mapped_pdf(text: bytes) -> bytes:
    """One page: a title and ``text``, in a font with the hostile ToUnicode map."""
    content = b"BT /F1 11 Tf 14 TL 56 780 Td (Adult social care) Tj T* (" + text + b") Tj ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
    page += b" /Contents 5 0 R >>"
    catalog, pages = b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>"
    return pdf_bytes([catalog, pages, font, page, stream(content), stream(_CMAP)])


# --- encodings ---------------------------------------------------------------------------------------

WIDE = {
    "utf16le": ("utf-16-le", b""),
    "utf16be": ("utf-16-be", b""),
    "utf16_bom": ("utf-16", b""),
    "utf32le": ("utf-32-le", b""),
    "utf32be": ("utf-32-be", b""),
    "utf32_bom": ("utf-32", b""),
    "utf8_bom": ("utf-8", b"\xef\xbb\xbf"),
}
# Characters a UTF-8 file may carry in cp1252 where a paragraph was pasted from elsewhere.
CP1252_PASTES = "’–£“”é"
JUNK = (b"\xff", b"\x81", b"\x80", b"\xc3", b"\x9d")


def with_cp1252_pastes(text: str, count: int, rng: random.Random) -> bytes:
    """UTF-8, with ``count`` of its ’ – £ “ ” é written as cp1252 bytes instead (same text to read)."""
    at = [i for i, char in enumerate(text) if char in CP1252_PASTES]
    pasted = set(rng.sample(at, min(count, len(at))))
    return b"".join(c.encode("cp1252") if i in pasted else c.encode() for i, c in enumerate(text))


def with_junk(data: bytes, count: int, rng: random.Random) -> bytes:
    """``count`` junk bytes, each at the end of a random line with no digit (facts' lines stay whole)."""
    lines = data.split(b"\n")
    prose = [i for i, line in enumerate(lines) if line.strip() and not re.search(rb"[0-9]", line)]
    for _ in range(count):
        lines[rng.choice(prose)] += b" " + rng.choice(JUNK)
    return b"\n".join(lines)


def encoding_cases() -> Iterator[Case]:
    for label, (codec, prefix) in WIDE.items():
        for fmt in FORMATS:
            text = in_format(QS_TEXT, fmt).decode()
            yield Case(f"enc_{label}.{fmt}", "encodings", prefix + text.encode(codec), f"base_qs.{fmt}")
    for count in (1, 3, 10, 40):
        for seed in range(3):
            rng = random.Random(f"{count}-{seed}")
            text = with_cp1252_pastes(QS_TEXT, count, rng)
            yield Case(f"enc_pasted_{count}_{seed}.txt", "encodings", text, "base_qs.txt")
            page = with_cp1252_pastes(saved_page(QS_TEXT), count, rng)
            yield Case(f"enc_pasted_{count}_{seed}.html", "encodings", page, "base_qs.html")
            junk = with_junk(in_format(QS_TEXT, "md"), count, rng)
            yield Case(f"enc_junk_{count}_{seed}.md", "encodings", junk, "base_qs.md")
    cp1252 = QS_TEXT.encode("cp1252", errors="replace")
    yield Case("enc_cp1252.txt", "encodings", cp1252, "base_qs.txt")
    yield Case("enc_cp1252.html", "encodings", saved_page(QS_TEXT).encode("cp1252", errors="replace"), "base_qs.html")
    for count in (1, 5, 15):
        data = with_junk(cp1252, count, random.Random(f"cp1252-{count}"))
        yield Case(f"enc_cp1252_strays_{count}.txt", "encodings", data, "base_qs.txt")


# --- HTML shapes and hidden decoys ------------------------------------------------------------------

SHAPES: dict[str, Callable[[str], str]] = {
    "plain": lambda body: f"<main>{body}</main>",
    "aspnet_form": lambda body: (
        "<form method='post' id='aspnetForm'><input type='hidden' name='__VIEWSTATE' value='/wEPDwUK'>"
        f"<div class='content'>{body}</div></form>"
    ),
    "small_nav_and_search": lambda body: (
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/care'>Care</a></li></ul></nav>"
        f"<form><input name=q><button>Search</button></form><main>{body}</main>"
    ),
    "unclosed_nav": lambda body: f"<nav><a href='/'>Home</a> <a href='/care'>Care</a><main>{body}</main>",
    "unclosed_button": lambda body: f"<button class='accordion'>Show all sections<div>{body}</div>",
    "content_in_button": lambda body: f"<button>{body}</button>",
    "nested_600": lambda body: "<div>" * 600 + body + "</div>" * 600,
    "nested_5000_unclosed": lambda body: "<div><span>" * 5000 + body,
    "uppercase_tags": lambda body: body.replace("<p>", "<P CLASS=x>").replace("</p>", "</P>"),
    "unclosed_paragraphs": lambda body: body.replace("</p>", ""),
    "comments_between": lambda body: body.replace("</p>", "</p><!-- <p>11.11%</p> -->"),
}
HEAD_SHAPES = {
    "head_unclosed": "<!DOCTYPE html><html><head><title>Safeguarding</title><meta charset='utf-8'><body>{body}",
    "head_unclosed_no_body": "<html><head><title>Safeguarding</title><link rel=stylesheet href=a.css>{body}</html>",
}
HIDERS: dict[str, Callable[[str], str]] = {
    "none": lambda text: "",
    "display_none": lambda text: f"<p style='display: none'>{text}</p>",
    "hidden_attribute": lambda text: f"<div hidden><p>{text}</p></div>",
    "visibility_hidden": lambda text: f"<p style='visibility:hidden'>{text}</p>",
    "template": lambda text: f"<template><p>{text}</p></template>",
    "script": lambda text: f"<script>var s = '<p>{text}</p>';</script>",
    "noscript": lambda text: f"<noscript><p>{text}</p></noscript>",
    "closed_dialog": lambda text: f"<dialog><p>{text}</p></dialog>",
}


def html_cases() -> Iterator[Case]:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in QS_TEXT.splitlines() if line.strip())
    for hider_label, hide in HIDERS.items():
        decoys = DECOY_NUMBERS if hider_label != "none" else frozenset()
        decoyed = hide(DECOY) + body + hide(DECOY)
        for shape_label, shape in SHAPES.items():
            page = f"<!DOCTYPE html><html><head><title>QS</title></head><body>{shape(decoyed)}</body></html>"
            name = f"html_{shape_label}_{hider_label}.html"
            yield Case(name, "HTML shapes and hidden text", page.encode(), "base_qs.html", decoys)
        for shape_label, template in HEAD_SHAPES.items():
            page = template.format(body=decoyed)
            yield Case(
                f"html_{shape_label}_{hider_label}.html",
                "HTML shapes and hidden text",
                page.encode(),
                "base_qs.html",
                decoys,
            )


# --- PDFs: repeated pages, running heads, one huge string -----------------------------------------


def pdf_cases() -> Iterator[Case]:
    layouts: dict[str, Callable[[int, int], list[str]]] = {
        "identical": lambda i, n: ["Adult social care", SENTENCE],
        "sentence_only": lambda i, n: [SENTENCE],
        "sentence_first": lambda i, n: [SENTENCE, f"Note {chr(65 + i)} on the figures."],
        "with_running_heads": lambda i, n: ["Adults and Health Committee", SENTENCE, f"Page {i + 1} of {n}"],
    }
    for label, layout in layouts.items():
        for pages in (2, 3, 4, 6, 9):
            data = text_pdf([layout(i, pages) for i in range(pages)])
            yield Case(f"pdf_repeat_{label}_{pages}.pdf", "repeated pages and running heads", data, "base_sentence.pdf")
    for length in (32_000, 32_767, 32_768, 40_000, 100_000):
        data = text_pdf([["Adult social care", "x" * length + " " + SENTENCE, "End of the note."]])
        yield Case(f"pdf_long_string_{length}.pdf", "one huge PDF string", data, "base_sentence.pdf")
        data = text_pdf([["Adult social care", SENTENCE + " " + "y" * length]])
        yield Case(f"pdf_long_string_{length}_after.pdf", "one huge PDF string", data, "base_sentence.pdf")


# --- line endings and slow markdown -----------------------------------------------------------------

ENDINGS = {"cr": "\r", "crlf": "\r\n", "line_separator": "\u2028", "paragraph_separator": "\u2029", "nel": "\u0085"}
SLOW_UNITS = ("[", "![", "[a](", "<a", "<sup>", "*a ", "**a", "__a", "`", "\\")


def text_shape_cases() -> Iterator[Case]:
    for label, ending in ENDINGS.items():
        for name, text in (("qs.txt", QS_TEXT), ("qs.md", QS_TEXT), ("barnet.md", BARNET_MD)):
            data = text.replace("\n", ending).encode()
            yield Case(f"endings_{label}_{name}", "line endings", data, f"base_{name}")
        yield Case(
            f"endings_{label}_qs.html",
            "line endings",
            saved_page(QS_TEXT).replace("\n", ending).encode(),
            "base_qs.html",
        )
    mixed = "".join(line + ("\r" if i % 2 else "\r\n") for i, line in enumerate(BARNET_MD.split("\n")))
    yield Case("endings_mixed_barnet.md", "line endings", mixed.encode(), "base_barnet.md")
    for unit in SLOW_UNITS:
        label = "".join(c if c.isalnum() else f"{ord(c):x}" for c in unit)
        data = (unit * (100_000 // len(unit)) + "\n" + QS_TEXT).encode()
        yield Case(f"markdown_slow_{label}.md", "slow markdown lines", data, "base_qs.md")


# --- paths that are not files -------------------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _directory(path: Path) -> None:
    path.mkdir()


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def device_cases() -> Iterator[Case]:
    makers: dict[str, Callable[[Path], None]] = {"fifo.pdf": _fifo, "fifo.txt": _fifo, "directory.pdf": _directory}
    if Path("/dev/zero").exists():
        makers |= {"dev_zero.pdf": _link_to("/dev/zero"), "dev_urandom.txt": _link_to("/dev/urandom")}
        makers |= {"dev_null.pdf": _link_to("/dev/null")}
    if hasattr(socket, "AF_UNIX"):
        makers["socket.pdf"] = _socket
    makers |= {"dangling_link.pdf": _link_to("/nonexistent/report.pdf"), "link_loop.pdf": _loop}
    for name, make in makers.items():
        yield Case(f"device_{name}", "FIFOs, devices and odd paths", make, None)


def cases() -> list[Case]:
    """Every case, in a fixed order."""
    return [
        *character_cases(),
        *encoding_cases(),
        *html_cases(),
        *pdf_cases(),
        *text_shape_cases(),
        *device_cases(),
    ]


def write_bases(directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in BASES.items():
        (directory / name).write_bytes(data)
    return {name: directory / name for name in BASES}
