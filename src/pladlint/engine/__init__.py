"""Run the enabled rules over one parsed document. No I/O happens here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pladlint.vocab.audiences import Audience, load_audiences
from pladlint.checks import ALL_RULES, Rule, find_rule
from pladlint.config import Config
from pladlint.engine.convert import to_finding
from pladlint.language.codes import normalize_language
from pladlint.checks.context import DocumentContext
from pladlint.document.model import Document
from pladlint.findings import FileResult, Finding, SectionSummary
from pladlint.checks.jargon.scan import section_jargon_density
from pladlint.checks.readability.difficulty import (
    page_difficulty,
    section_difficulty,
    section_hotspots,
)
from pladlint.checks.readability.passive_voice import section_passive_share
from pladlint.checks.settings import Settings, resolve
from pladlint.timing import stage
from pladlint.engine.fingerprints import assign_fingerprints
from pladlint.engine.suppressions import apply_suppressions

def resolve_audience(doc: Document, config: Config) -> tuple[Audience, str | None]:
    """The page's audience profile and, if its front matter named an unknown one, that name."""
    return page_audience(doc.metadata, config.audience)


def page_audience(metadata: dict[str, Any], default: str) -> tuple[Audience, str | None]:
    """The audience a page's front matter names (`audienceLevel`, or `audience`), else the
    configuration's `default`; and the name it gave if no profile has it."""
    catalogue = load_audiences()
    declared = metadata.get("audienceLevel", metadata.get("audience"))
    if declared is not None and not isinstance(declared, (dict, list)):
        found = catalogue.resolve(str(declared))
        if found is not None:
            return found, None
        return catalogue.resolve(default), str(declared)
    return catalogue.resolve(default), None


def build_context(doc: Document, config: Config, today: dt.date | None = None) -> DocumentContext:
    audience, unknown = resolve_audience(doc, config)
    declared_language = doc.metadata.get("language", doc.metadata.get("lang"))
    language = normalize_language(declared_language) if declared_language else config.language
    settings = shared_settings(config, unknown)
    return DocumentContext(doc, audience, language, config.spacy_model,
                           today or dt.date.today(), settings)


def shared_settings(config: Config, unknown_audience: str | None = None) -> Settings:
    """The settings several rules share (checks/settings.py), from the tables that hold them."""
    def options_of(table: str) -> dict[str, Any]:
        rule = find_rule(table)
        return dict(config.rule_setting(rule).options) if rule is not None else {}

    return resolve(options_of, getattr(config, "glossary_terms", frozenset()), unknown_audience)


def applicable(rule: Rule, ctx: DocumentContext) -> bool:
    if rule.audiences is not None and ctx.audience.name not in rule.audiences:
        return False
    if rule.languages is not None and ctx.language not in rule.languages:
        return False
    return True


def run_rules(ctx: DocumentContext, config: Config, display_path: str,
              rules: tuple[Rule, ...] = ALL_RULES) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        setting = config.rule_setting(rule)
        if not setting.enabled or not applicable(rule, ctx):
            continue
        with stage("jargon" if rule.code.startswith("PL2") else "rules"):  # for the benchmark
            for violation in rule.check(ctx, setting.options):
                severity = setting.severity if setting.explicit_severity else (
                    violation.severity or setting.severity)
                findings.append(to_finding(rule, violation, severity, ctx.doc, display_path))
    findings.sort(key=Finding.sort_key)
    return findings


def section_summaries(ctx: DocumentContext) -> list[SectionSummary]:
    out = []
    for section, score in zip(ctx.doc.sections, ctx.section_scores):
        out.append(SectionSummary(
            heading=section.heading, level=section.level, line=section.start_line,
            end_line=section.end_line, path=section.path, words=score.words,
            sentences=score.sentences, grade=score.grade, scores=score.formulas,
            target=score.target,
            empty_heading=section.empty_heading, note=score.note,
            jargon_density=section_jargon_density(ctx, section.index),
            passive_share=section_passive_share(ctx, section.index),
            difficulty=section_difficulty(ctx, section.index),
            max_difficulty=ctx.audience.max_difficulty if ctx.language == "en" else None,
            hotspots=section_hotspots(ctx, section.index),
        ))
    return out


def lint_document(doc: Document, config: Config, display_path: str,
                  today: dt.date | None = None) -> FileResult:
    ctx = build_context(doc, config, today)
    # The whole page is scored first: textstat's word lists for a big page are its largest
    # passing need of memory, best met before the rules' scans are held too.
    doc_score = ctx.document_score
    findings = run_rules(ctx, config, display_path)
    # Inline `pladlint-disable` comments filter the findings; then each gets its fingerprint.
    findings = assign_fingerprints(apply_suppressions(doc, findings, config, display_path),
                                   display_path, config.root if config.source else None)
    return FileResult(
        path=display_path, audience=ctx.audience.name, language=ctx.language,
        sections=section_summaries(ctx), findings=findings, words=doc_score.words,
        grade=doc_score.grade, source=doc.text, difficulty=_page_difficulty(ctx),
    )


def _page_difficulty(ctx: DocumentContext) -> float | None:
    d = page_difficulty(ctx)
    return d.value if d is not None else None
