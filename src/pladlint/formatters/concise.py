"""One finding a line, `path:line:col: severity rule message`, then a summary."""

from __future__ import annotations

from collections import Counter

from pladlint.findings import LintResult

from pladlint.formatters import FormatOptions

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def format_result(result: LintResult, options: FormatOptions) -> str:
    c = options.color
    lines = []
    for f in result.findings:
        sev = f.severity.value
        sev_text = f"{_COLORS[sev]}{sev}{_RESET}" if c else sev
        loc = f"{f.path}:{f.line}:{f.column}:"
        loc = f"{_BOLD}{loc}{_RESET}" if c else loc
        line = f"{loc} {sev_text} {f.rule} {f.message}"
        if f.suggestion:
            line += f" ({f.suggestion})"
        lines.append(line)
    for e in result.errors:
        err = f"{_COLORS['error']}error{_RESET}" if c else "error"
        lines.append(f"{e.path}: {err} {e.message}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def summary_line(result: LintResult) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    files = len(result.files)
    parts = [f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}"
             for s in ("error", "warning", "info")]
    text = f"{files} file{'s' if files != 1 else ''} checked: " + ", ".join(parts)
    if result.errors:
        n = len(result.errors)
        text += f"; {n} file{'s' if n != 1 else ''} could not be checked"
    return text
