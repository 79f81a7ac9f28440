"""Readability accuracy on paired technical / plain texts, and on rated sentences.

    python benchmarks/readability_pairs.py --eval ../shared/eval [--limit N]

(a) Cochrane (`cochrane-dev.jsonl`: technical abstract, plain-language summary) and PLABA
    (`plaba-dev.jsonl`: PubMed abstract, NLM's plain adaptation): each text goes through
    pladlint's own pipeline (prose view, spaCy sentences, textstat) as a one-section page.
    Prints, for the consensus grade and for each formula, the share of pairs in which the
    plain side reads easier (a lower grade; a higher Flesch Reading Ease), and the mean of
    each side.
(b) MedReadMe (`medreadme-dev.tsv`: sentences with human difficulty ratings): Spearman
    correlation of each sentence's consensus grade with the rating.

Prints figures; asserts nothing. Reads ../shared only through the path given.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from pladlint.config import Config  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402
from pladlint.language.readability import ENGLISH_FORMULAS  # noqa: E402

CONFIG = Config()
EASE = {"flesch_reading_ease"}  # higher is easier


def score(text: str):
    ctx = build_context(parse_document("pair.md", text), CONFIG)
    return ctx.document_score


def pairs_cochrane(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield row["technical"], row["plain"]


def pairs_plaba(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            technical = " ".join(row["abstract"])
            for adaptation in row["adaptations"].values():
                plain = " ".join(v for _, v in sorted(adaptation.items(), key=lambda kv: int(kv[0])))
                if plain.strip():
                    yield technical, plain
                    break


def report_pairs(name: str, pairs, limit: int | None) -> None:
    start = time.perf_counter()
    rows = []
    for n, (technical, plain) in enumerate(pairs):
        if limit is not None and n >= limit:
            break
        t, p = score(technical), score(plain)
        if t.grade is None or p.grade is None:
            continue
        rows.append((t, p))
    if not rows:
        print(f"{name}: no pairs")
        return
    print(f"\n{name}: {len(rows)} pairs ({time.perf_counter() - start:.0f} s)")
    print(f"  {'measure':32} {'plain easier':>12} {'mean technical':>15} {'mean plain':>11}")
    measures = [("consensus grade", None)] + [(f, f) for f in ENGLISH_FORMULAS]
    for label, key in measures:
        tech = [t.grade if key is None else t.scores[key] for t, _ in rows]
        plain = [p.grade if key is None else p.scores[key] for _, p in rows]
        if key in EASE:
            easier = sum(1 for a, b in zip(tech, plain) if b > a)
        else:
            easier = sum(1 for a, b in zip(tech, plain) if b < a)
        print(f"  {label:32} {100 * easier / len(rows):11.1f}% {statistics.mean(tech):15.1f} "
              f"{statistics.mean(plain):11.1f}")


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    return cov / (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5


def report_sentences(path: Path, limit: int | None) -> None:
    grades, ratings = [], []
    with path.open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t")):
            if limit is not None and n >= limit:
                break
            s = score(row["sentence"])
            if s.grade is not None:
                grades.append(s.grade)
                ratings.append(float(row["readability"]))
    if grades:
        print(f"\nMedReadMe: {len(grades)} sentences; Spearman rho (consensus grade vs human "
              f"difficulty rating) = {spearman(grades, ratings):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, required=True, help="folder with the eval sets")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per set")
    args = ap.parse_args()
    cochrane = args.eval / "cochrane-dev.jsonl"
    if cochrane.exists():
        report_pairs("Cochrane technical abstract vs plain-language summary",
                     pairs_cochrane(cochrane), args.limit)
    plaba = args.eval / "plaba-dev.jsonl"
    if plaba.exists():
        report_pairs("PLABA PubMed abstract vs NLM plain adaptation", pairs_plaba(plaba),
                     args.limit)
    medreadme = args.eval / "medreadme-dev.tsv"
    if medreadme.exists():
        report_sentences(medreadme, args.limit)


if __name__ == "__main__":
    main()
