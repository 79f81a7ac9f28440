"""Jargon accuracy: recall of NCI's glossary-linked terms, false alarms, density, corpus rate.

    python benchmarks/jargon_eval.py --eval ../shared/eval/pdq-dev --corpus ../shared/corpus/nci

(a) On the PDQ dev pages with NCI's dictionary links stripped to bare text,
    `glossary-links.jsonl` says which terms NCI's editors linked (offsets in the stripped
    text). Recall = share of those linked terms that pladlint reports (jargon-unexplained,
    or also jargon-rare-word), term-level (per page, distinct terms) and mention-level,
    by wordfreq Zipf band; other findings per 1,000 words.
(b) On the unmodified pages: linked terms that are still flagged (must be 0); jargon density
    of each patient page against its health-professional partner.
(c) On the patient corpus: findings per 1,000 words and the 30 most frequent flagged terms.
(d) On Cochrane technical/plain pairs: the share of pairs whose plain summary is less
    jargon-dense than its technical abstract.

Prints figures; asserts nothing. Reads ../shared only through the paths given.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wordfreq import zipf_frequency  # noqa: E402

from pladlint.api import lint_text  # noqa: E402
from pladlint.config import Config, RuleSetting  # noqa: E402
from pladlint.checks import ALL_RULES  # noqa: E402
from pladlint.document import parse_document  # noqa: E402
from pladlint.engine import build_context  # noqa: E402
from pladlint.checks.jargon.scan import scan  # noqa: E402
from pladlint.vocab.lexicon import everyday_words  # noqa: E402

JARGON = ("jargon-unexplained", "jargon-rare-word")
LINK_RE = re.compile(r"\[([^\[\]]*)\]\((/Common/PopUps/popDefinition\.aspx[^)\s]*)\)")
BANDS = ((0.0, 2.5, "< 2.5"), (2.5, 3.5, "2.5-3.5"), (3.5, 4.5, "3.5-4.5"), (4.5, 99, ">= 4.5"))


def config() -> Config:
    cfg = Config()
    names = {"jargon-unexplained", "jargon-rare-word", "jargon-density"}
    for rule in ALL_RULES:
        base = cfg.rule_setting(rule)
        cfg.rules[rule.name] = RuleSetting(rule.name in names, base.severity, base.options)
    return cfg


def band(z: float) -> str:
    return next(name for lo, hi, name in BANDS if lo <= z < hi)


def page_density(result) -> float:
    """Unexplained jargon mentions per 100 words over the whole page."""
    words = sum(s.words for s in result.sections)
    hits = sum((getattr(s, "jargon_density", 0.0) or 0.0) * s.words / 100 for s in result.sections)
    return 100 * hits / words if words else 0.0


def overlaps(f, a: int, z: int) -> bool:
    return f.start < z and a < f.end


def eval_stripped(root: Path, cfg: Config) -> None:
    records = [json.loads(line) for line in (root / "glossary-links.jsonl").open(encoding="utf-8")]
    mention = defaultdict(lambda: [0, 0, 0])  # band -> [linked, caught by PL201, by PL201|PL202]
    term = defaultdict(lambda: [0, 0, 0])
    missed: Counter = Counter()
    why: Counter = Counter()  # linked terms with Zipf < 3.5 that were not flagged, by reason
    every = everyday_words()
    other: Counter = Counter()
    words = 0
    bad_offsets = 0
    for rec in records:
        path = root / "patient" / Path(rec["file"]).name
        text = LINK_RE.sub(lambda m: m.group(1), path.read_text(encoding="utf-8"))
        result = lint_text(text, cfg, path=path.name)
        words += result.words
        found = [f for f in result.findings if f.rule in JARGON]
        doc = parse_document(path, text)
        mentions = [(doc.units[m.unit].source_span(m.start, m.end), m)
                    for m in scan(build_context(doc, cfg)).mentions]
        reason: dict[str, str] = {}
        per_term: dict[str, list[bool]] = {}
        covered = set()
        for link in rec["links"]:
            a, z = link["start"], link["end"]
            if text[a:z] != link["term"]:
                bad_offsets += 1
                continue
            hits = [f for f in found if overlaps(f, a, z)]
            covered.update(id(f) for f in hits)
            strict = any(f.rule == "jargon-unexplained" for f in hits)
            key = link["term"].lower()
            b = band(zipf_frequency(key, "en"))
            m = mention[b]
            m[0] += 1
            m[1] += strict
            m[2] += bool(hits)
            if not hits:
                ms = [m for span, m in mentions if span.start < z and a < span.end]
                r = (f"explained ({ms[0].explained})" if ms and ms[0].explained
                     else "reported earlier in the section" if ms
                     else "everyday list" if key in every or key.rstrip("s") in every
                     else "in no pack and not rare")
                reason.setdefault(key, r)
            seen = per_term.setdefault(key, [False, False])
            seen[0] |= strict
            seen[1] |= bool(hits)
        for key, (strict, any_hit) in per_term.items():
            t = term[band(zipf_frequency(key, "en"))]
            t[0] += 1
            t[1] += strict
            t[2] += any_hit
            if not any_hit and zipf_frequency(key, "en") < 3.5:
                missed[key] += 1
                why[reason.get(key, "?")] += 1
        for f in found:
            if id(f) not in covered:
                other[f.rule] += 1
    print(f"(a) {len(records)} PDQ patient pages, glossary links stripped, {words} words"
          + (f" ({bad_offsets} link offsets did not match and were skipped)" if bad_offsets else ""))
    print(f"    {'Zipf band':<10} {'terms':>6} {'PL201':>7} {'+PL202':>7}   "
          f"{'mentions':>8} {'PL201':>7} {'+PL202':>7}")
    for _, _, name in BANDS:
        t, m = term[name], mention[name]
        print(f"    {name:<10} {t[0]:>6} {_r(t[1], t[0]):>7} {_r(t[2], t[0]):>7}   "
              f"{m[0]:>8} {_r(m[1], m[0]):>7} {_r(m[2], m[0]):>7}")
    for label, names in (("Zipf < 3.5", ("< 2.5", "2.5-3.5")),
                         ("all", tuple(n for *_, n in BANDS))):
        t = [sum(term[n][i] for n in names) for i in range(3)]
        m = [sum(mention[n][i] for n in names) for i in range(3)]
        print(f"    {label:<10} {t[0]:>6} {_r(t[1], t[0]):>7} {_r(t[2], t[0]):>7}   "
              f"{m[0]:>8} {_r(m[1], m[0]):>7} {_r(m[2], m[0]):>7}")
    low = sum(term[n][0] for n in ("< 2.5", "2.5-3.5"))
    explained = sum(n for r, n in why.items() if r.startswith("explained"))
    hit = sum(term[n][2] for n in ("< 2.5", "2.5-3.5"))
    print(f"    Zipf < 3.5 linked terms not flagged, by reason: "
          + ", ".join(f"{r} {n}" for r, n in why.most_common()))
    print(f"    recall on Zipf < 3.5 linked terms the page does not explain itself: "
          f"{_r(hit, low - explained)} ({hit}/{low - explained})")
    per_k = {r: 1000 * n / words for r, n in other.items()}
    print("    other findings per 1,000 words (not on a linked term): "
          + ", ".join(f"{r} {v:.1f}" for r, v in sorted(per_k.items())))
    print("    most frequent missed terms with Zipf < 3.5 (pages): "
          + ", ".join(f"{k} ({n})" for k, n in missed.most_common(25)))


def _r(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def eval_unmodified(root: Path, cfg: Config) -> None:
    wrongly = []
    pairs = []
    for path in sorted((root / "patient").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        result = lint_text(text, cfg, path=path.name)
        spans = [(m.start(1), m.end(1)) for m in LINK_RE.finditer(text)]
        for f in result.findings:
            if f.rule in JARGON and any(overlaps(f, a, z) for a, z in spans):
                wrongly.append((path.name, f.text))
        hp = root / "hp" / path.name.replace("-patient-", "-hp-")
        if hp.is_file():
            other = lint_text(hp.read_text(encoding="utf-8"), cfg, path=hp.name)
            pairs.append((path.name, page_density(result), page_density(other)))
    print(f"(b) {len(list((root / 'patient').glob('*.md')))} unmodified patient pages: "
          f"{len(wrongly)} linked terms flagged" + (f": {wrongly[:10]}" if wrongly else ""))
    lower = sum(1 for _, p, h in pairs if p < h)
    print(f"    jargon density (unexplained per 100 words) patient < HP partner in {lower}/"
          f"{len(pairs)} pairs ({_r(lower, len(pairs))}); mean patient "
          f"{sum(p for _, p, _ in pairs) / max(1, len(pairs)):.2f}, mean HP "
          f"{sum(h for *_, h in pairs) / max(1, len(pairs)):.2f}")
    for name, p, h in pairs:
        if p >= h:
            print(f"      not lower: {name} patient {p:.2f} HP {h:.2f}")


def eval_corpus(root: Path, cfg: Config, limit: int | None, every: int = 1) -> None:
    files = sorted(root.glob("*.md"))[::every][:limit]
    counts: Counter = Counter()
    terms: dict[str, Counter] = defaultdict(Counter)
    words = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [words, PL201]
    started = time.perf_counter()
    for path in files:
        result = lint_text(path.read_text(encoding="utf-8"), cfg, path=path.name)
        words += result.words
        kind = page_kind(path.name)
        by_kind[kind][0] += result.words
        for f in result.findings:
            counts[f.rule] += 1
            terms[f.rule][f.text.lower()] += 1
            by_kind[kind][1] += f.rule == "jargon-unexplained"
    took = time.perf_counter() - started
    print(f"(c) {len(files)} corpus pages, {words} words ({took:.0f} s): findings per 1,000 words: "
          + ", ".join(f"{r} {1000 * n / words:.2f}" for r, n in sorted(counts.items())))
    print("    jargon-unexplained per 1,000 words by kind of page: " + ", ".join(
        f"{k} {1000 * n / max(1, w):.2f} ({w} words)" for k, (w, n) in sorted(by_kind.items())))
    for rule in sorted(terms):
        print(f"    30 most frequent {rule}: "
              + ", ".join(f"{t} {n}" for t, n in terms[rule].most_common(30)))


def eval_cochrane(path: Path, cfg: Config) -> None:
    """(d) Cochrane pairs: is the plain-language summary less jargon-dense than its abstract?"""
    pairs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    lower = 0
    means = [0.0, 0.0]
    for pair in pairs:
        dense = []
        for side in ("technical", "plain"):
            page = f"---\naudienceLevel: patient\n---\n# Summary\n\n{pair[side]}\n"
            dense.append(page_density(lint_text(page, cfg, path=f"{side}.md")))
        lower += dense[1] < dense[0]
        means[0] += dense[0]
        means[1] += dense[1]
    n = max(1, len(pairs))
    print(f"(d) {len(pairs)} Cochrane pairs: plain summary less jargon-dense than its abstract in "
          f"{lower}/{len(pairs)} ({_r(lower, len(pairs))}); mean density abstract "
          f"{means[0] / n:.2f}, plain {means[1] / n:.2f} per 100 words")


def page_kind(name: str) -> str:
    if name.startswith("about-cancer-treatment-drugs"):
        return "drug pages"
    if "-research" in name or "-hp" in name:
        return "research and professional"
    return "other patient pages"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, help="pdq-dev folder (patient/, hp/, glossary-links.jsonl)")
    ap.add_argument("--corpus", type=Path, help="folder of patient pages (*.md)")
    ap.add_argument("--cochrane", type=Path, help="cochrane-dev.jsonl (technical/plain pairs)")
    ap.add_argument("--limit", type=int, help="only the first N corpus pages")
    ap.add_argument("--every", type=int, default=1, help="only every Nth corpus page (a sample)")
    args = ap.parse_args(argv)
    cfg = config()
    if args.eval:
        eval_stripped(args.eval, cfg)
        eval_unmodified(args.eval, cfg)
    if args.corpus:
        eval_corpus(args.corpus, cfg, args.limit, args.every)
    if args.cochrane:
        eval_cochrane(args.cochrane, cfg)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
