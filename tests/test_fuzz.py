"""Property tests: hostile Markdown never crashes the engine, and every position is exact.

Whatever the page, `lint_bytes` returns findings or a clean per-file error (never an
exception, never "internal error"); every finding's span lies inside the file, its `text` is
the source at that span, and its 1-based line/column turn back into the same offsets.
Inputs that once failed are kept in tests/corpus/ and replayed by `test_corpus`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from markdown_strategies import markdown_page, page_bytes, unicode_text
from pladlint.api import lint_bytes, lint_text
from pladlint.config import Config
from pladlint.document import FrontMatterError
from pladlint.findings import FileError, FileResult

CORPUS = Path(__file__).parent / "corpus"
TODAY = dt.date(2026, 11, 28)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def line_starts(text: str) -> list[int]:
    """Independent of LineIndex on purpose: CommonMark line ends, found by a regex."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def offset_of(starts: list[int], text: str, line: int, column: int) -> int:
    assert 1 <= line <= len(starts), f"line {line} outside 1..{len(starts)}"
    base = starts[line - 1]
    limit = starts[line] if line < len(starts) else len(text)
    assert 1 <= column <= limit - base + 1, f"column {column} outside line {line}"
    return base + column - 1


def check_result(outcome, text: str | None) -> None:
    """The invariants every lint outcome must hold. `text` is the decoded source (None: unknown)."""
    if isinstance(outcome, FileError):
        assert "internal error" not in outcome.message, outcome.message
        assert "\n" not in outcome.message and outcome.message.strip(), repr(outcome.message)
        return
    assert isinstance(outcome, FileResult), repr(outcome)
    assert text is not None, "linted a file that is not valid UTF-8"
    starts = line_starts(text)
    for f in outcome.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start : f.end], f
        assert offset_of(starts, text, f.line, f.column) == f.start, f
        assert offset_of(starts, text, f.end_line, f.end_column) == f.end, f
        assert f.message and "\n" not in f.message, repr(f.message)
    assert outcome.findings == sorted(outcome.findings, key=lambda f: f.sort_key()), \
        "findings out of order"


def decoded(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def run_bytes(data: bytes):
    outcome = lint_bytes(data, Config(), "fuzz.md", TODAY)
    check_result(outcome, decoded(data))
    return outcome


@FUZZ
@given(page_bytes())
def test_lint_bytes_never_crashes_and_positions_are_exact(data: bytes) -> None:
    run_bytes(data)


@FUZZ
@given(markdown_page())
def test_lint_text_positions_round_trip(text: str) -> None:
    try:
        outcome = lint_text(text, Config(), "fuzz.md", TODAY)
    except FrontMatterError:
        return  # the documented per-file error of lint_text
    check_result(outcome, text)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.lists(st.one_of(unicode_text, st.sampled_from(("\n", "\r", "\r\n", " ", "#", "*")))))
def test_random_unicode_text(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        outcome = lint_text(text, Config(), "fuzz.md", TODAY)
    except FrontMatterError:
        return
    check_result(outcome, text)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.binary(max_size=256))
def test_random_bytes(data: bytes) -> None:
    run_bytes(data)


@pytest.mark.parametrize("data", [
    b"\x00", b"a\x00b", b"\xed\xa0\x80 lone surrogate", b"\xff\xfe#\x00 \x00", b"\xef\xbb\xbf",
    b"caf\xc3", b"\xf4\x90\x80\x80",
], ids=repr)
def test_undecodable_bytes_give_one_clean_error(data: bytes) -> None:
    outcome = lint_bytes(data, Config(), "bad.md", TODAY)
    if decoded(data) is None or "\x00" in (decoded(data) or ""):
        assert isinstance(outcome, FileError)
    check_result(outcome, decoded(data))


def corpus_inputs() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir()
                  if p.is_file() and p.name != "README.md" and not p.name.startswith("."))


@pytest.mark.parametrize("path", corpus_inputs(), ids=lambda p: p.name)
def test_corpus(path: Path) -> None:
    """Inputs that once crashed or mis-positioned a finding (see tests/corpus/README.md)."""
    run_bytes(path.read_bytes())


def test_a_lone_surrogate_is_linted() -> None:
    """Found by the fuzz campaign: spaCy cannot hash a lone surrogate, and an editor's JSON
    may carry one ("\\ud800" is valid JSON)."""
    result = lint_text("\ud800 The cancer is metastatic.\n")
    assert [f.text for f in result.findings if f.rule == "jargon-unexplained"] == ["metastatic"]
    # and in a finding's own text or section, which fingerprints hash
    result = lint_text("# Mucositis \ud800\n\nMucositis \udfff is common.\n")
    assert all(f.fingerprint for f in result.findings)
