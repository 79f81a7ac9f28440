"""A rule option: its default, its type, its help and its choices, checked in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pladlint.validation import problem


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its type, one line of help, and the values it may take
    (`choices`, checked with the type: `scope = "sectoin"` is an error, not a silent default)."""

    default: Any
    type: type | tuple[type, ...]
    help: str
    choices: tuple[Any, ...] | None = None

    def validate(self, value: Any) -> Any:
        """The value, as the rule reads it (an int given for a float is made a float); raises
        TypeError saying what is wrong (validation.problem decides it)."""
        wrong = problem(value, self.type, self.choices, list_name="list")
        if wrong is not None:
            raise TypeError(wrong)
        kinds = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value
