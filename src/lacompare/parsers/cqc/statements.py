"""The nine quality statements under every name CQC, councils and the press give them.

``statement_id("1. Assessing people’s needs")`` is ``"assessing_needs"``. Besides CQC's own labels,
press releases name the first statement of each theme by the theme ("how the local authority
works with people – 3", "leadership – 3") and add words ("care provision, integration and
continuity of care", "providing support (care provision, integration and continuity)").
"""

from __future__ import annotations

from lacompare import compiled
from lacompare.model import QUALITY_STATEMENTS

_WORDINGS: dict[str, tuple[str, ...]] = {
    "assessing_needs": (
        "assessing people's needs",
        "assessing peoples needs",
        "how the local authority works with people",
        "working with people",
    ),
    "supporting_healthier_lives": (
        "supporting people to lead healthier lives",
        "supporting people to live healthier lives",
        "supporting people to lead a healthier life",
    ),
    "equity_in_experience_and_outcomes": ("equity in experiences and outcomes",),
    "care_provision_integration_continuity": (
        "care provision, integration and continuity of care",
        "providing support",
    ),
    "partnerships_and_communities": ("partnership and communities", "partnerships and community"),
    "safe_pathways_systems_transitions": (
        "safe systems, pathways and transitions",
        "how the local authority ensures safety in the system",
        "how the local authority ensures safety within the system",
        "ensuring safety within the system",
        "ensuring safety",
    ),
    "safeguarding": (),
    "governance_management_sustainability": ("leadership", "governance, management & sustainability"),
    "learning_improvement_innovation": ("learning, improvement & innovation",),
}

_LEAD = compiled.pattern(
    r"(?i)^\s*(?:[-–—*•|]\s*)*(?:quality statement\s*:?\s*)?(?:\(?\d{1,2}[.):]|\(?[a-i][.)])?\s*(?:[-–—*•]\s*)*"
)
_TAIL = compiled.pattern(r"(?i)(?:[\s|:–—-]+|\s+score)+$")
_NOT_LETTERS = compiled.pattern(r"[^a-z]+")
_PAREN = compiled.pattern(r"\(([^()]{8,})\)")


def _key(label: str) -> str:
    text = label.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return " ".join(_NOT_LETTERS.sub(" ", text).split())


_BY_KEY: dict[str, str] = {_key(label): sid for sid, label in QUALITY_STATEMENTS.items()} | {
    _key(wording): sid for sid, wordings in _WORDINGS.items() for wording in wordings
}


def statement_id(label: str) -> str | None:
    """The canonical id of a quality statement named by ``label``, or None."""
    text = _TAIL.sub("", _LEAD.sub("", label)).strip(" ‘’'\"“”")
    sid = _BY_KEY.get(_key(text))
    if sid is not None:
        return sid
    inner = _PAREN.search(text)  # "providing support (care provision, integration and continuity)"
    if inner is not None:
        return _BY_KEY.get(_key(inner.group(1))) or _BY_KEY.get(_key(_PAREN.sub("", text)))
    return None


# A statement named in passing, by its theme's or its own key words ("a three for safeguarding and a
# two for partnerships"): the first statement whose words a phrase opens with. Specific words first.
_KEY_WORDS: tuple[tuple[str, str], ...] = (
    ("assessing_needs", r"assess\w*(?:\s+(?:people[’']?s?\s+)?needs?)|(?:working|works)\s+with\s+people"),
    (
        "supporting_healthier_lives",
        r"(?:supporting\s+people\s+to\s+)?(?:lead|live)?\s*(?:a\s+)?healthier\s+li(?:ves|fe)",
    ),
    ("equity_in_experience_and_outcomes", r"equity"),
    ("care_provision_integration_continuity", r"care\s+provision|providing\s+support|integration\s+and\s+continuity"),
    ("partnerships_and_communities", r"partnerships?(?:\s+(?:and|&)\s+communit(?:y|ies))?"),
    (
        "safe_pathways_systems_transitions",
        r"safe\s+(?:pathways|systems)|transitions|(?:ensur\w+\s+)?safety\s+(?:in|within)\s+the\s+system",
    ),
    ("safeguarding", r"safeguarding"),
    ("governance_management_sustainability", r"governance|leadership"),
    ("learning_improvement_innovation", r"learning(?:,?\s+improvement)?(?:\s+(?:and|&)\s+innovation)?|innovation"),
)
_KEY_PATTERNS = tuple(
    (sid, compiled.pattern(rf"(?i)^\W*(?:the\s+|its\s+|their\s+)?(?:{words})\b")) for sid, words in _KEY_WORDS
)


def statement_in(phrase: str) -> str | None:
    """The quality statement a phrase opens by naming (its label or key words), or None."""
    sid = statement_id(phrase)
    if sid is not None:
        return sid
    return next((sid for sid, pattern in _KEY_PATTERNS if pattern.match(phrase)), None)
