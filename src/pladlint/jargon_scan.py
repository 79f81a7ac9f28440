"""One pass over a document that finds every jargon mention and whether it was explained.

jargon-unexplained (listed terms), jargon-rare-word (unlisted rare words), jargon-density and
the per-section `jargon_density` of the JSON summary all read the same scan, computed once per
document and set of options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from pladlint.explanations import (
    DEFAULT_GLOSSARY_PATTERNS,
    GlossaryMatcher,
    abbr_spans,
    defined_here,
    front_matter_glossary,
    glossary_link_ranges,
)
from pladlint.lexicon import Term, default_lexicon
from pladlint.rare_words import rare_word_finder, zipf

SCOPES = ("document", "section")


@dataclass(frozen=True)
class ScanOptions:
    glossary_patterns: tuple[str, ...] = ()  # added to DEFAULT_GLOSSARY_PATTERNS
    scope: str = "document"  # where an explanation holds: "document" or "section"
    rare_zipf: float | None = None  # None: the audience's jargon_zipf
    site_links: bool = True  # a term in the text of a link to a page of the site is explained


@dataclass(frozen=True)
class Mention:
    unit: int
    section: int
    start: int  # prose offsets within the unit
    end: int
    key: str  # what "the same term" means: the pack term or the rare word's lemma, lower-case
    term: Term | None  # None: an unlisted rare word
    zipf: float | None  # rare words only
    explained: str | None  # None, or how: glossary, earlier, heading, glossary-link, inline, abbr
    first: bool = False  # first unexplained use of this key in its section

    @property
    def rare(self) -> bool:
        """Reported by jargon-rare-word: an unlisted rare word or a listed drug name."""
        return self.term is None or self.term.kind == "drug"


@dataclass
class JargonScan:
    mentions: list[Mention] = field(default_factory=list)
    section_words: dict[int, int] = field(default_factory=dict)

    def unexplained(self, listed: bool | None = None) -> list[Mention]:
        """Unexplained mentions; listed=True: pack terms only, False: rare words only."""
        return [m for m in self.mentions if m.explained is None
                and (listed is None or (m.term is not None) == listed)]

    def density(self, section: int) -> float:
        """Unexplained jargon mentions (listed terms and rare words) per 100 words."""
        words = self.section_words.get(section, 0)
        if not words:
            return 0.0
        hits = sum(1 for m in self.mentions if m.section == section and m.explained is None)
        return round(100 * hits / words, 2)


def scan_options(rule_options: dict[str, Any]) -> ScanOptions:
    """ScanOptions from jargon-unexplained's options (shared by every jargon rule)."""
    scope = "section" if rule_options.get("scope") == "section" else "document"
    return ScanOptions(tuple(rule_options.get("glossary-patterns", ())), scope,
                       site_links=bool(rule_options.get("site-links", True)))


def options_from_settings(settings: dict[str, Any]) -> ScanOptions:
    return scan_options(settings.get("jargon-options") or {})


def jargon_settings(config: Any) -> dict[str, Any]:
    """What engine.build_context puts in ctx.settings: the project glossary's terms and
    jargon-unexplained's options (so the section summary's density uses the same scan)."""
    from pladlint.checks.jargon_unexplained import JargonUnexplained

    return {"glossary-terms": getattr(config, "glossary_terms", frozenset()),
            "jargon-options": dict(config.rule_setting(JargonUnexplained()).options)}


def scan(ctx: Any, options: ScanOptions | None = None) -> JargonScan:
    """The scan of `ctx`'s document for these options, computed once and kept on the context."""
    options = options or options_from_settings(ctx.settings)
    cache = ctx.__dict__.setdefault("_jargon_scans", {})  # per-document memo, like cached_property
    found = cache.get(options)
    if found is None:
        found = cache[options] = _scan(ctx, options)
    return found


def _glossary_keys(ctx: Any) -> set[str]:
    return front_matter_glossary(ctx.doc.metadata) | {
        str(t).lower() for t in ctx.settings.get("glossary-terms", ())}


def _scan(ctx: Any, options: ScanOptions) -> JargonScan:
    doc = ctx.doc
    out = JargonScan()
    if ctx.language != "en":
        return out
    lexicon = default_lexicon(ctx.nlp)
    zipf_max = options.rare_zipf if options.rare_zipf is not None else ctx.audience.jargon_zipf
    rare = rare_word_finder(zipf_max)
    matcher = GlossaryMatcher.from_strings(
        tuple(DEFAULT_GLOSSARY_PATTERNS) + tuple(options.glossary_patterns))
    glossary_ranges = glossary_link_ranges(doc, matcher)
    barriers: dict[int, list[int]] = {}
    linked: dict[int, list[tuple[int, int]]] = {}
    for link in doc.links:
        if link.unit is not None:
            barriers.setdefault(link.unit, []).extend((link.prose_start, link.prose_end))
            if _SITE_URL.match(link.url):
                linked.setdefault(link.unit, []).append((link.prose_start, link.prose_end))
    abbrs = abbr_spans(doc)
    lower_seen: set[str] = set()
    for ua in ctx.analysis:  # map and filter run in C: every token of the page passes here
        lower_seen.update(filter(str.islower, map(_TEXT, ua.tokens)))
    glossary = _glossary_keys(ctx)
    per_section = options.scope == "section"
    explained: set[str] = set()
    reported: set[tuple[int, str]] = set()
    current = -1
    headings = _heading_texts(doc)
    for ui, unit in enumerate(doc.units):
        analysis = ctx.analysis[ui]
        out.section_words[unit.section] = out.section_words.get(unit.section, 0) + sum(
            map(_IS_WORD, analysis.tokens))
        if unit.kind == "heading":
            continue
        if unit.section != current:
            current = unit.section
            if per_section:
                explained = set()
        tokens = analysis.tokens
        found: list[tuple[int, int, str, Term | None, float | None, tuple[str, ...]]] = []
        covered: set[int] = set()
        sentence_starts = {s.tokens[0].start for s in analysis.sentences}
        for m in lexicon.matches(tokens, barriers.get(ui, ())):
            start, end = tokens[m.first].start, tokens[m.last - 1].end
            covered.update(range(m.first, m.last))
            if start not in sentence_starts and _title_cased(m.term.term, tokens[m.first:m.last]):
                continue  # "Palliative Care Editorial Board": part of a name or a title
            if not m.term.plain and m.term.kind != "drug" and zipf(m.term.term.lower()) >= zipf_max:
                continue  # common enough for this audience ("incidence", "benign" for patients)
            surface = unit.text[start:end].lower()
            lemmas = " ".join(t.lemma for t in tokens[m.first : m.last])
            found.append((start, end, m.term.term.lower(), m.term, None, (surface, lemmas)))
        for ti, z in rare.find(tokens, covered, sentence_starts, lower_seen):
            t = tokens[ti]
            found.append((t.start, t.end, t.lemma, None, z, (t.text.lower(),)))
        found.sort(key=lambda f: f[0])
        ranges = glossary_ranges.get(ui, ())
        defined_next = _defined_in_next_sentence(found, unit.text, analysis.sentences)
        for start, end, key, term, z, aliases in found:
            how = None
            if key in glossary or any(a in glossary for a in aliases):
                how = "glossary"
            elif key in explained:
                how = "earlier"
            elif _in_heading(headings[unit.section], key, aliases):
                how = "heading"  # the page or section is about it: "## Immunotherapy"
            elif any(a <= start and end <= b for a, b in ranges):
                how = "glossary-link"
            elif options.site_links and any(a <= start and end <= b for a, b in linked.get(ui, ())):
                how = "link"  # "[aromatase inhibitors](/types/breast/hormone-therapy)"
            elif defined_here(unit.text, start, end) or (
                    unit.kind == "list_item" and _LIST_LABEL.match(unit.text[:start])
                    and _LABEL_END.match(unit.text[end:])):
                how = "inline"  # "- **Needle biopsy.** Your doctor uses a thin needle ..."
            elif abbrs and _in_abbr(unit.source_span(start, end), abbrs):
                how = "abbr"
            elif key in defined_next:
                how = "inline"  # "... have a biopsy. A biopsy is a procedure in which ..."
            if how is not None:
                explained.add(key)
            first = how is None and (unit.section, key) not in reported
            if first:
                reported.add((unit.section, key))
            out.mentions.append(Mention(ui, unit.section, start, end, key, term, z, how, first))
    return out


def _defined_in_next_sentence(found: list, text: str, sentences: list[Any]) -> set[str]:
    """Terms whose use is defined again in the same or the very next sentence of the
    paragraph: the reader gets the explanation straight away."""
    def sentence_of(pos: int) -> int:
        for k, sentence in enumerate(sentences):
            if pos < sentence.end:
                return k
        return len(sentences)

    first: dict[str, int] = {}
    out: set[str] = set()
    for start, end, key, *_ in found:
        if key not in first:
            first[key] = sentence_of(start)
        elif sentence_of(start) - first[key] <= 1 and defined_here(text, start, end):
            out.add(key)
    return out


def _title_cased(listed: str, tokens: list[Any]) -> bool:
    """Capitalised where the pack writes the term in lower case."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return bool(words) and listed[:1].islower() and words[0][:1].isupper() and not words[0].isupper()


def _heading_texts(doc: Any) -> list[str]:
    """Per section: its heading and the headings above it, lower-case, padded with spaces."""
    out = []
    for section in doc.sections:
        text = " ".join((*section.path, section.heading)) if not section.empty_heading else \
            " ".join(section.path)
        out.append(" " + " ".join(_WORD.findall(text.lower())) + " ")
    return out


def _in_heading(heading: str, key: str, aliases: tuple[str, ...]) -> bool:
    for form in (key, *aliases):
        words = " ".join(_WORD.findall(form))
        if words and f" {words} " in heading:
            return True
    return False


_WORD = re.compile(r"[^\W_]+")
_TEXT = attrgetter("text")
_IS_WORD = attrgetter("is_word")
# A list item that starts with the term as its label, then explains it.
_LIST_LABEL = re.compile(r"^[\s*_]*$")
_LABEL_END = re.compile(r"^[*_]*\.\s+\S")
# A link to another page of the same site: a relative URL, not an anchor on this page.
_SITE_URL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|#)\S", re.I)


def _in_abbr(span: Any, abbrs: list[tuple[int, int]]) -> bool:
    return any(a <= span.start and span.end <= b for a, b in abbrs)


def section_jargon_density(ctx: Any, section: int) -> float | None:
    """`jargon_density` of the JSON section summary (None where jargon is not checked)."""
    if ctx.language != "en":
        return None
    return scan(ctx).density(section)
