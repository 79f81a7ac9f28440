"""Lint many files: cached results first, then the rest in worker processes (`--jobs N`).

Each worker is a process that loads spaCy, the lexicons and textstat once and then lints
page after page; the parent reads and hashes pages for the cache, hands out small batches
in order, and keeps only a few batches in flight, so memory does not grow with the number
of pages. Results are sorted by `api.lint_paths` afterwards, so the output is
byte-identical whatever the number of jobs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

from pladlint import precompiled, timing
from pladlint.findings import FileError, FileResult

Outcome = FileResult | FileError
BATCH = 4  # files per task: amortises the inter-process hand-off of one page (~1 ms)
SERIAL_BELOW = 6  # fewer files to lint than this: starting workers costs more than it saves

# What every task of a worker shares, set once per process by `_init`.
_worker: dict[str, Any] = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _init(config: Any, today: dt.date | None, debug: bool, precompiled_dir: Path | None,
          profile: bool) -> None:
    _worker.update(config=config, today=today, debug=debug)
    precompiled.set_cache_dir(precompiled_dir)
    timing.enable(profile)
    timing.take()  # a forked worker starts with a copy of the parent's totals: not its own


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _lint_one(path: Path, config: Any, expect: str | None) -> tuple[Outcome, bool]:
    """Lint one file; also say whether it still has the bytes the parent hashed."""
    from pladlint.api import lint_file

    outcome = lint_file(path, config, _worker["today"], _worker["debug"])
    same = False
    if expect is not None and isinstance(outcome, FileResult):
        try:
            same = _digest(path.read_bytes()) == expect
        except OSError:
            same = False
    return outcome, same


def _lint_batch(batch: list[tuple[Path, Any, str | None]]) -> tuple[list, dict[str, float]]:
    out = []
    for path, config, expect in batch:
        out.append(_lint_one(path, _worker["config"] if config is None else config, expect))
    return out, timing.take() if timing.enabled() else {}


def _context() -> Any:
    # fork shares the imported modules; macOS and Windows must spawn.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def lint_files(files: list[Path], config: Any, config_for: Callable[[Path], Any],
               today: dt.date | None = None, debug: bool = False, jobs: int | None = None,
               cache: Any = None) -> Iterator[Outcome]:
    """Outcomes of linting `files` (in no particular order: the caller sorts them)."""
    from pladlint.api import display_path

    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    todo: list[tuple[Path, Any, str | None, str | None]] = []  # path, config, digest, key
    for path in files:
        file_config = config_for(path)
        digest = key = None
        if cache is not None:
            with timing.stage("cache"):
                try:
                    data = path.read_bytes() if path.stat().st_size <= file_config.max_file_size \
                        else None
                except OSError:
                    data = None
                if data is not None:
                    key = cache.key(data, file_config, display_path(path), today)
                    digest = _digest(data)
                    hit = cache.get(key)
                    if hit is not None:
                        yield hit
                        continue
        todo.append((path, None if file_config is config else file_config, digest, key))
    _worker.update(config=config, today=today, debug=debug)
    if jobs <= 1 or len(todo) < SERIAL_BELOW:
        for path, file_config, digest, key in todo:
            outcome, same = _lint_one(path, config if file_config is None else file_config, digest)
            if same and cache is not None and key is not None:
                cache.put(key, outcome)
            yield outcome
        return
    yield from _in_workers(todo, config, today, debug, jobs, cache)


def _in_workers(todo: list, config: Any, today: dt.date | None, debug: bool, jobs: int,
                cache: Any) -> Iterator[Outcome]:
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    window = 3 * jobs  # batches in flight: enough to keep workers busy, few enough to stay small
    pending: deque[tuple[list, Future]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init,
                             initargs=(config, today, debug, precompiled.cache_dir(),
                                       timing.enabled())) as pool:
        it = iter(batches)
        for batch in it:
            pending.append((batch, pool.submit(_lint_batch, [(p, c, d) for p, c, d, _ in batch])))
            if len(pending) >= window:
                yield from _collect(pending.popleft(), cache)
        while pending:
            yield from _collect(pending.popleft(), cache)


def _collect(item: tuple[list, Future], cache: Any) -> Iterator[Outcome]:
    batch, future = item
    outcomes, stages = future.result()
    timing.add(stages)
    for (_, _, _, key), (outcome, same) in zip(batch, outcomes):
        if same and cache is not None and key is not None:
            cache.put(key, outcome)
        yield outcome
