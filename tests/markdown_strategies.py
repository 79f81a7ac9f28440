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
