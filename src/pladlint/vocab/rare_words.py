"""Unlisted rare words: in no jargon pack, rare in general English, and looking technical.

Settings and the reviewed exceptions are data in `rules/jargon/rare-words.yml`; frequencies
come from wordfreq (its English data ships in the package, so nothing is downloaded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Iterable, Iterator


from pladlint.language.analysis import Token
from pladlint.vocab import precompiled
from pladlint.vocab.frequency import common_words, zipf
from pladlint.vocab.lexicon import everyday_words
from pladlint.language.spelling import us_spelling
from pladlint.vocab.packs import PackError, load_pack

PACK = "jargon/rare-words.yml"
_TEXT = attrgetter("text")


@dataclass(frozen=True)
class RareWordSettings:
    min_letters: int
    prefixes: frozenset[str]
    endings: tuple[str, ...]
    known: frozenset[str]  # everyday words, general complex words, reviewed exceptions
    very_rare_zipf: float
    common_zipf: float
    shapes: tuple[re.Pattern, ...]
    common_prefixes: tuple[str, ...]
    common_suffixes: tuple[str, ...]
    combining_forms: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def settings() -> RareWordSettings:
    data = load_pack(PACK)
    known = set(everyday_words())
    known.update(str(w).lower() for w in data.get("not_rare", []) or [])
    # General complex words have their own rule (complex-word) with a plain alternative.
    for pack, key in (("jargon/cdc-general-words.yml", "terms"), ("plain-language.yml", "entries")):
        try:
            raw = load_pack(pack).get(key) or {}
        except PackError:
            continue
        words = raw if isinstance(raw, dict) else [e.get("phrase", "") for e in raw
                                                    if isinstance(e, dict)]
        known.update(str(w).lower() for w in words if " " not in str(w))
    endings = tuple(sorted((str(e) for e in data.get("endings", [])), key=len, reverse=True))
    try:
        shapes = tuple(re.compile(str(x)) for x in data.get("technical_shapes", []) or [])
    except re.error as exc:
        raise PackError(f"{PACK}: technical_shapes: {exc}") from None
    return RareWordSettings(
        int(data.get("min_letters", 4)),
        frozenset(str(p).lower() for p in data.get("prefixes", [])),
        endings, frozenset(known), float(data.get("very_rare_zipf", 2.5)),
        float(data.get("common_zipf", 3.5)), shapes,
        tuple(str(x) for x in data.get("common_prefixes", []) or []),
        tuple(str(x) for x in data.get("common_suffixes", []) or []),
        tuple(str(x) for x in data.get("combining_forms", []) or []))


def word_stems(word: str, endings: tuple[str, ...]) -> Iterator[str]:
    for e in endings:
        if word.endswith(e) and len(word) - len(e) >= 3:
            stem = word[: -len(e)]
            yield stem
            if e in ("ies", "ied"):
                yield stem + "y"
            if e in ("ed", "ing", "er", "ers", "est", "es"):
                yield stem + "e"
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    yield stem[:-1]  # "stopping" -> "stop"


class RareWordFinder:
    def __init__(self, max_zipf: float, names: frozenset[str] = frozenset()) -> None:
        self.max_zipf = max_zipf
        self.s = settings()
        self.names = names  # single-word pack terms (drug names): a slip from one is no jargon
        self._verdicts: dict[tuple[str, str], float | None] = {}

    def is_rare(self, word: str, lemma: str) -> float | None:
        """The word's Zipf frequency if it counts as a rare technical word, else None."""
        # Remembered per word: pages repeat their words, and the answer takes a dozen lookups.
        found = self._verdicts.get((word, lemma), _UNKNOWN)
        if found is _UNKNOWN:
            if len(self._verdicts) >= _VERDICTS_MAX:
                self._verdicts.clear()
            found = self._verdicts[(word, lemma)] = self._judge(word, lemma)
        return found

    def _judge(self, word: str, lemma: str) -> float | None:
        low = us_spelling(word.lower())  # "hospitalisation" is as common as "hospitalization"
        lemma = us_spelling(lemma)
        if low in self.s.known or lemma in self.s.known:
            return None
        z = zipf(low)
        z_lemma = zipf(lemma)
        if z >= self.max_zipf or z_lemma >= self.max_zipf:
            return None
        stems = [(stem, zipf(stem)) for stem in word_stems(low, self.s.endings)]
        for stem, z_stem in stems:
            if z_stem >= self.max_zipf or stem in self.s.known:
                return None
        # The tests below are pure and each may only clear the word, so they run cheapest
        # first: the misspelling test (some 300 edits of the word) last.
        shaped = any(shape.search(low) for shape in self.s.shapes)
        if not shaped:
            # An inflection of a fairly common word ("rinses", "omelets") is as plain as it.
            base = max([z, z_lemma] + [z_stem for _, z_stem in stems])
            if base >= self.s.very_rare_zipf or self._built_from_common(low):
                return None
        if misspelling_of(low, self.names) is not None:
            return None
        return z

    def _common(self, part: str, threshold: float | None = None) -> bool:
        floor = self.s.common_zipf if threshold is None else threshold
        return len(part) >= 2 and (zipf(part) >= floor or part in self.s.known or any(
            zipf(stem) >= floor for stem in word_stems(part, self.s.endings)))

    def _built_from_common(self, word: str) -> bool:
        """'untruths', 'playrooms', 'caregiving', 'brighten': everyday parts, so not technical."""
        for p in self.s.common_prefixes:
            # "noncancerous": a negating or ordering prefix on a fairly common word
            if word.startswith(p) and self._common(word[len(p):], self.s.very_rare_zipf):
                return True
        for x in self.s.common_suffixes:
            if word.endswith(x) and len(word) - len(x) >= 3 and self._common(word[: -len(x)]):
                return True
        return any(len(word[:k]) >= 3 and len(word[k:]) >= 3 and self._common(word[:k])
                   and self._common(word[k:]) for k in range(3, len(word) - 2))

    def find(self, tokens: list[Token], skip: set[int], sentence_starts: Iterable[int],
             lower_seen: set[str] | frozenset[str] = frozenset()) -> Iterator[tuple[int, float]]:
        """(token index, Zipf) of each rare technical word not in `skip`.

        `lower_seen`: words the page writes in lower case somewhere; a capitalised word at the
        start of a sentence counts only if it is one of them (else it is a name or a brand)."""
        if self.max_zipf <= 0:
            return
        starts = set(sentence_starts)
        n = len(tokens)
        spoken = pronunciation_tokens(tokens)
        min_letters = self.s.min_letters
        verdicts = self._verdicts
        for i, t in enumerate(tokens):
            text = t.text
            if len(text) < min_letters or not text.isalpha() or i in skip or i in spoken:
                continue
            if not text[0].islower():
                # capitals: an acronym (its own rule), or a name unless the sentence starts here
                if (t.start not in starts or not text[1:].islower()
                        or text.lower() not in lower_seen):
                    continue
            elif not text.islower():
                continue  # mixed case: a brand or gene name such as "mRNA"
            if (i >= 2 and len(text) == 4 and tokens[i - 1].text == "-"
                    and tokens[i - 1].end == t.start and tokens[i - 2].end == tokens[i - 1].start
                    and text.islower() and len(tokens[i - 2].text) >= 6):
                continue  # the four-letter suffix of a biologic's name: "hyaluronidase-nvhy"
            if i + 1 < n and tokens[i + 1].text == "-" and tokens[i + 1].start == t.end:
                if text.lower() in self.s.prefixes:
                    continue
            z = verdicts.get((text, t.lemma), _UNKNOWN)  # `is_rare`, its memo read inline
            if z is _UNKNOWN:
                z = self.is_rare(text, t.lemma)
            if z is not None:
                yield i, z


_UNKNOWN = object()
_VERDICTS_MAX = 100_000


@lru_cache(maxsize=1 << 14)
def transparent_compound(word: str) -> bool:
    """'chemoradiation', 'aromatherapy', 'tailbone': two words a reader knows, run together,
    the second a very common one. A Greek or Latin combining form ('cardio', 'osteo') or a
    prefix ('post') in front is no everyday word, so 'postdischarge' stays."""
    s = settings()
    low = word.lower()
    if low.startswith(s.combining_forms):
        return False
    for k in range(4, len(low) - 3):
        head, rest = low[:k], low[k:]
        if head in s.prefixes or head in s.common_prefixes:
            continue
        if zipf(rest) >= 4.0 and (zipf(head) >= 3.2 or head in s.known):
            return True
    return False


_NOUN_ENDINGS = (("ification", ("ify",)), ("ation", ("", "e", "ate")), ("ition", ("", "e")),
                 ("ion", ("", "e")), ("ment", ("",)), ("ance", ("", "e")), ("ence", ("", "e")))


@lru_cache(maxsize=1 << 14)
def everyday_noun(word: str) -> bool:
    """'insertion', 'supplementation': the noun of an everyday verb (insert, supplement) is a
    general word, at most a hard one, not medical jargon."""
    low = word.lower()
    for ending, bases in _NOUN_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            stem = low[: -len(ending)]
            return any(zipf(stem + b) >= 3.6 for b in bases)
    return False


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The 100,000 most frequent English words (wordfreq's list ships with the package)."""
    from pladlint.vocab.precompiled import import_wordfreq

    return frozenset(import_wordfreq().top_n_list("en", 100_000))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str) -> Iterator[str]:
    """Words one edit away: a letter dropped, swapped with the next, changed or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
        for c in _LETTERS:
            if b:
                yield a + c + b[1:]
            yield a + c + b


def misspelling_of(word: str, names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The common word (or listed name) `word` is one slip away from: 'clincal' -> 'clinical',
    'cabozanitnib' -> 'cabozantinib'. A misspelling is not jargon; a spell checker's job."""
    low = word.lower()
    if len(low) < 5:
        return None
    common = common_words(precompiled.cache_dir())
    if common is not None:  # the words below, stored once (frequency.py)
        for candidate in _edits(low):
            if candidate != low and candidate in common:
                return candidate
    else:
        known = _known_words()
        for candidate in _edits(low):
            if candidate != low and candidate in known and zipf(candidate) >= 3.5:
                return candidate
    if len(low) >= 7:
        # a listed name with two letters swapped ("cabozanitnib"); other one-letter changes
        # between listed names are other words ("cytotoxic", "cytotoxin")
        for i in range(len(low) - 1):
            swapped = low[:i] + low[i + 1] + low[i] + low[i + 2:]
            if swapped != low and swapped in names:
                return swapped
    return None


# Prefixes that build medical words on a shared root: dia-stolic, sy-stolic; hyper-, hypo-.
_FAMILY_PREFIXES = tuple(sorted(
    "a an ana anti apo cata dia dys ecto endo epi exo hemi hyper hypo infra inter intra meso "
    "meta neo para peri poly post pre pro pseudo retro sub super supra sy sym syn sys trans "
    "ultra".split(), key=len, reverse=True))


@lru_cache(maxsize=1 << 14)
def family_keys(word: str) -> frozenset[str]:
    """The roots a medical prefix may be built on ("stolic" for "diastolic" and, through
    "sy-", "systolic"); none when the word has no such prefix or the root is too short to
    tell words apart."""
    low = word.lower()
    return frozenset(low[len(p):] for p in _FAMILY_PREFIXES
                     if low.startswith(p) and len(low) - len(p) >= 5)


@lru_cache(maxsize=8)
def rare_word_finder(max_zipf: float, names: frozenset[str] = frozenset()) -> RareWordFinder:
    """One finder per threshold for the whole run, so its verdicts serve every page."""
    return RareWordFinder(max_zipf, names)


def pronunciation_tokens(tokens: list[Token]) -> set[int]:
    """Tokens of hyphen chains mixing capital and small syllables: "(HY-droh-KLOR-ide)"."""
    out: set[int] = set()
    if "-" not in map(_TEXT, tokens):
        return out  # no chain without a hyphen; most units have none
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while (j + 2 < n and tokens[j + 1].text == "-" and tokens[j].end == tokens[j + 1].start
               and tokens[j + 1].end == tokens[j + 2].start):
            j += 2
        if j > i:
            words = [tokens[k].text for k in range(i, j + 1, 2)]
            if any(w.isupper() and w.isalpha() for w in words) and any(
                    w.islower() for w in words):
                out.update(range(i, j + 1))
        i = j + 1
    return out
