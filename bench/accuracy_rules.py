"""How extracted records are matched against gold: the rules of the accuracy benchmark (stdlib only).

A record is one row of ``lacompare extract --format jsonl`` (a dict with ``fact``, ``metric_id``,
``metric``, ``value``, ``unit``, ``comparator_value``, ``relation``, ``quote`` …).

* **Fact kind**: the ``fact`` field (or ``kind``, ``fact_kind``, ``type``, whichever names a fact
  kind; a plural such as ``scores`` counts), else the ``metric_id`` prefix (``qs.``, ``wait.``,
  ``cmp.`` …), else ``comparison`` when the record has a numeric ``comparator_value``.
* **Quality statement** of a score: the first keyword found in ``metric_id``, else in ``metric``
  (``healthier``, ``equity``, ``provision``, ``partnership``, ``pathway``, ``safeguarding``,
  ``governance``, ``learning``, and ``needs`` last because it is the least specific word).
* **Numbers** are equal when they differ by at most 1e-6 relative (absolute below 1).
* **A quote holds a number** when the number is among the quote's numbers read leniently:
  6.4 ~ "6.40", 2135 ~ "2,135", 1500000 ~ "1.5 million", 496000000 ~ "£496m", 196000 ~ "196.000"
  (a dot as thousands mark), and 0 ~ "no waiting list" (zero in words).
"""

from __future__ import annotations

import json
import re

QS_IDS = (
    "assessing_needs",
    "supporting_healthier_lives",
    "equity_in_experience_and_outcomes",
    "care_provision_integration_continuity",
    "partnerships_and_communities",
    "safe_pathways_systems_transitions",
    "safeguarding",
    "governance_management_sustainability",
    "learning_improvement_innovation",
)
QS_SHORT = dict(
    zip(
        QS_IDS,
        (
            "needs",
            "healthier",
            "equity",
            "provision",
            "partnerships",
            "pathways",
            "safeguarding",
            "governance",
            "learning",
        ),
        strict=True,
    )
)
# keyword -> statement, tried in this order; "needs" is the least specific word, so it comes last
QS_KEYWORDS = (
    ("healthier", "supporting_healthier_lives"),
    ("equity", "equity_in_experience_and_outcomes"),
    ("provision", "care_provision_integration_continuity"),
    ("partnership", "partnerships_and_communities"),
    ("pathway", "safe_pathways_systems_transitions"),
    ("safeguarding", "safeguarding"),
    ("governance", "governance_management_sustainability"),
    ("learning", "learning_improvement_innovation"),
    ("needs", "assessing_needs"),
)
FACT_KINDS = ("rating", "score", "comparison", "wait", "finance", "indicator")
KIND_OF_PREFIX = {
    "qs": "score",
    "score": "score",
    "rating": "rating",
    "wait": "wait",
    "finance": "finance",
    "indicator": "indicator",
    "comparison": "comparison",
    "cmp": "comparison",
}
RELATION_SYNONYMS = {
    "comparable": "similar",
    "in line": "similar",
    "same": "similar",
    "above": "higher",
    "below": "lower",
    "more": "higher",
    "less": "lower",
    "fewer": "lower",
}

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DIGIT_RUN = re.compile(r"\d[\d,]*\d")
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|bn|m|k)\b", re.I)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}
_ZERO_IN_WORDS = re.compile(r"\b(?:no|none|zero|nil|nobody)\b|n[’']t any\b|\bnot any\b", re.I)
# a finance unit that scales its value: "£000" (thousands), "£k", "£m", "£bn", "million" …
_UNIT_SCALE = {
    "000": 1e3,
    "000s": 1e3,
    "k": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}


# --------------------------------------------------------------------------- numbers
def to_num(x: object) -> float | None:
    """A field as a number: 46.41, "46.41", "2,135", "£553,918,000", "23%" -> float; else None."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, int | float):
        return float(x)
    s = str(x).strip().replace(",", "").replace("£", "").replace("%", "").replace("\u2212", "-").strip()
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def numbers_of(x: object) -> list[float]:
    """Every number a field holds, as absolute values: 46.41 -> [46.41]; "478/725" -> [478, 725]."""
    n = to_num(x)
    if n is not None:
        return [abs(n)]
    if x is None or isinstance(x, bool):
        return []
    return [float(t.replace(",", "")) for t in _NUMBER.findall(str(x))]


def quote_numbers(quote: str) -> list[float]:
    """The numbers a quote holds, read leniently (a number may appear under several readings):
    "2,135" -> 2135; "1.5 million", "£496m" -> scaled; "196.000" -> 196000; "382,390,0000" -> its digits."""
    q = quote or ""
    nums = [float(t.replace(",", "")) for t in _NUMBER.findall(q)]
    nums += [float(t.replace(",", "")) for t in _DIGIT_RUN.findall(q)]
    nums += [float(t.replace(".", "")) for t in _DOT_THOUSANDS.findall(q)]
    nums += [float(n) * _SCALE[w.lower()] for n, w in _SCALED.findall(q.replace(",", ""))]
    return nums


def close(a: float | None, b: float | None) -> bool:
    """Equal to 1e-6, relative for numbers above 1; None equals nothing."""
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def among(n: float, nums: list[float]) -> bool:
    return any(close(n, m) for m in nums)


def grounded(rec: dict) -> bool:
    """The record has a quote, and the quote holds each number of ``value`` and ``comparator_value``
    (read leniently, see quote_numbers; a 0 may be stated in words: "no waiting list")."""
    quote = str(rec.get("quote") or "")
    if not quote.strip():
        return False
    held = quote_numbers(quote)
    need = numbers_of(rec.get("value")) + numbers_of(rec.get("comparator_value"))
    return all(among(n, held) or (n == 0 and _ZERO_IN_WORDS.search(quote)) for n in need)


def finance_readings(rec: dict) -> list[float]:
    """The amounts a predicted finance value may stand for, as absolute values: the number itself,
    the value read as a quote is ("£212.8m" -> 212800000), and the number scaled by its unit
    ("£000" -> x 1,000; "£m" or "million" -> x 1,000,000; "£bn" -> x 1,000,000,000)."""
    value = rec.get("value")
    if value is None:
        return []
    plain = numbers_of(value)
    readings = plain + [abs(n) for n in quote_numbers(str(value))]
    unit = str(rec.get("unit") or "").lower().replace("£", "").replace("gbp", "").strip()
    scale = _UNIT_SCALE.get(unit)
    if scale:
        readings += [n * scale for n in plain]
    return readings


# --------------------------------------------------------------------------- records
def parse_records(text: str) -> tuple[list[dict], int]:
    """JSONL (or one JSON list) -> (records, number of lines that were not JSON objects)."""
    s = (text or "").strip()
    if s.startswith("["):
        try:
            data = json.loads(s)
            return [r for r in data if isinstance(r, dict)], 0
        except ValueError:
            pass
    recs: list[dict] = []
    bad = 0
    for line in s.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            r = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if isinstance(r, dict):
            recs.append(r)
        elif isinstance(r, list):
            recs.extend(x for x in r if isinstance(x, dict))
        else:
            bad += 1
    return recs, bad


def fact_kind(rec: dict) -> str:
    """rating / score / comparison / wait / finance / indicator, or "other" (see the module docstring)."""
    for key in ("fact", "kind", "fact_kind", "type"):
        v = str(rec.get(key) or "").strip().lower()
        if v.endswith("s") and v[:-1] in FACT_KINDS:
            v = v[:-1]
        if v in FACT_KINDS:
            return v
    mid = str(rec.get("metric_id") or "").strip().lower()
    head = re.split(r"[.:/]", mid, maxsplit=1)[0] if mid else ""
    if head in KIND_OF_PREFIX:
        return KIND_OF_PREFIX[head]
    if to_num(rec.get("comparator_value")) is not None:
        return "comparison"
    return "other"


def of_kind(recs: list[dict], kind: str) -> list[dict]:
    return [r for r in recs if fact_kind(r) == kind]


def qs_from_text(text: str) -> str | None:
    """The quality statement a piece of text names, by the first keyword of QS_KEYWORDS it holds."""
    t = (text or "").lower()
    return next((qid for word, qid in QS_KEYWORDS if word in t), None)


def qs_of(rec: dict) -> str | None:
    """The quality statement of a score record: by keyword in metric_id, else in metric."""
    return qs_from_text(str(rec.get("metric_id") or "")) or qs_from_text(str(rec.get("metric") or ""))


def score_map(recs: list[dict]) -> dict[str, set[float]]:
    """Quality statement -> the set of scores the records give it."""
    out: dict[str, set[float]] = {}
    for r in of_kind(recs, "score"):
        q, v = qs_of(r), to_num(r.get("value"))
        if q and v is not None:
            out.setdefault(q, set()).add(v)
    return out


def rating_words(recs: list[dict]) -> set[str]:
    """The overall rating words of the rating records (lower case; score % records left out)."""
    out = set()
    for r in of_kind(recs, "rating"):
        mid = str(r.get("metric_id") or "").lower()
        if "pct" in mid or "percent" in mid or to_num(r.get("value")) is not None:
            continue
        word = " ".join(str(r.get("value") or "").lower().split())
        if word:
            out.add(word)
    return out


def relation_key(rel: object) -> str | None:
    """higher / lower / similar / None: "comparable", "in line" and "same" count as similar, "above" as
    higher, "below", "fewer" and "less" as lower; other words (better, worse) are kept as they are."""
    r = str(rel or "").strip().lower()
    if not r or r in ("none", "null"):
        return None
    return RELATION_SYNONYMS.get(r, r)
