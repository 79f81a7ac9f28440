"""Formatters: pure functions from a LintResult to text. One module per format."""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable, Iterable

from pladlint.findings import FileResult, LintResult
from pladlint.formatters.common import FormatOptions, Formatter

__all__ = ["FORMAT_NAMES", "FormatOptions", "Formatter", "Renderers", "get_formatter",
           "get_stream"]


# The formatter modules are imported when a formatter is first asked for, not when the CLI
# starts. They import formatters.common, never this package's registry.
def _registry() -> dict[str, Formatter]:
    from pladlint.formatters import concise, json_format, text

    return {
        "text": text.format_result,
        "concise": concise.format_result,
        "json": json_format.format_result,
        # CI formats (issue 6): one module each
        **_ci_formats(),
    }


def _ci_formats() -> dict[str, Formatter]:
    from pladlint.formatters import checkstyle, codeclimate, github, junit, rdjson, sarif

    return {
        "sarif": sarif.format_result, "github": github.format_result,
        "junit": junit.format_result, "codeclimate": codeclimate.format_result,
        "checkstyle": checkstyle.format_result, "rdjson": rdjson.format_result,
    }


FORMAT_NAMES = ("text", "concise", "json", "sarif", "github", "junit", "codeclimate",
                "checkstyle", "rdjson")


def get_formatter(name: str) -> Formatter:
    table = _registry()
    if name not in table:
        raise KeyError(name)
    return table[name]


def get_stream(name: str) -> Callable[[LintResult, FormatOptions], Iterable[str]]:
    """The formatter as a generator of pieces of the report, for formats that can write a
    large report without holding all of it (same text as `get_formatter(name)`)."""
    formatter = get_formatter(name)
    module = sys.modules.get(formatter.__module__)
    streamer = getattr(module, "stream", None)
    if streamer is not None:
        return streamer
    return lambda result, options: [formatter(result, options)]


class Renderers:
    """Each page's pieces of the reports a run will write, rendered where the page is linted
    (engine/pages.py): {piece key: (piece, extra)}. Only formats whose module offers
    `page_piece` take part; `complete` says whether every report is covered. Picklable, so a
    spawned worker gets it whole."""

    def __init__(self, targets: Iterable[tuple[str, FormatOptions]]) -> None:
        # (piece key, formatter module, options), one per key: worked out once, not per page
        self.targets: list[tuple[str, str, FormatOptions]] = []
        self.complete = True
        for name, options in targets:
            module = sys.modules.get(get_formatter(name).__module__)
            if not hasattr(module, "page_piece"):
                self.complete = False
                continue
            key = module.page_key(options)
            # None: under these options the report reads no page pieces (text --statistics)
            if key is not None and all(key != k for k, _, _ in self.targets):
                self.targets.append((key, module.__name__, options))
        self.keys = tuple(k for k, _, _ in self.targets)

    def __call__(self, result: FileResult) -> dict[str, tuple[str, Any]]:
        return {key: importlib.import_module(module).page_piece(result, options)
                for key, module, options in self.targets}
