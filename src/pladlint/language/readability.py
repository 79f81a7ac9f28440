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
from functools import lru_cache

from pladlint.language import textstat_patch
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
CONSENSUS = "consensus"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
FORMULA_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "gunning_fog": "Gunning Fog",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "fernandez_huerta": "Fernández Huerta",
    "szigriszt_pazos": "Szigriszt-Pazos",
    CONSENSUS: "consensus (median of 5 formulas)",
}


@dataclass
class Scores:
    words: int
    sentences: int
    syllables: int
    scores: dict[str, float] = field(default_factory=dict)
    grade: float | None = None  # English: the grade (consensus or the profile's formula)
    ease: float | None = None  # Spanish: the profile's reading-ease score (higher is easier)


def word_count(tokens) -> int:
    """Words as a reader counts them, separated by spaces: "100.4°F", "dose-limiting" and
    "(38°C)" are one word each, though the tokenizer splits them."""
    count = 0
    previous_end = None
    has_word = False
    for t in tokens:
        if previous_end is None or t.start != previous_end:
            has_word = False
        if t.is_word and not has_word:
            count += 1
            has_word = True
        previous_end = t.end
    return count


_stripped: dict[str, str] = {}  # token text -> the text without full stops, ! and ?
_STRIPPED_MAX = 100_000


def formula_line(s: Sentence) -> str | None:
    """The line of formula text for one sentence; None for one too short to score.

    A text to score is these lines joined by "\\n" (the document context's `score_sentences`)."""
    if sum(1 for t in s.tokens if t.is_word) < MIN_SENTENCE_WORDS:
        return None
    parts = []
    # with the punctuation spaCy left at its end (Sentence.trailing): the text is the same
    # as before sentence spans were made exact, and so are the scores
    tokens = s.tokens + s.trailing if s.trailing else s.tokens
    stripped = _stripped
    for t in tokens[:-1]:  # every token but the last without . ! ? (looked up: words repeat)
        text = stripped.get(t.text)
        if text is None:
            text = t.text.replace(".", "").replace("!", "").replace("?", "")
            if len(stripped) >= _STRIPPED_MAX:
                stripped.clear()
            stripped[t.text] = text
        if text:
            parts.append(text)
    t = tokens[-1]
    text = t.text.replace(".", "") if t.is_word else t.text
    if text:
        parts.append(text)
    line = " ".join(parts)
    if line[-1:] not in ".!?":
        line += "."
    return line


def _textstat():
    textstat_patch.install()  # the one place textstat is patched, before its first use
    import textstat

    return textstat


def pick_grade(scores: dict[str, float], formula: str = CONSENSUS) -> float:
    """The consensus grade (median of the grade-level formulas) or one named formula."""
    if formula != CONSENSUS and formula in scores:
        return round(scores[formula], 1)
    return round(statistics.median(scores[f] for f in GRADE_FORMULAS), 1)


def score_text(text: str, lang: str, formula: str = CONSENSUS,
               spanish_formula: str = "fernandez_huerta") -> Scores:
    """Counts and formulas for text prepared by `formula_line`, one line per sentence.

    `formula` names the grade of English text (the consensus or one of ENGLISH_FORMULAS);
    `spanish_formula` the reading-ease score of Spanish text.
    """
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
    long = len(text) > _LONG_TEXT
    if long:
        _drop_word_lists()
    formulas = ENGLISH_FORMULAS if lang == "en" else SPANISH_FORMULAS if lang == "es" else {}
    scores = {}
    for name, fn in formulas.items():
        scores[name] = round(float(getattr(ts, fn)(text)), 2)
        if long:
            _drop_word_lists()
    grade = pick_grade(scores, formula) if lang == "en" else None
    ease = round(scores[spanish_formula], 1) if lang == "es" and spanish_formula in scores else None
    return Scores(words, sentences, syl, scores, grade, ease)


# textstat keeps the word lists of its last 128 texts (`list_words`, an LRU cache): nothing
# for a section, but a big page's whole text is hundreds of thousands of words in several
# variants, tens of MB held until 128 more texts pass. A text that long is not scored twice,
# so its lists are dropped after each formula (the peak then holds one formula's lists).
_LONG_TEXT = 100_000


def _drop_word_lists() -> None:
    try:
        from textstat.backend.selections._list_words import list_words
    except ImportError:  # another textstat layout: its caches are its own business
        return
    getattr(list_words, "cache_clear", lambda: None)()


@lru_cache(maxsize=65536)
def word_syllables(word: str, lang: str) -> int:
    ts = _textstat()
    ts.set_lang(lang)
    return max(1, int(ts.syllable_count(word)))


@dataclass(frozen=True)
class Counts:
    """Counts of one sentence (or a sum of them) for ranking the sentences of a Spanish
    section (English ones are ranked by the fitted difficulty, checks/readability)."""

    words: int
    sentences: int
    syllables: int

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.words + other.words, self.sentences + other.sentences,
                      self.syllables + other.syllables)

    def __sub__(self, other: "Counts") -> "Counts":
        return Counts(self.words - other.words, self.sentences - other.sentences,
                      self.syllables - other.syllables)


def sentence_counts(words: list[str], lang: str) -> Counts:
    return Counts(len(words), 1, sum(word_syllables(w, lang) for w in words))


def unease(c: Counts) -> float:
    """Minus the Fernández Huerta reading ease of counted text (as textstat computes it):
    higher is harder."""
    if c.words <= 0 or c.sentences <= 0:
        return 0.0
    return -(206.84 - 60.0 * c.syllables / c.words - 1.02 * c.words / c.sentences)


def push(total: Counts, part: Counts) -> float:
    """How much `part` lowers the reading ease of `total`: the rise if it were left out."""
    rest = total - part
    if rest.sentences <= 0 or rest.words <= 0:
        return 0.0
    return unease(total) - unease(rest)
