"""Configuration: found by walking up from the linted path, validated with the key named."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pladlint.config.errors import ConfigError
from pladlint.validation import problem
from pladlint.language.codes import normalize_language
from pladlint.checks import Rule, Severity, find_rule
from pladlint.safe_regex import UnsafePatternError, check_patterns, is_pattern_option
from pladlint.document.source import resolved

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".pladlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git/", ".hg/", ".svn/", "node_modules/", ".venv/", "venv/", "__pycache__/",
    ".pladlint_cache/", ".tox/", "build/", "dist/", "site-packages/",
)
DEFAULT_EXTENSIONS = (".md", ".markdown", ".mdx")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class RuleSetting:
    enabled: bool
    severity: Severity
    options: dict[str, Any]
    explicit_severity: bool = False  # set by the user: wins over a rule's own escalation


@dataclass
class Config:
    audience: str | None = None  # None: the default of rules/audiences.yml
    language: str = "en"
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    extensions: list[str] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    respect_gitignore: bool = True
    fail_on: str = "warning"
    max_file_size: int = 10 * 1024 * 1024
    spacy_model: str | None = None
    glossary_terms: frozenset[str] = frozenset()  # terms of the project glossary file
    glossary_url: str | None = None  # "https://.../def/{slug}": link fixes for jargon (fix.py)
    rules: dict[str, RuleSetting] = field(default_factory=dict)  # by rule name
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    report_unused_disables: bool = False  # PL901 for suppression comments that match nothing
    overrides: list["Override"] = field(default_factory=list)  # [[tool.pladlint.overrides]]
    applied_overrides: tuple[str, ...] = ()  # set by config_for_path: which ones matched

    def rule_setting(self, rule: Rule) -> RuleSetting:
        setting = self.rules.get(rule.name)
        if setting is None:
            setting = RuleSetting(True, rule.severity, {k: o.default for k, o in rule.options.items()})
        return setting


def _expect(value: Any, kind: type | tuple, key: str, where: str) -> Any:
    wrong = problem(value, kind)
    if wrong is not None:
        raise ConfigError(f"{where}: '{key}' {wrong}")
    return value


def _size(value: Any, key: str, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().upper().replace(" ", "")
        for unit, mult in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3), ("B", 1)):
            if text.endswith(unit) and text[: -len(unit)].replace(".", "", 1).isdigit():
                return int(float(text[: -len(unit)]) * mult)
    raise ConfigError(f"{where}: '{key}' must be a positive number of bytes or a size like '10MB'")


def parse_rule_settings(raw: Any, where: str) -> dict[str, RuleSetting]:
    _expect(raw, dict, "rules", where)
    out: dict[str, RuleSetting] = {}
    for key, value in raw.items():
        rule = find_rule(key)
        at = f"rules.{key}"
        if rule is None:
            raise ConfigError(f"{where}: unknown rule '{key}' in [rules] (see `pladlint rules`)")
        options = {k: o.default for k, o in rule.options.items()}
        enabled, severity, explicit = True, rule.severity, False
        if isinstance(value, bool):
            enabled = value
        elif isinstance(value, str):
            if value.lower() in ("off", "false", "disable", "disabled"):
                enabled = False
            else:
                try:
                    severity, explicit = Severity.parse(value), True
                except ValueError as exc:
                    raise ConfigError(f"{where}: '{at}': {exc}, or 'off'") from None
        elif isinstance(value, dict):
            for opt, ov in value.items():
                if opt == "enabled":
                    enabled = _expect(ov, bool, f"{at}.enabled", where)
                elif opt == "severity":
                    try:
                        severity = Severity.parse(_expect(ov, str, f"{at}.severity", where))
                        explicit = True
                    except ValueError as exc:
                        raise ConfigError(f"{where}: '{at}.severity': {exc}") from None
                elif opt in rule.options:
                    try:
                        options[opt] = rule.options[opt].validate(ov)
                        if is_pattern_option(opt):  # user regexes: checked now (safe_regex)
                            check_patterns([options[opt]] if isinstance(options[opt], str)
                                           else options[opt])
                    except (TypeError, UnsafePatternError) as exc:
                        raise ConfigError(f"{where}: '{at}.{opt}' {exc}") from None
                else:
                    known = ", ".join(["enabled", "severity", *rule.options]) or "none"
                    raise ConfigError(
                        f"{where}: unknown option '{at}.{opt}' for rule {rule.name} (known: {known})"
                    )
        else:
            raise ConfigError(
                f"{where}: '{at}' must be 'off', a severity, or a table of options"
            )
        out[rule.name] = RuleSetting(enabled, severity, options, explicit)
    return out


_KEYS = {
    "audience": str, "language": str, "exclude": list, "extend-exclude": list,
    "extensions": list, "respect-gitignore": bool, "fail-on": str, "max-file-size": (int, str),
    "spacy-model": str, "rules": dict, "report-unused-disables": bool, "overrides": list,
    "glossary": str, "glossary-url": str,
}

GLOSSARY_URL_FIELDS = ("{slug}", "{term}")


def _glossary_url(value: str, where: str) -> str | None:
    """`glossary-url`: a URL pattern with {slug} or {term}, and no other {...} field."""
    value = value.strip()
    if not value:
        return None  # "" switches it off (e.g. to undo a parent's setting)
    if not any(f in value for f in GLOSSARY_URL_FIELDS):
        raise ConfigError(f"{where}: 'glossary-url' must contain {{slug}} or {{term}}, "
                          f"e.g. \"/glossary#{{slug}}\" (got '{value}')")
    rest = value
    for f in GLOSSARY_URL_FIELDS:
        rest = rest.replace(f, "")
    if "{" in rest or "}" in rest:
        raise ConfigError(f"{where}: 'glossary-url' may use only {{slug}} and {{term}} "
                          f"(got '{value}')")
    if any(ch.isspace() for ch in value):
        raise ConfigError(f"{where}: 'glossary-url' must not contain spaces (got '{value}')")
    return value


def parse_config(raw: dict[str, Any], where: str, base: Config | None = None) -> Config:
    config = base if base is not None else Config()
    for key, value in raw.items():
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})")
        if key == "overrides":
            config.overrides = parse_overrides(value, where)
            continue
        _expect(value, _KEYS[key], key, where)
    if "audience" in raw:
        from pladlint.vocab.audiences import load_audiences

        if load_audiences().resolve(raw["audience"]) is None:
            names = ", ".join(load_audiences().names)
            raise ConfigError(f"{where}: 'audience' is '{raw['audience']}', not one of: {names}")
        config.audience = load_audiences().resolve(raw["audience"]).name
    if "language" in raw:
        config.language = normalize_language(raw["language"])
    if "exclude" in raw:
        config.exclude = list(raw["exclude"])
    if "extend-exclude" in raw:
        config.extend_exclude = list(raw["extend-exclude"])
    if "extensions" in raw:
        config.extensions = [e if e.startswith(".") else "." + e for e in raw["extensions"]]
    if "respect-gitignore" in raw:
        config.respect_gitignore = raw["respect-gitignore"]
    if "fail-on" in raw:
        if raw["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
        config.fail_on = raw["fail-on"]
    if "max-file-size" in raw:
        config.max_file_size = _size(raw["max-file-size"], "max-file-size", where)
    if "spacy-model" in raw:
        config.spacy_model = raw["spacy-model"] or None
    if "glossary" in raw:  # a YAML file of term -> definition, relative to the config file
        from pladlint.config.glossary_file import load_glossary

        config.glossary_terms = load_glossary(raw["glossary"], where)
    if "glossary-url" in raw:
        config.glossary_url = _glossary_url(raw["glossary-url"], where)
    if "rules" in raw:
        config.rules = {**config.rules, **parse_rule_settings(raw["rules"], where)}
    if "report-unused-disables" in raw:
        config.report_unused_disables = raw["report-unused-disables"]
    return config


# -- per-path overrides: [[tool.pladlint.overrides]] files = ["hcp/**"], audience = ...

OVERRIDE_KEYS = ("files", "patterns", "audience", "language", "rules")


@dataclass(frozen=True)
class Override:
    patterns: tuple[str, ...]  # gitignore-style globs, relative to the configuration's folder
    settings: dict[str, Any]  # audience / language / rules, as written
    where: str  # e.g. "pyproject.toml: overrides[1]", for messages and print-config


def parse_overrides(raw: Any, where: str) -> list[Override]:
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise ConfigError(f"{where}: 'overrides' must be an array of tables ([[overrides]])")
    out = []
    for i, table in enumerate(raw, 1):
        at = f"{where}: overrides[{i}]"
        for key in table:
            if key not in OVERRIDE_KEYS:
                raise ConfigError(f"{at}: unknown key '{key}' (known: {', '.join(OVERRIDE_KEYS)})")
        globs = table.get("files", table.get("patterns"))
        if isinstance(globs, str):
            globs = [globs]
        if not globs:
            raise ConfigError(f"{at}: needs 'files', a list of glob patterns such as [\"hcp/**\"]")
        _expect(globs, list, "files", at)
        settings = {k: v for k, v in table.items() if k not in ("files", "patterns")}
        parse_config(settings, at, Config())  # validate now: errors name the override
        out.append(Override(tuple(globs), settings, at))
    return out


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _matches(override: Override, rel: str) -> bool:
    return _compiled(override.patterns).match_file(rel)


def config_for_path(config: Config, path: Path | str) -> Config:
    """The configuration for one file: the overrides whose globs match it applied in order.

    Globs are relative to the folder of the configuration file (the project root).
    """
    if not config.overrides:
        return config
    target = Path(path)
    try:
        rel = target.resolve().relative_to(Path(config.root).resolve()).as_posix()
    except (ValueError, OSError):
        rel = target.as_posix()
    matched = [o for o in config.overrides if _matches(o, rel)]
    if not matched:
        return config
    out = replace(config, rules=dict(config.rules), exclude=list(config.exclude),
                  extend_exclude=list(config.extend_exclude), extensions=list(config.extensions))
    for o in matched:
        parse_config(o.settings, o.where, out)
    out.applied_overrides = tuple(o.where for o in matched)
    return out


def read_config_file(path: Path) -> dict[str, Any] | None:
    """The pladlint table of a config file; None for a pyproject.toml without one."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("pladlint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.pladlint] must be a table")
        return table
    return data


def find_config_file(start: Path) -> Path | None:
    here = resolved(start)  # a symlink loop named on the command line must not crash
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and read_config_file(candidate) is None:
                    continue
                return candidate
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    path = explicit if explicit is not None else find_config_file(start or Path.cwd())
    if path is None:
        # No project configuration: the working directory is the project root (reports'
        # relative paths, the cache folder), never the linted folder, which may be read-only.
        return Config(root=Path.cwd())
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: config file not found")
    raw = read_config_file(path)
    if raw is None:
        raise ConfigError(f"{path}: has no [tool.pladlint] table")
    config = parse_config(raw, str(path))
    config.source = path
    config.root = path.resolve().parent
    return config

