"""Data-driven rule cases: tests/rule_cases/<rule>.yml, one pass/fail snippet per case.

Adding a test is adding a few lines of YAML:

    rule: image-alt-missing
    cases:
      - name: empty alt
        text: "![](x.png)"
        expect: [{line: 1, column: 1, end_column: 11}]
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pladlint.checks import ALL_RULES, find_rule
from pladlint.formatters.json_format import finding_dict

from helpers import lint

CASES_DIR = Path(__file__).parent / "rule_cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{path.stem}:{case.get('name', i)}")


@pytest.mark.parametrize("rule_name, case", list(_load_cases()))
def test_rule_case(rule_name: str, case: dict) -> None:
    rule = find_rule(rule_name)
    assert rule is not None, f"unknown rule {rule_name}"
    result = lint(case["text"], rules=[rule.name], raw=case.get("config"), dedent=False)
    got = [finding_dict(f) for f in result.findings if f.rule == rule.name]
    expected = case.get("expect", [])
    assert len(got) == len(expected), f"expected {len(expected)} findings, got {got}"
    for want, have in zip(expected, got):
        for key, value in want.items():
            if key == "message_contains":
                assert value in have["message"], have
            else:
                assert have[key] == value, f"{key}: {have[key]!r} != {value!r} in {have}"


def test_every_rule_is_documented_and_has_pass_and_fail_cases() -> None:
    cases: dict[str, list[dict]] = {}
    for path in CASES_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases.setdefault(find_rule(data["rule"]).name, []).extend(data["cases"])
    for rule in ALL_RULES:
        for attr in ("summary", "rationale", "example", "fix"):
            assert getattr(rule, attr, "").strip(), f"{rule.name} has no {attr}"
        rule_cases = cases.get(rule.name, [])
        assert any(not c.get("expect") for c in rule_cases), f"{rule.name}: no passing case"
        assert any(c.get("expect") for c in rule_cases), f"{rule.name}: no failing case"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in ALL_RULES:
        assert rule.code.startswith("PL") and rule.code[2:].isdigit()
        assert rule.name == rule.name.lower() and " " not in rule.name
