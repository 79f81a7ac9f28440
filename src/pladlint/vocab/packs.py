"""Rule packs: the YAML data in `rules/` (shipped in the wheel as `pladlint/packs/`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pladlint.validation import problem

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class PackError(Exception):
    """A rule pack that is missing or malformed; the message names the file and the key."""


def packs_dir() -> Path:
    """The installed packs, or the source tree's `rules/` when running from a checkout."""
    here = Path(__file__).resolve().parent.parent  # the pladlint package
    installed = here / "packs"
    if installed.is_dir():
        return installed
    source = here.parent.parent / "rules"
    if source.is_dir():
        return source
    raise PackError(f"rule packs not found (looked in {installed} and {source})")


def load_yaml(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return yaml.load(fh, Loader=_Loader)  # safe loader: no object construction
    except FileNotFoundError:
        raise PackError(f"{path}: rule pack not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise PackError(f"{path}:{where} not valid YAML: {getattr(exc, 'problem', exc)}") from None


@lru_cache(maxsize=64)
def load_pack(relative: str, base: str | None = None) -> Any:
    """Load `relative` (e.g. 'audiences.yml') from the packs folder or from `base`."""
    root = Path(base) if base else packs_dir()
    data = _load_stored(root / relative)
    if not isinstance(data, dict):
        raise PackError(f"{root / relative}: a rule pack must be a mapping at the top level")
    return data


def _load_stored(path: Path) -> Any:
    """`load_yaml(path)`, from a precompiled copy when the file is unchanged: the jargon packs
    are large, and parsing them as YAML was a fifth of a one-page run's time."""
    from pladlint.vocab import precompiled

    try:
        stat = path.stat()
    except OSError:
        return load_yaml(path)  # reports the missing file
    key = precompiled.file_key("pack-v1", path, stat)
    return precompiled.stored("pack", key, lambda: load_yaml(path))


def require(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise PackError(f"{where}: missing key '{key}'")
    value = data[key]
    wrong = problem(value, kind, list_name="list") if not isinstance(value, list) or \
        kind is not list else None  # a list's entries are checked where they are read
    if wrong is not None:
        raise PackError(f"{where}: '{key}' {wrong}")
    return value
