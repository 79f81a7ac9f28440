"""The helpers behind the faster parse and NLP stages give what the plain code would."""

from __future__ import annotations

from pathlib import Path

from pladlint.document import parse_document
from pladlint.positions import Span
from pladlint.language.analysis import Token, _TextMemo, _token, analyze
from pladlint.language.pipeline import get_pipeline


def test_token_factory_makes_an_equal_frozen_token():
    made = _token("Tests", "test", 3, 8, True)
    plain = Token("Tests", "test", 3, 8, True)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    try:
        made.text = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("Token should stay frozen")


def test_text_memo_drops_least_recently_used_past_its_size():
    memo = _TextMemo(10)
    memo.put("aaaa", ([], []))
    memo.put("bbbb", ([], []))
    assert memo.get("aaaa") is not None  # now more recent than "bbbb"
    memo.put("cccc", ([], []))
    assert memo.get("bbbb") is None and memo.get("aaaa") is not None
    assert memo.chars == 8
    memo.put("x" * 11, ([], []))  # longer than the whole memo: not kept
    assert memo.get("x" * 11) is None


def test_a_unit_met_on_an_earlier_page_is_analysed_alike():
    nlp = get_pipeline("en")
    text = "# Care\n\nCall us at 555-0100. We answer every day.\n\n| Yes | No |\n|---|---|\n| x | y |\n"
    first = analyze(parse_document(Path("a.md"), text), nlp)
    again = analyze(parse_document(Path("b.md"), "Intro.\n\n" + text), nlp)
    assert [repr(u) for u in again[1:]] == [
        repr(u).replace(f"unit={i}", f"unit={i + 1}") for i, u in enumerate(first)
    ]
    assert all(a.tokens is not b.tokens for a, b in zip(first, again[1:]))


def test_verbatim_and_escaped_text_map_to_their_source():
    text = "A \\*star\\* and www.example.org here &amp; there.\n"
    unit = parse_document(Path("p.md"), text).units[0]
    assert unit.text == "A *star* and  here & there."
    # as the per-character code gave them before text found as written took a faster path
    assert list(unit.starts) == [0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 30, 31, 32, 33, 34, 35,
                           36, 41, 42, 43, 44, 45, 46, 47]
    assert list(unit.ends) == [1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 31, 32, 33, 34, 35, 36, 41,
                         42, 43, 44, 45, 46, 47, 48]


def test_offsets_are_compact_arrays():
    """A unit keeps a start and an end per prose character: machine integers, not a list of
    Python ints (about 40 bytes a character, most of a big page's memory)."""
    from array import array

    unit = parse_document(Path("p.md"), "A page of plain words &amp; more.\n").units[0]
    assert isinstance(unit.starts, array) and isinstance(unit.ends, array)
    assert unit.starts.itemsize <= 4 and len(unit.starts) == len(unit.text)
    assert unit.source_span(2, 6) == Span(2, 6)


def _matching_close_per_character(src: str, pos: int, limit: int, open_ch: str,
                                  close_ch: str) -> int:
    """The character loop matching_close() replaced."""
    depth = 0
    i = pos
    while i < limit:
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def test_matching_close_agrees_with_a_character_loop():
    import random

    from pladlint.document.inline import matching_close

    rng = random.Random(8)
    for _ in range(3000):
        src = "".join(rng.choice("ab\\()[]x ") for _ in range(rng.randint(1, 30)))
        pos = rng.randrange(len(src))
        limit = rng.randint(pos, len(src))
        for pair in ("()", "[]", "{}"):
            assert matching_close(src, pos, limit, *pair) == _matching_close_per_character(
                src, pos, limit, *pair), (src, pos, limit, pair)
