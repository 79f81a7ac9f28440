"""How common a word is in English: wordfreq's Zipf scale (3 = once per million words).

wordfreq's English data ships in the package, so nothing is downloaded. A leaf module: the
word lists, the spelling and the gloss finder all ask it, and it asks nothing of them.

With a cache folder, words and phrases of ASCII letters (the words of almost every page)
are answered from a stored copy of wordfreq's English list (word_tables.py) by wordfreq's
own arithmetic, without importing wordfreq (ftfy, langcodes) or loading its 321,000-word
list: most of a one-page run's cost of asking about its words. Anything else (digits past
four, accents, apostrophes) is asked of wordfreq itself.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from pladlint.vocab import precompiled

# Text wordfreq's English tokenizer cuts at the spaces and hyphens only, into its own
# lower-cased words: NFC and case folding leave ASCII letters as they are (but for case),
# and its Unicode word boundaries fall at a space or a hyphen, never between two letters.
_ASCII_WORDS = re.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+)*\Z")
_SEPARATORS = re.compile(r"[ -]")
# wordfreq's `minimum` for zipf_frequency(word, "en"): zipf_to_freq(0.0).
_MINIMUM = 10**0.0 / 1e9
_DIGITS_UP_TO = 4  # digit strings this long or shorter are stored with their answer


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    tables = _tables(precompiled.cache_dir())
    if tables is not None:
        if _ASCII_WORDS.match(word):
            return _zipf_of_words(tables[0], _SEPARATORS.split(word.lower()))
        found = tables[1].get(word)
        if found is not None:
            return found
    return _wordfreq().zipf_frequency(word, "en")


def _zipf_of_words(buckets: Any, words: list[str]) -> float:
    """wordfreq's `zipf_frequency` for text of these tokens, step by step as it computes it
    (`_word_frequency`, then `freq_to_zipf` and rounding), from each token's bucket."""
    one_over_result = 0.0
    for token in words:
        bucket = buckets.get(token)
        if bucket is None:
            return round(math.log(_MINIMUM, 10) + 9, 2)  # a missing token: the minimum
        one_over_result += 1.0 / 10 ** (-bucket / 100)  # cB_to_freq(-bucket)
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


@lru_cache(maxsize=2)
def _tables(folder: Any) -> tuple[Any, dict[str, float]] | None:
    """(word -> centibel bucket, digit string -> Zipf), stored in `folder`; None without a
    cache folder, where building them would cost more than wordfreq's own load."""
    if folder is None:
        return None
    from pladlint.vocab.word_tables import data_key, stored_table

    sources = _sources()
    buckets = stored_table("wordfreq-buckets", data_key("buckets-v1", *sources), _buckets)
    digits = precompiled.stored("wordfreq-digits", data_key("digits-v1", *sources), _digits)
    return buckets, digits


def _sources() -> list[Any]:
    """The files the stored answers come from: wordfreq's English list and its code."""
    from pladlint.vocab.precompiled import package_file

    return [package_file("wordfreq", *parts) for parts in (
        ("data", "large_en.msgpack.gz"), ("__init__.py",), ("numbers.py",), ("tokens.py",))]


def _buckets() -> dict[str, int]:
    """Each ASCII word's bucket in wordfreq's English list (a later bucket wins, as in
    `get_frequency_dict`)."""
    table: dict[str, int] = {}
    lower = re.compile(r"[a-z]+\Z")
    for index, bucket in enumerate(_wordfreq().get_frequency_list("en")):
        for word in bucket:
            if lower.match(word):
                table[word] = index
    return table


def _digits() -> dict[str, float]:
    """Digit strings up to _DIGITS_UP_TO long ("1", "2024"): wordfreq estimates them by a
    formula of its own, so their answers are stored as it gives them."""
    zipf_frequency = _wordfreq().zipf_frequency
    return {str(n).zfill(width): zipf_frequency(str(n).zfill(width), "en")
            for width in range(1, _DIGITS_UP_TO + 1) for n in range(10**width)}


def _wordfreq() -> Any:
    # Imported here: wordfreq (with ftfy and langcodes) is a third of a second of start-up.
    from pladlint.vocab.precompiled import import_wordfreq

    return import_wordfreq()


@lru_cache(maxsize=2)
def common_words(folder: Any) -> frozenset[str] | None:
    """wordfreq's 100,000 most frequent English words that are at Zipf 3.5 or above, stored
    in `folder` (the misspelling check's candidates); None without a cache folder."""
    if folder is None:
        return None
    from pladlint.vocab.word_tables import data_key

    return frozenset(precompiled.stored(
        "common-words", data_key("common-words-v1", *_sources()),
        lambda: [w for w in _wordfreq().top_n_list("en", 100_000) if zipf(w) >= 3.5]))
