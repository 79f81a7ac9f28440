"""One check for every value pladlint reads from a file: a rule option, a configuration key,
a rule pack's entry. Each caller raises its own error (ConfigError, PackError) with the file
and the key; what makes a value wrong is decided here only."""

from __future__ import annotations

from typing import Any


def problem(value: Any, kind: type | tuple[type, ...], choices: tuple[Any, ...] | None = None,
            list_name: str = "a list of strings") -> str | None:
    """What is wrong with `value` ("must be int or float, not str"), or None if nothing.

    A bool is not an int here (YAML and TOML `true` is no number); a list must hold strings;
    `choices`, when given, are the only values allowed."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        names = " or ".join(list_name if k is list else k.__name__ for k in kinds)
        return f"must be {names}, not {type(value).__name__}"
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    if choices is not None and value not in choices:
        return "must be one of " + ", ".join(repr(c) for c in choices) + f", not {value!r}"
    return None
