"""PL202 jargon-rare-word: a word in no jargon pack that is rare in English and looks technical."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.jargon_scan import options_from_settings, scan


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
        scan_options = options_from_settings(ctx.settings)
        if options["max-zipf"] is not None:
            scan_options = replace(scan_options, rare_zipf=float(options["max-zipf"]))
        for m in scan(ctx, scan_options).mentions:
            if not m.rare or m.explained is not None or not m.first:
                continue
            unit = ctx.doc.units[m.unit]
            text = unit.text[m.start : m.end]
            if m.term is not None:
                message = (f"'{text}' is a drug name patients may not know; say what it is "
                           "or what it treats where it is first used, or link it to a glossary")
            else:
                message = (f"'{text}' is a rare word (Zipf {m.zipf:.1f}) that patients may not "
                           "know; say what it is where it is first used, or link it to a glossary")
            yield Violation(unit.source_span(m.start, m.end), message, section=m.section,
                            data={"term": m.key, "zipf": m.zipf})
