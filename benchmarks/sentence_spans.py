#!/usr/bin/env python3
"""Check that every sentence span ends on the sentence's own last character.

    python benchmarks/sentence_spans.py ../shared/corpus/nci [more folders or files...]

For every page (*.md, recursively) it parses the page as `pladlint check` does, takes each
sentence of the analysis (headings, paragraphs, list items, cells) and each `long-sentence`
finding with `max-words` 0 (so every sentence of a non-heading unit becomes a finding),
and counts the spans that are bad:

  * `whitespace`: the span is empty, or starts or ends on whitespace;
  * `next-sentence`: the span ends on characters that begin the next sentence: an opening
    bracket or quote (Unicode Ps/Pi) that another sentence of the unit follows, or, after
    the sentence's full stop, punctuation set apart by a space that is not a closing
    bracket or quote (" (", " •", " -", ' "');
  * `tokens`: the span is not the one of its first and last token;
  * `finding-text`: a finding's `text` is not the file's slice at its span, or its span is
    not the span of a sentence.

It prints the pages, sentences and findings checked and the count of each kind (all must be
0) and a few examples; it exits 1 if any span is bad. tests/test_sentence_spans.py runs the
same check over examples/, fixtures/ and tests/corpus/.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

OPENERS = ("Ps", "Pi")  # ( [ { “ ‘ «
CLOSERS = ("Pe", "Pf")  # ) ] } ” ’ »
KINDS = ("whitespace", "next-sentence", "tokens", "finding-text")


@dataclass
class Report:
    pages: int = 0
    skipped: int = 0  # unreadable (front matter, size): pladlint reports them as errors
    sentences: int = 0
    findings: int = 0
    bad: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, other: "Report") -> None:
        self.pages += other.pages
        self.skipped += other.skipped
        self.sentences += other.sentences
        self.findings += other.findings
        self.bad.update(other.bad)
        self.examples.extend(other.examples)

    @property
    def total_bad(self) -> int:
        return sum(self.bad.values())


def _categories(text: str) -> set[str]:
    return {unicodedata.category(c) for c in text}


def _sentence_final(nlp) -> frozenset[str]:
    if nlp.has_pipe("sentencizer"):
        return frozenset(nlp.get_pipe("sentencizer").punct_chars)
    from spacy.pipeline.sentencizer import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def sentence_problem(unit, sentence, following, text: str, final: frozenset[str]) -> str | None:
    """The kind of problem of one sentence's span (None: exact). `following` is the next
    sentence of the same unit, or None."""
    tokens = sentence.tokens
    if not tokens or sentence.start != tokens[0].start or sentence.end != tokens[-1].end:
        return "tokens"
    span = unit.source_span(sentence.start, sentence.end)
    piece = text[span.start:span.end]
    if not piece or piece[0].isspace() or piece[-1].isspace():
        return "whitespace"
    last = tokens[-1]
    if last.is_word or last.text in final:
        return None
    cats = _categories(last.text)
    if following is not None and cats <= set(OPENERS):
        return "next-sentence"  # "... (" with "See below.)" as the next sentence
    if len(tokens) >= 2:
        before = tokens[-2]
        detached = last.start != before.end
        if (detached and before.text[-1:] in final and not cats <= set(CLOSERS)) or (
                before.text[-1:] in final and cats <= set(OPENERS)):
            return "next-sentence"  # ". •", ". -", '. "', ".(" after the full stop
    return None


def check_text(text: str, path: str = "page.md", config=None) -> Report:
    """Check the sentence spans of one page given as text."""
    from pladlint.checks.readability.long_sentence import LongSentence
    from pladlint.config import Config
    from pladlint.document import FrontMatterError, parse_document
    from pladlint.engine import build_context

    report = Report(pages=1)
    try:
        doc = parse_document(Path(path), text)
    except FrontMatterError:
        report.pages, report.skipped = 0, 1
        return report
    ctx = build_context(doc, config or Config())
    final = _sentence_final(ctx.nlp)
    spans = set()
    for ui, unit in enumerate(doc.units):
        sentences = ctx.analysis[ui].sentences
        for si, sentence in enumerate(sentences):
            report.sentences += 1
            following = sentences[si + 1] if si + 1 < len(sentences) else None
            problem = sentence_problem(unit, sentence, following, text, final)
            span = unit.source_span(sentence.start, sentence.end)
            spans.add((span.start, span.end))
            if problem:
                report.bad[problem] += 1
                if len(report.examples) < 20:
                    after = text[span.end:span.end + 12]
                    report.examples.append(
                        f"{path}:{doc.index.location(span.start).line}: {problem}: "
                        f"...{text[max(span.start, span.end - 40):span.end]!r} | {after!r}")
    for v in LongSentence().check(ctx, {"max-words": 0}):
        report.findings += 1
        piece = text[v.span.start:v.span.end]
        if (v.span.start, v.span.end) not in spans or not piece or piece[-1].isspace():
            report.bad["finding-text"] += 1
            if len(report.examples) < 20:
                report.examples.append(f"{path}: finding-text: {piece[-40:]!r}")
    return report


def check_paths(paths: list[Path]) -> Report:
    from pladlint.document.source import InputError, read_source

    total = Report()
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.md")) if p.is_dir() else [p])
    for f in files:
        try:
            source = read_source(f)
        except InputError:
            total.skipped += 1
            continue
        total.add(check_text(source.text, str(f)))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="folders of pages or pages")
    args = parser.parse_args(argv)
    report = check_paths(args.paths)
    print(f"pages checked: {report.pages:,} (skipped: {report.skipped})")
    print(f"sentences checked: {report.sentences:,}")
    print(f"long-sentence findings checked (max-words 0): {report.findings:,}")
    for kind in KINDS:
        print(f"bad spans, {kind}: {report.bad[kind]:,}")
    print(f"bad spans: {report.total_bad:,}")
    for line in report.examples:
        print("  " + line)
    return 1 if report.total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
