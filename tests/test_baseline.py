"""Fingerprints and baselines: line shifts never revive known findings; new ones show."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pladlint.cli import main
from pladlint.engine.fingerprints import assign_fingerprints, fingerprint_path, normalize_text

from helpers import lint

PAGE = "# Scan\n\nIntro.\n\n![](a.png)\n\n## Results\n\n![](a.png)\n\n![](a.png)\n"


def prints(text: str) -> list[str]:
    return [f.fingerprint for f in lint(text, rules=["image-alt-missing"], dedent=False).findings]


def test_fingerprints_ignore_line_shifts_and_whitespace() -> None:
    before = prints(PAGE)
    assert len(set(before)) == 3 and all(len(p) == 32 for p in before)
    shifted = PAGE.replace("Intro.\n", "Intro.\n\nA new paragraph.\n\nAnd another.\n")
    assert prints(shifted) == before
    crlf = PAGE.replace("\n", "\r\n")
    assert prints(crlf) == before


def test_fingerprints_change_with_rule_path_section_or_text() -> None:
    base = prints(PAGE)
    renamed = PAGE.replace("## Results", "## What we found")
    assert prints(renamed)[0] == base[0] and prints(renamed)[1:] != base[1:]
    assert prints(PAGE.replace("![](a.png)\n\n## R", "![](z.png)\n\n## R"))[0] != base[0]
    f = lint(PAGE, rules=["image-alt-missing"], dedent=False).findings
    other = assign_fingerprints(f, "other.md")
    assert [x.fingerprint for x in other] != base


def test_fingerprint_path_is_root_relative(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert fingerprint_path("docs/a.md", tmp_path) == "docs/a.md"
    assert fingerprint_path("docs/a.md", tmp_path / "docs") == "a.md"
    assert fingerprint_path("<stdin>", tmp_path) == "<stdin>"
    assert normalize_text("  Two\n  Lines ") == "two lines"


def _run(args: list[str]):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_baseline_round_trip(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pladlint.toml").write_text("", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "scan.md"
    page.write_text(PAGE, encoding="utf-8")
    args = ["--select", "image-alt-missing"]
    res = _run(["baseline", "docs", *args, "-o", "base.json"])
    assert res.exit_code == 0 and "wrote 3 findings" in res.output
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 3
    assert {e["path"] for e in data["findings"]} == {"docs/scan.md"}
    assert _run(["check", "docs", *args, "--baseline", "base.json"]).exit_code == 0
    # Lines shift: still clean.
    page.write_text("Intro added on top.\n\n" * 5 + PAGE, encoding="utf-8")
    res = _run(["check", "docs", *args, "--format", "concise", "--baseline", "base.json"])
    assert res.exit_code == 0, res.output
    # A new problem shows, alone.
    page.write_text(PAGE + "\n![](new.png)\n", encoding="utf-8")
    res = _run(["check", "docs", *args, "--format", "json", "--baseline", "base.json"])
    assert res.exit_code == 1
    report = json.loads(res.stdout)
    found = report["files"][0]["findings"]
    assert [f["text"] for f in found] == ["![](new.png)"]
    assert len(found[0]["fingerprint"]) == 32
    # Same baseline from another working directory (paths are relative to the config).
    monkeypatch.chdir(docs)
    res = _run(["check", ".", *args, "--format", "concise", "--baseline", "../base.json"])
    assert res.exit_code == 1
    assert [line.split(": ")[0] for line in res.stdout.splitlines()[:-1]] == ["scan.md:13:1"]


def test_fixed_findings_are_reported_stale(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "p.md"
    page.write_text(PAGE, encoding="utf-8")
    assert _run(["baseline", "p.md", "--select", "PL301"]).exit_code == 0
    page.write_text("# Scan\n\nAll fixed.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "p.md", "--select", "PL301", "--baseline",
                                    ".pladlint-baseline.json"])
    assert res.exit_code == 0
    assert "3 baseline entries no longer found" in res.stderr


def test_bad_baseline_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "p.md", "--baseline", "bad.json"])
    assert res.exit_code == 2 and "not a pladlint baseline" in res.stderr
    res = CliRunner().invoke(main, ["check", "p.md", "--baseline", "missing.json"])
    assert res.exit_code == 2 and "cannot read baseline" in res.stderr
