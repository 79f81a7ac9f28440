"""Term lexicons from `rules/jargon/*.yml`, matched on lemmas, longest match first."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator

from pladlint.language.analysis import Token
from pladlint.vocab.packs import PackError, load_pack, packs_dir, require
from pladlint.language.spelling import us_spelling


@dataclass(frozen=True)
class Term:
    term: str  # as written in the pack
    plain: tuple[str, ...]
    pack: str
    case_sensitive: bool  # acronyms such as "PSA" only match in capitals
    kind: str = "medical"  # the pack's kind: medical, drug (names), general
    # The plain alternatives came with the term's own pack (the CDC thesaurus, the research
    # pack): that listing is itself a judgement that the term needs one. False: they were
    # added from a `kind: plain` pack, for the suggestion only.
    judged: bool = True
    # Words that are jargon only in one sense ("the mean age", not "what it means"): regular
    # expressions on the text before the term and after it; either may confirm it.
    before: str | None = None
    after: str | None = None

    @property
    def is_acronym(self) -> bool:
        """'PSA', 'HER2': acronym-unexpanded reports these, not jargon-unexplained."""
        return self.case_sensitive and " " not in self.term and not any(
            c.islower() for c in self.term)


@dataclass(frozen=True)
class Match:
    term: Term
    first: int  # token indexes [first, last)
    last: int


class Lexicon:
    """Terms keyed by their lemma sequence; lookup walks tokens once, longest match first."""

    def __init__(self, entries: dict[tuple[str, ...], Term]) -> None:
        self.entries = entries
        # Optional: per key word, the only form it may have (see `strict_forms`).
        self.forms: dict[tuple[str, ...], tuple[str | None, ...]] = {}
        # The keys as a trie of nested dicts, word by word; `_END` marks a whole key. One walk
        # from a token finds every key that starts there, whatever its length.
        self.trie: dict = {}
        for key in entries:
            node = self.trie
            for word in key:
                node = node.setdefault(word, {})
            node[_END] = key

    def strict_forms(self) -> "Lexicon":
        """A term listed in an inflected form ("imaging", lemma "image") then matches only
        that form, not every word that shares its lemma ("image")."""
        for key, term in self.entries.items():
            surface = tuple(_ROUGH_TOKEN.findall(term.term.lower()))
            if len(surface) == len(key) and surface != key:
                self.forms[key] = tuple(w if w != k else None for w, k in zip(surface, key))
        return self

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, tokens: list[Token], barriers: Iterable[int] = ()) -> Iterator[Match]:
        """Longest matches, left to right. A multi-word match never spans a barrier (a prose
        offset such as a link boundary): "fatty [liver](...) disease" is not one term.

        Of the keys that match at a token, the longest wins; among equally long ones, the one
        whose first word is the token's earlier form (see `_token_forms`), then the first in
        sort order."""
        cuts = sorted(barriers)
        n = len(tokens)
        forms = _forms_of(tokens)
        root = self.trie
        resume = 0
        for i, firsts in enumerate(forms):
            if i < resume:
                continue
            for f in firsts:  # the common case, no key starts here: a plain loop is cheapest
                if f in root:
                    break
            else:
                continue
            level = [root[f] for f in firsts if f in root]
            keys = [node[_END] for node in level if _END in node]
            j = i + 1
            # A multi-word key must not jump across anything but a single space or hyphen.
            while j < n and tokens[j].start - tokens[j - 1].end <= 1:
                level = [child for node in level for f in forms[j]
                         if (child := node.get(f)) is not None]
                if not level:
                    break
                keys.extend(node[_END] for node in level if _END in node)
                j += 1
            found = self._best(keys, firsts, tokens, i, cuts) if keys else None
            if found is not None:
                yield found
                resume = found.last

    def _best(self, keys: list[tuple[str, ...]], firsts: tuple[str, ...], tokens: list[Token],
              i: int, cuts: list[int]) -> Match | None:
        """The longest key that matches at token i (see `matches`)."""
        if len(keys) > 1:
            keys.sort(key=lambda key: (-len(key), firsts.index(key[0]), key))
        for key in keys:
            k = len(key)
            term = self.entries[key]
            if not _forms_agree(self.forms.get(key), tokens, i) or (
                    k > 1 and _crosses(cuts, tokens[i].end, tokens[i + k - 1].start)):
                continue
            if term.case_sensitive and not _same_case(term, tokens[i : i + k]):
                continue
            return Match(term, i, i + k)
        return None


_END = None  # the trie's end-of-key marker: never a word

# Several rules match a unit's tokens against their lexicons (jargon, complex words, wordy
# phrases): the forms of a token list are computed once and shared. Keyed by the list's id,
# holding the list itself so the id cannot be reused while the entry lives.
_FORMS_OF: dict[int, tuple[list[Token], list[tuple[str, ...]]]] = {}
_FORMS_OF_MAX = 4096


def _forms_of(tokens: list[Token]) -> list[tuple[str, ...]]:
    hit = _FORMS_OF.get(id(tokens))
    if hit is not None and hit[0] is tokens and len(hit[1]) == len(tokens):
        return hit[1]
    memo = _TOKEN_FORMS
    forms = []
    for t in tokens:
        found = memo.get((t.text, t.lemma))
        if found is None:
            if len(memo) >= _TOKEN_FORMS_MAX:
                memo.clear()
            found = memo[(t.text, t.lemma)] = _token_forms(t)
        forms.append(found)
    if len(_FORMS_OF) >= _forms_limit:
        _prune_forms()
    _FORMS_OF[id(tokens)] = (tokens, forms)
    return forms


_forms_limit = _FORMS_OF_MAX


def _prune_forms() -> None:
    """Forget the token lists that only this memo still holds (pages already done). A page
    of more units than the cap keeps its own: clearing them all made every lexicon's walk
    over such a page compute every unit's forms again. The next pruning waits until the
    memo has doubled, so a big page costs no scan per unit."""
    global _forms_limit
    # 2: the entry's tuple and getrefcount's own argument; a live page's analysis holds more
    live = {k: v for k, v in _FORMS_OF.items() if sys.getrefcount(v[0]) > 2}
    _FORMS_OF.clear()
    _FORMS_OF.update(live)
    _forms_limit = max(_FORMS_OF_MAX, 2 * len(live))


# The forms of a word depend only on its text and lemma, and pages repeat their words.
_TOKEN_FORMS: dict[tuple[str, str], tuple[str, ...]] = {}
_TOKEN_FORMS_MAX = 200_000


def _token_forms(token: Token) -> tuple[str, ...]:
    """Lemma and lower-case text, plus a plain English singular when the lemma table has no
    entry for the word ("antigens" -> "antigen"); curly apostrophes as the packs write them."""
    low = token.text.lower().replace("\u2019", "'")
    lemma = token.lemma.replace("\u2019", "'")
    forms = _plain_forms(low, lemma)
    us = us_spelling(low)  # the packs are in US spelling: "randomised", "tumours"
    if us != low:
        forms += tuple(f for f in (us, us_spelling(lemma), *_plain_forms(us, us)[1:])
                       if f not in forms)
    return forms


def _plain_forms(low: str, lemma: str) -> tuple[str, ...]:
    if lemma != low or len(low) < 5 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return (lemma, low) if lemma != low else (low,)
    if low.endswith("ies"):
        return (low, low[:-3] + "y")
    if low.endswith(("ches", "shes", "xes", "ses")):
        return (low, low[:-2], low[:-1])
    return (low, low[:-1])


def _forms_agree(forms: tuple[str | None, ...] | None, tokens: list[Token], i: int) -> bool:
    return forms is None or all(
        f is None or tokens[i + j].text.lower() == f or us_spelling(tokens[i + j].text.lower()) == f
        for j, f in enumerate(forms))


_ROUGH_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def _crosses(cuts: list[int], a: int, z: int) -> bool:
    """Is there a barrier b with a <= b <= z (between the first and the last token)?"""
    j = bisect_left(cuts, a)
    return j < len(cuts) and cuts[j] <= z


def _same_case(term: Term, tokens: list[Token]) -> bool:
    return " ".join(t.text for t in tokens).replace(" - ", "-") in (
        term.term, term.term.replace("-", " - "))


def _is_case_sensitive(term: str) -> bool:
    if term.islower():
        return False  # no capital at all: most terms, told apart without a loop per letter
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def build_entries(packs: Iterable[tuple[str, dict]], nlp: Any, exclude: set[str] = frozenset(),
                  overlay: dict[str, tuple[str, ...]] | None = None
                  ) -> dict[tuple[str, ...], Term]:
    """The packs' terms by lemma key (a Lexicon is built once, from the final entries)."""
    entries: dict[tuple[str, ...], Term] = {}
    names: list[str] = []
    terms: list[Term] = []
    for pack_name, data in packs:
        raw = require(data, "terms", dict, pack_name)
        for term, value in raw.items():
            # "EGFR* gene", "anticipatory** nausea": footnote marks of the source list
            term = str(term).replace("*", "").strip()
            if not term or term.lower() in exclude:
                continue
            before = after = None
            if isinstance(value, dict):
                plain = value.get("plain") or []
                before, after = value.get("before"), value.get("after")
                for pattern in (before, after):
                    if pattern is not None:
                        _check_pattern(pattern, f"{pack_name}: terms.{term}")
            else:
                plain = [] if value is None else value
            if not isinstance(plain, list):
                raise PackError(f"{pack_name}: terms.{term} must be a list of plain alternatives")
            names.append(term)
            terms.append(Term(term, tuple(str(p) for p in plain), pack_name, _is_case_sensitive(term),
                              str(data.get("kind", "medical")), True, before, after))
    from pladlint.vocab.precompiled import term_keys  # spaCy over every term once, then stored

    for term, key in zip(terms, term_keys(names, nlp)):
        if not key:
            continue
        previous = entries.get(key)
        if previous is None or (not previous.plain and term.plain):
            entries[key] = term
    if overlay:
        # keyed like the terms (lemmas), so "lymph nodes" gives "lymph node" its alternatives
        names = list(overlay)
        by_key = {k: overlay[n] for n, k in zip(names, term_keys(names, nlp)) if k}
        for key, term in entries.items():
            if not term.plain:
                found = overlay.get(term.term.lower()) or by_key.get(key)
                if found:
                    entries[key] = replace(term, plain=found, judged=False)
    return entries


def _check_pattern(pattern: Any, where: str) -> None:
    try:
        re.compile(str(pattern))
    except re.error as exc:
        raise PackError(f"{where}: bad regular expression: {exc}") from None


def plain_overlay() -> dict[str, tuple[str, ...]]:
    """Plain alternatives written for terms of the other packs (`kind: plain` packs), by
    lower-case term."""
    out: dict[str, tuple[str, ...]] = {}
    for path in sorted((packs_dir() / "jargon").glob("*.yml")):
        data = load_pack(f"jargon/{path.name}")
        if data.get("kind") != "plain":
            continue
        for term, plain in (require(data, "terms", dict, path.name)).items():
            if isinstance(plain, list) and plain:
                key = " ".join(str(term).lower().split())
                out.setdefault(key, tuple(str(p) for p in plain))
    return out


def plain_words(entries: dict[tuple[str, ...], Term]) -> set[str]:
    """The plain alternatives of the pack's terms, lower-case: a word that is itself the
    plain word for another term ('tailbone' for coccyx) is not jargon."""
    out = set()
    for term in entries.values():
        if term.judged and not term.is_acronym:
            out.update(p.lower() for p in term.plain)
    return out


# The packs a lexicon kind reads: medical jargon includes the drug-name pack (drug names are
# reported by jargon-rare-word, but must still be matched so they are not flagged word by word).
PACK_KINDS = {"medical": ("medical", "drug")}


def jargon_pack_files(kind: str = "medical") -> list[str]:
    out = []
    kinds = PACK_KINDS.get(kind, (kind,))
    for path in sorted((packs_dir() / "jargon").glob("*.yml")):
        data = load_pack(f"jargon/{path.name}")
        if data.get("kind") in kinds and "terms" in data:
            out.append(f"jargon/{path.name}")
    return out


def everyday_words() -> set[str]:
    try:
        data = load_pack("jargon/everyday-words.yml")
    except PackError:
        return set()
    return {str(w).lower() for w in data.get("words", []) or []}


@lru_cache(maxsize=4)
def default_lexicon(nlp: Any, kind: str = "medical") -> Lexicon:
    files = jargon_pack_files(kind)
    entries = build_entries(((f, load_pack(f)) for f in files), nlp, everyday_words(),
                            plain_overlay())
    # A term that is the plain word for another ('windpipe' for airways) is not jargon,
    # unless it is rarer than the term it replaces (a thesaurus slip).
    from pladlint.vocab.frequency import zipf

    plain = plain_words(entries)
    sources = {p.lower(): t.term for t in entries.values() if t.judged for p in t.plain}
    for key, term in list(entries.items()):
        low = term.term.lower()
        if low in plain and zipf(low) >= zipf(sources[low].lower()):
            del entries[key]
    return Lexicon(entries).strict_forms()
