"""What to write instead: plain alternatives for acronyms, drug names and rare words.

Jargon terms get theirs from the packs (lexicon.py). The findings that have no pack entry
read these packs, all written by the project and kept as data in `rules/jargon/`:

- `acronym-expansions.yml`: what an acronym stands for ("National Cancer Institute"), with a
  few plain words when the expansion is itself jargon;
- `drug-stems.yml`: what a drug is, by the ending of its name (the USAN and INN naming stems:
  "-mab" is an antibody drug), or by name for drugs whose name tells nothing; plain words for
  other rare medical words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pladlint.language.acronyms import key as acronym_key
from pladlint.vocab.packs import PackError, load_pack


@dataclass(frozen=True)
class Expansion:
    expansion: str
    plain: str | None = None
    kind: str | None = None  # gene, regimen, organisation, test, other

    def suggestion(self, token: str) -> str:
        """'National Cancer Institute (NCI)'; a gene or regimen is described, not spelled
        out: 'KRAS (a gene that helps control cell growth)'."""
        if self.kind in ("gene", "regimen") or self.expansion[:2] in ("a ", "an"):
            return f"{token} ({self.expansion})"
        text = f"{self.expansion} ({token})"
        return f"{text}, {self.plain}" if self.plain else text


@lru_cache(maxsize=1)
def _expansions() -> dict[str, Expansion]:
    try:
        data = load_pack("jargon/acronym-expansions.yml")
    except PackError:
        return {}
    out = {}
    for token, entry in (data.get("acronyms") or {}).items():
        if isinstance(entry, dict) and entry.get("expansion"):
            out[acronym_key(str(token))] = Expansion(
                str(entry["expansion"]), entry.get("plain") and str(entry["plain"]),
                entry.get("kind") and str(entry["kind"]))
    return out


def acronym_expansion(token: str) -> Expansion | None:
    return _expansions().get(acronym_key(token))


@lru_cache(maxsize=1)
def _drug_pack() -> tuple[tuple[tuple[str, str], ...], dict[str, str], dict[str, str]]:
    try:
        data = load_pack("jargon/drug-stems.yml")
    except PackError:
        return (), {}, {}
    stems = sorted(((str(k).lower().lstrip("-"), str(v)) for k, v in
                    (data.get("stems") or {}).items() if v), key=lambda kv: -len(kv[0]))
    drugs = {str(k).lower(): str(v) for k, v in (data.get("drugs") or {}).items() if v}
    other = {str(k).lower(): str(v) for k, v in (data.get("other") or {}).items() if v}
    return tuple(stems), drugs, other


def drug_description(name: str) -> str | None:
    """'a drug made from antibodies ...' for 'pembrolizumab': by name, then by stem."""
    stems, drugs, _ = _drug_pack()
    low = " ".join(name.lower().split())
    if low in drugs:
        return drugs[low]
    head = low.split()[0] if low else low  # "doxorubicin hydrochloride": the drug, not the salt
    if head in drugs:
        return drugs[head]
    for stem, text in stems:
        if head.endswith(stem) and len(head) > len(stem) + 2:
            return text
    return None


def rare_word_plain(word: str) -> str | None:
    _, drugs, other = _drug_pack()
    low = word.lower()
    return other.get(low) or drugs.get(low)
