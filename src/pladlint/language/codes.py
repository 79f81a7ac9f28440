"""A page's language, from what a writer or a configuration says: "English", "es-MX", "en_US"."""

from __future__ import annotations

from typing import Any

_NAMES = {"english": "en", "spanish": "es", "español": "es", "espanol": "es"}


def normalize_language(value: Any) -> str:
    """The ISO 639-1 code: "English" and "en-GB" are "en", "español" and "es_MX" are "es"."""
    text = str(value).strip().lower().replace("_", "-")
    text = _NAMES.get(text, text)
    return text.split("-")[0] or "en"
