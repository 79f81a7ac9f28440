"""Inline suppressions: every directive, reasons, scopes, unused-disable reporting."""

from __future__ import annotations

import pytest

from helpers import lint

RULES = ["image-alt-missing", "unused-suppression"]


def codes(text: str, report_unused: bool = False) -> list[tuple[str, int]]:
    raw = {"report-unused-disables": True} if report_unused else None
    result = lint(text, rules=RULES, raw=raw, dedent=False)
    return [(f.rule, f.line) for f in result.findings]


@pytest.mark.parametrize("comment", [
    "<!-- pladlint-disable-next-line image-alt-missing -->",
    "<!-- pladlint-disable-next-line PL301 -->",
    "<!-- pladlint-disable-next-line -->",
    "<!-- pladlint-disable-next-line all -- decorative divider -->",
    "<!--pladlint-disable-next-line image-alt-missing,reading-grade-->",
    "<!-- pladlint-disable-next-line reading-grade image-alt-missing -- reviewed -->",
])
def test_disable_next_line(comment: str) -> None:
    text = f"Intro.\n\n{comment}\n![](a.png)\n\n![](b.png)\n"
    assert codes(text) == [("image-alt-missing", 6)]


def test_disable_next_line_for_another_rule_does_not_hide() -> None:
    text = "<!-- pladlint-disable-next-line jargon-unexplained -->\n![](a.png)\n"
    assert codes(text) == [("image-alt-missing", 2)]


def test_disable_line_inline_comment() -> None:
    text = "See ![](a.png) <!-- pladlint-disable-line image-alt-missing -->\n\n![](b.png)\n"
    assert codes(text) == [("image-alt-missing", 3)]


def test_disable_enable_range() -> None:
    text = ("![](a.png)\n\n<!-- pladlint-disable image-alt-missing -- legacy gallery -->\n\n"
            "![](b.png)\n\n![](c.png)\n\n<!-- pladlint-enable image-alt-missing -->\n\n"
            "![](d.png)\n")
    assert codes(text) == [("image-alt-missing", 1), ("image-alt-missing", 11)]


def test_disable_all_until_enable_all() -> None:
    text = "<!-- pladlint-disable -->\n\n![](a.png)\n\n<!-- pladlint-enable -->\n\n![](b.png)\n"
    assert codes(text) == [("image-alt-missing", 7)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "![](a.png)\n\n<!-- pladlint-disable PL301 -->\n\n![](b.png)\n\n![](c.png)\n"
    assert codes(text) == [("image-alt-missing", 1)]


def test_partial_enable_splits_a_multi_rule_disable() -> None:
    text = ("<!-- pladlint-disable image-alt-missing, jargon-unexplained -->\n\n![](a.png)\n\n"
            "<!-- pladlint-enable image-alt-missing -->\n\n![](b.png)\n")
    assert codes(text) == [("image-alt-missing", 7)]


def test_disable_file_anywhere() -> None:
    text = "![](a.png)\n\n![](b.png)\n\n<!-- pladlint-disable-file image-alt-missing -->\n"
    assert codes(text) == []


def test_comments_in_code_are_not_directives() -> None:
    text = "```html\n<!-- pladlint-disable-file -->\n```\n\n![](a.png)\n"
    assert codes(text) == [("image-alt-missing", 5)]


def test_unused_reported_only_when_asked() -> None:
    text = "<!-- pladlint-disable-next-line image-alt-missing -->\nNo image here.\n"
    assert codes(text) == []
    result = lint(text, rules=RULES, raw={"report-unused-disables": True}, dedent=False)
    (f,) = result.findings
    assert (f.rule, f.code, f.line, f.column) == ("unused-suppression", "PL901", 1, 1)
    assert "suppresses nothing for image-alt-missing" in f.message
    assert f.text == "<!-- pladlint-disable-next-line image-alt-missing -->"


def test_used_and_disabled_rules_are_not_reported_unused() -> None:
    text = ("<!-- pladlint-disable-next-line image-alt-missing -->\n![](a.png)\n\n"
            "<!-- pladlint-disable-next-line reading-grade -->\nShort.\n")
    # reading-grade is not enabled in this run: its directive is not reported either.
    assert codes(text, report_unused=True) == []


def test_unknown_rule_is_reported() -> None:
    text = "<!-- pladlint-disable-file image-alt-mising -->\n![](a.png)\n"
    result = lint(text, rules=RULES, raw={"report-unused-disables": True}, dedent=False)
    assert [f.rule for f in result.findings] == ["unused-suppression", "image-alt-missing"]
    assert "'image-alt-mising'" in result.findings[0].message


def test_cli_flag(tmp_path) -> None:
    from click.testing import CliRunner

    from pladlint.cli import main

    page = tmp_path / "p.md"
    page.write_text("# Rest\n\n<!-- pladlint-disable-next-line PL301 -->\nRest well.\n",
                    encoding="utf-8")
    args = ["check", str(page), "--format", "concise", "--select", "PL301",
            "--select", "PL901"]
    assert CliRunner().invoke(main, args).exit_code == 0
    res = CliRunner().invoke(main, [*args, "--report-unused-disables"])
    assert res.exit_code == 1 and "unused-suppression" in res.output


def test_unused_reports_can_be_silenced_only_by_name() -> None:
    text = ("<!-- pladlint-disable-file unused-suppression -->\n\n"
            "<!-- pladlint-disable-next-line image-alt-missing -->\nNo image.\n")
    assert codes(text, report_unused=True) == []
    text = "<!-- pladlint-disable-file -->\n\nNo image.\n"
    assert codes(text, report_unused=True) == [("unused-suppression", 1)]
