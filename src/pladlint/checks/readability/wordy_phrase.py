"""PL105 wordy-phrase: a phrase with a shorter, plainer equivalent ("in order to" -> "to")."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation
from pladlint.checks.readability.swaps import Swap, swap_for
from pladlint.language.inflection import inflect_alternatives
from pladlint.language.names import capitalised_in_mid_sentence
from pladlint.vocab.plain_words import as_listed, entry_safe, wordy_matches


# A phrase listed with "is"/"has" matches any tense ("was able to", "have an effect on"),
# but not the bare infinitive or participle: "may be able to" has no shorter form ("may can").
_FINITE = {
    "is": {"is", "are", "was", "were", "am", "'s", "'re", "'m", "isn't", "aren't", "wasn't"},
    "has": {"has", "have", "had", "'ve", "'s", "'d"},
}


def _finite_verb_ok(phrase: str, first: str) -> bool:
    forms = _FINITE.get(phrase.split()[0])
    return forms is None or first.lower() in forms


# A hidden verb is not one when its noun does a noun's work: "make" is causative ("makes
# the decision harder", "making comparison difficult"), or a relative clause hangs on the
# noun ("make choices that lower your risk": "choose that ..." would not parse). A
# possessive 's is not "has" ("the patient's preference for").
_CAUSATIVE_AFTER = {"difficult", "hard", "harder", "hardest", "easy", "easier", "easiest",
                    "simpler", "tougher", "possible", "impossible", "more", "less", "much",
                    "so", "too", "very", "unlikely", "likely", "necessary", "complicated",
                    "confusing", "clear", "clearer", "challenging", "tricky"}
_RELATIVE = {"that", "which", "who", "whom"}


def _hidden_verb_ok(phrase: str, tokens: list[Any], first: int, last: int) -> bool:
    words = phrase.split()
    if words[0] not in ("make", "have"):
        return True
    if words[0] == "have" and tokens[first].text.lower().replace("\u2019", "'") == "'s":
        return False
    after = tokens[last].text.lower() if last < len(tokens) else ""
    if words[0] == "make":
        for t in tokens[last:last + 5]:  # "makes comparisons between patients more difficult"
            low = t.text.lower()
            if low in _CAUSATIVE_AFTER:
                return False
            if not t.is_word or low in (",", ";", "and", "or", "but"):
                break
    ends_in_noun = words[-1] not in ("to", "of", "on", "for", "in", "with", "about", "into")
    return not (ends_in_noun and after in _RELATIVE)


def _swap(text: str, tokens: list[Any], m: Any) -> Swap:
    """The swap for match `m`; a `determiner: optional` phrase's article and noun are read
    as the pack lists them ("made decisions" -> "made a decision" -> "decided")."""
    written = list(tokens[m.first:m.last])
    listed = as_listed(m.term.term, written)
    if listed is written:
        return swap_for(text, tokens, m)
    start, end = tokens[m.first].start, tokens[m.last - 1].end
    previous = tokens[m.first - 1].text if m.first > 0 else ""
    fitting = inflect_alternatives(listed, m.term.term, m.term.plain, previous)
    return Swap(start, end, text[start:end], m.term.plain, fitting)


class WordyPhrase(Rule):
    code = "PL105"
    name = "wordy-phrase"
    severity = Severity.WARNING
    summary = "A wordy phrase has a shorter, plainer equivalent."
    rationale = (
        "Phrases such as 'in order to', 'prior to' or 'due to the fact that' add words "
        "without adding meaning, and every extra word is one more a reader with limited "
        "literacy must decode. The Federal Plain Language Guidelines and the NIH Plain "
        "Language Program ask writers to cut them. The list is data in "
        "rules/plain-language.yml, each entry with the guidance it comes from; it is matched "
        "on word lemmas, so 'is able to' also finds 'are able to' and 'was able to', and "
        "the suggestion takes the written tense and number ('were able to' -> 'could', "
        "'had an effect on' -> 'affected'); where no form of the plain word fits, none is "
        "offered. Hidden verbs ('Use verbs, not nouns') are found the same way: 'made a "
        "decision', 'makes decisions', 'made the decision' -> 'decided', 'decides'; 'were "
        "in agreement with' -> 'agreed with'."
    )
    example = "Prior to your visit, stop eating in order to keep your stomach empty.\n"
    fix = "Before your visit, stop eating to keep your stomach empty."
    tags = ("plain-language", "wording")
    languages = ("en",)
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        matches = wordy_matches(ctx)
        for ui, unit in enumerate(ctx.doc.units):
            tokens = ctx.analysis[ui].tokens
            for m in matches[ui]:
                if not _finite_verb_ok(m.term.term, tokens[m.first].text) or capitalised_in_mid_sentence(
                    tokens, m.first, m.last
                ) or not _hidden_verb_ok(m.term.term, tokens, m.first, m.last):
                    continue
                swap = _swap(unit.text, tokens, m)
                start, end, found, plain, fitting = (swap.start, swap.end, swap.written,
                                                     swap.plain, swap.fitting)
                if fitting:
                    message = f"'{found}' is wordy; say " + " or ".join(
                        f"'{p}'" for p in fitting[:2])
                else:
                    ideas = " or ".join(f"'{p}'" for p in plain[:2])
                    message = (f"'{found}' is wordy; try a form of {ideas}, reworded to fit "
                               "the sentence")
                yield Violation(
                    unit.source_span(start, end),
                    message,
                    suggestion=fitting[0] if fitting else None,
                    section=unit.section,
                    data={"phrase": m.term.term, "plain": list(plain), "fitting": fitting,
                          "source": m.term.pack, "safe": entry_safe(m.term.term)},
                )
