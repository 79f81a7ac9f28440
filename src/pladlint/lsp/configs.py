"""The editor server's view of configuration files: when to read them again, where the
caches go, and the largest page checked as you type."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pladlint.config import CONFIG_FILES, Config

LIVE_LIMIT = 1_000_000  # bytes: larger pages are left to `pladlint check` (PLADLINT_LSP_MAX_SIZE)


@dataclass
class CachedConfig:
    stamp: tuple
    config: Config
    error: str | None


def config_stamp(folder: Path) -> tuple:
    """What changes when a configuration file that may apply to pages in FOLDER changes."""
    stamp = []
    for place in (folder, *folder.parents):
        for name in CONFIG_FILES:
            try:
                st = os.stat(place / name)
            except (OSError, ValueError):
                continue
            stamp.append((str(place / name), st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(stamp)


def use_precompiled_cache(config: Config) -> None:
    """Keep the precompiled lexicon keys and syllable table where `pladlint check` does, so
    the server starts as fast as the command line (see precompiled.py)."""
    if os.environ.get("PLADLINT_NO_CACHE"):
        return
    from pladlint.engine.cache import cache_dir
    from pladlint.vocab import precompiled

    precompiled.set_cache_dir(cache_dir(config))


def live_limit(config: Config) -> int:
    """The largest page, in bytes, checked as it is typed."""
    try:
        limit = int(os.environ.get("PLADLINT_LSP_MAX_SIZE") or LIVE_LIMIT)
    except ValueError:
        limit = LIVE_LIMIT
    return min(limit, getattr(config, "max_file_size", limit) or limit)
