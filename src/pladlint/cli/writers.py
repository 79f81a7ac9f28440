"""Commands for writers: `pladlint report` (HTML report) and `pladlint lsp` (editor server)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pladlint.cli.common import EXIT_ERROR, fail, parse_today, select_rules
from pladlint.cli.linting import performance


@click.command("report")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path("report.html"),
              show_default=True, help="Where to write the HTML report.")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: found walking up from the first path).")
@click.option("--audience", help="Default audience for pages that do not name one.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules.")
@click.option("--today", help="Date to use as today (YYYY-MM-DD), for review-date rules.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: one per core; 1: no workers).")
def report_command(paths, output, config_path, audience, select, ignore, today, jobs) -> None:
    """Write one self-contained HTML report: grades per section and highlighted page text."""
    from pladlint.api import lint_paths
    from pladlint.config import ConfigError, load_config, parse_config
    from pladlint.formatters.html_report import format_result
    from pladlint.vocab.packs import PackError

    paths = list(paths) or [Path(".")]
    if Path("-") in paths:
        fail("the report reads files and folders, not standard input")
    try:
        config = load_config(config_path, paths[0])
        if audience:
            parse_config({"audience": audience}, "--audience", config)
        select_rules(config, select or None, ignore)
        result = lint_paths(paths, config, parse_today(today), **performance(config, jobs))
    except (ConfigError, PackError) as exc:
        fail(str(exc))
    text = format_result(result)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write report: {exc.strerror or exc}")
    pages = len(result.files)
    click.echo(f"wrote {output}: {pages} page{'s' if pages != 1 else ''}, "
               f"{len(result.findings)} findings", err=True)
    if result.errors:
        for e in result.errors:
            click.echo(f"{e.path}: error {e.message}", err=True)
        sys.exit(EXIT_ERROR)


@click.command("lsp")
@click.option("--stdio", is_flag=True, default=True, hidden=True,
              help="Speak over standard input and output (the only transport).")
@click.option("--debounce", type=float, default=0.3, show_default=True,
              help="Seconds to wait after the last change before re-checking.")
def lsp_command(stdio: bool, debounce: float) -> None:
    """Run the editor server (Language Server Protocol over standard input/output)."""
    from pladlint.lsp import serve

    serve(debounce=debounce)


COMMANDS = (report_command, lsp_command)
