"""Audience profiles (reading targets) loaded from `rules/audiences.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pladlint.language.readability import CONSENSUS, GRADE_FORMULAS, SPANISH_FORMULAS
from pladlint.vocab.packs import PackError, load_pack, require

_FILE = "audiences.yml"


@dataclass(frozen=True)
class SpanishTargets:
    formula: str
    min_ease: float
    error_ease: float


@dataclass(frozen=True)
class Audience:
    name: str
    description: str
    aliases: tuple[str, ...]
    target_grade: float
    error_grade: float
    max_sentence_words: int
    max_paragraph_sentences: int
    min_words: int
    formula: str
    jargon_zipf: float
    spanish: SpanishTargets
    # passive-voice: highest share of passive sentences in a section (None: no limit)
    max_passive_share: float | None = None
    # difficulty: highest difficulty (0-100, rules/difficulty.yml) of a section (None: no limit)
    max_difficulty: float | None = None


@dataclass(frozen=True)
class AudienceCatalogue:
    default: str
    audiences: dict[str, Audience]

    def resolve(self, name: str | None) -> Audience | None:
        """Profile for a name or alias (case and spacing ignored); None if unknown."""
        if name is None:
            return self.audiences[self.default]
        key = str(name).strip().lower().replace("_", "-")
        for audience in self.audiences.values():
            if key == audience.name or key in audience.aliases:
                return audience
        return None

    @property
    def names(self) -> list[str]:
        return sorted(self.audiences)


def _share(raw: dict, key: str, at: str, top: float = 1) -> float | None:
    """An optional number from 0 to `top` (absent or null: no limit)."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= top:
        raise PackError(f"{at}.{key} must be a number from 0 to {top:g}, or null")
    return float(value)


@lru_cache(maxsize=4)
def load_audiences(base: str | None = None) -> AudienceCatalogue:
    data = load_pack(_FILE, base)
    where = _FILE
    profiles = require(data, "audiences", dict, where)
    out: dict[str, Audience] = {}
    for name, raw in profiles.items():
        at = f"{where}: audiences.{name}"
        if not isinstance(raw, dict):
            raise PackError(f"{at} must be a mapping")
        es = require(raw, "spanish", dict, at)
        out[str(name)] = Audience(
            name=str(name),
            description=str(raw.get("description", "")),
            aliases=tuple(str(a).lower() for a in raw.get("aliases", [])),
            target_grade=float(require(raw, "target_grade", (int, float), at)),
            error_grade=float(require(raw, "error_grade", (int, float), at)),
            max_sentence_words=int(require(raw, "max_sentence_words", int, at)),
            max_paragraph_sentences=int(require(raw, "max_paragraph_sentences", int, at)),
            min_words=int(require(raw, "min_words", int, at)),
            formula=str(require(raw, "formula", str, at)),
            jargon_zipf=float(require(raw, "jargon_zipf", (int, float), at)),
            spanish=SpanishTargets(
                str(require(es, "formula", str, at + ".spanish")),
                float(require(es, "min_ease", (int, float), at + ".spanish")),
                float(require(es, "error_ease", (int, float), at + ".spanish")),
            ),
            max_passive_share=_share(raw, "max_passive_share", at),
            max_difficulty=_share(raw, "max_difficulty", at, top=100),
        )
    for audience in out.values():
        if audience.formula != CONSENSUS and audience.formula not in GRADE_FORMULAS:
            raise PackError(f"{where}: audiences.{audience.name}.formula must be '{CONSENSUS}' "
                            f"or one of {', '.join(GRADE_FORMULAS)}, not '{audience.formula}'")
        if audience.spanish.formula not in SPANISH_FORMULAS:
            raise PackError(f"{where}: audiences.{audience.name}.spanish.formula must be one of "
                            f"{', '.join(SPANISH_FORMULAS)}, not '{audience.spanish.formula}'")
    default = str(require(data, "default", str, where))
    if default not in out:
        raise PackError(f"{where}: default audience '{default}' is not defined")
    return AudienceCatalogue(default, out)
