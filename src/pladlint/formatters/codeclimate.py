"""GitLab Code Quality: Code Climate issues as a JSON array (artifacts:reports:codequality).

GitLab requires description, check_name, fingerprint (unique per issue: ours is),
severity (info, minor, major, critical, blocker), location.path and location.lines.begin.
"""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.findings import Finding, LintResult, root_relative_path
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.json_stream import LIST, dumps_with_list

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issue(f: Finding, root: str) -> dict[str, Any]:
    description = f"{f.code} {f.message}" + (f" ({f.suggestion})" if f.suggestion else "")
    return {
        "type": "issue",
        "description": description,
        "check_name": f.rule,
        "categories": ["Style"],
        "fingerprint": f.fingerprint,
        "severity": SEVERITIES[f.severity.value],
        "location": {"path": root_relative_path(f.path, root),
                     "lines": {"begin": f.line, "end": f.end_line}},
    }


def stream(result: LintResult, options: FormatOptions) -> Iterator[str]:
    """The report in pieces, one finding at a time (see json_stream.py)."""
    issues = (issue(f, options.root) for f in result.findings)
    yield from dumps_with_list(LIST, issues, ensure_ascii=False)  # compact: fast on big reports
    yield "\n"


def format_result(result: LintResult, options: FormatOptions) -> str:
    return "".join(stream(result, options))
