"""User-supplied regexes: compiled with a time limit, checked when the config is read."""

from __future__ import annotations

import pytest

from helpers import lint
from pladlint.config import ConfigError, parse_config
from pladlint.checks.jargon.explanations import GlossaryMatcher
from pladlint.safe_regex import (
    MAX_PATTERN_LENGTH,
    UnsafePatternError,
    compile_pattern,
    is_pattern_option,
)

CATASTROPHIC = r"(a+)+$"


def test_catastrophic_pattern_times_out_instead_of_hanging() -> None:
    # With `re` this search takes longer than the age of the universe.
    pattern = compile_pattern(CATASTROPHIC, timeout=0.01)
    assert pattern.search("a" * 5000 + "b") is None
    assert pattern.timed_out == 1
    assert pattern.search("aaa") is not None  # a normal subject still matches


def test_glossary_matcher_survives_a_catastrophic_user_pattern() -> None:
    matcher = GlossaryMatcher.from_strings([CATASTROPHIC, r"/glossary"])
    assert matcher.is_glossary("/glossary/biopsy")
    assert not matcher.is_glossary("a" * 20000 + "!b")


def test_patterns_are_case_insensitive_like_before() -> None:
    assert GlossaryMatcher.from_strings([r"/Terms/"]).is_glossary("https://x.org/terms/biopsy")


@pytest.mark.parametrize("bad", ["(unclosed", "[z-a]", "*", "a{2,1}", "x" * (MAX_PATTERN_LENGTH + 1)])
def test_invalid_patterns_are_rejected_with_one_line(bad: str) -> None:
    with pytest.raises(UnsafePatternError) as info:
        compile_pattern(bad)
    assert "\n" not in str(info.value)


def test_config_names_the_key_of_a_bad_pattern() -> None:
    raw = {"rules": {"jargon-unexplained": {"glossary-patterns": ["/ok", "(unclosed"]}}}
    with pytest.raises(ConfigError) as info:
        parse_config(raw, "pyproject.toml")
    message = str(info.value)
    assert message.startswith("pyproject.toml: 'rules.jargon-unexplained.glossary-patterns'")
    assert "(unclosed" in message and "not a valid regular expression" in message


def test_a_user_glossary_pattern_reaches_the_rule_and_is_used() -> None:
    raw = {"rules": {"jargon-unexplained": {"glossary-patterns": [r"/words/"]}}}
    options = parse_config(raw, "test").rules["jargon-unexplained"].options
    assert options["glossary-patterns"] == ["/words/"]
    assert GlossaryMatcher.from_strings(options["glossary-patterns"]).is_glossary(
        "https://health.example/Words/metastatic")
    text = "The scan showed [metastatic](https://health.example/words/metastatic) disease.\n"
    assert lint(text, ["jargon-unexplained"], raw).findings == []


def test_pattern_option_naming_convention() -> None:
    assert is_pattern_option("glossary-patterns") and is_pattern_option("skip-pattern")
    assert not is_pattern_option("scope")
