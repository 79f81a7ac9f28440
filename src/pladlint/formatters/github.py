"""GitHub Actions workflow commands (`::error file=...::message`), shown as annotations.

GitHub shows at most 10 annotations of each level per step (50 per job), so the most severe
findings become annotations first and the rest are listed in a collapsed log group with a
line saying how many were left out. Columns are dropped when a finding spans lines, as
GitHub ignores them there. `step_summary()` renders the Markdown job summary the CLI appends
to $GITHUB_STEP_SUMMARY (formatters stay pure: they never write files).
"""

from __future__ import annotations

from collections import Counter

from pladlint.findings import Finding, LintResult, root_relative_path
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.concise import summary_line

PER_LEVEL_LIMIT = 10  # annotations GitHub shows per level and step
SUMMARY_LIMIT = 1024 * 1024  # $GITHUB_STEP_SUMMARY accepts up to 1 MiB per step
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message after `::`, escaped as @actions/core's toCommandValue/escapeData."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file=, title=...), escaped as @actions/core's escapeProperty."""
    return (text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


def command(level: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotation(f: Finding, root: str = ".") -> str:
    # GitHub matches `file=` against the repository root, wherever pladlint ran from.
    props: dict[str, object] = {"file": root_relative_path(f.path, root), "line": f.line,
                                "endLine": f.end_line}
    if f.end_line == f.line:
        props["col"] = f.column
        props["endColumn"] = f.end_column
    props["title"] = f"pladlint {f.code} ({f.rule})"
    message = f"{f.message} ({f.suggestion})" if f.suggestion else f.message
    return command(LEVELS[f.severity.value], props, message)


def _plain(f: Finding) -> str:
    # One log line each: a line break in a message must not start a workflow command.
    text = f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"
    return escape_data(text)


def format_result(result: LintResult, options: FormatOptions) -> str:
    lines: list[str] = []
    shown: Counter[str] = Counter()
    left_out: list[Finding] = []
    for e in result.errors:
        if shown["error"] < PER_LEVEL_LIMIT:
            lines.append(command("error", {"file": root_relative_path(e.path, options.root),
                                           "title": "pladlint"}, e.message))
            shown["error"] += 1
        else:
            lines.append(escape_data(f"{e.path}: error {e.message}"))
    ordered = sorted(result.findings, key=lambda f: (-f.severity.rank, f.sort_key()))
    for f in ordered:
        level = LEVELS[f.severity.value]
        if shown[level] < PER_LEVEL_LIMIT:
            lines.append(annotation(f, options.root))
            shown[level] += 1
        else:
            left_out.append(f)
    if left_out:
        counts = Counter(f.severity.value for f in left_out)
        what = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items())
        lines.append(f"pladlint: {len(left_out)} more findings ({what}) are not shown as "
                     f"annotations: GitHub shows {PER_LEVEL_LIMIT} per level per step. "
                     "They are listed below; SARIF upload (code scanning) shows them all.")
        lines.append(f"::group::pladlint: {len(left_out)} more findings")
        lines.extend(_plain(f) for f in sorted(left_out, key=Finding.sort_key))
        lines.append("::endgroup::")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".rstrip("0").rstrip(".")


def step_summary(result: LintResult, options: FormatOptions) -> str:
    """The Markdown job summary: totals, counts per rule, and files × sections with their
    grade and target. Cut (with a note) to stay under GitHub's 1 MiB limit."""
    counts = result.severity_counts()
    head = ["## pladlint", "", summary_line(result), ""]
    by_rule = result.rule_counts()
    if by_rule:
        head += ["| Rule | Findings |", "|---|---:|"]
        head += [f"| {code} `{name}` | {n} |" for (code, name), n in sorted(by_rule.items())]
        head.append("")
    if counts.get("error") or result.errors:
        head.append(f"Errors: {counts.get('error', 0)} findings, {len(result.errors)} files "
                    "could not be checked.")
        head.append("")
    table = ["| File | Section | Grade | Target | Findings |", "|---|---|---:|---:|---:|"]
    rows: list[str] = []
    for r in result.files:
        per_section = Counter(f.section for f in r.findings)
        for s in r.sections:
            if s.grade is None and not per_section.get(s.heading):
                continue  # nothing to read there (a title line, an empty preamble)
            over = (r.language == "en" and s.grade is not None and s.target is not None
                    and s.grade > s.target)
            grade = f"**{_fmt(s.grade)}**" if over else _fmt(s.grade)
            rows.append(f"| {_cell(r.path)} | {_cell(s.heading)} | {grade} | {_fmt(s.target)} "
                        f"| {per_section.get(s.heading, 0)} |")
    out = "\n".join(head) + "\n"
    budget = SUMMARY_LIMIT - len(out.encode("utf-8")) - 4096
    body = table[:]
    used = sum(len(x.encode("utf-8")) + 1 for x in body)
    for i, row in enumerate(rows):
        size = len(row.encode("utf-8")) + 1
        if used + size > budget:
            body.append("")
            body.append(f"{len(rows) - i} more sections left out to stay under GitHub's 1 MiB "
                        "summary limit; see the SARIF or JSON report for all of them.")
            break
        body.append(row)
        used += size
    if rows:
        out += "\n".join(body) + "\n"
    return out
