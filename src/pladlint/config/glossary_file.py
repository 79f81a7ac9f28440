"""The project glossary file (`glossary = "glossary.yml"` in the configuration).

A YAML mapping of term -> definition (or a list of terms). Its terms count as explained on
every page. The path is relative to the configuration file that names it.
"""

from __future__ import annotations

from pathlib import Path

from pladlint.config.errors import ConfigError
from pladlint.vocab.packs import PackError, load_yaml


def load_glossary(value: str, where: str) -> frozenset[str]:
    base = Path(where).parent if Path(where).is_file() else Path.cwd()
    path = (base / value).resolve() if not Path(value).is_absolute() else Path(value)
    if not path.is_file():
        raise ConfigError(f"{where}: 'glossary': file not found: {path}")
    try:
        data = load_yaml(path)
    except PackError as exc:
        raise ConfigError(f"{where}: 'glossary': {exc}") from None
    if isinstance(data, dict):
        terms = data.get("terms", data) if isinstance(data.get("terms"), dict) else data
        return frozenset(str(k).strip().lower() for k in terms)
    if isinstance(data, list):
        return frozenset(str(k).strip().lower() for k in data if not isinstance(k, (dict, list)))
    raise ConfigError(f"{where}: 'glossary': {path} must be a YAML mapping of term -> definition")
