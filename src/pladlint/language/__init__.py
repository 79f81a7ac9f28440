"""Language layer: spaCy tokens and sentences, textstat scores, all offline."""
