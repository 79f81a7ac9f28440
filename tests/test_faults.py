"""Nothing lost under faults: a killed run, a full disk, an interrupted `--fix`.

* A `pladlint check` over 200 generated pages is SIGKILLed mid-run (early, and late): the
  result cache keeps only whole entries, the result spool leaves nothing behind, and the
  next runs (cold and warm) print exactly the report of a clean run.
* A full disk, made for real with a small tmpfs (as root; skipped elsewhere) holding the
  pages, the cache and the temporary folder: a check still prints the clean report (cache
  entries are skipped, spooled results stay in memory); a report file that cannot be
  written and a `--fix` that cannot write are one clear error line and exit code 2, with
  every page unchanged; once there is room again, the next runs are correct. The same
  faults are also simulated in-process (an ENOSPC write), wherever the tests run.
* `--fix` killed between writing a page's temporary file and renaming it over the page
  leaves every page either as it was or as fixed, never half-written, and the next `--fix`
  finishes the job.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"
PAGES = 200

_SENTENCES = (
    "Your doctor may do a biopsy in order to check for cancer cells.",
    "Chemotherapy can cause neutropenia, which means a low number of white blood cells.",
    "Prior to the test, do not eat for 6 hours.",
    "A large number of people feel fine the next day.",
    "The oncologist will utilize the results to plan your treatment.",
    "Lymphedema is swelling that can happen after lymph nodes are removed.",
    "Call us at this point in time if you have a fever.",
    "Most people go home the same day.",
    "Metastatic cancer has spread from where it started to other parts of the body, "
    "and it is treated with a combination of therapies chosen by a team of specialists "
    "who review the results of every scan and test before they decide.",
)


def _page(rng: random.Random, i: int) -> str:
    parts = [f"---\ntitle: Page {i}\nlastReviewed: 2024-0{1 + i % 9}-01\n---\n"
             if i % 3 == 0 else "", f"# Page {i}: what to expect\n\n"]
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.2:
            parts.append("".join(f"- {rng.choice(_SENTENCES)}\n" for _ in range(3)) + "\n")
        else:
            parts.append(" ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 4)))
                         + "\n\n")
        if rng.random() < 0.2:
            parts.append("| Test | Why |\n|---|---|\n| MRI | to see the tumor |\n\n")
    text = "".join(parts)
    return text.replace("\n", "\r\n") if i % 7 == 0 else text


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A folder `pages/` of 200 generated pages (some with CRLF, front matter, fixes to do)."""
    root = tmp_path_factory.mktemp("site")
    pages = root / "pages"
    pages.mkdir()
    rng = random.Random(17)
    for i in range(PAGES):
        (pages / f"p{i:03}.md").write_bytes(_page(rng, i).encode())
    return root


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PLADLINT_NO_CACHE", "PLADLINT_CACHE_DIR", "TMPDIR")}
    env.update(PYTHONPATH=str(ROOT / "src"), XDG_CACHE_HOME=str(home / "user-cache"),
               PYTHONHASHSEED="0", **extra)
    return env


def _check(cwd: Path, env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pladlint", "check", "pages", "--today", TODAY,
                           *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory) -> subprocess.CompletedProcess:
    """The report of a clean run: no cache, one process."""
    home = tmp_path_factory.mktemp("clean-home")
    run = _check(site, _env(home), "--format", "json", "--no-cache", "--jobs", "1")
    assert run.returncode == 1, run.stderr
    assert run.stdout.count(b'"rule"') > PAGES
    return run


@pytest.fixture(scope="module")
def fixed(site, tmp_path_factory) -> dict[str, bytes]:
    """Every page as a clean, uninterrupted `--fix` leaves it."""
    root = tmp_path_factory.mktemp("fixed")
    shutil.copytree(site / "pages", root / "pages")
    run = _check(root, _env(root), "--fix", "--no-cache", "--jobs", "1")
    assert run.returncode in (0, 1), run.stderr
    after = _snapshot(root / "pages")
    assert sum(after[n] != b for n, b in _snapshot(site / "pages").items()) > PAGES // 4
    return after


def _same_report(run: subprocess.CompletedProcess, clean: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in run.stderr and b"internal error" not in run.stderr, run.stderr
    assert run.returncode == clean.returncode, run.stderr
    assert run.stdout == clean.stdout


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").glob("*/*.pickle"))


def _session_members(sid: int) -> list[int]:
    """Processes still in the session a killed run led (its workers, if they outlived it)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # state ppid pgrp session ...
            pids.append(int(stat.parent.name))
    return pids


# -- a killed run -------------------------------------------------------------------------


def _kill_mid_run(site: Path, env: dict, cache: Path, kill_after: int) -> list[int]:
    """Start a check, SIGKILL it once `kill_after` results are cached; returns the pids of
    its workers that were still alive after 10 s (ended here, by id)."""
    proc = subprocess.Popen([sys.executable, "-m", "pladlint", "check", "pages", "--today", TODAY,
                             "--format", "json", "--jobs", "2"], cwd=site, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 300
    try:
        while len(_entries(cache)) < kill_after:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no progress"
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while _session_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = _session_members(proc.pid)
    for pid in orphans:  # started by this test: ended by id
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return orphans


@pytest.mark.parametrize("kill_after", [10, 120], ids=["early", "late"])
def test_sigkill_mid_run_loses_nothing(site, clean, tmp_path, kill_after) -> None:
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    env = _env(tmp_path, PLADLINT_CACHE_DIR=str(cache), TMPDIR=str(tmp))
    _kill_mid_run(site, env, cache, kill_after)
    assert len(_entries(cache)) < PAGES  # killed mid-run, not after
    assert list(tmp.iterdir()) == []  # the spool is an anonymous file: nothing left behind
    # Every entry there is whole: the next run reads them and agrees with a clean run ...
    _same_report(_check(site, env, "--format", "json", "--jobs", "2"), clean)
    assert len(_entries(cache)) >= PAGES
    # ... and so does a warm one, in one process.
    _same_report(_check(site, env, "--format", "json", "--jobs", "1"), clean)


def test_workers_do_not_outlive_a_killed_run(site, tmp_path) -> None:
    cache = tmp_path / "cache"
    env = _env(tmp_path, PLADLINT_CACHE_DIR=str(cache))
    orphans = _kill_mid_run(site, env, cache, 10)
    assert not orphans, f"worker processes outlived the killed run: {orphans}"


def test_a_torn_cache_entry_is_a_miss(site, clean, tmp_path) -> None:
    """What a crash of the machine (not only of pladlint) can leave: entries cut short,
    emptied or zeroed, and a temporary file never renamed."""
    cache = tmp_path / "cache"
    env = _env(tmp_path, PLADLINT_CACHE_DIR=str(cache))
    _same_report(_check(site, env, "--format", "json", "--jobs", "2"), clean)
    entries = _entries(cache)
    for i, entry in enumerate(entries[:30]):
        data = entry.read_bytes()
        entry.write_bytes([b"", data[: len(data) // 2], b"\x00" * len(data)][i % 3])
    (entries[0].parent / f".{entries[0].name}.abc.pladlint.tmp").write_bytes(b"half")
    _same_report(_check(site, env, "--format", "json", "--jobs", "2"), clean)
    _same_report(_check(site, env, "--format", "json", "--jobs", "1"), clean)


def test_a_torn_signing_key_does_not_disable_the_cache(tmp_path) -> None:
    key = tmp_path / "user-cache" / "pladlint" / "cache-key"
    key.parent.mkdir(parents=True)
    key.write_bytes(b"")  # created, then the run was killed (or the disk was full)
    env = _env(tmp_path)
    code = "from pladlint.signing import signing_key; print(signing_key().hex())"
    keys = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, timeout=120).stdout.strip() for _ in range(2)]
    assert keys[0] and keys[0] == keys[1], "each run signs with a key of its own"


# -- a full disk ----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path) -> Path:
    """An 8 MB tmpfs (root only): a disk that really fills up. (8, not 6: the cache keeps
    each page's report pieces beside its result, which about doubles its size.)"""
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs",
                               str(mount)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the in-process tests simulate it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=30)


def _fill(disk: Path, leave: int) -> Path:
    """Fill `disk` until fewer than `leave` bytes are free; returns the filler file."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        block = b"\x01" * 65536
        while True:
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            if free <= leave:
                break
            try:
                fh.write(block[: max(4096, min(len(block), free - leave))])
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    return filler


@pytest.mark.parametrize("leave", [0, 96 * 1024], ids=["full", "nearly-full"])
def test_full_disk(site, clean, fixed, small_disk, tmp_path, leave) -> None:
    disk = small_disk
    shutil.copytree(site / "pages", disk / "pages")
    before = _snapshot(disk / "pages")
    (disk / "tmp").mkdir()
    env = _env(tmp_path, PLADLINT_CACHE_DIR=str(disk / "cache"), TMPDIR=str(disk / "tmp"))
    filler = _fill(disk, leave)

    # A check: the same report; what the cache could not store is simply not cached.
    _same_report(_check(disk, env, "--format", "json", "--jobs", "2"), clean)
    _same_report(_check(disk, env, "--format", "json", "--jobs", "1"), clean)
    assert not list((disk / "cache").rglob("*.pladlint.tmp"))

    # A report file that cannot be written: one clear line, exit 2.
    _fill(disk, 0)
    run = _check(disk, env, "--format", "json:report.json", "--jobs", "1")
    assert run.returncode == 2
    assert run.stderr.decode().strip().splitlines()[-1].startswith(
        "pladlint: error: report.json: cannot write report: No space left on device")

    # --fix with no room for the fixed pages: one line per page, exit 2, nothing changed.
    run = _check(disk, env, "--fix", "--jobs", "2")
    assert run.returncode == 2, run.stderr
    errors = [line for line in run.stderr.decode().splitlines() if "error" in line]
    assert errors and all("cannot write the fixes (No space left on device); the file is "
                          "unchanged" in line for line in errors), run.stderr
    assert b"Traceback" not in run.stderr and b"internal error" not in run.stderr
    assert _snapshot(disk / "pages") == before  # no page half-written, no temporary file left

    # Room again: the cache and the pages are sound, and the next runs are right.
    filler.unlink()
    _same_report(_check(disk, env, "--format", "json", "--jobs", "2"), clean)
    run = _check(disk, env, "--fix", "--jobs", "2")
    assert run.returncode in (0, 1), run.stderr
    assert _snapshot(disk / "pages") == fixed


class _FillingFile:
    """A raw file that accepts `room` bytes, the last write only in part, then ENOSPC."""

    def __init__(self, inner, room: int) -> None:
        self.inner, self.room = inner, room

    def write(self, data) -> int:
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = self.inner.write(bytes(data[: self.room]))
        self.room -= n
        return n

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_spool_keeps_every_result_when_the_disk_fills() -> None:
    from pladlint.api import lint_text
    from pladlint.engine.spool import ResultSpool

    rng = random.Random(3)
    results = [lint_text(_page(rng, i), path=f"p{i}.md") for i in range(12)]
    spool = ResultSpool()
    spool._file = _FillingFile(spool._file, room=sum(
        len(__import__("pickle").dumps(r, protocol=5)) for r in results[:5]) + 100)
    for r in results:
        spool.append(r)
    assert len(spool) == 12 and spool._held  # some went to memory
    assert list(spool) == results and [r.source for r in spool] == [r.source for r in results]
    assert spool.findings == sum(len(r.findings) for r in results)
    spool.close()


def test_spool_without_a_writable_temporary_folder(monkeypatch) -> None:
    import tempfile

    from pladlint.api import lint_text
    from pladlint.engine.spool import ResultSpool

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    spool = ResultSpool()
    results = [lint_text(f"# Page {i}\n\nIn order to rest, go home.\n") for i in range(3)]
    for r in results:
        spool.append(r)
    assert list(spool) == results and spool[-1] == results[-1]
    spool.close()


def test_cache_put_on_a_full_disk_is_a_quiet_miss(tmp_path, monkeypatch) -> None:
    from pladlint import fileio
    from pladlint.api import lint_text
    from pladlint.engine.cache import ResultCache
    from pladlint.config import Config

    cache = ResultCache(tmp_path / "cache")
    result = lint_text("# Rest\n\nIn order to rest, go home.\n")
    key = cache.key(b"x", Config(), "p.md", None)
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, mode):
            self.fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fdopen", Full)
    cache.put(key, result)  # no error
    monkeypatch.undo()
    assert cache.get(key) is None
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file()
                and p.suffix not in ("", ".TAG") and p.name != ".gitignore"]
    cache.put(key, result)
    assert cache.get(key) == result


# -- an interrupted --fix -------------------------------------------------------------------

_KILL_AT_RENAME = """
import os, signal, sys
stop_at = int(sys.argv[1])
renames = 0
real_replace = os.replace
def replace(src, dst, *args, **kwargs):
    global renames
    if str(dst).endswith(".md"):
        renames += 1
        if renames == stop_at:  # the fixed page is written to its temporary file: die now
            os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
sys.argv = ["pladlint", *sys.argv[2:]]
from pladlint.cli import run
run()
"""


@pytest.mark.parametrize("stop_at", [1, 9])
def test_fix_killed_before_a_rename_leaves_pages_old_or_new(site, fixed, tmp_path,
                                                            stop_at) -> None:
    shutil.copytree(site / "pages", tmp_path / "pages")
    before = _snapshot(tmp_path / "pages")
    env = _env(tmp_path)
    run = subprocess.run([sys.executable, "-c", _KILL_AT_RENAME, str(stop_at), "check", "pages",
                          "--today", TODAY, "--fix", "--no-cache", "--jobs", "1"],
                         cwd=tmp_path, env=env, capture_output=True, timeout=600)
    assert run.returncode == -signal.SIGKILL, run.stderr
    after = _snapshot(tmp_path / "pages")
    pages = {n: b for n, b in after.items() if n.endswith(".md")}
    assert set(pages) == set(before)
    for name, data in pages.items():
        assert data in (before[name], fixed[name]), f"{name} is neither old nor new"
    changed = [n for n in pages if pages[n] != before[n]]
    assert len(changed) == stop_at - 1
    # What the kill can leave: the one temporary file it interrupted, hidden, whole, and
    # never taken for a page.
    leftovers = [n for n in after if n not in pages]
    assert len(leftovers) == 1 and leftovers[0].startswith(".") \
        and leftovers[0].endswith(".pladlint.tmp")
    assert after[leftovers[0]] in fixed.values()
    # The next --fix finishes the job.
    run = _check(tmp_path, env, "--fix", "--no-cache", "--jobs", "2")
    assert run.returncode in (0, 1), run.stderr
    assert {n: b for n, b in _snapshot(tmp_path / "pages").items() if n.endswith(".md")} == fixed


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_fix_write_failure_leaves_the_page_and_no_temporary_file(tmp_path, monkeypatch,
                                                                  failing) -> None:
    from click.testing import CliRunner

    from pladlint import fileio
    from pladlint.cli import main

    page = tmp_path / "page.md"
    original = b"# Rest\r\n\r\nIn order to rest, go home prior to noon.\r\n"
    page.write_bytes(original)

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fd, mode):
                self.fh = real_fdopen(fd, mode)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])  # half the page reaches the disk
                fail()

        monkeypatch.setattr(fileio.os, "fdopen", Full)
    else:
        monkeypatch.setattr(fileio.os, failing, fail)
    result = CliRunner().invoke(main, ["check", str(page), "--fix", "--no-cache"])
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert "cannot write the fixes (No space left on device); the file is unchanged" \
        in result.output
    assert "internal error" not in result.output
    assert page.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
