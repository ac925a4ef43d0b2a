"""RAG summary counts of a performance report's dashboard ("Green 63% (15)") as statistics.

Only clearly labelled rows count: a line of RAG labels directly above a line of "N% (N)" values,
one value per label, or one per RAG rating when the direction-of-travel labels have none. A row
of values that borrows the labels of the row above ("Key Actions 56% (9) …") is flagged.
"""

from __future__ import annotations

import regex

from lacompare import compiled
from lacompare.extractors.prose.rag_counts import slug
from lacompare.model import Fact, Statistic
from lacompare.parsers.text.tablequote import report_period
from lacompare.readers.base import Document
from lacompare.vocab.patterns import parse_number

_SCALE = ("Green Amber", "Red Amber", "Medium Low", "Medium High", "Green", "Amber", "Red", "Low", "High")
_DIRECTION = ("Improved/Same", "Reduced/Same", "Worsened", "Increased")
_LABEL = compiled.pattern(r"\b(?:" + "|".join(regex.escape(x) for x in _DIRECTION + _SCALE) + r")(?![\w/])")
_LABEL_LINE = compiled.pattern(rf"^(?P<title>[A-Z][a-z]+ )??(?P<labels>(?:{_LABEL.pattern}\s*)+)$")
_VALUE = compiled.pattern(r"(?P<pct>\d+(?:\.\d+)?)%\s*\((?P<count>\d+)\)")
_VALUE_LINE = compiled.pattern(rf"^(?P<title>[A-Z][A-Za-z ]+? )?(?P<values>(?:{_VALUE.pattern}\s*)+)$")


def parse(doc: Document) -> list[Fact]:
    period = report_period(doc)
    facts: list[Fact] = []
    for page in doc.pages:
        if not _VALUE.search(page.text):
            continue  # no "63% (15)" on the page: one scan passes over it
        lines = page.text.split("\n")
        offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
        scale: list[str] = []
        group = ""
        for i, line in enumerate(lines):
            values = _VALUE_LINE.match(line.strip())
            if not values or i == 0:
                continue
            above = _LABEL_LINE.match(lines[i - 1].strip())
            pairs = list(_VALUE.finditer(values.group("values")))
            if above:
                labels = _LABEL.findall(above.group("labels"))
                scale = [x for x in labels if x in _SCALE]
                group = (above.group("title") or (lines[i - 2].strip() if i >= 2 else "")).strip()
                chosen = labels if len(labels) == len(pairs) else scale if len(scale) == len(pairs) else []
                start, flag = offsets[i - 1], None
            elif values.group("title") and len(scale) == len(pairs):
                chosen, group = scale, values.group("title").strip()
                start, flag = offsets[i], "labels taken from the row above"
            else:
                continue
            quote = page.text[start : offsets[i] + len(line)]
            for label, m in zip(chosen, pairs, strict=False):
                facts.extend(_tally(page.number, quote, flag, group, label, m, period))
    return facts


def _tally(
    page: int, quote: str, flag: str | None, group: str, label: str, m: regex.Match[str], period: str | None
) -> list[Fact]:
    key = f"rag.{slug(group or 'summary')}.{slug(label)}"
    name = f"{group or 'RAG'}: {label}"
    return [
        Statistic(
            page,
            quote,
            flag=flag,
            metric_id=f"{key}.pct",
            metric=f"{name} (% of rated)",
            value=parse_number(m.group("pct")),
            unit="%",
            year=period,
        ),
        Statistic(
            page,
            quote,
            flag=flag,
            metric_id=f"{key}.count",
            metric=f"{name} (count)",
            value=int(m.group("count")),
            unit="count",
            year=period,
        ),
    ]
