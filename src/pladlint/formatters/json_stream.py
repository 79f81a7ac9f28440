"""JSON documents written piece by piece, byte-identical to `json.dumps` of the whole.

A report over thousands of pages is mostly one long list (files, results, issues). Building
the whole document and then one string of it holds the report in memory twice; instead the
document is dumped with a placeholder where the list goes, and the list's items are dumped
one at a time into that place, indented as `json.dumps` would have indented them.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

_MARK = "\x00pladlint: the streamed list goes here\x00"


def dumps_with_list(doc: Any, items: Iterable[Any], *, indent: int | None = None,
                    **kwargs: Any) -> Iterator[str]:
    """Pieces of `json.dumps(doc, indent=indent, **kwargs)` once the one value in `doc` that
    equals the placeholder `LIST` is replaced by the list `items` (a single pass over them)."""
    dumped = (json.dumps(item, indent=indent, **kwargs) for item in items)
    return dumps_with_dumped(doc, dumped, indent=indent, **kwargs)


def dumps_with_dumped(doc: Any, dumped: Iterable[str], *, indent: int | None = None,
                      **kwargs: Any) -> Iterator[str]:
    """`dumps_with_list`, with the items given already dumped: each is
    `json.dumps(item, indent=indent, **kwargs)` (as a page's cached report piece is)."""
    text = json.dumps(doc, indent=indent, **kwargs)
    mark = json.dumps(_MARK, **kwargs)
    head, found, tail = text.partition(mark)
    if not found:
        raise ValueError("the document has no LIST placeholder")
    if indent is None:
        inner = between = ""
        outer = ""
        sep = kwargs.get("separators", (", ", ": "))[0]
    else:
        line_start = head.rfind("\n") + 1
        depth = len(head[line_start:]) - len(head[line_start:].lstrip(" "))
        between = "\n" + " " * (depth + indent)
        outer = "\n" + " " * depth
        inner = between
        sep = ","
    yield head
    first = True
    for piece in dumped:
        if indent is not None:
            piece = piece.replace("\n", between)
        yield ("[" + inner if first else sep + between) + piece
        first = False
    yield ("[]" if first else outer + "]") + tail


LIST = _MARK  # put this where the streamed list belongs
