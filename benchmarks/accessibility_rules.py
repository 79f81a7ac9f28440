"""Time the accessibility and metadata rules alone (parsing excluded) over a folder of pages.

    PYTHONPATH=src python benchmarks/accessibility_rules.py ../shared/corpus/nci [--limit N]

Prints, per rule, the total time, the time per page and the number of findings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from pladlint.checks import find_rule
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.engine import build_context

RULES = ["image-alt-missing", "image-alt-quality", "link-text-vague", "heading-empty",
         "heading-skip", "heading-first-level", "acronym-unexpanded",
         "metadata-review-overdue", "metadata-invalid", "metadata-missing"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.md"))
    if args.limit:
        paths = paths[: args.limit]
    config = Config()
    contexts = []
    for path in paths:
        doc = parse_document(path, path.read_text(encoding="utf-8"))
        contexts.append(build_context(doc, config, dt.date(2026, 11, 28)))
    print(f"{len(contexts)} pages")
    print(f"{'rule':26s} {'total s':>8s} {'ms/page':>8s} {'findings':>9s}")
    for name in RULES:
        rule = find_rule(name)
        options = config.rule_setting(rule).options
        start = time.perf_counter()
        found = sum(1 for ctx in contexts for _ in rule.check(ctx, options))
        took = time.perf_counter() - start
        print(f"{name:26s} {took:8.3f} {1000 * took / len(contexts):8.2f} {found:9d}")


if __name__ == "__main__":
    main()
