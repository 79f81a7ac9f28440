"""The registry: every rule pladlint knows, by code and by name. Codes are never reused."""

from __future__ import annotations

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.image_alt_missing import ImageAltMissing
from pladlint.checks.jargon_unexplained import JargonUnexplained
from pladlint.checks.reading_grade import ReadingGrade

ALL_RULES: tuple[Rule, ...] = (
    ReadingGrade(),
    JargonUnexplained(),
    ImageAltMissing(),
)

__all__ = ["ALL_RULES", "Option", "Rule", "Severity", "Violation", "find_rule", "rules_by_key"]


def rules_by_key() -> dict[str, Rule]:
    """Every rule under its code and its name."""
    table: dict[str, Rule] = {}
    for rule in ALL_RULES:
        table[rule.code.lower()] = rule
        table[rule.name] = rule
    return table


def find_rule(key: str) -> Rule | None:
    return rules_by_key().get(str(key).strip().lower())
