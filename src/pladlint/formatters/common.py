"""What every formatter shares: the options a report is written with, and a formatter's type.

Formatters import this module, never their package's `__init__` (the registry), so the
arrows point one way: the registry imports the formatters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from pladlint.findings import FileResult, LintResult


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    root: str = "."  # repository root for relative URIs (SARIF and friends)
    fail_on: str = "warning"
    quiet: bool = False  # text: only the closing summary
    statistics: bool = False  # text: only the count of findings per rule


Formatter = Callable[[LintResult, FormatOptions], str]


PagePiece = Callable[[FileResult], tuple[str, Any]]


def page_pieces(files: Iterable[FileResult], key: str, render: PagePiece
                ) -> Iterator[tuple[str, Any]]:
    """Each page's (piece, extra) of a report: `render(page)`, or what a spooled run already
    rendered under `key` where the page was linted (engine/spool.ResultSpool.pieces)."""
    stored = getattr(files, "pieces", None)
    if stored is not None:
        return stored(key, render)
    return (render(r) for r in files)
