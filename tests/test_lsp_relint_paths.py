"""The editor server's faster paths give what the slower ones gave: UTF-16 columns, and
quick fixes planned on first use instead of before the diagnostics are published."""

from __future__ import annotations

import random

from pladlint.api import lint_text
from pladlint.config import Config
from pladlint.fixes import plan_edits
from pladlint.lsp.diagnostics import Checked
from pladlint.lsp.utf16 import utf16_column
from pladlint.positions import LineIndex


def _slow_column(line: str, column0: int) -> int:  # the former implementation
    head = line[:column0]
    return len(head) + sum(1 for ch in head if ord(ch) > 0xFFFF)


def test_utf16_column_matches_the_code_unit_count() -> None:
    rng = random.Random(5)
    alphabet = ["a", " ", "é", "中", "\U0001F600", "\U00010000", "\ud800", "\udfff", "\t"]
    for _ in range(2000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        col = rng.randint(0, len(line) + 2)
        assert utf16_column(line, col) == _slow_column(line, col)


def test_quick_fixes_are_planned_once_on_first_use() -> None:
    result = lint_text("# Rest\n\nIn order to rest, go home at this point in time.\n")
    calls = []

    def plan():
        calls.append(1)
        return plan_edits(result, Config()), []

    checked = Checked(1, result, LineIndex(result.source), plan)
    assert not calls
    assert checked.edits == plan_edits(result, Config()) and checked.edits
    assert checked.links == [] and len(calls) == 1
    assert Checked(1, result, LineIndex(result.source)).edits == []
