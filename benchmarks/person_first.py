"""person-first-language (PL107): rate, a hand-checked sample, and made-up test sentences.

    python benchmarks/person_first.py [--shared ../shared] [--out FILE] [--seed 16]

1. Rate per 1,000 words on the NCI patient pages (`corpus/nci/*.md`), the plain side of
   the Cochrane dev set (`eval/cochrane-dev.jsonl`, "plain") and the PLABA dev set's plain
   adaptations (`eval/plaba-dev.jsonl`, every adaptation of every abstract). Words are
   counted as whitespace-separated tokens of the text given to the linter.
2. A random sample (random.Random(seed).sample over all findings, in corpus order) of up to
   60 findings is written to --out (TSV: corpus, document, span, suggestion, sentence) for a
   hand check. When the plain texts hold fewer than 60, all of them are taken and the sample
   is topped up, the same way, from texts for professionals (Cochrane and PubMed abstracts,
   PDQ pages, MedReadMe sentences), whose rates are printed too. Findings judged by a
   health editor are in JUDGED below (key: document and span text); the script prints the
   precision of the judged ones in the sample.
3. The corpora hold few such words, so 30 made-up sentences (MADE_UP below: written for this
   benchmark, not taken from any corpus) measure precision and recall on phrasing a patient
   page might hold: 18 with a label or victim word, 12 plain counterparts that must pass.

Prints figures; asserts nothing. Reads ../shared only through the path given.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from pladlint.api import lint_text  # noqa: E402
from pladlint.cli.common import select_rules  # noqa: E402
from pladlint.config import Config  # noqa: E402

RULE = "person-first-language"

# MADE UP for this benchmark: (sentence, the span that should be reported, or None).
MADE_UP: list[tuple[str, str | None]] = [
    ("Diabetics need to check their feet every day.", "Diabetics"),
    ("If you are an epileptic, do not swim alone.", "an epileptic"),
    ("Many asthmatics use an inhaler before exercise.", "asthmatics"),
    ("Cancer victims often feel tired for months after treatment.", "Cancer victims"),
    ("Your father suffers from heart failure, so he may get short of breath.", "suffers from"),
    ("She suffered from migraines as a teenager.", "suffered from"),
    ("Patients afflicted with gout should drink plenty of water.", "afflicted with"),
    ("He has been wheelchair-bound since the accident.", "wheelchair-bound"),
    ("After the stroke she was confined to a wheelchair.", "was confined to a wheelchair"),
    ("Heroin addicts can get medicine that eases withdrawal.", "Heroin addicts"),
    ("Her uncle committed suicide last year.", "committed suicide"),
    ("The patient was non-compliant with his medicines.", "was non-compliant"),
    ("Housing programs rarely reach the mentally ill.", "the mentally ill"),
    ("Schizophrenics may hear voices that other people do not hear.", "Schizophrenics"),
    ("Diabetic patients should see an eye doctor once a year.", "Diabetic patients"),
    ("Ramps at the clinic help the disabled get inside.", "the disabled"),
    ("Migraine sufferers may feel sick before the pain starts.", "Migraine sufferers"),
    ("AIDS victims were once turned away from many hospitals.", "AIDS victims"),
    ("People with diabetes need to check their feet every day.", None),
    ("A person with epilepsy should not swim alone.", None),
    ("Follow a diabetic diet with plenty of vegetables.", None),
    ("An epileptic seizure usually stops within two minutes.", None),
    ("A diabetic foot ulcer needs care from a nurse.", None),
    ("Your father has heart failure, so he may get short of breath.", None),
    ("He uses a wheelchair and drives an adapted car.", None),
    ("People with a substance use disorder can recover.", None),
    ("Her uncle died by suicide last year.", None),
    ("Crime victims can get free counseling at the center.", None),
    ("The American Diabetes Association and the Epilepsy Foundation offer support.", None),
    ("Alcoholic drinks raise your risk of mouth cancer.", None),
]

# Hand-checked (December 2026) by reading each sample finding in its sentence, as a health
# editor: (document, span) -> is the finding right (a person labelled by a condition or cast
# as its victim, that a plain-language editor would change)? The first run's sample (16
# findings, all of them on the plain texts) had 3 wrong: two "the trials/studies suffer
# from a lack of ..." (not about people) and one direct quotation of a researcher; the pack's
# `not-people` words and the quotation check were added for them, and this is the sample
# drawn after that change. Borderline but kept: medreadme:1795 "those on therapy still suffer
# from an enhanced risk" (a risk, not a condition; "have" still reads better). Wrong
# suggestions found and fixed: "characterised as suffering from" -> "with" (now "having"),
# "overweight or obese people" -> "people with obesity" (now no swap).
JUDGED: dict[tuple[str, str], bool] = {
    ('10.1002/14651858.CD008943.pub2', 'suffering from'): True,
    ('10.1002/14651858.CD006617.pub3', 'suffer from'): True,
    ('68:33380357:adaptation2', 'suffered from'): True,
    ('10.1002/14651858.CD009182.pub2', 'suffer from'): True,
    ('10.1002/14651858.CD001710.pub2', 'suffering from'): True,
    ('10.1002/14651858.CD008741.pub2', 'non-adherent'): True,
    ('10.1002/14651858.CD007114.pub2', 'diabetic patients'): True,
    ('about-cancer-coping-feelings.md', 'suffer from'): True,
    ('10.1002/14651858.CD004635.pub2', 'suffer from'): True,
    ('10.1002/14651858.CD009371.pub2', 'suffering from'): True,
    ('68:34924800:adaptation2', 'COVID-19 victims'): True,
    ('10.1002/14651858.CD010826.pub2', 'suffer from'): True,
    ('about-cancer-treatment-research-cachexia.md', 'suffering from'): True,
    ('68:33380357:abstract', 'suffered from'): True,
    ('medreadme:2812', 'suffer with'): True,
    ('68:34924800:abstract', 'COVID-19 victims'): True,
    ('medreadme:2622', 'suffering from'): True,
    ('10.1002/14651858.CD008320.pub3:technical', 'suffering from'): True,
    ('medreadme:560', 'suffer from'): True,
    ('medreadme:2648', 'sufferers'): True,
    ('10.1002/14651858.CD006266.pub2:technical', 'alcoholics'): True,
    ('10.1002/14651858.CD008095.pub2:technical', 'suffered from'): True,
    ('10.1002/14651858.CD003961.pub2:technical', 'diabetics'): True,
    ('medreadme:1795', 'suffer from'): True,
    ('medreadme:1112', 'sufferer'): True,
    ('10.1002/14651858.CD005105.pub2:technical', 'obese people'): True,
    ('8:16034865:abstract', 'suffer from'): True,
    ('10.1002/14651858.CD004050.pub2:technical', 'suffering from'): True,
    ('10.1002/14651858.CD009546.pub2:technical', 'were suffering from'): True,
    ('medreadme:1486', 'be suffering from'): True,
    ('24:10901839:abstract', 'suffering from'): True,
}


def config() -> Config:
    cfg = Config()
    select_rules(cfg, [RULE])
    return cfg


def words(text: str) -> int:
    return len(text.split())


def nci_pages(shared: Path):
    for path in sorted(glob.glob(str(shared / "corpus" / "nci" / "*.md"))):
        yield Path(path).name, Path(path).read_text(encoding="utf-8")


def cochrane_plain(shared: Path):
    with (shared / "eval" / "cochrane-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield row["doi"], row["plain"]


def plaba_adaptations(shared: Path):
    with (shared / "eval" / "plaba-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for name, adaptation in sorted(row["adaptations"].items()):
                text = " ".join(v for _, v in sorted(adaptation.items(), key=lambda kv: int(kv[0])))
                if text.strip():
                    yield f"{row['question_id']}:{row['pmid']}:{name}", text


def cochrane_technical(shared: Path):
    with (shared / "eval" / "cochrane-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield row["doi"] + ":technical", row["technical"]


def plaba_abstracts(shared: Path):
    with (shared / "eval" / "plaba-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield f"{row['question_id']}:{row['pmid']}:abstract", " ".join(row["abstract"])


def pdq_pages(shared: Path):
    for path in sorted(glob.glob(str(shared / "eval" / "pdq-dev" / "*" / "*.md"))):
        yield "pdq-" + Path(path).parent.name + "/" + Path(path).name, \
            Path(path).read_text(encoding="utf-8")


def medreadme_sentences(shared: Path):
    import csv

    with (shared / "eval" / "medreadme-dev.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield f"medreadme:{row['id']}", row["sentence"]


def sentence_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    z = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0),
            default=len(text))
    return " ".join(text[a:z + 1].split())


def run_corpus(name: str, docs, cfg: Config, found: list) -> None:
    n_words = n_findings = n_docs = 0
    t0 = time.perf_counter()
    for doc_id, text in docs:
        n_docs += 1
        n_words += words(text)
        result = lint_text(text, cfg, path=f"{doc_id}.md" if not doc_id.endswith(".md")
                           else doc_id)
        for f in result.findings:
            if f.rule != RULE:
                continue
            n_findings += 1
            found.append((name, doc_id, f.text, f.suggestion,
                          sentence_around(text, f.start, f.end)))
    rate = 1000 * n_findings / n_words if n_words else 0.0
    print(f"{name:18s} {n_docs:5d} docs {n_words:8d} words {n_findings:4d} findings "
          f"{rate:.3f} per 1,000 words ({time.perf_counter() - t0:.0f} s)")


def made_up(cfg: Config) -> None:
    tp = fp = fn = tn = 0
    misses = []
    for sentence, want in MADE_UP:
        got = [f.text for f in lint_text(sentence + "\n", cfg, path="made-up.md").findings
               if f.rule == RULE]
        if want is None:
            tn += not got
            fp += len(got)
            misses += [f"  false alarm: {g!r} in {sentence!r}" for g in got]
        else:  # the expected words inside the reported span, or the other way round
            hit = any(want in g or g in want for g in got)
            tp += hit
            fn += not hit
            fp += len([g for g in got if not (want in g or g in want)])
            if not hit:
                misses.append(f"  missed: {want!r} in {sentence!r} (got {got})")
    print(f"made-up sentences ({len(MADE_UP)}, written for this benchmark): "
          f"precision {tp / max(tp + fp, 1):.2f} ({tp}/{tp + fp}), "
          f"recall {tp / max(tp + fn, 1):.2f} ({tp}/{tp + fn}), "
          f"plain counterparts left alone {tn}/{sum(w is None for _, w in MADE_UP)}")
    for line in misses:
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--out", default="/tmp/pladlint-person-first-sample.tsv")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--sample", type=int, default=60)
    args = ap.parse_args()
    shared, cfg, found = Path(args.shared), config(), []
    run_corpus("nci", nci_pages(shared), cfg, found)
    run_corpus("cochrane", cochrane_plain(shared), cfg, found)
    run_corpus("plaba", plaba_adaptations(shared), cfg, found)
    k = min(args.sample, len(found))
    rng = random.Random(args.seed)
    sample = rng.sample(found, k)
    if k < args.sample:
        # Too few findings on plain texts: top the sample up with findings on texts written
        # for professionals (Cochrane abstracts, PubMed abstracts, PDQ pages for health
        # professionals and for patients, MedReadMe sentences), drawn the same way. Their
        # rates are shown too.
        print(f"plain-text corpora: {len(found)} findings, fewer than {args.sample}; "
              "topping up from professional texts:")
        extra: list = []
        run_corpus("cochrane-technical", cochrane_technical(shared), cfg, extra)
        run_corpus("plaba-abstract", plaba_abstracts(shared), cfg, extra)
        run_corpus("pdq", pdq_pages(shared), cfg, extra)
        run_corpus("medreadme", medreadme_sentences(shared), cfg, extra)
        sample += rng.sample(extra, min(args.sample - k, len(extra)))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("corpus\tdocument\tspan\tsuggestion\tsentence\n")
        for row in sample:
            fh.write("\t".join(str(x) for x in row) + "\n")
    note = "" if k == args.sample else (f" (all {k} findings on plain texts, and "
                                        f"{len(sample) - k} drawn from professional texts)")
    print(f"sample: {len(sample)} findings{note}, seed {args.seed}, written to {args.out}")
    judged = [JUDGED[(doc, span)] for _, doc, span, _, _ in sample if (doc, span) in JUDGED]
    if judged:
        print(f"hand-checked precision: {sum(judged) / len(judged):.2f} "
              f"({sum(judged)}/{len(judged)} judged)")
    made_up(cfg)


if __name__ == "__main__":
    main()
