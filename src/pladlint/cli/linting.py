"""Running the linter for a command: workers, the result cache, stage timing, standard input."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from pladlint.config import Config, config_for_path
from pladlint.findings import FileError, LintResult


def performance(config: Config, jobs: int | None, no_cache: bool = False,
                profile: bool = False) -> dict:
    """Workers, result cache and stage timing for `lint_paths` (see parallel.py, cache.py)."""
    from pladlint import timing
    from pladlint.vocab import precompiled
    from pladlint.engine.parallel import tune_gc

    tune_gc()
    if profile:
        timing.enable()
        click.get_current_context().call_on_close(
            lambda: click.echo(json.dumps(timing.totals(), sort_keys=True), err=True))
    cache = None
    if not no_cache and not os.environ.get("PLADLINT_NO_CACHE"):
        from pladlint.engine.cache import ResultCache, cache_dir

        folder = cache_dir(config)
        cache = ResultCache(folder)
        precompiled.set_cache_dir(folder)
    return {"jobs": jobs or None, "cache": cache}


def run_lint(paths: list[Path], config: Config, stdin_filename: str | None,
             today: dt.date | None, debug: bool, jobs: int | None = 1,
             cache=None, render=None) -> LintResult:
    """Lint PATHS, or standard input when PATHS is '-'."""
    from pladlint.api import lint_bytes, lint_paths

    if Path("-") in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be combined with other paths")
        data = sys.stdin.buffer.read(config.max_file_size + 1)  # bounded: decode() rejects more
        outcome = lint_bytes(data, config_for_path(config, stdin_filename) if stdin_filename
                             else config, stdin_filename or "<stdin>", today, debug)
        result = LintResult()
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        else:
            result.files.append(outcome)
        return result
    return lint_paths(paths, config, today, debug, jobs, cache, spool=True, render=render)
