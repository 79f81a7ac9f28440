"""Literal text a regular expression's every match must contain, to skip texts it cannot match.

`anchors(pattern)` reads the pattern's parse tree (Python 3.11's re._parser) and returns a
requirement in disjunctive form: a match is possible only if, for one of the returned
conjunctions, every (literal, ignore-case) pair occurs in the text. None: no requirement
found; the pattern must be run. `may_match` tests a requirement exactly: a literal with
ignore-case is looked for in the lower-cased text only when that is exact (ASCII literals,
and a text without the few characters that fold onto ASCII letters or lower-case to them);
otherwise it answers True, and the caller runs the pattern.
"""

from __future__ import annotations

import re
from itertools import product

try:
    from re import _constants as _c, _parser as _p  # Python 3.11+
except ImportError:  # pragma: no cover - older Pythons: no requirements, patterns always run
    _c = _p = None

Requirement = list  # list[tuple[tuple[str, bool], ...]]: OR of ANDs of (literal, ignore-case)
_MAX_TERMS = 16  # a branch of branches is not expanded further: no requirement there

# The non-ASCII characters that re's IGNORECASE matches against an ASCII character (Kelvin
# sign, long s, dotted and dotless i) or whose lower case holds one: with one of them in the
# text, str.lower() does not show every ignore-case match. tests/test_speedups.py checks
# the list against every code point.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def anchors(pattern: re.Pattern) -> Requirement | None:
    if _p is None:
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - whatever the parser says, the pattern simply runs
        return None
    return _sequence(list(tree), bool(tree.state.flags & _c.SRE_FLAG_IGNORECASE))


def _sequence(items: list, icase: bool) -> Requirement | None:
    runs: list[tuple[str, bool]] = []
    run: list[str] = []
    subs: list[Requirement] = []
    for op, av in items:
        if op is _c.LITERAL and (not icase or av < 128):
            run.append(chr(av))
            continue
        if run:
            runs.append(("".join(run), icase))
            run = []
        if op is _c.SUBPATTERN:
            _group, add, drop, sub = av
            inner = (icase or bool(add & _c.SRE_FLAG_IGNORECASE)) and not (
                drop & _c.SRE_FLAG_IGNORECASE)
            req = _sequence(list(sub), inner)
        elif op is _c.BRANCH:
            req = _branch(av[1], icase)
        else:
            continue  # anything else gives no literal that must appear
        if req is not None:
            subs.append(req)
    if run:
        runs.append(("".join(run), icase))
    dnf: Requirement = [tuple(runs)] if runs else []
    for req in subs:
        if not dnf:
            dnf = req
        elif len(dnf) * len(req) <= _MAX_TERMS:
            dnf = [a + b for a, b in product(dnf, req)]
    return dnf or None


def _branch(alternatives: list, icase: bool) -> Requirement | None:
    out: Requirement = []
    for alt in alternatives:
        req = _sequence(list(alt), icase)
        if req is None:
            return None  # an alternative that needs nothing: the branch needs nothing
        out += req
    return out if len(out) <= _MAX_TERMS else None


def may_match(requirement: Requirement | None, text: str, lower: str | None = None) -> bool:
    """False only if no match of the pattern the requirement was made from can be in `text`.

    `lower`: text.lower(), when the caller has it."""
    if requirement is None:
        return True
    folded: str | None = None
    for terms in requirement:
        for literal, icase in terms:
            if icase:
                if folded is None:
                    if _FOLDS_TO_ASCII.search(text):
                        return True
                    folded = text.lower() if lower is None else lower
                if literal.lower() not in folded:
                    break
            elif literal not in text:
                break
        else:
            return True
    return False


def runnable(items, text: str):
    """The items (each with a `needs` requirement) whose pattern may match `text`."""
    lower = text.lower()
    return [item for item in items if may_match(item.needs, text, lower)]
