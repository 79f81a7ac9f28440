"""Large runs keep memory flat: results wait on disk (spool.py), reports are written piece by
piece (formatters' `stream`), workers are recycled, and none of it changes a byte of output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import TODAY
from pladlint.engine import parallel
from pladlint.api import lint_paths
from pladlint.engine.cache import ResultCache
from pladlint.config import Config
from pladlint.formatters import FORMAT_NAMES, FormatOptions, get_formatter, get_stream
from pladlint.formatters.json_stream import LIST, dumps_with_list
from pladlint.engine.spool import ResultSpool

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
OPTIONS = FormatOptions(color=False, root=".", fail_on="warning")


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Twelve pages in two folders, named so that folder order and name order differ."""
    sources = sorted(p for p in EXAMPLES.glob("*.md") if p.name != "README.md")
    for i in range(12):
        folder = tmp_path / "pages" / ("b" if i % 2 else "a-sub")
        folder.mkdir(parents=True, exist_ok=True)
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        (folder / f"p{11 - i:02d}.md").write_text(text.replace("\n# ", f"\n# Copy {i}: ", 1),
                                                   encoding="utf-8")
    (tmp_path / "pages" / "b" / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    return tmp_path / "pages"


def rendered(result) -> dict[str, str]:
    return {name: get_formatter(name)(result, OPTIONS) for name in FORMAT_NAMES}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                 max_size=3),
    max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(json_values, max_size=4), indent=st.sampled_from([None, 1, 2, 4]),
       depth=st.integers(0, 3))
def test_streamed_json_equals_json_dumps(items, indent, depth) -> None:
    whole: object = items
    template: object = LIST
    for level in range(depth):
        whole, template = {"k": 1, f"level{level}": whole}, {"k": 1, f"level{level}": template}
    want = json.dumps(whole, indent=indent, ensure_ascii=False)
    assert "".join(dumps_with_list(template, iter(items), indent=indent,
                                   ensure_ascii=False)) == want


def test_spool_reads_back_every_result_in_order(pages: Path) -> None:
    result = lint_paths([pages], Config(), TODAY, jobs=1)
    spool = ResultSpool()
    for r in result.files:
        spool.append(r)
    assert len(spool) == len(result.files) == 12
    assert list(spool) == result.files  # FileResult equality: every field but the source
    assert [r.source for r in spool] == [r.source for r in result.files]
    assert list(spool) == list(spool)  # re-iterable
    assert spool.findings == len(result.findings) > 0
    nested = [(a.path, b.path) for a in spool for b in spool]  # formatters may nest loops
    assert len(nested) == 144
    spool.close()


def test_spooled_result_renders_every_format_identically(pages: Path) -> None:
    listed = lint_paths([pages], Config(), TODAY, jobs=1)
    spooled = lint_paths([pages], Config(), TODAY, jobs=1, spool=True)
    assert isinstance(spooled.files, ResultSpool)
    assert rendered(spooled) == rendered(listed)
    for name in FORMAT_NAMES:
        assert "".join(get_stream(name)(spooled, OPTIONS)) == rendered(listed)[name]
    assert spooled.count_at_or_above("info") == listed.count_at_or_above("info") > 0
    assert [r.path for r in listed.files] == sorted(r.path for r in listed.files)


def test_outcomes_come_in_file_order_with_workers_and_mixed_cache_hits(
        pages: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 1)
    files = sorted(pages.rglob("*.md"))
    cache = ResultCache(tmp_path / "cache")
    # Cache every other page, so hits and misses alternate.
    lint_paths(files[::2], Config(), TODAY, jobs=1, cache=cache)
    seen = [o.path for o in parallel.lint_files(files, Config(), lambda p: Config(), TODAY,
                                                jobs=2, cache=cache)]
    assert [Path(p).name for p in seen] == [f.name for f in files]
    assert cache.hits == len(files[::2]) - 1  # the broken page is an error, never cached


def test_recycled_workers_give_the_same_output(pages: Path, monkeypatch) -> None:
    serial = rendered(lint_paths([pages], Config(), TODAY, jobs=1))
    monkeypatch.setattr(parallel, "RECYCLE_PAGES", 1)  # a fresh pool after every batch
    monkeypatch.setattr(parallel, "BATCH", 1)
    pools = []
    real = parallel._new_pool
    monkeypatch.setattr(parallel, "_new_pool", lambda *a: pools.append(1) or real(*a))
    assert rendered(lint_paths([pages], Config(), TODAY, jobs=2)) == serial
    assert len(pools) >= 6
