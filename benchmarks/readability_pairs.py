"""Readability accuracy on paired technical / plain texts, and on rated sentences.

    python benchmarks/readability_pairs.py --eval ../shared/eval [--limit N]

(a) Cochrane (`cochrane-dev.jsonl`: technical abstract, plain-language summary), PLABA
    (`plaba-dev.jsonl`: PubMed abstract, NLM's plain adaptation) and NCI (`pdq-dev/`:
    patient page, health-professional partner): each text goes through pladlint's own
    pipeline (prose view, spaCy sentences, textstat, the jargon and acronym scans) as a page.
    Prints, for the page difficulty, the consensus grade and each formula, the share of
    pairs in which the plain side reads easier (a lower score; a higher Flesch Reading
    Ease), and the mean of each side.
(b) MedReadMe (`medreadme-dev.tsv`: sentences with human difficulty ratings): Spearman
    correlation with the rating of each sentence's difficulty (the shipped model, fitted on
    these ratings, and the cross-validated figure of `scripts/fit_difficulty.py`), of its
    consensus grade and of each formula.

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

from pladlint.checks.readability.difficulty import page_difficulty  # noqa: E402
from pladlint.config import Config  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402
from pladlint.language.readability import ENGLISH_FORMULAS  # noqa: E402

CONFIG = Config()
EASE = {"flesch_reading_ease"}  # higher is easier


def score(text: str, name: str = "pair.md"):
    """The page's scores, with its difficulty as `scores["difficulty"]`."""
    ctx = build_context(parse_document(name, text), CONFIG)
    scores = ctx.document_score
    d = page_difficulty(ctx)
    if d is not None:
        scores.scores["difficulty"] = d.value
    return scores


def pairs_pdq(root: Path):
    for patient in sorted((root / "patient").glob("*.md")):
        hp = root / "hp" / patient.name.replace("-patient-", "-hp-")
        if hp.is_file():
            yield hp.read_text(encoding="utf-8"), patient.read_text(encoding="utf-8")


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
        if t.grade is None or p.grade is None or "difficulty" not in t.scores \
                or "difficulty" not in p.scores:
            continue
        rows.append((t, p))
    if not rows:
        print(f"{name}: no pairs")
        return
    print(f"\n{name}: {len(rows)} pairs ({time.perf_counter() - start:.0f} s)")
    print(f"  {'measure':32} {'plain easier':>12} {'mean technical':>15} {'mean plain':>11}")
    measures = [("difficulty", "difficulty"), ("consensus grade", None)] + \
        [(f, f) for f in ENGLISH_FORMULAS]
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
    rows, ratings = [], []
    with path.open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t")):
            if limit is not None and n >= limit:
                break
            s = score(row["sentence"])
            if s.grade is not None and "difficulty" in s.scores:
                rows.append(s)
                ratings.append(float(row["readability"]))
    if not rows:
        return
    print(f"\nMedReadMe: {len(rows)} sentences with a grade; Spearman rho with the human "
          "difficulty rating (higher = harder; Flesch Reading Ease negated)")
    cv = _cross_validated(path) if limit is None else None
    label = "difficulty (fitted on these)"
    print(f"  {label:32} {spearman([s.scores['difficulty'] for s in rows], ratings):.3f}")
    if cv is not None:
        print(f"  {'difficulty, cross-validated':32} {cv:.3f}")
    print(f"  {'consensus grade':32} {spearman([s.grade for s in rows], ratings):.3f}")
    for f in ENGLISH_FORMULAS:
        sign = -1 if f in EASE else 1
        print(f"  {f:32} {spearman([sign * s.scores[f] for s in rows], ratings):.3f}")


def _cross_validated(path: Path) -> float:
    """The 5-fold cross-validated Spearman of the model, refitted per fold by the fit script."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import fit_difficulty

    rows = fit_difficulty.read(path)
    x, _ = fit_difficulty.design(rows)
    return fit_difficulty.cross_validated(x, fit_difficulty.np.array([r[1] for r in rows]))


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
    pdq = args.eval / "pdq-dev"
    if pdq.is_dir():
        report_pairs("NCI health-professional page vs patient page", pairs_pdq(pdq), args.limit)
    medreadme = args.eval / "medreadme-dev.tsv"
    if medreadme.exists():
        report_sentences(medreadme, args.limit)


if __name__ == "__main__":
    main()
