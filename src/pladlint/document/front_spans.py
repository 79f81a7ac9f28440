"""Where a front matter key is written: what metadata findings point at."""

from __future__ import annotations

import re

from pladlint.document.model import Document
from pladlint.positions import Span


def key_span(doc: Document, keys: str | tuple[str, ...], value_only: bool = False) -> Span:
    """The first `key: value` line of the front matter naming one of `keys` (with
    `value_only`, just its value when it has one); the opening fence if none is there."""
    keys = (keys,) if isinstance(keys, str) else keys
    fm = doc.front_matter.span
    block = doc.text[fm.start : fm.end]
    names = "|".join(re.escape(k) for k in keys)
    m = re.search(rf"^[ \t]*[\"']?(?:{names})[\"']?[ \t]*[:=][ \t]*(.*?)[ \t]*$", block, re.M)
    if m is None:
        return fence_span(doc)
    if value_only and m.group(1):
        return Span(fm.start + m.start(1), fm.start + m.end(1))
    line = re.match(r"[^\r\n]*", block[m.start():])
    return Span(fm.start + m.start(), fm.start + m.start() + line.end())


def fence_span(doc: Document) -> Span:
    """The opening fence of the front matter, or an empty span at the top of the file."""
    if doc.front_matter.format is None:
        return Span(0, 0)
    return Span(0, doc.index.line_end(0))
