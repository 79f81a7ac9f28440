"""Safe swaps: wordy phrases for plain words where the pack marks the swap safe."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pladlint.checks import find_rule
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.findings import FileResult
from pladlint.fixes.edits import Edit, without_overlaps
from pladlint.vocab.packs import load_pack


_RULE_FOR_KIND = {"wordy": "wordy-phrase", "complex": "complex-word"}
# Rules whose findings carry their own swap, applied when the finding says it is safe
# (`data["safe"]`: the pack marks the entry safe and the swap fits the written form).
_FINDING_SWAP_RULES = frozenset({"person-first-language"})


@dataclass(frozen=True)
class Substitution:
    phrase: str
    plain: str
    kind: str  # wordy | complex


@lru_cache(maxsize=1)
def safe_substitutions() -> tuple[Substitution, ...]:
    """The pack's safe entries, longest phrase first so longer phrases win overlaps."""
    data = load_pack("plain-language.yml")
    out = []
    for entry in data.get("entries") or ():
        if not isinstance(entry, dict) or entry.get("safe") is not True:
            continue
        phrase, plain = entry.get("phrase"), entry.get("plain")
        if not isinstance(phrase, str) or not isinstance(plain, list) or not plain:
            continue
        out.append(Substitution(phrase.strip().lower(), str(plain[0]), str(entry.get("kind", ""))))
    out.sort(key=lambda s: (-len(s.phrase), s.phrase))
    return tuple(out)


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, Substitution]]:
    subs = safe_substitutions()
    table = {s.phrase: s for s in subs}
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in s.phrase.split()) for s in subs)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.I), table


def _match_case(written: str, plain: str) -> str:
    if written.isupper() and len(written) > 1:
        return plain.upper()
    if written[:1].isupper() and not plain[:1].isupper():
        return plain[:1].upper() + plain[1:]
    return plain


def plan_edits(result: FileResult, config: Config | None = None) -> list[Edit]:
    """The safe swaps for one linted file, in file order, never overlapping."""
    text = result.source
    if not text:
        return []
    doc = parse_document(Path(result.path), text)
    pattern, table = _pattern()
    reported = _reported_spans(result, config)
    edits: list[Edit] = _finding_swaps(result, doc)
    for unit in doc.units if table else ():
        if unit.kind == "heading":  # headings make anchors: changing them breaks links
            continue
        for m in pattern.finditer(unit.text):
            key = " ".join(m.group(0).lower().split())
            sub = table.get(key)
            if sub is None:
                continue
            span = unit.source_span(m.start(), m.end())
            written = text[span.start: span.end]
            if " ".join(written.lower().split()) != sub.phrase:  # markup inside the phrase
                continue
            rule = _RULE_FOR_KIND.get(sub.kind, "")
            allowed = reported.get(rule)
            if allowed is not None and not any(a < span.end and span.start < b
                                               for a, b in allowed):
                continue
            edits.append(Edit(span.start, span.end, written, _match_case(written, sub.plain),
                              rule))
    return without_overlaps(edits)


def _finding_swaps(result: FileResult, doc) -> list[Edit]:
    """The safe swaps that findings carry ("Diabetics" -> "People with diabetes"), outside
    headings and with no markup inside the words."""
    headings = [u.block for u in doc.units if u.kind == "heading"]
    out = []
    for f in result.findings:
        if f.rule not in _FINDING_SWAP_RULES or not f.suggestion or not (f.data or {}).get("safe"):
            continue
        written = result.source[f.start:f.end]
        if any(h.start <= f.start < h.end for h in headings) or any(
                c in written for c in "\n*_[]`<>\\"):
            continue
        out.append(Edit(f.start, f.end, written, f.suggestion, f.rule))
    return out


def _reported_spans(result: FileResult, config: Config | None) -> dict[str, list[tuple[int, int]]]:
    """Per fixing rule that exists in the registry: the spans it reported (None: no such rule)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for rule_name in _RULE_FOR_KIND.values():
        rule = find_rule(rule_name)
        if rule is None:
            continue
        if config is not None and not config.rule_setting(rule).enabled:
            out[rule_name] = []
            continue
        out[rule_name] = [(f.start, f.end) for f in result.findings if f.rule == rule_name]
    return out
