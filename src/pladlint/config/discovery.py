"""Which files to lint: explicit files, folders walked in sorted order, excludes and .gitignore."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pathspec

from pladlint.config import Config
from pladlint.document.source import resolved


def _spec(patterns: list[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _gitignore(folder: Path) -> pathspec.PathSpec | None:
    path = folder / ".gitignore"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines) if lines else None


def discover(paths: list[Path], config: Config) -> Iterator[Path]:
    """Yield files to lint. Explicit files are always yielded; folders are filtered."""
    excluded = _spec(config.exclude + config.extend_exclude)
    extensions = tuple(e.lower() for e in config.extensions)
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, excluded, extensions, config.respect_gitignore):
                key = resolved(found)  # a symlink loop must not stop the walk
                if key not in seen:
                    seen.add(key)
                    yield found
        else:
            key = resolved(path) if path.exists() else path
            if key not in seen:
                seen.add(key)
                yield path


def _walk(root: Path, excluded: pathspec.PathSpec, extensions: tuple[str, ...],
          use_gitignore: bool) -> Iterator[Path]:
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    # followlinks=False: a symlinked folder is never entered, so a symlink loop cannot hang us.
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if use_gitignore:
            spec = _gitignore(here)
            if spec is not None:
                ignores.append((here, spec))
        rel_folder = here.relative_to(root)

        def ignored(name: str, is_dir: bool) -> bool:
            rel = (rel_folder / name).as_posix() + ("/" if is_dir else "")
            if excluded.match_file(rel):
                return True
            full = here / name
            for base, spec in ignores:
                try:
                    sub = full.relative_to(base).as_posix() + ("/" if is_dir else "")
                except ValueError:
                    continue
                if spec.match_file(sub):
                    return True
            return False

        dirs[:] = sorted(d for d in dirs if not ignored(d, True))
        for name in sorted(files):
            if name.lower().endswith(extensions) and not ignored(name, False):
                yield here / name
