"""PL104 complex-word: a long word that has a plainer everyday alternative."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.language.names import capitalised_in_mid_sentence
from pladlint.plain_words import complex_lexicon, wordy_matches


class ComplexWord(Rule):
    code = "PL104"
    name = "complex-word"
    severity = Severity.INFO
    summary = "A long or formal word has a plainer everyday alternative."
    rationale = (
        "Words of three or more syllables are what grade-level formulas count as hard, and "
        "readers with limited literacy slow down or stop at them. When an everyday word says "
        "the same thing ('utilize' -> 'use', 'approximately' -> 'about'), the plain word is "
        "better for every reader. The words come from the formal words listed in "
        "rules/plain-language.yml (federal and NIH plain-language guidance) and from the "
        "CDC Plain Language Thesaurus (words of three or more syllables); they are matched on "
        "lemmas, so 'utilized' and 'utilizes' are found too. Each word is reported once per "
        "section."
    )
    example = "The clinic will utilize a blood test approximately once a week.\n"
    fix = "The clinic will use a blood test about once a week."
    tags = ("plain-language", "wording")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    options = {
        "min-syllables": Option(3, int, "Fewest syllables of a CDC thesaurus word to report."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        lexicon = complex_lexicon(ctx.nlp, options["min-syllables"])
        wordy = wordy_matches(ctx)
        seen: set[tuple[int, str]] = set()
        for ui, unit in enumerate(ctx.doc.units):
            tokens = ctx.analysis[ui].tokens
            # a word inside a wordy phrase ("subsequent to") is left to wordy-phrase
            in_phrase = {j for w in wordy[ui] for j in range(w.first, w.last)}
            for m in lexicon.matches(tokens):
                if m.first in in_phrase or _part_of_name(tokens, m.first, m.last):
                    continue
                key = (unit.section, m.term.term)
                if key in seen:
                    continue
                seen.add(key)
                start, end = tokens[m.first].start, tokens[m.last - 1].end
                found = unit.text[start:end]
                plain = m.term.plain
                alternatives = ", ".join(f"'{p}'" for p in plain[:3])
                yield Violation(
                    unit.source_span(start, end),
                    f"'{found}' is a hard word for many readers; try {alternatives}",
                    suggestion=plain[0],
                    section=unit.section,
                    data={"word": m.term.term, "plain": list(plain), "source": m.term.pack},
                )


def _part_of_name(tokens, first: int, last: int) -> bool:
    """A word inside a hyphenated compound ("biofeedback-assisted") or a capitalised name
    in mid-sentence ("FDA's Accelerated Approval Program") is a term, not a word choice."""
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last] if last < len(tokens) else None
    if before is not None and before.text == "-" and before.end == tokens[first].start:
        return True
    if after is not None and after.text == "-" and after.start == tokens[last - 1].end:
        return True
    return capitalised_in_mid_sentence(tokens, first, first + 1)
