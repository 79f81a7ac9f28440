"""Plain-word packs for `wordy-phrase` and `complex-word`, matched on lemmas.

`rules/plain-language.yml` lists wordy phrases and formal words with plainer alternatives;
`rules/jargon/cdc-general-words.yml` (CDC Plain Language Thesaurus) adds general complex
words, of which `complex-word` uses the single words of three or more syllables that are
rare in everyday English (CDC_MAX_ZIPF), whose first alternative is shorter, that are not
everyday words (rules/jargon/everyday-words.yml: the thesaurus also lists medical words
every patient knows, such as "antibiotic", which belong to the jargon rules anyway), minus
the pack's `not-complex` list (words whose CDC alternative is wrong or fine-sounding words).
Formal words more common than that are listed by hand in `plain-language.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any


from pladlint.language.readability import word_syllables
from pladlint.vocab.lexicon import Lexicon, Match, Term, everyday_words
from pladlint.vocab.packs import PackError, load_pack, require
from pladlint.vocab.frequency import zipf
from pladlint.language.spelling import us_spelling

PLAIN_PACK = "plain-language.yml"
CDC_PACK = "jargon/cdc-general-words.yml"
# CDC thesaurus words this common in everyday English (wordfreq Zipf scale: 4 = once in
# 100,000 words) are ones patient pages rightly use ("medicine", "available", "infection").
# The thesaurus also lists many everyday words between Zipf 3.6 and 4.2 that readers know
# ("systematic", "occurrence", "regulate", "unnecessary"): at that frequency a word is
# reported only when plain-language.yml lists it as formal ("facilitate", "insufficient").
CDC_MAX_ZIPF = 3.6


@dataclass(frozen=True)
class PlainEntry:
    phrase: str
    plain: tuple[str, ...]
    kind: str  # wordy | complex
    safe: bool
    source: str
    determiner: bool = False  # `determiner: optional`: any article, or none and a plural


@lru_cache(maxsize=1)
def load_entries() -> tuple[list[PlainEntry], set[str]]:
    """The pack's entries, read once: the wordy and complex lexicons, the determiner
    phrases and the safe fixes all start from them (callers must not change them)."""
    data = load_pack(PLAIN_PACK)
    out = []
    for n, raw in enumerate(require(data, "entries", list, PLAIN_PACK)):
        where = f"{PLAIN_PACK}: entries[{n}]"
        if not isinstance(raw, dict):
            raise PackError(f"{where} must be a mapping")
        plain = require(raw, "plain", list, where)
        kind = require(raw, "kind", str, where)
        if kind not in ("wordy", "complex"):
            raise PackError(f"{where}: kind must be 'wordy' or 'complex', not '{kind}'")
        phrase = str(require(raw, "phrase", str, where)).strip().lower()
        determiner = raw.get("determiner")
        if determiner not in (None, "optional"):
            raise PackError(f"{where}: determiner must be 'optional', not '{determiner}'")
        if determiner and (kind != "wordy" or _article_at(phrase) is None):
            raise PackError(f"{where}: 'determiner: optional' needs a wordy phrase with "
                            "'a', 'an' or 'the' before a noun")
        out.append(PlainEntry(phrase, tuple(str(p) for p in plain), kind,
                              bool(raw.get("safe", False)), str(raw.get("source", "")),
                              bool(determiner)))
    not_complex = {str(w).lower() for w in data.get("not-complex", []) or []}
    return out, not_complex


def _key(phrase: str, nlp: Any) -> tuple[str, ...]:
    words = phrase.split()
    if len(words) == 1:
        # A single word is listed in its base form; an inflected form ("individuals") is
        # listed on purpose, to leave the other forms alone, so it matches only as written.
        return (phrase,)
    sdoc = nlp(phrase)
    has_lemma = nlp.has_pipe("lemmatizer")
    return tuple((t.lemma_ if has_lemma and t.lemma_ else t.text).lower() for t in sdoc
                 if not t.is_space)


def _lemma_of(word: str, nlp: Any) -> str:
    sdoc = nlp(word)
    if nlp.has_pipe("lemmatizer") and len(sdoc) == 1 and sdoc[0].lemma_:
        return sdoc[0].lemma_.lower()
    return word


# What may stand in a `determiner: optional` phrase's article slot ("make the decision",
# "make your decision"). Not "her" ("give her assistance": a pronoun object), nor
# "this"/"that"/"no"/"some", whose meaning a one-verb swap would lose.
DETERMINERS = ("a", "an", "the", "any", "your", "their", "our", "his", "its", "my")
_ARTICLES = ("a", "an", "the")


def _article_at(phrase: str) -> int | None:
    """The index of the article of a 'verb + article + noun' phrase, or None."""
    words = phrase.split()
    for i, w in enumerate(words[1:-1], start=1):
        if w in _ARTICLES:
            return i
    return None


@lru_cache(maxsize=4)
def wordy_lexicon(nlp: Any) -> Lexicon:
    entries, _ = load_entries()
    table: dict[tuple[str, ...], Term] = {}
    variants: list[tuple[tuple[str, ...], Term]] = []
    for e in entries:
        if e.kind != "wordy":
            continue
        key = _key(e.phrase, nlp)
        term = Term(e.phrase, e.plain, e.source, False)
        table.setdefault(key, term)
        if e.determiner:
            variants += [(k, term) for k in _determiner_keys(e.phrase, key)]
    for key, term in variants:  # a listed phrase wins over another's variant
        table.setdefault(key, term)
    return Lexicon(table)


def _determiner_keys(phrase: str, key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The keys of `phrase` with any determiner in its article slot, or with none and the
    noun in the plural ("make decisions": the noun's lemma also matches its plural, but
    lemma tables miss some plurals, so the plural is listed as written too)."""
    d = _article_at(phrase)
    if d is None or len(key) != len(phrase.split()):
        return []
    noun = key[d + 1]
    out = [key[:d] + (det,) + key[d + 1:] for det in DETERMINERS]
    out.append(key[:d] + key[d + 1:])
    for plural in _plurals(noun):
        out.append(key[:d] + (plural,) + key[d + 2:])
        out += [key[:d] + (det, plural) + key[d + 2:] for det in DETERMINERS
                if det not in ("a", "an")]
    return out


def _plurals(noun: str) -> list[str]:
    from pladlint.language.inflection import noun_plurals

    return [p for p in noun_plurals(noun) if p != noun]


def as_listed(phrase: str, written: list[Any]) -> list[Any]:
    """The words of a wordy-phrase match with a `determiner: optional` phrase's article and
    noun as the pack lists them, the other words as written: ("made", "decisions") ->
    [made, "a", "decision"]. The swap then only has the verb's form to take. Other phrases:
    `written` itself."""
    if phrase not in _determiner_phrases():
        return written
    words = phrase.split()
    d = _article_at(phrase)
    if d is None:
        return written
    listed = [(words[d], words[d]), (words[d + 1], words[d + 1])]
    if len(written) == len(words):
        return list(written[:d]) + listed + list(written[d + 2:])
    if len(written) == len(words) - 1:
        return list(written[:d]) + listed + list(written[d + 1:])
    return written


@lru_cache(maxsize=1)
def _determiner_phrases() -> frozenset[str]:
    entries, _ = load_entries()
    return frozenset(e.phrase for e in entries if e.determiner)


@lru_cache(maxsize=4)
def complex_lexicon(nlp: Any, min_syllables: int = 3) -> Lexicon:
    """Curated formal words (any length) plus CDC words of `min_syllables` or more."""
    entries, not_complex = load_entries()
    table: dict[tuple[str, ...], Term] = {}
    for e in entries:
        if e.kind == "complex" and e.phrase not in not_complex:
            key = _key(e.phrase, nlp)
            if _lemma_of(e.phrase, nlp) != e.phrase:
                table[key] = Term(e.phrase, e.plain, e.source, False)
            else:
                table.setdefault(key, Term(e.phrase, e.plain, e.source, False))
    try:
        cdc = load_pack(CDC_PACK)
    except PackError:
        return Lexicon(table)
    everyday = set(everyday_words())
    candidates = []
    for term, plain in (cdc.get("terms") or {}).items():
        word = str(term).strip()
        low = word.lower()
        if (" " in word or "-" in word or word != low or low in not_complex or not plain
                or not isinstance(plain, list) or low in everyday):
            continue
        syllables = word_syllables(low, "en")
        first = str(plain[0])
        if (syllables < min_syllables or len(first.split()) > 3
                or sum(word_syllables(w, "en") for w in first.split()) >= syllables):
            continue
        candidates.append((low, plain))
    frequent = _frequent([low for low, _ in candidates])
    for low, plain in candidates:
        if low not in frequent:
            table.setdefault((low,), Term(low, tuple(str(p) for p in plain), "cdc-thesaurus",
                                          False))
    return Lexicon(table)


def _frequent(words: list[str]) -> set[str]:
    """Those of `words` at CDC_MAX_ZIPF or above, stored once (precompiled.py): a wordfreq
    look-up per word is most of a one-page run's cost of building this lexicon."""
    from importlib.metadata import version

    from pladlint.vocab import precompiled

    key = precompiled.digest(["frequent-v1", str(CDC_MAX_ZIPF), version("wordfreq"), *words])
    return set(precompiled.stored("frequent-words", key,
                                  lambda: [w for w in words if zipf(w) >= CDC_MAX_ZIPF]))


def us_tokens(tokens: list[Any], nlp: Any) -> list[Any]:
    """`tokens` with British spellings in their US form and lemma ("utilised" -> "utilized",
    lemma "utilize"), at the same offsets, so that a lexicon in US spelling finds them. The
    list itself when no word changes (the usual case), so that lexicons share its forms."""
    out = None
    for i, t in enumerate(tokens):
        us = us_spelling(t.text) if t.is_word else t.text
        if us == t.text:
            continue
        if out is None:
            out = list(tokens)
        out[i] = replace(t, text=us, lemma=_us_lemma(us.lower(), nlp))
    return tokens if out is None else out


@lru_cache(maxsize=4096)
def _us_lemma(word: str, nlp: Any) -> str:
    return _lemma_of(word, nlp)


def entry_safe(phrase: str) -> bool:
    return phrase in _safe_phrases()


@lru_cache(maxsize=1)
def _safe_phrases() -> frozenset[str]:
    # read once: wordy-phrase asks for every phrase it reports
    entries, _ = load_entries()
    return frozenset(e.phrase for e in entries if e.safe)


def wordy_matches(ctx: Any) -> list[list[Match]]:
    """Per unit, the wordy-phrase lexicon's matches: wordy-phrase reports them and
    complex-word leaves the words inside them alone, so they are found once per document."""
    found = ctx.__dict__.get("_wordy_matches")  # per-document memo, like cached_property
    if found is None:
        lexicon = wordy_lexicon(ctx.nlp)
        found = ctx.__dict__["_wordy_matches"] = [list(lexicon.matches(ua.tokens))
                                                  for ua in ctx.analysis]
    return found
