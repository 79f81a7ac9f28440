"""PL002 language-unsupported: readability rules are skipped for a language they cannot score."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.document.front_spans import key_span
from pladlint.checks.base import Rule, Severity, Violation
from pladlint.language.readability import LANGUAGE_NAMES, SUPPORTED_LANGUAGES


class LanguageUnsupported(Rule):
    code = "PL002"
    name = "language-unsupported"
    severity = Severity.INFO
    summary = "The page's language has no readability formulas, so readability rules are skipped."
    rationale = (
        "Grade-level formulas are calibrated for one language: an English formula gives a "
        "wrong number on French or Chinese text. pladlint scores English (five grade-level "
        "formulas) and Spanish (Fernández Huerta, Szigriszt-Pazos); for any other language it "
        "skips the readability rules and says so once, rather than report a wrong score."
    )
    example = "---\nlanguage: fr\n---\n\n# La chimiothérapie\n"
    fix = (
        "Nothing to fix in the page. Check readability with a tool made for its language, or "
        "correct `language:` if the page is in English or Spanish."
    )
    tags = ("page", "readability")
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        if ctx.language in SUPPORTED_LANGUAGES:
            return
        supported = " and ".join(LANGUAGE_NAMES[c] for c in SUPPORTED_LANGUAGES)
        yield Violation(
            key_span(ctx.doc, ("language", "lang"), value_only=True),
            f"readability rules skipped: no readability formulas for language "
            f"'{ctx.language}' (pladlint scores {supported})",
            data={"language": ctx.language},
        )
