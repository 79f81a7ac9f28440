"""What a check hands the editor: the diagnostics for a page (findings, and the notes that
replace a check: a broken configuration, a page too large, broken front matter, a bug), and
what is kept for hover and code actions."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    version: int | None
    result: FileResult
    index: LineIndex
    edits: list[Edit]
    links: list[Edit] = field(default_factory=list)  # glossary links (glossary-url set)


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
