"""PL201 jargon-unexplained: a medical term used without a glossary link or a definition."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.explanations import (
    DEFAULT_GLOSSARY_PATTERNS,
    GlossaryMatcher,
    defined_inline,
    front_matter_glossary,
    glossary_link_ranges,
)
from pladlint.lexicon import default_lexicon


class JargonUnexplained(Rule):
    code = "PL201"
    name = "jargon-unexplained"
    severity = Severity.WARNING
    summary = "A medical term is used without a glossary link or a plain explanation."
    rationale = (
        "Patients meet medical words such as 'metastatic' or 'biopsy' at the worst moment to "
        "look them up. A term a reader may not know must be explained in plain words where it "
        "is first used, or linked to a glossary such as the NCI Dictionary of Cancer Terms. "
        "Unexplained jargon is the most common reason health pages fail their readers even "
        "when their sentences are short."
    )
    example = "The scan showed metastatic disease in the liver.\n"
    fix = (
        "Explain the term where it is first used ('metastatic, which means it has spread'), "
        "link it to a glossary entry, or use the plain word instead ('the cancer has spread')."
    )
    tags = ("plain-language", "jargon")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    options = {
        "glossary-patterns": Option([], list, "Extra URL regexes that count as glossary links."),
        "scope": Option("document", str,
                        "Where an explanation holds: 'document' (later uses are fine) or 'section'."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        doc = ctx.doc
        lexicon = default_lexicon(ctx.nlp)
        matcher = GlossaryMatcher.from_strings(
            tuple(DEFAULT_GLOSSARY_PATTERNS) + tuple(options["glossary-patterns"])
        )
        glossary_ranges = glossary_link_ranges(doc, matcher)
        glossary = front_matter_glossary(doc.metadata) | set(ctx.settings.get("glossary-terms", ()))
        per_section = options["scope"] == "section"
        explained: set[str] = set()
        reported: set[tuple[int, str]] = set()
        current_section = -1
        for ui, unit in enumerate(doc.units):
            if unit.kind == "heading":
                continue
            if unit.section != current_section:
                current_section = unit.section
                if per_section:
                    explained = set()
            tokens = ctx.analysis[ui].tokens
            ranges = glossary_ranges.get(ui, ())
            for m in lexicon.matches(tokens):
                key = m.term.term.lower()
                start, end = tokens[m.first].start, tokens[m.last - 1].end
                if key in glossary or key in explained:
                    continue
                if any(a <= start and end <= z for a, z in ranges) or defined_inline(
                    unit.text, start, end
                ):
                    explained.add(key)
                    continue
                if (unit.section, key) in reported:
                    continue
                reported.add((unit.section, key))
                plain = m.term.plain
                suggestion = f"try: {', '.join(plain[:3])}" if plain else None
                message = f"'{unit.text[start:end]}' may be unfamiliar to patients"
                message += (f"; explain it, link it to a glossary, or say '{plain[0]}'" if plain
                            else "; explain it in plain words or link it to a glossary")
                yield Violation(unit.source_span(start, end), message, suggestion=suggestion,
                                section=unit.section, data={"term": m.term.term})
