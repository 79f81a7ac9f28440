"""The rule contract: a small object with metadata, typed options and a check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

# Severity lives with the findings (the model layer); re-exported here for the rules.
from pladlint.findings import Severity
from pladlint.checks.options import Option
from pladlint.positions import Span

if TYPE_CHECKING:
    from pladlint.checks.context import DocumentContext


@dataclass
class Violation:
    """What a check reports: a span in the file, a message, and an optional plain suggestion."""

    span: Span
    message: str
    suggestion: str | None = None
    severity: Severity | None = None  # None: the rule's configured severity
    section: int | None = None  # None: the section holding the span's start
    data: dict[str, Any] = field(default_factory=dict)


class Rule:
    """Subclasses set the metadata and implement `check`.

    Documentation fields follow ruff's shape (what / why / example / use instead) so that
    `pladlint explain` and the SARIF rule help come from one place.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line
    rationale: ClassVar[str]  # one paragraph: why it matters
    example: ClassVar[str]  # a failing snippet
    fix: ClassVar[str]  # what to write instead
    tags: ClassVar[tuple[str, ...]] = ()
    audiences: ClassVar[tuple[str, ...] | None] = None  # None: all audiences
    languages: ClassVar[tuple[str, ...] | None] = None  # None: every language
    options: ClassVar[dict[str, Option]] = {}

    def check(self, ctx: "DocumentContext", options: dict[str, Any]) -> Iterator[Violation]:
        raise NotImplementedError
