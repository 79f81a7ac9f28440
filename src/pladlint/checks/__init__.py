"""The registry: every rule pladlint knows, by code and by name. Codes are never reused."""

from __future__ import annotations

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.accessibility.acronym_unexpanded import AcronymUnexpanded
from pladlint.checks.metadata.audience_unknown import AudienceUnknown
from pladlint.checks.readability.complex_word import ComplexWord
from pladlint.checks.accessibility.heading_empty import HeadingEmpty
from pladlint.checks.accessibility.heading_first_level import HeadingFirstLevel
from pladlint.checks.accessibility.heading_skip import HeadingSkip
from pladlint.checks.accessibility.image_alt_missing import ImageAltMissing
from pladlint.checks.accessibility.image_alt_quality import ImageAltQuality
from pladlint.checks.jargon.density import JargonDensity
from pladlint.checks.jargon.rare_word import JargonRareWord
from pladlint.checks.jargon.unexplained import JargonUnexplained
from pladlint.checks.metadata.language_unsupported import LanguageUnsupported
from pladlint.checks.accessibility.link_text_vague import LinkTextVague
from pladlint.checks.readability.long_paragraph import LongParagraph
from pladlint.checks.readability.long_sentence import LongSentence
from pladlint.checks.metadata.invalid import MetadataInvalid
from pladlint.checks.metadata.missing import MetadataMissing
from pladlint.checks.metadata.review_overdue import MetadataReviewOverdue
from pladlint.checks.readability.reading_grade import ReadingGrade
from pladlint.checks.unused_suppression import UnusedSuppression
from pladlint.checks.readability.wordy_phrase import WordyPhrase
from pladlint.checks.readability.passive_voice import PassiveVoice
from pladlint.checks.readability.person_first import PersonFirstLanguage
from pladlint.checks.readability.number_clarity import NumberClarity
from pladlint.checks.readability.hard_section import SectionDifficulty

# One explicit, greppable registry. Code families: PL0xx page-level (audience, language),
# PL1xx readability, PL2xx jargon, PL3xx accessibility, PL4xx metadata, PL9xx workflow.
# Retired codes stay reserved: never reuse one.
ALL_RULES: tuple[Rule, ...] = (
    # -- PL0xx page level
    AudienceUnknown(),
    LanguageUnsupported(),
    # -- PL1xx readability
    ReadingGrade(),
    LongSentence(),
    LongParagraph(),
    ComplexWord(),
    WordyPhrase(),
    PassiveVoice(),
    PersonFirstLanguage(),
    NumberClarity(),
    SectionDifficulty(),
    # -- PL2xx jargon
    JargonUnexplained(),
    JargonRareWord(),
    JargonDensity(),
    # -- PL3xx accessibility
    ImageAltMissing(),
    ImageAltQuality(),
    LinkTextVague(),
    HeadingEmpty(),
    HeadingSkip(),
    HeadingFirstLevel(),
    AcronymUnexpanded(),
    # -- PL4xx metadata
    MetadataReviewOverdue(),
    MetadataInvalid(),
    MetadataMissing(),
    # -- PL9xx workflow
    UnusedSuppression(),
)

__all__ = ["ALL_RULES", "Option", "Rule", "Severity", "Violation", "find_rule"]


def find_rule(key: str) -> Rule | None:
    return _RULES_BY_KEY.get(str(key).strip().lower())


# Built once: find_rule is called per finding by some formatters.
_RULES_BY_KEY: dict[str, Rule] = {
    k: rule for rule in ALL_RULES for k in (rule.code.lower(), rule.name)
}
