"""Sentences and tokens of every prose unit, from one spaCy pass per document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pladlint.document.model import Document

# spaCy's tokenizer peels prefixes and suffixes off a token one at a time, re-scanning the
# rest each time: a 4,000-character run without spaces such as "[[[[..." takes 20 s, and
# 20,000 take hours. Such runs are never words, so a space every 50 characters (a 1:1
# swap: offsets are unchanged) bounds the work. Found by tests/test_limits.py.
_LONG_RUN = re.compile(r"\S{100,}")
_RUN_CUT = 50


def _cut(match: re.Match) -> str:
    chars = list(match.group())
    chars[_RUN_CUT - 1 :: _RUN_CUT] = " " * len(chars[_RUN_CUT - 1 :: _RUN_CUT])
    return "".join(chars)


def tokenizable(text: str) -> str:
    """`text` with long runs of non-space characters broken up; same length, same offsets."""
    return _LONG_RUN.sub(_cut, text) if len(text) >= 100 else text


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


_forms: dict[tuple[int, int], tuple[str, str, int, bool]] = {}  # (orth, lemma) hashes -> forms
_FORMS_MAX = 200_000


_table_forms: dict[int, dict[int, tuple[str, str, int, bool]]] = {}  # per lookup table


def _lemma_table(nlp: Any) -> Any:
    """The lemma table of the built-in pipeline (sentencizer, then a lookup lemmatizer that
    keeps lemmas already set), else None."""
    if list(nlp.pipe_names) != ["sentencizer", "lemmatizer"]:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "lookup" or getattr(lemmatizer, "overwrite", True):
        return None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or "lemma_lookup" not in lookups:
        return None
    return lookups.get_table("lemma_lookup")


def analyze(doc: Document, nlp: Any) -> list[UnitAnalysis]:
    texts = [tokenizable(u.text) for u in doc.units]
    longest = max(map(len, texts), default=0)
    if longest >= nlp.max_length:
        # spaCy refuses a text over 1,000,000 characters (a guard for its parser's memory);
        # a 1 MB paragraph is within max-file-size, and the tokenizer's memory is linear.
        nlp.max_length = longest + 1
    out: list[UnitAnalysis] = []
    has_lemma = nlp.has_pipe("lemmatizer")
    from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH  # spaCy loads only when a page needs it

    attrs = [ORTH, LEMMA, IDX, IS_SPACE]
    strings = nlp.vocab.strings
    # A text met again (table cells such as "Yes", "x", "—") is analysed once: spaCy's work on
    # a text does not depend on the others, and its per-text cost dominates short units.
    unique = list(dict.fromkeys(texts))
    done: dict[str, tuple[list[Token], list[tuple[int, int, tuple[Token, ...]]]]] = {}
    table = _lemma_table(nlp)
    if table is not None:
        # The built-in pipeline's lookup lemmatizer sets each token's lemma to
        # `table.get(text, text)` in a Python loop over the tokens; looking it up here, once
        # per distinct word, gives the same lemmas.
        docs = nlp.pipe(unique, batch_size=64, disable=["lemmatizer"])
        cache = _table_forms.setdefault(id(table), {})
    else:
        docs = nlp.pipe(unique, batch_size=64)
    for unit_text, sdoc in zip(unique, docs):
        # Read the token attributes as one array rather than through a spaCy Token object per
        # token (a third of the NLP time); text, lemma and is-word are memoized per word.
        tokens = []
        for orth, lemma, idx, space in sdoc.to_array(attrs).tolist():
            if space:
                continue
            if table is not None:
                forms = cache.get(orth)
                if forms is None:
                    text = strings[orth]
                    found = table.get(text, text)
                    found = found if isinstance(found, str) else found[0]
                    forms = (text, (found or text).lower(), len(text),
                             any(c.isalnum() for c in text))
                    if len(cache) >= _FORMS_MAX:
                        cache.clear()
                    cache[orth] = forms
                tokens.append(Token(forms[0], forms[1], idx, idx + forms[2], forms[3]))
                continue
            if not has_lemma:
                lemma = 0
            forms = _forms.get((orth, lemma))
            if forms is None:
                text = strings[orth]
                forms = (text, (strings[lemma] if lemma else text).lower(),
                         len(text), any(c.isalnum() for c in text))
                if len(_forms) >= _FORMS_MAX:
                    _forms.clear()
                _forms[(orth, lemma)] = forms
            tokens.append(Token(forms[0], forms[1], idx, idx + forms[2], forms[3]))
        sentences = []
        ti = 0
        for sent in sdoc.sents:
            end_char = sent.end_char
            stoks = []
            while ti < len(tokens) and tokens[ti].start < end_char:
                stoks.append(tokens[ti])
                ti += 1
            if any(t.is_word for t in stoks):
                sentences.append((stoks[0].start, stoks[-1].end, tuple(stoks)))
        done[unit_text] = (tokens, sentences)
    first: set[str] = set()
    for ui, unit_text in enumerate(texts):
        tokens, sentences = done[unit_text]
        if unit_text in first:
            tokens = list(tokens)  # each unit owns its list
        else:
            first.add(unit_text)
        out.append(UnitAnalysis(tokens, [Sentence(ui, a, b, st) for a, b, st in sentences]))
    return out
