"""PL201 jargon-unexplained: a medical term used without a glossary link or a definition."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation
from pladlint.checks.jargon.scan import scan
from pladlint.checks.settings import JARGON_OPTIONS
from pladlint.vocab.term_help import acronym_expansion, drug_description


def described(term: str) -> tuple[str, ...]:
    """A plain description for a term no pack explains: a drug combination by its first
    drug ("nivolumab and relatlimab"), a gene by its symbol ("EGFR gene")."""
    words = term.split()
    if len(words) == 2 and words[1].lower() == "gene":
        found = acronym_expansion(words[0])
        if found is not None:
            return (found.expansion,)
    if " and " in term:
        first = drug_description(words[0])
        if first:
            return (f"{words[0]} ({first}) given with {' '.join(words[2:])}",)
    return ()


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
    # shared by the jargon rules and the section summaries: declared in checks/settings.py
    options = JARGON_OPTIONS

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        result = scan(ctx)
        doc = ctx.doc
        for m in result.mentions:
            if m.rare or m.term.is_acronym or m.explained is not None or not m.first:
                continue  # drug names: jargon-rare-word; acronyms: acronym-unexpanded
            unit = doc.units[m.unit]
            text = unit.text[m.start : m.end]
            plain = m.term.plain or described(m.term.term)
            suggestion = ", ".join(plain[:3]) if plain else None
            message = f"'{text}' may be unfamiliar to patients"
            message += (f" — try: {plain[0]}; or explain it where it is first used, or link it "
                        "to a glossary" if plain
                        else "; explain it in plain words where it is first used, or link it to "
                        "a glossary")
            yield Violation(unit.source_span(m.start, m.end), message, suggestion=suggestion,
                            section=m.section, data={"term": m.term.term, "pack": m.term.pack})
