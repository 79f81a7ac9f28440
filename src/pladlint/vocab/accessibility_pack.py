"""The word lists of rules/accessibility.yml as one typed, cached object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pladlint.validation import problem
from pladlint.vocab.packs import PackError, load_pack, require

_EDGE_PUNCT = " \t\r\n.:;,!?…»«>→←<\"'“”‘’()[]*_"
_SPACES = re.compile(r"\s+")


def normalize_phrase(text: str) -> str:
    """Lower case, one space between words, punctuation at both ends removed."""
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCT).strip().lower()


@dataclass(frozen=True)
class AccessibilityPack:
    vague_link_texts: frozenset[str]
    placeholder_alt_texts: frozenset[str]
    alt_text_prefixes: tuple[str, ...]  # longest first
    acronym_allowlist: frozenset[str]  # matched as written (case-sensitive)
    not_acronyms: frozenset[str]  # roman numerals and units, matched as written
    state_codes: frozenset[str] = frozenset()  # not acronyms after "Place, "

    def alt_prefix(self, alt: str) -> str | None:
        """The listed prefix `alt` starts with (whole words, any case), or None."""
        low = normalize_phrase(alt)
        for prefix in self.alt_text_prefixes:
            if low == prefix or low.startswith(prefix + " "):
                return prefix
        return None


def _strings(data: dict, key: str, where: str) -> list[str]:
    values = require(data, key, list, where)
    if problem(values, list) is not None:
        bad = next(x for x in values if not isinstance(x, str))
        raise PackError(f"{where}: every entry of '{key}' must be a string, not {bad!r}")
    return values


@lru_cache(maxsize=4)
def accessibility_pack(base: str | None = None) -> AccessibilityPack:
    data = load_pack("accessibility.yml", base)
    where = "accessibility.yml"
    allow = require(data, "acronym_allowlist", dict, where)
    require(allow, "source", str, f"{where}: acronym_allowlist")
    prefixes = sorted({normalize_phrase(p) for p in _strings(data, "alt_text_prefixes", where)},
                      key=len, reverse=True)
    return AccessibilityPack(
        vague_link_texts=frozenset(normalize_phrase(t) for t in _strings(data, "vague_link_texts", where)),
        placeholder_alt_texts=frozenset(
            normalize_phrase(t) for t in _strings(data, "placeholder_alt_texts", where)),
        alt_text_prefixes=tuple(prefixes),
        acronym_allowlist=frozenset(_strings(allow, "terms", f"{where}: acronym_allowlist")),
        not_acronyms=frozenset(_strings(data, "roman_numerals_and_units", where)),
        state_codes=frozenset(_strings(data, "us_state_codes", where)),
    )
