"""Robustness benchmark: fuzz cases and crashes, slowest input per MB, peak memory on big files.

    PYTHONPATH=src python benchmarks/robustness.py                 # defaults (a few minutes)
    PYTHONPATH=src python benchmarks/robustness.py --fuzz 5000 --lint-mb 50

Prints:
  * fuzz cases run and crashes (must be 0): generated pages (tests/markdown_strategies.py)
    through `api.lint_bytes`, each outcome checked as tests/test_fuzz.py does;
  * the scale inputs of issue 7 at full size (1 MB line, 10,000 headings, 1,000-deep list,
    20,000 files, symlink loop, pathological runs) with their time and seconds per MB;
  * the slowest input per MB over all of them;
  * peak memory (peak RSS of a child process, VmHWM) for a 50 MB file at the default max-file-size
    (refused unread) and for an N MB file linted with the limit raised (`--lint-mb`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

MB = 1024 * 1024
PARAGRAPH = ("The doctor may do a biopsy to check for cancer cells. You can rest at home "
             "after the test, and most people feel fine the next day.\n\n")


def fuzz(n: int, save: Path | None) -> tuple[int, int, list[tuple[float, int, bytes]]]:
    from hypothesis import HealthCheck, given, settings

    from markdown_strategies import page_bytes
    from test_fuzz import run_bytes

    timings: list[tuple[float, int, bytes]] = []
    crashes: list[str] = []
    run_bytes(b"# warm up\n\nThe pipeline loads once.\n")

    @settings(max_examples=n, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(page_bytes())
    def case(data: bytes) -> None:
        start = time.perf_counter()
        try:
            run_bytes(data)
        except BaseException as exc:  # counted, not raised: hypothesis would stop and shrink
            crashes.append(f"{type(exc).__name__}: {exc}"[:300] + f" on {data[:200]!r}")
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"crash-{len(crashes)}.md").write_bytes(data)
        timings.append((time.perf_counter() - start, len(data), data))

    case()
    for c in crashes[:5]:
        print("  crash:", c)
    return len(timings), len(crashes), timings


def realistic_page(size: int = MB) -> str:
    """A realistic page of about `size` bytes: sections of five plain paragraphs each."""
    return ("## Section\n\n" + PARAGRAPH * 5) * (size // 700)


def many_headings(n: int = 10_000) -> str:
    """`n` headings in one file, each over one short line of text."""
    return "".join(f"## Heading {i}\n\nShort text {i}.\n\n" for i in range(n))


def scale_inputs() -> dict[str, str]:
    return {
        "1 MB single line": "word " * (MB // 5),
        "10,000 headings": many_headings(10_000),
        "list nested 1,000 deep": "".join("  " * i + "- item\n" for i in range(1000)),
        "blockquote 1,000 deep": ">" * 1000 + " deep\n",
        "20,000 '[' without spaces": "[" * 20_000 + "\n",
        "10,000 unclosed '<!--'": "<!--" * 10_000 + "\n",
        "realistic 1 MB page": realistic_page(MB),
    }


def time_scale(results: list[tuple[str, float, int]]) -> None:
    from pladlint.api import lint_text
    from pladlint.config import Config

    lint_text("# warm up\n\nThe pipeline loads once.\n", Config())
    for name, text in scale_inputs().items():
        start = time.perf_counter()
        lint_text(text, Config(), "scale.md")
        took = time.perf_counter() - start
        size = len(text.encode())
        results.append((name, took, size))
        print(f"  {name:<28} {size / MB:7.2f} MB {took:8.2f} s {took / (size / MB):9.1f} s/MB")


def time_tree() -> None:
    from pladlint.api import lint_paths
    from pladlint.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for d in range(20):
            folder = root / f"d{d:02}"
            folder.mkdir()
            for f in range(1000):
                (folder / f"p{f:04}.md").write_text(f"# Page {f}\n\nShort page {d}.\n")
        (root / "d00" / "loop").symlink_to("..", target_is_directory=True)
        (root / "a.md").symlink_to("b.md")
        (root / "b.md").symlink_to("a.md")
        start = time.perf_counter()
        result = lint_paths([root], Config(), jobs=1)
        took = time.perf_counter() - start
        print(f"  20,000 files + symlink loops: {len(result.files)} linted, "
              f"{len(result.errors)} errors ({sorted({e.message for e in result.errors})}), "
              f"{took:.1f} s, {took / 20_000 * 1000:.1f} ms/file")


CHILD = """
import resource, sys, time
from pathlib import Path
from pladlint.api import lint_file
from pladlint.config import Config
config = Config(max_file_size=int(sys.argv[2]))
start = time.perf_counter()
outcome = lint_file(Path(sys.argv[1]), config)
took = time.perf_counter() - start
kind = type(outcome).__name__
detail = getattr(outcome, "message", None) or f"{len(outcome.findings)} findings"
try:  # VmHWM: this process's own peak (ru_maxrss keeps the parent's peak across exec)
    status = Path("/proc/self/status").read_text()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) // 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(kind, round(took, 2), peak, detail)
"""


def peak_memory(path: Path, limit: int) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(limit)], env=env,
                         capture_output=True, text=True, check=True).stdout.split(maxsplit=3)
    kind, took, rss, detail = out
    return f"{kind} in {took} s, peak RSS {rss} MB ({detail.strip()})"


def big_file(path: Path, size: int) -> None:
    chunk = ("## Section\n\n" + PARAGRAPH * 5).encode()
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(chunk)
            written += len(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz", type=int, default=1000, help="fuzz cases to run")
    parser.add_argument("--lint-mb", type=float, default=2,
                        help="size of the file linted with max-file-size raised (MB)")
    parser.add_argument("--skip-tree", action="store_true", help="skip the 20,000-file tree")
    parser.add_argument("--save-crashes", type=Path, help="write crashing inputs to this folder")
    args = parser.parse_args()

    print(f"fuzzing {args.fuzz} generated pages ...")
    cases, crashes, timings = fuzz(args.fuzz, args.save_crashes)
    print(f"fuzz cases run: {cases}")
    print(f"crashes: {crashes}")
    slow = max(timings, key=lambda t: t[0] / max(t[1], 1024))  # sizes under 1 KB count as 1 KB
    print(f"slowest fuzz case: {slow[0] * 1000:.0f} ms for {slow[1]} bytes "
          f"({slow[0] / (max(slow[1], 1024) / MB):.1f} s/MB): {slow[2][:80]!r}...")

    print("scale inputs at full size:")
    results: list[tuple[str, float, int]] = []
    time_scale(results)
    worst = max(results, key=lambda r: r[1] / (r[2] / MB))
    print(f"slowest input per MB: {worst[0]}: {worst[1] / (worst[2] / MB):.1f} s/MB")
    if not args.skip_tree:
        time_tree()

    with tempfile.TemporaryDirectory() as tmp:
        fifty = Path(tmp) / "fifty.md"
        big_file(fifty, 50 * MB)
        print(f"peak memory, 50 MB file at the default max-file-size: "
              f"{peak_memory(fifty, 10 * MB)}")
        n = Path(tmp) / "n.md"
        big_file(n, int(args.lint_mb * MB))
        print(f"peak memory, {args.lint_mb:g} MB file linted (max-file-size raised): "
              f"{peak_memory(n, 64 * MB)}")
    print(json.dumps({"fuzz_cases": cases, "crashes": crashes}))


if __name__ == "__main__":
    main()
