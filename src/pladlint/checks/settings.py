"""Settings several rules share, declared once and typed.

The jargon rules share one scan of the page, and the section summaries read it too, so the
options that shape the scan (glossary patterns, scope, links) must be the same for all of
them; the acronym scan and the reading targets are shared the same way. Each group is
declared here once, with its options; the rule that owns the table in the configuration
(`[rules.jargon-unexplained]`, `[rules.acronym-unexpanded]`, `[rules.reading-grade]`) lists
these options, and the engine resolves them once per run into `Settings`, which every rule
reads from the document context. No rule reads another rule's options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from pladlint.checks.options import Option

JARGON_OPTIONS = {
    "glossary-patterns": Option([], list, "Extra URL regexes that count as glossary links."),
    "site-links": Option(True, bool,
                         "A term in the text of a link to another page of the site (a relative "
                         "URL, such as /types/lung) counts as explained; false: only glossary "
                         "links do."),
    "scope": Option("document", str,
                    "Where an explanation holds: 'document' (later uses are fine) or 'section' "
                    "(each section explains its own terms).", choices=("document", "section")),
}

ACRONYM_OPTIONS = {
    "allow": Option([], list, "More acronyms every reader of this project knows."),
    "glossary-patterns": Option([], list, "Extra URL regexes that count as glossary links."),
}

# The configuration tables that hold the shared options (the rules that list them).
JARGON_TABLE = "jargon-unexplained"
ACRONYM_TABLE = "acronym-unexpanded"
READING_TABLE = "reading-grade"


@dataclass(frozen=True)
class JargonSettings:
    glossary_patterns: tuple[str, ...] = ()  # added to the default glossary URL patterns
    scope: str = "document"  # where an explanation holds: "document" or "section"
    site_links: bool = True  # a term in the text of a link to a page of the site is explained
    glossary_terms: frozenset[str] = frozenset()  # the project glossary file's terms

    @classmethod
    def from_options(cls, options: Mapping[str, Any],
                     glossary_terms: frozenset[str] = frozenset()) -> "JargonSettings":
        return cls(tuple(options.get("glossary-patterns", ())),
                   str(options.get("scope", "document")), bool(options.get("site-links", True)),
                   frozenset(str(t).lower() for t in glossary_terms))


@dataclass(frozen=True)
class AcronymSettings:
    allow: tuple[str, ...] = ()
    glossary_patterns: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> "AcronymSettings":
        return cls(tuple(options.get("allow", ())), tuple(options.get("glossary-patterns", ())))


@dataclass(frozen=True)
class Settings:
    """What the engine resolves from the configuration for one page."""

    jargon: JargonSettings = JargonSettings()
    acronyms: AcronymSettings = AcronymSettings()
    # reading-grade's target and min-words shape the section summaries too
    reading: Mapping[str, Any] = field(default_factory=dict)
    unknown_audience: str | None = None  # the front matter named an audience with no profile


def resolve(options_of: Callable[[str], Mapping[str, Any]], glossary_terms: frozenset[str],
            unknown_audience: str | None = None) -> Settings:
    """The shared settings, given `options_of(table)`: the resolved options of a rule's
    configuration table (its defaults when the table is not set)."""
    return Settings(JargonSettings.from_options(options_of(JARGON_TABLE), glossary_terms),
                    AcronymSettings.from_options(options_of(ACRONYM_TABLE)),
                    dict(options_of(READING_TABLE)), unknown_audience)
