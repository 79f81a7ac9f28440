"""Start-up and exit of the `pladlint` program: what a pre-commit hook pays on every run."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

from pladlint.language import textstat_patch
from pladlint.vocab import precompiled
from pladlint.vocab.plain_words import CDC_MAX_ZIPF, _frequent
from pladlint.vocab.rare_words import zipf

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def pladlint(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pladlint", *args], capture_output=True,
                          text=True, env={"PLADLINT_NO_CACHE": "1", "NO_COLOR": "1",
                                          "PATH": "/usr/bin:/bin"}, **kwargs)


def test_fast_exit_keeps_exit_codes_and_output() -> None:
    page = str(EXAMPLES / "chemotherapy-side-effects.md")  # a page with warnings
    found = pladlint("check", page)
    assert found.returncode == 1
    assert "1 file checked" in found.stdout  # the report was written out before the exit
    assert pladlint("check", "no-such-page.md").returncode == 2
    assert pladlint("check", page, "--format", "nope").returncode == 2
    version = pladlint("--version")
    assert version.returncode == 0 and "pladlint" in version.stdout


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """`pladlint check docs/ | head -1`: the report stops, the exit code stays the findings'."""
    proc = subprocess.Popen([sys.executable, "-m", "pladlint", "check", str(EXAMPLES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={"PLADLINT_NO_CACHE": "1", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert "internal error" not in err and "Broken pipe" not in err


def test_deferred_module_ignores_dunder_probes() -> None:
    name = "pladlint_test_deferred_module"
    module = textstat_patch.Deferred(name)
    sys.modules[name] = module
    try:
        assert not hasattr(module, "__file__")  # what inspect.getmodule asks of every module
        assert sys.modules[name] is module  # ... without importing the real one
    finally:
        sys.modules.pop(name, None)


def test_wordfreq_import_finds_the_same_data() -> None:
    wordfreq = precompiled.import_wordfreq()
    assert isinstance(wordfreq, types.ModuleType)
    assert Path(wordfreq.DATA_PATH) == Path(wordfreq.__file__).parent / "data"
    assert wordfreq.zipf_frequency("the", "en") > 7


def test_frequent_words_stored_equal_computed(tmp_path: Path) -> None:
    words = ["chemotherapy", "the", "hospital", "lymphedema", "zzzyzzx", "nausea"]
    want = {w for w in words if zipf(w) >= CDC_MAX_ZIPF}
    assert "the" in want and "zzzyzzx" not in want
    previous = precompiled.cache_dir()
    precompiled.set_cache_dir(tmp_path)
    try:
        assert _frequent(words) == want  # computed, then stored
        assert list((tmp_path / "precompiled").glob("frequent-words-*"))
        assert _frequent(words) == want  # read back
    finally:
        precompiled.set_cache_dir(previous)
