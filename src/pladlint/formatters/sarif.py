"""SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other viewers.

One run; `tool.driver` lists the rules the result carries (`LintResult.rules`: every rule
pladlint knows); each result has a repository-relative URI, a 1-based region with
`columnKind` stated, and our own stable fingerprint in `partialFingerprints` (the one
baselines use). `primaryLocationLineHash` is left to GitHub's upload action, which computes
it from the file. GitHub accepts at most 25,000 results per run: past that the most severe
are kept and a notification says how many were left out.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, Iterator
from urllib.parse import quote

from pladlint import __version__
from pladlint.findings import Finding, LintResult, RuleInfo, root_relative_path
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.json_stream import LIST, dumps_with_list

HOMEPAGE = "https://github.com/pladlint/pladlint"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000  # GitHub code scanning: results per run
FINGERPRINT_KEY = "pladlintFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, root: str) -> str:
    """A URI reference relative to the repository root (percent-encoded), or a file: URI."""
    rel = root_relative_path(path, root)
    if PurePosixPath(rel).is_absolute():
        return "file://" + quote(rel, safe="/")
    return quote(rel, safe="/")


def rule_help_uri(rule: RuleInfo) -> str:
    return f"{HOMEPAGE}/blob/main/README.md#rules"


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    example = rule.example.rstrip("\n")
    markdown = (f"**{rule.summary}**\n\n{rule.rationale}\n\n**Example**\n\n```markdown\n"
                f"{example}\n```\n\n**How to fix it**\n\n{rule.fix}")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.rationale}\n\nHow to fix it: {rule.fix}", "markdown": markdown},
        "helpUri": rule_help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"tags": list(rule.tags) or [rule.name], "precision": "medium"},
    }


def _message(f: Finding) -> str:
    return f"{f.message} ({f.suggestion})" if f.suggestion else f.message


def result_entry(f: Finding, index: dict[str, int], root: str) -> dict[str, Any]:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
              "endColumn": max(f.end_column, f.column if f.end_line == f.line else 1)}
    if f.text:
        region["snippet"] = {"text": f.text}
    entry: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity.value],
        "message": {"text": _message(f)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(f.path, root)},
            "region": region,
        }}],
        "properties": {"rule": f.rule, "section": f.section},
    }
    if f.code in index:
        entry["ruleIndex"] = index[f.code]
    if f.fingerprint:
        entry["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    return entry


def _notes(result: LintResult, options: FormatOptions, left_out: int) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    if left_out:
        notes.append({"level": "warning", "message": {"text": (
            f"{left_out} findings left out: GitHub accepts at most "
            f"{MAX_RESULTS} results per run (the most severe are kept)")}})
    for e in result.errors:
        notes.append({"level": "error", "message": {"text": f"{e.path}: {e.message}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {
                          "uri": artifact_uri(e.path, options.root)}}}]})
    return notes


def _log(result: LintResult, notes: list[dict[str, Any]], results: Any) -> dict[str, Any]:
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "pladlint", "version": __version__, "semanticVersion": __version__,
            "informationUri": HOMEPAGE,
            "rules": [rule_descriptor(r) for r in result.rules.values()],
        }},
        "invocations": [{"executionSuccessful": not result.errors,
                         "toolExecutionNotifications": notes}],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _selected(result: LintResult) -> tuple[Any, int]:
    """The findings to write and how many were left out: all of them (as they come), or past
    GitHub's MAX_RESULTS the most severe, in report order."""
    if len(result.findings) <= MAX_RESULTS:
        return result.findings, 0
    findings = list(result.findings)
    kept = sorted(findings, key=lambda f: -f.severity.rank)[:MAX_RESULTS]
    kept.sort(key=Finding.sort_key)
    return kept, len(findings) - len(kept)


def stream(result: LintResult, options: FormatOptions) -> Iterator[str]:
    """The log in pieces, one result at a time (see json_stream.py). Past GitHub's limit the
    findings must be ranked first, so they are gathered (at most 25,000 are written)."""
    index = {code: i for i, code in enumerate(result.rules)}
    findings, left_out = _selected(result)
    entries = (result_entry(f, index, options.root) for f in findings)
    yield from dumps_with_list(_log(result, _notes(result, options, left_out), LIST), entries,
                               ensure_ascii=False)
    yield "\n"


def format_result(result: LintResult, options: FormatOptions) -> str:
    return "".join(stream(result, options))
