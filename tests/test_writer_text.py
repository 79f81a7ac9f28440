"""The writer's terminal report (`--format text`) and the safe fixer (`--fix`, `--diff`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint.checks.base import Severity
from pladlint.cli import main
from pladlint.findings import FileResult, Finding, LintResult, SectionSummary
from pladlint.fixes import apply_edits, plan_edits
from pladlint.formatters import FormatOptions
from pladlint.formatters.text import format_result, grade_bar

from helpers import lint

SOURCE = "# Care\n\nRest at home. Mucositis can hurt.\n\n## Why\n\nA very long line here.\n"


def _result() -> LintResult:
    jargon = Finding(rule="jargon-unexplained", code="PL201", severity=Severity.WARNING,
                     message="'Mucositis' may be unfamiliar to patients", path="p.md", line=3,
                     column=15, end_line=3, end_column=24, section="Care", text="Mucositis",
                     suggestion="try: mouth sores", start=22, end=31)
    grade = Finding(rule="reading-grade", code="PL101", severity=Severity.ERROR,
                    message="section 'Why' reads at grade 12.0", path="p.md", line=5, column=1,
                    end_line=5, end_column=7, section="Why", text="## Why", start=43, end=49)
    sections = [
        SectionSummary("Care", 1, 1, 4, (), 7, 2, 5.0, {}, 8.0),
        SectionSummary("Why", 2, 5, 7, ("Care",), 5, 1, 12.0, {}, 8.0),
    ]
    r = FileResult("p.md", "patient", "en", sections, [jargon, grade], 12, 9.0, SOURCE)
    return LintResult(files=[r])


def test_grouped_report_with_source_line_caret_and_suggestion() -> None:
    out = format_result(_result(), FormatOptions())
    assert "\x1b[" not in out  # plain text without colour
    lines = out.splitlines()
    assert lines[0].startswith("p.md  patient page")
    i = lines.index("p.md:3:15: warning jargon-unexplained 'Mucositis' may be unfamiliar to patients")
    assert lines[i + 1] == "    3 | Rest at home. Mucositis can hurt."
    caret = lines[i + 2]
    assert caret.index("^") - caret.index("|") - 2 == 14 and caret.count("^") == 9
    assert lines[i + 3].strip() == "= try: mouth sores"
    # sections open with their grade against the target
    assert "# Care  (line 1)" in out and "## Why  (line 5)" in out
    why = lines.index("## Why  (line 5)")
    assert re.match(r"   grade 12\.0 \[[#.|]+\] target 8 · 4\.0 over", lines[why + 1])
    assert "sections over target: 1 of 2 graded" in out
    assert "1 error, 1 warning, 0 infos" in out
    assert re.search(r"1  PL201  jargon-unexplained", out)


def test_colour_quiet_and_statistics() -> None:
    coloured = format_result(_result(), FormatOptions(color=True))
    assert "\x1b[31m" in coloured and "█" in coloured
    quiet = format_result(_result(), FormatOptions(quiet=True))
    assert "Mucositis" not in quiet and "1 file checked" in quiet
    stats = format_result(_result(), FormatOptions(statistics=True))
    assert stats.splitlines() == ["findings per rule:", "  1  PL101  reading-grade",
                                  "  1  PL201  jargon-unexplained"]


def test_bar_marks_target() -> None:
    from pladlint.formatters.text import Style

    bar = grade_bar(8.0, 8.0, Style(False))
    assert len(bar) == 22 and bar.count("|") == 1


def test_cli_text_and_no_color(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "p.md"
    page.write_text("# Scan\n\n![](scan.png)\n", encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()
    out = runner.invoke(main, ["check", str(page)]).output
    assert "\x1b[" not in out and "    3 | ![](scan.png)" in out
    forced = runner.invoke(main, ["check", "--color", str(page)]).output
    assert "\x1b[" in forced
    concise = runner.invoke(main, ["check", "--format", "concise", str(page)]).output
    assert concise.splitlines()[0].endswith(":3:1: error image-alt-missing image has empty alt "
                                            "text; describe what it shows") or "3:1: error" in concise


FIXABLE = ("# Care\r\n\r\nIn order to rest, drink water prior to bed. Keep `in order to` code.\r\n"
           "We did this **in order** to help. See [prior to surgery](https://x.test/prior-to).\r\n"
           "Take it whether or not you feel sick. Your physician will check.\r\n")


def test_plan_edits_only_safe_prose_swaps() -> None:
    result = lint(FIXABLE, dedent=False)
    after = apply_edits(result.source, plan_edits(result))
    assert after.startswith("# Care\r\n\r\nTo rest, drink water before bed. Keep `in order to`")
    assert "**in order** to help" in after  # markup inside the phrase: left alone
    assert "[before surgery](https://x.test/prior-to)" in after  # URL untouched
    assert "whether or not" in after  # marked unsafe in the pack
    assert "physician" in after  # a medical/jargon term: never auto-fixed
    assert after.count("\r\n") == FIXABLE.count("\r\n")


def test_cli_diff_then_fix(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_bytes(b"\xef\xbb\xbf" + FIXABLE.encode())
    runner = CliRunner()
    diffed = runner.invoke(main, ["check", "--diff", str(page)])
    assert diffed.exit_code == 1
    assert "-In order to rest" in diffed.output and "+To rest" in diffed.output
    assert page.read_bytes() == b"\xef\xbb\xbf" + FIXABLE.encode()  # --diff writes nothing
    fixed = runner.invoke(main, ["check", "--fix", "--format", "concise", str(page)])
    data = page.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfTo rest".replace(b"To", b"# Care\r\n\r\nTo"))
    assert b"before bed" in data and data.count(b"\r\n") == FIXABLE.count("\r\n")
    assert re.search(r"replaced [23] phrases with plain words in 1 file", fixed.output)
    again = runner.invoke(main, ["check", "--diff", str(page)])
    assert again.exit_code == 0
    assert list(tmp_path.iterdir()) == [page]  # no temporary file left behind


def test_fix_respects_rule_selection(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("# Care\n\nRest prior to bed.\n", encoding="utf-8")
    runner = CliRunner()
    off = runner.invoke(main, ["check", "--diff", "--ignore", "wordy-phrase", str(page)])
    assert off.exit_code == 0 and "+Rest before bed." not in off.output
    on = runner.invoke(main, ["check", "--diff", str(page)])
    assert on.exit_code == 1 and "+Rest before bed." in on.output
