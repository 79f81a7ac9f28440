"""PL103 long-paragraph: a paragraph with more sentences than its audience's limit."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation

_PROSE_KINDS = ("paragraph", "blockquote", "list_item")


class LongParagraph(Rule):
    code = "PL103"
    name = "long-paragraph"
    severity = Severity.WARNING
    summary = "A paragraph has more sentences than its audience's limit."
    rationale = (
        "A wall of text discourages readers before they start, and people scanning for one "
        "answer cannot find it. Health-literacy guidance (CDC Simply Put, NIH Clear & Simple) "
        "asks for short paragraphs of a few sentences, each about one idea, under headings "
        "that say what they cover. pladlint reports paragraphs with more sentences than the "
        "audience's limit (6 for patients, from rules/audiences.yml)."
    )
    example = (
        "Your doctor will check your blood. The test takes a few minutes. You may feel a "
        "pinch. The results come back in a day. Your nurse will call you. Ask about any "
        "number you do not understand. Bring a list of your medicines next time.\n"
    )
    fix = (
        "Break it into paragraphs of two to four sentences, one idea each; turn steps or "
        "items into a list; move side topics under their own heading."
    )
    tags = ("plain-language", "readability")
    languages = ("en", "es")
    options = {
        "max-sentences": Option(None, (int, type(None)),
                                "Most sentences in a paragraph (default: the audience's limit)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        limit = options["max-sentences"]
        if limit is None:
            limit = ctx.audience.max_paragraph_sentences
        for ui, unit in enumerate(ctx.doc.units):
            if unit.kind not in _PROSE_KINDS:
                continue
            sentences = ctx.analysis[ui].sentences
            if len(sentences) <= limit:
                continue
            first = sentences[0]
            words = sum(s.words for s in sentences)
            yield Violation(
                unit.source_span(first.start, sentences[-1].end),
                f"paragraph has {len(sentences)} sentences ({words} words); "
                f"{ctx.audience.name} pages should keep paragraphs to {limit} or fewer: "
                "break it up or turn it into a list",
                suggestion="split it into paragraphs of two to four sentences, one idea each",
                section=unit.section,
                data={"sentences": len(sentences), "words": words, "limit": limit},
            )
