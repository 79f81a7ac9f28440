"""Everything a rule may read about one document, computed once and only when asked for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pladlint.vocab.audiences import Audience
from pladlint.checks.settings import Settings
from pladlint.document.model import Document
from pladlint.language.analysis import Sentence, UnitAnalysis, analyze
from pladlint.language.pipeline import get_pipeline
from pladlint.language.pooling import Pool, pool_sections
from pladlint.language.readability import (
    FORMULA_LABELS,
    SUPPORTED_LANGUAGES,
    Scores,
    formula_line,
    score_text,
)
from pladlint.timing import stage


SHORT_FLOOR = 40  # fewest words of a short section scored alone, on a page of several


@dataclass
class SectionScore:
    section: int
    scores: Scores  # what is reported for the section: its own, or its pool's (see `pool`)
    target: float | None  # English: the highest grade; Spanish: the lowest reading ease
    pooled_with: tuple[int, ...] = ()  # other sections scored together with this one
    own: Scores | None = None  # the section's own counts (differs from `scores` when pooled)
    pool: Pool | None = None
    note: str | None = None  # for the section summary: pooled, too short, not supported
    short: bool = False  # under min_words with nothing to pool with: scored alone all the same

    @property
    def value(self) -> float | None:
        """The number compared with the target: the grade (en) or the reading ease (es)."""
        if self.pool is None and self.note is not None and not self.short:
            return None
        return self.scores.grade if self.scores.grade is not None else self.scores.ease

    # What the section summary shows: the section's own counts, the (pooled) grade and
    # formulas, nothing for a section too short to score.
    @property
    def words(self) -> int:
        return (self.own or self.scores).words

    @property
    def sentences(self) -> int:
        return (self.own or self.scores).sentences

    @property
    def grade(self) -> float | None:
        return self.scores.grade if self.value is not None else None

    @property
    def formulas(self) -> dict[str, float]:
        return self.scores.scores if self.value is not None else {}


@dataclass
class DocumentContext:
    doc: Document
    audience: Audience
    language: str  # ISO 639-1, e.g. "en"
    spacy_model: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    settings: Settings = field(default_factory=Settings)  # shared settings, resolved once

    @cached_property
    def nlp(self) -> Any:
        with stage("startup"):
            return get_pipeline(self.language if self.language in SUPPORTED_LANGUAGES else "xx",
                                self.spacy_model)

    @cached_property
    def analysis(self) -> list[UnitAnalysis]:
        nlp = self.nlp
        with stage("nlp"):
            return analyze(self.doc, nlp)

    @property
    def readability_supported(self) -> bool:
        return self.language in SUPPORTED_LANGUAGES

    def section_sentences(self, index: int) -> list[Sentence]:
        out: list[Sentence] = []
        for ui in self.doc.sections[index].units:
            out.extend(self.analysis[ui].sentences)
        return out

    @cached_property
    def _formula_lines(self) -> dict[int, str | None]:
        """Each sentence's line of formula text (`formula_line`), by id: sections, pools and
        the whole page score the same sentences, so each line is written once."""
        return {id(s): formula_line(s) for ua in self.analysis for s in ua.sentences}

    def score_sentences(self, sentences: list[Sentence]) -> Scores:
        with stage("readability"):
            known = self._formula_lines
            lines = [known[id(s)] if id(s) in known else formula_line(s) for s in sentences]
            text = "\n".join(line for line in lines if line is not None)  # = formula_text()
            return score_text(text, self.language,
                              self.audience.formula, self.audience.spanish.formula)

    @property
    def min_words(self) -> int:
        """Words a section needs to be scored alone (`reading-grade`'s min-words overrides)."""
        value = self.reading_options.get("min-words")
        return int(value) if value is not None else self.audience.min_words

    @cached_property
    def section_scores(self) -> list[SectionScore]:
        """Per-section scores; short sections get the score of their pool (language/pooling)."""
        target = self.target
        sections = self.doc.sections
        if not self.readability_supported:
            note = f"not scored: readability formulas support English and Spanish, not '{self.language}'"
            return [SectionScore(s.index, Scores(0, 0, 0), None, note=note) for s in sections]
        own = [self.score_sentences(self.section_sentences(s.index)) for s in sections]
        min_words = self.min_words
        pools = pool_sections([o.words for o in own], [s.level for s in sections], min_words)
        pooled_scores: dict[tuple[int, ...], Scores] = {}
        # A short section scored alone needs SHORT_FLOOR words (a list of three links is no
        # text to grade), unless it is all the page has: a short page always gets a grade.
        floor = 1 if sum(1 for o in own if o.words) <= 1 else SHORT_FLOOR
        out = []
        for section, scores in zip(sections, own):
            pool = pools.get(section.index)
            if pool is None:
                # Too short for a reliable formula and nothing to pool with: scored alone all
                # the same, so that a short page written at grade 16 is never passed silently.
                short = floor <= scores.words < min_words and self._has_body(section.index)
                note = None
                if short:
                    note = (f"short: {scores.words} words, under the {min_words} a formula "
                            "needs, and no neighbouring section to pool with: scored alone, so "
                            "the grade is less certain")
                elif 0 < scores.words < min_words:
                    note = (f"not scored: {scores.words} words, too few to grade alone, and no "
                            "neighbouring section to pool with")
                out.append(SectionScore(section.index, scores, target, own=scores, note=note,
                                        short=short))
                continue
            if pool.scored not in pooled_scores:
                sentences = [x for i in pool.scored for x in self.section_sentences(i)]
                pooled_scores[pool.scored] = self.score_sentences(sentences)
            others = tuple(i for i in pool.scored if i != section.index)
            names = ", ".join(f"'{sections[i].heading}'" for i in others)
            note = (f"under {min_words} words: scored together with {names} "
                    f"({pooled_scores[pool.scored].words} words)")
            out.append(SectionScore(section.index, pooled_scores[pool.scored], target, others,
                                    scores, pool, note))
        return out

    def _has_body(self, index: int) -> bool:
        """The section has prose of its own beyond its heading (a title alone is a label)."""
        units = self.doc.units
        return any(units[s.unit].kind != "heading" and self._formula_lines[id(s)] is not None
                   for s in self.section_sentences(index))

    @property
    def measure_name(self) -> str:
        """What `SectionScore.value` is, for messages: 'grade' or a Spanish ease formula."""
        if self.language == "es":
            return FORMULA_LABELS.get(self.audience.spanish.formula, self.audience.spanish.formula)
        return "grade"

    @cached_property
    def document_score(self) -> Scores:
        sentences = [s for ua in self.analysis for s in ua.sentences]
        return self.score_sentences(sentences)

    @property
    def reading_options(self) -> dict[str, Any]:
        return self.settings.reading

    @property
    def target(self) -> float | None:
        """The grade not to exceed (en) or the reading ease to reach (es), after overrides."""
        opts = self.reading_options
        if self.language == "en":
            return _first(opts.get("target"), self.audience.target_grade)
        if self.language == "es":
            return _first(opts.get("min-ease"), self.audience.spanish.min_ease)
        return None

    @property
    def error_threshold(self) -> float | None:
        opts = self.reading_options
        if self.language == "en":
            return _first(opts.get("error-grade"), self.audience.error_grade)
        if self.language == "es":
            return _first(opts.get("error-ease"), self.audience.spanish.error_ease)
        return None


def _first(override: Any, default: float) -> float:
    return float(override) if override is not None else default
