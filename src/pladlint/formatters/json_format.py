"""JSON for machines. Field names are a stable interface: add fields, never rename them."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterator

from pladlint import __version__
from pladlint.findings import FileResult, Finding, LintResult, SectionSummary
from pladlint.formatters.common import FormatOptions, page_pieces
from pladlint.formatters.json_stream import LIST, dumps_with_dumped

_DUMPS = {"ensure_ascii": False, "sort_keys": False, "default": str}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule, "code": f.code, "severity": f.severity.value, "message": f.message,
        "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "section": f.section, "text": f.text, "suggestion": f.suggestion,
        "fingerprint": f.fingerprint,
    }


def section_dict(s: SectionSummary) -> dict[str, Any]:
    return {
        "heading": s.heading, "level": s.level, "line": s.line, "end_line": s.end_line,
        "path": list(s.path), "empty_heading": s.empty_heading, "words": s.words,
        "sentences": s.sentences, "grade": s.grade, "scores": s.scores, "target": s.target,
        "note": s.note, "jargon_density": s.jargon_density,
        "passive_share": getattr(s, "passive_share", None),
        "difficulty": s.difficulty, "max_difficulty": s.max_difficulty,
        "hotspots": s.hotspots,
    }


def file_dict(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path, "audience": r.audience, "language": r.language, "words": r.words,
        "grade": r.grade, "difficulty": r.difficulty,
        "sections": [section_dict(s) for s in r.sections],
        "findings": [finding_dict(f) for f in r.findings],
    }


def _summary(result: LintResult) -> dict[str, Any]:
    severities = result.severity_counts()
    rules: Counter[str] = Counter()
    for (_, rule), n in result.rule_counts().items():
        rules[rule] += n
    return {
        "files": len(result.files),
        "files_with_errors": len(result.errors),
        "findings": sum(severities.values()),
        "by_severity": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(rules.items())),
    }


def _document(result: LintResult, files: Any) -> dict[str, Any]:
    return {
        "version": __version__,
        "files": files,
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": _summary(result),
    }


def result_dict(result: LintResult) -> dict[str, Any]:
    return _document(result, [file_dict(r) for r in result.files])


def page_key(options: FormatOptions) -> str:
    return "json"


def page_piece(r: FileResult, options: FormatOptions) -> tuple[str, None]:
    """A page's object in the report, dumped as `json.dumps` dumps a list item."""
    return json.dumps(file_dict(r), indent=2, **_DUMPS), None


def stream(result: LintResult, options: FormatOptions) -> Iterator[str]:
    """The report in pieces, one page at a time (see json_stream.py)."""
    pieces = page_pieces(result.files, page_key(options), lambda r: page_piece(r, options))
    yield from dumps_with_dumped(_document(result, LIST), (text for text, _ in pieces),
                                 indent=2, **_DUMPS)
    yield "\n"


def format_result(result: LintResult, options: FormatOptions) -> str:
    return "".join(stream(result, options))
