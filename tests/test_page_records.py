"""Report pieces rendered where a page is linted and kept in the cache (engine/pages.py):
a warm run writes them back, byte for byte what formatting the results would write."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import TODAY
from pladlint.api import lint_paths
from pladlint.config import Config
from pladlint.engine import cache as cache_mod
from pladlint.engine.cache import ResultCache
from pladlint.engine.pages import PageRecord
from pladlint.formatters import FormatOptions, Renderers, get_formatter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
OPTIONS = FormatOptions(color=False, root=".", fail_on="warning")
TARGETS = [("text", OPTIONS), ("json", OPTIONS)]


def _reports(result, options=OPTIONS) -> tuple[str, str, str]:
    quiet = FormatOptions(color=False, root=".", fail_on="warning", quiet=True)
    return (get_formatter("text")(result, options), get_formatter("json")(result, options),
            get_formatter("text")(result, quiet))


@pytest.mark.parametrize("jobs", [1, 2])
def test_pieces_cold_warm_and_plain_agree(tmp_path: Path, jobs: int) -> None:
    plain = _reports(lint_paths([EXAMPLES], Config(), TODAY, jobs=1))
    cold = lint_paths([EXAMPLES], Config(), TODAY, jobs=jobs, spool=True,
                      cache=ResultCache(tmp_path / "c"), render=Renderers(TARGETS))
    assert _reports(cold) == plain
    assert list((tmp_path / "c" / "results").rglob("*.page"))
    warm_cache = ResultCache(tmp_path / "c")
    warm = lint_paths([EXAMPLES], Config(), TODAY, jobs=jobs, spool=True, cache=warm_cache,
                      render=Renderers(TARGETS))
    assert warm_cache.hits == len(list(EXAMPLES.glob("*.md")))
    assert _reports(warm) == plain
    assert [r.path for r in warm.files] == [r.path for r in cold.files]  # loadable on demand


def test_a_warm_hit_reads_only_the_record(tmp_path: Path, monkeypatch) -> None:
    plain = _reports(lint_paths([EXAMPLES], Config(), TODAY, jobs=1))
    lint_paths([EXAMPLES], Config(), TODAY, jobs=1, spool=True,
               cache=ResultCache(tmp_path / "c"), render=Renderers(TARGETS))

    def never(self, key):
        raise AssertionError("a result was unpickled on a warm hit")

    monkeypatch.setattr(cache_mod.ResultCache, "get", never)
    warm = lint_paths([EXAMPLES], Config(), TODAY, jobs=1, spool=True,
                      cache=ResultCache(tmp_path / "c"), render=Renderers(TARGETS))
    assert _reports(warm) == plain


def test_a_new_format_adds_its_pieces_to_the_record(tmp_path: Path) -> None:
    plain = _reports(lint_paths([EXAMPLES], Config(), TODAY, jobs=1))
    lint_paths([EXAMPLES], Config(), TODAY, jobs=1, spool=True,
               cache=ResultCache(tmp_path / "c"), render=Renderers(TARGETS[:1]))
    both = lint_paths([EXAMPLES], Config(), TODAY, jobs=1, spool=True,
                      cache=ResultCache(tmp_path / "c"), render=Renderers(TARGETS))
    assert _reports(both) == plain
    cache = ResultCache(tmp_path / "c")
    key = next((tmp_path / "c" / "results").rglob("*.page")).stem
    assert set(cache.record(key).pieces) == {"text/0", "json"}


def test_damaged_or_foreign_records_are_misses(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    record = PageRecord(1, {"warning": 1}, [("PL101", "reading-grade", 1)], {"json": ("{}", None)})
    cache.put_record("ab" * 20, record)
    assert cache.record("ab" * 20) == record
    path = next((tmp_path / "c" / "results").rglob("*.page"))
    path.write_bytes(path.read_bytes()[:-3])
    assert cache.record("ab" * 20) is None
    assert cache.record("cd" * 20) is None


def test_renderers_cover_only_formats_with_pieces() -> None:
    assert Renderers(TARGETS).complete
    assert not Renderers([("text", OPTIONS), ("sarif", OPTIONS)]).complete
    assert Renderers([("text", OPTIONS), ("text", OPTIONS)]).keys == ("text/0",)
