"""inflect_plain: a plain alternative takes the tense and number of the words it replaces."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pladlint.language.inflection import inflect_alternatives, inflect_plain
from pladlint.language.analysis import Token

# (written words as "text/lemma" pairs, the pack's phrase, the plain alternative, the word
# before the phrase (None: unknown, "": start of the text), expected swap (None: no swap)).
CASES = [
    # be + able/unable: modal "can", whose past is "could"
    ("is/be able/able to/to", "is able to", "can", "it", "can"),
    ("are/be able/able to/to", "is able to", "can", "they", "can"),
    ("was/be able/able to/to", "is able to", "can", "she", "could"),
    ("were/be able/able to/to", "is able to", "can", None, "could"),
    ("were/be unable/unable to/to", "is unable to", "cannot", "they", "could not"),
    ("were/be unable/unable to/to", "is unable to", "can't", "they", "couldn't"),
    ("am/be unable/unable to/to", "is unable to", "cannot", "I", "cannot"),
    ("been/be able/able to/to", "is able to", "can", "has", None),  # "has can"
    ("being/be able/able to/to", "is able to", "can", "not", None),
    # have + noun: "can"/"could", and "has an effect on" -> "affects"
    ("has/have the/the ability/ability to/to", "has the ability to", "can", "it", "can"),
    ("had/have the/the ability/ability to/to", "has the ability to", "can", "we", "could"),
    ("have/have the/the ability/ability to/to", "has the ability to", "can", "you", "can"),
    ("have/have the/the ability/ability to/to", "has the ability to", "can", "to", None),
    ("had/have the/the ability/ability to/to", "has the ability to", "can", "have", None),
    ("have/have an/a effect/effect on/on", "have an effect on", "affect", "they", "affect"),
    ("has/have an/a effect/effect on/on", "have an effect on", "affect", "it", "affects"),
    ("had/have an/a effect/effect on/on", "have an effect on", "affect", "it", "affected"),
    ("having/have an/a effect/effect on/on", "have an effect on", "affect", "by", "affecting"),
    ("has/have a/a tendency/tendency to/to", "have a tendency to", "tend to", "it", "tends to"),
    # a plain alternative listed in the third person follows the written number and tense
    ("were/be in/in need/need of/of", "is in need of", "needs", "we", "needed"),
    ("are/be in/in need/need of/of", "is in need of", "needs", "you", "need"),
    ("were/be indicative/indicative of/of", "is indicative of", "is a sign of", "they",
     "were a sign of"),
    ("was/be indicative/indicative of/of", "is indicative of", "shows", "it", "showed"),
    ("was/be required/require to/to", "is required to", "has to", "he", "had to"),
    ("are/be required/require to/to", "is required to", "has to", "you", "have to"),
    ("was/be required/require to/to", "is required to", "must", "he", None),  # no past
    # verb phrases: the first word is the head
    ("made/make a/a decision/decision", "make a decision", "decide", "you", "decided"),
    ("gave/give rise/rise to/to", "give rise to", "cause", "it", "caused"),
    ("took/take into/into consideration/consideration", "take into consideration",
     "think about", "we", "thought about"),
    ("making/make use/use of/of", "make use of", "use", "by", "using"),
    # single words, every tag
    ("utilized/utilize", "utilize", "use", None, "used"),
    ("utilizes/utilize", "utilize", "use", None, "uses"),
    ("utilizing/utilize", "utilize", "use", "is", "using"),
    ("utilize/utilize", "utilize", "use", "to", "use"),
    ("assists/assist", "assist", "help", "it", "helps"),
    ("assisted/assist", "assist", "help", "nurses", "helped"),
    ("obtained/obtain", "obtain", "get", "you", None),  # "got" or "gotten": unknown
    ("obtained/obtain", "obtain", "get", "have", "gotten"),
    ("demonstrated/demonstrate", "demonstrate", "show", "was", "shown"),
    ("demonstrated/demonstrate", "demonstrate", "show", None, None),  # "showed"/"shown"
    ("exceeds/exceed", "exceed", "be more than", "it", "is more than"),
    ("exceeded/exceed", "exceed", "be more than", "it", None),  # "was" or "were"
    # nouns: the last word is the head
    ("individuals/individual", "individuals", "people", "", "people"),
    ("modifications/modification", "modification", "change", "some", "changes"),
    ("components/component", "component", "part", "its", "parts"),
    ("end/end results/result", "end result", "result", "the", "results"),
    ("future/future plan/plan", "future plans", "plans", "a", "plan"),
    # invariant phrases, a capitalised sentence start, clitics
    ("prior/prior to/to", "prior to", "before", "", "before"),
    ("Prior/prior to/to", "prior to", "before", "", "Before"),
    ("PRIOR/prior TO/to", "prior to", "before", "", "BEFORE"),
    ("Utilized/utilized", "utilize", "use", "", "Used"),
    ("Were/be unable/unable to/to", "is unable to", "cannot", "", "Could not"),
    ("'s/be able/able to/to", "is able to", "can", "he", None),  # "Hecan"
    # more than one word differs from the phrase: no confident swap
    ("made/make decisions/decision", "make decision", "decide", "we", None),
]


def _words(spec: str) -> list[Token]:
    out, at = [], 0
    for pair in spec.split():
        text, lemma = pair.split("/")
        out.append(Token(text, lemma, at, at + len(text), True))
        at += len(text) + 1
    return out


@pytest.mark.parametrize("written, phrase, plain, previous, expected", CASES,
                         ids=[f"{c[0].split()[0].split('/')[0]}:{c[1]}->{c[2]}:{c[4]}"
                              for c in CASES])
def test_inflect_plain(written: str, phrase: str, plain: str, previous: str | None,
                       expected: str | None) -> None:
    assert inflect_plain(_words(written), phrase, plain, previous) == expected


def test_one_word_as_a_token_a_pair_or_text() -> None:
    token = Token("utilized", "utilize", 0, 8, True)
    assert inflect_plain(token, "utilize", "use") == "used"
    assert inflect_plain(("assists", "assist"), "assist", "help") == "helps"
    assert inflect_plain("Utilizes", "utilize", "use") == "Uses"  # lemma from lemminflect
    assert inflect_plain([("were", "be"), ("unable", ""), ("to", "")], "is unable to",
                         "cannot") == "could not"


def test_alternatives_keep_only_those_that_fit() -> None:
    written = _words("was/be required/require to/to")
    assert inflect_alternatives(written, "is required to", ["must", "has to"], "he") == [
        "had to"]
    written = _words("were/be unable/unable to/to")
    assert inflect_alternatives(written, "is unable to", ["cannot", "can't"], "") == [
        "could not", "couldn't"]
    assert inflect_alternatives(_words("been/be able/able to/to"), "is able to", ["can"],
                                "has") == []


def test_importing_the_module_does_not_import_lemminflect() -> None:
    code = ("import sys, pladlint.language.inflection; "
            "assert 'lemminflect' not in sys.modules; assert 'spacy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lemminflect_needs_no_download(tmp_path) -> None:
    # Its tables ship in the wheel: with no network and an empty home it still inflects.
    code = ("import socket\n"
            "def no(*a, **k): raise OSError('network used')\n"
            "socket.socket.connect = no; socket.create_connection = no\n"
            "from pladlint.language.inflection import inflect_plain\n"
            "assert inflect_plain(('utilized', 'utilize'), 'utilize', 'use') == 'used'\n")
    subprocess.run([sys.executable, "-c", code], check=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
