"""One pass over a document that finds every jargon mention and whether it was explained.

jargon-unexplained (listed terms), jargon-rare-word (unlisted rare words), jargon-density and
the per-section `jargon_density` of the JSON summary all read the same scan, computed once per
document and set of options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any

from pladlint.checks.jargon.explanations import (
    DEFAULT_GLOSSARY_PATTERNS,
    GlossaryMatcher,
    abbr_spans,
    defined_here,
    defined_in_next_sentence,
    front_matter_glossary,
    glossary_link_ranges,
)
from pladlint.language.glosses import GlossIndex, gloss_index
from pladlint.positions import Ranges
from pladlint.vocab.lexicon import Term, default_lexicon
from pladlint.vocab.rare_words import (
    everyday_noun,
    family_keys,
    rare_word_finder,
    transparent_compound,
    zipf,
)

@dataclass(frozen=True)
class ScanOptions:
    """What a scan depends on, besides the page: the memo key."""

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
    # None, or how: glossary, earlier, glossary-link, link, inline, abbr, below (a heading
    # term explained at its first use in the body), in-explanation (a word of a gloss)
    explained: str | None
    first: bool = False  # first unexplained use of this key in its section
    detail: str | None = None  # the explaining words (or the explained phrase), when on the page

    @property
    def rare(self) -> bool:
        """Reported by jargon-rare-word: an unlisted rare word or a listed drug name."""
        return self.term is None or self.term.kind == "drug"


@dataclass
class JargonScan:
    mentions: list[Mention] = field(default_factory=list)
    section_words: dict[int, int] = field(default_factory=dict)

    @cached_property
    def unexplained_by_section(self) -> dict[int, list[Mention]]:
        """The unexplained mentions of each section, grouped in one pass over the finished
        scan (per section, a pass each made a page's densities quadratic in its length)."""
        out: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.explained is None:
                out.setdefault(m.section, []).append(m)
        return out

    def density(self, section: int, acronyms: int = 0) -> float:
        """Unexplained jargon uses (listed terms, rare words and the `acronyms` not yet
        spelled out) per 100 words."""
        words = self.section_words.get(section, 0)
        if not words:
            return 0.0
        hits = acronyms + len(self.unexplained_by_section.get(section, ()))
        return round(100 * hits / words, 2)


def scan(ctx: Any, rare_zipf: float | None = None) -> JargonScan:
    """The scan of `ctx`'s document with the page's shared jargon settings (and, for
    jargon-rare-word, its own rarity threshold), computed once and kept on the context."""
    jargon = ctx.settings.jargon
    options = ScanOptions(jargon.glossary_patterns, jargon.scope, rare_zipf, jargon.site_links)
    cache = ctx.__dict__.setdefault("_jargon_scans", {})  # per-document memo, like cached_property
    found = cache.get(options)
    if found is None:
        found = cache[options] = _scan(ctx, options)
    return found


def _glossary_keys(ctx: Any) -> set[str]:
    return front_matter_glossary(ctx.doc.metadata) | ctx.settings.jargon.glossary_terms


def _scan(ctx: Any, options: ScanOptions) -> JargonScan:
    doc = ctx.doc
    out = JargonScan()
    if ctx.language != "en":
        return out
    lexicon = default_lexicon(ctx.nlp)
    zipf_max = options.rare_zipf if options.rare_zipf is not None else ctx.audience.jargon_zipf
    rare = rare_word_finder(zipf_max, _single_words(lexicon))
    matcher = GlossaryMatcher.from_strings(
        tuple(DEFAULT_GLOSSARY_PATTERNS) + tuple(options.glossary_patterns))
    glossary_ranges = glossary_link_ranges(doc, matcher)
    barriers: dict[int, list[int]] = {}
    linked: dict[int, list[tuple[int, int]]] = {}
    named: dict[int, list[tuple[int, int]]] = {}
    for link in doc.links:
        if link.unit is not None:
            barriers.setdefault(link.unit, []).extend((link.prose_start, link.prose_end))
            if _SITE_URL.match(link.url):
                linked.setdefault(link.unit, []).append((link.prose_start, link.prose_end))
            elif link.url.lower().startswith(("http://", "https://")):
                # a link whose whole text is the term leads to a page about it:
                # "[Monoclonal Antibodies](https://www.cancer.gov/.../immunotherapy)"
                named.setdefault(link.unit, []).append((link.prose_start, link.prose_end))
    abbr_ranges = Ranges(abbr_spans(doc))
    lower_seen: set[str] = set()
    for ua in ctx.analysis:  # map and filter run in C: every token of the page passes here
        lower_seen.update(filter(str.islower, map(_TEXT, ua.tokens)))
    glossary = _glossary_keys(ctx)
    per_section = options.scope == "section"
    explained: set[str] = set()
    reported: set[tuple[int, str]] = set()
    # Headings are short labels: a term in one is judged by the body below it. Its heading
    # mentions wait here until the first use in the body says whether it is explained.
    waiting: dict[str, list[int]] = {}
    current = -1
    found_by_unit = [
        _candidates(unit, ctx.analysis[ui], lexicon, rare, barriers.get(ui, ()), lower_seen,
                    zipf_max, unit.kind == "heading")
        for ui, unit in enumerate(doc.units)]
    _add_relatives(doc, ctx.analysis, found_by_unit, zipf_max)
    for ui, unit in enumerate(doc.units):
        analysis = ctx.analysis[ui]
        out.section_words[unit.section] = out.section_words.get(unit.section, 0) + sum(
            map(_IS_WORD, analysis.tokens))
        heading = unit.kind == "heading"
        if unit.section != current:
            current = unit.section
            if per_section:
                explained = set()
        found = found_by_unit[ui]
        if not found:
            continue
        # Only the ranges that hold a mention decide anything about it (the `any` tests of
        # _how_explained): they are looked up, not scanned, so a paragraph of many links
        # is not quadratic.
        ranges = Ranges(glossary_ranges.get(ui, ()))
        site_ranges = Ranges(linked.get(ui, ()) if options.site_links else ())
        named_ranges = Ranges(named.get(ui, ()) if options.site_links else ())
        glosses = gloss_index(unit.text)
        defined_next = defined_in_next_sentence(found, unit.text, analysis.sentences, glosses)
        for start, end, key, term, z, aliases in found:
            site = site_ranges.holding(start, end)
            if named_ranges:
                site += [(a, b) for a, b in named_ranges.holding(start, end)
                         if _whole(unit.text, a, b, start, end)]
            how, detail = _how_explained(unit, start, end, key, aliases, glossary, explained,
                                         ranges.holding(start, end), site, glosses, abbr_ranges,
                                         defined_next)
            if how is not None and how != "in-explanation":
                explained.add(key)
                explained.update(aliases)
            index = len(out.mentions)
            if heading:
                out.mentions.append(Mention(ui, unit.section, start, end, key, term, z, how,
                                            False, detail))
                if how is None:
                    waiting.setdefault(key, []).append(index)
                continue
            pending = waiting.pop(key, [])
            if how is not None and how not in ("earlier", "in-explanation"):
                for k in pending:  # "## Osteosarcoma" then "Osteosarcoma is a type of ..."
                    out.mentions[k] = replace(out.mentions[k], explained="below",
                                              detail=detail)
            elif how is None and pending:
                _report_heading(out, pending, reported)
            first = how is None and (unit.section, key) not in reported
            if first:
                reported.add((unit.section, key))
            out.mentions.append(Mention(ui, unit.section, start, end, key, term, z, how, first,
                                        detail))
    for pending in waiting.values():  # named by a heading, never explained below it
        _report_heading(out, pending, reported)
    return out


@lru_cache(maxsize=4)
def _single_words(lexicon: Any) -> frozenset[str]:
    return frozenset(t.term.lower() for t in lexicon.entries.values() if " " not in t.term)


def _whole(text: str, a: int, b: int, start: int, end: int) -> bool:
    """Is the mention at [start, end) the whole of the link text at [a, b)?"""
    return not text[a:start].strip(" *_'\"") and not text[end:b].strip(" *_'\"s")


def _report_heading(out: JargonScan, pending: list[int], reported: set[tuple[int, str]]) -> None:
    m = out.mentions[pending[0]]
    if (m.section, m.key) not in reported:
        reported.add((m.section, m.key))
        out.mentions[pending[0]] = replace(m, first=True)


Found = tuple[int, int, str, "Term | None", "float | None", tuple[str, ...]]


def _candidates(unit: Any, analysis: Any, lexicon: Any, rare: Any, barriers: Any,
                lower_seen: set[str], zipf_max: float, heading: bool) -> list[Found]:
    """Pack terms and rare words of one unit, in text order."""
    tokens = analysis.tokens
    found: list[Found] = []
    covered: set[int] = set()
    sentence_starts = {s.tokens[0].start for s in analysis.sentences}
    for m in lexicon.matches(tokens, barriers):
        start, end = tokens[m.first].start, tokens[m.last - 1].end
        covered.update(range(m.first, m.last))
        if (not heading and start not in sentence_starts
                and _title_cased(m.term.term, tokens[m.first:m.last])):
            continue  # "Palliative Care Editorial Board": part of a name or a title
        term = m.term
        if term.kind != "drug" and not (term.plain and term.judged):
            low = term.term.lower()
            if zipf(low) >= zipf_max or (" " not in low and (
                    transparent_compound(low) or everyday_noun(low))):
                continue  # common enough ("benign"), "chemoradiation", "insertion"
        if (term.before or term.after) and not _in_context(term, unit.text, start, end):
            continue  # "the mean age" is jargon, "what it means" is not
        surface = unit.text[start:end].lower()
        lemmas = " ".join(t.lemma for t in tokens[m.first : m.last])
        found.append((start, end, m.term.term.lower(), m.term, None, (surface, lemmas)))
    starts = sentence_starts | {t.start for t in tokens} if heading else sentence_starts
    rare_found: list[Found] = []
    for ti, z in rare.find(tokens, covered, starts, lower_seen | _heading_words(heading, tokens)):
        t = tokens[ti]
        last = rare_found[-1] if rare_found else None
        if last is not None and _NAME_GAP.match(unit.text, last[1], t.start) and \
                _NAME_GAP.match(unit.text, last[1], t.start).end() == t.start:
            # one name in several words: "Lutetium Lu 177 Vipivotide Tetraxetan"
            rare_found[-1] = (last[0], t.end, f"{last[2]} {t.lemma}", None, min(last[4], z),
                              (unit.text[last[0]:t.end].lower(),))
        else:
            rare_found.append((t.start, t.end, t.lemma, None, z, (t.text.lower(),)))
    found.extend(rare_found)
    found.sort(key=lambda f: f[0])
    return found


# What may stand between two rare words of one name: spaces, a hyphen, an element symbol
# and mass number ("Lu 177").
_NAME_GAP = re.compile(r"[ \t-]*(?:[A-Z][a-z]?[ \t]+\d+[ \t-]*|\d+[ \t-]*)?")


def _in_context(term: Term, text: str, start: int, end: int) -> bool:
    return bool((term.before and _pattern(term.before).search(text, max(0, start - 60), start))
                or (term.after and _pattern(term.after).match(text[end : end + 80])))


@lru_cache(maxsize=512)
def _pattern(source: str) -> re.Pattern:
    # A search that must end at `start`: the pack writes it anchored with `$`.
    return re.compile(source)


def _add_relatives(doc: Any, analysis: list[Any], found_by_unit: list[list[Found]],
                   zipf_max: float) -> None:
    """Words built like a term the page uses, on the same root with another prefix, are
    judged like it: with "diastolic" reported, "systolic" is jargon too (both "-stolic")."""
    families = {k for found in found_by_unit for f in found if " " not in f[2]
                for k in family_keys(f[2])}
    if not families:
        return
    for ui, found in enumerate(found_by_unit):
        taken = {(f[0], f[1]) for f in found}
        spans = [(f[0], f[1]) for f in found]
        added = False
        for t in analysis[ui].tokens:
            low = t.text.lower()
            if len(low) < 6 or not t.text.isalpha() or (t.text[0].isupper() and t.start):
                continue
            # the root test first: few words have one, and the span test loops
            keys = family_keys(low)
            if not keys or keys.isdisjoint(families) or (t.start, t.end) in taken or any(
                    a <= t.start < b for a, b in spans):
                continue
            if zipf(low) < zipf_max:
                found.append((t.start, t.end, t.lemma, None, zipf(low), (low,)))
                added = True
        if added:
            found.sort(key=lambda f: f[0])


def _heading_words(heading: bool, tokens: list[Any]) -> set[str]:
    """In a title-case heading every word is capitalised: judge its words as if lower-case."""
    return {t.text.lower() for t in tokens} if heading else set()


def _how_explained(unit: Any, start: int, end: int, key: str, aliases: tuple[str, ...],
                   glossary: set[str], explained: set[str], ranges: Any, linked: Any,
                   glosses: GlossIndex, abbrs: Ranges,
                   defined_next: set[str]) -> tuple[str | None, str | None]:
    """How the mention at [start, end) of `unit` is explained (None: it is not), and the
    explaining words when they are on the page."""
    if key in glossary or any(a in glossary for a in aliases):
        return "glossary", None
    if key in explained or any(a in explained for a in aliases):
        return "earlier", None
    if any(a <= start and end <= b for a, b in ranges):
        return "glossary-link", None
    if any(a <= start and end <= b for a, b in linked):
        return "link", None  # "[aromatase inhibitors](/types/breast/hormone-therapy)"
    g = glosses.explaining(start, end)
    if g is not None:
        return "inline", unit.text[g.text_start : g.text_end].strip()
    g = glosses.holding(start, end)
    if g is not None:
        if g.names:  # "the gums (gingiva)", "radiotherapy, also called radiation therapy"
            return "inline", unit.text[g.term_start : g.term_end].strip()
        return "in-explanation", unit.text[g.term_start : g.term_end].strip()
    if defined_here(unit.text, start, end) or (
            unit.kind == "list_item" and _LIST_LABEL.match(unit.text[:start])
            and _LABEL_END.match(unit.text[end:])):
        return "inline", None  # "- **Needle biopsy.** Your doctor uses a thin needle ..."
    if abbrs and _in_abbr(unit.source_span(start, end), abbrs):
        return "abbr", None
    if key in defined_next:
        return "inline", None  # "... have a biopsy. A biopsy is a procedure in which ..."
    return None, None


def _title_cased(listed: str, tokens: list[Any]) -> bool:
    """Capitalised where the pack writes the term in lower case."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return bool(words) and listed[:1].islower() and words[0][:1].isupper() and not words[0].isupper()


_WORD = re.compile(r"[^\W_]+")
_TEXT = attrgetter("text")
_IS_WORD = attrgetter("is_word")
# A list item that starts with the term as its label, then explains it.
_LIST_LABEL = re.compile(r"^[\s*_]*$")
_LABEL_END = re.compile(r"^[*_]*\.\s+\S")
# A link to another page of the same site: a relative URL, not an anchor on this page.
_SITE_URL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|#)\S", re.I)


def _in_abbr(span: Any, abbrs: Ranges) -> bool:
    return bool(abbrs.holding(span.start, span.end))


def section_jargon_density(ctx: Any, section: int) -> float | None:
    """`jargon_density` of the JSON section summary (None where jargon is not checked)."""
    if ctx.language != "en":
        return None
    return scan(ctx).density(section, acronym_uses(ctx).get(section, 0))


def acronym_uses(ctx: Any) -> dict[int, int]:
    """Per section, the uses of acronyms not yet spelled out: jargon too, for the density."""
    from pladlint.checks.accessibility.acronym_unexpanded import acronym_scan  # a rule's scan: imported late

    return acronym_scan(ctx).unexplained
