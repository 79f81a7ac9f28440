"""PL104 complex-word: a long word that has a plainer everyday alternative."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.readability.swaps import swap_for
from pladlint.language.names import capitalised_in_mid_sentence
from pladlint.vocab.plain_words import complex_lexicon, us_tokens, wordy_matches


class ComplexWord(Rule):
    code = "PL104"
    name = "complex-word"
    severity = Severity.INFO
    summary = "A long or formal word has a plainer everyday alternative."
    rationale = (
        "Readers with limited literacy slow down or stop at formal words: the academic, "
        "legal or bureaucratic register ('respectively', 'via', 'ascribe', 'initiation', "
        "'insufficient'). When an everyday word says the same thing ('utilize' -> 'use', "
        "'approximately' -> 'about'), the plain word is better for every reader. The words "
        "are the formal words listed in rules/plain-language.yml (federal, NIH and CDC "
        "plain-language guidance) and the CDC Plain Language Thesaurus words of three or more "
        "syllables that are rare in everyday English and not medical; everyday words a reader "
        "knows ('therefore', 'determine') are left alone even when a plainer one exists, and "
        "medical words are left to the jargon rules. Words are matched on lemmas and in US "
        "spelling, so 'utilized', 'utilizes' and 'utilisation' are found too. Each word is "
        "reported once per section; a word inside a hyphenated compound or a capitalised name, "
        "or glossed in brackets after its plain word ('the length (duration)'), is not."
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
            # British spellings are looked up in their US form ("utilisation")
            looked_up = us_tokens(tokens, ctx.nlp)
            for m in lexicon.matches(looked_up):
                if m.first in in_phrase or _part_of_name(tokens, m.first, m.last):
                    continue
                key = (unit.section, m.term.term)
                if key in seen:
                    continue
                seen.add(key)
                # glossed by the writer: this use and the section's later ones are fine
                if _glossed(unit.text, tokens, m.first, m.last, m.term.plain):
                    continue
                swap = swap_for(unit.text, tokens, m, looked_up)
                start, end, found, plain = swap.start, swap.end, swap.written, swap.plain
                # the alternatives in the written word's form ("utilized" -> "used"); those
                # that cannot take it are left out, and if none can, they are shown as listed
                fitted = swap.fitting or list(plain)
                alternatives = ", ".join(f"'{p}'" for p in fitted[:3])
                yield Violation(
                    unit.source_span(start, end),
                    f"'{found}' is a hard word for many readers; try {alternatives}",
                    suggestion=fitted[0],
                    section=unit.section,
                    data={"word": m.term.term, "plain": list(plain), "source": m.term.pack},
                )


def _glossed(text: str, tokens, first: int, last: int, plain: tuple[str, ...]) -> bool:
    """The writer already gave the plain word, with the formal one in brackets after it:
    "the length (duration) of treatment"."""
    if first == 0 or last >= len(tokens) or tokens[first - 1].text != "(" or \
            tokens[last].text != ")":
        return False
    before = text[:tokens[first - 1].start].rstrip().lower()
    return any(before.endswith(p.lower()) and not before[-len(p) - 1:-len(p)].isalpha()
               for p in plain)


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
