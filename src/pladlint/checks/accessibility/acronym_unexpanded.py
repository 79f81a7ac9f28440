"""PL307 acronym-unexpanded: an acronym used before it is spelled out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from pladlint.vocab.accessibility_pack import accessibility_pack
from pladlint.language.acronyms import (
    abbr_titles,
    expanded_here,
    find_acronyms,
    is_state_after_place,
    key,
    names_its_kind,
    proper_name_for,
)
from pladlint.language.glosses import gloss_index
from pladlint.vocab.term_help import acronym_expansion
from pladlint.checks.base import Rule, Severity, Violation
from pladlint.checks.settings import ACRONYM_OPTIONS
from pladlint.checks.jargon.explanations import (
    DEFAULT_GLOSSARY_PATTERNS,
    GlossaryMatcher,
    front_matter_glossary,
    glossary_link_ranges,
)
from pladlint.positions import Span


@dataclass
class _FirstUse:
    token: str
    span: Span
    section: int
    expanded_at: Span | None = None
    long_form: str | None = None


@lru_cache(maxsize=8)
def _known_keys(pack: Any, allow: tuple[str, ...]) -> frozenset[str]:
    """Acronyms every reader knows, by key: the same for every page of a run."""
    return frozenset(key(t) for t in pack.acronym_allowlist | pack.not_acronyms | set(allow))


def _italic(text: str, span: Span) -> bool:
    """Written in italics (`*RB1*`, `_KRAS_`, `<i>TP53</i>`): by convention a gene symbol
    or a species, a name the reader is not asked to expand."""
    before, after = text[max(0, span.start - 3) : span.start], text[span.end : span.end + 4]
    for mark in ("*", "_"):
        if before.endswith(mark) and not before.endswith(mark * 2) and after.startswith(mark) \
                and not after.startswith(mark * 2):
            return True
    return before.lower().endswith(("<i>", "em>")) and after.lower().startswith(("</i>", "</em"))


_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<![.!?:])\b([A-Z][a-z]{2,})[ \t]+$")
_NOT_NAMES = frozenset("The This That These Those A An In On At For With From By To Of And Or "
                       "But If When While After Before During Your Our Their Its His Her Ask "
                       "Call See Read Visit Use Get Take Talk Learn How What Why Who Where "
                       "Which Some Most Many All Each Every No Both".split())


def _after_a_name(text: str, start: int) -> bool:
    """Right after a capitalised word that is not the first of its sentence: the acronym is
    part of a brand or product name ("Adriamycin PFS", "Oncotype DX")."""
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(1) in _NOT_NAMES:
        return False
    before = text[: m.start(1)].rstrip()
    return bool(before) and before[-1] not in ".!?:(\"“"


def _glossed(text: str, start: int, end: int) -> bool:
    """Explained by the sentence itself: "TTY (for deaf and hard of hearing callers)", or a
    word of another term's explanation: "(FEV1, forced expiratory volume ...)"."""
    glosses = gloss_index(text)  # by position: a paragraph may hold many of both
    return glosses.explaining(start, end) is not None or glosses.holding(start, end) is not None


@dataclass
class AcronymScan:
    first_uses: dict[str, _FirstUse]
    unexplained: dict[int, int]  # section -> uses of acronyms not yet spelled out (density)
    uses: list[tuple[int, int]] = field(default_factory=list)  # (unit, start) of those uses


def acronym_scan(ctx) -> AcronymScan:
    """Every acronym use of the page, once per document (kept on the context): the rule
    reports the first uses, the section summaries count the unexplained ones."""
    found = ctx.__dict__.get("_acronym_scan")
    if found is None:
        shared = ctx.settings.acronyms
        found = ctx.__dict__["_acronym_scan"] = _scan(ctx, shared.allow, shared.glossary_patterns)
    return found


def _scan(ctx, allow: tuple[str, ...], patterns: tuple[str, ...]) -> AcronymScan:
    doc = ctx.doc
    pack = accessibility_pack()
    known = _known_keys(pack, allow) | {key(t) for t in front_matter_glossary(doc.metadata)}
    matcher = GlossaryMatcher.from_strings(tuple(DEFAULT_GLOSSARY_PATTERNS) + patterns)
    glossary_ranges = glossary_link_ranges(doc, matcher)
    abbrs = abbr_titles(doc.text)
    explained: set[str] = set()
    first_uses: dict[str, _FirstUse] = {}
    unexplained: dict[int, int] = {}
    uses: list[tuple[int, int]] = []
    for ui, unit in enumerate(doc.units):
        ranges = glossary_ranges.get(ui, ())
        for occ in find_acronyms(unit.text):
            k = key(occ.token)
            if k in known or k in explained or is_state_after_place(
                    unit.text, occ.start, occ.token, pack.state_codes):
                continue
            span = unit.source_span(occ.start, occ.end)
            if _italic(doc.text, span) or _after_a_name(unit.text, occ.start):
                continue  # *BRCA1*: a gene symbol; "Adriamycin PFS", "Oncotype DX": a name
            long_form = expanded_here(unit.text, occ.start, occ.end, occ.token)
            abbr = abbrs.get(k)
            if long_form is None and abbr and abbr[0] <= span.start:
                long_form = abbr[1]
            if (long_form is not None
                    or any(a <= occ.start and occ.end <= z for a, z in ranges)
                    or names_its_kind(unit.text, occ.end)
                    or AcronymUnexpanded.legend_cell(doc, ui, occ.token)
                    or _glossed(unit.text, occ.start, occ.end)):
                explained.add(k)
                if k in first_uses:
                    first_uses[k].expanded_at, first_uses[k].long_form = span, long_form
                continue
            unexplained[unit.section] = unexplained.get(unit.section, 0) + 1
            uses.append((ui, occ.start))
            # A heading may spell an acronym out, but an unexplained one in a heading is
            # judged at its first use in the text below: headings stay short labels.
            if unit.kind != "heading" and k not in first_uses:
                first_uses[k] = _FirstUse(occ.token, span, unit.section)
    return AcronymScan(first_uses, unexplained, uses)


class AcronymUnexpanded(Rule):
    code = "PL307"
    name = "acronym-unexpanded"
    severity = Severity.WARNING
    summary = "An acronym (CML, HER2, CT) is used before it is spelled out."
    rationale = (
        "Acronyms save the writer's time, not the reader's. A patient who meets 'CML' or "
        "'HER2' for the first time cannot guess the words behind it, and a screen reader may "
        "read it as a word. WCAG 2.2 success criterion 3.1.4 (Abbreviations) asks for a way "
        "to find the expanded form; plain-language guidance (Federal Plain Language "
        "Guidelines, CDC Clear Communication Index) asks to spell an acronym out the first "
        "time it is used. Acronyms the public knows better than their long form (DNA, HIV, "
        "MRI) are listed in rules/accessibility.yml with the criterion used to choose them."
    )
    example = "Your doctor may test the tumor for HER2.\n"
    fix = (
        "Spell it out at its first use and put the acronym after it: 'human epidermal growth "
        "factor receptor 2 (HER2)', or 'CML (chronic myelogenous leukemia)'; or link the first "
        "use to a glossary entry. Better still, use the plain words alone if the acronym "
        "comes back only once or twice."
    )
    tags = ("accessibility", "plain-language", "wcag-3.1.4")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    # shared with the section summaries' density: declared in checks/settings.py
    options = ACRONYM_OPTIONS

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        found = acronym_scan(ctx)
        prose = " ".join(u.text for u in ctx.doc.units)
        for use in found.first_uses.values():
            yield self.violation(ctx.doc, use, proper_name_for(use.token, prose))

    @staticmethod
    def legend_cell(doc, ui: int, token: str) -> bool:
        """A table cell holding only the acronym, with its meaning in the next cell
        ('| OX | = Oxaliplatin |')."""
        unit = doc.units[ui]
        if unit.kind != "table_cell" or unit.text.strip() != token or ui + 1 >= len(doc.units):
            return False
        following = doc.units[ui + 1]
        return following.kind == "table_cell" and following.text.lstrip()[:1] in ("=", ":")

    @staticmethod
    def violation(doc, use: _FirstUse, name: str | None) -> Violation:
        token = use.token
        if use.expanded_at is not None:
            line = doc.index.location(use.expanded_at.start).line
            long_form = use.long_form
            message = (f"'{token}' is spelled out or explained only later (line {line}); do it "
                       f"here, at its first use")
            known = acronym_expansion(token) if not long_form else None
            suggestion = (f"{long_form} ({token})" if long_form
                          else known.suggestion(token) if known else None)
        elif name:
            message = (f"'{token}' is not spelled out; write the full name first, then "
                       f"'({token})', or link it to a glossary")
            suggestion = f"{name} ({token})"
        elif (known := acronym_expansion(token)) is not None:
            suggestion = known.suggestion(token)
            message = (f"'{token}' is not spelled out; write the full words first, then "
                       f"'({token})', or link it to a glossary")
        else:
            message = (f"'{token}' is not spelled out; write the full words first, then "
                       f"'({token})', or link it to a glossary")
            suggestion = None
        return Violation(use.span, message, suggestion=suggestion, section=use.section,
                         data={"acronym": token})
