"""The person-first pack (rules/person-first.yml) read into the tables PL107 matches with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pladlint.vocab.packs import PackError, load_pack, require

PACK = "person-first.yml"
_USES = {"noun", "adjective", "predicative", "collective"}
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]")


@dataclass(frozen=True)
class Label:
    words: tuple[str, ...]
    plural: str | None  # the plural noun as written ("diabetics"); None for phrases
    condition: str  # "diabetes", "a substance use disorder"
    people: str  # the condition after "people with"
    uses: frozenset[str]
    modifiers: dict[str, str]
    needs_modifier: bool
    safe: bool
    source: str


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    form: str  # verb | participle
    plain: str
    attributive: str | None
    why: str
    unless: frozenset[str]  # words near it that show it is not about a person
    safe: bool
    source: str


@dataclass(frozen=True)
class PersonFirstPack:
    labels: dict[str, tuple[Label, ...]]  # by first word, singular and plural
    phrases: tuple[Phrase, ...]
    person_nouns: frozenset[str]
    victim_nouns: frozenset[str]
    victim_always: frozenset[str]
    conditions: frozenset[str]
    events: frozenset[str]
    victims_source: str
    # Which phrases can start at a token, by (form, first word): a verb's first word is a
    # lemma, a participle's a written word. Indexes into `phrases`, in pack order.
    phrase_starts: dict[tuple[str, str], tuple[int, ...]]
    # The only words (lower-cased, "’" as "'") and lemmas a finding can start at: a label's
    # first word or plural, a victim noun, a participle's or a verb's first word.
    start_words: frozenset[str] = frozenset()
    start_lemmas: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_person_first() -> PersonFirstPack:
    data = load_pack(PACK)
    sources = {str(k): str(v) for k, v in require(data, "sources", dict, PACK).items()}
    labels: dict[str, tuple[Label, ...]] = {}
    for n, raw in enumerate(require(data, "labels", list, PACK)):
        where = f"{PACK}: labels[{n}]"
        label = str(require(raw, "label", str, where)).lower()
        condition = str(require(raw, "condition", str, where))
        if not (uses := frozenset(require(raw, "uses", list, where))) <= _USES:
            raise PackError(f"{where}: uses must be among {sorted(_USES)}")
        words = tuple(label.split())
        entry = Label(words, label + ("es" if label.endswith("s") else "s") if len(words) == 1
                      else None, condition,
                      str(raw.get("plural") or re.sub(r"^an? ", "", condition)), uses,
                      {str(k): str(v) for k, v in (raw.get("modifiers") or {}).items()},
                      bool(raw.get("needs-modifier", False)), raw.get("safe") is True,
                      _source(raw, where, sources))
        for key in filter(None, (words[0], entry.plural)):
            labels[key] = labels.get(key, ()) + (entry,)
    phrases = []
    for n, raw in enumerate(require(data, "phrases", list, PACK)):
        where = f"{PACK}: phrases[{n}]"
        form = require(raw, "form", str, where)
        if form not in ("verb", "participle"):
            raise PackError(f"{where}: form must be 'verb' or 'participle'")
        phrases.append(Phrase(tuple(_WORDS.findall(require(raw, "phrase", str, where).lower())),
                              form, str(require(raw, "plain", str, where)),
                              raw.get("attributive"), str(raw.get("why") or
                                                          "casts the person as a victim"),
                              frozenset(raw.get("unless") or ()), raw.get("safe") is True,
                              _source(raw, where, sources)))
    victims = require(data, "victims", dict, PACK)
    low = lambda key: frozenset(str(w).lower() for w in require(victims, key, list, PACK))  # noqa: E731
    starts: dict[tuple[str, str], tuple[int, ...]] = {}
    for k, phrase in enumerate(phrases):
        if phrase.words:
            key = (phrase.form, phrase.words[0])
            starts[key] = starts.get(key, ()) + (k,)
    return PersonFirstPack(labels, tuple(phrases),
                           frozenset(str(w).lower() for w in require(data, "person-nouns", list,
                                                                      PACK)),
                           low("nouns"), low("always-report"), low("conditions"), low("events"),
                           _source(victims, f"{PACK}: victims", sources), starts,
                           frozenset(labels) | low("nouns") |
                           {w for form, w in starts if form == "participle"},
                           frozenset(w for form, w in starts if form == "verb"))


def _source(raw: dict, where: str, sources: dict[str, str]) -> str:
    source = str(require(raw, "source", str, where))
    if source not in sources:
        raise PackError(f"{where}: unknown source '{source}'")
    return source
