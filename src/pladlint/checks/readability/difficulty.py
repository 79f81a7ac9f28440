"""Difficulty of every sentence and section: what a reader stumbles on, counted once per page.

The model (`vocab/difficulty.py`, weights in `rules/difficulty.yml`) reads per-sentence
counts, most of which the other rules already compute: sentence length, how unfamiliar its
words are (their frequency in English), unexplained jargon and acronyms (the jargon and
acronym scans), formal words (complex-word's lexicon) and numbers. A section's difficulty is
the model applied to its summed counts, so it reads like a typical sentence of the section.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from pladlint.checks.accessibility.acronym_unexpanded import acronym_scan
from pladlint.checks.jargon.scan import scan as jargon_scan
from pladlint.language.readability import MIN_SENTENCE_WORDS, word_count
from pladlint.vocab.difficulty import LABELS, Counts, Difficulty, DifficultyModel, difficulty_model
from pladlint.vocab.frequency import zipf
from pladlint.vocab.plain_words import complex_lexicon
from pladlint.vocab.rare_words import pronunciation_tokens


_DIGIT = re.compile(r"\d")
MIN_REASON_POINTS = 2.0  # difficulty points a part must add to be named as a reason


@dataclass(frozen=True)
class ScoredSentence:
    unit: int
    section: int
    sentence: Any  # language.analysis.Sentence
    counts: Counts
    value: float  # its difficulty; the parts are worked out only for the sentences shown

    @property
    def difficulty(self) -> Difficulty:
        return difficulty_model().score(self.counts)


@dataclass
class DifficultyScan:
    sentences: list[ScoredSentence]
    sections: dict[int, Difficulty]  # section -> difficulty of its summed counts
    by_section: dict[int, list[ScoredSentence]]  # section -> its scored sentences, in order
    section_counts: dict[int, Counts]  # section -> the counts its difficulty is computed on


def sentence_counts(ctx: Any, model: DifficultyModel | None = None,
                    min_words: int = MIN_SENTENCE_WORDS) -> list[tuple[int, Any, Counts]]:
    """(unit, sentence, counts) of every sentence of at least `min_words` words; `model`
    gives the word-frequency threshold (default: the shipped model's)."""
    model = model or difficulty_model()
    doc, lang = ctx.doc, ctx.language
    # the jargon findings' own scan: listed terms and rare words left unexplained, judged
    # with the page's audience settings, as the writer sees them reported
    jargon = _by_unit((m.unit, m.start) for m in jargon_scan(ctx).mentions
                      if m.explained is None)
    acronyms = _by_unit(acronym_scan(ctx).uses) if lang == "en" else {}
    hard = _hard_words(ctx) if lang == "en" else {}
    out = []
    for ui, unit in enumerate(doc.units):
        tokens = ctx.analysis[ui].tokens
        # a pronunciation guide, "(er-eh-BYOO-lin)", is help for the reader, not hard words
        spoken = {tokens[i].start for i in pronunciation_tokens(tokens)} if lang == "en" else ()
        for s in ctx.analysis[ui].sentences:
            words = [t.text for t in s.tokens if t.is_word and t.start not in spoken]
            if len(words) < min_words:
                continue
            # how common each word is; short words and numbers are never the hard part
            freq = [zipf(w.lower()) for w in words if len(w) > 2 and w.isalpha()]
            out.append((ui, s, Counts(
                words=len(words), sentences=1,
                unfamiliarity=sum(model.familiar_zipf - z for z in freq if z < model.familiar_zipf),
                numbers=sum(1 for w in words if _DIGIT.search(w)),
                jargon=_within(jargon.get(ui, []), s),
                acronyms=_within(acronyms.get(ui, []), s),
                hard_words=_within(hard.get(ui, []), s),
            )))
    return out


def difficulty_scan(ctx: Any) -> DifficultyScan:
    """Every sentence's and section's difficulty, computed once and kept on the context."""
    found = ctx.__dict__.get("_difficulty_scan")
    if found is not None:
        return found
    model = difficulty_model()
    sentences, totals, labels = [], {}, {}
    for ui, s, counts in sentence_counts(ctx, model, min_words=1):
        section = ctx.doc.units[ui].section
        if counts.words < MIN_SENTENCE_WORDS:
            # a label ("Hair loss") says little of how the section reads: it is scored only
            # in a section that has nothing else, so that every section gets a difficulty
            labels[section] = labels[section] + counts if section in labels else counts
            continue
        sentences.append(ScoredSentence(ui, section, s, counts, model.value(counts)))
        totals[section] = totals[section] + counts if section in totals else counts
    for section, counts in labels.items():
        totals.setdefault(section, counts)
    by_section: dict[int, list[ScoredSentence]] = {}
    for scored in sentences:
        by_section.setdefault(scored.section, []).append(scored)
    found = DifficultyScan(sentences, {i: model.score(c) for i, c in totals.items()},
                           by_section, totals)
    ctx.__dict__["_difficulty_scan"] = found
    return found


def page_difficulty(ctx: Any) -> Difficulty | None:
    """The difficulty of the whole page (every sentence's counts summed; on a page of labels
    only, theirs), None as below."""
    if ctx.language != "en":
        return None
    scan = difficulty_scan(ctx)
    counts = [s.counts for s in scan.sentences] or list(scan.section_counts.values())
    if not counts:
        return None
    total = counts[0]
    for c in counts[1:]:
        total = total + c
    return difficulty_model().score(total)


def section_difficulty(ctx: Any, section: int) -> float | None:
    """`difficulty` of the JSON section summary; None for a section with no sentence to score
    or a page in a language the model was not fitted for."""
    if ctx.language != "en":
        return None
    d = difficulty_scan(ctx).sections.get(section)
    return d.value if d is not None else None


EXCERPT = 60  # characters of a sentence quoted in messages


def hardest_sentences(ctx: Any, sections: list[int] | tuple[int, ...],
                      limit: int) -> list[ScoredSentence]:
    """Up to `limit` sentences of `sections` (headings left out) that are harder than the
    sections taken together, hardest first; the hardest is always named."""
    scan = difficulty_scan(ctx)
    units = ctx.doc.units
    mine = [s for i in sorted(set(sections)) for s in scan.by_section.get(i, ())
            if units[s.unit].kind != "heading"]
    if not mine:
        return []
    total = mine[0].counts
    for s in mine[1:]:
        total = total + s.counts
    overall = difficulty_model().value(total)
    ranked = sorted(mine, key=lambda s: (-s.value, s.unit, s.sentence.start))
    return [s for i, s in enumerate(ranked[:limit]) if i == 0 or s.value >= overall]


def sentence_location(ctx: Any, sentence: Any) -> dict:
    """Where a sentence is and what it says, for messages and the JSON report."""
    doc = ctx.doc
    unit = doc.units[sentence.unit]
    span = unit.source_span(sentence.start, sentence.end)
    loc, end = doc.index.location(span.start), doc.index.location(span.end)
    text = " ".join(unit.text[sentence.start:sentence.end].split())
    excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"
    return {"line": loc.line, "column": loc.column, "end_line": end.line,
            "end_column": end.column, "section": unit.section, "start": span.start,
            "end": span.end, "words": word_count(sentence.tokens), "text": text,
            "excerpt": excerpt}


def hotspot(ctx: Any, scored: ScoredSentence) -> dict:
    """A hard sentence: where it is, its difficulty, and the parts that raise it most."""
    out = sentence_location(ctx, scored.sentence)
    detail = scored.difficulty
    out["difficulty"] = detail.value
    out["parts"] = {p.feature: round(p.points, 1) for p in detail.parts}
    out["why"] = reasons(detail)
    return out


def reasons(d: Difficulty, most: int = 2) -> list[str]:
    """What raises a difficulty most, in words: 'unfamiliar words', 'unexplained terms'."""
    return [LABELS[p.feature] for p in d.parts if p.points >= MIN_REASON_POINTS][:most]


HOTSPOTS = 3  # hardest sentences listed per section in the JSON report


def section_hotspots(ctx: Any, section: int) -> list[dict]:
    """`hotspots` of the JSON section summary: its hardest sentences, hardest first, each with
    where it is, its difficulty and what raises it most (`explain-difficulty` has every
    part: a page of thousands of sections would carry six numbers more per sentence)."""
    if ctx.language != "en":
        return []
    out = []
    for s in hardest_sentences(ctx, (section,), HOTSPOTS):
        where = sentence_location(ctx, s.sentence)
        out.append({k: where[k] for k in ("line", "column", "end_line", "end_column", "words")}
                   | {"difficulty": s.value, "why": reasons(s.difficulty),
                      "excerpt": where["excerpt"]})
    return out


def _by_unit(pairs) -> dict[int, list[int]]:
    """Sorted starts per unit, so that counting those inside a sentence is two bisections
    (a long paragraph has many sentences and many mentions)."""
    out: dict[int, list[int]] = {}
    for unit, start in pairs:
        out.setdefault(unit, []).append(start)
    for starts in out.values():
        starts.sort()
    return out


def _within(starts: list[int], s: Any) -> int:
    return bisect_left(starts, s.end) - bisect_left(starts, s.start)


def _hard_words(ctx: Any) -> dict[int, list[int]]:
    """Starts of formal words (complex-word's lexicon) per unit, every use counted."""
    lexicon = complex_lexicon(ctx.nlp, 3)  # the same cached lexicon complex-word reads
    return _by_unit((ui, ctx.analysis[ui].tokens[m.first].start)
                    for ui in range(len(ctx.doc.units))
                    for m in lexicon.matches(ctx.analysis[ui].tokens))
