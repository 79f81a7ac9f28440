"""`--fix` applies person-first-language swaps only where the finding marks them safe."""

from __future__ import annotations

from pladlint.fixes import plan_edits
from pladlint.fixes.edits import apply_edits

from helpers import lint

RULE = "person-first-language"


def fixed(text: str) -> str:
    result = lint(text, rules=[RULE], dedent=False)
    return apply_edits(result.source, plan_edits(result))


def test_safe_swaps_are_applied_in_the_written_form() -> None:
    text = ("Diabetics should check their feet. He suffers from asthma.\n\n## More\n\n"
            "Her uncle committed suicide. Ask if an epileptic can drive.\n")
    assert fixed(text) == (
        "People with diabetes should check their feet. He has asthma.\n\n## More\n\n"
        "Her uncle died by suicide. Ask if a person with epilepsy can drive.\n")


def test_swaps_that_need_rewording_are_left_to_the_writer() -> None:
    text = ("He is wheelchair-bound. Cancer victims can get help.\n\n## More\n\n"
            "Diabetic patients need care. The patient was non-compliant.\n\n## Last\n\n"
            "People suffering from pain rest.\n")
    assert fixed(text) == text


def test_headings_and_words_with_markup_inside_are_not_changed() -> None:
    text = "# Diabetics and feet\n\n## Care\n\nMost *type 2* diabetics need good shoes.\n"
    assert fixed(text) == text
    # markup around the words is kept
    assert fixed("**Diabetics** need shoes.\n") == "**People with diabetes** need shoes.\n"


def test_plain_text_is_left_alone_and_fixing_twice_equals_once() -> None:
    plain = "People with diabetes should check their feet. Follow a diabetic diet.\n"
    assert fixed(plain) == plain
    once = fixed("Asthmatics should carry an inhaler. Type 2 diabetics take metformin.\n")
    assert once == ("People with asthma should carry an inhaler. People with type 2 diabetes "
                    "take metformin.\n")
    assert fixed(once) == once
