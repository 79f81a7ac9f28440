"""`pladlint check`: parse the options, lint, write each report, set the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pladlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, fail, parse_today,
                                 remember_debug, select_rules)
from pladlint.cli.linting import performance, run_lint
from pladlint.cli.workflow import filter_baseline, repository_root, write_step_summary
from pladlint.config import FAIL_ON, Config, ConfigError, load_config
from pladlint.findings import LintResult
from pladlint.formatters import FORMAT_NAMES, FormatOptions, Renderers, get_stream
from pladlint.timing import stage
from pladlint.vocab.packs import PackError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: .pladlint.toml or pyproject.toml found "
                   "walking up from the first path).")
@click.option("--format", "formats", multiple=True, metavar="NAME[:FILE]",
              help=f"Output format ({', '.join(FORMAT_NAMES)}); repeat for several, "
                   "NAME:FILE writes that one to a file.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the (first) format to this file instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--audience", help="Default audience for pages that do not name one.")
@click.option("--language", help="Default language for pages that do not name one.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules.")
@click.option("--stdin-filename", help="Name to report for a page read from '-'.")
@click.option("--today", help="Date to use as today (YYYY-MM-DD), for review-date rules.")
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("--debug", is_flag=True, is_eager=True, callback=remember_debug,
              help="Show tracebacks of internal errors.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: one per core; 1: no workers).")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the result cache (.pladlint_cache/).")
@click.option("--profile-stages", is_flag=True, hidden=True,
              help="Print seconds spent per stage as JSON on standard error (benchmarks).")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path),
              help="Report only findings not in this baseline file (see `pladlint baseline`).")
@click.option("--report-unused-disables", is_flag=True, default=None,
              help="Report pladlint-disable comments that hide nothing (PL901).")
@click.option("--quiet", "-q", is_flag=True, help="Text output: print only the summary.")
@click.option("--statistics", is_flag=True, help="Text output: print only counts per rule.")
@click.option("--fix", "fix_", is_flag=True,
              help="Apply the safe plain-word swaps (wordy phrases), then report what is left.")
@click.option("--diff", "diff_", is_flag=True,
              help="Show the safe swaps --fix would make, as a diff, without writing.")
@click.option("--fix-links", is_flag=True,
              help="With --fix or --diff: also link unexplained jargon that has a glossary "
                   "entry to the configured glossary-url.")
def check(paths, config_path, formats, output, fail_on, audience, language, select, ignore,
          stdin_filename, today, color, debug, quiet=False, statistics=False, fix_=False,
          diff_=False, fix_links=False, baseline_path=None,
          report_unused_disables=None, jobs=None, no_cache=False, profile_stages=False) -> None:
    """Lint Markdown pages: files, folders (recursively), or '-' for standard input."""
    paths = list(paths) or [Path(".")]
    if fix_links and not (fix_ or diff_):
        raise click.UsageError("--fix-links works with --fix (apply) or --diff (show)")
    today_date = parse_today(today)
    start = Path(stdin_filename) if (stdin_filename and paths == [Path("-")]) else paths[0]
    try:
        config = load_config(config_path, start if str(start) != "-" else Path.cwd())
        if audience:
            from pladlint.config import parse_config

            parse_config({"audience": audience}, "--audience", config)
        if language:
            config.language = language.lower().split("-")[0]
        if fail_on:
            config.fail_on = fail_on
        select_rules(config, select or None, ignore)
        if report_unused_disables:
            config.report_unused_disables = True
    except (ConfigError, PackError) as exc:
        fail(str(exc))
    targets = parse_formats(formats, output)
    options = [report_options(dest, config, color, quiet, statistics) for _, dest in targets]
    try:
        perf = performance(config, jobs, no_cache, profile_stages)
        if not (fix_ or diff_ or baseline_path):
            # Each page's part of each report is rendered where the page is linted, and
            # kept in the cache: a warm run writes it back without formatting anything.
            render = Renderers((name, o) for (name, _), o in zip(targets, options))
            perf["render"] = render if render.complete else None
        result = run_lint(paths, config, stdin_filename, today_date, debug, **perf)
        if fix_ or diff_:
            from pladlint.fixes import run_fixes

            changed = run_fixes(result, config, write=not diff_, links=fix_links)
            if diff_:
                sys.exit(EXIT_PROBLEMS if changed else EXIT_CLEAN)
            if changed:
                result = run_lint(paths, config, stdin_filename, today_date, debug, **perf)
    except (ConfigError, PackError) as exc:
        fail(str(exc))
    result = filter_baseline(result, baseline_path)
    emit(result, targets, config, options)
    write_step_summary(result, targets, config)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PROBLEMS if result.count_at_or_above(config.fail_on) else EXIT_CLEAN)


def parse_formats(formats: tuple[str, ...], output: Path | None) -> list[tuple[str, Path | None]]:
    """`--format NAME[:FILE]` (repeated) and `--output`: each report's format and file
    (None: standard output)."""
    targets: list[tuple[str, Path | None]] = []
    for i, spec in enumerate(formats or ("text",)):
        name, _, file = spec.partition(":")
        if name not in FORMAT_NAMES:
            raise click.BadParameter(f"unknown format '{name}' (one of {', '.join(FORMAT_NAMES)})",
                                     param_hint="--format")
        dest = Path(file) if file else (output if i == 0 else None)
        targets.append((name, dest))
    return targets


def use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def report_options(dest: Path | None, config: Config, color: bool | None = None,
                   quiet: bool = False, statistics: bool = False) -> FormatOptions:
    """The options a report to `dest` (None: standard output) is written with."""
    return FormatOptions(color=use_color(color, sys.stdout) if dest is None else False,
                         root=str(repository_root(config)), fail_on=config.fail_on,
                         quiet=quiet, statistics=statistics)


def emit(result: LintResult, targets: list[tuple[str, Path | None]], config: Config,
         all_options: list[FormatOptions]) -> None:
    """Write every report, to standard output or to its file."""
    for (name, dest), options in zip(targets, all_options):
        # Written piece by piece: a report over thousands of pages is never one string.
        pieces = get_stream(name)(result, options)
        if dest is None:
            with stage("output"):
                try:
                    for piece in pieces:
                        click.echo(piece, nl=False, color=options.color or None)
                except BrokenPipeError:
                    # The reader went away (`pladlint check | head`): stop writing, keep the
                    # exit code the findings give.
                    silence_stdout()
            continue
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            with stage("output"), open(dest, "w", encoding="utf-8") as fh:
                for piece in pieces:
                    fh.write(piece)
        except OSError as exc:
            fail(f"{dest}: cannot write report: {exc.strerror or exc}")


def silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
