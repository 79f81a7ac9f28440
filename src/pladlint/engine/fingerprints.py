"""Stable finding fingerprints: what a baseline and SARIF `partialFingerprints` compare.

A fingerprint hashes the rule, the file path (relative to the project root when a
configuration file fixes one), the section heading, the offending text with case and
whitespace normalized, and the occurrence index of that same (rule, section, text) within
the file. Line and column numbers are left out on purpose: adding a paragraph above a known
problem moves it down the page but must not make it look new.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from pladlint.findings import Finding, root_relative_path

FINGERPRINT_VERSION = "1"
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Case-folded text with runs of whitespace (line breaks included) made one space."""
    return _SPACE.sub(" ", text).strip().casefold()


# The path a fingerprint uses: relative to the project root when the file lies under it,
# as every report that shows a project path does.
fingerprint_path = root_relative_path


def compute(rule: str, path: str, section: str, text: str, occurrence: int) -> str:
    key = "\x1f".join((FINGERPRINT_VERSION, rule, path, normalize_text(section),
                       normalize_text(text), str(occurrence)))
    # "surrogatepass": a page given as text (the library, the editor's JSON) may hold a lone
    # surrogate; valid text hashes exactly as before
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def assign_fingerprints(findings: list[Finding], display_path: str,
                        root: Path | None = None) -> list[Finding]:
    """The findings, in the same order, each with its fingerprint set.

    Occurrences are counted in document order, so the n-th identical problem of a section
    keeps its identity however far the section moves.
    """
    path = fingerprint_path(display_path, root)
    seen: dict[tuple[str, str, str], int] = {}
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end, i))
    prints: dict[int, str] = {}
    for i in order:
        f = findings[i]
        key = (f.rule, normalize_text(f.section), normalize_text(f.text))
        n = seen.get(key, 0)
        seen[key] = n + 1
        prints[i] = compute(f.rule, path, f.section, f.text, n)
    return [replace(f, fingerprint=prints[i]) for i, f in enumerate(findings)]
