"""Telling a name from a word choice: capitalised words in mid-sentence."""

from __future__ import annotations

from typing import Sequence

from pladlint.language.analysis import Token

# A token after which a capital letter is ordinary (a new sentence, a quotation, a bracket).
_OPENERS = (".", "!", "?", ":", "(", "\"", "“")


def capitalised_in_mid_sentence(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Do the words of tokens[first:last] all start with a capital, not at a sentence start?

    Such words are part of a name ("Surveillance, Epidemiology, and End Results", "FDA's
    Accelerated Approval Program"), which a writer cannot reword.
    """
    if first == 0 or tokens[first - 1].text in _OPENERS:
        return False
    words = [t.text for t in tokens[first:last] if t.is_word]
    return bool(words) and all(w[:1].isupper() for w in words)
