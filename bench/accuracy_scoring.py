"""Scoring for bench/accuracy.py: extracted records against a corpus's gold, measure by measure.

Each measure and its matching rule is described in bench/accuracy.py's docstring; the rules for
reading numbers and facts leniently are in accuracy_rules.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accuracy_rules import (
    QS_IDS,
    QS_SHORT,
    close,
    finance_readings,
    grounded,
    numbers_of,
    of_kind,
    qs_from_text,
    rating_words,
    relation_key,
    score_map,
    to_num,
)

Records = dict[str, list[dict]]


@dataclass
class Corpus:
    """The documents of one set: stems, their gold (where there is some), their text, the files to read."""

    stems: list[str]
    gold: dict[str, dict]
    texts: dict[str, str]
    inputs: dict[str, Path]
    score_rows: list[dict] = field(default_factory=list)  # scores.csv, for files without gold

    def subset(self, stems: Iterable[str]) -> Corpus:
        keep = set(stems)
        return Corpus(
            [s for s in self.stems if s in keep],
            {s: g for s, g in self.gold.items() if s in keep},
            {s: t for s, t in self.texts.items() if s in keep},
            {s: p for s, p in self.inputs.items() if s in keep},
            self.score_rows,
        )


GOALS = {"QS": 1.00, "rating": 1.00, "cmp R": 0.98, "cmp P": 0.99, "waits R": 0.95, "grounded": 1.00}
WAIT_FIELDS = ("people", "median_days", "max_days", "average_days")
# key -> the name printed in the table, in table order
MEASURES = {
    "QS": "QS scores",
    "rating": "overall rating",
    "cmp R": "comparisons recall",
    "cmp P": "comparisons precision",
    "waits R": "waits recall",
    "grounded": "grounded quotes",
    "score %": "(info) overall score %",
    "wait P": "(info) wait precision",
    "verbatim": "(info) quote verbatim",
    "relation": "(info) relation agrees",
    "aligned": "(info) measures aligned",
    "ind R": "indicator rows recall",
    "fin R": "(info) finance recall",
}
RECALLS = ("cmp R", "waits R")  # a recall with nothing to find is 1
PRECISION_OF = {"cmp P": "cmp R", "wait P": "waits R"}
# the miss lines that explain each measure (by their first word)
MISS_TAGS = {
    "QS": ("QS", "QS+"),
    "rating": ("RATE", "RATE+"),
    "score %": ("PCT",),
    "cmp R": ("CMP-",),
    "cmp P": ("CMP+",),
    "relation": ("REL",),
    "waits R": ("WAIT-",),
    "grounded": ("QUOTE",),
    "aligned": ("ALIGN",),
    "ind R": ("IND-",),
    "fin R": ("FIN-",),
}


# --------------------------------------------------------------------------- scoring
def match_count(gold: list, pred: list, same: Callable[[object, object], bool]) -> tuple[int, list, list]:
    """Greedy multiset match, gold in order: (matched, unmatched gold, unmatched predictions)."""
    used = [False] * len(pred)
    miss = []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                break
        else:
            miss.append(g)
    return len(gold) - len(miss), miss, [p for i, p in enumerate(pred) if not used[i]]


def numeric_comparisons(g: dict) -> list[dict]:
    """Gold comparisons stating both numbers: the only ones lacompare's contract covers."""
    return [
        c
        for c in g.get("comparisons") or []
        if to_num(c.get("value")) is not None and to_num(c.get("comparator_value")) is not None
    ]


def floor2(v: float) -> float:
    """Two decimals, rounded down, so a share just short of a goal never prints as the goal."""
    return math.floor(v * 100 + 1e-9) / 100


def fmt(x: object) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


@dataclass
class Scored:
    """Hits and totals per measure for one set, with every miss."""

    tally: dict[str, list[int]]
    spurious: dict[str, int]
    misses: list[str]  # misses of the scored measures
    info_misses: list[str]  # misses of the (info) measures lacking their own list above: score %, aligned, fin R
    notes: list[str]
    files: int
    gold_files: int

    def ratio(self, key: str) -> float:
        """hit / total; with nothing counted, see the module docstring."""
        hit, total = self.tally[key]
        if total:
            return hit / total
        recall = PRECISION_OF.get(key)
        if recall:
            return 0.0 if self.tally[recall][1] else 1.0
        return 1.0 if key in RECALLS else 0.0

    def counted(self, key: str) -> bool:
        return bool(self.tally[key][1]) or key in RECALLS

    def ok(self) -> bool:
        """Every goal holds (a goal whose measure counts nothing here neither holds nor fails)."""
        return all(self.ratio(k) >= goal - 1e-9 for k, goal in GOALS.items() if self.counted(k))

    def measures(self) -> dict[str, dict]:
        """key -> hit, of, score (as printed: rounded down to 2 decimals), ratio, goal, ok."""
        out = {}
        for k, name in MEASURES.items():
            goal = GOALS.get(k) if self.counted(k) else None
            v = self.ratio(k)
            ok = None if goal is None else v >= goal - 1e-9
            hit, total = self.tally[k]
            out[k] = {"name": name, "hit": hit, "of": total, "score": floor2(v), "ratio": v, "goal": goal, "ok": ok}
        return out

    def misses_of(self, key: str) -> list[str]:
        tags = MISS_TAGS.get(key, ())
        return [m for m in self.misses + self.info_misses if m.split(" ", 1)[0] in tags]


def score(corpus: Corpus, preds: Records) -> Scored:
    """Score the predicted records (by stem) against the corpus gold; see the module docstring."""
    t = {k: [0, 0] for k in MEASURES}
    spurious = {"qs": 0, "rating": 0, "ungold_cmp": 0, "csv_files": 0}
    misses: list[str] = []
    info: list[str] = []
    notes: list[str] = []
    for s in corpus.stems:
        g, recs = corpus.gold.get(s), preds.get(s, [])
        # quality-statement scores
        if g is not None:
            want_qs = g.get("scores") or {}
        else:
            want_qs = scores_from_csv(corpus.texts[s], corpus.score_rows, notes, s)
            spurious["csv_files"] += bool(want_qs)
        got = score_map(recs)
        if want_qs is not None:
            for q, n in want_qs.items():
                t["QS"][1] += 1
                if got.get(q) == {float(n)}:
                    t["QS"][0] += 1
                else:
                    gave = "/".join(fmt(v) for v in sorted(got.get(q, []))) or "-"
                    misses.append(f"QS    {s}: {QS_SHORT.get(q, q)} want {n} got {gave}")
            for q in got:
                if q not in want_qs:
                    t["QS"][1] += 1
                    spurious["qs"] += 1
                    gave = "/".join(fmt(v) for v in sorted(got[q]))
                    misses.append(f"QS+   {s}: {QS_SHORT.get(q, q)}={gave} not in gold")
        if g is not None:
            _score_gold_file(s, g, recs, t, spurious, misses, info)
        else:
            spurious["ungold_cmp"] += len(of_kind(recs, "comparison"))
        # grounding, and (info) verbatim quotes
        flat = " ".join(corpus.texts[s].split())
        for r in recs:
            t["grounded"][1] += 1
            if grounded(r):
                t["grounded"][0] += 1
            else:
                misses.append(
                    f"QUOTE {s}: {r.get('metric_id')}={r.get('value')} vs {r.get('comparator_value')} "
                    f"quote {str(r.get('quote'))[:70]!r}"
                )
            quote = str(r.get("quote") or "")
            t["verbatim"][1] += 1
            t["verbatim"][0] += bool(quote.strip()) and " ".join(quote.split()) in flat
    hit, total, align_misses = alignment(corpus.gold, preds)
    t["aligned"] = [hit, total]
    info += align_misses
    return Scored(t, spurious, misses, info, notes, len(corpus.stems), len(corpus.gold))


def _score_gold_file(
    s: str, g: dict, recs: list[dict], t: dict[str, list[int]], spurious: dict, misses: list[str], info: list[str]
) -> None:
    # overall rating (word) and (info) score %
    want, words = (g.get("rating") or "").strip().lower(), rating_words(recs)
    if want:
        t["rating"][1] += 1
        if words == {want}:
            t["rating"][0] += 1
        else:
            misses.append(f"RATE  {s}: want {want} got {'/'.join(sorted(words)) or '-'}")
    elif words:
        t["rating"][1] += 1
        spurious["rating"] += 1
        misses.append(f"RATE+ {s}: {'/'.join(sorted(words))} not in gold")
    pct = to_num(g.get("score_pct"))
    got_pct = {to_num(r.get("value")) for r in of_kind(recs, "rating") if to_num(r.get("value")) is not None}
    if pct is not None:
        t["score %"][1] += 1
        if got_pct == {pct}:
            t["score %"][0] += 1
        else:
            info.append(f"PCT   {s}: want {fmt(pct)} got {'/'.join(fmt(v) for v in sorted(got_pct)) or '-'}")
    # comparisons: (value, comparator_value) pairs
    comparisons = of_kind(recs, "comparison")
    gold_pairs = [(to_num(c.get("value")), to_num(c.get("comparator_value"))) for c in numeric_comparisons(g)]
    pred_pairs = [(to_num(r.get("value")), to_num(r.get("comparator_value"))) for r in comparisons]
    hit, gmiss, pextra = match_count(gold_pairs, pred_pairs, lambda a, b: close(a[0], b[0]) and close(a[1], b[1]))
    t["cmp R"][0] += hit
    t["cmp R"][1] += len(gold_pairs)
    t["cmp P"][0] += hit
    t["cmp P"][1] += len(pred_pairs)
    misses += [f"CMP-  {s}: gold {fmt(a)} vs {fmt(b)} not found" for a, b in gmiss]
    # (info) of the gold pairs found, those carrying the relation the gold states
    for c, (v, cv) in zip(numeric_comparisons(g), gold_pairs, strict=True):
        same_pair = [
            r for r in comparisons if close(v, to_num(r.get("value"))) and close(cv, to_num(r.get("comparator_value")))
        ]
        if same_pair:
            t["relation"][1] += 1
            want_rel = relation_key(c.get("relation"))
            if any(relation_key(r.get("relation")) == want_rel for r in same_pair):
                t["relation"][0] += 1
            else:
                gave = "/".join(sorted({str(relation_key(r.get("relation"))) for r in same_pair}))
                misses.append(f"REL   {s}: {fmt(v)} vs {fmt(cv)} want {want_rel} got {gave}")
    misses += [f"CMP+  {s}: predicted {fmt(a)} vs {fmt(b)} not in gold" for a, b in pextra]
    # waits: every gold figure among the predicted wait values
    gold_waits = [float(w[k]) for w in g.get("waits") or [] for k in WAIT_FIELDS if to_num(w.get(k)) is not None]
    pred_waits = [to_num(r.get("value")) for r in of_kind(recs, "wait")]
    hit, wmiss, _ = match_count(gold_waits, pred_waits, close)
    t["waits R"][0] += hit
    t["waits R"][1] += len(gold_waits)
    t["wait P"][0] += hit
    t["wait P"][1] += len(pred_waits)
    misses += [f"WAIT- {s}: gold {fmt(v)} not among predicted wait values" for v in wmiss]
    # indicator rows: the row's result among the predicted indicator values
    results = [to_num(i.get("result")) for i in g.get("indicators") or [] if to_num(i.get("result")) is not None]
    hit, imiss, _ = match_count(results, [to_num(r.get("value")) for r in of_kind(recs, "indicator")], close)
    t["ind R"][0] += hit
    t["ind R"][1] += len(results)
    misses += [f"IND-  {s}: gold result {fmt(v)} not among predicted indicator values" for v in imiss]
    # (info) finance: every gold value among the predicted finance values, read leniently
    gold_fin = [f for f in g.get("finance") or [] if to_num(f.get("value")) is not None]
    readings = [finance_readings(r) for r in of_kind(recs, "finance")]
    hit, fmiss, _ = match_count(
        gold_fin, readings, lambda f, rs: any(close(n, x) for n in numbers_of(f.get("value")) for x in rs)
    )
    t["fin R"][0] += hit
    t["fin R"][1] += len(gold_fin)
    info += [f"FIN-  {s}: gold {f.get('field')} {f.get('value')} not among predicted finance values" for f in fmiss]


def alignment(gold: dict[str, dict], preds: Records) -> tuple[int, int, list[str]]:
    """(info) National measures quoted by two or more files (gold comparisons against one England or
    national value): of those whose facts were all found, how many carry a single metric_id."""
    groups: dict[float, list[tuple[str, float]]] = {}
    for stem, g in gold.items():
        for c in numeric_comparisons(g):
            if str(c.get("comparator") or "").lower() in ("england", "national"):
                bench = round(to_num(c["comparator_value"]) or 0.0, 6)
                groups.setdefault(bench, []).append((stem, to_num(c["value"]) or 0.0))
    hit = total = 0
    misses = []
    for bench, members in groups.items():
        if len({stem for stem, _ in members}) < 2:
            continue
        ids = []
        for stem, value in members:
            found = [
                r.get("metric_id")
                for r in of_kind(preds.get(stem, []), "comparison")
                if close(value, to_num(r.get("value"))) and close(bench, to_num(r.get("comparator_value")))
            ]
            ids.append(found[0] if found else None)
        if None in ids:
            continue
        total += 1
        if len(set(ids)) == 1:
            hit += 1
        else:
            stems = ", ".join(f"{stem}={mid}" for (stem, _), mid in zip(members, ids, strict=True))
            misses.append(f"ALIGN England {fmt(bench)}: metric_ids differ: {stems}")
    return hit, total, misses


# --------------------------------------------------------------------------- report
def summary_line(scored: Scored, label: str = "corpus") -> str:
    """``corpus: QS … rating … cmp R … P … waits R … grounded …`` (– for a measure that counts nothing)."""
    f = {k: f"{floor2(scored.ratio(k)):.2f}" if scored.tally[k][1] else "–" for k in GOALS}
    line = (
        f"{label}: QS {f['QS']} rating {f['rating']} cmp R {f['cmp R']} P {f['cmp P']} "
        f"waits R {f['waits R']} grounded {f['grounded']}"
    )
    if scored.tally["ind R"][1]:
        line += f" ind R {floor2(scored.ratio('ind R')):.2f}"
    if scored.tally["relation"][1]:
        line += f" rel {floor2(scored.ratio('relation')):.2f}"
    return line


def _shown(title: str, lines: list[str], show: int) -> list[str]:
    if not lines:
        return []
    head = f"{title} ({len(lines)}{'' if show >= len(lines) else f', first {show}'}):"
    return [head] + ["  " + m for m in lines[:show]]


def render(scored: Scored, how: str, label: str = "corpus", show: int = 40) -> str:
    """The table of measures, the spurious counts, notes, misses, and the summary line last."""
    out = [
        f"{label} on {scored.files} files ({scored.gold_files} with facts gold; predictions: {how})",
        f"{'measure':<24}{'hit':>6}{'of':>6}{'score':>8}{'goal':>7}  ok",
    ]
    for m in scored.measures().values():
        goal = "" if m["goal"] is None else f"{m['goal']:.2f}"
        ok = "" if m["ok"] is None else ("yes" if m["ok"] else "NO")
        out.append(f"{m['name']:<24}{m['hit']:>6}{m['of']:>6}{m['score']:>8.2f}{goal:>7}  {ok}")
    sp = scored.spurious
    out.append(
        f"spurious: {sp['qs']} QS scores and {sp['rating']} ratings the gold lacks (counted as wrong); "
        f"{sp['ungold_cmp']} comparisons in files without gold (not scored); {sp['csv_files']} files scored "
        "from scores.csv"
    )
    out += [f"note: {n}" for n in scored.notes]
    out += _shown("misses", scored.misses, show)
    out += _shown("(info) misses", scored.info_misses, show)
    out.append(summary_line(scored, label))
    return "\n".join(out)


def as_json(scored: Scored, how: str, label: str = "corpus") -> dict:
    return {
        "label": label,
        "files": scored.files,
        "gold_files": scored.gold_files,
        "predictions": how,
        "measures": scored.measures(),
        "spurious": scored.spurious,
        "notes": scored.notes,
        "misses": scored.misses,
        "info_misses": scored.info_misses,
        "ok": scored.ok(),
        "summary": summary_line(scored, label),
    }


# --------------------------------------------------------------------------- gold from scores.csv
def _name_key(name: str) -> str:
    n = name.lower().replace("&", " and ")
    n = re.sub(
        r"\b(london borough of|royal borough of|metropolitan|borough|county|city|district|council|of|the)\b", " ", n
    )
    return " ".join(re.sub(r"[^a-z ]", " ", n).split())


def scores_from_csv(text: str, rows: list[dict], notes: list[str], stem: str) -> dict[str, int] | None:
    """For a file without gold: the QS scores a page must show, from scores.csv, when its council (by the
    report slug in its URL, else by its title) and its statement(s) are identifiable and the page's own
    "Score: N" agrees; None when the file is not scored."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    url = lines[0][4:].strip() if lines and lines[0].startswith("URL:") else ""
    row = None
    for r in rows:
        slug = (r.get("report_slug") or "").strip()
        if slug and re.search(r"/" + re.escape(slug) + r"(?:$|[-/?#.])", url, re.I):
            row = r
            break
    if row is None:
        title = next((line for line in lines[:6] if line.lower().endswith("local authority assessment")), "")
        key = _name_key(title.rsplit(":", 1)[0]) if title else ""
        row = next((r for r in rows if key and _name_key(r["local_authority"]) == key), None)
    if row is None:
        return None
    cols = sorted((c for c in row if re.match(r"qs\d_", c)), key=lambda c: int(c[2 : c.index("_")]))
    table = {q: int(row[c]) for q, c in zip(QS_IDS, cols, strict=False) if (row[c] or "").strip().isdigit()}
    page_scores = [int(x) for x in re.findall(r"Score:\s*([1-4])\b", text)]
    if "quality statement scores" in text.lower() and len(page_scores) >= 9:
        return table
    heading = next(
        (
            qs_from_text(line)
            for line in lines[1:8]
            if len(line) < 70 and qs_from_text(line) and "local authority assessment" not in line.lower()
        ),
        None,
    )
    if heading and page_scores:
        if table.get(heading) == page_scores[0]:
            return {heading: page_scores[0]}
        notes.append(
            f"{stem}: scores.csv says {QS_SHORT[heading]}={table.get(heading)}, "
            f"the page says {page_scores[0]}; not scored"
        )
    return None
