"""A rule's violation as a finding: positions in the file, the section's heading."""

from __future__ import annotations

from pladlint.checks import Rule, Severity, Violation
from pladlint.document.model import Document
from pladlint.findings import Finding


def to_finding(rule: Rule, v: Violation, severity: Severity, doc: Document, path: str) -> Finding:
    start = doc.index.location(v.span.start)
    end = doc.index.end_location(v.span)
    if v.section is not None and v.section < len(doc.sections):
        section = doc.sections[v.section].heading
    else:
        found = doc.section_at(v.span.start)
        section = found.heading if found else ""
    return Finding(
        rule=rule.name, code=rule.code, severity=severity, message=v.message, path=path,
        line=start.line, column=start.column, end_line=end.line, end_column=end.column,
        section=section, text=doc.text[v.span.start : v.span.end], suggestion=v.suggestion,
        start=v.span.start, end=v.span.end, data=v.data,
    )
