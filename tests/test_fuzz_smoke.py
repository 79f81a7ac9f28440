"""A short run of the fuzz campaign (benchmarks/fuzz.py): the same properties, ~200 pages.

The campaign itself runs 100,000 generated pages outside the test suite; this keeps its
checks honest in every run: no exception, exact spans and line/columns, a `--fix` plan that
changes nothing outside its edits and plans nothing more once applied, and, through the
command line, byte-identical output for `--jobs 1` and `--jobs 2` and `--fix` twice equal
to once.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from markdown_strategies import FIXABLE, GLOSSARY_TERMS, rich_page

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("pladlint_fuzz", ROOT / "benchmarks" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(rich_page(), st.integers(0, 9), st.booleans())
def test_generated_pages_hold_every_property(text: str, damage: int, glossary: bool) -> None:
    data = None
    if damage == 0:  # a damaged tenth goes through lint_bytes
        data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")[::-1][:200][::-1]
    fuzz.run_case(text, data, glossary)


def test_fix_twice_equals_once_when_a_word_repeats() -> None:
    """complex-word reports a word once per section: the fix swaps every use at once."""
    page = ("# Care\n\nWe utilize a pump. Nurses utilize it too, in order to help.\n\n"
            "## Later\n\nYou may utilize it at home. Utilize it daily.\n")
    assert fuzz.run_case(page, None, False)["edits"] >= 4


def test_shrink_finds_a_small_input() -> None:
    text = "line one\nline two has BUG in it\nline three\n" * 3
    small = fuzz.shrink(text, lambda t: "BUG" in t)
    assert small == "BUG"


def test_command_line_jobs_and_fix(tmp_path: Path) -> None:
    pages = [p.read_bytes() for p in sorted((ROOT / "tests" / "corpus").glob("*.md"))
             if p.name != "README.md"]
    for i, term in enumerate(GLOSSARY_TERMS[:6]):
        phrase = FIXABLE[i % len(FIXABLE)]
        page = (f"---\ntitle: Page {i}\n---\n# About {term}\n\nYour doctor may order a {term} "
                f"{phrase} learn more. We utilize it. Later we utilize it again.\n\n"
                f"| Test | Why |\n|---|---|\n| {term} | {phrase} see |\n")
        pages.append(page.replace("\n", "\r\n" if i % 2 else "\n").encode())
    args = argparse.Namespace(batch=len(pages), shard=0, coverage=False, save=None,
                              work=str(tmp_path))
    found = fuzz.cli_sample(pages, args)
    assert found["cli_cases"] == len(pages) >= 8
    assert found["cli_failures"] == []
