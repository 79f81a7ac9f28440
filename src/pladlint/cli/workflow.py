"""Team-workflow commands and hooks of the CLI: baseline, init, print-config, step summary.

Kept apart from cli.py so `pladlint check` stays readable; cli.py registers the commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pladlint.engine.baseline import DEFAULT_BASELINE, BaselineError, apply_baseline, baseline_text, load_baseline
from pladlint.config import Config, ConfigError, config_for_path, load_config, read_config_file
from pladlint.findings import LintResult
from pladlint.formatters import FormatOptions

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
    from pladlint.cli import _apply_selection, _fail, _parse_today, _run
    from pladlint.vocab.packs import PackError

    paths = list(paths) or [Path(".")]
    try:
        config = load_config(config_path, paths[0])
        _apply_selection(config, select, ignore)
        result = _run(paths, config, None, _parse_today(today), False)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(baseline_text(result), encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write baseline: {exc.strerror or exc}")
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


# -- pladlint print-config ------------------------------------------------------------------

def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if value is None:
        return '""'
    return str(value)


def _rule_keys(raw: dict) -> dict[str, object]:
    from pladlint.checks import find_rule

    out = {}
    for key, value in (raw.get("rules") or {}).items():
        rule = find_rule(key)
        if rule is not None:
            out[rule.name] = value
    return out


def describe_config(config: Config, path: Path) -> str:
    """The resolved configuration for one file, each value with where it came from."""
    from pladlint.vocab.audiences import load_audiences
    from pladlint.checks import ALL_RULES

    resolved = config_for_path(config, path)
    sources: list[tuple[str, dict]] = []
    if config.source is not None:
        sources.append((f"{config.source}", read_config_file(config.source) or {}))
    for o in config.overrides:
        if o.where in resolved.applied_overrides:
            sources.append((f"{o.where} (files = {_toml_value(list(o.patterns))})", o.settings))

    def origin(key: str) -> str:
        found = "default"
        for name, raw in sources:
            if key in raw:
                found = name
        return found

    front: dict = {}
    if path.is_file():
        try:
            from pladlint.document import parse_document
            from pladlint.document.source import read_source

            front = parse_document(path, read_source(path, resolved.max_file_size).text).metadata
        except Exception as exc:  # unreadable page: say so, show the rest
            front = {"__error__": str(exc)}
    lines = [f"# pladlint configuration for {path}",
             f"# configuration file: {config.source or 'none (defaults)'}"]
    if resolved.applied_overrides:
        lines.append("# overrides applied: " + "; ".join(resolved.applied_overrides))
    if "__error__" in front:
        lines.append(f"# the page could not be read: {front['__error__']}")
    catalogue = load_audiences()
    declared = front.get("audienceLevel", front.get("audience"))
    audience = catalogue.resolve(resolved.audience)
    audience_from = origin("audience")
    if declared is not None and catalogue.resolve(str(declared)) is not None:
        audience, audience_from = catalogue.resolve(str(declared)), "front matter of the page"
    language = resolved.language
    language_from = origin("language")
    if front.get("language", front.get("lang")):
        from pladlint.engine import normalize_language

        language = normalize_language(front.get("language", front.get("lang")))
        language_from = "front matter of the page"
    rows = [
        ("audience", audience.name, audience_from),
        ("language", language, language_from),
        ("target-grade", audience.target_grade, f"audience {audience.name} (rules/audiences.yml)"),
        ("error-grade", audience.error_grade, f"audience {audience.name} (rules/audiences.yml)"),
        ("max-sentence-words", audience.max_sentence_words,
         f"audience {audience.name} (rules/audiences.yml)"),
        ("fail-on", resolved.fail_on, origin("fail-on")),
        ("report-unused-disables", resolved.report_unused_disables,
         origin("report-unused-disables")),
        ("exclude", resolved.exclude, origin("exclude")),
        ("extend-exclude", resolved.extend_exclude, origin("extend-exclude")),
        ("max-file-size", resolved.max_file_size, origin("max-file-size")),
    ]
    for key, value, where in rows:
        lines.append(f"{key} = {_toml_value(value)}  # {where}")
    lines += ["", "[rules]"]
    for rule in ALL_RULES:
        setting = resolved.rule_setting(rule)
        where = "default"
        for name, raw in sources:
            if rule.name in _rule_keys(raw):
                where = name
        state = setting.severity.value if setting.enabled else "off"
        applies = ""
        if rule.audiences is not None and audience.name not in rule.audiences:
            applies = f"; does not apply to {audience.name} pages"
        lines.append(f"{rule.name} = {_toml_value(state)}  # {rule.code}, {where}{applies}")
        for opt, value in setting.options.items():
            if value is not None:
                lines.append(f"  # {rule.name}.{opt} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


@click.command("print-config")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: found walking up from PATH).")
def print_config_command(path: Path, config_path: Path | None) -> None:
    """Show the configuration that applies to PATH and where each value comes from."""
    try:
        config = load_config(config_path, path)
        click.echo(describe_config(config, path), nl=False)
    except ConfigError as exc:
        click.echo(f"pladlint: error: {exc}", err=True)
        sys.exit(2)


def register(group: click.Group) -> None:
    for command in (baseline_command, init_command, print_config_command):
        group.add_command(command)
