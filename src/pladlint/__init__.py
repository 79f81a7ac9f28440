"""pladlint: a plain-language and accessibility linter for patient-facing health content."""

__version__ = "0.1.0"
