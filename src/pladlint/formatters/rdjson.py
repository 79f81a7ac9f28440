"""reviewdog Diagnostic Format (rdjson): `reviewdog -f=rdjson` posts them as review comments.

rdjson columns count UTF-8 bytes, not characters, so they are computed from the source text
the file result carries; ranges are half-open, as ours are.
"""

from __future__ import annotations

import json
from typing import Any

from pladlint.findings import Finding, LintResult, RuleInfo
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.sarif import HOMEPAGE, rule_help_uri

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def byte_column(source: str, offset: int, column: int) -> int:
    """1-based UTF-8 byte column of character `offset`, whose character column is `column`."""
    if not source or offset > len(source) or column < 1:
        return column
    line_start = offset - (column - 1)
    if line_start < 0:
        return column
    return len(source[line_start:offset].encode("utf-8", "surrogatepass")) + 1


def _rule_url(code: str, rules: dict[str, RuleInfo]) -> str:
    rule = rules.get(code)
    return rule_help_uri(rule) if rule else HOMEPAGE


def diagnostic(f: Finding, source: str, rules: dict[str, RuleInfo]) -> dict[str, Any]:
    start_col = byte_column(source, f.start, f.column)
    end_col = byte_column(source, f.end, f.end_column)
    message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
    return {
        "message": message,
        "location": {"path": f.path, "range": {
            "start": {"line": f.line, "column": start_col},
            "end": {"line": f.end_line, "column": end_col},
        }},
        "severity": SEVERITIES[f.severity.value],
        "source": {"name": "pladlint", "url": HOMEPAGE},
        "code": {"value": f.code, "url": _rule_url(f.code, rules)},
        "original_output": f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}",
    }


def format_result(result: LintResult, options: FormatOptions) -> str:
    diagnostics = []
    for r in result.files:
        source = getattr(r, "source", "") or ""
        diagnostics.extend(diagnostic(f, source, result.rules) for f in r.findings)
    for e in result.errors:
        diagnostics.append({"message": e.message, "location": {"path": e.path},
                            "severity": "ERROR", "source": {"name": "pladlint"}})
    doc = {"source": {"name": "pladlint", "url": HOMEPAGE}, "diagnostics": diagnostics}
    return json.dumps(doc, ensure_ascii=False) + "\n"  # compact: fast on big reports
