"""Whether an offset of a unit's text is inside a quotation, asked for offset after offset.

Rules leave quotations alone (they are not the writer's words to reword). Counting the
quotes before each offset from the start of the unit was quadratic in a long paragraph; these
count on from the last offset asked (and start over if asked further back).
"""

from __future__ import annotations

import re

_QUOTE_CHARS = re.compile('["\u201c\u201d]')
_CURLY = re.compile("[\u201c\u201d]")


class QuoteCounts:
    """person-first-language's test: an odd number of '"' before the offset, or more
    opening curly quotes than closing ones."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.straight, self.opening, self.closing = text, 0, 0, 0, 0

    def open_at(self, pos: int) -> bool:
        if pos < self.pos:
            self.pos = self.straight = self.opening = self.closing = 0
        said = self.text[self.pos:pos]
        self.straight += said.count('"')
        self.opening += said.count("\u201c")
        self.closing += said.count("\u201d")
        self.pos = max(self.pos, pos)
        return bool(self.straight % 2) or self.opening > self.closing


class QuoteState:
    """passive-voice's test: inside double quotes as they open and close before the offset,
    or before a closing curly quote with no opening one in between (a quotation that began
    in an earlier paragraph)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.opened = text, 0, False
        self.curly = -1  # the first curly quote at or after `pos` (-1: none)
        self.curly_from = -1  # where that search started (-1: not searched yet)

    def inside(self, at: int) -> bool:
        if at < self.pos:
            self.pos, self.opened, self.curly_from = 0, False, -1
        for m in _QUOTE_CHARS.finditer(self.text, self.pos, at):
            ch = m.group()
            self.opened = ch == "\u201c" or (ch == '"' and not self.opened)
        self.pos = at
        if self.curly_from < 0 or at < self.curly_from or 0 <= self.curly < at:
            found = _CURLY.search(self.text, at)
            self.curly, self.curly_from = (found.start() if found else -1), at
        return self.opened or (self.curly >= 0 and self.text[self.curly] == "\u201d")
