"""How fast the CI formats render a big report, and how large it is.

    PYTHONPATH=src python benchmarks/ci_formats.py [--findings 20000]

The findings are synthetic (one page's findings repeated over many files), so the figures
measure the formatters, suppressions and fingerprints alone, not the rules.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from pladlint.api import lint_text
from pladlint.config import Config
from pladlint.findings import FileResult, LintResult
from pladlint.engine.fingerprints import assign_fingerprints
from pladlint.formatters import FormatOptions, get_formatter

PAGE = "# Scan\n\nThe biopsy showed carcinoma.\n\n![](scan.png)\n\n<img src='b.png'>\n"
FORMATS = ("sarif", "github", "junit", "codeclimate", "checkstyle", "rdjson", "json")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=20_000)
    parser.add_argument("--per-file", type=int, default=20)
    args = parser.parse_args()
    seed = lint_text(PAGE, Config(), path="docs/page.md").findings[0]
    files = []
    t0 = time.perf_counter()
    for i in range(args.findings // args.per_file):
        path = f"docs/section-{i // 100}/page-{i}.md"
        found = [replace(seed, path=path, start=j * 10, end=j * 10 + 5, line=j + 1,
                         end_line=j + 1, text=f"term{j % 7}") for j in range(args.per_file)]
        files.append(FileResult(path=path, audience="patient", language="en",
                                findings=assign_fingerprints(found, path)))
    fp = time.perf_counter() - t0
    result = LintResult(files=files)
    n = len(result.findings)
    print(f"{n} findings in {len(files)} files; fingerprints: {fp:.2f} s")
    print(f"{'format':<12} {'seconds':>8} {'KiB':>9}")
    for name in FORMATS:
        t = time.perf_counter()
        out = get_formatter(name)(result, FormatOptions())
        print(f"{name:<12} {time.perf_counter() - t:8.2f} {len(out.encode()) // 1024:9d}")


if __name__ == "__main__":
    main()
