"""Big pages: the faster code paths find exactly what the plain ones found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pladlint.checks.jargon.scan import scan
from pladlint.checks.readability import person_first
from pladlint.checks.readability.person_first import Hit, PersonFirstPack, find_hits
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.engine import build_context


def _phrase_trying_every_phrase(tokens, low, i: int, pack: PersonFirstPack) -> Hit | None:
    """The phrase matcher before phrases were looked up by their first word."""
    for p in pack.phrases:
        n = len(p.words)
        if i + n > len(tokens) or not all(
                person_first._adjacent(tokens, j, j + 1) for j in range(i, i + n - 1)):
            continue
        first_ok = tokens[i].lemma == p.words[0] if p.form == "verb" else low[i] == p.words[0]
        if not first_ok or tuple(low[i + 1:i + n]) != p.words[1:]:
            continue
        if person_first._is_name(tokens, i, i + n) or person_first._in_compound(
                tokens, i, i + n) or (p.unless & set(low[max(0, i - 6):i] + low[i + n:i + n + 3])):
            return None
        return person_first._phrase_hit(tokens, low, i, i + n, p)
    return None


PAGE = """# Living with it

He suffers from asthma. She suffered with pain for years. Her uncle committed suicide.
They were afflicted with polio, stricken with grief, afflicted by it. He is wheelchair-bound
and wheelchair bound, confined to a wheelchair. The studies suffer from a lack of data.
People suffering from pain rest. Suffer From Anything is a book. Diabetics should eat well.

## More

Cancer victims can get help. A diabetic diet is not a diabetic patient. She has been
suffering with migraines, and he suffers from the cold.
"""


def test_phrases_looked_up_by_first_word_find_what_trying_every_phrase_found(monkeypatch):
    ctx = build_context(parse_document(Path("p.md"), PAGE), Config())
    pack = person_first.load_person_first()
    fast = [[vars(h) for h in find_hits(ua.tokens, pack)] for ua in ctx.analysis]
    monkeypatch.setattr(person_first, "_phrase", _phrase_trying_every_phrase)
    plain = [[vars(h) for h in find_hits(ua.tokens, pack)] for ua in ctx.analysis]
    assert fast == plain
    assert sum(map(len, fast)) >= 8  # the page does exercise the phrases


def test_every_phrase_is_indexed_under_its_first_word():
    pack = person_first.load_person_first()
    indexed = sorted(k for ks in pack.phrase_starts.values() for k in ks)
    assert indexed == list(range(len(pack.phrases)))
    for (form, first), ks in pack.phrase_starts.items():
        assert all(pack.phrases[k].form == form and pack.phrases[k].words[0] == first for k in ks)
        assert list(ks) == sorted(ks)


@pytest.mark.parametrize("sections", [1, 3, 40])
def test_section_density_counts_each_sections_unexplained_mentions(sections):
    text = "".join(f"## Part {i}\n\nThe oncologist ordered a biopsy and a colposcopy. "
                   f"A biopsy (a small tissue sample) helps.\n\n" for i in range(sections))
    ctx = build_context(parse_document(Path("p.md"), text), Config())
    result = scan(ctx)
    for section in ctx.doc.sections:
        words = result.section_words.get(section.index, 0)
        hits = 2 + sum(1 for m in result.mentions
                       if m.section == section.index and m.explained is None)
        assert result.density(section.index, 2) == (round(100 * hits / words, 2) if words else 0.0)
    assert any(m.explained is None for m in result.mentions)


# -- suppressions: the bisecting filter against the directive-by-finding loop ----------------

def _old_resolve_scopes(doc, found) -> None:
    """Scopes as resolved before `disable` looked only at the later `enable`s."""
    from pladlint.engine.suppressions import ALL, Directive

    text_end, index = len(doc.text), doc.index
    for i, d in enumerate(found):
        if d.kind == "disable-file":
            d.scope = [(0, text_end)]
        elif d.kind == "disable-line":
            first, last = index.line_of(d.span.start), index.line_of(max(d.span.end - 1, d.span.start))
            d.scope = [(index.line_start(first), index.line_end(last) + 1)]
        elif d.kind == "disable-next-line":
            line = index.line_of(max(d.span.end - 1, d.span.start)) + 1
            if line < index.line_count:
                d.scope = [(index.line_start(line), index.line_end(line) + 1)]
        elif d.kind == "disable":
            end = text_end
            for later in found[i + 1:]:
                if later.kind == "enable" and (ALL in later.rules or (
                        ALL not in d.rules and set(d.rules) <= set(later.rules))):
                    end = later.span.start
                    break
            d.scope = [(d.span.end, end)]
    for i, d in enumerate(found):
        if d.kind != "disable" or ALL in d.rules or len(d.rules) < 2:
            continue
        for later in found[i + 1:]:
            if later.kind == "enable" and ALL not in later.rules and set(d.rules) & set(later.rules):
                if later.span.start < d.scope[0][1]:
                    closed = [r for r in d.rules if r in later.rules]
                    rest = [r for r in d.rules if r not in later.rules]
                    found.append(Directive("disable", closed, [], d.reason, d.span,
                                           [(d.span.end, later.span.start)]))
                    d.rules = rest
                break


def _old_filter(found, findings):
    from pladlint.engine.suppressions import ALL, _covers

    kept = []
    for f in findings:
        hit = [d for d in found if _covers(d, f)]
        for d in hit:
            d.used.add(f.rule if f.rule in d.rules else ALL)
        if not hit:
            kept.append(f)
    return kept


_NAMES = ["long-sentence", "jargon-unexplained", "complex-word", "PL101", "all", ""]
_KINDS = ["disable", "disable", "enable", "enable", "disable-next-line", "disable-line",
          "disable-file"]


def _random_page(rng) -> str:
    lines = []
    for _ in range(rng.randrange(1, 40)):
        if rng.random() < 0.4:
            names = " ".join(rng.sample(_NAMES, rng.randrange(0, 3)))
            tail = "" if rng.random() < 0.5 else " trailing words"
            lines.append(f"<!-- pladlint-{rng.choice(_KINDS)} {names} -->{tail}")
        else:
            lines.append("Some words on a line." if rng.random() < 0.8 else "")
    return "\n".join(lines) + "\n"


def test_suppressions_resolve_and_filter_as_the_plain_loops_did():
    import random
    from types import SimpleNamespace

    from pladlint.engine import suppressions

    rng = random.Random(18)
    rules = ["long-sentence", "jargon-unexplained", "complex-word", "reading-grade"]
    for _ in range(400):
        text = _random_page(rng)
        doc = parse_document(Path("p.md"), text)
        new = suppressions.directives(doc)
        old = [suppressions.parse_directive(c.body, c.span) for c in doc.comments]
        old = sorted((d for d in old if d is not None), key=lambda d: d.span.start)
        _old_resolve_scopes(doc, old)
        assert [(d.kind, d.rules, d.scope) for d in new] == [(d.kind, d.rules, d.scope) for d in old]
        findings = [SimpleNamespace(rule=rng.choice(rules), start=rng.randrange(len(text) + 1))
                    for _ in range(rng.randrange(0, 30))]
        assert suppressions._filter(new, findings) == _old_filter(old, findings)
        assert [d.used for d in new] == [d.used for d in old]


def _line_starts_searching_from_every_line(text: str) -> list[int]:
    """LineIndex's loop before it kept the next line breaks found."""
    starts, i, n = [0], 0, len(text)
    while True:
        nl, cr = text.find("\n", i), text.find("\r", i)
        if nl == -1 and cr == -1:
            return starts
        if cr != -1 and (nl == -1 or cr < nl):
            nxt = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
        else:
            nxt = nl + 1
        starts.append(nxt)
        i = nxt


def test_line_starts_are_those_of_searching_from_every_line():
    import random

    from pladlint.positions import LineIndex

    rng = random.Random(7)
    cases = ["", "a", "\n", "\r", "\r\n", "\n\r", "a\r\r\nb\n\rc", "x\n" * 50, "y\r" * 50]
    cases += ["".join(rng.choice("ab\n\r ") for _ in range(rng.randrange(80))) for _ in range(500)]
    for text in cases:
        assert LineIndex(text).starts == _line_starts_searching_from_every_line(text), repr(text)


def test_ranges_hold_what_a_scan_of_every_range_finds():
    import random

    from pladlint.positions import Ranges

    rng = random.Random(3)
    for _ in range(300):
        spans = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(0, 60)
            spans.append((a, a + rng.randrange(0, 30)))
        ranges = Ranges(spans)
        assert bool(ranges) == bool(spans)
        for _ in range(20):
            start = rng.randrange(0, 70)
            end = start + rng.randrange(0, 15)
            assert sorted(ranges.holding(start, end)) == sorted(
                (a, b) for a, b in spans if a <= start and end <= b)


def test_gloss_index_finds_the_first_gloss_that_explains_or_holds():
    from pladlint.checks.jargon.explanations import GlossIndex
    from pladlint.language.glosses import find_glosses

    text = ("A colposcopy (a look at the cervix) and a biopsy (a tissue test) help. Edema, or "
            "swelling, goes away. Radiotherapy, also called radiation therapy, uses x-rays. "
            "The gums (gingiva) bleed. Cells, which line the urethra and ureters, grow. "
            "Percutaneous coronary intervention (a procedure to open arteries) helps.")
    glosses = find_glosses(text)
    index = GlossIndex(glosses)
    assert len(glosses) >= 4
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 40) + 1):
            assert index.explaining(start, end) == next(
                (g for g in glosses if g.explains(start, end)), None)
            assert index.holding(start, end) == next(
                (g for g in glosses if g.holds(start, end)), None)


def _quoted_from_the_start(text: str, at: int) -> bool:
    """passive-voice's quotation test before it counted on from the previous offset."""
    opened = False
    for ch in text[:at]:
        if ch in '"\u201c\u201d':
            opened = ch == "\u201c" or (ch == '"' and not opened)
    ahead = [i for i in (text.find("\u201c", at), text.find("\u201d", at)) if i >= 0]
    return opened or (bool(ahead) and text[min(ahead)] == "\u201d")


def test_quotes_counted_on_agree_with_counting_from_the_start():
    import random

    from pladlint.checks.readability.quotes import QuoteCounts, QuoteState

    rng = random.Random(11)
    for _ in range(500):
        text = "".join(rng.choice('ab "\u201c\u201d') for _ in range(rng.randrange(0, 60)))
        counts, state = QuoteCounts(text), QuoteState(text)
        positions = sorted(rng.randrange(0, len(text) + 1) for _ in range(8))
        if rng.random() < 0.2:
            rng.shuffle(positions)  # out of order: still right
        for pos in positions:
            said = text[:pos]
            assert counts.open_at(pos) == bool(
                said.count('"') % 2 or said.count("\u201c") > said.count("\u201d"))
            assert state.inside(pos) == _quoted_from_the_start(text, pos), (text, pos)


def test_section_at_bisects_to_the_section_the_walk_found():
    import random

    rng = random.Random(5)
    for _ in range(60):
        parts = []
        for _ in range(rng.randrange(0, 12)):
            parts.append(rng.choice(["# A\n", "## B\n", "text\n", "\n", "#\n", "Setext\n---\n"]))
        text = "".join(parts)
        doc = parse_document(Path("p.md"), text)
        for offset in range(len(text) + 1):
            line = doc.index.line_of(offset) + 1
            walked = None
            for section in doc.sections:
                if section.start_line > line:
                    break
                walked = section
            assert doc.section_at(offset) is walked


class _Everything:
    def __contains__(self, item) -> bool:
        return True


def test_start_words_skip_only_tokens_where_nothing_starts():
    """find_hits skips a token whose word and lemma start no label, victim noun or phrase;
    with every token tried, it finds the same."""
    import dataclasses

    pack = person_first.load_person_first()
    tried = dataclasses.replace(pack, start_words=_Everything(), start_lemmas=_Everything())
    text = PAGE + "\n".join(f"{w.title()} and {w}; the {w} are {w}. Type 2 {w} patients."
                            for w in sorted(pack.start_words | pack.start_lemmas))
    ctx = build_context(parse_document(Path("p.md"), text), Config())
    fast = [[vars(h) for h in find_hits(ua.tokens, pack)] for ua in ctx.analysis]
    assert fast == [[vars(h) for h in find_hits(ua.tokens, tried)] for ua in ctx.analysis]
    assert sum(map(len, fast)) >= 40
