"""GitLab Code Quality: Code Climate issues as a JSON array (artifacts:reports:codequality).

GitLab requires description, check_name, fingerprint (unique per issue: ours is),
severity (info, minor, major, critical, blocker), location.path and location.lines.begin.
"""

from __future__ import annotations

import json
from typing import Any

from pladlint.findings import Finding, LintResult
from pladlint.fingerprints import fingerprint_path
from pladlint.formatters import FormatOptions

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
        "location": {"path": fingerprint_path(f.path, root),
                     "lines": {"begin": f.line, "end": f.end_line}},
    }


def format_result(result: LintResult, options: FormatOptions) -> str:
    issues = [issue(f, options.root) for f in result.findings]
    return json.dumps(issues, ensure_ascii=False) + "\n"  # compact: fast on big reports
