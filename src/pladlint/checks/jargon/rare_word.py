"""PL202 jargon-rare-word: a word in no jargon pack that is rare in English and looks technical."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.jargon.scan import scan
from pladlint.vocab.term_help import drug_description, rare_word_plain


def _looks_like_a_drug(word: str) -> bool:
    """Only a long lower-case word (the rare-word rule found it technical by shape already)
    is described by its drug-name stem."""
    return len(word) >= 7 and word.islower()


class JargonRareWord(Rule):
    code = "PL202"
    name = "jargon-rare-word"
    severity = Severity.INFO
    summary = "A drug name, or a rare technical word no pack lists, is used without explanation."
    rationale = (
        "The jargon packs cannot list every new drug, test or procedure name. A word that is "
        "rare in everyday English (by its wordfreq Zipf frequency, below the audience's "
        "`jargon_zipf` in rules/audiences.yml) is probably one a patient has never read. "
        "Names (capitalised mid-sentence), acronyms, numbers and forms of common words are "
        "left alone. Generic drug names from the NCI dictionary (rules/jargon/nci-drug-names.yml) "
        "are reported here too: they have no plainer word, but the reader needs to know what "
        "the drug is for. It is reported as information: check whether the reader needs it "
        "explained."
    )
    example = "You may be offered pembrolizumab after surgery.\n"
    fix = (
        "Say what it is where it is first used ('pembrolizumab, a drug that helps your immune "
        "system fight the cancer'), link it to a glossary, or use a plainer word."
    )
    tags = ("plain-language", "jargon")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    options = {
        "max-zipf": Option(None, (float, int),
                           "Report words rarer than this Zipf frequency (default: the audience's "
                           "jargon_zipf, 3.5 for patients)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        rare_zipf = float(options["max-zipf"]) if options["max-zipf"] is not None else None
        for m in scan(ctx, rare_zipf).mentions:
            if not m.rare or m.explained is not None or not m.first:
                continue
            unit = ctx.doc.units[m.unit]
            text = unit.text[m.start : m.end]
            suggestion = None
            if m.term is not None:
                what = drug_description(m.term.term) or (m.term.plain[0] if m.term.plain
                                                         else None)
                message = (f"'{text}' is a drug name patients may not know; say what it is "
                           "or what it treats where it is first used, or link it to a glossary")
                if what:
                    suggestion = f"{text}, {what}"
            else:
                what = rare_word_plain(m.key) or rare_word_plain(text) or (
                    drug_description(text) if _looks_like_a_drug(text) else None)
                message = (f"'{text}' is a rare word (Zipf {m.zipf:.1f}) that patients may not "
                           "know; say what it is where it is first used, or link it to a glossary")
                if what:
                    suggestion = what
            yield Violation(unit.source_span(m.start, m.end), message, suggestion=suggestion,
                            section=m.section, data={"term": m.key, "zipf": m.zipf})
