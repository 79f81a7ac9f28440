"""One position model: 0-based half-open character spans inside, 1-based line/column at the edge."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable


@dataclass(frozen=True, order=True)
class Span:
    """A 0-based, half-open range of character offsets into the file text as read."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Location:
    """1-based line and column (columns count characters, i.e. code points)."""

    line: int
    column: int


class LineIndex:
    """Turns character offsets into 1-based line/column, built once per file.

    A line ends at "\\n", "\\r\\n" or a lone "\\r", as CommonMark defines it, so CRLF files
    report the same lines an editor shows.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        n = len(text)
        find = text.find
        # The next "\n" and "\r" at or after the current line, each searched for again only
        # once passed: searching for both from every line scanned the rest of the text per
        # line, quadratic in a big file with no "\r" at all (5 s for 1 MB of short lines).
        nl, cr = find("\n"), find("\r")
        while nl != -1 or cr != -1:
            if cr != -1 and (nl == -1 or cr < nl):
                nxt = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
            else:
                nxt = nl + 1
            starts.append(nxt)
            if nl != -1 and nl < nxt:
                nl = find("\n", nxt)
            if cr != -1 and cr < nxt:
                cr = find("\r", nxt)
        self.starts = starts

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_start(self, line0: int) -> int:
        """Offset of the first character of 0-based line `line0`."""
        return self.starts[line0]

    def line_end(self, line0: int) -> int:
        """Offset just past the last character of 0-based line `line0`, before its line break."""
        if line0 + 1 < len(self.starts):
            end = self.starts[line0 + 1]
            if end >= 1 and self.text[end - 1] == "\n":
                end -= 1
            if end >= 1 and self.text[end - 1] == "\r":
                end -= 1
            return end
        return len(self.text)

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset`."""
        return bisect_right(self.starts, offset) - 1

    def location(self, offset: int) -> Location:
        line0 = self.line_of(offset)
        return Location(line0 + 1, offset - self.starts[line0] + 1)

    def end_location(self, span: Span) -> Location:
        """1-based position just past the span's last character (exclusive, as SARIF and LSP)."""
        return self.location(span.end)


class Ranges:
    """Half-open ranges `(a, b, *payload)`, asked which of them hold [start, end): those with
    a <= start and end <= b. Sorted once; a query walks back from the last range starting
    at or before `start` only while some range there still reaches `end`."""

    def __init__(self, ranges: Iterable[tuple[int, ...]]) -> None:
        self.ranges = sorted(ranges)
        self.firsts = [r[0] for r in self.ranges]
        # widest[k]: the largest end among ranges[0..k]
        self.widest = list(accumulate((r[1] for r in self.ranges), max))

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def holding(self, start: int, end: int) -> list[tuple[int, ...]]:
        k = bisect_right(self.firsts, start) - 1
        out = []
        while k >= 0 and self.widest[k] >= end:
            if self.ranges[k][1] >= end:
                out.append(self.ranges[k])
            k -= 1
        return out
