"""Agreement with two health-literacy editors, overall and per source (NCI, Cochrane, PLABA).

    python benchmarks/jargon_gold.py ../shared/eval/jargon-gold            # dev split
    python benchmarks/jargon_gold.py ../shared/eval/jargon-gold --show     # misses, false alarms

Lints the gold set's pages once (`pladlint check --format json`), then runs the set's own
scorer (`score.py`, which decides what a match is) on all pages and on each source's pages.
Pages are told apart by their names: `dNN-cochrane-*`, `dNN-plaba-*`, the rest are NCI pages.
Prints the scorer's figures; asserts nothing. Nothing from the gold set goes into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

GROUPS = ("needs-help", "hard-word")
FIGURES = ("findings", "precision", "recall_both_editors", "recall_either_editor")


def source_of(stem: str) -> str:
    for name in ("cochrane", "plaba"):
        if f"-{name}-" in stem:
            return name
    return "nci"


def lint(files: list[Path]) -> dict:
    proc = subprocess.run([sys.executable, "-m", "pladlint", "check", "--no-cache", "--format",
                           "json", "--today", "2026-12-07", *map(str, files)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"pladlint exited {proc.returncode}: {proc.stderr[-400:]}")
    return json.loads(proc.stdout)


def score(root: Path, split: str, report: Path, editors: list[Path], show: bool) -> str:
    cmd = [sys.executable, str(root / "score.py"), str(root), split, *map(str, editors),
           "--findings", str(report)]
    if show:
        cmd.append("--show")
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def figures(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        if value and not line.startswith(" "):
            out[name] = value.split()[0]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path, help="the gold set folder (with score.py)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", action="store_true", help="print the scorer's misses and alarms")
    args = ap.parse_args()
    root = args.root.resolve()
    files = sorted((root / args.split).glob("*.md"))
    editors = [root / "editor-A.jsonl", root / "editor-B.jsonl"]
    report = lint(files)
    by_source: dict[str, list[Path]] = {}
    for f in files:
        by_source.setdefault(source_of(f.stem), []).append(f)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, subset in [("all", files), *sorted(by_source.items())]:
            folder = Path(tmp) / name
            (folder / args.split).mkdir(parents=True)
            for f in subset:
                (folder / args.split / f.name).symlink_to(f)
            (folder / "score.py").symlink_to(root / "score.py")
            stems = {f.stem for f in subset}
            part = dict(report, files=[r for r in report["files"] if Path(r["path"]).stem in stems])
            path = folder / "report.json"
            path.write_text(json.dumps(part))
            out = score(folder, args.split, path, editors, args.show and name == "all")
            rows.append((name, len(subset), figures(out)))
            if args.show and name == "all":
                print(out)
    print(f"{'pages':<10}{'n':>4}  " + "  ".join(f"{g + ' ' + f:>34}" for g in GROUPS
                                                  for f in FIGURES[1:3]))
    for name, n, fig in rows:
        cells = [fig.get(f"{g}_{f}", "-") for g in GROUPS for f in FIGURES[1:3]]
        print(f"{name:<10}{n:>4}  " + "  ".join(f"{c:>34}" for c in cells))
    for name, n, fig in rows:
        print(f"{name}: " + ", ".join(f"{g} {fig.get(g + '_findings', '-')} findings"
                                      for g in GROUPS))


if __name__ == "__main__":
    main()
