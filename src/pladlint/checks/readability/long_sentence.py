"""PL102 long-sentence: a sentence longer than the audience's limit."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation

EXCERPT = 50


class LongSentence(Rule):
    code = "PL102"
    name = "long-sentence"
    severity = Severity.WARNING
    summary = "A sentence has more words than its audience's limit."
    rationale = (
        "Long sentences make readers hold many ideas at once; readers with limited literacy "
        "lose the thread. The CDC Clear Communication Index and the Federal Plain Language "
        "Guidelines advise sentences of 15 to 20 words on average. pladlint reports any "
        "sentence over the audience's limit (25 words for patients, 40 for professionals, "
        "from rules/audiences.yml). List items, headings and table cells are sentences of "
        "their own, so a bulleted list is never one long sentence."
    )
    example = (
        "If you develop a fever of 100.4°F or higher, shaking chills, a new cough, or any "
        "redness or swelling around your port, it is very important that you call your care "
        "team right away, even at night or on a weekend.\n"
    )
    fix = (
        "Split it into two or three sentences with one idea each, or turn a list of items "
        "into bullets: 'Call your care team right away, even at night, if you have: ...'"
    )
    tags = ("plain-language", "readability")
    languages = ("en", "es")
    options = {
        "max-words": Option(None, (int, type(None)),
                            "Most words in a sentence (default: the audience's limit)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        limit = options["max-words"]
        if limit is None:
            limit = ctx.audience.max_sentence_words
        for ui, unit in enumerate(ctx.doc.units):
            if unit.kind == "heading":
                continue
            for sentence in ctx.analysis[ui].sentences:
                if len(sentence.tokens) <= limit:
                    continue  # a piece counts a word only at a word token: it cannot be over
                words = max(_line_pieces(ctx.doc.text, unit, sentence))
                if words <= limit:
                    continue
                span = unit.source_span(sentence.start, sentence.end)
                text = " ".join(unit.text[sentence.start:sentence.end].split())
                yield Violation(
                    span,
                    f"sentence has {words} words; {ctx.audience.name} pages should keep "
                    f"sentences to {limit} or fewer: split it into two or three sentences",
                    suggestion="one idea a sentence; put a list of items into bullets",
                    section=unit.section,
                    data={"words": words, "limit": limit,
                          "excerpt": text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"},
                )


def _line_pieces(text: str, unit, sentence) -> list[int]:
    """Words of each piece of a sentence, cut where a source line of links ends.

    Words are counted as a reader counts them, separated by spaces: "100.4°F" and
    "dose-limiting" are one word each, though the tokenizer splits them. A paragraph of one
    link per line (a "see also" block without list markers) has no full stops, so it reads
    as one sentence; each such line is counted on its own.
    """
    counts = [0]
    previous = None
    chunk_has_word = False
    for token in sentence.tokens:
        if previous is not None and token.start != previous.end:
            chunk_has_word = False
            gap = text[unit.ends[previous.end - 1]:unit.starts[token.start]]
            if "\n" in gap:
                before = gap.split("\n", 1)[0].rstrip()[-1:]
                after = gap.rsplit("\n", 1)[1].lstrip()
                if before in ")]>" and after.startswith(("[", "![", "<")):
                    counts.append(0)
        if token.is_word and not chunk_has_word:
            counts[-1] += 1
            chunk_has_word = True
        previous = token
    return counts
