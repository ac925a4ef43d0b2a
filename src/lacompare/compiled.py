"""How the package compiles its patterns: two engines, each where it is faster.

The standard library's engine compiles a pattern two to three times faster than the ``regex``
package, and compiling the parsers' two hundred patterns is a large part of a short run's
start-up. ``regex`` finds a pattern in a long text faster when the pattern starts with a
(case-insensitive) literal or a number: it searches for the start instead of trying every
position. So ``pattern`` (matched against cells, lines and sentences) compiles with ``re`` where
``re`` reads the pattern the same way, and ``scanner`` (run over whole pages) with ``regex``.
``regex`` also takes what ``re`` cannot read: a lookbehind of varying width, ``\\p{…}`` classes,
flags set in the middle of a pattern. Both give the same match API (``search``/``match``/
``finditer`` with positions, groups by name). Measured with ``bench/versus.py``.

What both compile is kept between runs (``lacompare.pattern_cache``), as Python keeps byte-code.
"""

from __future__ import annotations

import re

# regex's flag bits (the same numbers as re's) that re reads the same way; any other flag keeps
# the pattern in regex. regex itself is imported only when a pattern needs it.
_SAME_FLAGS = (int(re.I), int(re.M), int(re.S), int(re.X))


def pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``source`` compiled: by ``re`` when it can, else by ``regex``."""
    re_flags, rest = 0, int(flags)
    for bit in _SAME_FLAGS:
        if rest & bit:
            re_flags, rest = re_flags | bit, rest & ~bit
    if not rest and "[[:" not in source:  # POSIX classes mean something else to re
        from lacompare.pattern_cache import compile_re

        try:
            return compile_re(source, re_flags)
        except re.error:
            pass
    return scanner(source, flags)


def scanner(source: str, flags: int = 0) -> re.Pattern[str]:
    """``source`` compiled by ``regex``: for a pattern run over whole pages."""
    from lacompare.pattern_cache import compile_regex

    return compile_regex(source, int(flags))
