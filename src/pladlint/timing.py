"""Per-stage time accounting for the benchmark, off unless asked for.

`with stage("parse"): ...` adds the time spent inside the block to that stage, excluding
time spent in nested stages (NLP run lazily by a rule counts as NLP, not as the rule). When
profiling is off, `stage()` returns one shared no-op context manager: no clock is read.
Turn it on with the hidden `pladlint check --profile-stages` option or the environment
variable PLADLINT_PROFILE_STAGES=1; the totals are printed as JSON on standard error.
"""

from __future__ import annotations

import os
import time
from contextlib import nullcontext
from typing import Any

STAGES = ("startup", "read", "cache", "parse", "nlp", "readability", "jargon", "rules",
          "output")

_enabled = bool(os.environ.get("PLADLINT_PROFILE_STAGES"))
_totals: dict[str, float] = {}
_stack: list[list[Any]] = []  # [name, started] of the open stages, innermost last
_NULL = nullcontext()


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


class _Stage:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        now = time.perf_counter()
        if _stack:
            outer = _stack[-1]
            _totals[outer[0]] = _totals.get(outer[0], 0.0) + now - outer[1]
        _stack.append([self.name, now])

    def __exit__(self, *exc: Any) -> None:
        now = time.perf_counter()
        name, started = _stack.pop()
        _totals[name] = _totals.get(name, 0.0) + now - started
        if _stack:
            _stack[-1][1] = now


def stage(name: str) -> Any:
    """A context manager timing `name`; a shared no-op when profiling is off."""
    return _Stage(name) if _enabled else _NULL


def take() -> dict[str, float]:
    """The totals so far, and reset them (workers hand theirs to the parent this way)."""
    out = dict(_totals)
    _totals.clear()
    return out


def add(totals: dict[str, float]) -> None:
    for name, seconds in totals.items():
        _totals[name] = _totals.get(name, 0.0) + seconds


def totals() -> dict[str, float]:
    return dict(_totals)
