"""SARIF: valid against the OASIS schema and GitHub's copy, every field as code scanning needs."""

from __future__ import annotations

import json

import pytest

from pladlint import __version__
from pladlint.checks import ALL_RULES
from pladlint.findings import LintResult
from pladlint.formatters import FormatOptions, get_formatter
from pladlint.formatters import sarif

from conftest import SCHEMAS
from format_samples import sample_result


def render(result: LintResult, root: str = ".") -> dict:
    return json.loads(get_formatter("sarif")(result, FormatOptions(root=root)))


def _schema(name: str) -> dict:
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared/schemas is only in CI and dev trees)")
    return json.loads(path.read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    import jsonschema

    oasis = _schema("sarif-2.1.0.json")
    jsonschema.Draft4Validator(oasis).validate(log)
    github = _schema("sarif-2.1.0-codeql-action.json")
    jsonschema.Draft202012Validator(github).validate(log)


def test_sample_validates_against_both_schemas() -> None:
    validate(render(sample_result()))


def test_empty_run_validates() -> None:
    log = render(LintResult())
    validate(log)
    assert log["runs"][0]["results"] == []


def test_driver_lists_every_rule_with_help_and_level() -> None:
    log = render(sample_result())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "pladlint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.code for r in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert rule.fix in descriptor["help"]["text"] and descriptor["help"]["markdown"]
        assert descriptor["helpUri"].startswith("https://")
        assert descriptor["defaultConfiguration"]["level"] == sarif.LEVELS[rule.severity.value]
        assert descriptor["properties"]["tags"]
    alt = next(d for d in driver["rules"] if d["name"] == "image-alt-missing")
    assert any("1.1.1" in t for t in alt["properties"]["tags"]), alt["properties"]["tags"]


def test_results_carry_location_level_and_fingerprint() -> None:
    result = sample_result()
    log = render(result)
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == len(result.findings)
    rules = run["tool"]["driver"]["rules"]
    for entry, f in zip(results, result.findings):
        assert entry["ruleId"] == f.code
        assert rules[entry["ruleIndex"]]["id"] == f.code
        assert entry["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            f.severity.value]
        assert entry["message"]["text"].startswith(f.message)
        loc = entry["locations"][0]["physicalLocation"]
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"],
                region["endColumn"]) == (f.line, f.column, f.end_line, f.end_column)
        assert region["snippet"]["text"] == f.text
        assert entry["partialFingerprints"] == {sarif.FINGERPRINT_KEY: f.fingerprint}
        assert "primaryLocationLineHash" not in entry["partialFingerprints"]
    uris = {e["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for e in results}
    assert uris == {"docs/caf%C3%A9%20page.md", "docs/odd%2Cname%3A1.md"} or uris == {
        "docs/caf%C3%A9%20page.md", "docs/odd,name:1.md"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("docs/broken.md" in n["message"]["text"] for n in notes)
    assert run["invocations"][0]["executionSuccessful"] is False


def test_uris_are_relative_to_the_repository_root(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = sample_result()
    log = render(result, root=str(tmp_path / "docs"))
    uris = [e["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for e in log["runs"][0]["results"]]
    assert "caf%C3%A9%20page.md" in uris
    assert not any(u.startswith("docs/") for u in uris)


def test_result_cap_keeps_the_most_severe(monkeypatch) -> None:
    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    log = render(sample_result())
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "error"]
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any(f"{len(sample_result().findings) - 2} findings left out" in n for n in notes)
    validate(log)


def test_cli_writes_sarif_file_and_text(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from pladlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# Scan\n\n![](scan.png)\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "docs", "--format", "concise",
                                    "--format", "sarif:out/report.sarif"])
    assert res.exit_code == 1, res.output
    assert "docs/a.md:3:1: error image-alt-missing" in res.output
    log = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "docs/a.md"
    validate(log)
