"""The library face shared by the CLI, the editor server and the tests."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable

from pladlint.config import Config, config_for_path
from pladlint.config.discovery import discover
from pladlint.document import FrontMatterError, parse_document
from pladlint.engine import lint_document
from pladlint.findings import FileError, FileResult, LintResult
from pladlint.document.source import InputError, decode, read_source
from pladlint.timing import stage


class InternalError(Exception):
    pass


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    if rel.startswith(".." + os.sep) or rel == "..":
        rel = str(path)
    return Path(rel).as_posix()


def lint_text(text: str, config: Config | None = None, path: str = "<stdin>",
              today: dt.date | None = None) -> FileResult:
    """Lint a page given as text. Raises FrontMatterError for unreadable front matter."""
    config = config or Config()
    with stage("parse"):
        doc = parse_document(Path(path), text)
    return lint_document(doc, config, path, today)


def lint_bytes(data: bytes, config: Config, path: str, today: dt.date | None = None,
               debug: bool = False) -> FileResult | FileError:
    def run() -> FileResult:
        source = decode(data, config.max_file_size)
        return lint_text(source.text, config, path, today)

    return _guarded(path, run, debug)


def lint_file(path: Path, config: Config, today: dt.date | None = None,
              debug: bool = False) -> FileResult | FileError:
    shown = display_path(path)

    def run() -> FileResult:
        with stage("read"):
            source = read_source(path, config.max_file_size)
        return lint_text(source.text, config, shown, today)

    return _guarded(shown, run, debug)


def _guarded(shown: str, run: Callable[[], FileResult], debug: bool) -> FileResult | FileError:
    """Bad input becomes a one-line error for that file; so does a bug, unless debugging."""
    try:
        return run()
    except (InputError, FrontMatterError) as exc:
        return FileError(shown, str(exc))
    except Exception as exc:
        if debug:
            raise
        return FileError(shown, f"internal error ({type(exc).__name__}: {exc}); "
                                "run with --debug and report it")


def lint_paths(paths: list[Path], config: Config, today: dt.date | None = None,
               debug: bool = False, jobs: int | None = 1, cache=None,
               spool: bool = False) -> LintResult:
    """Lint files and folders; `jobs` worker processes (None: one per core), `cache` a
    `cache.ResultCache` (None: no cache). The result does not depend on either. With
    `spool`, `result.files` is a `spool.ResultSpool`: page results wait on disk, not in
    memory, until a formatter reads them (the CLI's way, for runs over thousands of pages)."""
    from pladlint.engine.parallel import lint_files

    result = LintResult()
    if spool:
        from pladlint.spool import ResultSpool

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
                              jobs, cache):
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        else:
            result.files.append(outcome)
    result.errors.sort(key=lambda e: (e.path, e.message))
    return result
