"""JUnit XML: valid against the Jenkins xUnit junit-10 XSD; one case per file; always parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from pladlint.findings import LintResult
from pladlint.formatters import FormatOptions, get_formatter

from conftest import SCHEMAS
from format_samples import sample_result


def render(result: LintResult, fail_on: str = "warning") -> str:
    return get_formatter("junit")(result, FormatOptions(fail_on=fail_on))


def validate(text: str) -> None:
    xsd = SCHEMAS / "junit-jenkins-xunit-10.xsd"
    if not xsd.exists():
        pytest.skip(f"{xsd} is not present (../shared/schemas is only in CI and dev trees)")
    import xmlschema

    xmlschema.XMLSchema(str(xsd)).validate(text)


def test_validates_against_the_jenkins_xsd() -> None:
    validate(render(sample_result()))
    validate(render(LintResult()))
    validate(render(sample_result(), fail_on="never"))


def test_every_field() -> None:
    result = sample_result()
    root = ET.fromstring(render(result))
    assert root.tag == "testsuites" and root.get("name") == "pladlint"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["docs/café page.md", "docs/odd,name:1.md",
                                              "docs/broken.md"]
    assert suite.get("tests") == root.get("tests") == "3"
    assert suite.get("failures") == "2" and suite.get("errors") == "1"
    page, odd, broken = cases
    failure = page.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message").startswith("3 findings at or above warning")
    body = failure.text.splitlines()
    first = result.findings[0]
    assert body[0] == (f"docs/café page.md:7:1: error PL301 image-alt-missing: {first.message}"
                       + (f" ({first.suggestion})" if first.suggestion else ""))
    assert len(body) == 3
    # The info finding is below --fail-on: it is listed, but does not fail the case.
    odd_failure = odd.find("failure")
    assert odd_failure.get("type") == "warning" and "1 finding at" in odd_failure.get("message")
    assert "grade note" in odd.find("system-out").text
    error = broken.find("error")
    assert error.get("type") == "unreadable" and "not valid YAML" in error.get("message")


def test_control_characters_are_removed_so_it_parses() -> None:
    text = render(sample_result())
    assert "\x00" not in text and "\x1b" not in text
    root = ET.fromstring(text)
    assert "line two: 50%, a,b::c[31m" in ET.tostring(root, encoding="unicode")


def test_fail_on_error_makes_warnings_pass() -> None:
    root = ET.fromstring(render(sample_result(), fail_on="error"))
    suite = root.find("testsuite")
    assert suite.get("failures") == "1"
    odd = suite.findall("testcase")[1]
    assert odd.find("failure") is None and "line one" in odd.find("system-out").text
