"""Command-line interface: the `pladlint` group and program; each command lives in its module.

- check.py      `pladlint check`: lint, write the reports, set the exit code
- rules.py      `rules`, `explain`, `explain-term` (term_facts.py, term_report.py)
- workflow.py   `baseline`, `init`, and check's baseline filter and GitHub step summary
- print_config.py  `print-config`
- writers.py    `report` (HTML report) and `lsp` (editor server)
- common.py     exit codes, the error line, --debug, --today, rule selection
- linting.py    running the linter for a command: workers, cache, standard input
"""

from __future__ import annotations

import os
import sys

import click

from pladlint import __version__
from pladlint.cli import check as check_module, print_config, rules, workflow, writers
from pladlint.cli.common import fail


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
            fail(f"internal error ({reason}); run with --debug for the traceback and report it")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="pladlint")
def main() -> None:
    """pladlint: plain-language and accessibility linter for patient health pages."""


for _command in (check_module.check, *rules.COMMANDS, *workflow.COMMANDS,
                 print_config.print_config_command, *writers.COMMANDS):
    main.add_command(_command)
del _command


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
