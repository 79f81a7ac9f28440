"""Readability scores through textstat, on text we prepare so its counting agrees with ours.

textstat splits sentences on every '.', '!' or '?', and ignores "sentences" of one or two
words while still counting their words. So we hand it one line per spaCy sentence, with
periods inside tokens removed ("Dr.", "e.g.", "2.5") and a full stop added where a list
item or heading has none, and we leave out units of one or two words (labels such as
"Hair loss"), which carry no sentence structure.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from pladlint.language import syllables
from pladlint.language.analysis import Sentence

MIN_SENTENCE_WORDS = 3

# textstat function per formula; grade-level ones feed the consensus grade.
ENGLISH_FORMULAS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "gunning_fog": "gunning_fog",
    "automated_readability_index": "automated_readability_index",
    "dale_chall_readability_score": "dale_chall_readability_score",
}
GRADE_FORMULAS = (
    "flesch_kincaid_grade",
    "smog_index",
    "coleman_liau_index",
    "gunning_fog",
    "automated_readability_index",
)
SPANISH_FORMULAS = {
    "fernandez_huerta": "fernandez_huerta",
    "szigriszt_pazos": "szigriszt_pazos",
}
SUPPORTED_LANGUAGES = ("en", "es")


@dataclass
class Scores:
    words: int
    sentences: int
    syllables: int
    scores: dict[str, float] = field(default_factory=dict)
    grade: float | None = None  # consensus grade (English); None when not computed


def formula_text(sentences: list[Sentence], unit_texts: dict[int, str]) -> str:
    lines = []
    for s in sentences:
        words = [t for t in s.tokens if t.is_word]
        if len(words) < MIN_SENTENCE_WORDS:
            continue
        parts = []
        last = len(s.tokens) - 1
        for i, t in enumerate(s.tokens):
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
        lines.append(line)
    return "\n".join(lines)


def _textstat():
    syllables.install()
    import textstat

    return textstat


def score_text(text: str, lang: str) -> Scores:
    """Counts and formulas for text prepared by `formula_text`."""
    if not text.strip():
        return Scores(0, 0, 0)
    ts = _textstat()
    if lang not in SUPPORTED_LANGUAGES:
        # No formulas to feed, and pyphen has no dictionary for most codes ("zz", "42"):
        # counting syllables would raise, so count words and sentences only.
        return Scores(ts.lexicon_count(text), text.count("\n") + 1, 0)
    ts.set_lang(lang)
    words = ts.lexicon_count(text)
    sentences = text.count("\n") + 1
    syl = ts.syllable_count(text)
    formulas = ENGLISH_FORMULAS if lang == "en" else SPANISH_FORMULAS if lang == "es" else {}
    scores = {name: round(float(getattr(ts, fn)(text)), 2) for name, fn in formulas.items()}
    grade = None
    if lang == "en":
        grade = round(statistics.median(scores[f] for f in GRADE_FORMULAS), 1)
    return Scores(words, sentences, syl, scores, grade)
