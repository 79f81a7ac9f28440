"""A plain word for a written one: what wordy-phrase and complex-word both report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from pladlint.language.inflection import inflect_alternatives
from pladlint.vocab.lexicon import Match


@dataclass(frozen=True)
class Swap:
    start: int  # prose offsets of the written words in their unit
    end: int
    written: str
    plain: tuple[str, ...]  # the pack's alternatives, in the form it lists them
    fitting: list[str]  # those that take the written words' form, inflected ("used")


def swap_for(text: str, tokens: Sequence[Any], m: Match,
             looked_up: Sequence[Any] | None = None) -> Swap:
    """The swap for lexicon match `m` over `tokens` of a unit whose prose is `text`. The pack
    lists one form ("is unable to" -> "cannot"); the swap takes the written one's tense and
    number ("were unable to" -> "could not"). `looked_up`: the tokens as matched, when they
    differ from the written ones (US spellings of British words)."""
    start, end = tokens[m.first].start, tokens[m.last - 1].end
    previous = tokens[m.first - 1].text if m.first > 0 else ""
    fitting = inflect_alternatives(list((looked_up or tokens)[m.first:m.last]), m.term.term,
                                   m.term.plain, previous)
    return Swap(start, end, text[start:end], m.term.plain, fitting)
