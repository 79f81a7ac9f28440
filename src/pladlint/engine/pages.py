"""A page as a run hands it on to the reports: its tallies and its report pieces, ready.

The command line knows, before linting, which reports it will write. Each page's part of
each such report (its "piece": the text report's block for the page, the JSON report's
object for it) is a pure function of the page's result and the report's options, so it is
rendered where the page is linted (in a worker, in parallel) and kept, with the counts the
summaries need, in a `PageRecord`: stored beside the cached result, a warm run reads it
and writes the pieces' bytes without unpickling a result or formatting anything.

The full result travels too (pickled once, in `Page.payload`, or loadable from the cache
in `Page.load`) for whatever needs more than the pieces: another format, `--fix`, a
baseline. `Render` is built by the command line (formatters.Renderers), so this layer
does not import the formatters.
"""

from __future__ import annotations

import marshal
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from pladlint.findings import FileResult

# A page's result → {piece key: (piece text, the formatter's per-page extra)}
Render = Callable[[FileResult], dict[str, tuple[str, Any]]]
_VERSION = 1


@dataclass
class PageRecord:
    findings: int
    by_severity: dict[str, int]
    by_rule: list[tuple[str, str, int]]  # (code, rule, findings)
    pieces: dict[str, tuple[str, Any]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        # marshal: plain data only, fast to load, and it cannot run code when loaded
        return marshal.dumps((_VERSION, self.findings, self.by_severity, self.by_rule,
                              self.pieces))

    @classmethod
    def from_bytes(cls, data: bytes) -> "PageRecord":
        version, findings, by_severity, by_rule, pieces = marshal.loads(data)
        if version != _VERSION or not isinstance(pieces, dict):
            raise ValueError("not a page record of this version")
        return cls(findings, by_severity, by_rule, pieces)

    def has(self, keys: tuple[str, ...]) -> bool:
        return all(k in self.pieces for k in keys)


def record_of(result: FileResult, render: Render | None = None) -> PageRecord:
    """The tallies of `result` and, with `render`, its report pieces."""
    by_severity: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    for f in result.findings:
        by_severity[f.severity.value] += 1
        by_rule[(f.code, f.rule)] += 1
    return PageRecord(len(result.findings), dict(by_severity),
                      [(code, rule, n) for (code, rule), n in by_rule.items()],
                      render(result) if render is not None else {})


@dataclass
class Page:
    """A linted or cached page: its record, and its full result pickled (`payload`) or
    loadable on demand (`load`, from the result cache)."""

    record: PageRecord
    payload: bytes | None = None
    load: Callable[[], FileResult | None] | None = None
