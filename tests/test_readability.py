"""Readability numbers checked against hand counts, Markdown-independence, and pooling."""

from __future__ import annotations

import math
import textwrap

import pytest

from pladlint.config import parse_config
from pladlint.document import parse_document
from pladlint.engine import build_context
from pladlint.language.pooling import Pool, parents_of, pool_sections
from pladlint.language.readability import GRADE_FORMULAS

from helpers import lint

SCORE_ALL = {"rules": {"reading-grade": {"min-words": 1}}}  # score every section alone


def section_scores(text: str, raw: dict | None = None):
    config = parse_config(raw or SCORE_ALL, "test")
    doc = parse_document("test.md", textwrap.dedent(text))
    ctx = build_context(doc, config)
    return ctx, ctx.section_scores


def fk(words, sentences, syllables):
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def fre(words, sentences, syllables):
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def smog(polysyllables, sentences):
    return 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


# Three passages counted by hand (syllables as in the CMU Pronouncing Dictionary).
PASSAGES = [
    pytest.param(
        # The(1) cat(1) sat(1) on(1) the(1) mat(1) | It(1) was(1) a(1) sun-ny(2) day(1) |
        # We(1) went(1) to(1) the(1) park(1)
        "The cat sat on the mat. It was a sunny day. We went to the park.\n",
        16, 3, 17, 0, id="simple"),
    pytest.param(
        # Your(1) doc-tor(2) will(1) check(1) your(1) blood(1) = 7 |
        # Che-mo-ther-a-py(5) can(1) make(1) you(1) feel(1) weak(1) = 10 |
        # Drink(1) lots(1) of(1) wa-ter(2) each(1) day(1) = 7; one word of 3+ syllables
        "Your doctor will check your blood. Chemotherapy can make you feel weak. "
        "Drink lots of water each day.\n",
        18, 3, 24, 1, id="medical"),
    pytest.param(
        # A heading and list items are sentences of their own (no full stop needed):
        # Be-fore(2) your(1) test(1) = 4 | Do(1) not(1) eat(1) af-ter(2) mid-night(2) = 7 |
        # Bring(1) your(1) pills(1) = 3 | Wear(1) loose(1) clothes(1) = 3
        "## Before your test\n\nDo not eat after midnight.\n\n- Bring your pills\n"
        "- Wear loose clothes\n",
        14, 4, 17, 0, id="markdown-units"),
]


@pytest.mark.parametrize("text, words, sentences, syllables, poly", PASSAGES)
def test_counts_and_formulas_match_hand_counts(text, words, sentences, syllables, poly):
    ctx, scores = section_scores(text)
    score = [s for s in scores if s.words][0]
    assert (score.scores.words, score.scores.sentences, score.scores.syllables) == (
        words, sentences, syllables)
    formulas = score.scores.scores
    assert formulas["flesch_kincaid_grade"] == pytest.approx(fk(words, sentences, syllables),
                                                             abs=0.01)
    assert formulas["flesch_reading_ease"] == pytest.approx(fre(words, sentences, syllables),
                                                            abs=0.01)
    assert formulas["smog_index"] == pytest.approx(smog(poly, sentences), abs=0.01)
    grades = sorted(formulas[f] for f in GRADE_FORMULAS)
    assert score.grade == round(grades[2], 1)  # the consensus: median of five
    # and the same figures reach the JSON-facing section summary
    result = lint(text, rules=["reading-grade"], raw=SCORE_ALL)
    summary = [s for s in result.sections if s.words][0]
    assert (summary.words, summary.sentences) == (words, sentences)
    assert set(summary.scores) == {
        "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "coleman_liau_index",
        "gunning_fog", "automated_readability_index", "dale_chall_readability_score"}


PLAIN = """\
# Living with chemotherapy

Chemotherapy can make you feel tired. Rest when you need to.

Call your doctor if you have a fever. Drink lots of water each day.

Eat small meals five times a day.

Take a short walk after lunch.

White blood cells fight infection.

Red blood cells carry oxygen.
"""

MARKDOWN = """\
---
title: Living with chemotherapy
audienceLevel: patient
---

# Living with *chemotherapy*

<!-- editor: checked in March -->

[Chemotherapy](/Common/PopUps/popDefinition.aspx?id=1 "glossary") can make you feel **tired**.
Rest when you _need_ to.

![A nurse talks with a patient in a chair](/images/nurse.png)

Call your [doctor](https://example.org/doctor) if you have a fever. Drink lots of water
each day.

- Eat small meals five times a day.
- Take a short walk after lunch.

| Cells | Job |
| --- | --- |
| White blood cells fight infection. | Red blood cells carry oxygen. |
"""


def test_markdown_and_plain_prose_get_the_same_grade():
    _, plain = section_scores(PLAIN)
    _, marked = section_scores(MARKDOWN)
    p, m = plain[0].scores, marked[0].scores
    assert (m.words, m.sentences, m.syllables) == (p.words, p.sentences, p.syllables)
    assert m.scores == p.scores
    assert m.grade == p.grade
    a = lint(PLAIN, rules=["reading-grade"])
    b = lint(MARKDOWN, rules=["reading-grade"])
    assert a.grade == b.grade and a.words == b.words


def test_audience_may_name_one_formula(monkeypatch):
    import dataclasses

    ctx, scores = section_scores(PASSAGES[1].values[0])
    smog_profile = dataclasses.replace(ctx.audience, formula="smog_index")
    monkeypatch.setattr(ctx, "audience", smog_profile)
    single = ctx.score_sentences(ctx.section_sentences(0))
    assert single.grade == round(single.scores["smog_index"], 1)


def test_spanish_scores_are_reading_ease():
    ctx, scores = section_scores("---\nlanguage: es\n---\n\nSu enfermera le va a pesar. "
                                 "También le va a tomar la presión.\n")
    s = [x for x in scores if x.words][0]
    assert set(s.scores.scores) == {"fernandez_huerta", "szigriszt_pazos"}
    assert s.grade is None and s.value == s.scores.ease == round(
        s.scores.scores["fernandez_huerta"], 1)
    assert s.target == 70


def test_other_languages_are_not_scored():
    ctx, scores = section_scores("---\nlanguage: fr\n---\n\nVous pouvez vous sentir fatigué.\n")
    assert all(s.value is None and s.grade is None for s in scores)
    assert "not scored" in scores[0].note


# -- pooling -------------------------------------------------------------------------

def test_parents_follow_heading_levels():
    #        top  h1  h2  h3  h2  h1
    levels = [0, 1, 2, 3, 2, 1]
    assert parents_of(levels) == [None, None, 1, 2, 1, None]


def test_short_siblings_pool_until_min_words():
    # h1 (long), then four short h2 siblings under it
    pools = pool_sections([150, 40, 50, 30, 20], [1, 2, 2, 2, 2], 100)
    assert pools[1] == pools[2] == pools[3] == pools[4] == Pool((1, 2, 3, 4))


def test_a_run_too_short_borrows_its_neighbour():
    # long h2, then one short h2: the short one is scored with the long one before it
    pools = pool_sections([0, 200, 30], [1, 2, 2], 100)
    assert pools == {2: Pool((2,), borrowed=1)}
    assert Pool((2,), borrowed=1).scored == (1, 2)


def test_short_parent_intro_pools_with_its_subsections():
    pools = pool_sections([20, 50, 60], [1, 2, 2], 100)
    assert pools[0] == Pool((0, 1, 2))


def test_sections_under_different_parents_do_not_pool():
    # h1 A (no text) > h2 a1 (60); h1 B (no text) > h2 b1 (60)
    pools = pool_sections([0, 60, 0, 60], [1, 2, 1, 2], 100)
    assert pools == {}


def test_pooled_sections_say_so_in_the_summary():
    text = "# Care\n\n## Rest\n\n" + "Rest when you feel tired and sleep at night. " * 5 + \
        "\n\n## Food\n\n" + "Eat small meals and drink lots of water. " * 8 + "\n"
    result = lint(text, rules=["reading-grade"])
    rest, food = result.sections[1], result.sections[2]
    assert rest.grade == food.grade is not None
    assert "scored together with 'Food'" in rest.note
    assert rest.words == 45 and food.words == 64  # each section's own words
    assert result.grade is not None


def test_example_page_long_sentence_and_wordy_phrases_are_found():
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "examples" / "chemotherapy-side-effects.md"
    result = lint(page.read_text(encoding="utf-8"), dedent=False,
                  rules=["long-sentence", "wordy-phrase", "complex-word"])
    found = {(f.rule, f.line, f.text) for f in result.findings}
    assert ("wordy-phrase", 53, "Prior to") in found
    assert ("wordy-phrase", 53, "in order to") in found
    assert ("complex-word", 53, "utilize") in found
    long = [f for f in result.findings if f.rule == "long-sentence"]
    assert [(f.line, f.data["words"]) for f in long] == [(61, 66)]


def test_an_audience_formula_must_be_known(tmp_path):
    from pladlint.vocab.audiences import load_audiences
    from pladlint.vocab.packs import PackError, packs_dir

    text = (packs_dir() / "audiences.yml").read_text(encoding="utf-8")
    (tmp_path / "audiences.yml").write_text(
        text.replace("formula: consensus", "formula: fry", 1), encoding="utf-8")
    with pytest.raises(PackError, match="formula must be 'consensus' or one of"):
        load_audiences(str(tmp_path))
