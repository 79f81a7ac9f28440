"""GitHub workflow commands: escaping that survives GitHub's own parser, limits, summary."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pladlint.findings import LintResult
from pladlint.formatters import FormatOptions, get_formatter
from pladlint.formatters import github
from pladlint.formatters.github import annotation, command, step_summary

from format_samples import sample_result

# actions/runner ActionCommand: props are `k=v` split on the first "=", joined by ",".
_COMMAND = re.compile(r"^::(?P<cmd>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def unescape_data(text: str) -> str:
    # actions/runner UnescapeData: %0D, %0A, then %25 last.
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = _COMMAND.match(line)
    assert m, line
    props = {}
    for pair in filter(None, (m.group("props") or "").split(",")):
        key, _, value = pair.partition("=")
        props[key] = unescape_property(value)
    return m.group("cmd"), props, unescape_data(m.group("data"))


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.text())
def test_escaping_round_trips_through_githubs_rules(message: str, path: str, title: str) -> None:
    line = command("error", {"file": path, "title": title}, message)
    assert "\n" not in line and "\r" not in line
    cmd, props, data = parse(line)
    assert cmd == "error"
    assert data == message
    assert props == {"file": path, "title": title}


def test_tricky_finding_round_trips() -> None:
    result = sample_result()
    tricky = next(f for f in result.findings if "line one" in f.message)
    cmd, props, data = parse(annotation(tricky))
    assert cmd == "warning"
    assert props["file"] == "docs/odd,name:1.md"
    assert props["title"] == "pladlint PL301 (image-alt-missing)"
    assert data == f"{tricky.message} ({tricky.suggestion})"
    # A multi-line span: GitHub ignores columns there, so they are left out.
    assert props["line"] == "2" and props["endLine"] == "4"
    assert "col" not in props and "endColumn" not in props


def test_every_field_of_a_single_line_annotation() -> None:
    result = sample_result()
    out = get_formatter("github")(result, FormatOptions())
    lines = out.splitlines()
    f = result.findings[0]
    cmd, props, data = parse(next(l for l in lines if l.startswith("::error file=docs/caf")))
    assert props == {"file": f.path, "line": str(f.line), "endLine": str(f.end_line),
                     "col": str(f.column), "endColumn": str(f.end_column),
                     "title": f"pladlint {f.code} ({f.rule})"}
    assert data == f.message
    assert any(l.startswith("::error file=docs/broken.md") for l in lines)
    info = [l for l in lines if l.startswith("::notice ")]
    assert len(info) == 1 and parse(info[0])[1]["line"] == "1"
    assert lines[-1].startswith("2 files checked")


def test_most_severe_first_and_ten_per_level(monkeypatch) -> None:
    result = sample_result()
    one = result.files[0].findings[0]
    from dataclasses import replace

    from pladlint.checks import Severity

    many = [replace(one, line=i, message=f"w{i}", severity=Severity.WARNING) for i in range(1, 14)]
    result.files[0].findings = many + result.files[0].findings
    lines = get_formatter("github")(result, FormatOptions()).splitlines()
    commands = [l for l in lines if l.startswith("::") and not l.startswith("::group")
                and not l.startswith("::endgroup")]
    levels = [l.split(" ", 1)[0] for l in commands]
    assert levels == sorted(levels, key=["::error", "::warning", "::notice"].index)
    assert levels.count("::warning") == github.PER_LEVEL_LIMIT
    left = 14 - github.PER_LEVEL_LIMIT  # 13 planted warnings + the tricky one
    assert any(f"{left} more findings ({left} warnings) are not shown" in l for l in lines)
    group = lines.index(f"::group::pladlint: {left} more findings")
    assert lines[group + left + 1] == "::endgroup::"


def test_step_summary_is_markdown_with_sections_and_rules() -> None:
    result = sample_result()
    text = step_summary(result, FormatOptions())
    assert text.startswith("## pladlint")
    assert "| Rule | Findings |" in text and "| PL301 `image-alt-missing` | 4 |" in text
    assert "| File | Section | Grade | Target | Findings |" in text
    assert "| docs/café page.md | Café care, 100% \"safe\" \\| more |" in text


def test_step_summary_stays_under_one_mebibyte(monkeypatch) -> None:
    from pladlint.findings import FileResult, SectionSummary

    sections = [SectionSummary(heading=f"Section {i} " + "x" * 200, level=2, line=i,
                               end_line=i, path=(), words=100, sentences=5, grade=9.5,
                               scores={}, target=8) for i in range(6000)]
    result = LintResult(files=[FileResult("big.md", "patient", "en", sections=sections)])
    text = step_summary(result, FormatOptions())
    assert len(text.encode("utf-8")) < github.SUMMARY_LIMIT
    assert "more sections left out" in text


def test_cli_appends_step_summary(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from pladlint.cli import main

    summary = tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    page = tmp_path / "a.md"
    page.write_text("# Scan\n\n![](scan.png)\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(page), "--format", "github"])
    assert res.exit_code == 1
    assert "::error file=" in res.output
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("before\n## pladlint")
    res = CliRunner().invoke(main, ["check", str(page), "--format", "concise"])
    assert summary.read_text(encoding="utf-8") == text  # only the github format writes it


def test_annotation_paths_are_relative_to_the_repository_root(tmp_path, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "site" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.md").write_text("# Scan\n\n![](scan.png)\n", encoding="utf-8")
    monkeypatch.chdir(docs)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    from click.testing import CliRunner

    from pladlint.cli import main

    res = CliRunner().invoke(main, ["check", "a.md", "--format", "github", "--select", "PL301"])
    assert "::error file=site/docs/a.md,line=3," in res.output
