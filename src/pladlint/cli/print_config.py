"""`pladlint print-config PATH`: the configuration that applies to a page, and where each
value comes from (the configuration file, an override, the page's front matter, a default)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pladlint.config import Config, ConfigError, config_for_path, load_config, read_config_file


def toml_value(value) -> str:
    """VALUE as TOML, on one line: print-config shows a key, its value and where it came
    from on each line. tomli-w writes the scalars; arrays are kept inline here because
    tomli-w puts one item per line."""
    if value is None:
        return '""'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    import tomli_w  # only print-config needs it: kept off the start-up path

    return tomli_w.dumps({"v": value}).removeprefix("v = ").removesuffix("\n")


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
    from pladlint.engine import page_audience
    from pladlint.language.codes import normalize_language
    from pladlint.checks import ALL_RULES

    resolved = config_for_path(config, path)
    sources: list[tuple[str, dict]] = []
    if config.source is not None:
        sources.append((f"{config.source}", read_config_file(config.source) or {}))
    for o in config.overrides:
        if o.where in resolved.applied_overrides:
            sources.append((f"{o.where} (files = {toml_value(list(o.patterns))})", o.settings))

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
    audience, unknown = page_audience(front, resolved.audience)
    declared = front.get("audienceLevel", front.get("audience"))
    named = declared is not None and not isinstance(declared, (dict, list)) and unknown is None
    audience_from = "front matter of the page" if named else origin("audience")
    language = resolved.language
    language_from = origin("language")
    if front.get("language", front.get("lang")):
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
        lines.append(f"{key} = {toml_value(value)}  # {where}")
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
        lines.append(f"{rule.name} = {toml_value(state)}  # {rule.code}, {where}{applies}")
        for opt, value in setting.options.items():
            if value is not None:
                lines.append(f"  # {rule.name}.{opt} = {toml_value(value)}")
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
