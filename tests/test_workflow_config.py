"""Per-path overrides, `pladlint init` and `pladlint print-config`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint.cli import main
from pladlint.cli.workflow import STARTER_CONFIG
from pladlint.config import ConfigError, config_for_path, load_config, parse_config

if __import__("sys").version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG = """\
audience = "patient"

[rules]
image-alt-missing = "warning"

[[overrides]]
files = ["hcp/**"]
audience = "professional"

[[overrides]]
files = ["**/legacy/*.md", "old.md"]
[overrides.rules]
image-alt-missing = "off"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pladlint.toml").write_text(CONFIG, encoding="utf-8")
    for rel in ("hcp/a.md", "hcp/deep/b.md", "docs/legacy/c.md", "docs/d.md", "old.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Page\n\n![](x.png)\n", encoding="utf-8")
    return tmp_path


def test_config_for_path_applies_matching_overrides_in_order(project: Path) -> None:
    config = load_config(None, project)
    assert len(config.overrides) == 2
    hcp = config_for_path(config, project / "hcp" / "deep" / "b.md")
    assert hcp.audience == "professional" and hcp.applied_overrides
    assert config.audience == "patient", "the base configuration is not changed"
    legacy = config_for_path(config, project / "docs" / "legacy" / "c.md")
    assert not legacy.rule_setting(__import__("pladlint.checks", fromlist=["find_rule"])
                                   .find_rule("image-alt-missing")).enabled
    plain = config_for_path(config, project / "docs" / "d.md")
    assert plain is config


def test_overrides_change_what_is_reported(project: Path) -> None:
    res = CliRunner().invoke(main, ["check", ".", "--format", "json", "--select", "PL301",
                                    "--fail-on", "never"])
    report = json.loads(res.stdout)
    by_path = {f["path"]: (f["audience"], len(f["findings"])) for f in report["files"]}
    assert by_path["hcp/a.md"] == ("professional", 1)
    assert by_path["docs/d.md"] == ("patient", 1)
    assert by_path["docs/legacy/c.md"][1] == 0 and by_path["old.md"][1] == 0


def test_stdin_filename_uses_the_overrides(project: Path) -> None:
    res = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "hcp/x.md", "--format",
                                    "json", "--fail-on", "never"], input="# A\n\nText.\n")
    assert json.loads(res.stdout)["files"][0]["audience"] == "professional"


@pytest.mark.parametrize("raw, message", [
    ({"overrides": [{"audience": "professional"}]}, "needs 'files'"),
    ({"overrides": [{"files": ["a/**"], "fail-on": "error"}]}, "unknown key 'fail-on'"),
    ({"overrides": [{"files": ["a/**"], "audience": "aliens"}]}, "overrides[1]: 'audience'"),
    ({"overrides": [{"files": ["a/**"], "rules": {"nope": "off"}}]}, "unknown rule 'nope'"),
    ({"overrides": "hcp/**"}, "array of tables"),
])
def test_override_errors_name_the_key(raw: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_config(raw, "x.toml")


def test_init_writes_a_valid_commented_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["init"])
    assert res.exit_code == 0
    text = (tmp_path / ".pladlint.toml").read_text(encoding="utf-8")
    assert text == STARTER_CONFIG and text.count("#") > 20
    parse_config(tomllib.loads(text), ".pladlint.toml")
    # Uncommenting the examples gives a valid configuration too.
    uncommented = "\n".join(line[2:] if line.startswith("# ") and "=" in line
                            or line.startswith("# [") else line for line in text.splitlines())
    parse_config(tomllib.loads(uncommented), "uncommented")
    again = CliRunner().invoke(main, ["init"])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert CliRunner().invoke(main, ["init", "--force"]).exit_code == 0
    assert CliRunner().invoke(main, ["init", "-o", "-"]).output == STARTER_CONFIG


def test_print_config_says_where_values_come_from(project: Path) -> None:
    (project / "hcp" / "fm.md").write_text("---\naudienceLevel: caregiver\nlanguage: es\n---\n"
                                           "# A\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["print-config", "hcp/a.md"]).output
    assert 'audience = "professional"  # ' in out and "overrides[1]" in out
    assert "target-grade = 16" in out
    assert 'image-alt-missing = "warning"  # PL301, ' in out and ".pladlint.toml" in out
    assert 'fail-on = "warning"  # default' in out
    out = CliRunner().invoke(main, ["print-config", "old.md"]).output
    assert 'image-alt-missing = "off"' in out and "overrides[2]" in out
    out = CliRunner().invoke(main, ["print-config", "hcp/fm.md"]).output
    assert 'audience = "caregiver"  # front matter of the page' in out
    assert 'language = "es"  # front matter of the page' in out
