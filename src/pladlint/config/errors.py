"""The error every configuration problem is reported with."""

from __future__ import annotations


class ConfigError(Exception):
    """Invalid configuration; the message names the file and the key."""
