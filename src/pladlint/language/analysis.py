"""Sentences and tokens of every prose unit, from one spaCy pass per document."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

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
    """`text` with long runs of non-space characters broken up, and lone surrogates (which
    spaCy cannot hash: a page's JSON in the editor may hold one) replaced by U+FFFD; same
    length, same offsets."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return _LONG_RUN.sub(_cut, text) if len(text) >= 100 else text


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lemma: str  # lower-cased
    start: int  # prose offsets within the unit
    end: int
    is_word: bool  # has a letter or digit (punctuation and symbols are not words)


_new = object.__new__
_set_text, _set_lemma, _set_start, _set_end, _set_is_word = (
    Token.__dict__[name].__set__ for name in ("text", "lemma", "start", "end", "is_word")
)


def _token(text: str, lemma: str, start: int, end: int, is_word: bool) -> Token:
    """`Token(...)` at a third of the cost: a frozen dataclass's __init__ sets each field
    through object.__setattr__, while the slot descriptors set them directly. A page makes
    a Token per word, so this is a measurable part of the NLP stage."""
    token = _new(Token)
    _set_text(token, text)
    _set_lemma(token, lemma)
    _set_start(token, start)
    _set_end(token, end)
    _set_is_word(token, is_word)
    return token


@dataclass(frozen=True)
class Sentence:
    unit: int
    start: int  # prose offsets within the unit: its first character
    end: int  # just past its last character (its full stop, closing quote or last word)
    tokens: tuple[Token, ...]  # its tokens, spaces left out: the last one ends at `end`
    # Punctuation that spaCy's sentencizer left at the end of this sentence though it
    # begins the next one (" (" or " •" after the full stop; see `_sentence_end`). It is
    # part of neither sentence's span, and is read only by `formula_line`, so that the
    # text given to textstat, and every score, stays what it was.
    trailing: tuple[Token, ...] = ()

    @property
    def words(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)


@dataclass
class UnitAnalysis:
    tokens: list[Token]
    sentences: list[Sentence]


_forms: dict[Any, tuple[str, str, int, bool]] = {}  # (orth, lemma) hashes -> forms
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


def _forms_of(orth: int, lemma: int, strings: Any, table: Any) -> tuple[str, str, int, bool]:
    """Text, lower-cased lemma, length and is-word of a word, from spaCy's string hashes.

    With the lookup `table` the lemma is `table.get(text, text)`, which is what the built-in
    pipeline's lookup lemmatizer would set, or for a capitalised word missing from it, the
    lemma of its lower-case form; otherwise it is the pipeline's `lemma` (0: none).
    """
    text = strings[orth]
    if table is not None:
        found = table.get(text, None)
        if found is None and text[:1].isupper() and not text.isupper():
            # the table lists lower-case forms: "Blinding" at a sentence start is "blind"
            found = table.get(text.lower(), None)
        found = text if found is None else found
        found = found if isinstance(found, str) else found[0]
        lemma_text = found or text
    else:
        lemma_text = strings[lemma] if lemma else text
    return text, lemma_text.lower(), len(text), any(c.isalnum() for c in text)


# Where a sentence ends. spaCy's sentencizer starts the next sentence at the first token
# after a full stop that is not punctuation, so that a closing quote or bracket stays with
# its sentence ('He left."', "(the 2nd.)"). But it takes every punctuation token, so the
# opening bracket, opening quote or inline bullet that begins the next sentence stayed at
# the end of this one, and its span ran on by " (", ' "' or " •". After its full stop a
# sentence keeps only further full stops, closing brackets and quotes, and punctuation
# written against what comes before ('."', ".*"); the first token that is none of these
# (an opening bracket or quote, or punctuation after a space) belongs to the next sentence.
_OPENING = ("Ps", "Pi")  # ( [ { “ ‘ «
_CLOSING = ("Pe", "Pf")  # ) ] } ” ’ »
_punct_kinds: dict[str, int] = {}  # token text -> 1 opening, 2 closing, 0 other


def _punct_kind(text: str) -> int:
    kind = _punct_kinds.get(text)
    if kind is None:
        cats = {unicodedata.category(c) for c in text}
        kind = 1 if cats and cats <= set(_OPENING) else 2 if cats and cats <= set(_CLOSING) else 0
        if len(_punct_kinds) < _FORMS_MAX:
            _punct_kinds[text] = kind
    return kind


def _final_punctuation(nlp: Any) -> frozenset[str]:
    """The tokens that end a sentence: the sentencizer's, else spaCy's default ones."""
    if nlp.has_pipe("sentencizer"):
        return frozenset(nlp.get_pipe("sentencizer").punct_chars)
    from spacy.pipeline.sentencizer import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def _own_sentencizer(nlp: Any) -> bool:
    """Whether `analyze` may split sentences itself: the pipeline is the built-in one, whose
    spaCy sentencizer builds a Token object per token in a Python loop (a tenth of the NLP
    time) to find what `_sentence_starts` finds from the token array."""
    from spacy.pipeline.sentencizer import Sentencizer

    names = list(nlp.pipe_names)
    return names in (["sentencizer"], ["sentencizer", "lemmatizer"]) and \
        type(nlp.get_pipe("sentencizer")) is Sentencizer


def _sentence_starts(rows: list, final: set[int]) -> list[tuple[int, int]]:
    """The (start, end) token spans spaCy's Sentencizer.predict and Doc.sents give (spaCy
    3.8): a sentence starts at the first token and at each token, after a token in its
    punct_chars, that is neither punctuation nor one of them. `final` holds the orth hashes
    of punct_chars (a token's text is in them exactly when its orth hash is); each row ends
    with the token's IS_PUNCT."""
    starts = [0]
    seen = False
    for i, row in enumerate(rows):
        is_final = row[0] in final
        if seen and not row[-1] and not is_final:
            starts.append(i)
            seen = False
        elif is_final:
            seen = True
    if not rows:
        return []
    starts.append(len(rows))
    return list(zip(starts, starts[1:]))


def _sentence_end(stoks: list[Token], final: frozenset[str]) -> tuple[int, bool]:
    """How many of a spaCy sentence's tokens (spaces left out) belong to it, the rest
    beginning the next sentence, and whether it has a word."""
    n = len(stoks)
    i = n
    while i and not stoks[i - 1].is_word:
        i -= 1
    has_word = i > 0
    while i < n and stoks[i].text not in final:  # the full stop after the last word
        i += 1
    if i >= n - 1:
        return n, has_word
    for j in range(i + 1, n):
        t = stoks[j]
        if t.text in final:
            continue
        kind = _punct_kind(t.text)
        if kind == 1 or (kind == 0 and t.start != stoks[j - 1].end):
            return j, has_word
    return n, has_word


# tokens, sentences (start, end, tokens, trailing)
_Analysed = tuple[list[Token], list[tuple[int, int, tuple[Token, ...], tuple[Token, ...]]]]


class _TextMemo:
    """Unit texts analysed on earlier pages, the least recently used dropped first once their
    total length passes `max_chars` (about 25 bytes a character: the Tokens)."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self.entries: dict[str, _Analysed] = {}

    def get(self, text: str) -> _Analysed | None:
        hit = self.entries.pop(text, None)
        if hit is not None:
            self.entries[text] = hit  # now the most recently used
        return hit

    def put(self, text: str, analysed: _Analysed) -> None:
        if text in self.entries or len(text) > self.max_chars:
            return
        self.entries[text] = analysed
        self.chars += len(text)
        while self.chars > self.max_chars:
            oldest = next(iter(self.entries))
            del self.entries[oldest]
            self.chars -= len(oldest)


# Pages of one site repeat whole units (a disclaimer, "Yes" and "No" cells, a contact line):
# 27% of the prose of the NCI pages was met on an earlier page. spaCy's result for a text
# does not depend on what it read before, so each pipeline keeps what it made.
_MEMO_CHARS = 400_000
_memos: WeakKeyDictionary[Any, _TextMemo] = WeakKeyDictionary()


def _memo_for(nlp: Any) -> _TextMemo:
    memo = _memos.get(nlp)
    if memo is None:
        memo = _memos[nlp] = _TextMemo(_MEMO_CHARS)
    return memo


def analyze(doc: Document, nlp: Any) -> list[UnitAnalysis]:
    texts = [tokenizable(u.text) for u in doc.units]
    longest = max(map(len, texts), default=0)
    if longest >= nlp.max_length:
        # spaCy refuses a text over 1,000,000 characters (a guard for its parser's memory);
        # a 1 MB paragraph is within max-file-size, and the tokenizer's memory is linear.
        nlp.max_length = longest + 1
    out: list[UnitAnalysis] = []
    has_lemma = nlp.has_pipe("lemmatizer")
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH  # spaCy loads only when a page needs it

    attrs = [ORTH, LEMMA, IDX, IS_SPACE, IS_PUNCT]
    strings = nlp.vocab.strings
    # A text met again (table cells such as "Yes", "x", "—") is analysed once: spaCy's work on
    # a text does not depend on the others, and its per-text cost dominates short units.
    memo = _memo_for(nlp)
    done: dict[str, _Analysed] = {}
    unique = []
    for unit_text in dict.fromkeys(texts):
        hit = memo.get(unit_text)
        if hit is None:
            unique.append(unit_text)
        else:
            done[unit_text] = hit
    final = _final_punctuation(nlp)
    table = _lemma_table(nlp)
    own = _own_sentencizer(nlp)
    off = ["sentencizer"] if own else []
    final_orths = {strings[c] for c in final}
    if table is not None:
        # The built-in pipeline's lookup lemmatizer sets each token's lemma to
        # `table.get(text, text)` in a Python loop over the tokens; looking it up here, once
        # per distinct word, gives the same lemmas.
        docs = nlp.pipe(unique, batch_size=64, disable=off + ["lemmatizer"])
        cache: dict[Any, tuple[str, str, int, bool]] = _table_forms.setdefault(id(table), {})
    else:
        docs = nlp.pipe(unique, batch_size=64, disable=off)
        cache = _forms
    for unit_text, sdoc in zip(unique, docs):
        # Read the token attributes as one array rather than through a spaCy Token object per
        # token (a third of the NLP time); text, lemma and is-word are memoized per word.
        rows = sdoc.to_array(attrs).tolist()
        tokens: list[Token] = []
        sentences = []
        spans = _sentence_starts(rows, final_orths) if own else \
            [(sent.start, sent.end) for sent in sdoc.sents]
        for sent_start, sent_end in spans:
            stoks = []
            for orth, lemma, idx, space, _punct in rows[sent_start:sent_end]:
                if space:
                    continue
                key = orth if table is not None else (orth, lemma if has_lemma else 0)
                forms = cache.get(key)
                if forms is None:
                    forms = _forms_of(orth, lemma if has_lemma else 0, strings, table)
                    if len(cache) >= _FORMS_MAX:
                        cache.clear()
                    cache[key] = forms
                stoks.append(_token(forms[0], forms[1], idx, idx + forms[2], forms[3]))
            tokens += stoks
            cut, has_word = _sentence_end(stoks, final)
            if has_word:
                if cut == len(stoks):
                    sentences.append((stoks[0].start, stoks[-1].end, tuple(stoks), ()))
                else:
                    sentences.append((stoks[0].start, stoks[cut - 1].end, tuple(stoks[:cut]),
                                      tuple(stoks[cut:])))
        done[unit_text] = (tokens, sentences)
        memo.put(unit_text, (tokens, sentences))
    for ui, unit_text in enumerate(texts):
        tokens, sentences = done[unit_text]
        # each unit owns its list (the Tokens, frozen, are shared)
        out.append(UnitAnalysis(list(tokens),
                                [Sentence(ui, a, b, st, tr) for a, b, st, tr in sentences]))
    return out
