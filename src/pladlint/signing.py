"""This user's key for signing what pladlint stores in a cache folder.

The result cache and the precompiled data live in `.pladlint_cache/`, inside a repository
anyone may write to; an entry is trusted (unpickled, or fed to `marshal`) only when its
HMAC was made with a key kept outside the repository, in the user's own cache folder.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def signing_key() -> bytes:
    """This user's key for signing entries, created once; in memory only if it cannot be stored."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    path = Path(base or Path.home() / ".cache") / "pladlint" / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
    except FileExistsError:  # another run created it first: use theirs
        try:
            stored = path.read_bytes()
            return stored if len(stored) >= 32 else key
        except OSError:
            return key
    except OSError:
        pass
    return key


def sign(payload: bytes) -> bytes:
    """The 32-byte HMAC that vouches `payload` was written by this user's pladlint."""
    return hmac.new(signing_key(), payload, hashlib.sha256).digest()
