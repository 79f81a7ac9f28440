"""Hidden verbs ("make a decision" -> "decide"): how often wordy-phrase reports them.

    PYTHONPATH=src python benchmarks/nominalizations.py [--corpus ../shared/corpus/nci]
        [--eval ../shared/eval] [--sample 60] [--seed 16] [--out nominalizations-sample.tsv]

The nominalization entries are those of the "nominalizations" section of
rules/plain-language.yml (between its "-- nominalizations" and "-- formal verb phrases" headers). The
script runs `wordy-phrase` over (a) the NCI patient pages of --corpus, (b) the plain-language
summaries of the Cochrane dev set (`cochrane-dev.jsonl`, field `plain`) and (c) the NLM plain
adaptations of the PLABA dev set (`plaba-dev.jsonl`, first non-empty adaptation of each
abstract), each text as a one-section page. It prints, per corpus, the words, the findings of
those entries, their rate per 1,000 words, the same for the findings new with issue #16 (new
entries, and old ones in a form they did not match before: "made decisions") and the most
frequent new phrases; then it writes a random sample (fixed --seed) of up to --sample new
findings, drawn from all three corpora together,
to --out as TSV (corpus, page, written, suggestion, sentence, and an empty `ok` column for
the hand check). Words are counted as runs of letters in the prose view. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pladlint.checks import find_rule  # noqa: E402
from pladlint.config import Config  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# The hidden-verb entries the pack had before issue #16, matched then only with the article
# as listed: their findings in another form ("made decisions") are new too.
OLD = {"make a decision", "make use of", "take into consideration", "give consideration to",
       "take action", "have an effect on", "have a tendency to", "provide assistance to"}


def is_new(phrase: str, written: str) -> bool:
    if phrase not in OLD:
        return True
    listed, words = phrase.split(), written.lower().split()
    return len(words) != len(listed) or any(
        a != b for a, b in zip(words[1:], listed[1:]) if b in ("a", "an", "the"))


def nominalization_phrases() -> set[str]:
    text = (ROOT / "rules" / "plain-language.yml").read_text(encoding="utf-8")
    start = text.index("# -- nominalizations")
    end = text.index("# -- formal verb phrases", start)
    return set(re.findall(r"\{phrase: ([^,]+),", text[start:end]))


def cochrane(path: Path):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            row = json.loads(line)
            yield row.get("doi") or f"cochrane-{n}", row["plain"]


def plaba(path: Path):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            row = json.loads(line)
            for adaptation in row["adaptations"].values():
                plain = " ".join(v for _, v in sorted(adaptation.items(), key=lambda kv: int(kv[0])))
                if plain.strip():
                    yield f"plaba-{row.get('question_id', n)}-{row.get('pmid', '')}", plain
                    break


def nci(folder: Path):
    for path in sorted(folder.glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")


def sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return " ".join(text[a:b + 1].split())[:300]


def run(name: str, pages, phrases: set[str], config: Config, rule, options):
    words = 0
    found = []
    for page, text in pages:
        ctx = build_context(parse_document(page if page.endswith(".md") else page + ".md", text),
                            config)
        words += sum(len(_WORD.findall(u.text)) for u in ctx.doc.units)
        for v in rule.check(ctx, options):
            if v.data.get("phrase") in phrases:
                written = ctx.doc.text[v.span.start:v.span.end]
                found.append({"corpus": name, "page": page, "phrase": v.data["phrase"],
                              "new": is_new(v.data["phrase"], written),
                              "written": written, "suggestion": v.suggestion or "",
                              "sentence": sentence_of(ctx.doc.text, v.span.start, v.span.end)})
    rate = 1000 * len(found) / words if words else 0.0
    new = [f for f in found if f["new"]]
    new_rate = 1000 * len(new) / words if words else 0.0
    print(f"{name:10s} {words:>9,d} words {len(found):>5d} findings {rate:6.3f} per 1,000 words"
          f"; new with #16: {len(new):>4d} {new_rate:6.3f} per 1,000 words")
    common = Counter(f["phrase"] for f in new).most_common(8)
    if common:
        print("           " + ", ".join(f"{p} {n}" for p, n in common))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "nci")
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", type=Path, default=Path("nominalizations-sample.tsv"))
    args = parser.parse_args()
    phrases = nominalization_phrases()
    config = Config()
    rule = find_rule("wordy-phrase")
    options = config.rule_setting(rule).options
    print(f"{len(phrases)} nominalization entries")
    found = []
    if args.corpus.exists():
        found += run("nci", nci(args.corpus), phrases, config, rule, options)
    if (args.eval / "cochrane-dev.jsonl").exists():
        found += run("cochrane", cochrane(args.eval / "cochrane-dev.jsonl"), phrases, config,
                     rule, options)
    if (args.eval / "plaba-dev.jsonl").exists():
        found += run("plaba", plaba(args.eval / "plaba-dev.jsonl"), phrases, config, rule,
                     options)
    new = [f for f in found if f["new"]]
    sample = random.Random(args.seed).sample(new, min(args.sample, len(new)))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("corpus\tpage\twritten\tsuggestion\tsentence\tok\n")
        for f in sample:
            fh.write("\t".join(f[k].replace("\t", " ") for k in
                               ("corpus", "page", "written", "suggestion", "sentence")) + "\t\n")
    print(f"sample of {len(sample)} of the {len(new)} new findings (seed {args.seed}) -> "
          f"{args.out}")


if __name__ == "__main__":
    main()
