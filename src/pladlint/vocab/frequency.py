"""How common a word is in English: wordfreq's Zipf scale (3 = once per million words).

wordfreq's English data ships in the package, so nothing is downloaded. A leaf module: the
word lists, the spelling and the gloss finder all ask it, and it asks nothing of them.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    # Imported here: wordfreq (with ftfy and langcodes) is a third of a second of start-up,
    # which a run whose pages all come from the result cache never needs.
    from pladlint.vocab.precompiled import import_wordfreq

    return import_wordfreq().zipf_frequency(word, "en")
