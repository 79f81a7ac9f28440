"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from pladlint.api import lint_text
from pladlint.cli.common import select_rules
from pladlint.config import Config, parse_config

TODAY = dt.date(2026, 11, 28)


def config_for(rules: list[str] | None = None, raw: dict[str, Any] | None = None) -> Config:
    config = parse_config(raw or {}, "test") if raw else Config()
    if rules is not None:
        select_rules(config, rules)  # only these rules run, as with `check --select`
    return config


def lint(text: str, rules: list[str] | None = None, raw: dict[str, Any] | None = None,
         dedent: bool = True):
    if dedent:
        text = textwrap.dedent(text)
    return lint_text(text, config_for(rules, raw), path="test.md", today=TODAY)
