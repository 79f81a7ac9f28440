"""spaCy pipelines: a blank pipeline with a sentencizer and a lookup lemmatizer by default.

Everything it needs ships in installed packages (spaCy's tokenizer exceptions and
spacy-lookups-data's lemma tables), so nothing is downloaded. A trained pipeline is used
only when the configuration names one and it is installed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Languages that get spacy-lookups-data's lookup lemmatizer. English only: the word-list
# rules (jargon, complex-word, wordy-phrase) that match on lemmas are English, and loading
# the Spanish table costs about 9 seconds per process for lemmas nothing reads. Spanish
# tokens carry their lower-cased text as lemma.
_LOOKUP_LANGS = {"en"}


class PipelineError(Exception):
    pass


@lru_cache(maxsize=8)
def get_pipeline(lang: str, model: str | None = None) -> Any:
    from pladlint.vocab.precompiled import import_spacy

    spacy = import_spacy()  # without spaCy's command-line modules: a faster start

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError:
            raise PipelineError(
                f"spaCy pipeline '{model}' is not installed (pip install it, or remove "
                "'spacy-model' from the configuration to use the built-in blank pipeline)"
            ) from None
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    if lang in _LOOKUP_LANGS:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    return nlp
