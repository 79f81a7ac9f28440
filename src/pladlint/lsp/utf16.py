"""Offsets in the file text to LSP positions and back: LSP counts columns in UTF-16 code
units by default, pladlint in characters (code points)."""

from __future__ import annotations

from lsprotocol import types

from pladlint.positions import LineIndex


def utf16_column(line_text: str, column0: int) -> int:
    head = line_text[:column0]
    if head.isascii():  # nearly every line: a page's diagnostics convert thousands of these
        return len(head)
    # a character past U+FFFF is two UTF-16 units; "surrogatepass": a lone surrogate is one
    return len(head.encode("utf-16-le", "surrogatepass")) // 2


def to_position(index: LineIndex, text: str, offset: int) -> types.Position:
    offset = max(0, min(offset, len(text)))
    line0 = index.line_of(offset)
    start = index.line_start(line0)
    return types.Position(line0, utf16_column(text[start: offset], offset - start))


def to_range(index: LineIndex, text: str, start: int, end: int) -> types.Range:
    return types.Range(to_position(index, text, start), to_position(index, text, end))


def from_position(index: LineIndex, text: str, pos: types.Position) -> int:
    """File offset of an LSP position (UTF-16 column)."""
    if pos.line >= index.line_count:
        return len(text)
    start = index.line_start(pos.line)
    end = index.line_end(pos.line)
    units = 0
    for i in range(start, end):
        if units >= pos.character:
            return i
        units += 2 if ord(text[i]) > 0xFFFF else 1
    return end
