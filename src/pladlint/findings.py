"""What the engine hands to formatters: findings, per-file results, per-section summaries,
and the metadata of the rules behind them.

A model module: it imports nothing from pladlint, so a formatter (or the editor server) that
reads findings does not load the rules, the engine or the language tools.
"""

from __future__ import annotations

import enum
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"'{value}' is not a severity (use error, warning or info)") from None


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule (SARIF's rule list, help links): its metadata without
    its check, so formatters read it from the result instead of importing the rules."""

    code: str  # e.g. "PL101"
    name: str  # kebab-case, e.g. "reading-grade"
    severity: Severity  # default severity
    summary: str  # one line
    rationale: str  # why it matters
    example: str  # a failing snippet
    fix: str  # what to write instead
    tags: tuple[str, ...] = ()

    @classmethod
    def from_rule(cls, rule: Any) -> "RuleInfo":
        """The metadata of a `checks.base.Rule` (typed loosely: this module cannot import it)."""
        return cls(code=rule.code, name=rule.name, severity=rule.severity, summary=rule.summary,
                   rationale=rule.rationale, example=rule.example, fix=rule.fix,
                   tags=tuple(rule.tags))


# The rules this process knows, by code, in registry order: what a LintResult carries when
# whoever built it did not say (a result assembled by hand, in a test or a script). Filled by
# the layer that imports the registry (`register_rules`), as this module cannot import it.
_KNOWN_RULES: dict[str, RuleInfo] = {}


def register_rules(rules: Iterable[Any]) -> dict[str, RuleInfo]:
    """Record the rules this process knows (`checks.ALL_RULES`); returns them by code."""
    infos = {info.code: info for info in map(RuleInfo.from_rule, rules)}
    _KNOWN_RULES.clear()
    _KNOWN_RULES.update(infos)
    return dict(infos)


def known_rules() -> dict[str, RuleInfo]:
    """The rules recorded by `register_rules`, by code (empty if none were)."""
    return dict(_KNOWN_RULES)


def root_relative_path(display_path: str, root: Path | str | None) -> str:
    """A finding's path relative to `root` when the file lies under it (as fingerprints,
    SARIF, Code Climate and GitHub annotations show it), else the path as displayed."""
    if root is None or display_path.startswith("<"):
        return display_path
    return _relative(display_path, str(root), os.getcwd())


@lru_cache(maxsize=8192)
def _relative(display_path: str, root: str, cwd: str) -> str:
    try:
        rel = os.path.relpath(os.path.join(cwd, display_path), os.path.join(cwd, root))
    except ValueError:  # another drive on Windows
        return display_path
    if rel == ".." or rel.startswith(".." + os.sep):
        return display_path
    return Path(rel).as_posix()


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
    passive_share: float | None = None  # passive sentences / sentences (English)
    difficulty: float | None = None  # 0-100, the fitted difficulty model (English)
    max_difficulty: float | None = None  # the audience's target for it, if any
    hotspots: list[dict] = field(default_factory=list)  # its hardest sentences (English)


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
    difficulty: float | None = None  # whole-document difficulty, 0-100 (English)


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


class PageList(list):
    """The page results of a run, in memory. engine/spool.ResultSpool, its on-disk twin for
    runs over thousands of pages, offers the same: iteration, length, `append`, and the
    tallies the summaries read (`findings`, `by_severity`, `by_rule`)."""

    @property
    def findings(self) -> int:
        return sum(len(r.findings) for r in self)

    @property
    def by_severity(self) -> Counter[str]:
        return Counter(f.severity.value for r in self for f in r.findings)

    @property
    def by_rule(self) -> Counter[tuple[str, str]]:
        return Counter((f.code, f.rule) for r in self for f in r.findings)


class FindingsView:
    """Every finding of a result, page by page, without gathering them into one list: with a
    spooled result the pages are read back from disk one at a time."""

    def __init__(self, files) -> None:
        self._files = files

    def __iter__(self) -> Iterator[Finding]:
        for r in self._files:
            yield from r.findings

    def __len__(self) -> int:
        return self._files.findings

    def __getitem__(self, index: int) -> Finding:
        return list(self)[index]


@dataclass
class LintResult:
    # PageList, or engine/spool.ResultSpool (the same interface, on disk) for large runs
    files: PageList = field(default_factory=PageList)
    errors: list[FileError] = field(default_factory=list)
    # The rules behind the findings (every rule pladlint knows, by code, in registry order):
    # what formatters say about a rule comes from here, never from the rule registry.
    rules: dict[str, RuleInfo] = field(default_factory=known_rules, repr=False)

    def __post_init__(self) -> None:
        if type(self.files) is list:  # LintResult(files=[...])
            self.files = PageList(self.files)

    @property
    def findings(self) -> FindingsView:
        return FindingsView(self.files)

    def severity_counts(self) -> Counter[str]:
        return Counter(self.files.by_severity)

    def rule_counts(self) -> Counter[tuple[str, str]]:
        """Findings per (code, rule)."""
        return Counter(self.files.by_rule)

    def count_at_or_above(self, threshold: str) -> int:
        if threshold == "never":
            return 0
        rank = Severity(threshold).rank
        return sum(n for sev, n in self.severity_counts().items() if Severity(sev).rank >= rank)
