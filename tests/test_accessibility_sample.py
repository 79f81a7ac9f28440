"""Acceptance on the real NCI page in ../shared (skipped in a user's clone, which has none).

With --today 2026-11-28 the accessibility and metadata rules must report the empty-alt image,
every empty heading, HER2 (first used in the link-card text) and the overdue review, at their
positions, and must not report the "Learn more about ..." links.
"""

from __future__ import annotations

import datetime as dt

from pladlint.api import lint_text
from pladlint.config import Config

ACCESSIBILITY_RULES = {
    "image-alt-missing", "image-alt-quality", "link-text-vague", "heading-empty", "heading-skip",
    "heading-first-level", "acronym-unexpanded", "metadata-review-overdue", "metadata-invalid",
    "metadata-missing",
}


def _findings(sample_page):
    text = sample_page.read_text(encoding="utf-8")
    result = lint_text(text, Config(), path=sample_page.name, today=dt.date(2026, 11, 28))
    return [f for f in result.findings if f.rule in ACCESSIBILITY_RULES], text


def test_sample_page_accessibility_findings(sample_page) -> None:
    findings, text = _findings(sample_page)
    at = {(f.rule, f.line, f.column) for f in findings}
    # the image with empty alt text (the video thumbnail)
    assert ("image-alt-missing", 52, 1) in at
    # every empty "##" heading, at its marker
    empty_heading_lines = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == "##"]
    assert len(empty_heading_lines) == 8
    got_empty = sorted(f.line for f in findings if f.rule == "heading-empty")
    assert got_empty == empty_heading_lines
    assert all(f.column == 1 and f.text == "##" for f in findings if f.rule == "heading-empty")
    # HER2, first used in the text of the linked card (the alt text's "HER-2" is not prose)
    her2 = [f for f in findings if f.rule == "acronym-unexpanded" and f.text == "HER2"]
    assert [(f.line, f.column) for f in her2] == [(84, 52)]
    # CML is spelled out ("chronic myelogenous leukemia (also known as CML)"), DNA is known
    assert not any(f.text in ("CML", "DNA") for f in findings if f.rule == "acronym-unexpanded")
    # the overdue review: lastReviewed 2025-12-30 + quarterly = due 2026-03-30
    overdue = [f for f in findings if f.rule == "metadata-review-overdue"]
    assert [(f.line, f.column, f.end_line) for f in overdue] == [(12, 1, 12)]
    assert "2026-03-30" in overdue[0].message
    # "Learn more about ..." links are fine; so is every other link text on the page
    assert not [f for f in findings if f.rule == "link-text-vague"]
    # one '#' first, no skipped level, readable review metadata
    assert not [f for f in findings if f.rule in ("heading-first-level", "heading-skip",
                                                  "metadata-invalid", "metadata-missing")]
