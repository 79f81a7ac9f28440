"""The fast lexicon walk (a trie) finds exactly what the plain longest-match scan finds."""

from __future__ import annotations

import random
from bisect import bisect_left

from pladlint.language.analysis import Token
from pladlint.vocab.lexicon import Lexicon, Match, Term, _forms_agree, _same_case, _token_forms


def _reference(lexicon: Lexicon, tokens: list[Token], barriers=()) -> list[Match]:
    """The earlier matcher: per token form, the bucket of keys starting with it, longest
    first; the first key that fits wins, a longer one from a later form replaces it."""
    by_first: dict[str, list] = {}
    for key, term in lexicon.entries.items():
        by_first.setdefault(key[0], []).append((key, term))
    for bucket in by_first.values():
        bucket.sort(key=lambda kv: (-len(kv[0]), kv[0]))
    cuts = sorted(barriers)
    forms = [_token_forms(t) for t in tokens]
    out, i, n = [], 0, len(tokens)
    while i < n:
        found = None
        for candidate in forms[i]:
            for key, term in by_first.get(candidate, ()):
                k = len(key)
                if i + k > n or not all(key[j] in forms[i + j] for j in range(k)):
                    continue
                if not _forms_agree(lexicon.forms.get(key), tokens, i):
                    continue
                if not all(tokens[j + 1].start - tokens[j].end <= 1 for j in range(i, i + k - 1)):
                    continue
                c = bisect_left(cuts, tokens[i].end)
                if k > 1 and c < len(cuts) and cuts[c] <= tokens[i + k - 1].start:
                    continue
                if term.case_sensitive and not _same_case(term, tokens[i : i + k]):
                    continue
                if found is None or k > found.last - found.first:
                    found = Match(term, i, i + k)
                break
        out.append(found) if found else None
        i = found.last if found else i + 1
    return out


# (text, lemma): plurals without a lemma ("biopsies") get several forms.
WORDS = [("cell", "cell"), ("cells", "cell"), ("Cells", "cell"), ("biopsies", "biopsies"),
         ("biopsy", "biopsy"), ("lung", "lung"), ("cancer", "cancer"), ("PSA", "psa"),
         ("psa", "psa"), ("-", "-"), ("in", "in"), ("order", "order"), ("to", "to"),
         ("imaging", "image"), ("image", "image"), ("boxes", "boxes"), ("box", "box"),
         ("better", "well")]
KEYS = [("cell",), ("cell", "lung"), ("cell", "lung", "cancer"), ("lung", "cancer"),
        ("biopsy",), ("biopsies",), ("biopsy", "cell"), ("psa",), ("in", "order", "to"),
        ("order",), ("image",), ("box",), ("boxe", "cell"), ("cell", "-", "cell"),
        ("lung", "cell"), ("well",), ("better",), ("better", "cell")]


def test_trie_walk_matches_reference_scan() -> None:
    rng = random.Random(8)
    for trial in range(300):
        keys = rng.sample(KEYS, rng.randint(1, len(KEYS)))
        entries = {}
        for key in keys:
            written = "PSA" if key == ("psa",) else "imaging" if key == ("image",) else " ".join(key)
            entries[key] = Term(written, (), "test", written.isupper())
        lexicon = Lexicon(entries)
        if trial % 2:
            lexicon.strict_forms()
        tokens, pos = [], 0
        for _ in range(rng.randint(0, 25)):
            text, lemma = rng.choice(WORDS)
            tokens.append(Token(text, lemma, pos, pos + len(text), text.isalnum()))
            pos += len(text) + rng.choice((0, 1, 1, 1, 2))
        barriers = rng.sample(range(pos + 1), min(pos + 1, rng.randint(0, 3)))
        assert list(lexicon.matches(tokens, barriers)) == _reference(lexicon, tokens, barriers)


def test_proper_name_for_finds_the_leftmost_name_not_glued_to_a_word() -> None:
    from pladlint.language.acronyms import proper_name_for

    assert proper_name_for("NCI", "National Cancer Institute") == "National Cancer Institute"
    text = "xNational Cancer Inst, pre-National Cancer Inst, the National Cancer Institute"
    assert proper_name_for("NCI", text) == "National Cancer Institute"
    assert proper_name_for("FDA", "Food and Drug Administration") == "Food and Drug Administration"
    assert proper_name_for("FDA", "xFood and Drug Administration") is None
    assert proper_name_for("FDA", "Food and Drug Administrations-x") is None


def test_units_without_two_capitals_have_no_acronyms() -> None:
    from pladlint.language.acronyms import find_acronyms

    assert find_acronyms("a plain sentence, with One capital.") == []
    assert [o.token for o in find_acronyms("Ask about HER-2 and 5-FU and CTs.")] == ["HER-2", "5-FU", "CT"]


def test_case_sensitive_terms_have_two_capital_letters() -> None:
    from pladlint.vocab.lexicon import _is_case_sensitive

    assert _is_case_sensitive("PSA") and _is_case_sensitive("HER2") and _is_case_sensitive("pH-DNA")
    assert not _is_case_sensitive("biopsy") and not _is_case_sensitive("Biopsy")
    assert not _is_case_sensitive("ⅻ x") and not _is_case_sensitive("Ⅻ Ⅻ x")
