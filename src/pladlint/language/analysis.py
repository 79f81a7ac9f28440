"""Sentences and tokens of every prose unit, from one spaCy pass per document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pladlint.document.model import Document


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str  # lower-cased
    start: int  # prose offsets within the unit
    end: int
    is_word: bool  # has a letter or digit (punctuation and symbols are not words)


@dataclass(frozen=True)
class Sentence:
    unit: int
    start: int  # prose offsets within the unit
    end: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)


@dataclass
class UnitAnalysis:
    tokens: list[Token]
    sentences: list[Sentence]


def analyze(doc: Document, nlp: Any) -> list[UnitAnalysis]:
    texts = [u.text for u in doc.units]
    out: list[UnitAnalysis] = []
    has_lemma = nlp.has_pipe("lemmatizer")
    for ui, sdoc in enumerate(nlp.pipe(texts, batch_size=64)):
        tokens = [
            Token(
                t.text,
                (t.lemma_ if has_lemma and t.lemma_ else t.text).lower(),
                t.idx,
                t.idx + len(t.text),
                any(c.isalnum() for c in t.text),
            )
            for t in sdoc
            if not t.is_space
        ]
        sentences = []
        ti = 0
        for sent in sdoc.sents:
            end_char = sent.end_char
            stoks = []
            while ti < len(tokens) and tokens[ti].start < end_char:
                stoks.append(tokens[ti])
                ti += 1
            if any(t.is_word for t in stoks):
                text_start = stoks[0].start
                sentences.append(Sentence(ui, text_start, stoks[-1].end, tuple(stoks)))
        out.append(UnitAnalysis(tokens, sentences))
    return out
