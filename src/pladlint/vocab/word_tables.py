"""Per-word tables (word frequencies, lemmas, inflections), precompiled and read lazily.

A page asks about a few hundred distinct words, but wordfreq loads its whole English list
(321,000 words, plus the import of ftfy and langcodes) and lemminflect parses two CSV files
before answering the first question: together more than half a second of a one-page run.
Each table is built once from the package's own data and stored in the cache folder
(precompiled.py) cut into shards by a stable hash of the word; a look-up decodes only its
shard, so a one-page run pays for the shards its words fall in, and a long run for the
whole table once.

Stored values are what the library itself holds (wordfreq's centibel bucket of a word,
lemminflect's entries), so answers are identical; tests/test_word_tables.py checks them
against the libraries.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any, Callable
from zlib import crc32

from pladlint.vocab import precompiled

SHARDS = 8192


def _shard_of(word: str, shards: int = SHARDS) -> int:
    return crc32(word.encode("utf-8", "surrogatepass")) % shards


def shard_blobs(table: dict[str, Any]) -> list[bytes]:
    """`table` cut into SHARDS marshalled dicts, by `_shard_of` of each key."""
    parts: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for word, value in table.items():
        parts[_shard_of(word)][word] = value
    return [marshal.dumps(p) for p in parts]


class ShardedTable:
    """A read-only mapping over `shard_blobs`: `get`, `in` and `[]` decode one shard."""

    __slots__ = ("_blobs", "_shards", "_count")

    def __init__(self, blobs: list[bytes]) -> None:
        self._blobs = blobs
        self._count = len(blobs)  # as many as when stored, whatever SHARDS is now
        self._shards: list[dict[str, Any] | None] = [None] * len(blobs)

    def _shard(self, word: str) -> dict[str, Any]:
        n = _shard_of(word, self._count)
        shard = self._shards[n]
        if shard is None:
            shard = self._shards[n] = marshal.loads(self._blobs[n])
        return shard

    def get(self, word: str, default: Any = None) -> Any:
        return self._shard(word).get(word, default)

    def __getitem__(self, word: str) -> Any:
        return self._shard(word)[word]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._shard(word)


def stored_table(name: str, key: str, build: Callable[[], dict[str, Any]]) -> ShardedTable:
    """`build()`'s table, stored sharded under `key` (built in memory without a cache)."""
    return ShardedTable(precompiled.stored(name, precompiled.digest([key, str(SHARDS)]),
                                           lambda: shard_blobs(build())))


def data_key(kind: str, *files: Path) -> str:
    """A key that changes when any of `files` (a package's data) does."""
    parts = [kind]
    for path in files:
        stat = path.stat()
        parts += [str(path), str(stat.st_size), str(stat.st_mtime_ns)]
    return precompiled.digest(parts)


# -- lemminflect -----------------------------------------------------------------------------


def install_lemminflect_tables(lemminflect: Any) -> None:
    """Hand lemminflect's lemma and inflection singletons our stored tables, so that neither
    parses its CSV file. lemminflect reads them only with `.get(word, {})`."""
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    if precompiled.cache_dir() is None:
        return  # built in memory, a table costs more than lemminflect's own load
    if not hasattr(lemmatizer, "lemma_dict"):
        path = Path(lemmatizer.lemma_lu_fn)
        lemmatizer.lemma_dict = stored_table(
            "lemminflect-lemmas", data_key(f"lemmas-v1-{lemminflect.__version__}", path),
            lambda: dict(lemmatizer._getLemmaDict()))
    if not hasattr(inflections, "infl_dict"):
        path = Path(inflections.infl_lu_fn)
        inflections.infl_dict = stored_table(
            "lemminflect-inflections", data_key(f"inflections-v1-{lemminflect.__version__}", path),
            lambda: dict(inflections._getInflDict()))


# -- pyphen ----------------------------------------------------------------------------------


def install_pyphen_patterns() -> None:
    """Have pyphen read its hyphenation patterns (textstat's syllables for words cmudict
    lacks) from the stored copy rather than parse the .dic file, about 0.15 s a start.
    pyphen builds a `HyphDict(path)` per file; ours fills the same fields from storage.
    Patterns with nonstandard hyphenation (not plain numbers) are left to pyphen."""
    import pyphen

    original = pyphen.HyphDict
    if precompiled.cache_dir() is None or getattr(original, "pladlint_stored", False):
        return

    def hyph_dict(path: Path) -> Any:
        path = Path(path)

        def build() -> Any:
            patterns = original(path).patterns
            if any(type(v) is not int for _, values in patterns.values() for v in values):
                return None
            return patterns

        patterns = precompiled.stored("pyphen", data_key("pyphen-v1", path), build)
        if patterns is None:
            return original(path)
        hd = original.__new__(original)
        hd.patterns, hd.cache = patterns, {}
        hd.maxlen = max(len(key) for key in patterns)
        return hd

    hyph_dict.pladlint_stored = True  # type: ignore[attr-defined]
    pyphen.HyphDict = hyph_dict
