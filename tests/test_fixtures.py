"""Marked documents: fixtures/<name>.md with the exact findings in fixtures/<name>.expected.yml.

The sidecar lists the rules it covers (`rules:`) and, for each finding of those rules, the
fields to compare. Findings of other rules are ignored, so adding a rule does not break
every fixture; a fixture that covers a rule must list all of its findings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pladlint.api import lint_text
from pladlint.config import Config, parse_config
from pladlint.formatters.json_format import finding_dict, result_dict

from helpers import TODAY

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _cases():
    for expected in sorted(FIXTURES.glob("*.expected.yml")):
        page = expected.with_name(expected.name.replace(".expected.yml", ".md"))
        yield pytest.param(page, expected, id=page.name)


@pytest.mark.parametrize("page, expected", list(_cases()))
def test_fixture(page: Path, expected: Path) -> None:
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    config = parse_config(spec.get("config") or {}, str(expected)) if spec.get("config") else Config()
    today = spec.get("today", TODAY)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    text = page.read_bytes().decode("utf-8")
    result = lint_text(text, config, path=page.name, today=today)
    rules = set(spec["rules"])
    got = [finding_dict(f) for f in result.findings if f.rule in rules]
    want = spec.get("findings") or []
    summary = [(g["rule"], g["line"], g["column"], g["text"]) for g in got]
    assert len(got) == len(want), f"{page.name}: expected {len(want)} findings, got {summary}"
    for w, g in zip(want, got):
        for key, value in w.items():
            assert g[key] == value, f"{page.name}: {key} {g[key]!r} != {value!r} in {g}"
    for check in spec.get("sections", []):
        sections = {s["heading"]: s for s in result_dict_sections(result)}
        assert check["heading"] in sections, sorted(sections)
        for key, value in check.items():
            assert sections[check["heading"]][key] == value, (check, sections[check["heading"]])


def result_dict_sections(file_result):
    from pladlint.findings import LintResult

    return result_dict(LintResult(files=[file_result]))["files"][0]["sections"]
