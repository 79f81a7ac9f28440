"""Fuzz campaign: generated pages through the library and the command line, every property checked.

    PYTHONPATH=src python benchmarks/fuzz.py                        # 100,000 cases, 2,000 by CLI
    PYTHONPATH=src python benchmarks/fuzz.py --cases 5000 --cli-cases 200 --workers 2

Pages come from tests/markdown_strategies.py (`rich_page`: nested lists, tables, HTML blocks,
front matter, links, footnotes, line endings mixed line by line, characters of every Unicode
general category, the wordy phrases and glossary terms `--fix` rewrites), drawn by hypothesis
with a large example budget, split over `--workers` processes (each its own seed). Hypothesis
keeps its example database in `--db` (default .hypothesis/fuzz/): the pages that scored best on
the `target()` measures (distinct rules fired, findings, fixes, time per KB) are replayed and
mutated by the next run, and so are the crash inputs saved in `--save`.

Checked on every case (`lint_text`, or `lint_bytes` for the damaged tenth):
  * no exception (a FrontMatterError from lint_text and a one-line FileError are the
    documented outcomes);
  * every finding's span lies inside the file, `file[start:end] == finding.text`, and its
    1-based line/column (start and end) turn back into the same offsets;
  * findings are sorted; messages are one line;
  * the `--fix` plan (swaps, and glossary links for the tenth of cases linted with
    `glossary-url` set): edits sorted, not overlapping, each replacing exactly the text it
    names; applied, they change nothing outside their spans; fixing the fixed page plans no
    more edits (applied twice equals once).
Checked on the command-line sample (batches of `--batch` pages written to a folder):
  * `--jobs 1` (no cache) and `--jobs 2` (cold cache) print byte-identical JSON and exit alike,
    with no traceback;
  * `check --fix` twice: the second run changes nothing, and every file after the first is
    exactly what the library's fix plan gives (old bytes where there is nothing to fix).

A failing case is shrunk (lines, then characters, as long as the same property still fails)
and the minimal input printed and saved. Line coverage of pladlint (coverage.py, when
installed) is measured over the library cases and the `--jobs 1` CLI runs, and printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

TODAY = dt.date(2026, 11, 28)
GLOSSARY_URL = "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/{slug}"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
PROGRESS_EVERY = int(os.environ.get("PLADLINT_FUZZ_PROGRESS", "2500"))  # cases: a progress line, the CLI batches due, figures so far on disk


class PropertyFailure(Exception):
    """A property that failed; `prop` names it (the crash's signature), `detail` says how."""

    def __init__(self, prop: str, detail: str) -> None:
        super().__init__(f"{prop}: {detail}")
        self.prop = prop


def expect(ok: bool, prop: str, detail: object = "") -> None:
    if not ok:
        raise PropertyFailure(prop, str(detail)[:400])


# -- the properties ----------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    """Independent of pladlint's LineIndex on purpose: CommonMark line ends, by a regex."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def offset_of(starts: list[int], text: str, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts):
        return None
    base = starts[line - 1]
    limit = starts[line] if line < len(starts) else len(text)
    if not 1 <= column <= limit - base + 1:
        return None
    return base + column - 1


def check_outcome(outcome, text: str | None) -> None:
    from pladlint.findings import FileError, FileResult

    if isinstance(outcome, FileError):
        expect("internal error" not in outcome.message, "no-internal-error", outcome.message)
        expect("\n" not in outcome.message and bool(outcome.message.strip()),
               "one-line-error", repr(outcome.message))
        return
    expect(isinstance(outcome, FileResult), "outcome-type", repr(outcome))
    expect(text is not None, "only-utf8-linted")
    starts = line_starts(text)
    for f in outcome.findings:
        expect(0 <= f.start <= f.end <= len(text), f"span-inside-file[{f.rule}]", f)
        expect(f.text == text[f.start:f.end], f"span-text[{f.rule}]", f)
        expect(offset_of(starts, text, f.line, f.column) == f.start,
               f"line-column-start[{f.rule}]", f)
        expect(offset_of(starts, text, f.end_line, f.end_column) == f.end,
               f"line-column-end[{f.rule}]", f)
        expect(bool(f.message) and "\n" not in f.message, f"one-line-message[{f.rule}]",
               repr(f.message))
    expect(outcome.findings == sorted(outcome.findings, key=lambda f: f.sort_key()),
           "findings-sorted")


def fix_plan(result, config) -> tuple[list, str]:
    """The edits `check --fix` makes (with links when the config sets glossary-url)."""
    from pladlint.fixes import apply_edits, fix_file

    edits, _ = fix_file(Path(result.path), result, config, write=False,
                        links=bool(config.glossary_url))
    return edits, apply_edits(result.source, edits)


def check_fix(result, config) -> tuple[int, int]:
    """The fix plan's properties; returns (edits planned, edits planned again after fixing)."""
    from pladlint.api import lint_text
    from pladlint.document import FrontMatterError

    source = result.source
    edits, after = fix_plan(result, config)
    last = 0
    pos = 0  # the same place in `after`
    for e in edits:
        expect(last <= e.start <= e.end <= len(source), f"fix-edits-ordered[{e.rule}]", e)
        expect(source[e.start:e.end] == e.old, f"fix-edit-old-text[{e.rule}]", e)
        expect(e.new != e.old, f"fix-edit-changes[{e.rule}]", e)
        gap = source[last:e.start]
        expect(after[pos:pos + len(gap)] == gap, "fix-outside-unchanged", e)
        pos += len(gap)
        expect(after[pos:pos + len(e.new)] == e.new, f"fix-edit-applied[{e.rule}]", e)
        pos += len(e.new)
        last = e.end
    expect(after[pos:] == source[last:], "fix-outside-unchanged", "tail")
    if not edits:
        return 0, 0
    try:
        again = lint_text(after, config, result.path, TODAY)
    except FrontMatterError as exc:
        raise PropertyFailure("fix-keeps-front-matter", str(exc)) from None
    check_outcome(again, after)
    edits2, after2 = fix_plan(again, config)
    expect(not edits2, "fix-idempotent",
           f"second fix plans {[(e.rule, e.old, e.new) for e in edits2]}")
    return len(edits), len(edits2)


def run_case(text: str, data: bytes | None, glossary: bool) -> dict:
    """One case through the library; raises on a failed property. Returns a few measures."""
    from pladlint.api import lint_bytes, lint_text
    from pladlint.config import Config
    from pladlint.document import FrontMatterError
    from pladlint.findings import FileResult

    config = Config(glossary_url=GLOSSARY_URL if glossary else None)
    if data is not None:
        outcome = lint_bytes(data, config, "fuzz.md", TODAY)
        check_outcome(outcome, decoded(data))
    else:
        try:
            outcome = lint_text(text, config, "fuzz.md", TODAY)
        except FrontMatterError as exc:
            expect("\n" not in str(exc) and bool(str(exc).strip()), "one-line-front-matter-error",
                   repr(str(exc)))
            return {"findings": 0, "rules": 0, "edits": 0}
        check_outcome(outcome, text)
    if not isinstance(outcome, FileResult):
        return {"findings": 0, "rules": 0, "edits": 0}
    edits, _ = check_fix(outcome, config)
    return {"findings": len(outcome.findings),
            "rules": len({f.rule for f in outcome.findings}), "edits": edits}


def decoded(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def signature(exc: BaseException) -> str:
    """What makes two failures the same bug: the property, or the exception and its place."""
    if isinstance(exc, PropertyFailure):
        return exc.prop
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "pladlint" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {where}"


# -- shrinking ---------------------------------------------------------------------------


def shrink(value, fails, budget: int = 400):
    """A smaller `value` (str or bytes) for which `fails(value)` is still true: removes
    chunks of lines, then of characters, halving the chunk size (ddmin, greedy)."""
    tries = 0

    def attempt(candidate) -> bool:
        nonlocal tries
        tries += 1
        try:
            return bool(fails(candidate))
        except Exception:
            return False

    for split_lines in (True, False):
        if split_lines:
            sep = "\n" if isinstance(value, str) else b"\n"
            parts = value.split(sep)
            join = lambda ps: sep.join(ps)  # noqa: E731
        else:
            parts = list(value) if isinstance(value, str) else [bytes([b]) for b in value]
            join = lambda ps: ("" if isinstance(value, str) else b"").join(ps)  # noqa: E731
        chunk = max(1, len(parts) // 2)
        while chunk >= 1 and tries < budget:
            i, changed = 0, False
            while i < len(parts) and tries < budget:
                candidate = parts[:i] + parts[i + chunk:]
                if attempt(join(candidate)):
                    parts, changed = candidate, True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        value = join(parts)
    return value


# -- one shard: hypothesis over the library, then the CLI sample -------------------------


def shard(args: argparse.Namespace) -> None:
    cov = None
    if args.coverage:
        try:
            import coverage
        except ImportError:
            coverage = None
        if coverage is not None:
            cov = coverage.Coverage(data_file=str(Path(args.work) / ".coverage"),
                                    data_suffix=f"api{args.shard}", source_pkgs=["pladlint"])
            cov.start()

    from hypothesis import HealthCheck, Phase, given, seed, settings, target
    from hypothesis.control import currently_in_test_context
    from hypothesis import strategies as st
    from hypothesis.database import DirectoryBasedExampleDatabase

    from markdown_strategies import rich_page

    run_case("# warm up\n\nThe doctor may do a biopsy in order to check.\n", None, True)
    every = max(1, args.cases // args.cli_cases) if args.cli_cases else 0
    cli_pool: list[bytes] = []
    crashes: dict[str, dict] = {}
    counts = {"cases": 0, "bytes_cases": 0, "glossary_cases": 0, "file_errors": 0,
              "findings": 0, "fix_cases": 0, "edits": 0}
    started = time.perf_counter()

    cli = {"cases": 0, "batches": 0, "seconds": 0.0, "failures": []}

    def run_cli(pages: list[bytes]) -> None:
        if not pages:
            return
        found = cli_sample(pages, args, first_batch=cli["batches"])
        cli["cases"] += found["cli_cases"]
        cli["batches"] += found["cli_batches"]
        cli["seconds"] += found["cli_seconds"]
        cli["failures"] += found["cli_failures"]

    def progress() -> None:
        """Run the CLI batches gathered so far, and leave the figures so far on disk."""
        while len(cli_pool) >= args.batch:
            run_cli(cli_pool[:args.batch])
            del cli_pool[:args.batch]
        Path(args.out + ".progress").write_text(json.dumps({
            **counts, "cli_cases": cli["cases"], "cli_failures": cli["failures"],
            "seconds": time.perf_counter() - started,
            "crashes": {sig: {"count": e["count"], "error": e["error"],
                              "example": e["example"].decode("utf-8", "backslashreplace")}
                        for sig, e in crashes.items()}}))
        print(f"  shard {args.shard}: {counts['cases']:,} cases, {len(crashes)} crashes, "
              f"{cli['cases']} CLI pages, {len(cli['failures'])} CLI failures, "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    def stop_coverage() -> None:
        nonlocal cov
        if cov is not None:
            cov.stop()
            cov.save()
            cov = None

    def record(exc: BaseException, text: str, data: bytes | None, glossary: bool) -> None:
        sig = signature(exc)
        entry = crashes.setdefault(sig, {"count": 0, "example": None, "error": None,
                                         "glossary": glossary, "bytes": data is not None})
        entry["count"] += 1
        if entry["example"] is None:
            entry["example"] = (data if data is not None else text.encode("utf-8", "surrogatepass"))
            entry["error"] = "".join(traceback.format_exception(exc))[-3000:]

    def one(text: str, damage: int, glossary: bool, page_bytes: bytes | None) -> None:
        data = page_bytes if damage else None
        counts["cases"] += 1
        if cov is not None and counts["cases"] > args.coverage_cases:
            stop_coverage()
        counts["bytes_cases"] += data is not None
        counts["glossary_cases"] += glossary
        t0 = time.perf_counter()
        try:
            measures = run_case(text, data, glossary)
        except Exception as exc:  # counted, not raised: the campaign goes on
            record(exc, text, data, glossary)
            return
        took = time.perf_counter() - t0
        counts["findings"] += measures["findings"]
        counts["fix_cases"] += measures["edits"] > 0
        counts["edits"] += measures["edits"]
        if currently_in_test_context():  # (not for the replayed inputs)
            target(float(measures["rules"]), label="distinct rules")
            target(float(measures["edits"]), label="fix edits")
            target(took * 1024 / max(1, len(text)), label="seconds per KB")
        if every and counts["cases"] % every == 0 and cli["cases"] + len(cli_pool) < args.cli_cases:
            cli_pool.append(data if data is not None else text.encode("utf-8", "surrogatepass"))
        if counts["cases"] % PROGRESS_EVERY == 0:
            progress()

    @st.composite
    def case(draw):
        text = draw(rich_page())
        damage = draw(st.integers(0, 9)) == 0
        glossary = draw(st.integers(0, 9)) == 0
        data = None
        if damage:
            raw = text.encode("utf-8", "surrogatepass")
            kind = draw(st.integers(0, 3))
            if kind == 0:
                raw = b"\xef\xbb\xbf" + raw
            elif kind == 1:
                at = draw(st.integers(0, len(raw)))
                raw = raw[:at] + draw(st.sampled_from((b"\x00", b"\xed\xa0\x80", b"\xc3", b"\xff",
                                                       b"\xc0\xaf"))) + raw[at:]
            elif kind == 2:
                raw = text.encode("utf-16", "surrogatepass")
            else:
                raw = raw[: draw(st.integers(0, len(raw)))]
            data = raw
        return text, damage, glossary, data

    # Replayed first: crash inputs kept from earlier runs, and tests/corpus/.
    replay = sorted(Path(args.save).glob("*.md")) if args.shard == 0 else []
    replay += sorted(p for p in (ROOT / "tests" / "corpus").iterdir()
                     if p.suffix == ".md" and p.name != "README.md") if args.shard == 0 else []
    for path in replay:
        raw = path.read_bytes()
        text = decoded(raw)
        one(text if text is not None else "", 0 if text is not None else 1, False, raw)

    db = DirectoryBasedExampleDatabase(args.db) if args.db else None

    @seed(args.seed * 1000 + args.shard)
    @settings(max_examples=args.cases, deadline=None, database=db,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target])
    @given(case())
    def campaign(drawn) -> None:
        one(*drawn)

    campaign()
    api_seconds = time.perf_counter() - started

    # Minimal inputs for what failed.
    for sig, entry in crashes.items():
        raw = entry["example"]
        text = decoded(raw) if not entry["bytes"] else None

        def same(candidate, _sig=sig, _entry=entry):
            try:
                if _entry["bytes"]:
                    run_case("", candidate, _entry["glossary"])
                else:
                    run_case(candidate, None, _entry["glossary"])
            except Exception as exc:
                return signature(exc) == _sig
            return False

        if entry["bytes"] or text is None:
            small = shrink(raw, same)
        else:
            small = shrink(raw.decode("utf-8", "surrogatepass"), same)
            small = small.encode("utf-8", "surrogatepass")
        entry["minimal"] = small
        save = Path(args.save)
        save.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", sig).strip("-")[:60]
        (save / f"{name}.md").write_bytes(small)

    stop_coverage()
    run_cli(cli_pool)
    out = {**counts, "api_seconds": api_seconds, "cli_cases": cli["cases"],
           "cli_batches": cli["batches"], "cli_seconds": cli["seconds"],
           "cli_failures": cli["failures"],
           "crashes": {sig: {"count": e["count"], "glossary": e["glossary"],
                             "minimal": e["minimal"].decode("utf-8", "backslashreplace"),
                             "error": e["error"]} for sig, e in crashes.items()}}
    Path(args.out).write_text(json.dumps(out))


def _cli(argv: list[str], cwd: Path, env: dict, coverage_file: str | None = None):
    base = [sys.executable]
    if coverage_file:
        base += ["-m", "coverage", "run", "--parallel-mode", f"--data-file={coverage_file}",
                 "--source=pladlint"]
    return subprocess.run(base + ["-m", "pladlint", *argv], cwd=cwd, env=env,
                          capture_output=True, timeout=900)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def cli_sample(pool: list[bytes], args: argparse.Namespace, first_batch: int = 0) -> dict:
    """The sampled pages through `pladlint check`, in batches: jobs 1 vs 2, --fix twice.
    Batches are numbered from `first_batch` (odd ones run with glossary-url set)."""
    from pladlint.api import lint_bytes
    from pladlint.config import load_config
    from pladlint.findings import FileResult
    from pladlint.fixes import apply_edits, fix_file

    failures: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "0"}
    env.pop("PLADLINT_NO_CACHE", None)
    coverage_file = str(Path(args.work) / ".coverage") if args.coverage and _has_coverage() \
        else None
    started = time.perf_counter()
    for b, first in enumerate(range(0, len(pool), args.batch), start=first_batch):
        pages = pool[first:first + args.batch]
        with tempfile.TemporaryDirectory(prefix=f"pladlint-fuzz-{args.shard}-{b}-") as tmp:
            work = Path(tmp)
            pages_dir = work / "pages"
            pages_dir.mkdir()
            glossary = b % 2 == 1
            if glossary:
                (work / ".pladlint.toml").write_text(f'glossary-url = "{GLOSSARY_URL}"\n')
            for i, data in enumerate(pages):
                (pages_dir / f"p{i:04}.md").write_bytes(data)
            common = ["check", "pages", "--format", "json", "--today", TODAY.isoformat()]
            env_b = {**env, "PLADLINT_CACHE_DIR": str(work / "cache")}
            one = _cli(common + ["--jobs", "1", "--no-cache"], work, env,
                       coverage_file if b < 2 else None)  # coverage levels off: 2 batches
            two = _cli(common + ["--jobs", "2"], work, env_b)
            label = f"batch {args.shard}.{b} ({len(pages)} pages)"
            for name, run in (("--jobs 1", one), ("--jobs 2", two)):
                if b"Traceback" in run.stderr or b"internal error" in run.stderr \
                        or run.returncode not in (0, 1, 2):
                    failures.append(f"{label}: {name} exit {run.returncode}: "
                                    f"{run.stderr.decode(errors='replace')[-800:]}")
            if (one.stdout, one.returncode) != (two.stdout, two.returncode):
                failures.append(f"{label}: --jobs 1 and --jobs 2 differ "
                                f"(exit {one.returncode} vs {two.returncode}, "
                                f"{len(one.stdout)} vs {len(two.stdout)} bytes)")
            # --fix, twice; the first must give exactly the library's plan.
            config = load_config(None, pages_dir)
            expected: dict[str, bytes] = {}
            for i, data in enumerate(pages):
                name = f"p{i:04}.md"
                outcome = lint_bytes(data, config, f"pages/{name}", TODAY)
                expected[name] = data
                if isinstance(outcome, FileResult):
                    edits, _ = fix_file(pages_dir / name, outcome, config, write=False,
                                        links=glossary)
                    if edits:
                        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
                        expected[name] = bom + apply_edits(outcome.source, edits).encode(
                            "utf-8", "surrogatepass")
            fix = common[:2] + ["--today", TODAY.isoformat(), "--fix", "--jobs", "2"] + \
                (["--fix-links"] if glossary else [])
            first_fix = _cli(fix, work, env_b)
            after_once = _snapshot(pages_dir)
            second_fix = _cli(fix, work, env_b)
            after_twice = _snapshot(pages_dir)
            for name, run in (("--fix", first_fix), ("--fix again", second_fix)):
                if b"Traceback" in run.stderr or b"internal error" in run.stderr:
                    failures.append(f"{label}: {name}: {run.stderr.decode(errors='replace')[-800:]}")
            for name, data in expected.items():
                if after_once.get(name) != data:
                    failures.append(f"{label}: {name}: --fix wrote something other than its plan")
                if after_twice.get(name) != after_once.get(name):
                    failures.append(f"{label}: {name}: --fix twice differs from once")
            if b"replaced" in second_fix.stderr or b"linked" in second_fix.stderr:
                failures.append(f"{label}: the second --fix still edited: "
                                f"{second_fix.stderr.decode(errors='replace')[-300:]}")
            if failures and args.save:
                keep = Path(args.save) / f"cli-batch-{args.shard}-{b}"
                if not keep.exists():
                    shutil.copytree(work, keep, ignore=shutil.ignore_patterns("cache"))
    return {"cli_cases": len(pool), "cli_batches": -(-len(pool) // args.batch),
            "cli_seconds": time.perf_counter() - started, "cli_failures": failures}


def _has_coverage() -> bool:
    try:
        import coverage  # noqa: F401
    except ImportError:
        return False
    return True


# -- the campaign ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="library cases in all")
    parser.add_argument("--cli-cases", type=int, default=2_000,
                        help="of those, pages also run through `pladlint check`")
    parser.add_argument("--batch", type=int, default=100, help="pages per CLI batch")
    parser.add_argument("--workers", type=int, default=2, help="processes (one seed each)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", default=str(ROOT / ".hypothesis" / "fuzz"),
                        help="hypothesis example database ('' for none)")
    parser.add_argument("--save", default=str(ROOT / ".hypothesis" / "fuzz-crashes"),
                        help="folder for minimal crash inputs (replayed by later runs)")
    parser.add_argument("--no-coverage", dest="coverage", action="store_false")
    parser.add_argument("--coverage-cases", type=int, default=5_000,
                        help="library cases run under coverage.py (it slows them ~2.5x; "
                             "coverage levels off long before): the first N, in all")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--shard", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shard is not None:
        shard(args)
        return

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="pladlint-fuzz-"))
    procs = []
    for i in range(args.workers):
        cases = args.cases // args.workers + (i < args.cases % args.workers)
        cli_cases = args.cli_cases // args.workers + (i < args.cli_cases % args.workers)
        argv = [sys.executable, __file__, "--shard", str(i), "--work", str(work),
                "--out", str(work / f"shard-{i}.json"), "--cases", str(cases),
                "--cli-cases", str(cli_cases), "--batch", str(args.batch),
                "--seed", str(args.seed), "--db", args.db, "--save", args.save,
                "--coverage-cases", str(args.coverage_cases // args.workers)]
        if not args.coverage:
            argv.append("--no-coverage")
        procs.append(subprocess.Popen(argv))
    codes = [p.wait() for p in procs]
    shards = []
    for i, code in enumerate(codes):
        out = work / f"shard-{i}.json"
        if code != 0 or not out.exists():
            print(f"shard {i} failed (exit {code})", file=sys.stderr)
            continue
        shards.append(json.loads(out.read_text()))
    total = {k: sum(s.get(k, 0) for s in shards)
             for k in ("cases", "bytes_cases", "glossary_cases", "findings", "fix_cases", "edits",
                       "cli_cases", "cli_batches")}
    crashes: dict[str, dict] = {}
    for s in shards:
        for sig, c in s["crashes"].items():
            entry = crashes.setdefault(sig, {**c, "count": 0})
            entry["count"] += c["count"]
    cli_failures = [f for s in shards for f in s["cli_failures"]]
    elapsed = time.perf_counter() - started

    print(f"fuzz campaign: {elapsed:.0f} s on {args.workers} workers (seed {args.seed})")
    print(f"  library cases run:      {total['cases']:,} "
          f"({total['bytes_cases']:,} as damaged bytes, {total['glossary_cases']:,} with glossary-url)")
    print(f"  shard time:             {max((s['api_seconds'] for s in shards), default=0):.0f} s, "
          f"of which CLI sample {max((s.get('cli_seconds', 0) for s in shards), default=0):.0f} s "
          f"(slowest shard)")
    print(f"  findings checked:       {total['findings']:,}")
    print(f"  fix plans checked:      {total['fix_cases']:,} pages with edits, "
          f"{total['edits']:,} edits, each fixed twice")
    print(f"  CLI pages:              {total['cli_cases']:,} in {total['cli_batches']} batches "
          f"(--jobs 1 vs 2, --fix twice)")
    print(f"  crashes (distinct):     {len(crashes)} ({sum(c['count'] for c in crashes.values())} cases)")
    for sig, c in sorted(crashes.items()):
        print(f"    {sig}: {c['count']} cases; minimal input {c['minimal']!r}"
              f"{' (glossary-url set)' if c['glossary'] else ''}")
        print("      " + c["error"].strip().splitlines()[-1][:300])
    print(f"  CLI failures:           {len(cli_failures)}")
    for f in cli_failures[:20]:
        print("    " + f[:600])
    percent = None
    if args.coverage and _has_coverage():
        import coverage

        cov = coverage.Coverage(data_file=str(work / ".coverage"), source_pkgs=["pladlint"])
        cov.combine([str(work)], keep=False)
        cov.save()
        with open(os.devnull, "w") as devnull:
            percent = cov.report(file=devnull, show_missing=False, ignore_errors=True)
        report = work / "coverage.txt"
        with report.open("w") as fh:
            cov.report(file=fh, skip_covered=False, sort="cover", ignore_errors=True)
        print(f"  line coverage:          {percent:.1f}% of pladlint, over the first "
              f"{min(args.coverage_cases, total['cases']):,} library cases and the --jobs 1 "
              f"CLI runs (per file: {report})")
    if args.json:
        Path(args.json).write_text(json.dumps({**total, "seconds": elapsed,
                                               "crashes": crashes, "cli_failures": cli_failures,
                                               "coverage": percent}, indent=2))
    sys.exit(1 if crashes or cli_failures or len(shards) != args.workers else 0)


if __name__ == "__main__":
    main()
