"""Inline content to prose, with every prose character mapped to its source span.

markdown-it gives block tokens line maps but inline tokens no positions at all, so we walk
the inline children in order and find each one in the source with a moving cursor: text
tokens by alignment (allowing backslash escapes and entities), and link destinations,
images, code spans and HTML skipped by their syntax so a later "." is never found inside a URL.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field

from markdown_it.token import Token

from pladlint.document.html_tags import parse_tag
from pladlint.positions import Span

URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class InlineResult:
    text: str = ""
    starts: "array[int]" = field(default_factory=lambda: array("q"))
    ends: "array[int]" = field(default_factory=lambda: array("q"))
    links: list[dict] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    comments: list[tuple[str, Span]] = field(default_factory=list)
    cursor: int = 0


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add_direct(self, text: str, pos: int) -> None:
        n = len(text)
        self.chars.append(text)
        starts = self.starts
        starts.extend(range(pos, pos + n))
        # ends[i] == starts[i + 1] within the run: share those int objects, not make twice
        if n > 1:
            self.ends.extend(starts[1 - n :])
        if n:
            self.ends.append(pos + n)

    def add_char(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def separator(self, start: int, end: int) -> None:
        """A space standing for markup that was dropped, so words on either side stay apart."""
        if self.chars and not self.chars[-1][-1:].isspace():
            self.add_char(" ", start, end)

    @property
    def length(self) -> int:
        return len(self.starts)


# The characters matching_close() stops at, for each bracket pair it is used with.
_BRACKET_STOPS = {("(", ")"): re.compile(r"[\\()]"), ("[", "]"): re.compile(r"[\\\[\]]")}


def matching_close(src: str, pos: int, limit: int, open_ch: str, close_ch: str) -> int:
    """Offset just past the bracket closing the one at `pos`, or -1."""
    # A regex finds the next backslash or bracket: link destinations are long URLs, and a
    # Python loop over each of their characters was a tenth of the walk on link-heavy pages.
    stops = _BRACKET_STOPS.get((open_ch, close_ch)) or re.compile(
        "[" + re.escape("\\" + open_ch + close_ch) + "]"
    )
    depth = 0
    i = pos
    while True:
        found = stops.search(src, i, limit)
        if found is None:
            return -1
        i = found.start()
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1


def _skip_destination(src: str, pos: int, limit: int) -> int:
    """After a link's or image's closing `]` at pos-1: skip `(dest "title")` or `[ref]`."""
    if pos < limit and src[pos] == "(":
        end = matching_close(src, pos, limit, "(", ")")
        if end == -1:  # the destination may hold unbalanced brackets inside <...>
            end = src.find(")", pos)
            end = end + 1 if 0 <= end < limit else pos
        return end
    if pos < limit and src[pos] == "[":
        end = src.find("]", pos)
        return end + 1 if 0 <= end < limit else pos
    return pos


def _align(text: str, src: str, cursor: int, limit: int) -> int | list[tuple[int, int]] | None:
    """Where an unescaped text token sits in the source: its offset when it appears there
    as written (the common case: no per-character spans are built), else the source span of
    each character, else None when it is not found."""
    pos = src.find(text, cursor, limit)
    if pos != -1 and not any(c.isalnum() for c in src[cursor:pos]):
        return pos
    # Slow path: escapes and entities make the token differ from its source.
    first = text[:1]
    p = cursor
    while p < limit and src[p] != first and src[p] not in "\\&":
        if src[p].isalnum():
            break
        p += 1
    spans: list[tuple[int, int]] = []
    for ch in text:
        if p >= limit:
            break
        decoded = _entity_at(src, p, limit) if src[p] == "&" else None
        if decoded is not None:
            if not decoded.startswith(ch):
                break
            end = _ENTITY_RE.match(src, p, limit).end()
            spans.append((p, end))
            p = end
        elif src[p] == ch:
            spans.append((p, p + 1))
            p += 1
        elif src[p] == "\\" and p + 1 < limit and src[p + 1] == ch:
            spans.append((p, p + 2))
            p += 2
        else:
            break
    if len(spans) == len(text):
        return spans
    if pos != -1:
        return pos
    return None


def _entity_at(src: str, p: int, limit: int) -> str | None:
    """What a character reference at p decodes to; None if there is none that decodes."""
    ent = _ENTITY_RE.match(src, p, limit)
    if not ent:
        return None
    decoded = html.unescape(ent.group())
    return decoded if decoded != ent.group() else None


def walk_inline(children: list[Token], src: str, cursor: int, limit: int) -> InlineResult:
    """Build the prose of one inline token; collect its links, images and comments."""
    out = InlineResult()
    b = _Builder()
    link_stack: list[dict] = []
    autolink = False
    for tok in children:
        kind = tok.type
        if kind == "text":
            if autolink or not tok.content:
                continue
            found = _align(tok.content, src, cursor, limit)
            if found is None:
                continue
            if type(found) is int:
                _add_verbatim(b, tok.content, found)
                cursor = found + len(tok.content)
            else:
                _add_text(b, tok.content, found)
                cursor = found[-1][1]
        elif kind in ("softbreak", "hardbreak"):
            nl = _next_newline(src, cursor, limit)
            if nl != -1:
                b.separator(nl, nl + 1)
                cursor = nl + 1
        elif kind == "code_inline":
            start = src.find(tok.markup, cursor, limit)
            if start == -1:
                continue
            end = src.find(tok.markup, start + len(tok.markup) + len(tok.content.strip()), limit)
            end = end + len(tok.markup) if end != -1 else start + len(tok.markup)
            b.separator(start, end)
            cursor = end
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
            if tok.markup == "autolink":
                start = src.find("<", cursor, limit)
                end = src.find(">", start, limit) if start != -1 else -1
                if start == -1 or end == -1:
                    continue
                out.links.append(
                    dict(url=href, span=Span(start, end + 1), text=tok.content or href,
                         text_span=Span(start + 1, end), kind="autolink", prose=None)
                )
                b.separator(start, end + 1)
                cursor = end + 1
                autolink = True
                continue
            start = src.find("[", cursor, limit)
            if start == -1:
                continue
            link_stack.append(dict(url=href, start=start, prose_start=b.length, text_parts=[]))
            cursor = start + 1
        elif kind == "link_close":
            if autolink:
                autolink = False
                continue
            if not link_stack:
                continue
            info = link_stack.pop()
            close = src.find("]", cursor, limit)
            if close == -1:
                continue
            end = _skip_destination(src, close + 1, limit)
            kind_name = "inline" if src[close + 1 : close + 2] == "(" else "reference"
            out.links.append(
                dict(url=info["url"], span=Span(info["start"], end), text=None,
                     text_span=Span(info["start"] + 1, close), kind=kind_name,
                     prose=(info["prose_start"], b.length))
            )
            cursor = end
        elif kind == "image":
            start = src.find("![", cursor, limit)
            if start == -1:
                continue
            alt_end = matching_close(src, start + 1, limit, "[", "]")
            if alt_end == -1:
                continue
            end = _skip_destination(src, alt_end, limit)
            ref = src[alt_end : alt_end + 1] != "("
            out.images.append(
                dict(src=str(tok.attrs.get("src", "")), alt=tok.content, span=Span(start, end),
                     kind="reference" if ref else "markdown",
                     title=tok.attrs.get("title"), in_link=bool(link_stack))
            )
            b.separator(start, end)
            cursor = end
        elif kind == "html_inline":
            start = src.find(tok.content, cursor, limit)
            if start == -1:
                continue
            end = start + len(tok.content)
            _collect_html(tok.content, start, out, in_link=bool(link_stack))
            cursor = end
    out.text = "".join(b.chars)
    out.starts, out.ends = offsets(b.starts, len(src)), offsets(b.ends, len(src))
    out.cursor = cursor
    return out


def offsets(values: list[int], limit: int) -> "array[int]":
    """Source offsets (at most `limit`) stored as machine integers: a unit keeps one start
    and one end per prose character, and as a list of Python ints that was about 40 bytes a
    character, most of the memory a big page took; four bytes each here when they fit."""
    return array(_NARROW if limit < 1 << 32 else "q", values)


_NARROW = "I" if array("I").itemsize >= 4 else "L"


def _collect_html(fragment: str, offset: int, out: InlineResult, in_link: bool) -> None:
    if fragment.startswith("<!--"):
        body = fragment[4:-3] if fragment.endswith("-->") else fragment[4:]
        out.comments.append((body, Span(offset, offset + len(fragment))))
        return
    tag = parse_tag(fragment)
    if tag is not None and tag[0] == "img":
        attrs = tag[1]
        out.images.append(
            dict(src=attrs.get("src") or "", alt=attrs.get("alt"),
                 span=Span(offset, offset + len(fragment)), kind="html",
                 title=attrs.get("title"), attrs=attrs, in_link=in_link)
        )


def _add_verbatim(b: _Builder, text: str, pos: int) -> None:
    """`_add_text` for a token found as written at `pos`: character i sits at pos + i."""
    last = 0
    # Every URL_RE match holds "://", "www." (any case) or "@": testing for them first spares
    # most tokens the URL_RE scan, whose e-mail branch is tried at every word character.
    if "@" in text or "://" in text or "www." in text.lower():
        for m in URL_RE.finditer(text):
            if last < m.start():
                b.add_direct(text[last : m.start()], pos + last)
            b.separator(pos + m.start(), pos + m.end())
            last = m.end()
    if last < len(text):
        b.add_direct(text[last:] if last else text, pos + last)


def _add_text(b: _Builder, text: str, spans: list[tuple[int, int]]) -> None:
    """Add a text token, leaving out bare URLs and e-mail addresses (they are not words)."""
    last = 0
    for m in URL_RE.finditer(text):
        _add_spans(b, text, spans, last, m.start())
        b.separator(spans[m.start()][0], spans[m.end() - 1][1])
        last = m.end()
    _add_spans(b, text, spans, last, len(text))


def _add_spans(b: _Builder, text: str, spans: list[tuple[int, int]], a: int, z: int) -> None:
    if a >= z:
        return
    if spans[z - 1][1] - spans[a][0] == z - a:
        b.add_direct(text[a:z], spans[a][0])
    else:
        for i in range(a, z):
            b.add_char(text[i], spans[i][0], spans[i][1])


def _next_newline(src: str, cursor: int, limit: int) -> int:
    nl = src.find("\n", cursor, limit)
    cr = src.find("\r", cursor, limit)
    if cr != -1 and (nl == -1 or cr < nl):
        return cr
    return nl
