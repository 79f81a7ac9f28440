"""Block walk over markdown-it tokens: sections, prose units, links, images, comments."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pladlint.document.html_tags import TAG_RE, parse_tag
from pladlint.document.inline import InlineResult, walk_inline
from pladlint.document.model import (
    PREAMBLE_HEADING,
    HtmlComment,
    Image,
    Link,
    ProseUnit,
    Section,
)
from pladlint.positions import LineIndex, Span



def _comments(chunk: str):
    """(body, start, end) of each `<!-- ... -->` in `chunk`, in one linear scan.

    The regex `<!--(.*?)-->` rescans to the end of the block from every unclosed `<!--`:
    "<!--" * 10,000 took 34 s (tests/corpus/unclosed-html-comments.md).
    """
    pos = 0
    while True:
        start = chunk.find("<!--", pos)
        end = chunk.find("-->", start + 4) if start != -1 else -1
        if end == -1:
            return
        yield chunk[start + 4 : end], start, end + 3
        pos = end + 3


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    # CommonMark plus GFM tables: patient pages use tables, and cells are sentence units.
    return MarkdownIt("commonmark").enable("table")


class _Walker:
    def __init__(self, text: str, index: LineIndex, body_start: int) -> None:
        self.text = text
        self.index = index
        self.body_start = body_start
        self.sections: list[Section] = []
        self.units: list[ProseUnit] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.comments: list[HtmlComment] = []
        self.heading_stack: list[tuple[int, int]] = []  # (level, section index)
        self.parents: list[tuple[int, ...]] = []

    # -- sections --------------------------------------------------------------
    def current_section(self, line0: int) -> int:
        if self.sections:
            return len(self.sections) - 1
        self.sections.append(Section(0, PREAMBLE_HEADING, 0, None, False, (), line0 + 1, line0 + 1))
        self.parents.append(())
        return 0

    def open_section(self, level: int, line0: int, unit: ProseUnit | None) -> None:
        while self.heading_stack and self.heading_stack[-1][0] >= level:
            self.heading_stack.pop()
        parents = tuple(i for _, i in self.heading_stack)
        heading = unit.text.strip() if unit else ""
        span = unit.block if unit else Span(self.index.line_start(line0), self.index.line_end(line0))
        section = Section(len(self.sections), heading, level, span, not heading, (), line0 + 1, line0 + 1)
        self.sections.append(section)
        self.parents.append(parents)
        self.heading_stack.append((level, section.index))
        if unit is not None:
            unit.section = section.index

    # -- blocks ----------------------------------------------------------------
    def region(self, token: Token) -> tuple[int, int]:
        first, last = token.map if token.map else (0, 0)
        final = len(self.index.starts) - 1  # the last line
        start = self.index.starts[first if first < final else final]
        last = last - 1 if last > first else first
        return start, self.index.line_end(last if last < final else final)

    def add_inline(self, token: Token, kind: str, start: int, end: int) -> tuple[ProseUnit, int]:
        res = walk_inline(token.children or [], self.text, start, end)
        if kind == "heading":
            section = len(self.sections)  # the section this heading is about to open
        else:
            section = self.current_section(self.index.line_of(start))
        unit = ProseUnit(kind, section, res.text, res.starts, res.ends, Span(start, end))
        self.collect(res, unit, section)
        return unit, res.cursor

    def collect(self, res: InlineResult, unit: ProseUnit, section: int) -> None:
        unit_index = len(self.units)
        for info in res.links:
            link = Link(info["url"], info["span"], "", info["text_span"], section, info["kind"])
            if info.get("prose"):
                a, z = info["prose"]
                link.unit, link.prose_start, link.prose_end = unit_index, a, z
                link.text = unit.text[a:z].strip()
            else:
                link.text = info["text"] or ""
            self.links.append(link)
        first_link_of_unit = len(self.links) - len(res.links)
        for info in res.images:
            wrapping = None
            if info.pop("in_link"):
                # the image sits inside the link that closes after it
                for li in range(first_link_of_unit, len(self.links)):
                    if self.links[li].span.contains(info["span"]):
                        wrapping = li
                        break
            self.images.append(Image(section=section, link=wrapping, **info))
        for body, span in res.comments:
            self.comments.append(HtmlComment(body, span))

    def html_block(self, token: Token) -> None:
        start, end = self.region(token)
        section = self.current_section(self.index.line_of(start))
        chunk = self.text[start:end]
        for body, a, z in _comments(chunk):
            self.comments.append(HtmlComment(body, Span(start + a, start + z)))
        for m in TAG_RE.finditer(chunk):
            tag = parse_tag(m.group())
            if tag and tag[0] == "img":
                attrs = tag[1]
                self.images.append(
                    Image(attrs.get("src") or "", attrs.get("alt"),
                          Span(start + m.start(), start + m.end()), section, "html",
                          attrs.get("title"), attrs)
                )

    def walk(self, tokens: list[Token]) -> None:
        context: list[str] = []
        row_cursor = 0
        pending_heading: Token | None = None
        for i, tok in enumerate(tokens):
            t = tok.type
            if t.endswith("_open") and t not in ("heading_open", "paragraph_open"):
                context.append(t[:-5])
                if t == "tr_open":
                    row_cursor = self.region(tok)[0]
            elif t.endswith("_close") and t not in ("heading_close", "paragraph_close"):
                if context:
                    context.pop()
            if t == "heading_open":
                pending_heading = tok
            elif t == "inline":
                prev = tokens[i - 1].type if i else ""
                if prev == "heading_open" and pending_heading is not None:
                    start, end = self.region(pending_heading)
                    level = int(pending_heading.tag[1])
                    unit, _ = self.add_inline(tok, "heading", start, end)
                    self.open_section(level, pending_heading.map[0] if pending_heading.map else 0, unit)
                    unit.section = len(self.sections) - 1
                    self.units.append(unit)
                    pending_heading = None
                elif prev in ("th_open", "td_open"):
                    unit, row_cursor = self.add_inline(tok, "table_cell", row_cursor, self.region(tok)[1])
                    self.units.append(unit)
                else:
                    start, end = self.region(tok)
                    kind = "list_item" if "list_item" in context else (
                        "blockquote" if "blockquote" in context else "paragraph")
                    unit, _ = self.add_inline(tok, kind, start, end)
                    self.units.append(unit)
            elif t == "html_block":
                self.html_block(tok)

    def finish(self) -> None:
        last_line = self.index.line_count
        for n, section in enumerate(self.sections):
            nxt = self.sections[n + 1].start_line - 1 if n + 1 < len(self.sections) else last_line
            end = nxt
            while end > section.start_line and not self.text[
                self.index.line_start(end - 1) : self.index.line_end(end - 1)
            ].strip():
                end -= 1
            section.end_line = end
        for ui, unit in enumerate(self.units):
            self.sections[unit.section].units.append(ui)
        for section in self.sections:
            if section.empty_heading:
                section.heading = self.name_from_content(section)
        for section, parents in zip(self.sections, self.parents):
            section.path = tuple(self.sections[i].heading for i in parents)

    def name_from_content(self, section: Section) -> str:
        """An empty heading is named after the first line of text under it."""
        for ui in section.units:
            unit = self.units[ui]
            if unit.kind == "heading" or not unit.text.strip():
                continue
            line0 = self.index.line_of(unit.starts[0])
            line_end = self.index.line_end(line0)
            name = "".join(c for c, s in zip(unit.text, unit.starts) if s < line_end).strip()
            if name:
                return name
        return ""


def parse_body(text: str, index: LineIndex, body_start: int) -> _Walker:
    # Front matter lines are blanked, not cut, so markdown-it's line maps stay file lines.
    fm_lines = index.line_of(body_start) if body_start else 0
    masked = "\n" * fm_lines + text[body_start:]
    tokens = markdown_parser().parse(masked)
    walker = _Walker(text, index, body_start)
    walker.walk(tokens)
    walker.finish()
    return walker
