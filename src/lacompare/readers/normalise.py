"""Turn raw page text into the normalised text every fact quotes.

The output of a page is a sequence of paragraph lines: wrapped lines are rejoined with a
single space, each paragraph or heading stands on its own line, and whitespace inside a
line is collapsed. The same rules serve PDF text (pdfium) and hard-wrapped plain text.

Nothing is glued across a structure boundary: a list item, a heading a reader marked, or the
value line indented under a list item ("• Hartlepool Borough Council" / "    Good") each
start a line of their own. What a line was (its bullet, a heading) is kept beside the text
as its marker, for the block layer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from lacompare.readers.chars import clean_chars

# Readers mark structure the text itself does not show with these (private-use) characters at
# the start of a raw line; the normaliser removes them and keeps them as line markers.
HEADING_HINT = "\ue000"
ITEM_HINT = "\ue001"
HEADING_MARKER = "#"
ITEM_MARKER = "•"

EDGE_LINES = 4  # how many lines at the top and bottom of a page can be running heads/feet
# A running head is a title, a date, a URL or a page number: Chromium's print header of a CQC
# page (date, time and page title) is up to ~110 characters.
RUNNING_LINE_MAX = 120
SENTENCE_WORDS = 6  # a line of this many words ending in a full stop is a sentence
# A paragraph continued over a page break moves back whole when it is this short (so a
# sentence and the "This is higher than…" after it stay together); a longer one gives up
# only the broken sentence.
CARRY_WHOLE_PARAGRAPH = 600
# A "sentence" longer than this is no prose (a line with no full stop: a dump, a table run
# together, text whose full stops were lost); the sentence splitter skips it.
LONGEST_SENTENCE = 3_000
# The longest line a page keeps (real paragraphs stay under ~2,300 characters). A longer line is
# cut between sentences, and a sentence too long to be one into pieces still too long to be one,
# so that every reader's time stays linear in the text however long a line the file has, and a
# piece of a run with no full stop is never read as a sentence.
LONGEST_LINE = 8_000
_CUT_SLACK = 100  # how far from its cut point a piece may end, to end at a space
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"[ \t\r\v]+")
_BULLETS = "•▪●◦‣∙·\ue001"
_BULLET = re.compile(rf"^[{_BULLETS}]\s*")
_HINTS = re.compile(r"^\s*([\ue000\ue001])")
_TERMINAL = (".", "!", "?", ":", ";", "---")
_SENTENCE_LIKE = re.compile(r"[a-z)\]”’\"'][.!?]$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'’”)]*$")
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONGEST_SENTENCE + 1},}}")
_ANY_STOP = re.compile(r"[.!?][\"'’”)]*\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z“\"'(£0-9])")
# A list item whose bullet or number is in the text; "o  Life expectancy …" is Word's sub-bullet.
_LISTED = re.compile(r"^(?:[-*+]|\d{1,2}[.)]|o(?=\s+[A-Z\d£]))\s")
_CONTINUATION_WORDS = frozenset(
    "a an and as at by for from in into of on or than that the to was were which who with".split()
)


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def drop_running_lines(pages: Sequence[list[str]]) -> list[list[str]]:
    """Drop header/footer lines: near a page edge, short, and recurring on most pages.

    A candidate recurs (digits ignored) at the edge of more than half the pages (both of two),
    is at most ``RUNNING_LINE_MAX`` characters long, and is neither a sentence nor a figure: a
    statement that pages repeat ("46.41% of people …") is content, and so is anything that would
    leave no text at all.
    """
    if len(pages) < 2:
        return [list(p) for p in pages]
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_edge_key(ln) for ln in _edge_lines(lines) if _may_run(ln)})
    threshold = len(pages) // 2 + 1
    running = {key for key, n in counts.items() if n >= threshold}
    if not running:
        return [list(p) for p in pages]
    out = []
    for lines in pages:
        n = len(lines)
        edge_index = set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n))
        out.append([ln for i, ln in enumerate(lines) if not (i in edge_index and _edge_key(ln) in running)])
    if not any(ln.strip() for lines in out for ln in lines):
        return [list(p) for p in pages]
    return out


def _may_run(line: str) -> bool:
    """Whether a line can be a running head or foot: short, no figure, not a sentence."""
    text = line.strip()
    if not text or len(text) > RUNNING_LINE_MAX or "%" in text or "£" in text:
        return False
    return not (_SENTENCE_LIKE.search(text) and len(text.split()) >= SENTENCE_WORDS)


def _edge_lines(lines: list[str]) -> list[str]:
    if len(lines) <= 2 * EDGE_LINES:
        return lines
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def typical_width(pages: Sequence[list[str]]) -> int:
    """The length of a full line of body text (a high percentile of line lengths)."""
    lengths = sorted(len(ln.strip()) for lines in pages for ln in lines if len(ln.strip()) > 20)
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def _joins(prev: str, prev_line: str, nxt_raw: str, width: int, *, in_item: bool = False) -> bool:
    """Does raw line ``nxt_raw`` continue paragraph ``prev``, whose last line was ``prev_line``?

    ``in_item``: ``prev`` is a list item, so an indented line that starts a new phrase under it
    is the item's value ("• Assessing needs" / "    Score: 3"), not its continuation.
    """
    nxt = nxt_raw.strip()
    if not prev or not nxt:
        return False
    if prev.endswith("-") and prev[-2:-1].isalnum():
        return True  # a word broken at its hyphen ("self-" / "assessment"); a lone "-" is a cell
    if _LISTED.match(nxt):
        return False  # "1. Assessing people’s needs – 2", "- Safeguarding - 3": an item of its own
    indented = nxt_raw[:1] in (" ", "\t")
    if indented and in_item and (nxt[0].isupper() or nxt[0].isdigit()) and not _open_ended(prev):
        return False
    if indented or nxt[0].islower() or nxt[0] in ",.;:)%":
        return True
    if nxt[0] in "\"”’'" and (len(nxt) == 1 or not nxt[1].isalnum()):
        return True  # a closing quote mark carried onto the next line
    if nxt.startswith(("---", "•")) or prev.endswith(("---", ":", ";")):
        return False
    full = bool(width) and len(prev_line) >= 0.8 * width
    if prev.endswith((".", "!", "?")):
        # A paragraph's last line is rarely full; a full line ending a sentence usually goes on.
        return full and len(prev_line) >= 0.92 * width and len(nxt) >= 0.6 * width
    if prev.split()[-1].lower() in _CONTINUATION_WORDS or prev.endswith(","):
        return True
    return full


def _open_ended(text: str) -> bool:
    return text.endswith((",", "-", "–", "(")) or text.split()[-1].lower() in _CONTINUATION_WORDS


def _glue(prev: str, nxt: str) -> str:
    if prev.endswith("-") and prev[-2:-1].isalnum() and nxt[:1].isalnum():
        return prev + nxt  # broken at its own hyphen: self-/assessment, 2023-/2024
    if nxt[:1] in '"”’' and not nxt[1:2].isalnum():
        return prev + nxt  # a closing quote mark wrapped onto its own line
    return f"{prev} {nxt}"


def _clean_line(raw: str) -> str:
    """The line's spaces collapsed, its ends stripped and its bullet dropped. Called on every line of
    every page: each pattern runs only when a quick test shows it has something to change."""
    text = raw.replace(HEADING_HINT, "")
    if "  " in text or "\t" in text or "\r" in text or "\v" in text:
        text = _SPACE.sub(" ", text)
    text = text.strip()
    return _BULLET.sub("", text) if text[:1] in _BULLETS else text


def _marker(raw: str) -> str | None:
    """What a raw line says it is: a list item (its bullet) or a heading a reader marked."""
    hint = _HINTS.match(raw)
    if hint:
        return HEADING_MARKER if hint.group(1) == HEADING_HINT else ITEM_MARKER
    stripped = raw.lstrip()
    return stripped[0] if _BULLET.match(stripped) else None


@dataclass(frozen=True, slots=True)
class NormalisedPage:
    """A page's normalised text and, per line, its marker (a bullet, ``#`` for a heading, or None)
    and the raw line it was (its spacing kept: a table's column gaps) when it is one raw line."""

    text: str
    markers: tuple[str | None, ...]
    raw_lines: tuple[str | None, ...] = ()
    # Where the text copied from the next page starts (None: nothing was copied).
    copied_at: int | None = None


def paragraphs(lines: Sequence[str], width: int) -> list[str]:
    """Rejoin wrapped lines into paragraph lines, whitespace collapsed."""
    return [line for line, _ in marked_paragraphs(lines, width)]


def marked_paragraphs(lines: Sequence[str], width: int) -> list[tuple[str, str | None]]:
    """Paragraph lines with their markers; a marked line always starts a paragraph of its own."""
    out: list[tuple[str, str | None]] = []
    prev_line = ""
    for raw in lines:
        line = _clean_line(raw)
        if not line:
            continue
        marker = _marker(raw)
        if out and marker is None and out[-1][1] != HEADING_MARKER:
            prev, prev_marker = out[-1]
            in_item = prev_marker not in (None, HEADING_MARKER) or _LISTED.match(prev) is not None
            if _joins(prev, prev_line, raw, width, in_item=in_item):
                out[-1] = (_glue(prev, line), prev_marker)
                prev_line = line
                continue
        out.append((line, marker))
        prev_line = line
    return out


def carry_across_pages(
    pages: list[list[tuple[str, str | None]]], raw_pages: Sequence[list[str]], width: int
) -> list[int | None]:
    """Copy the head of a paragraph that runs over a page break onto the end of its first page.

    The copy lets a sentence broken by the break, and a short paragraph's next sentence ("This
    is higher than…"), be read whole on the page where they start. The next page keeps every
    sentence that starts on it and gives up only the tail of the broken sentence: a statement
    stands on the page it is printed on. Returns, per page, where the copied text starts in its
    last line's page text (None when nothing was copied); a quote that starts there or later is
    the next page's.
    """
    copied_at: list[int | None] = [None] * len(pages)
    for i in range(len(pages) - 1):
        here, there = pages[i], pages[i + 1]
        last_raw = next((ln for ln in reversed(raw_pages[i]) if ln.strip()), "")
        first_raw = next((ln for ln in raw_pages[i + 1] if ln.strip()), "")
        if not here or not there or there[0][1] is not None:
            continue
        if not _joins(here[-1][0], _clean_line(last_raw), first_raw, width):
            continue
        head = there[0][0]
        end = _SENTENCE_END.search(head)
        copied = head[: end.end()].rstrip() if end and len(head) > CARRY_WHOLE_PARAGRAPH else head
        # The broken sentence's tail: none when the first page's paragraph ends a sentence.
        broken = "" if _ENDS_SENTENCE.search(here[-1][0]) else (head[: end.end()].rstrip() if end else head)
        glued = _glue(here[-1][0], copied)
        copied_at[i] = sum(len(line) + 1 for line, _ in here[:-1]) + len(glued) - len(copied)
        here[-1] = (glued, here[-1][1])
        rest = head[len(broken) :].lstrip()
        if rest:
            there[0] = (rest, None)
        else:
            there.pop(0)
    return copied_at


def normalise_pages(raw_pages: Sequence[str], *, wrapped: bool = True) -> list[str]:
    """Normalise raw page texts (one string per page) into paragraph-per-line page texts."""
    return [page.text for page in normalise(raw_pages, wrapped=wrapped)]


def normalise(raw_pages: Sequence[str], *, wrapped: bool = True) -> list[NormalisedPage]:
    """Normalise raw page texts into paragraph-per-line texts, each line with its marker.

    ``wrapped`` says lines were broken by a layout (PDF), so a long line without final
    punctuation continues on the next; for plain text only explicit cues join lines.
    """
    split = [clean_chars(p).replace("\r\n", "\n").replace("\r", "\n").split("\n") for p in raw_pages]
    split = drop_running_lines(split)
    width = typical_width(split) if wrapped else 0
    pages = [_bounded(marked_paragraphs(lines, width)) for lines in split]
    copied_at = carry_across_pages(pages, split, width)
    return [
        NormalisedPage("\n".join(line for line, _ in p), tuple(m for _, m in p), _raw_lines(p, lines), at)
        for p, lines, at in zip(pages, split, copied_at, strict=True)
    ]


def _bounded(lines: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The lines, each over ``LONGEST_LINE`` characters cut into lines of at most that length."""
    if all(len(line) <= LONGEST_LINE for line, _ in lines):
        return lines
    out: list[tuple[str, str | None]] = []
    for line, marker in lines:
        for n, piece in enumerate(cut_long_line(line)):
            out.append((piece, marker if n == 0 else None))
    return out


def cut_long_line(line: str) -> list[str]:
    """``line`` as lines of at most ``LONGEST_LINE`` characters, cut between sentences. A sentence
    over that length is cut where a full stop is followed by a small letter ("… in Barnet. yyyy…"),
    then around any run of characters with no space too long to be a sentence, and what is still
    too long at spaces, into pieces each over ``LONGEST_SENTENCE`` characters (no sentence). Each
    level is one pass over its text: linear in the line's length."""
    by_stops = partial(_packed, cut=_around_runs, longest=LONGEST_LINE)
    # Whole sentences fill lines no longer than a sentence may be: a real paragraph's length.
    return _packed(_spans(line, _SENTENCE_END), lambda long: by_stops(_spans(long, _ANY_STOP)), LONGEST_SENTENCE)


def _around_runs(text: str) -> list[str]:
    """``text`` with each run of over ``LONGEST_SENTENCE`` non-space characters a line of its own,
    every line over ``LONGEST_LINE`` cut into even pieces."""
    parts, start = [], 0
    for m in _LONG_RUN.finditer(text):
        parts += [text[start : m.start()].strip(), m.group()]
        start = m.end()
    parts.append(text[start:].strip())
    return [piece for part in parts if part for piece in (_even_pieces(part) if len(part) > LONGEST_LINE else [part])]


def _packed(parts: list[str], cut: Callable[[str], list[str]], longest: int) -> list[str]:
    """Consecutive parts joined into lines of at most ``longest``; a part over ``LONGEST_LINE`` cut
    by ``cut``, one between the two a line of its own."""
    out: list[str] = []
    current = ""
    for part in parts:
        if len(part) > LONGEST_LINE:
            out.extend(p for p in (current, *cut(part)) if p)
            current = ""
        elif current and len(current) + 1 + len(part) > longest:
            out.append(current)
            current = part
        else:
            current = f"{current} {part}" if current else part
    return [*out, current] if current else out


def _spans(line: str, end: re.Pattern[str]) -> list[str]:
    spans, start = [], 0
    for m in end.finditer(line):
        spans.append(line[start : m.start() + len(m.group().rstrip())])
        start = m.end()
    return [*spans, line[start:].rstrip()]


def _even_pieces(text: str) -> list[str]:
    """``text`` (over ``LONGEST_LINE``) in k pieces of near-equal length n / k, k = ceil(n /
    (LONGEST_LINE - 2 * slack)), each cut at a space within ``_CUT_SLACK`` of its cut point (where
    it stands when there is none): every piece is then over ``LONGEST_SENTENCE`` and at most
    ``LONGEST_LINE`` characters long."""
    count = -(-len(text) // (LONGEST_LINE - 2 * _CUT_SLACK))
    size = len(text) / count
    pieces, start = [], 0
    for n in range(1, count):
        target = round(n * size)
        space = text.rfind(" ", target - _CUT_SLACK, target + _CUT_SLACK)
        cut = space if space > start else target
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _raw_lines(paragraphs: Sequence[tuple[str, str | None]], raw: Sequence[str]) -> tuple[str | None, ...]:
    """Per normalised line, the raw line it is when it was not joined with another."""
    by_text: dict[str, str] = {}
    for line in raw:
        by_text.setdefault(_clean_line(line), line.rstrip("\r"))
    return tuple(by_text.get(line) for line, _ in paragraphs)
