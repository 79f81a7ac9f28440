"""This user's key for signing what pladlint stores in a cache folder.

The result cache and the precompiled data live in `.pladlint_cache/`, inside a repository
anyone may write to; an entry is trusted (unpickled, or fed to `marshal`) only when its
HMAC was made with a key kept outside the repository, in the user's own cache folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def signing_key() -> bytes:
    """This user's key for signing entries, created once; in memory only if it cannot be stored.

    The key is written whole to a temporary file, then put in place in one step: a run killed
    (or a disk that filled) halfway leaves no key, or a torn one that the next run replaces,
    never an empty key file that would make every later run sign with a throw-away key."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    path = Path(base or Path.home() / ".cache") / "pladlint" / "cache-key"
    stored = _read(path)
    if stored is not None:
        return stored
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".cache-key-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(temp, 0o600)
            if path.exists():
                os.replace(temp, path)  # a torn key from a killed run: replaced whole
            else:
                try:
                    os.link(temp, path)  # fails if another run put its key in place first
                except FileExistsError:
                    pass
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    except OSError:
        return key
    return _read(path) or key


def _read(path: Path) -> bytes | None:
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 32 else None


def sign(payload: bytes) -> bytes:
    """The 32-byte HMAC that vouches `payload` was written by this user's pladlint."""
    return hmac.new(signing_key(), payload, hashlib.sha256).digest()
