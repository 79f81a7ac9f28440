"""The jargon engine beyond the rule cases: project glossary file, density, lexicon matching."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pladlint.api import lint_text
from pladlint.config import ConfigError, load_config, parse_config
from pladlint.language.glosses import find_glosses
from pladlint.checks.jargon.explanations import defined_here, plain_gloss
from pladlint.language.analysis import Token
from pladlint.vocab.lexicon import Lexicon, Term

from helpers import TODAY, config_for


def _jargon(result):
    return [f.text for f in result.findings if f.rule == "jargon-unexplained"]


def test_project_glossary_file_relative_to_config(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "glossary.yml").write_text("metastatic: has spread to other places\n")
    (tmp_path / ".pladlint.toml").write_text('glossary = "docs/glossary.yml"\n')
    config = load_config(tmp_path / ".pladlint.toml")
    assert "metastatic" in config.glossary_terms
    text = "The scan showed metastatic disease and a lobectomy.\n"
    result = lint_text(text, config, path="page.md", today=TODAY)
    assert _jargon(result) == ["lobectomy"]


def test_missing_glossary_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".pladlint.toml").write_text('glossary = "nope.yml"\n')
    with pytest.raises(ConfigError, match="glossary"):
        load_config(tmp_path / ".pladlint.toml")


def test_density_is_in_every_english_section_summary() -> None:
    text = textwrap.dedent("""\
        # Page

        Plain words only here, and nothing hard to read at all for anyone.

        ## Treatment

        A lobectomy and adjuvant treatment may follow.
        """)
    result = lint_text(text, config_for(["jargon-unexplained"]), path="p.md", today=TODAY)
    densities = {s.heading: s.jargon_density for s in result.sections}
    assert densities["Page"] == 0.0
    assert densities["Treatment"] == pytest.approx(100 * 2 / 8, abs=0.01)


def test_density_is_null_for_other_languages() -> None:
    text = "---\nlanguage: es\n---\n# Página\n\nLa quimioterapia metastásica.\n"
    result = lint_text(text, config_for([]), path="p.md", today=TODAY)
    assert all(s.jargon_density is None for s in result.sections)


@pytest.mark.parametrize("text, term, explained", [
    ("You may have edema (swelling) in the legs.", "edema", True),
    ("You may have edema (see Question 1).", "edema", False),
    ("You may have edema (CT).", "edema", False),
    ("The edema, or swelling, goes away.", "edema", True),
    ("Take chemotherapy, or radiotherapy.", "chemotherapy", False),
    ("It is also called computed tomography, computerized tomography, or CAT.",
     "computerized tomography", True),
    ("Stent : a small tube", "Stent", True),
])
def test_inline_explanations(text: str, term: str, explained: bool) -> None:
    i = text.index(term)
    j = i + len(term)
    by_gloss = any(g.explains(i, j) or (g.holds(i, j) and g.names) for g in find_glosses(text))
    assert (by_gloss or defined_here(text, i, j)) is explained


def test_plain_gloss_needs_everyday_words() -> None:
    assert plain_gloss("x, or swelling of the arm, goes", 1)
    assert not plain_gloss("x, or lymphangiosarcoma, goes", 1)
    assert not plain_gloss("x (swelling)", 1)  # parentheses: glosses.find_glosses


def test_inflected_term_matches_only_its_form() -> None:
    lexicon = Lexicon({("image",): Term("imaging", (), "test", False)}).strict_forms()
    words = [Token("image", "image", 0, 5, True), Token("imaging", "image", 6, 13, True)]
    assert [m.first for m in lexicon.matches(words)] == [1]


def test_match_never_spans_a_barrier() -> None:
    lexicon = Lexicon({("fatty", "liver"): Term("fatty liver", (), "test", False)})
    words = [Token("fatty", "fatty", 0, 5, True), Token("liver", "liver", 6, 11, True)]
    assert len(list(lexicon.matches(words))) == 1
    assert list(lexicon.matches(words, barriers=[6])) == []


def test_heading_term_is_judged_by_the_body_below() -> None:
    explained = ("## Immunotherapy\n\nImmunotherapy is a treatment that helps your immune "
                 "system fight cancer.\n")
    result = lint_text(explained, config_for(["jargon-unexplained"]), path="p.md", today=TODAY)
    assert _jargon(result) == []
    unexplained = "## Immunotherapy\n\nYou may get immunotherapy every three weeks.\n"
    result = lint_text(unexplained, config_for(["jargon-unexplained"]), path="p.md", today=TODAY)
    found = [f for f in result.findings if f.rule == "jargon-unexplained"]
    assert [(f.line, f.text) for f in found] == [(1, "Immunotherapy")]  # at its first use


def test_site_links_option() -> None:
    text = "Read about [immunotherapy](/types/immunotherapy).\n"
    cfg = config_for(["jargon-unexplained"])
    assert _jargon(lint_text(text, cfg, path="p.md", today=TODAY)) == []
    strict = config_for(["jargon-unexplained"],
                        {"rules": {"jargon-unexplained": {"site-links": False}}})
    assert _jargon(lint_text(text, strict, path="p.md", today=TODAY)) == ["immunotherapy"]


def test_an_option_outside_its_choices_is_an_error() -> None:
    """`scope = "sectoin"` used to be read as "document" without a word."""
    with pytest.raises(ConfigError, match="scope.*must be one of 'document', 'section'"):
        parse_config({"rules": {"jargon-unexplained": {"scope": "sectoin"}}}, "pladlint.toml")


def test_shared_jargon_settings_reach_every_jargon_rule() -> None:
    """scope = "section" (set on jargon-unexplained's table) also shapes the density."""
    text = "A catheter is a small tube.\n\n## Later\n\nThe catheter stays in for a week or two.\n"
    cfg = config_for(["jargon-unexplained"], {"rules": {"jargon-unexplained": {"scope": "section"}}})
    result = lint_text(text, cfg, path="p.md", today=TODAY)
    densities = {s.heading: s.jargon_density for s in result.sections}
    assert densities["Later"] > 0
