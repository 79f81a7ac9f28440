"""What every command shares: the exit codes, the error line, `--debug`, `--today` and rule
selection (`--select` / `--ignore`, also used by the tests to run only some rules)."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Iterable

import click

from pladlint.checks import ALL_RULES, find_rule
from pladlint.config import Config, RuleSetting

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> None:
    """Say what went wrong on one line of standard error and exit with status 2."""
    click.echo(f"pladlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def remember_debug(ctx: click.Context, param, value: bool) -> bool:
    """`--debug`: the group shows the traceback of an internal error (see cli/__init__.py)."""
    ctx.meta["pladlint.debug"] = value  # meta is shared with the group's context
    return value


def parse_today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2026-11-28", param_hint="--today")


def select_rules(config: Config, select: Iterable[str] | None = None,
                 ignore: Iterable[str] = ()) -> None:
    """Switch rules on and off in CONFIG. With SELECT (names or codes) only those rules run;
    None keeps the configuration's choice. IGNORE switches rules off. An unknown rule is a
    usage error."""
    select, ignore = None if select is None else list(select), list(ignore)
    for key in (*(select or ()), *ignore):
        if find_rule(key) is None:
            raise click.BadParameter(f"unknown rule '{key}' (see `pladlint rules`)")
    chosen = None if select is None else {find_rule(k).name for k in select}
    dropped = {find_rule(k).name for k in ignore}
    for rule in ALL_RULES:
        base = config.rule_setting(rule)
        enabled = base.enabled if chosen is None else rule.name in chosen
        if rule.name in dropped:
            enabled = False
        config.rules[rule.name] = RuleSetting(enabled, base.severity, base.options,
                                              base.explicit_severity)
