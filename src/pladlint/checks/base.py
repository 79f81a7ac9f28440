"""The rule contract: a small object with metadata, typed options and a check."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from pladlint.positions import Span

if TYPE_CHECKING:
    from pladlint.engine.context import DocumentContext


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
class Option:
    """A rule option: its default, its type, and one line of help."""

    default: Any
    type: type | tuple[type, ...]
    help: str

    def validate(self, value: Any) -> Any:
        kinds = self.type if isinstance(self.type, tuple) else (self.type,)
        if isinstance(value, bool) and bool not in kinds:
            raise TypeError("must be " + " or ".join(k.__name__ for k in kinds))
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, kinds):
            raise TypeError(
                "must be " + " or ".join(k.__name__ for k in kinds)
                + f", not {type(value).__name__}"
            )
        if list in kinds and isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise TypeError("must be a list of strings")
        return value


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
