"""Edits to a page: apply them, show them as a diff, write the page atomically."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pladlint.fileio import write_text_atomic


@dataclass(frozen=True)
class Edit:
    start: int  # 0-based character offsets into the file text, half-open
    end: int
    old: str
    new: str
    rule: str
    kind: str = "swap"  # swap: a plain word for a wordy one; link: [text](glossary url)
    term: str = ""  # link: the glossary term the URL is for


def without_overlaps(edits: list[Edit]) -> list[Edit]:
    """The edits in file order; of two that overlap, the earlier (then the longer) stays."""
    edits = sorted(edits, key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, last = [], 0
    for e in edits:
        parts.append(text[last: e.start])
        parts.append(e.new)
        last = e.end
    parts.append(text[last:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str, expected: bytes | None = None) -> None:
    """Replace `path` with `text`, keeping its BOM and bytes of every line ending as given.

    fileio does it atomically (temporary file + rename, permissions kept, nothing lost on
    failure) and follows a symlink, so a linked page stays a link. With `expected`, nothing
    is written if the file no longer holds those bytes (FileChangedError).
    """
    write_text_atomic(path, text, expected=expected)
