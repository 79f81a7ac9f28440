"""What every formatter shares: the options a report is written with, and a formatter's type.

Formatters import this module, never their package's `__init__` (the registry), so the
arrows point one way: the registry imports the formatters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pladlint.findings import LintResult


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    root: str = "."  # repository root for relative URIs (SARIF and friends)
    fail_on: str = "warning"
    quiet: bool = False  # text: only the closing summary
    statistics: bool = False  # text: only the count of findings per rule


Formatter = Callable[[LintResult, FormatOptions], str]
