"""The document model every rule reads: parsed once per file."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Sequence

from pladlint.document.frontmatter import FrontMatter
from pladlint.positions import LineIndex, Span

PREAMBLE_HEADING = "(top of page)"


@dataclass
class ProseUnit:
    """One sentence unit of readable text: a paragraph, heading, list-item paragraph or cell.

    `starts[i]`/`ends[i]` give the source span of prose character i (compact arrays of
    integers, see `inline.offsets`; lists work too). Most characters map
    one to one; an escape (`\\*`) or entity (`&amp;`) maps one prose character onto several
    source characters, and a separator space stands for the markup it replaced.
    """

    kind: str
    section: int
    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    block: Span

    def source_span(self, start: int, end: int) -> Span:
        """Source span of prose characters [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.block.end
            return Span(pos, pos)
        return Span(self.starts[start], self.ends[end - 1])


@dataclass
class Link:
    url: str
    span: Span  # the whole link syntax
    text: str  # link text as rendered (markup removed)
    text_span: Span | None  # source span of the text between the brackets
    section: int
    kind: str  # inline | reference | autolink | html
    unit: int | None = None  # prose unit holding its text, with the prose range below
    prose_start: int = 0
    prose_end: int = 0


@dataclass
class Image:
    src: str
    alt: str | None  # None: no alt attribute at all (HTML); "" empty
    span: Span
    section: int
    kind: str  # markdown | reference | html
    title: str | None = None
    attrs: dict[str, str | None] = field(default_factory=dict)
    link: int | None = None  # index of the link wrapping it, if any


@dataclass
class HtmlComment:
    body: str  # text between <!-- and -->
    span: Span


@dataclass
class Section:
    index: int
    heading: str
    level: int  # 0 for the content before the first heading
    heading_span: Span | None
    empty_heading: bool
    path: tuple[str, ...]  # headings of the enclosing sections, outermost first
    start_line: int  # 1-based
    end_line: int
    units: list[int] = field(default_factory=list)


@dataclass
class Document:
    path: Path
    text: str
    index: LineIndex
    front_matter: FrontMatter
    sections: list[Section]
    units: list[ProseUnit]
    links: list[Link]
    images: list[Image]
    comments: list[HtmlComment]

    @property
    def metadata(self) -> dict[str, Any]:
        return self.front_matter.metadata

    @cached_property
    def _section_lines(self) -> list[int]:
        # the parser makes sections in page order, so their start lines are sorted
        return [s.start_line for s in self.sections]

    def section_at(self, offset: int) -> Section | None:
        """The last section starting on or before the offset's line (None: before them all)."""
        # a bisection, not a walk over all sections per finding (quadratic on a page of many
        # headings and findings given no section)
        k = bisect_right(self._section_lines, self.index.line_of(offset) + 1)
        return self.sections[k - 1] if k else None
