"""Speed-ups of the jargon scan's helpers give the answers of the plain code they skip."""

from __future__ import annotations

import random

import pytest

from pladlint.language import glosses, spelling

FRAGMENTS = [
    "Edema", "edema (swelling)", "(CT)", "CT scan (CAT scan)", ", which is", ", which are",
    ", also called", " known as ", "is called", "the drug", "the herb Ashwagandha",
    "drugs such as", "medicines, like", "e.g.", "e. g.", "—", "–", " - ", "--", ": a",
    " means ", " refers to ", " stands for ", " is a type of ", " happens when ", " occurs when ",
    " is present when ", ", a", ", an", ", the type", ", that is,", "; that is,", ", i.e.",
    "cells that", ", tubes that", "ſuch as", "antibodies", "KNOWN AS", "İs called", "ıs",
    "osteosarcoma", "chondrosarcoma", " are ", "the medical term for this is", "termed",
    "referred to as", "biopsy", "clozapine", "quetiapine", "antipsychotics", ".", ",", " ",
    "inhibitors, including", "Lymphedema", "the gums (gingiva)", "perphenazine", "K", "they",
]


def test_gloss_hints_skip_only_patterns_that_cannot_match(monkeypatch) -> None:
    rng = random.Random(18)
    texts = ["".join(rng.choice(FRAGMENTS) + rng.choice(("", " ", "  "))
                     for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    fast = [glosses._find(t) for t in texts]
    monkeypatch.setattr(glosses, "_HINTS", {})
    assert [glosses._find(t) for t in texts] == fast
    assert any(fast)


@pytest.mark.parametrize("word", ["Colour", "colour", "UTILISATION", "tumours", "", "abc", "x1",
                                  "randomised", "Randomised", "centre", "filled", "timbre"])
def test_us_spelling_memo_gives_the_computed_answer(word: str) -> None:
    assert spelling.us_spelling(word) == spelling._us_spelling(word)
    assert spelling.us_spelling(word) == spelling._us_spelling(word)  # from the memo


def _judge_in_old_order(finder, word: str, lemma: str):
    """`RareWordFinder._judge` as first written: the misspelling test before the others."""
    from pladlint.vocab.frequency import zipf
    from pladlint.vocab.rare_words import misspelling_of, word_stems

    low, lemma = spelling.us_spelling(word.lower()), spelling.us_spelling(lemma)
    if low in finder.s.known or lemma in finder.s.known:
        return None
    z, z_lemma = zipf(low), zipf(lemma)
    if z >= finder.max_zipf or z_lemma >= finder.max_zipf:
        return None
    stems = [(stem, zipf(stem)) for stem in word_stems(low, finder.s.endings)]
    if any(z_stem >= finder.max_zipf or stem in finder.s.known for stem, z_stem in stems):
        return None
    if misspelling_of(low, finder.names) is not None:
        return None
    if any(shape.search(low) for shape in finder.s.shapes):
        return z
    base = max([z, z_lemma] + [z_stem for _, z_stem in stems])
    if base >= finder.s.very_rare_zipf or finder._built_from_common(low):
        return None
    return z


def test_rare_word_judge_in_cheap_first_order_gives_the_same_verdicts() -> None:
    from pladlint.vocab.rare_words import RareWordFinder

    finder = RareWordFinder(3.0, frozenset({"cabozantinib", "perphenazine"}))
    rng = random.Random(7)
    words = ["clincal", "cabozanitnib", "hospitalisation", "rinses", "omelets", "untruths",
             "playrooms", "caregiving", "brighten", "noncancerous", "osteosarcoma",
             "perphenazine", "thrombocytopaenia", "lymphedema", "diastolic", "systolic",
             "neutropenia", "gingiva", "hyaluronidase", "biopsies", "antipsychotics",
             "chemoradiation", "postdischarge", "erythema", "pruritus", "tachycardia"]
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(400):  # slips and made-up words of every kind
        w = rng.choice(words)
        i = rng.randrange(len(w))
        words.append(w[:i] + rng.choice(letters) + w[i + 1:])
        words.append("".join(rng.choice(letters) for _ in range(rng.randint(5, 12))))
    for w in words:
        assert finder._judge(w, w) == _judge_in_old_order(finder, w, w), w


def test_forms_memo_keeps_live_token_lists_and_forgets_dead_ones(monkeypatch) -> None:
    from pladlint.language.analysis import Token
    from pladlint.vocab import lexicon

    monkeypatch.setattr(lexicon, "_FORMS_OF", {})
    monkeypatch.setattr(lexicon, "_FORMS_OF_MAX", 8)
    monkeypatch.setattr(lexicon, "_forms_limit", 8)
    live = [[Token(f"w{i}", f"w{i}", 0, 2, True)] for i in range(20)]  # one big page
    for tokens in live:
        lexicon._forms_of(tokens)
    for _ in range(5):  # a page done: its lists are held by the memo only
        lexicon._forms_of([Token("x", "x", 0, 1, True)])
    for tokens in live:  # every unit of the big page is still remembered
        hit = lexicon._FORMS_OF.get(id(tokens))
        assert hit is not None and hit[0] is tokens
    assert lexicon._forms_of(live[3]) == [("w3",)]
    lexicon._prune_forms()
    assert len(lexicon._FORMS_OF) == len(live)
