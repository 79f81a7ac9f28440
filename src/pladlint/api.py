"""The library face shared by the CLI, the editor server and the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pladlint.checks import ALL_RULES
from pladlint.config import Config, config_for_path
from pladlint.config.discovery import discover
from pladlint.engine.files import display_path, lint_bytes, lint_file, lint_text
from pladlint.findings import FileError, LintResult, RuleInfo, register_rules

__all__ = ["display_path", "lint_bytes", "lint_file", "lint_paths", "lint_text", "rule_infos"]


# Rule metadata travels with results (formatters read `LintResult.rules`, never the registry);
# recorded once, so a LintResult built without `rules=` carries every rule too.
_RULE_INFOS = register_rules(ALL_RULES)


def rule_infos() -> dict[str, RuleInfo]:
    """Every rule pladlint knows, by code, in registry order: what a LintResult carries."""
    return dict(_RULE_INFOS)


def lint_paths(paths: list[Path], config: Config, today: dt.date | None = None,
               debug: bool = False, jobs: int | None = 1, cache=None,
               spool: bool = False, render=None) -> LintResult:
    """Lint files and folders; `jobs` worker processes (None: one per core), `cache` a
    `cache.ResultCache` (None: no cache). The result does not depend on either. With
    `spool`, `result.files` is a `spool.ResultSpool`: page results wait on disk, not in
    memory, until a formatter reads them (the CLI's way, for runs over thousands of pages).
    `render` (formatters.Renderers) renders each page's report pieces where it is linted,
    or reads them from the cache (engine/pages.py); the reports are the same without it."""
    from pladlint.engine.parallel import lint_files

    result = LintResult(rules=rule_infos())
    if spool:
        from pladlint.engine.spool import ResultSpool

        result.files = ResultSpool()  # type: ignore[assignment]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            result.errors.append(FileError(display_path(path), "no such file or directory"))
    # A broken symlink or a symlink loop named explicitly gets its own error from the reader.
    files = list(discover([p for p in paths if p.exists() or p.is_symlink()], config))
    # Linted in the order of the report, so results can be written away as they come.
    shown = {path: display_path(path) for path in files}
    files.sort(key=lambda p: shown[p])
    for outcome in lint_files(files, config, lambda p: config_for_path(config, p), today, debug,
                              jobs, cache, render if spool else None):
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        else:
            result.files.append(outcome)  # a Page goes to the spool as it is
    result.errors.sort(key=lambda e: (e.path, e.message))
    return result
