"""What counts as "explained" for a term: a glossary link, an inline definition, a glossary.

Shared by jargon-unexplained and acronym-unexpanded so they agree on what a reader was given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from pladlint.document import abbr_tags
from pladlint.document.model import Document
from pladlint.language.glosses import PLAIN_ZIPF, GlossIndex  # PLAIN_ZIPF: words of a plain gloss
from pladlint.safe_regex import SafePattern, compile_pattern

DEFAULT_GLOSSARY_PATTERNS = (
    r"popDefinition\.aspx",
    r"/glossary",
    r"#term-",
    r"/dictionar(y|ies)",
    r"/def(inition)?s?/",
)

# A term named right after "called" / "known as" in a clause with nothing before it
# ("Called edema, or ..."): the cases language/glosses.py leaves to this module.
_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:also\s+)?called|\bknown\s+as|\bcalled|\bthe\s+term|\bnamed)\s*[\"'“‘]?$",
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


# -- Explanations found in the source or by word frequency (used by jargon_scan) ----------------

_ABBR_RE = re.compile(r"<abbr\b[^>]*\btitle\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*')[^>]*>(.*?)</abbr\s*>",
                      re.I | re.S)
_LOOSE_OR = re.compile(r"^\s*,\s+or\s+")
_GLOSS_TEXT = re.compile(
    r"^\s*(?:,\s+or\s+([^()\[\],;.:—–]{1,80}),|\s*(?:—|–)\s*([^()\[\],;.:—–]{1,80}))")
_DEF_LIST = re.compile(r"^\s*(?:\*\*|__)?\s*(?::|—|–|\s-\s)\s*\S")
# first words of a parenthesis that refers or lists rather than explains: "(see Question 1)"
_NOT_GLOSS = frozenset(
    "see such for like including include includes and or about in on at from with without if "
    "when especially mainly mostly usually often page figure table also eg ie as by to".split())
# "also called computed tomography, computerized tomography, or computerized axial tomography"
_SYNONYM_LIST = re.compile(
    r"\b(?:called|known\s+as)\s+(?:[^.;:()]{1,100}?,\s*|[^.;:()]{1,100}?\s+or\s+(?:[\w-]+\s+){0,2})$",
    re.I)


def abbr_spans(doc: Document) -> list[tuple[int, int]]:
    """Source spans of the text of `<abbr title="...">text</abbr>` elements (non-empty title)."""
    # abbr_tags.finditer: the matches of _ABBR_RE.finditer, in linear time
    return [(m.start(2), m.end(2)) for m in abbr_tags.finditer(_ABBR_RE, doc.text)]


def plain_gloss(text: str, end: int) -> bool:
    """'edema, or swelling,', 'edema – swelling': the term is followed by a short gloss in
    everyday words. Parentheses are judged by language/glosses.py, in both directions."""
    from pladlint.vocab.frequency import zipf  # memoized per word; imported here: no cycle

    m = _GLOSS_TEXT.match(text[end : end + 90])
    if not m:
        return False
    gloss = m.group(1) or m.group(2)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", gloss)
    if (not 1 <= len(words) <= 8 or any(c.isdigit() for c in gloss)
            or words[0].lower() in _NOT_GLOSS or any(w.isupper() and len(w) > 1 for w in words)):
        return False
    return all(zipf(w.lower()) >= PLAIN_ZIPF for w in words)


def defined_here(text: str, start: int, end: int) -> bool:
    """Plain glosses, synonym lists and glossary-list items ('Biopsy: ...').

    ', or X' counts only when X is in everyday words ('chemotherapy, or radiation' is a list,
    not a definition)."""
    if _LOOSE_OR.match(text[end:]):
        if plain_gloss(text, end):
            return True
        before = text[max(0, start - 120) : start]
        return bool(_BEFORE.search(before[-40:]) or _SYNONYM_LIST.search(before))
    # definitions ("X is a ...", "X, which is ...") are read by glosses.find_glosses, which
    # checks where the sentence starts; here: plain glosses and synonym lists only
    if plain_gloss(text, end) or _SYNONYM_LIST.search(text[max(0, start - 120) : start]):
        return True
    # a list or definition-list item that starts with the term: "Biopsy: removing ...",
    # "**Stent** — a tube ...", or "Stent\n: a tube" (the line break reads as a space)
    return not text[:start].strip(" *_") and bool(_DEF_LIST.match(text[end:]))


def defined_in_next_sentence(found: list, text: str, sentences: list[Any],
                             glosses: GlossIndex) -> set[str]:
    """Terms whose use is defined again in the same or the very next sentence of the
    paragraph: the reader gets the explanation straight away."""
    ends = [sentence.end for sentence in sentences]
    ordered = all(a <= b for a, b in zip(ends, ends[1:]))

    def sentence_of(pos: int) -> int:  # the first sentence ending after pos
        if ordered:
            return bisect_right(ends, pos)
        for k, sentence_end in enumerate(ends):
            if pos < sentence_end:
                return k
        return len(sentences)

    first: dict[str, int] = {}
    out: set[str] = set()
    for start, end, key, *_ in found:
        if key not in first:
            first[key] = sentence_of(start)
        elif sentence_of(start) - first[key] <= 1 and (
                defined_here(text, start, end) or glosses.explaining(start, end) is not None):
            out.add(key)
    return out
