"""The writer's report: grouped by file, then section; each finding with its source line.

    examples/page.md  patient page · grade 9.4 (target 8)

    ## Why it happens  (line 22)
       grade 10.2 [########|##.....] target 8 · 2.2 over
    examples/page.md:75:1: warning jargon-unexplained 'Mucositis' may be unfamiliar ...
        75 | Mucositis is painful.
           | ^^^^^^^^^
           = try: mouth sores

Each finding's first line is the one-line `path:line:col: severity rule message` form, so the
report stays greppable. Colour only when `FormatOptions.color` is set (a terminal without
NO_COLOR); otherwise plain ASCII. A pure function of the LintResult: source lines come from
`FileResult.source`, never from the disk.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from pladlint.findings import FileResult, Finding, LintResult, SectionSummary
from pladlint.formatters.common import FormatOptions, page_pieces
from pladlint.formatters.concise import summary_line
from pladlint.positions import LineIndex

_SEV = {"error": "31", "warning": "33", "info": "36"}
BAR_WIDTH = 20
MAX_SNIPPET = 96  # characters of a source line shown around the span


@dataclass(frozen=True)
class Style:
    color: bool

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self.paint(text, "1")

    def dim(self, text: str) -> str:
        return self.paint(text, "2")


def over_target(s: SectionSummary) -> bool:
    return s.grade is not None and s.target is not None and s.grade > s.target


def grade_bar(grade: float, target: float, style: Style, width: int = BAR_WIDTH) -> str:
    """A short bar of the grade on a 0..max(target+6, grade) scale, a `|` at the target."""
    scale = max(target + 6.0, grade, 1.0)
    filled = round(width * min(grade, scale) / scale)
    mark = min(width - 1, round(width * target / scale))
    over = grade - target
    code = "32" if over <= 0 else ("33" if over <= 2 else "31")
    full, empty = ("█", "░") if style.color else ("#", ".")
    cells = []
    for i in range(width):
        if i == mark:
            cells.append(style.bold("|") if style.color else "|")
        elif i < filled:
            cells.append(style.paint(full, code))
        else:
            cells.append(style.dim(empty))
    return "[" + "".join(cells) + "]"


def section_line(s: SectionSummary, style: Style) -> str:
    if s.grade is None or s.target is None:
        return "   " + style.dim(s.note) if s.note else ""
    verdict = (f"{s.grade - s.target:.1f} over" if over_target(s) else "on target")
    color = "31" if s.grade - s.target > 2 else ("33" if over_target(s) else "32")
    return (f"   grade {style.paint(f'{s.grade:.1f}', color)} "
            f"{grade_bar(s.grade, s.target, style)} target {s.target:g} · {verdict}"
            f" · {s.words} words{difficulty_text(s.difficulty, s.max_difficulty)}")


def difficulty_text(value: float | None, limit: float | None) -> str:
    """' · difficulty 62 (max 58)': the fitted difficulty, 0-100, next to the grade."""
    if value is None:
        return ""
    return f" · difficulty {value:.0f}" + (f" (max {limit:g})" if limit is not None else "")


def finding_block(f: Finding, index: LineIndex | None, source: str, style: Style,
                  lines_seen: dict[int, str] | None = None) -> list[str]:
    """A finding's head line, its source line with carets under the span, its suggestion.

    `lines_seen` memoizes source lines with tabs expanded: a long sentence often has several
    findings on one line."""
    severity = f.severity.value
    sev_code = _SEV.get(severity, "0")
    head = f"{style.bold(f'{f.path}:{f.line}:{f.column}:')} {style.paint(severity, sev_code)} " \
           f"{f.rule} {f.message}"
    lines = [head]
    if index is not None and 0 < f.line <= index.line_count:
        line0 = f.line - 1
        text = lines_seen.get(line0) if lines_seen is not None else None
        if text is None:
            text = source[index.line_start(line0): index.line_end(line0)].expandtabs(1)
            if lines_seen is not None:
                lines_seen[line0] = text
        start = f.column - 1
        end = f.end_column - 1 if f.end_line == f.line else len(text)
        end = max(end, start + 1)
        text, start, end = _clip(text, start, end)
        gutter = str(f.line)
        pad = " " * len(gutter)
        lines.append(f"    {style.dim(gutter + ' |')} {text}")
        caret = "^" * max(1, min(end, len(text) + 1) - start)
        lines.append(f"    {style.dim(pad + ' |')} {' ' * start}{style.paint(caret, sev_code)}")
        if f.suggestion:
            lines.append(f"    {pad} {style.paint('=', '36')} {f.suggestion}")
    elif f.suggestion:
        lines.append(f"    = {f.suggestion}")
    return lines


def _clip(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to about MAX_SNIPPET characters around the span, with '...' marks."""
    if len(text) <= MAX_SNIPPET:
        return text, start, end
    left = max(0, min(start - 20, len(text) - MAX_SNIPPET))
    right = min(len(text), max(left + MAX_SNIPPET, end + 5))
    if right - left > MAX_SNIPPET + 40:  # a very long span: show its start only
        right = left + MAX_SNIPPET
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(text) else ""
    shift = len(prefix) - left
    return (prefix + text[left:right] + suffix, start + shift,
            min(end, right) + shift)


def findings_by_section(r: FileResult) -> dict[int, list[Finding]]:
    """Findings keyed by the index of the section holding their first line (-1: none)."""
    starts = [s.line for s in r.sections]
    out: dict[int, list[Finding]] = {}
    for f in r.findings:
        si = bisect_right(starts, f.line) - 1
        if si < 0 and r.sections and f.section == r.sections[0].heading:
            si = 0
        out.setdefault(si, []).append(f)
    return out


def file_report(r: FileResult, style: Style) -> list[str]:
    page_grade = f"grade {r.grade:.1f}" if r.grade is not None else "no grade"
    targets = {s.target for s in r.sections if s.target is not None}
    target = f" (target {min(targets):g})" if targets else ""
    out = [f"{style.bold(r.path)}  {r.audience} page · {r.words} words · {page_grade}{target}"
           f"{difficulty_text(r.difficulty, None)}"]
    index = LineIndex(r.source) if r.source else None
    seen: dict[int, str] = {}
    by_section = findings_by_section(r)
    for si, s in enumerate(r.sections):
        findings = by_section.pop(si, [])
        if not findings and not over_target(s):
            continue
        marks = "#" * s.level if s.level else "§"
        out.append("")
        out.append(f"{style.bold(marks + ' ' + s.heading)}  {style.dim(f'(line {s.line})')}")
        graded = section_line(s, style)
        if graded:
            out.append(graded)
            if s.note and s.grade is not None:  # e.g. scored together with its neighbours
                out.append("   " + style.dim(s.note))
        for f in findings:
            out.extend(finding_block(f, index, r.source, style, seen))
    rest = [f for fs in by_section.values() for f in fs]
    if rest:
        out.append("")
        for f in rest:
            out.extend(finding_block(f, index, r.source, style, seen))
    return out


def section_tally(result: LintResult) -> tuple[int, int]:
    """(sections over target, graded sections with a target) over every page."""
    over = graded = 0
    for r in result.files:
        o, g = page_tally(r)
        over += o
        graded += g
    return over, graded


def page_tally(r: FileResult) -> tuple[int, int]:
    """(sections over target, graded sections with a target) of one page."""
    over = graded = 0
    for s in r.sections:
        if s.grade is not None and s.target is not None:
            graded += 1
            over += over_target(s)
    return over, graded


def summary(result: LintResult, style: Style,
            tally: tuple[int, int] | None = None) -> list[str]:
    over, graded = tally if tally is not None else section_tally(result)
    out = [style.bold(summary_line(result)),
           f"sections over target: {over} of {graded} graded"]
    out.extend(statistics(result, style))
    return out


def statistics(result: LintResult, style: Style) -> list[str]:
    counts = result.rule_counts()
    if not counts:
        return []
    width = max(len(str(n)) for n in counts.values())
    out = ["findings per rule:"]
    for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {n:>{width}}  {code}  {rule}")
    return out


def page_key(options: FormatOptions) -> str | None:
    """What a page's piece depends on besides the page (see `page_piece`); None when the
    report reads no pieces (`--statistics` counts from the run's tallies)."""
    if getattr(options, "statistics", False):
        return None
    return f"text/{int(bool(options.color))}"


def page_piece(r: FileResult, options: FormatOptions) -> tuple[str, tuple[int, int]]:
    """A page's part of the report ("" when it has nothing to show), and its section tally."""
    tally = page_tally(r)
    if not r.findings and not any(over_target(s) for s in r.sections):
        return "", tally
    return "\n".join(file_report(r, Style(options.color))) + "\n\n", tally


def stream(result: LintResult, options: FormatOptions) -> Iterator[str]:
    """The report in pieces, one page at a time."""
    style = Style(options.color)
    if getattr(options, "statistics", False):
        lines = statistics(result, style) or ["no findings"]
        yield "\n".join(lines) + "\n"
        return
    quiet = getattr(options, "quiet", False)
    over = graded = 0  # counted on the way, so the pages are read once
    for piece, (o, g) in page_pieces(result.files, page_key(options),
                                     lambda r: page_piece(r, options)):
        over += o
        graded += g
        if piece and not quiet:
            yield piece
    if not quiet:
        lines: list[str] = []
        for e in result.errors:
            lines.append(f"{style.bold(e.path + ':')} {style.paint('error', '31')} {e.message}")
        if result.errors:
            lines.append("")
        if lines:
            yield "\n".join(lines) + "\n"
    yield "\n".join(summary(result, style, (over, graded))) + "\n"


def format_result(result: LintResult, options: FormatOptions) -> str:
    return "".join(stream(result, options))
