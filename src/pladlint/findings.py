"""What the engine hands to formatters: findings, per-file results, per-section summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections import Counter
from typing import Any, Iterator

from pladlint.checks.base import Severity


@dataclass(frozen=True)
class Finding:
    rule: str  # kebab-case name, e.g. "reading-grade"
    code: str  # e.g. "PL101"
    severity: Severity
    message: str
    path: str  # as displayed: relative to the working directory when possible, "/" separators
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # exclusive: the column just past the last character
    section: str
    text: str  # the source text of the span
    suggestion: str | None = None
    start: int = 0  # 0-based character offsets in the file, half-open
    end: int = 0
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Stable identity for baselines and SARIF partialFingerprints: rule + path + section +
    # normalized text + occurrence index, never line numbers (see fingerprints.py).
    fingerprint: str = field(default="", compare=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.code,
                self.message)


@dataclass
class SectionSummary:
    heading: str
    level: int
    line: int
    end_line: int
    path: tuple[str, ...]
    words: int
    sentences: int
    grade: float | None
    scores: dict[str, float]
    target: float | None
    empty_heading: bool = False
    note: str | None = None  # e.g. why no grade is given
    jargon_density: float | None = None  # unexplained jargon uses per 100 words (English)


@dataclass
class FileResult:
    path: str
    audience: str
    language: str
    sections: list[SectionSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    words: int = 0
    grade: float | None = None  # whole-document consensus grade
    # The file text as read, so formatters (terminal snippets, HTML report) and the fixer
    # never re-read the file. Not part of the JSON output.
    source: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


class FindingsView:
    """Every finding of a result, page by page, without gathering them into one list: with a
    spooled result (spool.py) the pages are read back from disk one at a time."""

    def __init__(self, files) -> None:
        self._files = files

    def __iter__(self) -> Iterator[Finding]:
        for r in self._files:
            yield from r.findings

    def __len__(self) -> int:
        counted = getattr(self._files, "findings", None)
        return counted if isinstance(counted, int) else sum(len(r.findings) for r in self._files)


@dataclass
class LintResult:
    # A list, or a spool.ResultSpool (an on-disk sequence) for large runs from the CLI.
    files: list[FileResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding] | FindingsView:
        if isinstance(self.files, list):
            return [f for r in self.files for f in r.findings]
        return FindingsView(self.files)

    def severity_counts(self) -> Counter[str]:
        counted = getattr(self.files, "by_severity", None)
        if counted is not None:
            return Counter(counted)
        return Counter(f.severity.value for f in self.findings)

    def rule_counts(self) -> Counter[tuple[str, str]]:
        """Findings per (code, rule)."""
        counted = getattr(self.files, "by_rule", None)
        if counted is not None:
            return Counter(counted)
        return Counter((f.code, f.rule) for f in self.findings)

    def count_at_or_above(self, threshold: str) -> int:
        if threshold == "never":
            return 0
        rank = Severity(threshold).rank
        return sum(n for sev, n in self.severity_counts().items() if Severity(sev).rank >= rank)
