"""The speed-ups of issue 8's follow-up give exactly what the code they replace gave.

Each replaced piece is kept here in its old, simple form and compared on random inputs:
the linear `<abbr>` scan with the patterns' own `finditer`, the stack walk of `parents_of`
with the look-back, the array read of spaCy tokens with the Token-object read, the cached
formula lines with the lines written anew. No timing here: benchmarks/bench.py measures speed.
"""

from __future__ import annotations

import random

from helpers import TODAY
from pladlint.checks.jargon import explanations
from pladlint.document import abbr_tags
from pladlint.language import acronyms
from pladlint.api import lint_text
from pladlint.checks.context import DocumentContext
from pladlint.document import parse_document
from pladlint.vocab.audiences import load_audiences
from pladlint.language.analysis import Token
from pladlint.language.pooling import parents_of
from pladlint.language.readability import formula_line, score_text
from pladlint.vocab.precompiled import SyllableTable

_PIECES = ["<abbr", "<ABBR ", " title", "TITLE", "=", '"', "'", "x", "a b", ">", "</abbr>",
           "</ABBR >", "</abbr", "<", "\n", " ", "title='", " ok", "<abbr title=\"y\">"]


def test_abbr_scan_equals_finditer() -> None:
    rng = random.Random(8)
    patterns = [acronyms._ABBR_RE, explanations._ABBR_RE]
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24)))
        for pattern in patterns:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in abbr_tags.finditer(pattern, text)] == expected, text


def test_abbr_scan_on_unclosed_tags() -> None:
    assert acronyms.abbr_titles("<abbr " * 20000) == {}
    assert explanations.abbr_spans(_context("<abbr " * 20000).doc) == []
    # (the pattern's `[^>]*` lets the match start at the first unclosed tag)
    text = "<abbr " * 20000 + '<abbr title="computed tomography">CT</abbr>'
    assert acronyms.abbr_titles(text) == {"CT": (0, "computed tomography")}


def _parents_by_look_back(levels: list[int]) -> list[int | None]:
    out: list[int | None] = []
    for i, level in enumerate(levels):
        parent = None
        if level > 0:
            for j in range(i - 1, -1, -1):
                if 0 < levels[j] < level:
                    parent = j
                    break
        out.append(parent)
    return out


def test_parents_of_equals_look_back() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        levels = [rng.randint(-1, 6) for _ in range(rng.randint(0, 30))]
        assert parents_of(levels) == _parents_by_look_back(levels), levels
    assert parents_of([2] * 50000)[-1] is None


_PAGE = """---
language: en
---
# Treatment of   gout

Dr. Smith's patients' doses were higher, e.g. 2.5 mg.  Tumors grew; we'll see.
It's 100.4°F (38°C) — dose-limiting!

- Hair loss
- **Needle biopsy.** A thin needle removes cells.

| Drug | Dose |
|---|---|
| aspirin | 81 mg |
"""


def _context(text: str) -> DocumentContext:
    from pathlib import Path

    doc = parse_document(Path("page.md"), text)
    return DocumentContext(doc, load_audiences().resolve("patient"), "en", today=TODAY)


def test_tokens_equal_spacy_token_objects() -> None:
    ctx = _context(_PAGE)
    from pladlint.language.analysis import tokenizable

    has_lemma = ctx.nlp.has_pipe("lemmatizer")
    for unit, ua in zip(ctx.doc.units, ctx.analysis):
        sdoc = ctx.nlp(tokenizable(unit.text))
        expected = [
            Token(t.text, _lemma(ctx.nlp, t, has_lemma), t.idx,
                  t.idx + len(t.text), any(c.isalnum() for c in t.text))
            for t in sdoc if not t.is_space
        ]
        assert ua.tokens == expected


def _lemma(nlp, t, has_lemma: bool) -> str:
    """spaCy's lemma; for a capitalised word its lookup table lacks ("Tumors" at a sentence
    start), the lemma of the lower-case word, as pladlint's analysis gives it."""
    lemma = t.lemma_ if has_lemma and t.lemma_ else t.text
    if has_lemma and lemma == t.text and t.text[:1].isupper() and not t.text.isupper():
        lower = nlp(t.text.lower())
        if len(lower) == 1 and lower[0].lemma_:
            lemma = lower[0].lemma_
    return lemma.lower()


def test_scores_equal_formula_lines_written_anew() -> None:
    ctx = _context(_PAGE)
    sentences = [s for ua in ctx.analysis for s in ua.sentences]
    for part in (sentences, sentences[:2], sentences[1:], []):
        lines = [formula_line(s) for s in part]
        text = "\n".join(line for line in lines if line is not None)
        expected = score_text(text, "en", ctx.audience.formula, ctx.audience.spanish.formula)
        assert ctx.score_sentences(part) == expected


def test_syllable_table_fills_on_lookup() -> None:
    table = SyllableTable({"cancer": 2})
    assert table["cancer"] == [("1", "1")] and table["cancer"] is table["cancer"]
    assert "cancer" in table and "tumor" not in table and len(table) == 1
    try:
        table["tumor"]
    except KeyError:
        pass
    else:
        raise AssertionError("a word not in the table must raise KeyError")


def test_lint_twice_same_result() -> None:
    first = lint_text(_PAGE, today=TODAY)
    assert lint_text(_PAGE, today=TODAY) == first


_SENT_PIECES = ["Word", "word", ".", "!", "?", "...", ")", "(", '"', "“", "”", "'", " ", "  ",
                "\n", "\n\n", "•", "-", ",", ";", "2.5", "e.g.", "Dr.", "¿", "。", "｡", "x",
                ".)", '."', "U.S.", "—", "*", "[1]", ":"]


def test_sentence_starts_equal_spacy_sentencizer() -> None:
    """analysis._sentence_starts splits a token array as spaCy's sentencizer and Doc.sents do."""
    from spacy.attrs import IS_PUNCT, ORTH

    from pladlint.language import analysis
    from pladlint.language.pipeline import get_pipeline

    rng = random.Random(18)
    for lang in ("en", "es"):
        nlp = get_pipeline(lang)
        assert analysis._own_sentencizer(nlp)
        final = {nlp.vocab.strings[c] for c in analysis._final_punctuation(nlp)}
        texts = ["", " ", "."] + [
            "".join(rng.choice(_SENT_PIECES) + rng.choice(["", " ", " "]) for _ in
                    range(rng.randint(1, 30))) for _ in range(1500)]
        for text, sdoc in zip(texts, nlp.pipe(texts)):
            rows = sdoc.to_array([ORTH, IS_PUNCT]).tolist() if len(sdoc) else []
            expected = [(s.start, s.end) for s in sdoc.sents]
            assert analysis._sentence_starts(rows, final) == expected, text


def _formula_line_as_written_before(s) -> str | None:
    """readability.formula_line before it looked up each token's stripped text."""
    from pladlint.language.readability import MIN_SENTENCE_WORDS

    if sum(1 for t in s.tokens if t.is_word) < MIN_SENTENCE_WORDS:
        return None
    parts = []
    tokens = s.tokens + s.trailing if s.trailing else s.tokens
    last = len(tokens) - 1
    for i, t in enumerate(tokens):
        text = t.text
        if i < last or not t.is_word:
            if i < last:
                text = text.replace(".", "").replace("!", "").replace("?", "")
        else:
            text = text.replace(".", "")
        if text:
            parts.append(text)
    line = " ".join(parts)
    if line[-1:] not in ".!?":
        line += "."
    return line


def test_formula_line_equals_the_line_written_before() -> None:
    from pladlint.language.analysis import Sentence

    rng = random.Random(85)
    pieces = ["word", "U.S.", ".", "!", "?", "?!", "e.g.", "...", "a", "(", ")", "x!", "",
              "2.5", "“", "”", "•", "-"]
    for _ in range(4000):
        tokens = [Token(text, text.lower(), 0, len(text), any(c.isalnum() for c in text))
                  for text in (rng.choice(pieces) for _ in range(rng.randint(1, 12)))]
        cut = rng.randint(0, len(tokens))
        s = Sentence(0, 0, 1, tuple(tokens[:cut]), tuple(tokens[cut:]))
        assert formula_line(s) == _formula_line_as_written_before(s), tokens


_STAT_PIECES = ["hazard ratio", "HAZARD RATIOS", "Hazard", " ratio", "HR", "hr", "RR", "OR", "or",
                "CI", "ci", "95%", "95 %", "confidence", " interval", "p", "P", " = ", "<", "≤",
                "0.05", ".", "value", "-value", "SD", "IQR", "standard", " error", " deviation",
                "risk ratio", "odds", "\u212a", "\u017f", "\u0130", "\u0131", "é", "’", " ", ": ",
                "relative risk", "interquartile range", "1.2", "ſtandard error", "Odds Ratio"]
_EXTRA_PATTERNS = [r"(?i)kelvin|\bsix\b", r"ab(?:cd|ef)gh|x(?-i:YZ)", r"(?:a|b)c+d", r"a(?=bc)d?",
                   r"(?x) s t a n d ard", r"[ab]|cd", r"(?!zz)q", r"", r"(ab)\1", r"(?-i:Kk)iS"]


def test_regex_anchors_never_skip_a_text_the_pattern_matches() -> None:
    """A statistic's pattern is skipped only where it cannot match (regex_anchors)."""
    import re

    from pladlint.checks.readability import number_clarity
    from pladlint.checks.readability.regex_anchors import anchors, may_match

    patterns = [s.pattern for s in number_clarity._pack().stats] + [
        re.compile(p, re.IGNORECASE) for p in _EXTRA_PATTERNS] + [
        re.compile(p) for p in _EXTRA_PATTERNS]
    needs = [anchors(p) for p in patterns]
    assert all(n is not None for n in needs[:8])  # each statistic has literal text to look for
    rng = random.Random(108)
    skipped = 0
    for _ in range(6000):
        text = "".join(rng.choice(_STAT_PIECES) for _ in range(rng.randint(0, 8)))
        for pattern, need in zip(patterns, needs):
            if pattern.search(text):
                assert may_match(need, text), (pattern.pattern, text)
            else:
                skipped += not may_match(need, text)
    assert skipped > 10000


def test_the_characters_that_fold_onto_ascii_are_all_listed() -> None:
    import re

    from pladlint.checks.readability.regex_anchors import _FOLDS_TO_ASCII

    ascii_ignoring_case = re.compile("[\x00-\x7f]", re.IGNORECASE)
    folding = "".join(chr(i) for i in range(128, 0x110000) if ascii_ignoring_case.fullmatch(chr(i))
                      or any(c.isascii() for c in chr(i).lower()))
    assert folding and all(_FOLDS_TO_ASCII.fullmatch(c) for c in folding)
    assert _FOLDS_TO_ASCII.pattern == "[" + folding + "]"


def test_a_sentence_piece_has_no_more_words_than_the_sentence_has_tokens() -> None:
    """long-sentence skips a sentence of at most `limit` tokens without counting its pieces."""
    from pladlint.checks.readability.long_sentence import _line_pieces

    ctx = _context(_PAGE + "\n[a](b)\n[c d e](f) g h\n")
    for unit, ua in zip(ctx.doc.units, ctx.analysis):
        for s in ua.sentences:
            assert max(_line_pieces(ctx.doc.text, unit, s)) <= len(s.tokens)
