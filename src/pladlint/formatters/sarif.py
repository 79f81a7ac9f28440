"""SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other viewers.

One run; `tool.driver` lists every rule; each result has a repository-relative URI, a
1-based region with `columnKind` stated, and our own stable fingerprint in
`partialFingerprints` (the one baselines use). `primaryLocationLineHash` is left to
GitHub's upload action, which computes it from the file. GitHub accepts at most 25,000
results per run: past that the most severe are kept and a notification says how many were
left out.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from pladlint import __version__
from pladlint.checks import ALL_RULES, Rule
from pladlint.findings import Finding, LintResult
from pladlint.fingerprints import fingerprint_path
from pladlint.formatters import FormatOptions

HOMEPAGE = "https://github.com/pladlint/pladlint"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000  # GitHub code scanning: results per run
FINGERPRINT_KEY = "pladlintFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, root: str) -> str:
    """A URI reference relative to the repository root (percent-encoded), or a file: URI."""
    rel = fingerprint_path(path, root)
    if PurePosixPath(rel).is_absolute():
        return "file://" + quote(rel, safe="/")
    return quote(rel, safe="/")


def rule_help_uri(rule: Rule) -> str:
    return f"{HOMEPAGE}/blob/main/README.md#rules"


def rule_descriptor(rule: Rule) -> dict[str, Any]:
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


def sarif_log(result: LintResult, options: FormatOptions) -> dict[str, Any]:
    rules = [rule_descriptor(r) for r in ALL_RULES]
    index = {r.code: i for i, r in enumerate(ALL_RULES)}
    findings = result.findings
    notes: list[dict[str, Any]] = []
    if len(findings) > MAX_RESULTS:
        kept = sorted(findings, key=lambda f: -f.severity.rank)[:MAX_RESULTS]
        kept.sort(key=Finding.sort_key)
        notes.append({"level": "warning", "message": {"text": (
            f"{len(findings) - MAX_RESULTS} findings left out: GitHub accepts at most "
            f"{MAX_RESULTS} results per run (the most severe are kept)")}})
        findings = kept
    for e in result.errors:
        notes.append({"level": "error", "message": {"text": f"{e.path}: {e.message}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {
                          "uri": artifact_uri(e.path, options.root)}}}]})
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "pladlint", "version": __version__, "semanticVersion": __version__,
            "informationUri": HOMEPAGE, "rules": rules,
        }},
        "invocations": [{"executionSuccessful": not result.errors,
                         "toolExecutionNotifications": notes}],
        "results": [result_entry(f, index, options.root) for f in findings],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_result(result: LintResult, options: FormatOptions) -> str:
    # Compact: the C encoder is about ten times faster than indent=2 on big reports.
    return json.dumps(sarif_log(result, options), ensure_ascii=False) + "\n"
