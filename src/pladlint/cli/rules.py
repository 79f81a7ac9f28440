"""Commands that explain: `pladlint rules`, `pladlint explain RULE`, `pladlint explain-term WORD`,
`pladlint explain-difficulty PAGE`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pladlint.checks import ALL_RULES, find_rule
from pladlint.cli.common import fail
from pladlint.config import ConfigError, config_for_path, load_config
from pladlint.vocab.packs import PackError


@click.command("rules")
def rules_command() -> None:
    """List every rule: code, name, default severity, what it checks."""
    width = max(len(r.name) for r in ALL_RULES)
    for rule in ALL_RULES:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}")


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule: why it matters, an example, how to fix it, how to configure it."""
    found = find_rule(rule)
    if found is None:
        fail(f"unknown rule '{rule}' (see `pladlint rules`)")
    click.echo(explain_text(found))


@click.command("explain-term")
@click.argument("word")
@click.option("--file", "page", type=click.Path(path_type=Path),
              help="A page: also list every use of WORD on it and how each was judged.")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: found walking up from the page).")
@click.option("--audience", help="Audience when no page is given, or the page names none.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for tools.")
def explain_term(word: str, page: Path | None, config_path: Path | None, audience: str | None,
                 fmt: str) -> None:
    """Say why WORD was or was not reported as jargon (on a page, with --file)."""
    from pladlint.cli.term_report import TermReportError, report_text, term_report

    if not word.strip():
        fail("WORD is empty")
    try:
        config = load_config(config_path, page if page is not None else Path.cwd())
        if page is not None:
            config = config_for_path(config, page)
        if audience:
            from pladlint.config import parse_config

            parse_config({"audience": audience}, "--audience", config)
        report = term_report(word, config, page)
    except (ConfigError, PackError, TermReportError) as exc:
        fail(str(exc))
    _echo(report, fmt, report_text)


@click.command("explain-difficulty")
@click.argument("page", type=click.Path(path_type=Path))
@click.option("--line", type=int, help="Only the sentences on this line, with every part.")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: found walking up from the page).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for tools.")
def explain_difficulty(page: Path, line: int | None, config_path: Path | None, fmt: str) -> None:
    """Show why PAGE's sections and hardest sentences score as hard as they do."""
    from pladlint.cli.difficulty_report import difficulty_report, report_text
    from pladlint.cli.term_report import TermReportError

    try:
        config = config_for_path(load_config(config_path, page), page)
        report = difficulty_report(page, config, line)
    except (ConfigError, PackError, TermReportError) as exc:
        fail(str(exc))
    _echo(report, fmt, report_text)


def _echo(report: dict, fmt: str, as_text) -> None:
    """An explain command's report: JSON for tools, `as_text(report)` for people."""
    click.echo(json.dumps(report, indent=2, ensure_ascii=False) if fmt == "json"
               else as_text(report))


def explain_text(rule) -> str:
    lines = [f"{rule.code} {rule.name} (default severity: {rule.severity.value})", "",
             rule.summary, "", "Why it matters", "  " + rule.rationale, "", "Example",
             *("    " + line for line in rule.example.rstrip("\n").splitlines()), "",
             "How to fix it", "  " + rule.fix, ""]
    if rule.tags:
        lines += ["Tags: " + ", ".join(rule.tags), ""]
    if rule.audiences:
        lines += ["Applies to audiences: " + ", ".join(rule.audiences), ""]
    lines += ["Configuration (pyproject.toml or .pladlint.toml)",
              f"  [tool.pladlint.rules.{rule.name}]",
              '  severity = "error"   # or "warning", "info"; or set the rule to "off"']
    for name, option in rule.options.items():
        default = option.default
        shown = "(audience default)" if default is None else repr(default)
        lines.append(f"  {name} = ...   # {option.help} Default: {shown}")
    return "\n".join(lines)


COMMANDS = (rules_command, explain, explain_term, explain_difficulty)
