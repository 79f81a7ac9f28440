"""Command-line interface: parse options, call the api, pick formatters, set the exit code."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from pladlint import __version__
from pladlint.checks import ALL_RULES, find_rule
from pladlint.config import FAIL_ON, Config, ConfigError, RuleSetting, config_for_path, load_config
from pladlint.cli.workflow import filter_baseline, repository_root, write_step_summary
from pladlint.cli.workflow import register as register_workflow_commands
from pladlint.findings import FileError, LintResult
from pladlint.formatters import FORMAT_NAMES, FormatOptions, get_stream
from pladlint.vocab.packs import PackError
from pladlint.timing import stage

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"pladlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _parse_today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2026-11-28", param_hint="--today")


def _apply_selection(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    for key in (*select, *ignore):
        if find_rule(key) is None:
            raise click.BadParameter(f"unknown rule '{key}' (see `pladlint rules`)")
    chosen = {find_rule(k).name for k in select}
    dropped = {find_rule(k).name for k in ignore}
    for rule in ALL_RULES:
        base = config.rule_setting(rule)
        enabled = base.enabled
        if chosen:
            enabled = rule.name in chosen
        if rule.name in dropped:
            enabled = False
        config.rules[rule.name] = RuleSetting(enabled, base.severity, base.options,
                                              base.explicit_severity)


class _Group(click.Group):
    """An internal error is one line and exit code 2; its traceback only with --debug."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.meta.get("pladlint.debug"):
                raise
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            _fail(f"internal error ({reason}); run with --debug for the traceback and report it")


def _remember_debug(ctx: click.Context, param, value: bool) -> bool:
    ctx.meta["pladlint.debug"] = value  # meta is shared with the group's context
    return value


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="pladlint")
def main() -> None:
    """pladlint: plain-language and accessibility linter for patient health pages."""


@main.command()
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
@click.option("--debug", is_flag=True, is_eager=True, callback=_remember_debug,
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
    today_date = _parse_today(today)
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
        _apply_selection(config, select, ignore)
        if report_unused_disables:
            config.report_unused_disables = True
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    targets = _parse_formats(formats, output)
    try:
        perf = _performance(config, jobs, no_cache, profile_stages)
        result = _run(paths, config, stdin_filename, today_date, debug, **perf)
        if fix_ or diff_:
            from pladlint.fix import run_fixes

            changed = run_fixes(result, config, write=not diff_, links=fix_links)
            if diff_:
                sys.exit(EXIT_PROBLEMS if changed else EXIT_CLEAN)
            if changed:
                result = _run(paths, config, stdin_filename, today_date, debug, **perf)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    result = filter_baseline(result, baseline_path)
    _emit(result, targets, config, color=color, quiet=quiet, statistics=statistics)
    write_step_summary(result, targets, config)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PROBLEMS if result.count_at_or_above(config.fail_on) else EXIT_CLEAN)


def _parse_formats(formats: tuple[str, ...], output: Path | None) -> list[tuple[str, Path | None]]:
    targets: list[tuple[str, Path | None]] = []
    for i, spec in enumerate(formats or ("text",)):
        name, _, file = spec.partition(":")
        if name not in FORMAT_NAMES:
            raise click.BadParameter(f"unknown format '{name}' (one of {', '.join(FORMAT_NAMES)})",
                                     param_hint="--format")
        dest = Path(file) if file else (output if i == 0 else None)
        targets.append((name, dest))
    return targets


def _performance(config: Config, jobs: int | None, no_cache: bool, profile: bool) -> dict:
    """Workers, result cache and stage timing for `lint_paths` (see parallel.py, cache.py)."""
    from pladlint import timing
    from pladlint.vocab import precompiled
    from pladlint.engine.parallel import tune_gc

    tune_gc()
    if profile:
        timing.enable()
        click.get_current_context().call_on_close(
            lambda: click.echo(json.dumps(timing.totals(), sort_keys=True), err=True))
    cache = None
    if not no_cache and not os.environ.get("PLADLINT_NO_CACHE"):
        from pladlint.cache import ResultCache, cache_folder

        # Next to the configuration file, else in the current folder: never inside a folder
        # of pages that merely gets linted (a shared corpus, a docs checkout).
        root = config.source.parent if config.source is not None else Path.cwd()
        folder = Path(os.environ.get("PLADLINT_CACHE_DIR") or cache_folder(root))
        cache = ResultCache(folder)
        precompiled.set_cache_dir(folder)
    return {"jobs": jobs or None, "cache": cache}


def _run(paths: list[Path], config: Config, stdin_filename: str | None,
         today: dt.date | None, debug: bool, jobs: int | None = 1, cache=None) -> LintResult:
    from pladlint.api import lint_bytes, lint_paths

    if Path("-") in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be combined with other paths")
        data = sys.stdin.buffer.read(config.max_file_size + 1)  # bounded: decode() rejects more
        outcome = lint_bytes(data, config_for_path(config, stdin_filename) if stdin_filename
                             else config, stdin_filename or "<stdin>", today, debug)
        result = LintResult()
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        else:
            result.files.append(outcome)
        return result
    return lint_paths(paths, config, today, debug, jobs, cache, spool=True)


def _emit(result: LintResult, targets: list[tuple[str, Path | None]], config: Config,
          color: bool | None = None, quiet: bool = False, statistics: bool = False) -> None:
    for name, dest in targets:
        stream = sys.stdout
        options = FormatOptions(color=_use_color(color, stream) if dest is None else False,
                                root=str(repository_root(config)), fail_on=config.fail_on,
                                quiet=quiet, statistics=statistics)
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
                    _silence_stdout()
            continue
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            with stage("output"), open(dest, "w", encoding="utf-8") as fh:
                for piece in pieces:
                    fh.write(piece)
        except OSError as exc:
            _fail(f"{dest}: cannot write report: {exc.strerror or exc}")


@main.command("rules")
def rules_command() -> None:
    """List every rule: code, name, default severity, what it checks."""
    width = max(len(r.name) for r in ALL_RULES)
    for rule in ALL_RULES:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}")


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule: why it matters, an example, how to fix it, how to configure it."""
    found = find_rule(rule)
    if found is None:
        _fail(f"unknown rule '{rule}' (see `pladlint rules`)")
    click.echo(explain_text(found))


@main.command("explain-term")
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
        _fail("WORD is empty")
    try:
        config = load_config(config_path, page if page is not None else Path.cwd())
        if page is not None:
            config = config_for_path(config, page)
        if audience:
            from pladlint.config import parse_config

            parse_config({"audience": audience}, "--audience", config)
        report = term_report(word, config, page)
    except (ConfigError, PackError, TermReportError) as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(report_text(report))


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


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def run() -> None:
    """The `pladlint` program: `main`, then an exit that skips tearing the interpreter down.

    By the time `main` returns, every report is written, files are closed and worker
    processes are gone; freeing spaCy's and the lexicons' hundreds of thousands of objects
    one by one would add about 0.3 s to every run, a fifth of a pre-commit hook's time."""
    try:
        main()
        code: int = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message"), as Python itself reports it
            print(exc.code, file=sys.stderr)
            code = 1
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)  # under coverage or a profiler, which write their data at exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, or a stream a command closed (the
            pass                       # editor server's `exit`): nothing more can be said
    os._exit(code)


# baseline, init, print-config (cli_workflow.py)
register_workflow_commands(main)

# report, lsp (cli_writers.py)
from pladlint.cli.writers import register as register_writer_commands  # noqa: E402

register_writer_commands(main)
