"""What counts as "explained" for a term: a glossary link, an inline definition, a glossary.

Shared by jargon-unexplained and acronym-unexpanded so they agree on what a reader was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pladlint.document.model import Document, Link
from pladlint.safe_regex import SafePattern, compile_pattern

DEFAULT_GLOSSARY_PATTERNS = (
    r"popDefinition\.aspx",
    r"/glossary",
    r"#term-",
    r"/dictionar(y|ies)",
    r"/def(inition)?s?/",
)

# Patterns on the prose right after the term ...
_AFTER = re.compile(
    r"^\s*(?:"
    r",?\s+which\s+(?:is|are|means|was|were)\b"
    r"|,?\s+(?:also\s+)?(?:called|known\s+as)\b"
    r"|\s*\((?:a|an|the|also|or|which|meaning|called|known|this|these|cells?|when|how|where)\b"
    r"|\s+(?:means|is\s+(?:a|an|the|when|how)|are\s+(?:a|an|the)|refers\s+to)\b"
    r"|,\s+(?:or|a|an)\s+\w+"
    r"|\s*(?:—|–|-|:)\s*(?:a|an|the)\b"
    r")",
    re.I,
)
# ... and right before it.
_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:also\s+)?called|\bknown\s+as|\bcalled|\bterm|\bnamed)\s*[\"'“‘]?$",
    re.I,
)


@dataclass(frozen=True)
class GlossaryMatcher:
    patterns: tuple[SafePattern, ...]

    @classmethod
    def from_strings(cls, patterns: tuple[str, ...] | list[str]) -> "GlossaryMatcher":
        # Patterns may come from the configuration: compiled with a time limit (safe_regex).
        return cls(tuple(compile_pattern(p) for p in patterns))

    def is_glossary(self, url: str) -> bool:
        return any(p.search(url) for p in self.patterns)


def glossary_link_ranges(doc: Document, matcher: GlossaryMatcher) -> dict[int, list[tuple[int, int]]]:
    """Prose ranges (per unit) covered by the text of glossary links."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    for link in doc.links:
        if link.unit is not None and matcher.is_glossary(link.url):
            ranges.setdefault(link.unit, []).append((link.prose_start, link.prose_end))
    return ranges


def link_ranges(doc: Document) -> dict[int, list[tuple[int, int, Link]]]:
    out: dict[int, list[tuple[int, int, Link]]] = {}
    for link in doc.links:
        if link.unit is not None:
            out.setdefault(link.unit, []).append((link.prose_start, link.prose_end, link))
    return out


def defined_inline(text: str, start: int, end: int) -> bool:
    """Is the term at prose [start, end) of `text` followed or preceded by a definition?"""
    after = text[end : end + 60]
    if _AFTER.match(after):
        return True
    before = text[max(0, start - 40) : start]
    return bool(_BEFORE.search(before))


def front_matter_glossary(metadata: dict) -> set[str]:
    """Terms a page defines in its `glossary:` front matter (a mapping or a list)."""
    raw = metadata.get("glossary")
    if isinstance(raw, dict):
        return {str(k).lower() for k in raw}
    if isinstance(raw, list):
        out = set()
        for item in raw:
            if isinstance(item, dict):
                out.update(str(k).lower() for k in item)
            else:
                out.add(str(item).lower())
        return out
    return set()
