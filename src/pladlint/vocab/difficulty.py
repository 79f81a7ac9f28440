"""The difficulty model: a few weights, fitted offline, that turn counts into one number.

`rules/difficulty.yml` holds the model (written by `scripts/fit_difficulty.py`, with how it
was fitted): for each feature its weight, and the mean and spread of the sentences it was
fitted on. A text's difficulty is the intercept plus each feature's part, where a part is
weight x (value - mean) / spread: how far this text is from a typical rated sentence on that
feature, in rating points. The parts are what `pladlint explain-difficulty` shows, so a
writer sees why a sentence scores high. The rating scale (people's 1-6) is mapped to 0-100.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from pladlint.vocab.packs import PackError, load_pack, require

_PACK = "difficulty.yml"


@dataclass(frozen=True)
class Counts:
    """What the model reads of a sentence, or summed over the sentences of a section."""

    words: int = 0
    sentences: int = 0
    unfamiliarity: float = 0.0  # sum over words of how far under `familiar_zipf` they are
    numbers: int = 0  # words with a digit ("95%", "2.5", "1990s")
    jargon: int = 0  # unexplained jargon uses (listed terms and rare words)
    acronyms: int = 0  # uses of acronyms not yet spelled out
    hard_words: int = 0  # formal words with a plain alternative (complex-word's list)

    def __add__(self, other: "Counts") -> "Counts":
        # spelled out: sections sum thousands of these, and a loop over fields() is slow
        return Counts(self.words + other.words, self.sentences + other.sentences,
                      self.unfamiliarity + other.unfamiliarity, self.numbers + other.numbers,
                      self.jargon + other.jargon, self.acronyms + other.acronyms,
                      self.hard_words + other.hard_words)


def features(c: Counts) -> dict[str, float]:
    """The model's inputs: shares per word and counts per sentence, so that a section (summed
    counts) reads like the average of its sentences."""
    words, sentences = max(c.words, 1), max(c.sentences, 1)
    return {
        "words_per_sentence": c.words / sentences,
        "unfamiliarity_per_word": c.unfamiliarity / words,
        "numbers_per_sentence": c.numbers / sentences,
        "jargon_per_sentence": c.jargon / sentences,
        "acronyms_per_sentence": c.acronyms / sentences,
        "hard_words_per_sentence": c.hard_words / sentences,
    }


# What each feature is called where a writer reads why a sentence is hard.
LABELS = {
    "words_per_sentence": "long sentence",
    "unfamiliarity_per_word": "unfamiliar words",
    "numbers_per_sentence": "many numbers",
    "jargon_per_sentence": "unexplained terms",
    "acronyms_per_sentence": "acronyms not spelled out",
    "hard_words_per_sentence": "formal words",
}

TRANSFORMS = {
    "none": lambda x: x,
    "log1p": math.log1p,
    "sqrt": lambda x: math.sqrt(max(x, 0.0)),
}


@dataclass(frozen=True)
class Part:
    feature: str
    value: float  # the feature's raw value for this text
    points: float  # what it adds to the difficulty (0-100 scale); negative: easier


@dataclass(frozen=True)
class Difficulty:
    value: float  # 0 (easiest) to 100 (hardest), one decimal
    parts: tuple[Part, ...]  # largest first

    def as_dict(self) -> dict:
        return {"difficulty": self.value,
                "parts": {p.feature: round(p.points, 1) for p in self.parts}}


@dataclass(frozen=True)
class Weight:
    feature: str
    transform: str
    weight: float
    mean: float
    spread: float


@dataclass(frozen=True)
class DifficultyModel:
    intercept: float
    weights: tuple[Weight, ...]
    familiar_zipf: float
    scale: float  # difficulty points per rating point
    low: float  # the rating that maps to 0

    def value(self, counts: Counts) -> float:
        """The difficulty alone (what `score` gives as `.value`), without its parts."""
        values = features(counts)
        total = self.intercept
        for w in self.weights:
            total += w.weight * (TRANSFORMS[w.transform](values[w.feature]) - w.mean) / w.spread
        return round(min(100.0, max(0.0, (total - self.low) * self.scale)), 1)

    def score(self, counts: Counts) -> Difficulty:
        values = features(counts)
        parts = []
        total = self.intercept
        for w in self.weights:
            value = values[w.feature]
            rating = w.weight * (TRANSFORMS[w.transform](value) - w.mean) / w.spread
            total += rating
            parts.append(Part(w.feature, round(value, 3), rating * self.scale))
        value = min(100.0, max(0.0, (total - self.low) * self.scale))
        parts.sort(key=lambda p: (-p.points, p.feature))
        return Difficulty(round(value, 1), tuple(parts))


@lru_cache(maxsize=1)
def difficulty_model() -> DifficultyModel:
    """The shipped model (rules/difficulty.yml)."""
    return parse_model(load_pack(_PACK), _PACK)


def parse_model(raw: dict, where: str) -> DifficultyModel:
    """A model from its pack data; a PackError names what is wrong."""
    weights = []
    for name, spec in require(raw, "weights", dict, where).items():
        if name not in features(Counts()):
            raise PackError(f"{where}: weights: unknown feature {name!r}")
        transform = spec.get("transform", "none")
        if transform not in TRANSFORMS:
            raise PackError(f"{where}: weights.{name}.transform: one of {sorted(TRANSFORMS)}")
        spread = float(spec["spread"])
        if spread <= 0:
            raise PackError(f"{where}: weights.{name}.spread must be positive")
        weights.append(Weight(name, transform, float(spec["weight"]), float(spec["mean"]), spread))
    scale = require(raw, "scale", dict, where)
    return DifficultyModel(float(require(raw, "intercept", (int, float), where)), tuple(weights),
                           float(require(raw, "familiar_zipf", (int, float), where)),
                           float(scale["points_per_rating"]), float(scale["lowest_rating"]))
