"""Regular expressions supplied by users, compiled so that none can hang CI.

A configuration can add patterns (the jargon rule's `glossary-patterns`, say). Python's `re`
backtracks without limit, so `(a+)+$` against a long URL would hang the run. These patterns
are compiled with the `regex` package and every match runs under a time limit: a match that
runs out of time counts as no match (and is counted in `SafePattern.timed_out`). Patterns
are capped in length.

Convention: a rule option whose name ends in `-pattern` or `-patterns` holds user regexes;
the configuration loader checks them with `check_patterns`, so a syntax error is a config
error naming the key, not an internal error halfway through a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import regex

MATCH_TIMEOUT = 0.05  # seconds per search: URLs and terms are short, 50 ms is generous
MAX_PATTERN_LENGTH = 1000


class UnsafePatternError(ValueError):
    """A user pattern that cannot be used; the message is one line, meant for the user."""


@dataclass(eq=False)  # hashable by identity: matchers holding it may be cached
class SafePattern:
    source: str
    compiled: "regex.Pattern[str]"
    timeout: float = MATCH_TIMEOUT
    timed_out: int = field(default=0, compare=False)  # searches that ran out of time

    def search(self, text: str) -> "regex.Match[str] | None":
        try:
            return self.compiled.search(text, timeout=self.timeout)
        except TimeoutError:
            self.timed_out += 1
            return None


def compile_pattern(pattern: str, ignore_case: bool = True,
                    timeout: float = MATCH_TIMEOUT) -> SafePattern:
    if not isinstance(pattern, str):
        raise UnsafePatternError(f"pattern must be a string, not {type(pattern).__name__}")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePatternError(
            f"pattern is {len(pattern)} characters long, over the limit of {MAX_PATTERN_LENGTH}")
    flags = regex.IGNORECASE if ignore_case else 0
    try:
        compiled = regex.compile(pattern, flags | regex.VERSION0)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise UnsafePatternError(f"'{pattern}' is not a valid regular expression: {exc}") from None
    return SafePattern(pattern, compiled, timeout)


def check_patterns(values: Iterable[str]) -> None:
    """Raise UnsafePatternError for the first pattern that does not compile."""
    for value in values:
        compile_pattern(value)


def is_pattern_option(name: str) -> bool:
    return name.endswith(("-pattern", "-patterns"))
