"""What a document is: its kind, its council and when it was published."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import regex

from lacompare import compiled
from lacompare.kinds import (
    BUDGET_REPORT,
    CQC_ASSESSMENT,
    CQC_PRESS_RELEASE,
    DASHBOARD,
    NEWS,
    PERFORMANCE_REPORT,
    UNKNOWN,
    WAITING_TIMES,
    DocumentKind,
)
from lacompare.readers.base import Document

if TYPE_CHECKING:
    import re

    from lacompare.catalogue.authorities import Authority

_TITLE = compiled.pattern(r"^(?P<la>[^\n:]{3,90}?):\s*local authority assessment\b", regex.M | regex.I)
_ABOUT = compiled.pattern(
    r"^About (?P<la>(?:London Borough of |Royal Borough of |City of )?[A-Z][^\n]{2,80})$", regex.M
)
# A saved page's first line: where it came from (a reader may join the next line to it).
_URL_LINE = compiled.pattern(r"\s*URL:[^\S\n]*(?:[a-z]+://)?(?P<host>[^/\s?#]+)\S*", regex.I)
OPENING_LINES = 8
OPENING_CHARS = 3_000

_SP = r"[^\S\n]"  # a space within a line
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WRITTEN_DATE = (  # "23rd May 2025", "Friday 20 June 2025", "May 23, 2025", "23/05/2025", "2025-09-23"
    rf"(?:\w+day,?{_SP}+)?(?:\d{{1,2}}(?:st|nd|rd|th)?{_SP}+(?:{_MONTHS})\.?,?"
    rf"|(?:{_MONTHS})\.?{_SP}+\d{{1,2}}(?:st|nd|rd|th)?,?){_SP}+(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"
)
_DATE_PARTS = compiled.pattern(
    rf"(?P<day>\d{{1,2}})\D*?(?P<month>{_MONTHS})\W+(?P<year>\d{{4}})"
    rf"|(?P<month_first>{_MONTHS})\W+(?P<day_after>\d{{1,2}})\D*?(?P<year_after>\d{{4}})"
    r"|(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<iso>\d{4}-\d\d-\d\d)",  # day first, as in England
    regex.I,
)
_MONTH_NUMBERS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DATE_ALONE = compiled.pattern(_WRITTEN_DATE, regex.I)


def _labelled(label: str, where: str = rf"^{_SP}*") -> re.Pattern[str]:
    """``label`` opening a line (or standing ``where``), then a date on that line or one or two
    lines down."""
    return compiled.pattern(
        rf"{where}(?:{label}){_SP}*:?(?:{_SP}*\n){{0,2}}{_SP}*(?P<date>{_WRITTEN_DATE})", regex.I | regex.M
    )


# The labels of a publication date, the surest first; in a line that runs on, only a label
# with its colon ("… local authority assessment Published: 9 May 2025").
_PUBLISHED_LABELS = (
    _labelled("assessment published", where=r"\b"),
    _labelled(
        rf"(?:(?:date|first){_SP}+)?(?:published|posted|issued)(?:{_SP}+on)?"
        rf"|(?:publication|release){_SP}+date|date{_SP}+of{_SP}+(?:publication|issue)"
    ),
    _labelled("published(?=:)", where=r"(?<=\s)"),
    _labelled(rf"date(?={_SP}*:?{_SP}*\d{{4}}-)"),  # a news page's machine date ("date 2025-09-23")
)
_UPDATED = _labelled(rf"(?:page{_SP}+)?(?:last{_SP}+)?updated(?:{_SP}+on)?")
PUBLISHED_HEAD = 5_000
DATELINE_LINES = 3

_KIND_CUES: dict[DocumentKind, tuple[str, ...]] = {
    CQC_ASSESSMENT: (
        r"local authority assessment",
        r"Quality statement",
        r"Score:\s*[1-4]\b",
        r"Care Quality Commission|cqc\.org\.uk",
        r"What people expect",
        r"The local authority commitment",
        r"(?i)local authority rating and score|Overall rating for\b",
        r"\b[Tt]he local authority (?:had|has|was|were|worked)\b",
        r"\b[Ww]e (?:heard|were told|found)\b|\b(?:[Pp]eople|[Pp]artners|[Ss]taff) told us\b",
        r"How we assess local authorities|Assessment (?:published|start date):",
        r"(?m)^(?:Demographics|Financial facts|About [A-Z][^\n]{2,80})\s*$",
    ),
    PERFORMANCE_REPORT: (
        r"performance report|Delivery Unit",
        r"(?i)\bpolarity\b|\b(?:bigger|smaller|higher|lower|larger) (?:values? )?(?:is|are) (?:better|best)\b",
        r"Direction of Travel|\bDOT\b|\bDoT\b",
        r"\bRAG\b|Green Amber|Red Amber",
        r"\b[A-Z]{1,4}/[A-Z]{1,3}\d{1,3}\b",
        r"Revenue Budget|Capital Actual|Variation",
        r"(?i)\bperformance (?:report|monitor|indicators?|measures?|scorecard|outturn|framework|update)\b",
        r"\bKPIs?\b|(?i:key performance indicators?)",
        r"\bASCOF\b|Adult Social Care Outcomes Framework|\bBetter Care Fund\b",
        r"(?i)\b(?:on|off|against|above|below|within|achiev\w+|met|missed|exceed\w*)\s+(?:the\s+|its\s+|their\s+)?targets?\b",
        r"(?i)\bbenchmark(?:ing|ed)?\b|\bcomparator group\b|\bstatistical neighbours?\b|\bCIPFA\b",
        r"\bQ[1-4]\b|(?i:\bquarter (?:one|two|three|four|[1-4])\b)",
    ),
    BUDGET_REPORT: (
        r"(?i)\bbudget monitoring\b|\brevenue (?:and capital )?budget\b|\bbudget report\b",
        r"(?i)\b(?:forecast|projected)\b[^.]{0,40}\b(?:overspend|underspend|outturn|variance|pressure)",
        r"(?i)\b(?:overspend|underspend)s?\b",
        r"£\s?\d[\d,.]*\s?(?:m|bn|million|billion)\b",
        r"(?i)\bnet (?:revenue )?budget\b|\bbudget gap\b|\bsavings? (?:target|programme|plan)s?\b",
    ),
    DASHBOARD: (
        r"\bper (?:1,000|10,000|100,000)\b",
        r"(?m)^\s*-?£?\d[\d,.]*\s?%?\s*$",  # a value alone on its line, under its measure
        r"national average",
        r"dashboard|this page",
        r"Deprivation decile|Deprivation rank",
        r"people per square kilometre|population density",
        r"Sheet T\d+|Data Tables",
        r"(?i)\bJoint Strategic Needs Assessment\b|\bJSNA\b|\blocal account\b",
        r"(?i)\b(?:improved|worsened|declined) performance\b|\bstayed the same\b",
    ),
    WAITING_TIMES: (
        r"(?i)\bFreedom of Information\b|\bFOI\b|\binformation requests?\b",
        r"\bHealthwatch\b",
        r"(?i)\bwaiting (?:times?|lists?)\b",
        r"(?i)\b(?:median|average|mean|longest)\s+(?:waiting\s+)?(?:wait|time)s?\b",
    ),
}
_COMPILED_CUES = {kind: tuple(compiled.scanner(cue, regex.M) for cue in cues) for kind, cues in _KIND_CUES.items()}
# Pages about a CQC assessment that are not the report: CQC's own announcement, and the news
# and council pages that pass it on. Both need CQC named and a rating or score stated.
_ABOUT_CQC = compiled.pattern(r"Care Quality Commission|\bCQC\b")
_RATING_WORD = r"(?:outstanding|good|requires\s+improvement|inadequate)"
_STATES_RESULT = compiled.pattern(
    "|".join(
        (
            rf"(?i)\b(?:rat(?:ed|es|ing)|judged|deemed|graded|assessed)\b[^.]{{0,160}}\b{_RATING_WORD}\b",
            rf"\b(?:care|services?|provision)\s+(?:was|were|is|are)\s+[‘'\"“]{_RATING_WORD}\b",
            rf"\b{_RATING_WORD}\W{{0,2}}\s+ratings?\b",
            r"\bscore (?:out )?of (?:four|4)\b|\boverall (?:score|rating) of\b|\bout of 100\b",
            r"\b(?:services?|care|provision|to)\W{0,2}\s+\W?(?:requires?|required)\s+improvement\b",
            r"\btold\b[^.]{0,60}\bmust improve\b",
            r"\bscored\s+\d[\d.]*\s*(?:%|per\s?cent\b)|\bindicative\s+scores?\b",
            rf"\b{_RATING_WORD}\W{{0,4}}\d{{2}}\s*%|\bscores\b[^.]{{0,80}}\d{{2}}\s*%",
        )
    )
)
_PRESS_RELEASE_CUES = tuple(
    compiled.pattern(p)
    for p in (
        r"(?i)\bpress release\b|\bembargoed\b|Care Quality Commission News",
        r"\bThe Care Quality Commission \(CQC\),? has rated\b|^CQC rates\b",
        r"(?i)\bCQC[’']s (?:chief inspector|chief executive)\b|Chief Inspector of Adult Social Care",
        r"(?i)\bCQC (?:looked at|has given|has a new (?:duty|responsibility))\b",
    )
)
ASSESSMENT_CUES_NEEDED = 3
# A council's paper: its kind's cues, the first kind listed winning a tie.
COUNCIL_KINDS = (WAITING_TIMES, BUDGET_REPORT, PERFORMANCE_REPORT, DASHBOARD)
COUNCIL_CUES_SURE = 3
COUNCIL_CUES_NEEDED = 2
COUNCIL_HEAD = 60_000  # a council paper shows what it is well within its first pages
PRESS_RELEASE_HEAD = 6_000  # a press release says what it is in its first screen


def classify(doc: Document) -> DocumentKind:
    """What a document is, from the cues its text shows.

    A CQC report (or page of one) shows at least three of its cues. A council's own paper shows
    its kind's cues; it is taken before a page that merely mentions a CQC result when it shows
    three, after one when it shows two. A page about an assessment names CQC and states a result.
    """
    text = doc.text[:200_000]
    if _cues(CQC_ASSESSMENT, text) >= ASSESSMENT_CUES_NEEDED and not _is_press_release(text):
        return CQC_ASSESSMENT  # the commonest case, decided before the council papers' cues are read
    head = text[:COUNCIL_HEAD]
    council, council_cues = max(((k, _cues(k, head)) for k in COUNCIL_KINDS), key=lambda kv: kv[1])
    if council_cues >= COUNCIL_CUES_SURE:
        return council
    if _ABOUT_CQC.search(text) and _STATES_RESULT.search(text):
        return CQC_PRESS_RELEASE if _is_press_release(text) else NEWS
    return council if council_cues >= COUNCIL_CUES_NEEDED else UNKNOWN


def _cues(kind: DocumentKind, text: str) -> int:
    return sum(bool(cue.search(text)) for cue in _COMPILED_CUES[kind])


def _is_press_release(text: str) -> bool:
    """CQC's own announcement: it says so, or opens as CQC does ("The Care Quality Commission (CQC),
    has rated …"), and shows one more of its cues; a council page quoting it lacks the first."""
    head = text[:PRESS_RELEASE_HEAD]
    found = [bool(cue.search(head)) for cue in _PRESS_RELEASE_CUES]
    return any(found[:2]) and sum(found) >= 2


def local_authority(doc: Document) -> str | None:
    """The council a document is about, in this order of evidence: a CQC report's title ("X: local
    authority assessment", "About X"); its first line naming one council as councils are named
    ("CQC rates Kent County Council …"); the council whose own site the saved page's ``URL:`` line
    comes from; its opening lines naming one council so; the council it keeps mentioning. Names
    of several councils in the same place are no evidence: a round-up is nobody's."""
    from lacompare.catalogue.authorities import find, most_mentioned

    head, host = _without_url("\n".join(p.text for p in doc.pages[:3]))
    titled = _report_title(head)
    if titled and find(titled):
        return titled
    council = _named_or_hosted(head, host) or most_mentioned(doc.text[:300_000])
    return council.name if council else titled


def _report_title(head: str) -> str | None:
    for pattern in (_TITLE, _ABOUT):
        m = pattern.search(head)
        if m:
            return " ".join(m.group("la").split())
    return None


def _named_or_hosted(head: str, host: str | None) -> Authority | None:
    from lacompare.catalogue.authorities import named_in
    from lacompare.catalogue.sites import by_host

    lines = _opening(head)
    titled = _title_council(lines[0]) if lines else None
    return titled or (by_host(host) if host else None) or _first_subject(lines) or _only(named_in("\n".join(lines)))


def _title_council(title: str) -> Authority | None:
    """The one council a title names, as a council ("Kent County Council") or by its place alone
    ("Watchdog rates North East Lincolnshire adult social care")."""
    from lacompare.catalogue.authorities import mentioned_in, mentions, named_in
    from lacompare.parsers.cqc.rating_league import has_results

    headline = not title.rstrip().endswith((".", "!", "?"))  # a headline, not a sentence
    council = _only(named_in(title)) or (_only(mentioned_in(title)) if headline else None)
    if council is None or any(has_results(title, m.end) for m in mentions(title)):
        return None  # a league's first line ("• Kent County Council: 70%") is no title
    return council


# A name with a sentence after it ("… has been rated good"), not a league's line ("Kent County Council –
# Good (70%)", "… were Nottingham City Council 60%, Suffolk County Council 70% …").
_SENTENCE_WORD = compiled.pattern(r"\b[a-z]{2,}\b")


def _first_subject(lines: list[str]) -> Authority | None:
    """The council the opening is about: the first named as a council that is a subject ("Following
    Surrey County Council's rating, Kent County Council …" is Kent's); a list of councils sharing
    one verb (a round-up) is nobody's."""
    from lacompare.parsers.cqc.attribution import listed, subjects
    from lacompare.parsers.cqc.rating_league import has_results

    for line in lines:
        named = [
            m
            for m in subjects(line)
            if m.dressed and _SENTENCE_WORD.search(line, m.end) and not has_results(line, m.end)
        ]
        if named:
            return None if listed(line, named[0], named[1:2]) else named[0].authority
    return None


def _without_url(head: str) -> tuple[str, str | None]:
    """The text without a saved page's ``URL:`` line, and that URL's host."""
    m = _URL_LINE.match(head)
    return (head[m.end() :], m["host"]) if m else (head, None)


def _opening(head: str) -> list[str]:
    """The first lines a reader sees: the title, then the lede."""
    return [line.strip() for line in head[:OPENING_CHARS].splitlines() if line.strip()][:OPENING_LINES]


def _only(councils: list[Authority]) -> Authority | None:
    return councils[0] if len(councils) == 1 else None


def published(doc: Document) -> str | None:
    """The date the document says it was published, ISO: "Assessment published: …", "Published
    …", "Published on …", "Date published: …"; a CQC press release's dateline; else "Page last
    updated: …". A date the document does not label so (a meeting's, one in the text) is none."""
    head = _without_url(doc.pages[0].text[:PUBLISHED_HEAD] if doc.pages else "")[0]
    for label in _PUBLISHED_LABELS:
        for m in label.finditer(head):
            date = _iso_date(m["date"])
            if date:
                return date
    updated = _UPDATED.search(head)
    return _dateline(head) or (_iso_date(updated["date"]) if updated else None)


def _dateline(head: str) -> str | None:
    """A press release's date, alone on one of its first lines ("11 Dec 2025")."""
    if not _is_press_release(head):
        return None
    for line in _opening(head)[:DATELINE_LINES]:
        if _DATE_ALONE.fullmatch(line):
            return _iso_date(line)
    return None


def _iso_date(text: str) -> str | None:
    m = _DATE_PARTS.search(text)
    if not m:
        return None
    if m["iso"]:
        year, month, day = (int(part) for part in m["iso"].split("-"))
    elif m["d"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        year, day = int(m["year"] or m["year_after"]), int(m["day"] or m["day_after"])
        month = _MONTH_NUMBERS[(m["month"] or m["month_first"])[:3].casefold()]
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
