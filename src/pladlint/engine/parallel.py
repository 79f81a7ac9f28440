"""Lint many files in report order: cached results where the cache has them, the rest in
worker processes (`--jobs N`).

The parent loads spaCy, the lexicons and textstat once (`_warm_up`) and forks the workers,
which share that memory and lint page after page. The parent reads and hashes pages for
the cache, hands out small batches in order, keeps only a few batches in flight, and gives
back outcomes in the order of the files, so the output is byte-identical whatever the
number of jobs and a caller can write each outcome away as it comes (memory does not grow
with the number of pages). Workers are replaced by fresh ones every RECYCLE_PAGES pages
each, so their memory does not creep up.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import pickle
import time
import threading
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from pladlint import timing
from pladlint.vocab import precompiled
from pladlint.engine.cache import page_digest
from pladlint.engine.pages import Page, Render, record_of
from pladlint.findings import FileError, FileResult

Outcome = FileResult | FileError
BATCH = 4  # files per task: amortises the inter-process hand-off of one page (~1 ms)
SERIAL_BELOW = 6  # fewer files to lint than this: starting workers costs more than it saves
RECYCLE_PAGES = 500  # pages per worker before the pool is replaced by a fresh one

# What every task of a worker shares, set once per process by `_init`.
_worker: dict[str, Any] = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def tune_gc() -> None:
    """Fewer garbage-collector passes, for a process that lints many pages.

    Linting a page allocates hundreds of thousands of short-lived objects (tokens, spans,
    findings) and keeps large long-lived tables (lexicons, word memos); with Python's default
    thresholds the collector ran ~3 times per page and walked those tables each time, about
    8 ms of a page's ~65 ms. A larger first threshold makes it run about 20 times less often;
    nothing is held longer than a few pages' garbage. Called only in processes pladlint
    owns (the command line and its workers), never by the library API."""
    gc.set_threshold(10_000, 20, 10)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the run that started it is gone: a parent killed outright
    (SIGKILL, an out-of-memory kill) cannot tell its workers, which would otherwise wait on
    the task queue for ever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="pladlint-parent-watch", daemon=True).start()


def _init(config: Any, today: dt.date | None, debug: bool, precompiled_dir: Path | None,
          profile: bool, cache: Any = None, render: Render | None = None) -> None:
    if os.name == "posix":
        _watch_parent(os.getppid())
    tune_gc()
    _worker.update(config=config, today=today, debug=debug, cache=cache, render=render)
    precompiled.set_cache_dir(precompiled_dir)
    timing.enable(profile)
    timing.take()  # a forked worker starts with a copy of the parent's totals: not its own


def _lint_one(path: Path, config: Any, expect: str | None, key: str | None) -> Outcome | Page:
    """Lint one file (in a worker or here) and store its result in the cache if the file
    still has the bytes the parent hashed. With a renderer (`_worker["render"]`), the
    outcome is a `Page`: the result pickled once, with its tallies and report pieces."""
    from pladlint.engine.files import lint_file

    outcome = lint_file(path, config, _worker["today"], _worker["debug"])
    if not isinstance(outcome, FileResult):
        return outcome
    cache, render = _worker.get("cache"), _worker.get("render")
    stored = False
    if expect is not None and cache is not None and key is not None:
        try:
            stored = page_digest(path.read_bytes()) == expect
        except OSError:
            stored = False
    if render is None and not stored:
        return outcome
    payload = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    if stored:
        cache.put_payload(key, payload)
    if render is None:
        return outcome
    with timing.stage("output"):
        page = Page(record_of(outcome, render), payload)
    if stored:
        cache.put_record(key, page.record)
    return page


def _lint_batch(batch: list[tuple[Path, Any, str | None, str | None]]
                ) -> tuple[list, dict[str, float]]:
    out = []
    for path, config, expect, key in batch:
        out.append(_lint_one(path, _worker["config"] if config is None else config, expect, key))
    return out, timing.take() if timing.enabled() else {}


def _context() -> Any:
    # fork shares the imported modules; macOS and Windows must spawn.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class _Planned(NamedTuple):
    path: Path
    config: Any  # None: the run's configuration (not sent again with every task)
    digest: str | None  # of the bytes hashed for the cache key
    key: str | None  # result-cache key
    hit: bool  # the cache holds a result under `key`


def _plan(path: Path, config: Any, config_for: Callable[[Path], Any], today: dt.date | None,
          cache: Any) -> _Planned:
    from pladlint.engine.files import display_path

    file_config = config_for(path)
    digest = key = None
    hit = False
    if cache is not None:
        with timing.stage("cache"):
            try:
                data = path.read_bytes() if path.stat().st_size <= file_config.max_file_size \
                    else None
            except OSError:
                data = None
            if data is not None:
                digest = page_digest(data)  # hashed once: the key, and the worker's check
                key = cache.key_of_digest(digest, file_config, display_path(path), today)
                hit = cache.has(key)
    return _Planned(path, None if file_config is config else file_config, digest, key, hit)


def lint_files(files: list[Path], config: Any, config_for: Callable[[Path], Any],
               today: dt.date | None = None, debug: bool = False, jobs: int | None = None,
               cache: Any = None, render: Render | None = None) -> Iterator[Outcome | Page]:
    """Outcomes of linting `files`, one per file, in the order of `files`.

    Outcomes come out as soon as they and all before them are ready, so a caller that
    writes them away (spool.py) holds only the few pages in flight. With `render` (see
    engine/pages.py) a page comes as a `Page`, its report pieces rendered where it was
    linted or read from the cache."""
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    plan = [_plan(path, config, config_for, today, cache) for path in files]
    misses = sum(1 for item in plan if not item.hit)
    _worker.update(config=config, today=today, debug=debug, cache=cache, render=render)
    if jobs <= 1 or misses < SERIAL_BELOW:
        for item in plan:
            yield _here(item, config, cache)
        return
    yield from _in_workers(plan, config, today, debug, jobs, cache)


def _here(item: _Planned, config: Any, cache: Any) -> Outcome | Page:
    """A cached result, or the page linted in this process."""
    if item.hit:
        with timing.stage("cache"):
            found = _cached(item.key, cache)
        if found is not None:
            return found
    return _lint_one(item.path, config if item.config is None else item.config,
                     item.digest, item.key)


def _cached(key: str, cache: Any) -> FileResult | Page | None:
    """A cache hit. With a renderer, the page's stored record when it holds every piece
    wanted (one small file read; the result itself is loaded only if something asks), else
    the result, with its pieces rendered now and stored for the next run."""
    render = _worker.get("render")
    if render is None:
        return cache.get(key)
    record = cache.record(key)
    if record is not None and record.has(render.keys):
        cache.hits += 1
        return Page(record, load=partial(cache.get, key))
    found = cache.get(key)
    if found is None:
        return None
    with timing.stage("output"):
        fresh = record_of(found, render)
    if record is not None:
        fresh.pieces = {**record.pieces, **fresh.pieces}
    cache.put_record(key, fresh)
    return Page(fresh, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))


def _new_pool(config: Any, today: dt.date | None, debug: bool, jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init,
                               initargs=(config, today, debug, precompiled.cache_dir(),
                                         timing.enabled(), _worker.get("cache"),
                                         _worker.get("render")))


# A page that makes every default rule load what it reads (pipeline, lexicons, word tables).
_WARM_UP_PAGE = ("---\ntitle: Warm-up\n---\n# What is chemotherapy?\n\n"
                 "Chemotherapy (chemo) is a treatment that uses drugs to kill cancer cells, "
                 "in order to stop them from growing. Ask your doctor about side effects.\n")


def _warm_up(config: Any) -> None:
    """Load in the parent what every worker needs, before the workers are forked.

    Forked workers share it (copy-on-write) instead of each importing spaCy and building its
    pipeline and lexicons (seconds of CPU each), so replacing workers (RECYCLE_PAGES) costs
    next to nothing. Loaded data is a pure function of installed packages and the config."""
    from pladlint.engine.files import lint_text

    with timing.stage("startup"):
        try:
            lint_text(_WARM_UP_PAGE, config, "<warm-up>")
        except Exception:  # the real pages will report whatever went wrong
            pass
        # What is loaded now lives as long as the process: out of the collector's sight, it
        # is neither walked by every full collection nor copied into workers by one.
        gc.freeze()


def _in_workers(plan: list[_Planned], config: Any, today: dt.date | None, debug: bool,
                jobs: int, cache: Any) -> Iterator[Outcome]:
    if _context().get_start_method() == "fork":
        _warm_up(config)
    window = 3 * jobs  # batches in flight: enough to keep workers busy, few enough to stay small
    # In order: ("hit", item) for a cached page, ("batch", future) for pages linted.
    pending: deque[tuple] = deque()
    in_flight = 0
    pool = _new_pool(config, today, debug, jobs)
    pages_in_pool = 0
    batch: list[_Planned] = []

    def submit() -> None:
        nonlocal pool, pages_in_pool, in_flight
        if pages_in_pool >= RECYCLE_PAGES * jobs:
            # Fresh workers: a long-lived worker's memory creeps up page after page
            # (allocator fragmentation, caches of the word tables); the old pool finishes
            # the batches it holds, then its processes exit.
            pool.shutdown(wait=False)
            pool = _new_pool(config, today, debug, jobs)
            pages_in_pool = 0
        future = pool.submit(_lint_batch, [(i.path, i.config, i.digest, i.key) for i in batch])
        pending.append(("batch", future))
        pages_in_pool += len(batch)
        in_flight += 1
        batch.clear()

    def drain(limit: int) -> Iterator[Outcome]:
        nonlocal in_flight
        while pending and (in_flight > limit or pending[0][0] == "hit"):
            entry = pending.popleft()
            if entry[0] == "hit":
                yield _here(entry[1], config, cache)
                continue
            in_flight -= 1
            yield from _collect(entry[1])

    try:
        for item in plan:
            if item.hit:
                if batch:
                    submit()
                pending.append(("hit", item))
            else:
                batch.append(item)
                if len(batch) >= BATCH:
                    submit()
            yield from drain(window - 1)
        if batch:
            submit()
        yield from drain(-1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(future: Future) -> Iterator[Outcome | Page]:
    outcomes, stages = future.result()  # the workers stored them in the cache
    timing.add(stages)
    yield from outcomes
