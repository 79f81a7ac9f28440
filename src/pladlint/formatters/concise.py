"""One finding a line, `path:line:col: severity rule message`, then a summary."""

from __future__ import annotations

from typing import Iterator

from pladlint.findings import LintResult
from pladlint.formatters.common import FormatOptions

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def stream(result: LintResult, options: FormatOptions) -> Iterator[str]:
    """The report in pieces, one page at a time."""
    c = options.color
    for r in result.files:
        lines = []
        for f in r.findings:
            sev = f.severity.value
            sev_text = f"{_COLORS[sev]}{sev}{_RESET}" if c else sev
            loc = f"{f.path}:{f.line}:{f.column}:"
            loc = f"{_BOLD}{loc}{_RESET}" if c else loc
            line = f"{loc} {sev_text} {f.rule} {f.message}"
            if f.suggestion:
                line += f" ({f.suggestion})"
            lines.append(line + "\n")
        yield "".join(lines)
    lines = []
    for e in result.errors:
        err = f"{_COLORS['error']}error{_RESET}" if c else "error"
        lines.append(f"{e.path}: {err} {e.message}\n")
    lines.append(summary_line(result) + "\n")
    yield "".join(lines)


def format_result(result: LintResult, options: FormatOptions) -> str:
    return "".join(stream(result, options))


def summary_line(result: LintResult) -> str:
    counts = result.severity_counts()
    files = len(result.files)
    parts = [f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}"
             for s in ("error", "warning", "info")]
    text = f"{files} file{'s' if files != 1 else ''} checked: " + ", ".join(parts)
    if result.errors:
        n = len(result.errors)
        text += f"; {n} file{'s' if n != 1 else ''} could not be checked"
    return text
