"""GitLab Code Quality: a JSON array with every field GitLab requires."""

from __future__ import annotations

import json

from pladlint.formatters import FormatOptions, get_formatter

from format_samples import sample_result


def test_every_required_field() -> None:
    result = sample_result()
    issues = json.loads(get_formatter("codeclimate")(result, FormatOptions()))
    assert isinstance(issues, list) and len(issues) == len(result.findings)
    for issue, f in zip(issues, result.findings):
        assert issue["type"] == "issue"
        assert issue["description"].startswith(f"{f.code} {f.message}")
        assert issue["check_name"] == f.rule
        assert issue["fingerprint"] == f.fingerprint and len(f.fingerprint) == 32
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[
            f.severity.value]
        assert issue["location"]["path"] == f.path
        assert issue["location"]["lines"] == {"begin": f.line, "end": f.end_line}
        assert issue["categories"] == ["Style"]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab needs unique fingerprints"


def test_empty() -> None:
    from pladlint.findings import LintResult

    assert json.loads(get_formatter("codeclimate")(LintResult(), FormatOptions())) == []
