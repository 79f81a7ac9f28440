"""`<abbr title=...>` matches in linear time.

The `<abbr ...title=...>...</abbr>` patterns of acronyms.py and explanations.py start with
`<abbr\\b[^>]*\\btitle` and end with `</abbr`. Run with `finditer`, each `<abbr ` with no
`title` before its `>`, or with no `</abbr` anywhere after it, is scanned to the end of the
page before failing: 10,000 unclosed `<abbr ` took 55 s. `finditer` here tries the pattern
only where both can still be found (looked up by bisection in precomputed positions), so the
matches are exactly those of `pattern.finditer(text)`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

_OPEN = re.compile(r"<abbr\b", re.I)
_TITLE = re.compile(r"\btitle", re.I)
_CLOSE = re.compile(r"</abbr", re.I)
_GT = re.compile(">")


def finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)` for a pattern of the shape above."""
    if "<" not in text:
        return
    last_close = -1
    for m in _CLOSE.finditer(text):
        last_close = m.start()
    if last_close < 0:
        return
    titles: list[int] | None = None
    gts: list[int] | None = None
    done = 0
    for o in _OPEN.finditer(text):
        p = o.start()
        if p >= last_close:
            return
        if p < done:
            continue
        if titles is None:
            titles = [t.start() for t in _TITLE.finditer(text)]
            gts = [g.start() for g in _GT.finditer(text)]
        after = o.end()
        ti = bisect_left(titles, after)
        if ti == len(titles):
            return  # no `title` after this tag, nor after any later one
        gi = bisect_left(gts, after)
        if gi < len(gts) and gts[gi] < titles[ti]:
            continue  # the tag closes before any `title`
        m = pattern.match(text, p)
        if m is not None:
            yield m
            done = m.end()
