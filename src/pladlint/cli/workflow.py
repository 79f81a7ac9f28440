"""Team-workflow commands and hooks of the CLI: `baseline`, `init`, and for `check` the
baseline filter, the repository root of report paths and the GitHub step summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pladlint.cli.common import fail, parse_today, select_rules
from pladlint.cli.linting import run_lint
from pladlint.config import Config, ConfigError, load_config
from pladlint.engine.baseline import (DEFAULT_BASELINE, BaselineError, apply_baseline,
                                      baseline_text, load_baseline)
from pladlint.findings import LintResult
from pladlint.formatters import FormatOptions
from pladlint.vocab.packs import PackError

STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def repository_root(config: Config, start: Path | None = None) -> Path:
    """Where report URIs are relative to: the enclosing git work tree, else the
    configuration's folder, else the working directory (where CI runs from)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return Path(config.root) if config.source else Path.cwd()


def filter_baseline(result: LintResult, path: Path | None) -> LintResult:
    """`check --baseline FILE`: keep only the findings the baseline does not list."""
    if path is None:
        return result
    try:
        outcome = apply_baseline(result, load_baseline(path))
    except BaselineError as exc:
        click.echo(f"pladlint: error: {exc}", err=True)
        sys.exit(2)
    note = f"pladlint: {outcome.known} known finding{'s' if outcome.known != 1 else ''} " \
           f"hidden by the baseline {path}"
    if outcome.stale:
        note += (f"; {outcome.stale} baseline entr{'ies' if outcome.stale != 1 else 'y'} "
                 "no longer found (fixed?): run `pladlint baseline` to refresh it")
    click.echo(note, err=True)
    return outcome.result


def write_step_summary(result: LintResult, targets: list, config: Config) -> None:
    """With `--format github` inside GitHub Actions, append the Markdown job summary."""
    dest = os.environ.get(STEP_SUMMARY_ENV)
    if not dest or not any(name == "github" for name, _ in targets):
        return
    from pladlint.formatters.github import step_summary

    text = step_summary(result, FormatOptions(root=str(repository_root(config)),
                                              fail_on=config.fail_on))
    try:
        with open(dest, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        click.echo(f"pladlint: warning: cannot write the step summary to {dest}: "
                   f"{exc.strerror or exc}", err=True)


# -- pladlint baseline ----------------------------------------------------------------------

@click.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path(DEFAULT_BASELINE),
              show_default=True, help="Baseline file to write.")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: found walking up from the first path).")
@click.option("--select", multiple=True, metavar="RULE", help="Record only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not record these rules.")
@click.option("--today", help="Date to use as today (YYYY-MM-DD), for review-date rules.")
def baseline_command(paths, output, config_path, select, ignore, today) -> None:
    """Record the current findings so `check --baseline FILE` reports only new ones."""
    paths = list(paths) or [Path(".")]
    try:
        config = load_config(config_path, paths[0])
        select_rules(config, select or None, ignore)
        result = run_lint(paths, config, None, parse_today(today), False)
    except (ConfigError, PackError) as exc:
        fail(str(exc))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(baseline_text(result), encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write baseline: {exc.strerror or exc}")
    n = len(result.findings)
    click.echo(f"wrote {n} finding{'s' if n != 1 else ''} from {len(result.files)} files to "
               f"{output}; commit it and run `pladlint check --baseline {output}`")
    for e in result.errors:
        click.echo(f"{e.path}: error {e.message}", err=True)
    sys.exit(2 if result.errors else 0)


# -- pladlint init --------------------------------------------------------------------------

STARTER_CONFIG = '''\
# pladlint configuration (https://github.com/pladlint/pladlint#configuration).
# Every key is optional: delete what you do not need. The same keys work in
# pyproject.toml, under a [tool.pladlint] table.

# Audience for pages whose front matter has no audienceLevel:
# patient | caregiver | general | professional
audience = "patient"

# Language for pages whose front matter has no language: en | es
language = "en"

# Lowest severity that makes `pladlint check` exit 1: error | warning | info | never
fail-on = "warning"

# Folders and files to skip, in addition to the defaults (.git/, node_modules/, build/ ...).
# extend-exclude = ["drafts/", "archive/**"]

# List suppression comments (<!-- pladlint-disable ... -->) that no longer hide anything.
# report-unused-disables = true

# Rules: a severity ("error", "warning", "info") or "off"; codes (PL201) work too.
# `pladlint rules` lists them and `pladlint explain RULE` shows their options.
[rules]
# image-alt-missing = "error"
# jargon-unexplained = "warning"

# [rules.reading-grade]
# target = 7          # override the audience's target grade

# Per-path settings, applied in order to files matching the globs (relative to this file).
# [[overrides]]
# files = ["hcp/**", "professional/*.md"]
# audience = "professional"
#
# [[overrides]]
# files = ["es/**"]
# language = "es"
#
# [[overrides]]
# files = ["legacy/**"]
# [overrides.rules]
# reading-grade = "info"
'''


@click.command("init")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path(".pladlint.toml"),
              show_default=True, help="Where to write the starter configuration ('-': print it).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init_command(output: Path, force: bool) -> None:
    """Write a commented starter configuration (.pladlint.toml)."""
    if str(output) == "-":
        click.echo(STARTER_CONFIG, nl=False)
        return
    if output.exists() and not force:
        click.echo(f"pladlint: error: {output} already exists (use --force to overwrite)", err=True)
        sys.exit(2)
    output.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"wrote {output}; `pladlint print-config PAGE` shows what applies to a page")


COMMANDS = (baseline_command, init_command)
