"""Lint one page: from text, bytes or a file, bad input turned into a one-line error."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable

from pladlint.config import Config
from pladlint.document import FrontMatterError, parse_document
from pladlint.document.source import InputError, decode, read_source
from pladlint.engine import lint_document
from pladlint.findings import FileError, FileResult
from pladlint.timing import stage


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

    return guarded(path, run, debug)


def lint_file(path: Path, config: Config, today: dt.date | None = None,
              debug: bool = False) -> FileResult | FileError:
    shown = display_path(path)

    def run() -> FileResult:
        with stage("read"):
            source = read_source(path, config.max_file_size)
        return lint_text(source.text, config, shown, today)

    return guarded(shown, run, debug)


def guarded(shown: str, run: Callable[[], FileResult], debug: bool) -> FileResult | FileError:
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
