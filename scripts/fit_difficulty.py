#!/usr/bin/env python3
"""Fit the difficulty model (rules/difficulty.yml) on sentences people rated for difficulty.

    python scripts/fit_difficulty.py ../shared/eval/medreadme-dev.tsv [--write]

Each rated sentence goes through pladlint's own pipeline as a one-sentence page; its counts
(`checks/readability/difficulty.sentence_counts`) become the model's features
(`vocab/difficulty.features`, each with the transform chosen below). A ridge regression on
standardised features predicts the rating; the script prints the Spearman correlation of
the prediction with the ratings, cross-validated (5 folds, fixed seed) and on the data set's
own train/dev split, and each feature's correlation alone. With --write it stores the
weights, means and spreads, never a sentence: the ratings' licence allows evaluation only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pladlint.checks.readability.difficulty import sentence_counts  # noqa: E402
from pladlint.config import Config  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402
from pladlint.vocab.difficulty import TRANSFORMS, Counts, DifficultyModel, features  # noqa: E402

FAMILIAR_ZIPF = 5.0  # words at least this common (100 per million) add no unfamiliarity
# Counts grow less than linearly in effect (the fifth unexplained term in a sentence hurts
# less than the first): square roots and logs, chosen by cross-validation. Tried and left
# out, because their weight came out near zero or below it once these are in (so a writer
# would read "this makes it easier"): syllables per word, words of three or more syllables,
# rare-word share, Dale-Chall's unlisted words, passive share, brackets, "you/we".
TRANSFORM = {
    "words_per_sentence": "log1p",
    "unfamiliarity_per_word": "none",
    "jargon_per_sentence": "sqrt",
    "acronyms_per_sentence": "sqrt",
    "hard_words_per_sentence": "sqrt",
    "numbers_per_sentence": "log1p",
}
RIDGE = 1.0
FOLDS, SEED = 5, 2026
LOWEST_RATING, POINTS_PER_RATING = 1.0, 20.0  # ratings run 1-6: difficulty 0-100


def ranks(a: np.ndarray) -> np.ndarray:
    order = np.argsort(a, kind="mergesort")
    out = np.empty(len(a))
    sorted_a = a[order]
    i = 0
    while i < len(a):
        j = i
        while j + 1 < len(a) and sorted_a[j + 1] == sorted_a[i]:
            j += 1
        out[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a, b) -> float:
    return float(np.corrcoef(ranks(np.asarray(a, float)), ranks(np.asarray(b, float)))[0, 1])


def read(path: Path):
    model = DifficultyModel(0.0, (), FAMILIAR_ZIPF, POINTS_PER_RATING, LOWEST_RATING)
    config = Config()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ctx = build_context(parse_document("rated.md", row["sentence"]), config)
            total = Counts()
            for _, _, counts in sentence_counts(ctx, model):
                total = total + counts
            if total.sentences:
                rows.append((features(total), float(row["readability"]), row["original_split"]))
    return rows


def design(rows) -> tuple[np.ndarray, list[str]]:
    names = list(TRANSFORM)
    return np.array([[TRANSFORMS[TRANSFORM[n]](f[n]) for n in names] for f, _, _ in rows]), names


def fit(x: np.ndarray, y: np.ndarray):
    mean, spread = x.mean(0), x.std(0)
    spread[spread == 0] = 1.0
    z = np.column_stack([np.ones(len(x)), (x - mean) / spread])
    penalty = RIDGE * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    beta = np.linalg.solve(z.T @ z + penalty, z.T @ y)
    return mean, spread, beta


def predict(model, x: np.ndarray) -> np.ndarray:
    mean, spread, beta = model
    return beta[0] + ((x - mean) / spread) @ beta[1:]


def cross_validated(x: np.ndarray, y: np.ndarray) -> float:
    order = np.random.default_rng(SEED).permutation(len(y))
    predicted = np.empty(len(y))
    for fold in np.array_split(order, FOLDS):
        train = np.setdiff1d(order, fold)
        predicted[fold] = predict(fit(x[train], y[train]), x[fold])
    return spearman(predicted, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ratings", type=Path, help="medreadme-dev.tsv")
    ap.add_argument("--write", action="store_true", help="write rules/difficulty.yml")
    args = ap.parse_args()
    rows = read(args.ratings)
    x, names = design(rows)
    y = np.array([r[1] for r in rows])
    split = np.array([r[2] for r in rows])
    print(f"{len(rows)} rated sentences")
    for i, name in enumerate(names):
        print(f"  {name:28} alone: Spearman {spearman(x[:, i], y):+.3f}")
    cv = cross_validated(x, y)
    train = split == "train"
    held = spearman(predict(fit(x[train], y[train]), x[~train]), y[~train])
    model = fit(x, y)
    fitted = spearman(predict(model, x), y)
    print(f"Spearman: {cv:.3f} cross-validated ({FOLDS} folds), {held:.3f} fitted on the "
          f"{train.sum()} 'train' sentences and scored on the {(~train).sum()} 'dev' ones, "
          f"{fitted:.3f} in-sample")
    mean, spread, beta = model
    for name, w in zip(names, beta[1:]):
        print(f"  {name:28} weight {w:+.3f} rating points per spread")
    if args.write:
        write(names, model, len(rows), cv, held, fitted)


def write(names, model, n: int, cv: float, held: float, fitted: float) -> None:
    mean, spread, beta = model
    lines = [
        "# The difficulty model: written by scripts/fit_difficulty.py, do not edit by hand.",
        "#",
        f"# Fitted {dt.date.today().isoformat()} on {n} medical sentences that people rated for",
        "# difficulty (MedReadMe dev set, ratings 1-6; its licence allows evaluation only, so",
        "# only these numbers are kept). Ridge regression (lambda "
        f"{RIDGE:g}) on standardised features;",
        f"# Spearman with the ratings: {cv:.3f} cross-validated ({FOLDS} folds, seed {SEED}), "
        f"{held:.3f} on the",
        f"# set's dev split when fitted on its train split, {fitted:.3f} in-sample.",
        "#",
        "# difficulty = (intercept + sum of weight * (transform(value) - mean) / spread",
        "#               - lowest_rating) * points_per_rating, kept within 0-100.",
        "# A feature's part is its weight * (transform(value) - mean) / spread: how much it moves",
        "# this text away from a typical rated sentence, in rating points.",
        f"familiar_zipf: {FAMILIAR_ZIPF:g}",
        f"intercept: {beta[0]:.4f}",
        f"scale: {{points_per_rating: {POINTS_PER_RATING:g}, lowest_rating: {LOWEST_RATING:g}}}",
        "weights:",
    ]
    for name, m, s, w in zip(names, mean, spread, beta[1:]):
        lines.append(f"  {name}: {{transform: {TRANSFORM[name]}, weight: {w:.4f}, "
                     f"mean: {m:.4f}, spread: {s:.4f}}}")
    (ROOT / "rules" / "difficulty.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote rules/difficulty.yml")


if __name__ == "__main__":
    main()
