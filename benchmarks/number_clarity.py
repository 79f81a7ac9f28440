"""number-clarity (PL108): findings per 1,000 words, and a fixed-seed sample to hand-check.

    python benchmarks/number_clarity.py --nci ../shared/corpus/nci \
        --cochrane ../shared/eval/cochrane-dev.jsonl --plaba ../shared/eval/plaba-dev.jsonl \
        --sample 60 --seed 16 --out benchmarks/number_clarity_sample.tsv

Every text is linted as a patient page with only `number-clarity` selected: the NCI pages
(patient pages, no front matter), the plain-language side of each Cochrane pair, and every
NLM adaptation of each PLABA abstract. Prints, per corpus, the words, the findings, the rate
per 1,000 words and the findings by kind. The sample is drawn with `random.Random(seed)`
from all findings of the three corpora pooled, without replacement, and written as TSV
(corpus, document, kind, the words reported, the suggestion, the sentence around it) with an
empty `verdict` column for the hand check.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

from pladlint.api import lint_text
from pladlint.cli.common import select_rules
from pladlint.config import Config

RULE = "number-clarity"
TODAY = dt.date(2026, 11, 28)


def _config() -> Config:
    config = Config()
    select_rules(config, [RULE])
    return config


def _listish(value):
    """PLABA fields are lists/dicts, or their Python repr in some exports."""
    if isinstance(value, str):
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def nci_texts(folder: Path):
    for path in sorted(folder.glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")


def cochrane_texts(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("plain", "").strip():
                yield row.get("doi", "?"), row["plain"]


def plaba_texts(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            adaptations = _listish(row["adaptations"])
            for name, adaptation in sorted(adaptations.items()):
                adaptation = _listish(adaptation)
                parts = [v for _, v in sorted(adaptation.items(), key=lambda kv: int(kv[0]))]
                text = " ".join(p for p in parts if p)
                if text.strip():
                    yield f"{row.get('question_id')}/{name}", text


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    z = min([i for i in (text.find(". ", end), text.find("\n", end)) if i != -1] or [len(text)])
    return " ".join(text[a:z + 1].split())[:400]


def run(name: str, texts, config: Config, rows: list) -> None:
    words = findings = 0
    kinds: Counter = Counter()
    docs = 0
    for doc, text in texts:
        docs += 1
        result = lint_text(text, config, path=f"{name}.md", today=TODAY)
        words += sum(s.words for s in result.sections)
        for f in result.findings:
            if f.rule != RULE:
                continue
            findings += 1
            kind = f.data.get("kind", "?")
            kind = f"{kind}:{f.data.get('form') or f.data.get('statistic') or ''}".rstrip(":")
            kinds[kind] += 1
            written = text[f.start:f.end].replace("\n", " ")
            rows.append((name, doc, kind, written, f.suggestion or "", _sentence(text, f.start, f.end)))
    rate = 1000 * findings / words if words else 0.0
    print(f"{name:10s} {docs:5d} texts {words:8d} words {findings:6d} findings "
          f"{rate:6.2f} per 1,000 words")
    for kind, n in kinds.most_common():
        print(f"    {kind:32s} {n:5d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nci", type=Path)
    ap.add_argument("--cochrane", type=Path)
    ap.add_argument("--plaba", type=Path)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--out", type=Path, default=Path("number_clarity_sample.tsv"))
    args = ap.parse_args(argv)
    config = _config()
    rows: list = []
    if args.nci:
        run("nci", nci_texts(args.nci), config, rows)
    if args.cochrane:
        run("cochrane", cochrane_texts(args.cochrane), config, rows)
    if args.plaba:
        run("plaba", plaba_texts(args.plaba), config, rows)
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("n\tcorpus\tdocument\tkind\treported\tsuggestion\tsentence\tverdict\n")
        for i, row in enumerate(sample, 1):
            fh.write("\t".join([str(i), *(str(c).replace("\t", " ") for c in row), ""]) + "\n")
    print(f"sample: {len(sample)} of {len(rows)} findings (seed {args.seed}) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
