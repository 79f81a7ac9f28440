"""Sentence spans end on the sentence's own last character (issue 17, item 3).

spaCy's sentencizer keeps every punctuation token after a full stop with the sentence, so an
opening bracket, opening quote or bullet that begins the next sentence used to end the
`long-sentence` span (' (' and ' •'). The same check runs over a folder of pages in
benchmarks/sentence_spans.py (the NCI corpus: 55,544 sentences, 0 bad spans).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pladlint.document import parse_document
from pladlint.engine import build_context
from pladlint.language.readability import formula_line

from helpers import config_for, lint
from markdown_strategies import markdown_page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from sentence_spans import check_paths, check_text  # noqa: E402

EVERY_SENTENCE = {"rules": {"long-sentence": {"max-words": 1}}}
FIRST = "Call your care team right away if you have a fever."


def long_sentence_texts(text: str) -> list[str]:
    result = lint(text, ["long-sentence"], EVERY_SENTENCE, dedent=False)
    for f in result.findings:
        assert f.text == text[f.start:f.end]
        assert f.text and not f.text[-1].isspace() and not f.text[0].isspace()
    return [f.text for f in result.findings]


def sentences_of(text: str):
    ctx = build_context(parse_document(Path("t.md"), text), config_for())
    return ctx, [s for ua in ctx.analysis for s in ua.sentences]


@pytest.mark.parametrize("between, next_text", [
    pytest.param(" (", "(See the list below.)", id="open-paren"),
    pytest.param(" •", "• Rest as much as you can.", id="bullet"),
    pytest.param(" [", "[See the full report here.]", id="open-bracket"),
    pytest.param(" “", "“It helped me a lot,” she said.", id="open-curly-quote"),
    pytest.param(' "', '"It helped me a lot," she said.', id="open-straight-quote"),
    pytest.param(" -", "- Rest as much as you can.", id="dash-bullet"),
    pytest.param(" *", "* Rest as much as you can.", id="star"),
    pytest.param(" (", "(\u201cSee\u201d the list below.)", id="paren-then-quote"),
])
def test_span_stops_before_what_begins_the_next_sentence(between: str, next_text: str) -> None:
    text = f"{FIRST} {next_text}\n"
    assert text.startswith(FIRST + between)
    found = long_sentence_texts(text)
    assert found[0] == FIRST  # never "... fever. (" or "... fever. •"
    assert len(found) == 2 and next_text.endswith(found[1][-5:])


@pytest.mark.parametrize("ending", [
    pytest.param('fever."', id="closing-straight-quote"),
    pytest.param("fever.”", id="closing-curly-quote"),
    pytest.param("fever.)", id="closing-paren"),
    pytest.param("fever.]", id="closing-bracket"),
    pytest.param("fever.”)", id="quote-and-paren"),
    pytest.param("fever.*", id="footnote-mark"),
    pytest.param("fever?!", id="two-stops"),
    pytest.param("fever. )", id="closing-paren-after-space"),
])
def test_closing_punctuation_stays_with_its_sentence(ending: str) -> None:
    first = "Call your care team right away if you have a " + ending
    text = f"{first} (See the list below.)\n"
    assert long_sentence_texts(text)[0] == first


def test_spanish_opening_question_mark_begins_the_next_sentence() -> None:
    first = "Llame a su equipo de atención médica si tiene fiebre alta."
    text = f"---\nlanguage: es\n---\n{first} ¿Tiene dolor en el pecho?\n"
    assert long_sentence_texts(text)[0] == first


def test_punctuation_after_the_last_sentence_of_a_unit_is_left_out() -> None:
    text = f"{FIRST} (\n"
    assert long_sentence_texts(text) == [FIRST]


def test_sentence_counts_and_formula_text_do_not_change() -> None:
    # The bracket is no longer part of either sentence's span, but the text given to
    # textstat is what it was, so every score is too.
    text = f"{FIRST} (See the list below for more.)\n"
    ctx, sentences = sentences_of(text)
    assert len(sentences) == 2
    first, second = sentences
    unit = ctx.doc.units[0]
    assert unit.text[first.start:first.end] == FIRST
    assert [t.text for t in first.trailing] == ["("]
    assert first.tokens[-1].text == "." and first.end == first.tokens[-1].end
    assert formula_line(first) == "Call your care team right away if you have a fever (."
    assert unit.text[second.start:second.end] == "See the list below for more.)"
    assert ctx.section_scores[0].sentences == 2


def test_examples_fixtures_and_test_corpus_have_exact_sentence_spans() -> None:
    report = check_paths([ROOT / "examples", ROOT / "fixtures", ROOT / "tests" / "corpus"])
    assert report.sentences > 300 and report.findings > 200
    assert report.total_bad == 0, report.examples


# Sentences that end in every way a page ends them, joined by what begins the next one.
_SENTENCE = st.sampled_from((
    "Your doctor may do a biopsy.", "Rest at home after the test!", "Is it cancer?",
    "Dr. Lee said it was fine.", 'She said, "It helped."', "It helped (a lot).",
    "“It helped,” she said.", "See the U.S. data.", "It costs $5 (about 4 euros).",
    "It was 100.4°F.", "Call us.*", "Ask why?!", "It ended…", "Take 1 tablet",
))
_OPENER = st.sampled_from(("", "(", "[", "“", '"', "‘", "'", "•", "-", "*", "—", "«", "¿", "¡",
                           "(“", "((", "…", "...", "→", "#", "|"))
_GAP = st.sampled_from((" ", "  ", "\n", " ", "\t", ""))


@st.composite
def _joined_sentences(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        parts.append(draw(_OPENER) + draw(_SENTENCE))
    out = parts[0]
    for p in parts[1:]:
        out += draw(_GAP) + p
    return out + draw(st.sampled_from(("", " (", " •", " “", "\n")))


@st.composite
def _page(draw) -> str:
    if draw(st.booleans()):
        return draw(markdown_page())
    blocks = [draw(_joined_sentences()) for _ in range(draw(st.integers(1, 3)))]
    prefix = draw(st.sampled_from(("", "- ", "> ", "# ", "| a | b |\n|---|---|\n| ")))
    return prefix + "\n\n".join(blocks) + "\n"


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_page())
def test_every_sentence_span_is_exact(text: str) -> None:
    """Every Sentence and every long-sentence finding ends on non-space text of its own,
    never on what begins the next sentence; a finding's text is the file's slice."""
    report = check_text(text)
    assert report.total_bad == 0, report.examples
    ctx, sentences = sentences_of(text) if report.pages else (None, [])
    for s in sentences:
        unit = ctx.doc.units[s.unit]
        span = unit.source_span(s.start, s.end)
        piece = text[span.start:span.end]
        assert piece and not piece[-1].isspace() and not piece[0].isspace()
        assert s.end == s.tokens[-1].end and s.start == s.tokens[0].start
        assert not s.trailing or s.trailing[0].start >= s.end
    if report.pages:
        long_sentence_texts(text)
