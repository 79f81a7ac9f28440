"""The faster textstat helpers (language/textstat_speedups.py, put in place by
language/textstat_patch.py) give textstat's own results.

Each stand-in is compared with the textstat function it replaced, on texts built to hit
the corners (apostrophes before and after line ends, Unicode letters, digits, spaces of
every kind, words missing from cmudict), and the whole scoring of a page is compared with
a process where the stand-ins are not installed. No timing here.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pladlint.language import textstat_patch, textstat_speedups
from pladlint.language.readability import score_text

pytestmark = pytest.mark.skipif(
    textstat_patch.textstat_version() not in textstat_patch.CHECKED_VERSIONS,
    reason="stand-ins are only installed for checked textstat versions")

ROOT = Path(__file__).resolve().parent.parent
_PIECES = ["the", "patient's", "don't", "'quoted'", "rock 'n' roll", "o'clock", "cats'",
           "'", "'t", "'ve", "chemotherapy", "xqzvbr", "İstanbul", "ΟΔΟΣ", "straße", "naïve",
           "e.g.", "2.5", "100.4°F", "dose-limiting", "(38°C)", "_x_", "—", "…", "!", "?", ".",
           " ", "\n", "\t", "\xa0", "\u2028", "\x1c", "\u3000", "日本語", "٣", "Ⅻ", "ﬁ", "½"]


def _texts(count: int, seed: int = 8) -> list[str]:
    rng = random.Random(seed)
    out = ["", " ", "'", "a'\nthe", "one.\n'tis two.", "x" * 3, "İ", "ΟΔΟΣ", "Chemo", "½", "Ⅻ"]
    for _ in range(count):
        out.append("".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", "\n"])
                           for _ in range(rng.randint(1, 30))))
    return out


@pytest.fixture(scope="module")
def installed() -> dict:
    textstat_patch.install()
    return textstat_patch.ORIGINALS


def test_deletion_table_equals_regex_on_every_character() -> None:
    # Planes 0-3 (every assigned letter, digit and space) and the tags/variation selectors.
    codes = [*range(0x40000), *range(0xE0000, 0xE1000)]
    everything = "".join(map(chr, codes))
    for pattern in (r"[^\w\s]", r"[^\w\s\']", r"\s"):
        assert everything.translate(textstat_speedups.deletion_table(pattern)) == \
            re.sub(pattern, "", everything), pattern


def test_alphanumeric_word_is_its_own_word_list() -> None:
    # What the one-word shortcut of count_syllables relies on, for every character.
    for code in [*range(0x40000), *range(0xE0000, 0xE1000)]:
        ch = chr(code)
        if ch.isalnum():
            assert re.fullmatch(r"\w", ch), hex(code)
            assert len(ch.lower().split()) == 1 and ch.lower().split()[0] == ch.lower(), hex(code)


def test_stand_ins_equal_textstat(installed: dict) -> None:
    from textstat.backend.counts import _count_letters, _count_chars, _count_syllables
    from textstat.backend.counts import _count_polysyllable_words as poly
    from textstat.backend.selections import _list_difficult_words as listdiff
    from textstat.backend.transformations import _remove_punctuation as punct

    assert set(installed) >= {"remove_punctuation", "count_letters", "count_chars",
                              "count_syllables", "count_polysyllable_words",
                              "list_difficult_words"}
    assert _count_syllables.count_syllables is not installed["count_syllables"]
    for text in _texts(600):
        for flag in (True, False):
            assert punct.remove_punctuation(text, flag) == \
                installed["remove_punctuation"](text, flag), text
            assert _count_chars.count_chars(text, flag) == \
                installed["count_chars"](text, flag), text
        assert _count_letters.count_letters(text) == installed["count_letters"](text), text
        for lang in ("en", "es", "en_US"):
            assert _count_syllables.count_syllables(text, lang) == \
                installed["count_syllables"](text, lang), text
            assert poly.count_polysyllable_words(text, lang) == \
                installed["count_polysyllable_words"](text, lang), text
            for threshold in (0, 2, 3):
                assert listdiff.list_difficult_words(text, threshold, lang) == \
                    installed["list_difficult_words"](text, threshold, lang), text


def test_table_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textstat_speedups, "TABLE_SIZE", 4)
    table = textstat_speedups.Table(len)
    assert [table[w] for w in ["a", "bb", "ccc", "dddd", "eeeee", "bb"]] == [1, 2, 3, 4, 5, 2]
    assert len(table) <= 4


_SCORE_ALL = """
import json, sys
from pladlint.language import textstat_patch
if sys.argv[1] == "plain":
    textstat_patch.CHECKED_VERSIONS = ()
from pladlint.language.readability import score_text
from dataclasses import asdict
texts = json.load(sys.stdin)
print(json.dumps([asdict(score_text(t, lang)) for t in texts for lang in ("en", "es")]))
"""


def test_scores_equal_plain_textstat() -> None:
    page = (ROOT / "examples" / "chemotherapy-side-effects.md").read_text(encoding="utf-8")
    texts = [page, "\n".join(page.splitlines()[:40]), *_texts(80, seed=9)]
    runs = {}
    for mode in ("plain", "fast"):
        done = subprocess.run([sys.executable, "-c", _SCORE_ALL, mode], input=json.dumps(texts),
                              capture_output=True, text=True, check=True)
        runs[mode] = done.stdout
    assert runs["plain"] == runs["fast"]
    assert json.loads(runs["fast"])[0]["scores"]  # real scores, not empty ones
    assert score_text(page, "en").words > 100
