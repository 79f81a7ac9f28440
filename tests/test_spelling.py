"""us_spelling: British forms to US ones, only when the US form is the more frequent word."""

from __future__ import annotations

import pytest

from pladlint.language.spelling import us_spelling


@pytest.mark.parametrize("british, us", [
    # -isation / -ise / -ised / -ising
    ("organisation", "organization"),
    ("hospitalisations", "hospitalizations"),
    ("minimise", "minimize"),
    ("randomised", "randomized"),
    ("recognising", "recognizing"),
    ("analyse", "analyze"),
    # -our
    ("colour", "color"),
    ("behavioural", "behavioral"),
    ("favourable", "favorable"),
    ("tumours", "tumors"),
    # -tre
    ("centre", "center"),
    ("centred", "centered"),
    ("fibre", "fiber"),
    # ae / oe in medical words
    ("anaemia", "anemia"),
    ("leukaemia", "leukemia"),
    ("haemoglobin", "hemoglobin"),
    ("paediatric", "pediatric"),
    ("orthopaedic", "orthopedic"),
    ("oesophagus", "esophagus"),
    ("oestrogen", "estrogen"),
    ("foetus", "fetus"),
    ("diarrhoea", "diarrhea"),
    ("oedema", "edema"),
    # -ogue, -ence, -lled / -lling, programme
    ("analogue", "analog"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("travelled", "traveled"),
    ("labelling", "labeling"),
    ("programme", "program"),
    ("programmes", "programs"),
])
def test_british_forms_become_us(british: str, us: str) -> None:
    assert us_spelling(british) == us


@pytest.mark.parametrize("word", [
    # a British-looking ending that is the only (or the more frequent) spelling
    "exercise", "advise", "promise", "surprise", "otherwise", "expertise", "precise",
    "hour", "four", "your", "flour", "tours", "dialogue", "cancelled", "programmed",
    # -lled / -lling after a stressed syllable
    "filled", "tilled", "killed", "controlled", "installed",
    # "oe" / "ae" outside the medical stems
    "shoe", "does", "goes", "aerobic",
    # -re that is not -tre
    "genre", "acre", "hatred", "timbre",
    # already US, or not English patterns at all
    "utilization", "color", "anemia", "criteria", "via", "",
])
def test_other_words_are_unchanged(word: str) -> None:
    assert us_spelling(word) == word


def test_capitals_are_kept() -> None:
    assert us_spelling("Utilisation") == "Utilization"
    assert us_spelling("UTILISATION") == "UTILIZATION"
    assert us_spelling("Colour") == "Color"


def test_non_words_are_unchanged() -> None:
    assert us_spelling("colour-blind") == "colour-blind"
    assert us_spelling("centre's") == "centre's"
    assert us_spelling("C1-C7") == "C1-C7"
