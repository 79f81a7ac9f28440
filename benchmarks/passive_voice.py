"""passive-voice (PL106): rate per 1,000 words, and a sample of findings to check by hand.

    python benchmarks/passive_voice.py --corpus ../shared/corpus/nci \\
        --eval ../shared/eval --sample-out /tmp/passive-sample.md

(a) NCI patient pages (every *.md of the corpus folder), (b) the plain-language summaries of
the Cochrane dev set (`plain`), (c) the PLABA dev adaptations (each adaptation of each
abstract, its sentences joined as one paragraph). For each: sentence findings per 1,000
words, the share of sentences that are passive, the share of findings with an active
rewrite, and the section findings (shares over the patient limit).

The sample: every sentence finding of the three sources, pooled, in source order; then
`random.Random(seed).sample(findings, n)` (seed 2026, n 60 by default; seed 16 was the
sample looked at while tuning the rule, 2026 a fresh one for the precision figure). It is
written with the whole sentence, the words reported, the message and the suggestion, one
finding a block, for a health editor to mark. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from pladlint.checks.readability.passive_voice import PassiveVoice, passive_scan  # noqa: E402
from pladlint.config import Config  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402

RULE = PassiveVoice()
OPTIONS = {name: opt.default for name, opt in RULE.options.items()}


def texts(corpus: Path, evals: Path):
    for path in sorted(corpus.glob("*.md")):
        yield "nci", path.name, path.read_text(encoding="utf-8")
    for line in (evals / "cochrane-dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("plain"):
            yield "cochrane-plain", row["doi"], "---\naudienceLevel: patient\n---\n" + row["plain"]
    for line in (evals / "plaba-dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for name, sentences in sorted((row.get("adaptations") or {}).items()):
            body = " ".join(str(sentences[k]) for k in sorted(sentences, key=lambda k: int(k)))
            yield "plaba", f"{row['question_id']}/{row['pmid']}/{name}", \
                "---\naudienceLevel: patient\n---\n" + body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/nci"))
    ap.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--sample-out", type=Path,
                    default=Path(tempfile.gettempdir()) / "pladlint-passive-sample.md")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    cfg = Config()
    words: Counter = Counter()
    found: Counter = Counter()
    sentences: Counter = Counter()
    rewrites: Counter = Counter()
    sections: Counter = Counter()
    participles: dict[str, Counter] = {}
    pool = []
    for source, name, text in texts(args.corpus, args.eval):
        ctx = build_context(parse_document(Path(name), text), cfg)
        words[source] += ctx.document_score.words
        scan = passive_scan(ctx)
        sentences[source] += sum(scan.counted.values())
        for v in RULE.check(ctx, OPTIONS):
            if v.data.get("kind") == "section":
                sections[source] += 1
                continue
            found[source] += 1
            rewrites[source] += v.suggestion is not None
            pool.append((source, name, text[v.span.start:v.span.end], v))
        for ui, sentence, passives in scan.hits:
            unit = ctx.doc.units[ui]
            part = sentence.tokens[passives[0].participle].text.lower()
            participles.setdefault(source, Counter())[part] += 1
            # the whole sentence, for the sample (matched to the violation by position)
            for i in range(len(pool) - 1, -1, -1):
                s, n, t, v = pool[i]
                if n != name:
                    break
                if unit.source_span(sentence.start, sentence.end).start <= v.span.start < \
                        unit.source_span(sentence.start, sentence.end).end:
                    pool[i] = (s, n, t, v, " ".join(unit.text[sentence.start:sentence.end].split()))
                    break
    print(f"{'source':16} {'words':>9} {'findings':>9} {'/1000 w':>8} {'passive %':>9} "
          f"{'rewrites':>8} {'sections':>8}")
    for source in ("nci", "cochrane-plain", "plaba"):
        w = words[source] or 1
        s = sentences[source] or 1
        print(f"{source:16} {words[source]:9d} {found[source]:9d} {1000 * found[source] / w:8.2f} "
              f"{100 * found[source] / s:8.1f}% {rewrites[source]:8d} {sections[source]:8d}")
    for source, counts in participles.items():
        top = ", ".join(f"{p} {n}" for p, n in counts.most_common(15))
        print(f"top participles, {source}: {top}")
    rng = random.Random(args.seed)
    picked = rng.sample(pool, min(args.sample, len(pool)))
    with args.sample_out.open("w", encoding="utf-8") as out:
        out.write(f"# passive-voice sample: {len(picked)} of {len(pool)} sentence findings "
                  f"(random.Random({args.seed}).sample over NCI + Cochrane plain + PLABA)\n\n")
        for k, item in enumerate(picked, 1):
            source, name, words_text, v = item[:4]
            sentence = item[4] if len(item) > 4 else ""
            out.write(f"## {k}. {source} {name}\n- sentence: {sentence}\n- words: {words_text}\n"
                      f"- message: {v.message}\n- suggestion: {v.suggestion}\n- verdict: \n\n")
    print(f"sample of {len(picked)} findings written to {args.sample_out}")


if __name__ == "__main__":
    main()
