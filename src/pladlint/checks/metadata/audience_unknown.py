"""PL001 audience-unknown: the front matter names an audience pladlint has no targets for."""

from __future__ import annotations

import re
from typing import Any, Iterator

from pladlint.vocab.audiences import load_audiences
from pladlint.checks.base import Rule, Severity, Violation
from pladlint.document.model import Document
from pladlint.positions import Span


def front_matter_value_span(doc: Document, keys: tuple[str, ...]) -> Span:
    """Span of the first `key: value` line of the front matter naming one of `keys`.

    Falls back to the opening fence, then to the start of the file.
    """
    fm = doc.front_matter.span
    block = doc.text[fm.start:fm.end]
    names = "|".join(re.escape(k) for k in keys)
    m = re.search(rf"^[ \t]*[\"']?(?:{names})[\"']?[ \t]*[:=][ \t]*(.*?)[ \t]*$", block, re.M)
    if m:
        if m.group(1):
            return Span(fm.start + m.start(1), fm.start + m.end(1))
        return Span(fm.start + m.start(), fm.start + m.end())
    if fm.end > fm.start:
        return Span(fm.start, fm.start + 3)
    return Span(0, 0)


class AudienceUnknown(Rule):
    code = "PL001"
    name = "audience-unknown"
    severity = Severity.WARNING
    summary = "The front matter names an audience that has no reading targets."
    rationale = (
        "Every readability rule checks a page against its audience's targets (grade level, "
        "sentence length). When `audienceLevel` names an audience pladlint does not know, "
        "probably a typo, the page is checked against the default profile instead, which may "
        "be far too strict or too lenient. The known audiences and their aliases are listed "
        "in rules/audiences.yml."
    )
    example = "---\naudienceLevel: patiens\n---\n\n# Chemotherapy\n"
    fix = "Use one of the known audiences (patient, caregiver, general, professional) or an alias."
    tags = ("page", "configuration")
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        unknown = ctx.settings.unknown_audience
        if not unknown:
            return
        known = ", ".join(load_audiences().names)
        yield Violation(
            front_matter_value_span(ctx.doc, ("audienceLevel", "audience")),
            f"unknown audience '{unknown}': the page is checked against the "
            f"'{ctx.audience.name}' targets instead; use one of {known}",
            suggestion=ctx.audience.name,
            data={"audience": unknown, "used": ctx.audience.name},
        )
