"""The document model: front matter, sections, prose spans mapped back to the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pladlint.document import FrontMatterError, parse_document
from pladlint.positions import LineIndex, Span


def parse(text: str):
    return parse_document(Path("t.md"), text)


def assert_prose_maps_to_source(doc) -> None:
    for unit in doc.units:
        assert len(unit.text) == len(unit.starts) == len(unit.ends)
        for i, ch in enumerate(unit.text):
            source = doc.text[unit.starts[i] : unit.ends[i]]
            if ch.isspace() and source != ch:
                continue  # a separator standing for dropped markup or a line break
            assert 0 <= unit.starts[i] < unit.ends[i] <= len(doc.text)
            if source != ch:
                # an escape (\*) or an entity (&amp;) stands for one prose character
                import html

                assert source in ("\\" + ch,) or html.unescape(source).startswith(ch), (ch, source)


def test_front_matter_keeps_body_offsets_and_metadata() -> None:
    doc = parse("---\naudienceLevel: patient\nlanguage: en\n---\n\n# Title\n\nBody text here.\n")
    assert doc.metadata == {"audienceLevel": "patient", "language": "en"}
    assert doc.sections[0].heading == "Title"
    assert doc.sections[0].start_line == 6
    body = doc.units[1]
    assert doc.index.location(body.starts[0]).line == 8


@pytest.mark.parametrize(
    "text, reason",
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "not valid YAML on line 3"),
        ("---\ntitle: x\nno closing fence\n", "never closed"),
        ("---\n- a\n- b\n---\nBody\n", "must be a mapping"),
        ("---\njust a string\n---\n", "must be a mapping"),
    ],
)
def test_broken_front_matter_is_a_clear_error(text: str, reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        parse(text)


def test_empty_front_matter_and_only_front_matter() -> None:
    assert parse("---\n---\nText.\n").metadata == {}
    doc = parse("---\ntitle: x\n---\n")
    assert doc.metadata == {"title": "x"} and doc.units == []


def test_sections_levels_paths_and_empty_headings() -> None:
    doc = parse(
        "Intro before any heading.\n\n# Guide\n\n##\n\nWhat is it?\n\nText.\n\n### Detail\n\nMore.\n"
    )
    names = [(s.heading, s.level, s.path, s.empty_heading) for s in doc.sections]
    assert names == [
        ("(top of page)", 0, (), False),
        ("Guide", 1, (), False),
        ("What is it?", 2, ("Guide",), True),
        ("Detail", 3, ("Guide", "What is it?"), False),
    ]
    assert (doc.sections[2].start_line, doc.sections[2].end_line) == (5, 9)


def test_prose_excludes_urls_images_code_html_and_table_syntax() -> None:
    doc = parse(
        "See [the guide](https://example.org/a.html) and https://x.org/y now.\n\n"
        "![alt words](img.png) `code here` <span>tag</span> end.\n\n"
        "```\nfenced code\n```\n\n<div>\nhtml block\n</div>\n\n"
        "| Drug | Dose |\n|---|---|\n| A | 5 mg |\n"
    )
    prose = "\n".join(u.text for u in doc.units)
    for absent in ("https", "example", "img.png", "alt words", "code here", "fenced", "html block", "|", "---"):
        assert absent not in prose, absent
    assert "the guide" in prose and "tag" in prose
    cells = [u.text for u in doc.units if u.kind == "table_cell"]
    assert cells == ["Drug", "Dose", "A", "5 mg"]
    assert_prose_maps_to_source(doc)


def test_list_items_are_units_of_their_own() -> None:
    doc = parse("- Nausea\n- Hair loss\n- Feeling tired\n")
    assert [u.text for u in doc.units] == ["Nausea", "Hair loss", "Feeling tired"]
    assert all(u.kind == "list_item" for u in doc.units)


def test_links_and_images_have_positions() -> None:
    text = "Read [the *NCI* page](/Common/PopUps/popDefinition.aspx?id=1). ![x](a.png)\n"
    doc = parse(text)
    (link,) = doc.links
    assert link.text == "the NCI page"
    assert text[link.span.start : link.span.end] == "[the *NCI* page](/Common/PopUps/popDefinition.aspx?id=1)"
    (image,) = doc.images
    assert text[image.span.start : image.span.end] == "![x](a.png)"


def test_escapes_entities_crlf_tabs_and_bom_map_exactly() -> None:
    text = "Para \\*one\\* &amp; two\r\n\tcontinued — café\r\n\r\n- item\twith tab\r\n"
    doc = parse(text)
    assert doc.units[0].text.startswith("Para *one* & two continued")
    assert_prose_maps_to_source(doc)
    idx = doc.index
    assert idx.location(text.index("café")).line == 2


def test_line_index_handles_all_line_endings() -> None:
    idx = LineIndex("a\r\nb\rc\nd")
    assert [idx.location(i).line for i in (0, 3, 5, 7)] == [1, 2, 3, 4]
    assert idx.end_location(Span(0, 1)).column == 2


_MD_PIECES = st.sampled_from([
    "# Heading\n", "## \n", "Text with *emphasis* and **strong**.\n", "- item one\n", "  - nested\n",
    "1. first\n", "> quote line\n", "[link](http://x.y/(a)) text\n", "![alt](i.png)\n",
    "`code` span\n", "<b>html</b> inline\n", "| a | b |\n|---|---|\n| c | d |\n", "\n",
    "Escaped \\* star &amp; entity &#169;\n", "\ttabbed line\n", "Café naïve 🙂 שלום\n",
    "[ref]: http://ref.example\n", "See [ref] and [text][ref].\n", "***\n", "Line\r\n",
    "a\u0301 combining\n", "zero\u200bwidth\n", "<!-- comment -->\n", "```\ncode\n```\n",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_MD_PIECES, st.text(max_size=30)), max_size=25))
def test_property_every_prose_character_maps_back_to_itself(pieces: list[str]) -> None:
    text = "".join(pieces).replace("\x00", "")
    doc = parse_or_skip(text)
    if doc is None:
        return
    assert_prose_maps_to_source(doc)
    for image in doc.images:
        assert 0 <= image.span.start <= image.span.end <= len(text)
    for section in doc.sections:
        assert 1 <= section.start_line <= max(section.end_line, section.start_line) <= doc.index.line_count


def parse_or_skip(text: str):
    try:
        return parse(text)
    except FrontMatterError:
        return None
