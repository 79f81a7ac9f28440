"""What a check hands the editor: the diagnostics for a page (findings, and the notes that
replace a check: a broken configuration, a page too large, broken front matter, a bug), and
what is kept for hover and code actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lsprotocol import types

from pladlint.findings import FileResult, Finding
from pladlint.fixes import Edit
from pladlint.lsp.utf16 import to_range
from pladlint.positions import LineIndex

SOURCE = "pladlint"
CONFIG_ERROR = "config-error"  # the code of the diagnostic that reports a broken configuration
TOO_LARGE = "page-too-large"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


@dataclass
class Checked:
    """A page's last check, for hover and code actions. The quick fixes (`edits`: the safe
    plain-word swaps; `links`: glossary links) are planned on first use, by `plan`, not
    before the diagnostics are published: planning re-parses the page, and most checks
    (one per pause in typing) are never followed by a code action."""
    version: int | None
    result: FileResult
    index: LineIndex
    plan: Callable[[], tuple[list[Edit], list[Edit]]] | None = None
    _planned: tuple[list[Edit], list[Edit]] | None = field(default=None, repr=False)

    def _fixes(self) -> tuple[list[Edit], list[Edit]]:
        if self._planned is None:
            self._planned = self.plan() if self.plan is not None else ([], [])
        return self._planned

    @property
    def edits(self) -> list[Edit]:
        return self._fixes()[0]

    @property
    def links(self) -> list[Edit]:  # glossary links (glossary-url set)
        return self._fixes()[1]


@dataclass
class Linted:
    """What a check in the worker thread hands back to the event loop."""
    diagnostics: list[types.Diagnostic]
    checked: Checked | None  # None: nothing to hover or fix (front matter error, too large)
    config_error: str | None = None


def finding_diagnostic(f: Finding, index: LineIndex, text: str) -> types.Diagnostic:
    message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
    return types.Diagnostic(
        range=to_range(index, text, f.start, f.end), message=message,
        severity=_SEVERITY.get(f.severity.value, types.DiagnosticSeverity.Warning),
        code=f.rule, source=SOURCE, data={"code": f.code, "start": f.start, "end": f.end})


def _at_start(message: str, severity: types.DiagnosticSeverity, code: str | None = None,
              end_column: int = 0) -> types.Diagnostic:
    """A note about the whole page, anchored at its start."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, end_column)),
        message=message, severity=severity, code=code, source=SOURCE)


def config_error_diagnostic(error: str) -> types.Diagnostic:
    return _at_start(f"pladlint configuration: {error}", types.DiagnosticSeverity.Error,
                     CONFIG_ERROR)


def too_large_diagnostic(size: int, limit: int) -> types.Diagnostic:
    return _at_start(f"this page is {size / 1e6:.1f} MB, over the editor's limit of "
                     f"{limit / 1e6:.1f} MB (PLADLINT_LSP_MAX_SIZE): it is not checked "
                     "as you type; run `pladlint check` on it",
                     types.DiagnosticSeverity.Information, TOO_LARGE)


def front_matter_diagnostic(exc: Exception) -> types.Diagnostic:
    return _at_start(str(exc), types.DiagnosticSeverity.Error, end_column=3)


def internal_error_diagnostic(exc: Exception) -> types.Diagnostic:
    return _at_start(f"pladlint could not check this page (internal error: "
                     f"{type(exc).__name__}: {exc}); please report it",
                     types.DiagnosticSeverity.Error, "internal-error")
