"""Inflect a plain alternative like the words it replaces ("utilized" -> "used").

The plain-word packs list phrases and their plain alternatives in one form ("is unable to"
-> "cannot", "utilize" -> "use", "have an effect on" -> "affect"), but they are matched on
lemmas, so the page may say "were unable to", "utilized" or "had an effect on". A swap
must then take the written tense and number: "could not", "used", "affected".

`inflect_plain` finds the one word whose form differs from the pack's phrase, reads its
Penn tag (VBD, VBZ, NNS...) from lemminflect's inflections of its lemma, and gives the
plain alternative's head word (the first word of a verb phrase, the last of a noun phrase)
that tag. "be" and "have" are copied as written ("were indicative of" -> "were a sign of"),
and the modals the packs offer ("can", "cannot", "can't", "must") take their past forms
by a small table, since lemminflect does not inflect modals. When the written form is
ambiguous (VB or VBP, VBD or VBN) and the choice changes the swap, the word before the
phrase decides ("to have" is bare, "has utilized" a participle); when it cannot, or no
form is known, the answer is None: no swap rather than a wrong one.

lemminflect (and its word tables) are loaded on the first call that needs them, and
results are memoized per (written words, phrase, plain, context) key.
"""

from __future__ import annotations

from functools import lru_cache

TYPE_CHECKING = False  # `typing` is not imported at run time: this module loads with every run
if TYPE_CHECKING:
    from typing import Any, Iterable, Iterator, Protocol, Sequence, Union

    class _TokenLike(Protocol):
        text: str
        lemma: str

    # A written word: a pladlint Token (or anything with `.text` and `.lemma`), a
    # (text, lemma) pair, or bare text (its lemma then comes from lemminflect).
    Written = Union[_TokenLike, tuple, str]

# Modals do not inflect in lemminflect: present and past form.
_MODALS = {
    "can": ("can", "could"),
    "cannot": ("cannot", "could not"),
    "can't": ("can't", "couldn't"),
    "can\u2019t": ("can\u2019t", "couldn\u2019t"),
    "must": ("must", None),
}

# The word before a verb, by what it says about the verb's form.
_BARE_BEFORE = {"to", "can", "could", "may", "might", "must", "shall", "should", "will",
                "would", "'ll", "'d", "do", "does", "did", "not", "n't", "never", "cannot"}
_HAVE = {"have", "has", "had", "having", "'ve"}
_BE = {"be", "is", "are", "am", "was", "were", "been", "being", "'re", "'m", "get", "gets",
       "got", "gotten", "getting"}

_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "VBN", "VBG"})
_NOUN_TAGS = frozenset({"NN", "NNS"})


def inflect_plain(written: Sequence[Written] | Written, phrase: str, plain: str,
                  previous: str | None = None) -> str | None:
    """The plain alternative `plain` inflected like the `written` words, or None.

    `written`: the words of the page that matched `phrase` (pladlint `Token`s, with `.text`
    and `.lemma`; (text, lemma) pairs; or bare strings), or one such word. `phrase`: the
    pack's form of them ("is unable to", "utilize"). `plain`: one plain alternative as the
    pack lists it, in the phrase's form ("cannot", "use", "needs"). `previous`: the text of
    the word before the phrase, "" at the start of a text, None when unknown; it only
    settles ambiguous forms.

    >>> inflect_plain([("were", "be"), ("unable", ""), ("to", "")], "is unable to", "cannot")
    'could not'
    >>> inflect_plain(("utilized", "utilize"), "utilize", "use")
    'used'
    >>> inflect_plain("Utilizes", "utilize", "use")
    'Uses'

    A capitalised first word gives a capitalised swap (all capitals: all capitals). None
    when the words differ from the phrase in more than one word, the forms are ambiguous,
    or the alternative has no such form ("has been able to" -> "can" has no participle).
    """
    if isinstance(written, (str, tuple)) or hasattr(written, "text"):
        written = [written]  # type: ignore[list-item]
    words = tuple(_pair(w) for w in written)  # type: ignore[union-attr]
    return _inflect(words, " ".join(phrase.lower().split()), plain.strip(),
                    _context(previous))


def inflect_alternatives(written: Sequence[Written] | Written, phrase: str,
                         plain: Iterable[str], previous: str | None = None) -> list[str]:
    """The alternatives of `plain` that inflect like `written`, inflected, in order, once."""
    out: list[str] = []
    for p in plain:
        form = inflect_plain(written, phrase, p, previous)
        if form is not None and form not in out:
            out.append(form)
    return out


def _pair(word: Any) -> tuple[str, str]:
    if isinstance(word, str):
        return word, ""
    if isinstance(word, tuple):
        return str(word[0]), str(word[1] if len(word) > 1 else "")
    return word.text, word.lemma


def _context(previous: str | None) -> str:
    if previous is None:
        return "?"
    low = previous.lower().replace("\u2019", "'")
    if low in _BARE_BEFORE:
        return "bare"
    if low in _HAVE:
        return "have"
    if low in _BE:
        return "be"
    return "finite"


@lru_cache(maxsize=16384)
def _inflect(words: tuple[tuple[str, str], ...], phrase: str, plain: str,
             context: str) -> str | None:
    if not words or not plain:
        return None
    texts = [t.lower().replace("\u2019", "'") for t, _ in words]
    phrase_words = phrase.replace("\u2019", "'").split()
    if len(texts) != len(phrase_words):
        return None
    diffs = [i for i, (t, p) in enumerate(zip(texts, phrase_words)) if t != p]
    if not diffs:
        form: str | None = plain
    elif len(diffs) > 1:
        return None
    else:
        i = diffs[0]
        # The first word of a phrase of several words that is a verb there ("make a
        # decision", "have an effect on") is read as that verb: "makes" is not a plural noun.
        verb_head = i == 0 and len(phrase_words) > 1
        form = _swap(texts[i], words[i][1].lower(), phrase_words[i], plain, context,
                     verb_head)
    if form is None:
        return None
    return _match_case(words[0][0], form)


def _match_case(first: str, form: str) -> str:
    if first.isupper() and len(first) > 1:
        return form.upper()
    if first[:1].isupper() and not form[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _swap(word: str, lemma: str, phrase_word: str, plain: str, context: str,
          verb_head: bool = False) -> str | None:
    """`plain` with its head in the form `word` has where the phrase has `phrase_word`.
    `verb_head`: the word is the verb that starts a verb phrase, never a noun."""
    if word.startswith("'"):  # a clitic ("He's able to"): the swap would glue to "He"
        return None
    lemma, wtags = _tags(word, lemma, phrase_word)
    if not wtags:
        return None
    _, ptags = _tags(phrase_word, lemma, None)
    if not ptags:
        return None
    classes = [tags for tags in (_VERB_TAGS, _NOUN_TAGS) if ptags & tags]
    if verb_head and ptags & _VERB_TAGS:
        classes = [_VERB_TAGS]
    wtags = {t for t in wtags if any(t in c for c in classes)}
    wtags = _narrow(wtags, lemma, context)
    if not wtags:
        return None
    plain_words = plain.split()
    forms = set()
    for tag in wtags:
        head = 0 if tag in _VERB_TAGS else len(plain_words) - 1
        new = _form(plain_words[head], ptags, tag, word, lemma)
        if new is None:
            return None
        forms.add(" ".join(plain_words[:head] + [new] + plain_words[head + 1:]))
    return forms.pop() if len(forms) == 1 else None


def noun_plurals(noun: str) -> tuple[str, ...]:
    """The plural forms lemminflect knows for `noun` ("analysis" -> "analyses")."""
    return tuple(_all_inflections(noun).get("NNS", ()))


def _narrow(tags: set[str], lemma: str, context: str) -> set[str]:
    """The tags the word before allows: a bare verb after "to" or a modal, a participle
    after "have" or "be", a finite verb after anything else."""
    if not tags & _VERB_TAGS or context == "?":
        return tags
    if context == "bare":
        keep = {"VB"}
    elif context == "have":
        keep = {"VBN"}
    elif context == "be":
        keep = {"VBN", "VBG"}
    else:
        # After a subject (or at the start) a bare form is the present tense, and
        # "had"/"was" are past tense: auxiliaries are never reduced relative clauses.
        keep = set(tags) - {"VB"} if "VBP" in tags else set(tags)
        if lemma in ("be", "have") and "VBD" in keep:
            keep.discard("VBN")
    narrowed = (tags & keep) | (tags - _VERB_TAGS)
    return narrowed if narrowed & _VERB_TAGS else tags - _VERB_TAGS


def _form(head: str, ptags: set[str], tag: str, word: str, lemma: str) -> str | None:
    """The plain head word (written in one of `ptags`) in the form `tag`."""
    low = head.lower()
    modal = _MODALS.get(low)
    if modal is not None:
        if tag in ("VBZ", "VBP"):
            return modal[0]
        return modal[1] if tag == "VBD" else None
    for base in _candidates(low, low):
        if base == lemma and tag in _VERB_TAGS:
            return word  # "be", "have" as written: their forms also carry person and number
        table = _all_inflections(base)
        if not any(low in table.get(t, ()) for t in ptags):
            continue
        forms = table.get(tag)
        if not forms:
            return None
        if base == "be" and len(forms) > 1:  # was/were, am/are: the number is unknown
            return None
        return forms[0]
    return None


def _tags(word: str, lemma: str, same_lemma_as: str | None) -> tuple[str, set[str]]:
    """The lemma of `word` and the Penn tags it is a form of. The page's lemma is tried
    first, then lemminflect's ("Utilized" may reach us with the lemma "utilized")."""
    for base in _candidates(lemma, word):
        table = _all_inflections(base)
        tags = {t for t, forms in table.items() if word in forms}
        if tags and (same_lemma_as is None or any(same_lemma_as in f for f in table.values())):
            return base, tags
    return lemma, set()


def _candidates(first: str, word: str) -> Iterator[str]:
    """`first` (the page's lemma, or a plain word that is most often a base form), then
    lemminflect's lemmas of `word`, looked up (and their table loaded) only if needed."""
    if first:
        yield first
    for base in _lemmas(word):
        if base != first:
            yield base


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> tuple[str, ...]:
    found: list[str] = []
    for lemmas in _lib().getAllLemmas(word).values():
        found += [w for w in lemmas if w not in found]
    return tuple(found)


@lru_cache(maxsize=8192)
def _all_inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    table = dict(_lib().getAllInflections(lemma))
    if "VBD" in table and "VBN" not in table:  # lemminflect lists a regular participle once
        table["VBN"] = table["VBD"]
    return table


@lru_cache(maxsize=1)
def lemminflect_module() -> Any:
    """lemminflect, imported on first use, its word tables read from the precompiled data
    (vocab/word_tables.py) rather than parsed from its CSV files. It hooks into spaCy if
    spaCy is imported, and imports it otherwise: pladlint's faster import of spaCy is done
    first. Every user of lemminflect goes through here."""
    from pladlint.vocab.precompiled import import_spacy
    from pladlint.vocab.word_tables import install_lemminflect_tables

    import_spacy()
    import lemminflect

    install_lemminflect_tables(lemminflect)
    return lemminflect


_lib = lemminflect_module
