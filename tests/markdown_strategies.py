"""Hypothesis strategies for hostile Markdown pages, shared by test_fuzz.py and the benchmark.

The pages mix realistic patient-page structure (headings, lists, tables, links, images,
front matter, medical terms the rules look for) with the strange: unbalanced emphasis,
nested brackets and parentheses, raw HTML, combining marks, right-to-left text, emoji,
zero-width characters, every line ending, NUL bytes and invalid UTF-8.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = (
    "the", "a", "your", "doctor", "cancer", "may", "cause", "pain", "and", "you", "can",
    "biopsy", "metastatic", "chemotherapy", "oncologist", "lymphedema", "neutropenia",
    "mucositis", "prognosis", "radiation", "therapy", "e.g.", "Dr.", "U.S.", "mg", "CT",
    "MRI", "which", "is", "called", "means", "(a", "test)", "—", "…", "1.", "42", "%",
)
# Characters that stress offsets and tokenizers.
SPECIAL = (
    "\u0301", "\u0308", "\u0327", "\u20dd",  # combining marks
    "\u05d0\u05d1\u05d2", "\u0627\u0644\u0633\u0631\u0637\u0627\u0646",  # Hebrew, Arabic
    "\u202e", "\u202d", "\u200f", "\u200e",  # bidi controls
    "\U0001F600", "\U0001F469\u200d\u2695\ufe0f", "\U0001F1FA\U0001F1F8",  # emoji, ZWJ, flag
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width
    "\u00a0", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\t",  # odd spaces and breaks
    "\u0130", "\u1e9e", "\ufb01", "\u00df", "\u0390",  # case-mapping changes length
    "\U00010400", "\U0001D11E", "\uffff", "\ufffd",  # astral and special code points
    "&amp;", "&#128512;", "&#x0;", "&bogus;", "&#99999999;", "\\*", "\\", "\\\n",
)
MARKUP = ("*", "**", "_", "__", "`", "``", "~~", "[", "]", "(", ")", "<", ">", "!", "|",
          "#", "<!--", "-->", "  \n", "\n")

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(SPECIAL), st.sampled_from(MARKUP),
                 unicode_text)
url = st.one_of(
    st.sampled_from((
        "https://www.cancer.gov/x", "/Common/PopUps/popDefinition.aspx?id=45", "#term-biopsy",
        "/glossary/biopsy", "", "<>", "<a b>", "x(y)", "x(y(z))", "x)", "(", "a b",
        "https://e.org/a_(b)", "mailto:a@b.org", "javascript:alert(1)",
    )),
    st.text(alphabet="abc/().:?#%()[]<> \\", max_size=10),
)


@st.composite
def inline(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.integers(0, 12))
        w = " ".join(draw(st.lists(word, min_size=1, max_size=4)))
        if kind == 0:
            parts.append(f"[{w}]({draw(url)})")
        elif kind == 1:
            parts.append(f"![{w}]({draw(url)} \"{w}\")")
        elif kind == 2:
            parts.append(f"[{w}][{draw(st.sampled_from(('ref', 'Ref', 'missing', '')))}]")
        elif kind == 3:
            parts.append(draw(st.sampled_from((
                "<img src=x.png>", "<img src='x' alt=''>", '<img alt="A scan" src=y>',
                "<abbr title='computed tomography'>CT</abbr>", "<a href='/glossary/x'>", "</a>",
                "<span>", "<!-- pladlint-disable -->", "<http://e.org/(x)>", "<a@b.org>",
                "<img", "<!--", "<br/>",
            ))))
        elif kind == 4:
            mark = draw(st.sampled_from(("*", "**", "_", "`", "~~", "***")))
            parts.append(mark + w + draw(st.sampled_from(("", mark, mark[:1]))))
        elif kind == 5:
            parts.append("[" * draw(st.integers(1, 4)) + w + "]" * draw(st.integers(0, 4))
                         + "(" * draw(st.integers(0, 3)) + ")" * draw(st.integers(0, 3)))
        else:
            parts.append(w)
    return draw(st.sampled_from((" ", "", "  "))).join(parts)


@st.composite
def nested_list(draw, depth: int = 0) -> list[str]:
    lines = []
    marker = draw(st.sampled_from(("-", "*", "+", "1.", "2)")))
    for _ in range(draw(st.integers(1, 3))):
        lines.append("  " * depth + f"{marker} {draw(inline())}")
        if depth < 6 and draw(st.booleans()):
            lines.extend(draw(nested_list(depth + 1)))
    return lines


@st.composite
def table(draw) -> list[str]:
    cols = draw(st.integers(1, 4))
    rows = ["| " + " | ".join(draw(inline()) for _ in range(cols)) + " |",
            "|" + "|".join(draw(st.sampled_from(("---", ":--", "--:", ":-:"))) for _ in range(cols)) + "|"]
    for _ in range(draw(st.integers(0, 3))):
        n = draw(st.integers(0, cols + 1))  # ragged rows too
        rows.append("| " + " | ".join(draw(inline()) for _ in range(n)) + " |")
    return rows


@st.composite
def block(draw) -> list[str]:
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return [f"{'#' * draw(st.integers(1, 7))}{draw(st.sampled_from((' ', '')))}{draw(inline())}"]
    if kind == 1:
        return [draw(inline()), draw(st.sampled_from(("===", "---", "-")))]
    if kind == 2:
        return draw(nested_list())
    if kind == 3:
        return draw(table())
    if kind == 4:
        return [">" * draw(st.integers(1, 3)) + " " + draw(inline()) for _ in range(draw(st.integers(1, 3)))]
    if kind == 5:
        fence = draw(st.sampled_from(("```", "~~~", "````")))
        body = [draw(inline()) for _ in range(draw(st.integers(0, 3)))]
        return [fence + draw(st.sampled_from(("", "md", "python"))), *body,
                *draw(st.sampled_from(([fence], [])))]  # unclosed fences too
    if kind == 6:
        return [draw(st.sampled_from((
            "<div>", "</div>", "<table><tr><td>biopsy</td></tr></table>", "<!-- comment",
            "-->", "<img src='a.png'>", "<p>A <img src=b alt=''> c</p>", "<details>",
            "<script>alert(1)</script>", "<?php ?>", "<![CDATA[ x ]]>",
        ))) for _ in range(draw(st.integers(1, 3)))]
    if kind == 7:
        label = draw(st.sampled_from(("ref", "Ref", "x")))
        title = draw(st.sampled_from(("", '"title"', "(title)", '"open')))
        return [f"[{label}]: {draw(url)} {title}"]
    if kind == 8:
        return [draw(st.sampled_from(("---", "***", "___", "- - -", "")))]
    if kind == 9:
        return ["    " + draw(inline())]  # indented code
    return [draw(inline()) for _ in range(draw(st.integers(1, 3)))]


FRONT_MATTER = (
    "", "---\naudienceLevel: patient\n---\n", "---\naudience: professional\nlanguage: es\n---\n",
    "---\nglossary: [biopsy, chemotherapy]\n---\n", "---\nglossary:\n  biopsy: a test\n---\n",
    "---\n---\n", "---\n...\n", "---\ntitle: [unclosed\n---\n", "---\n- a list\n---\n",
    "---\ntitle: x\n", "---\naudienceLevel: martian\n---\n", "---\naudienceLevel: [1, 2]\n---\n",
    "---\nlanguage: 42\n---\n", "---\nlastReviewed: not-a-date\n---\n",
    "---\nx: !!python/object/apply:os.system ['true']\n---\n", "---\na: &a [*a]\n---\n",
    "+++\ntitle = 'x'\n+++\n", "+++\nbroken =\n+++\n", "---- \n", "--- text\n",
)


@st.composite
def markdown_page(draw) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        lines.extend(draw(block()))
        if draw(st.booleans()):
            lines.append("")
    newline = draw(st.sampled_from(("\n", "\n", "\r\n", "\r")))
    body = newline.join(lines) + draw(st.sampled_from(("", newline)))
    front = draw(st.sampled_from(FRONT_MATTER)).replace("\n", newline)
    return front + body


@st.composite
def page_bytes(draw) -> bytes:
    """A page as bytes, sometimes damaged: BOM, NUL, lone surrogates, truncated UTF-8, UTF-16."""
    data = draw(markdown_page()).encode("utf-8")
    damage = draw(st.integers(0, 9))
    if damage == 0:
        data = b"\xef\xbb\xbf" + data
    elif damage == 1:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from((b"\x00", b"\xed\xa0\x80", b"\xed\xbf\xbf",
                                                  b"\xc3", b"\xff", b"\xf4\x90\x80\x80"))) + data[at:]
    elif damage == 2:
        data = draw(st.sampled_from((b"\xff\xfe", b"\xfe\xff", b""))) + draw(st.binary(max_size=64))
    return data


# -- richer pages for the fuzz campaign (benchmarks/fuzz.py, tests/test_fuzz_smoke.py) --------
#
# Kept apart from `markdown_page` so the examples test_fuzz.py derandomizes stay the same.
# `rich_page` adds footnotes, multi-line HTML blocks, blocks nested in list items, generated
# front matter, a line ending drawn per line, characters of every Unicode general category,
# and the wordy phrases and glossary terms `--fix` rewrites, so fixes are exercised too.

# Every general category; Cs (lone surrogates) only where a str can hold them (lint_text).
CATEGORIES = ("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd",
              "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc",
              "Cf", "Co", "Cn")
FIXABLE = (  # safe swaps of rules/plain-language.yml, in several cases and spacings
    "in order to", "In order to", "IN ORDER TO", "prior to", "a large number of",
    "due to the fact that", "at this point in time", "in the near future", "in  order\tto",
    "in\norder to", "**in order** to", "in order to.", "utilize", "Utilize", "assistance",
    "in spite of the fact that", "at the present time", "with the exception of",
)
GLOSSARY_TERMS = ("biopsy", "chemotherapy", "lymphedema", "metastatic", "neutropenia",
                  "Hodgkin lymphoma", "lymph node", "oncologist", "mucositis", "stent")
LINE_ENDINGS = ("\n", "\n", "\n", "\r\n", "\r", "\u2028", "\x0b\n", " \n", "\\\n")


_BY_CATEGORY = {cat: st.text(alphabet=st.characters(categories=[cat]), min_size=1, max_size=4)
                for cat in CATEGORIES + ("Cs",)}
_ANY_CATEGORY = st.one_of(*(_BY_CATEGORY[c] for c in CATEGORIES))
_ANY_CATEGORY_OR_SURROGATE = st.one_of(_ANY_CATEGORY, _BY_CATEGORY["Cs"])


def category_text(allow_surrogates: bool = False) -> st.SearchStrategy[str]:
    """A few characters from one general category (any of them)."""
    return _ANY_CATEGORY_OR_SURROGATE if allow_surrogates else _ANY_CATEGORY


rich_word = st.one_of(word, word, word, st.sampled_from(FIXABLE), st.sampled_from(GLOSSARY_TERMS),
                      category_text())


@st.composite
def rich_inline(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 7))):
        kind = draw(st.integers(0, 9))
        w = " ".join(draw(st.lists(rich_word, min_size=1, max_size=4)))
        if kind == 0:
            parts.append(f"{w}[^{draw(st.sampled_from(('1', 'note', 'x y', '')))}]")
        elif kind == 1:
            parts.append(f"[{w}]({draw(url)})")
        elif kind == 2:
            parts.append(f"<span title=\"{w}\">{w}</span>")
        elif kind == 3:
            parts.append(f"`{w}`" if draw(st.booleans()) else f"``{w}`")
        elif kind == 4 and draw(st.integers(0, 3)) == 0:
            parts.append(draw(inline()))
        else:
            parts.append(w)
    sep = draw(st.sampled_from((" ", " ", "", "  ", "\t")))
    return sep.join(parts)


@st.composite
def rich_list(draw, depth: int = 0) -> list[str]:
    lines = []
    marker = draw(st.sampled_from(("-", "*", "+", "1.", "10)", "-   ", "*\t")))
    pad = draw(st.sampled_from(("  ", "   ", "    ", "\t", " ")))
    for _ in range(draw(st.integers(1, 3))):
        lines.append(pad * depth + f"{marker} {draw(rich_inline())}")
        inner = draw(st.integers(0, 6))
        if inner == 0 and depth < 5:
            lines.extend(draw(rich_list(depth + 1)))
        elif inner == 1:  # a block inside the item, indented under it
            lines.extend(pad * (depth + 1) + line for line in draw(rich_block(depth + 1)))
        elif inner == 2:
            lines.append(draw(rich_inline()))  # lazy continuation
    return lines


@st.composite
def footnote(draw) -> list[str]:
    label = draw(st.sampled_from(("1", "note", "x y", "", "^")))
    lines = [f"[^{label}]: {draw(rich_inline())}"]
    for _ in range(draw(st.integers(0, 2))):
        lines.append(draw(st.sampled_from(("    ", "  ", ""))) + draw(rich_inline()))
    return lines


@st.composite
def html_block(draw) -> list[str]:
    tag = draw(st.sampled_from(("div", "pre", "script", "style", "textarea", "table", "details",
                                "section", "p", "custom-el")))
    body = [draw(rich_inline()) for _ in range(draw(st.integers(0, 3)))]
    blank = [""] if draw(st.booleans()) else []
    close = [f"</{tag}>"] if draw(st.booleans()) else []
    open_ = draw(st.sampled_from((f"<{tag}>", f"<{tag} class=\"x\">", f"<{tag}\n  lang=\"es\">",
                                  "<!--", "<?xml", "<!DOCTYPE html>")))
    return [open_, *blank, *body, *close]


@st.composite
def rich_block(draw, depth: int = 0) -> list[str]:
    kind = draw(st.integers(0, 9 if depth < 3 else 6))
    if kind == 0:
        return draw(footnote())
    if kind == 1:
        return draw(html_block())
    if kind == 2:
        return [f"{'#' * draw(st.integers(1, 6))} {draw(rich_inline())}"
                f"{draw(st.sampled_from(('', ' #', ' ##  ', ' {#id}')))}"]
    if kind == 3:
        return draw(table())
    if kind == 4:
        return [draw(rich_inline()) for _ in range(draw(st.integers(1, 4)))]
    if kind == 5:
        return ["> " + line for line in draw(rich_block(depth + 1))]
    if kind == 6:
        return draw(block())
    return draw(rich_list(depth))


@st.composite
def generated_front_matter(draw) -> str:
    fence = draw(st.sampled_from(("---", "---", "+++", "--- ", "----")))
    keys = ("title", "audience", "audienceLevel", "language", "lastReviewed", "glossary",
            "pladlint", "x")
    lines = [fence]
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(keys))
        value = draw(st.one_of(
            st.sampled_from(("patient", "professional", "es", "en", "2026-01-01", "[a, b]",
                             "{a: 1}", "|", ">", "null", "~", "'quoted", "\"x\"", "&a x",
                             "*a", "!!binary aGk=", "- item", "")),
            category_text()))
        sep = " = " if fence == "+++" else ": "
        lines.append(f"{key}{sep}{value}")
    if draw(st.integers(0, 4)):  # sometimes unclosed
        lines.append(draw(st.sampled_from((fence, "---", "...", "+++"))))
    return "\n".join(lines) + "\n"


@st.composite
def rich_page(draw) -> str:
    """A page as text: any structure, any category, line endings mixed line by line."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        lines.extend(draw(rich_block()))
        if draw(st.booleans()):
            lines.append("")
    mixed = draw(st.integers(0, 3)) == 0
    newline = draw(st.sampled_from(LINE_ENDINGS[:5]))
    body = ""
    for line in lines:
        body += line + (draw(st.sampled_from(LINE_ENDINGS)) if mixed else newline)
    if not draw(st.booleans()):
        body = body[: -len(newline)] if body.endswith(newline) else body
    front = draw(st.one_of(st.sampled_from(FRONT_MATTER), generated_front_matter()))
    if draw(st.integers(0, 9)) == 0:  # lone surrogates: a str from the editor can hold them
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(category_text(allow_surrogates=True)) + body[at:]
    return front.replace("\n", newline) + body


@st.composite
def rich_bytes(draw) -> bytes:
    """`rich_page` encoded, sometimes damaged (BOM, NUL, bad UTF-8, UTF-16, truncated)."""
    text = draw(rich_page())
    data = text.encode("utf-8", "surrogatepass")
    damage = draw(st.integers(0, 7))
    if damage == 0:
        data = b"\xef\xbb\xbf" + data
    elif damage == 1:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from((b"\x00", b"\xed\xa0\x80", b"\xc3", b"\xff",
                                                  b"\xf4\x90\x80\x80", b"\xc0\xaf"))) + data[at:]
    elif damage == 2:
        data = text.encode("utf-16", "surrogatepass")
    elif damage == 3:
        data = data[: draw(st.integers(0, len(data)))]
    return data
