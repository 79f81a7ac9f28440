"""Everything a rule may read about one document, computed once and only when asked for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pladlint.audiences import Audience
from pladlint.document.model import Document
from pladlint.language.analysis import Sentence, UnitAnalysis, analyze
from pladlint.language.pipeline import get_pipeline
from pladlint.language.readability import SUPPORTED_LANGUAGES, Scores, formula_text, score_text


@dataclass
class SectionScore:
    section: int
    scores: Scores
    target: float | None
    pooled_with: tuple[int, ...] = ()  # sections scored together with this one (short sections)


@dataclass
class DocumentContext:
    doc: Document
    audience: Audience
    language: str  # ISO 639-1, e.g. "en"
    spacy_model: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    settings: dict[str, Any] = field(default_factory=dict)  # resolved project settings

    @cached_property
    def nlp(self) -> Any:
        return get_pipeline(self.language if self.language in SUPPORTED_LANGUAGES else "xx",
                            self.spacy_model)

    @cached_property
    def analysis(self) -> list[UnitAnalysis]:
        return analyze(self.doc, self.nlp)

    @property
    def readability_supported(self) -> bool:
        return self.language in SUPPORTED_LANGUAGES

    def section_sentences(self, index: int) -> list[Sentence]:
        out: list[Sentence] = []
        for ui in self.doc.sections[index].units:
            out.extend(self.analysis[ui].sentences)
        return out

    def score_sentences(self, sentences: list[Sentence]) -> Scores:
        return score_text(formula_text(sentences, {}), self.language)

    @cached_property
    def section_scores(self) -> list[SectionScore]:
        target = self.target
        out = []
        for section in self.doc.sections:
            scores = self.score_sentences(self.section_sentences(section.index))
            out.append(SectionScore(section.index, scores, target))
        return out

    @cached_property
    def document_score(self) -> Scores:
        sentences = [s for ua in self.analysis for s in ua.sentences]
        return self.score_sentences(sentences)

    @property
    def target(self) -> float | None:
        if self.language == "en":
            return self.audience.target_grade
        if self.language == "es":
            return self.audience.spanish.min_ease
        return None
