"""A rule option: its default, its type, its help and its choices, checked in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its type, one line of help, and the values it may take
    (`choices`, checked with the type: `scope = "sectoin"` is an error, not a silent default)."""

    default: Any
    type: type | tuple[type, ...]
    help: str
    choices: tuple[Any, ...] | None = None

    def validate(self, value: Any) -> Any:
        kinds = self.type if isinstance(self.type, tuple) else (self.type,)
        if isinstance(value, bool) and bool not in kinds:
            raise TypeError("must be " + " or ".join(k.__name__ for k in kinds))
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, kinds):
            raise TypeError(
                "must be " + " or ".join(k.__name__ for k in kinds)
                + f", not {type(value).__name__}"
            )
        if list in kinds and isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise TypeError("must be a list of strings")
        if self.choices is not None and value not in self.choices:
            raise TypeError("must be one of " + ", ".join(repr(c) for c in self.choices)
                            + f", not {value!r}")
        return value
