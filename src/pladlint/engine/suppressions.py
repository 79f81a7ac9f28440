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
from dataclasses import dataclass, field

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
            for later in found[i + 1:]:
                if later.kind == "enable" and (ALL in later.rules
                                               or (ALL not in d.rules
                                                   and set(d.rules) <= set(later.rules))):
                    end = later.span.start
                    break
            d.scope = [(d.span.end, end)]
    # An `enable RULE` that closes only part of a multi-rule `disable` splits it in two.
    for i, d in enumerate(found):
        if d.kind != "disable" or ALL in d.rules or len(d.rules) < 2:
            continue
        for later in found[i + 1:]:
            if later.kind == "enable" and ALL not in later.rules and set(d.rules) & set(later.rules):
                if later.span.start < d.scope[0][1]:
                    closed = [r for r in d.rules if r in later.rules]
                    rest = [r for r in d.rules if r not in later.rules]
                    found.append(Directive("disable", closed, [], d.reason, d.span,
                                           [(d.span.end, later.span.start)]))
                    d.rules = rest
                break


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
    kept = []
    for f in findings:
        hit = [d for d in found if _covers(d, f)]
        for d in hit:
            d.used.add(f.rule if f.rule in d.rules else ALL)
        if not hit:
            kept.append(f)
    if getattr(config, "report_unused_disables", False):
        kept.extend(_unused_findings(doc, found, config, display_path))
        kept.sort(key=Finding.sort_key)
    return kept


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
