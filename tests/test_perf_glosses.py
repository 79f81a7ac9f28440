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
