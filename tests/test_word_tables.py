"""The precompiled per-word tables (vocab/word_tables.py, vocab/frequency.py) give the same
answers as the libraries they stand in for: wordfreq, lemminflect and pyphen."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from pladlint.vocab import frequency, precompiled, word_tables
from pladlint.vocab.rare_words import _known_words, misspelling_of


@pytest.fixture()
def cache_folder(tmp_path: Path):
    previous = precompiled.cache_dir()
    precompiled.set_cache_dir(tmp_path)
    frequency.zipf.cache_clear()
    try:
        yield tmp_path
    finally:
        precompiled.set_cache_dir(previous)
        frequency.zipf.cache_clear()


def _wordfreq():
    return precompiled.import_wordfreq()


def test_sharded_table_reads_what_was_stored() -> None:
    table = {f"w{i}": (i, f"v{i}") for i in range(5000)}
    sharded = word_tables.ShardedTable(word_tables.shard_blobs(table))
    assert all(sharded.get(k) == v and sharded[k] == v and k in sharded
               for k, v in table.items())
    assert sharded.get("missing", {}) == {} and "missing" not in sharded and 3 not in sharded
    with pytest.raises(KeyError):
        sharded["missing"]


def test_stored_zipf_equals_wordfreq(cache_folder: Path) -> None:
    wordfreq = _wordfreq()
    words = list(wordfreq.get_frequency_dict("en"))
    rnd = random.Random(18)
    sample = words[::40] + [w.upper() for w in words[::400]] + [w.title() for w in words[1::400]]
    sample += [" ".join(rnd.sample(words, 2)) for _ in range(400)]
    sample += ["-".join(rnd.sample(words, 3)) for _ in range(400)]
    sample += ["lymph node", "Guillain-Barre syndrome", "X-ray", "qzxvqzxv", "the qzxvq",
               "1", "12", "2024", "0042", "99999", "n't", "don't", "café", "covid-19", "a  b",
               "A-b-C", "", " ", "-", "the-", "Ærø", "nausea", "NAUSEA"]
    assert frequency._tables(cache_folder) is not None
    assert list((cache_folder / "precompiled").glob("wordfreq-buckets-*"))
    wrong = [w for w in sample if frequency.zipf(w) != wordfreq.zipf_frequency(w, "en")]
    assert wrong == []


def test_common_words_are_the_frequent_known_ones(cache_folder: Path) -> None:
    wordfreq = _wordfreq()
    common = frequency.common_words(cache_folder)
    assert common == {w for w in _known_words() if wordfreq.zipf_frequency(w, "en") >= 3.5}
    for word in ("clincal", "treatmnet", "nausae", "cabozanitnib", "lymphedema", "hospital"):
        with_table = misspelling_of(word)
        precompiled.set_cache_dir(None)
        try:
            assert misspelling_of(word) == with_table
        finally:
            precompiled.set_cache_dir(cache_folder)


def test_no_cache_folder_asks_wordfreq_itself() -> None:
    previous = precompiled.cache_dir()
    precompiled.set_cache_dir(None)
    try:
        assert frequency._tables(None) is None and frequency.common_words(None) is None
        assert frequency.zipf.__wrapped__("hospital") == _wordfreq().zipf_frequency(
            "hospital", "en")
    finally:
        precompiled.set_cache_dir(previous)


def test_lemminflect_tables_equal_its_own(cache_folder: Path) -> None:
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    saved = {o: o.__dict__.pop(a, None) for o, a in ((lemmatizer, "lemma_dict"),
                                                      (inflections, "infl_dict"))}
    try:
        import lemminflect

        word_tables.install_lemminflect_tables(lemminflect)
        assert isinstance(lemmatizer.lemma_dict, word_tables.ShardedTable)
        assert isinstance(inflections.infl_dict, word_tables.ShardedTable)
        lemmas = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
        forms = InflectionLUCodec.load(inflections.infl_lu_fn)
        assert all(lemmatizer.lemma_dict.get(w, {}) == v for w, v in list(lemmas.items())[::7])
        assert all(inflections.infl_dict.get(w, {}) == v for w, v in list(forms.items())[::7])
        assert lemminflect.getAllLemmas("treated") == {"VERB": ("treat",)}
        assert lemminflect.getAllInflections("can") == {"VB": ("can",), "VBD": ("could",)}
    finally:
        for obj, value in saved.items():
            attr = "lemma_dict" if obj is lemmatizer else "infl_dict"
            if value is None:
                obj.__dict__.pop(attr, None)
            else:
                setattr(obj, attr, value)


def test_pyphen_patterns_equal_its_own(cache_folder: Path) -> None:
    import pyphen

    original = pyphen.HyphDict
    try:
        word_tables.install_pyphen_patterns()
        assert pyphen.HyphDict is not original
        path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
        stored, own = pyphen.HyphDict(path), original(path)
        stored = pyphen.HyphDict(path)  # read back
        assert stored.patterns == own.patterns and stored.maxlen == own.maxlen
        for word in ("hyperparathyroidism", "chemotherapy", "a", "lymphedema", "strength"):
            assert stored.positions(word) == own.positions(word)
    finally:
        pyphen.HyphDict = original


def test_a_one_page_run_does_not_import_wordfreq(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Nausea\n\nChemotherapy can cause nausea. Your care team can help you "
                    "feel better. Ask about 2 medicines that stop vomiting.\n")
    env = {"PLADLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    code = ("import sys, runpy; sys.argv = ['pladlint', 'check', sys.argv[1]]\n"
            "try:\n    runpy.run_module('pladlint', run_name='__main__')\n"
            "except SystemExit:\n    pass\n")
    probe = ("import atexit, os, sys\n_exit = os._exit\n"
             "def done(c):\n    print('WORDFREQ' if 'wordfreq' in sys.modules else 'NONE',"
             " file=sys.stderr)\n    _exit(c)\nos._exit = done\n")
    run = [sys.executable, "-c", probe + code, str(page)]
    src = str(Path(precompiled.__file__).parents[2])
    env["PYTHONPATH"] = src
    subprocess.run(run, env=env, capture_output=True, text=True)  # builds the tables
    second = subprocess.run(run, env=env, capture_output=True, text=True)
    assert "NONE" in second.stderr, second.stderr


def test_stored_data_leaves_room_on_the_disk(tmp_path: Path, monkeypatch) -> None:
    previous = precompiled.cache_dir()
    precompiled.set_cache_dir(tmp_path)
    try:
        monkeypatch.setattr(precompiled, "KEEP_FREE", 1 << 62)  # no disk has this much free
        assert precompiled.stored("probe", "k", lambda: [1, 2]) == [1, 2]
        assert not list(tmp_path.rglob("probe-*"))
        monkeypatch.setattr(precompiled, "KEEP_FREE", 0)
        assert precompiled.stored("probe", "k", lambda: [1, 2]) == [1, 2]
        assert list(tmp_path.rglob("probe-*"))
    finally:
        precompiled.set_cache_dir(previous)
