"""The difficulty model and where writers see it: JSON sections and hotspots, the text
report, `explain-difficulty`, and short pages that used to pass silently."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pladlint.cli import main
from pladlint.vocab.difficulty import Counts, difficulty_model, features, parse_model
from pladlint.vocab.packs import PackError

PLAIN = "Your nurse will check your weight and ask how you feel today."
HARD = ("Hepatotoxicity and myelosuppression necessitate CBC monitoring during adjuvant "
        "chemoradiotherapy with capecitabine.")
LONG_PLAIN = ("You can bring a friend or a family member with you to the visit, and they can "
              "sit with you, hold your hand, take notes and drive you home after it is over.")


def run_json(tmp_path, text: str, name: str = "page.md") -> dict:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page), "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["files"][0]


def test_parts_add_up_to_the_difficulty():
    model = difficulty_model()
    counts = Counts(words=20, sentences=1, unfamiliarity=6.0, numbers=1, jargon=2, acronyms=1)
    d = model.score(counts)
    raw = (model.intercept - model.low) * model.scale + sum(p.points for p in d.parts)
    assert d.value == pytest.approx(min(100, max(0, raw)), abs=0.06)
    assert [p.points for p in d.parts] == sorted((p.points for p in d.parts), reverse=True)


def test_each_kind_of_obstacle_raises_difficulty():
    model = difficulty_model()
    base = Counts(words=15, sentences=1, unfamiliarity=2.0)
    for harder in (Counts(words=30, sentences=1, unfamiliarity=4.0),
                   Counts(words=15, sentences=1, unfamiliarity=5.0),
                   Counts(words=15, sentences=1, unfamiliarity=2.0, jargon=2),
                   Counts(words=15, sentences=1, unfamiliarity=2.0, acronyms=2)):
        assert model.score(harder).value > model.score(base).value, harder


def test_a_section_reads_like_its_average_sentence():
    one = Counts(words=12, sentences=1, unfamiliarity=3.0, jargon=1)
    assert features(one + one) == features(one)


@pytest.mark.parametrize("raw, problem", [
    ({"familiar_zipf": 5, "intercept": 4, "scale": {"points_per_rating": 20, "lowest_rating": 1},
      "weights": {"shoe_size": {"weight": 1, "mean": 0, "spread": 1}}}, "unknown feature"),
    ({"familiar_zipf": 5, "intercept": 4, "scale": {"points_per_rating": 20, "lowest_rating": 1},
      "weights": {"words_per_sentence": {"weight": 1, "mean": 0, "spread": 0}}}, "positive"),
    ({"familiar_zipf": 5, "intercept": 4, "scale": {"points_per_rating": 20, "lowest_rating": 1},
      "weights": {"words_per_sentence": {"transform": "cube", "weight": 1, "mean": 0,
                                         "spread": 1}}}, "transform"),
    ({"intercept": 4, "scale": {}, "weights": {}}, "familiar_zipf"),
])
def test_a_broken_model_pack_is_a_clear_error(raw, problem):
    with pytest.raises(PackError, match=problem):
        parse_model(raw, "difficulty.yml")


def test_every_section_with_a_sentence_gets_a_difficulty_even_a_one_sentence_page(tmp_path):
    result = run_json(tmp_path, f"{HARD}\n")
    assert result["difficulty"] is not None
    (section,) = result["sections"]
    assert section["difficulty"] == result["difficulty"]
    assert section["max_difficulty"] == 68
    (spot,) = section["hotspots"]
    assert (spot["line"], spot["column"], spot["end_line"]) == (1, 1, 1)
    assert spot["end_column"] == len(HARD) + 1
    assert "unfamiliar words" in spot["why"]
    assert "parts" not in spot  # every part: explain-difficulty


def test_hotspots_rank_unfamiliar_words_above_plain_length(tmp_path):
    text = f"## Care\n\n{LONG_PLAIN} {PLAIN} {HARD}\n"
    (section,) = run_json(tmp_path, text)["sections"]
    assert section["hotspots"][0]["excerpt"].startswith("Hepatotoxicity")
    values = [h["difficulty"] for h in section["hotspots"]]
    assert values == sorted(values, reverse=True)


def test_a_short_page_is_graded_and_the_finding_says_it_is_short(tmp_path):
    result = run_json(tmp_path, f"# Summary\n\n{HARD} {HARD}\n")
    (section,) = result["sections"]
    assert section["grade"] is not None and section["note"].startswith("short: ")
    (grade,) = [f for f in result["findings"] if f["rule"] == "reading-grade"]
    assert "(short: " in grade["message"] and "difficulty" in grade["message"]


def test_the_text_report_shows_difficulty_next_to_the_grade(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Summary\n\n{HARD} {HARD}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(page), "--no-cache", "--no-color"]).output
    assert "· difficulty " in out.splitlines()[0]
    assert any("grade" in line and "difficulty" in line and "(max 68)" in line
               for line in out.splitlines())


def test_explain_difficulty_shows_parts_and_one_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"## Care\n\n{PLAIN}\n\n{HARD}\n", encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["explain-difficulty", str(page)])
    assert text.exit_code == 0, text.output
    assert "unfamiliar words +" in text.output and "line 5:1" in text.output
    one = runner.invoke(main, ["explain-difficulty", str(page), "--line", "3", "--format", "json"])
    report = json.loads(one.output)
    (section,) = report["sections"]
    (sentence,) = section["sentences"]
    assert sentence["line"] == 3 and sentence["text"] == PLAIN
    labels = {p["label"] for p in sentence["parts"]}
    assert {"long sentence", "unfamiliar words", "unexplained terms"} <= labels


def test_explain_difficulty_on_a_missing_page_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["explain-difficulty", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_the_html_report_shows_page_and_section_difficulty(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Summary\n\n{HARD} {HARD}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    CliRunner().invoke(main, ["report", str(page), "--output", str(out)])
    html = out.read_text(encoding="utf-8")
    difficulty = run_json(tmp_path, f"# Summary\n\n{HARD} {HARD}\n")["difficulty"]
    assert html.count("Difficulty (0-100)") == 2 and f"<td>{difficulty:.1f}</td>" in html


def test_the_value_alone_is_the_scored_value():
    import random

    model = difficulty_model()
    rng = random.Random(7)
    for _ in range(500):
        words = rng.randint(1, 60)
        counts = Counts(words=words, sentences=rng.randint(1, 4),
                        unfamiliarity=rng.uniform(0, words * 3), numbers=rng.randint(0, 6),
                        jargon=rng.randint(0, 8), acronyms=rng.randint(0, 4),
                        hard_words=rng.randint(0, 3))
        assert model.value(counts) == model.score(counts).value


def test_a_page_of_labels_only_still_gets_a_difficulty(tmp_path):
    result = run_json(tmp_path, "# Hair loss\n\n- Fatigue\n- Nausea\n")
    assert result["difficulty"] is not None
    assert all(s["difficulty"] is not None for s in result["sections"])


def test_hovering_a_hard_sentence_says_its_difficulty_and_why():
    from types import SimpleNamespace

    from pladlint.api import lint_text
    from pladlint.lsp.features import hotspot_hover
    from pladlint.positions import LineIndex

    text = f"## Care\n\n{PLAIN} {HARD}\n"
    result = lint_text(text, path="page.md")
    checked = SimpleNamespace(result=result, index=LineIndex(result.source))
    hover = hotspot_hover(checked, text.index("myelosuppression"))
    assert hover is not None
    assert "**Difficulty " in hover.contents.value and "unfamiliar words" in hover.contents.value
    assert "explain-difficulty PAGE --line 3" in hover.contents.value
    assert (hover.range.start.line, hover.range.start.character) == (2, len(PLAIN) + 1)
    assert hotspot_hover(checked, text.index("## Care")) is None
