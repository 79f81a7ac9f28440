"""Inline suppressions in HTML comments, applied as a filter after the rules have run.

The vocabulary is markdownlint's, so pages still render and writers already know it:

    <!-- pladlint-disable jargon-unexplained, PL101 -- reviewed with the clinic -->
    ...
    <!-- pladlint-enable -->
    <!-- pladlint-disable-next-line image-alt-missing -->
    <!-- pladlint-disable-line reading-grade -->      (the lines the comment is on)
    <!-- pladlint-disable-file jargon-unexplained -->

Rules are named by name or code, separated by commas or spaces; no rule means every rule.
Everything after `--` is the reason, kept for people reading the page. A finding is
suppressed when its first character is inside a directive's scope.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from pladlint.checks import Violation, find_rule
from pladlint.config import Config
from pladlint.document.model import Document
from pladlint.engine.convert import to_finding
from pladlint.findings import Finding
from pladlint.positions import Span

_DIRECTIVE = re.compile(
    r"^\s*pladlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$",
    re.S,
)
ALL = "*"
UNUSED_RULE = "unused-suppression"


@dataclass
class Directive:
    kind: str  # disable | enable | disable-next-line | disable-line | disable-file
    rules: list[str]  # rule names; [ALL] for every rule
    unknown: list[str]  # names that match no rule
    reason: str
    span: Span
    scope: list[tuple[int, int]] = field(default_factory=list)  # half-open offset ranges
    used: set[str] = field(default_factory=set)


def parse_directive(body: str, span: Span) -> Directive | None:
    """The directive in an HTML comment's body, or None for an ordinary comment."""
    m = _DIRECTIVE.match(body)
    if not m:
        return None
    names, _, reason = m.group(2).partition("--")
    rules: list[str] = []
    unknown: list[str] = []
    for token in re.split(r"[\s,]+", names.strip()):
        if not token:
            continue
        rule = find_rule(token)
        if rule is None and token.lower() not in ("all", ALL):
            unknown.append(token)
        else:
            name = ALL if rule is None else rule.name
            if name not in rules:
                rules.append(name)
    if not rules and not unknown:
        rules = [ALL]
    return Directive(m.group(1), rules, unknown, reason.strip(), span)


def directives(doc: Document) -> list[Directive]:
    found = []
    for comment in doc.comments:
        d = parse_directive(comment.body, comment.span)
        if d is not None:
            found.append(d)
    found.sort(key=lambda d: d.span.start)
    _resolve_scopes(doc, found)
    return found


def _resolve_scopes(doc: Document, found: list[Directive]) -> None:
    text_end = len(doc.text)
    # Where the `enable` comments are: a `disable` looks only at those after it, not at
    # every later directive (quadratic on a page of many disables and no enable).
    enables = [i for i, d in enumerate(found) if d.kind == "enable"]
    index = doc.index
    for i, d in enumerate(found):
        if d.kind == "disable-file":
            d.scope = [(0, text_end)]
        elif d.kind == "disable-line":
            first, last = index.line_of(d.span.start), index.line_of(max(d.span.end - 1, d.span.start))
            d.scope = [(index.line_start(first), index.line_end(last) + 1)]
        elif d.kind == "disable-next-line":
            line = index.line_of(max(d.span.end - 1, d.span.start)) + 1
            if line < index.line_count:
                d.scope = [(index.line_start(line), index.line_end(line) + 1)]
        elif d.kind == "disable":
            end = text_end
            for later in _enables_after(found, enables, i):
                if ALL in later.rules or (ALL not in d.rules and set(d.rules) <= set(later.rules)):
                    end = later.span.start
                    break
            d.scope = [(d.span.end, end)]
    # An `enable RULE` that closes only part of a multi-rule `disable` splits it in two.
    for i, d in enumerate(found):
        if d.kind != "disable" or ALL in d.rules or len(d.rules) < 2:
            continue
        for later in _enables_after(found, enables, i):
            if ALL not in later.rules and set(d.rules) & set(later.rules):
                if later.span.start < d.scope[0][1]:
                    closed = [r for r in d.rules if r in later.rules]
                    rest = [r for r in d.rules if r not in later.rules]
                    found.append(Directive("disable", closed, [], d.reason, d.span,
                                           [(d.span.end, later.span.start)]))
                    d.rules = rest
                break


def _enables_after(found: list[Directive], enables: list[int], i: int) -> Iterator[Directive]:
    """The `enable` directives after found[i], in order (`enables`: their indexes)."""
    for k in range(bisect_right(enables, i), len(enables)):
        yield found[enables[k]]


def _covers(d: Directive, finding: Finding) -> bool:
    if d.kind == "enable" or not (ALL in d.rules or finding.rule in d.rules):
        return False
    return any(lo <= finding.start < hi for lo, hi in d.scope)


def apply_suppressions(doc: Document, findings: list[Finding], config: Config,
                       display_path: str) -> list[Finding]:
    """The findings no directive suppresses, plus PL901 findings for unused directives
    when `report-unused-disables` is on."""
    if not doc.comments:
        return findings
    found = directives(doc)
    if not found:
        return findings
    kept = _filter(found, findings)
    if getattr(config, "report_unused_disables", False):
        kept.extend(_unused_findings(doc, found, config, display_path))
        kept.sort(key=Finding.sort_key)
    return kept


def _filter(found: list[Directive], findings: list[Finding]) -> list[Finding]:
    """The findings no directive covers (`_covers`); each directive's `used` gets the rules
    it hid a finding of (ALL for a finding it hid only as a disable-all).

    Worked from both sides in O((findings + directives) log findings) rather than trying every
    directive on every finding: a finding is hidden when its start falls in the merged scopes
    of its rule's directives or of the disable-alls; a directive used a rule when a finding
    of that rule starts in its scope (a bisection in that rule's sorted starts)."""
    starts: dict[str, list[int]] = {}
    for f in findings:
        starts.setdefault(f.rule, []).append(f.start)
    every = sorted(f.start for f in findings)
    for positions in starts.values():
        positions.sort()
    scopes: dict[str, list[tuple[int, int]]] = {}
    for d in found:
        if d.kind == "enable":
            continue
        for lo, hi in d.scope:
            for rule in d.rules:
                scopes.setdefault(rule, []).append((lo, hi))
            for rule in d.rules:
                if rule != ALL and _count(starts.get(rule, ()), lo, hi):
                    d.used.add(rule)
            if ALL in d.rules and _count(every, lo, hi) > sum(
                    _count(starts.get(r, ()), lo, hi) for r in d.rules if r != ALL):
                d.used.add(ALL)  # a finding of a rule the directive does not name
    merged = {rule: _merge(spans) for rule, spans in scopes.items()}
    hide_all = merged.get(ALL, ([], []))
    return [f for f in findings if not _inside(hide_all, f.start)
            and not _inside(merged.get(f.rule, ([], [])), f.start)]


def _count(sorted_starts: Sequence[int], lo: int, hi: int) -> int:
    """How many of the sorted offsets fall in [lo, hi)."""
    return bisect_left(sorted_starts, hi) - bisect_left(sorted_starts, lo) if lo < hi else 0


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Half-open ranges merged into disjoint ones: (their starts, their ends), both sorted."""
    los: list[int] = []
    his: list[int] = []
    for lo, hi in sorted(spans):
        if lo >= hi:
            continue
        if los and lo <= his[-1]:
            his[-1] = max(his[-1], hi)
        else:
            los.append(lo)
            his.append(hi)
    return los, his


def _inside(merged: tuple[list[int], list[int]], pos: int) -> bool:
    los, his = merged
    k = bisect_right(los, pos) - 1
    return k >= 0 and pos < his[k]


def _unused_findings(doc: Document, found: list[Directive], config: Config,
                     display_path: str) -> list[Finding]:

    rule = find_rule(UNUSED_RULE)
    setting = config.rule_setting(rule)
    if not setting.enabled:
        return []
    out: list[Finding] = []
    reported: set[tuple[int, int]] = set()
    for d in found:
        if d.kind == "enable" or (d.span.start, d.span.end) in reported:
            continue
        unused = [r for r in d.rules if r not in d.used and _enabled(r, config)]
        if not unused and not d.unknown:
            continue
        reported.add((d.span.start, d.span.end))
        parts = []
        if d.unknown:
            parts.append("names no known rule: " + ", ".join(f"'{u}'" for u in d.unknown)
                         + " (see `pladlint rules`)")
        if unused:
            what = "any rule" if unused == [ALL] else ", ".join(unused)
            parts.append(f"suppresses nothing for {what}")
        message = f"this pladlint-{d.kind} comment " + "; it ".join(parts) + "; remove or fix it"
        v = Violation(d.span, message, severity=None)
        out.append(to_finding(rule, v, setting.severity, doc, display_path))
    # Only a directive that names unused-suppression itself may hide these (a disable-all
    # comment that matches nothing must not hide its own report).
    naming = [d for d in found if UNUSED_RULE in d.rules and d.kind != "enable"]
    return [f for f in out if not any(_covers(d, f) for d in naming)]


def _enabled(name: str, config: Config) -> bool:
    """A directive for a rule the configuration turned off is not reported as unused."""
    if name == ALL:
        return True
    rule = find_rule(name)
    return rule is not None and config.rule_setting(rule).enabled


__all__ = ["Directive", "apply_suppressions", "directives", "parse_directive"]
