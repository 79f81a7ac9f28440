"""Finding acronyms in prose and telling whether one is spelled out at a given place.

An acronym counts as spelled out (expanded) where its long form stands next to it:
"chronic myelogenous leukemia (CML)", "... (also known as CML)", "CML (chronic myelogenous
leukemia)", "..., also called CML", "CML stands for ...". The long form must fit the
letters of the acronym, checked with the algorithm of Schwartz and Hearst (2003, "A simple
algorithm for identifying abbreviation definitions in biomedical text"): every letter and
digit of the acronym is found in the long form, in order, right to left, and its first
letter starts a word. That keeps "HER2 (see below)" from counting as an expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pladlint.document import abbr_tags

# An upper-case word with at least two capitals, optionally with digits and inner hyphens:
# CML, HER2, HER-2, PD-L1, COVID-19, CA-125. "/" separates (HIV/AIDS is two acronyms).
# A trailing plural s ("CTs") is allowed, and a number in front ("5-FU"). A token glued to
# a word by a hyphen ("Lung-MAP", "1-800-4-CANCER") is part of a name, not an acronym.
# A small letter or two in front of two capitals is part of the acronym too: mRNA, cART, ctDNA.
ACRONYM_RE = re.compile(
    r"(?<![\w.\-])((?:\d+-)?(?:[a-z]{1,2}(?=[A-Z]{2}))?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?:s\b)?(?![\w])")
# Pronunciation guides, as in "(PA-klih-TAK-sil)": hyphenated syllables, stressed ones in
# capitals. They are not acronyms.
_PAREN_RE = re.compile(r"\(([^()]{2,200})\)")
_SYLLABLES = re.compile(r"^[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*$")
# Date-format placeholders (MM/DD/YYYY) repeat one letter; acronyms do not.
_REPEATED = re.compile(r"^([A-Z])\1+$")
# What follows an acronym and says what kind of thing it names: "the BRAF gene".
# "BRCA1 or BRCA2 genes", "the RESONATE trial": a gene, protein or trial named by its symbol.
_KIND_AFTER = re.compile(r"^[+−]?(?:(?:,\s*|\s+(?:and|or)\s+)[A-Z][A-Z0-9-]*)*,?\s+"
                         r"(?:genes?|proteins?|trials?|study)\b", re.I)
# A place name and a comma before a state code: "Bethesda, MD".
_PLACE_BEFORE = re.compile(r"\b[A-Z][a-z]+,[ \t]*$")
# An identifier label ("PMID: 26389325"), a product name ("Oncotype DX®"), a legend ("OX =").
_LABEL_AFTER = re.compile(r"^(?:\s*:\s*\d|[®™]|\s*=\s*\w)")
# A toll-free number spelled with a word: "1-800-4-CANCER", "1–800–4 CANCER".
_PHONE_BEFORE = re.compile(r"\b1?[\-–. ]?8\d\d[\-–. ]\d*[\-–. ]?$")
# An author in a reference list: "Thompson IM, Ankerst DP, Chi C, et al."
_AUTHOR = re.compile(r"\b[A-Z][a-z]+[ \t]+[A-Z]{1,3}[,.]|\b[A-Z]{1,3}[ \t]+[A-Z][a-z]+,")
_WORD_RE = re.compile(r"[\w’'-]+")
_LEAD_IN_BEFORE = re.compile(r"\(\s*(?:(?:also\s+)?(?:known\s+as|called)\s+|or\s+)?$", re.I)
_CLOSE_AFTER = re.compile(r"^(?:s|['’]s)?(?:[+−]|-[a-z]+)?\s*(?:for\s+short\s*)?(?:[);,/]|\s[-–—]\s)")
_COMMA_BEFORE = re.compile(r",?\s+(?:also\s+)?(?:known\s+as|called|or|and|abbreviated(?:\s+as)?)\s+$",
                           re.I)
_PAREN_AFTER = re.compile(r"^(?:s|['’]s)?\s*\(\s*(?:(?:which\s+)?(?:stands\s+for|is\s+short\s+for"
                          r"|short\s+for)\s+|or\s+)?([^()]{3,150})\)")
_STANDS_AFTER = re.compile(r"^(?:s|['’]s)?,?\s+(?:which\s+)?(?:stands\s+for|is\s+short\s+for"
                           r"|short\s+for|is\s+an?\s+abbreviation\s+for|(?:also\s+)?called"
                           r"|(?:also\s+)?known\s+as)\s+(.{3,150})", re.I)
_SMALL_WORDS = r"(?:of|and|the|for|in|on|to|&|de|del|la)"


def key(token: str) -> str:
    """The form two spellings share: HER-2 and HER2 are one acronym."""
    return token.replace("-", "").upper()


def letters(token: str) -> str:
    """The letters and digits that must be found in a long form; a number in front
    ("5-FU") is part of the name, not of the long form."""
    return "".join(c for c in re.sub(r"^\d+-", "", token).lower() if c.isalnum())


def is_candidate(token: str) -> bool:
    caps = sum(1 for c in token if c.isupper())
    # V600E is a mutation, NCT05554406 a trial number: neither is an abbreviation.
    # C1-C7, L1-L5: labels of a range (vertebrae, stages), not abbreviations.
    return (caps >= 2 and len(token) <= 12 and not re.fullmatch(r"[A-Z]\d+[A-Z]", token)
            and not re.fullmatch(r"[A-Z]\d+(?:-[A-Z]?\d+)+", token)
            and not re.fullmatch(r"[A-Z]{2,5}\d{4,}", token)
            and not _REPEATED.match(token) and not _shouted_word(token))


def _shouted_word(token: str) -> bool:
    """'POSITIVE', 'RESPOND': a long everyday word written in capitals, not an acronym."""
    if len(token) < 6 or not token.isalpha():
        return False
    from pladlint.vocab.frequency import zipf  # memoized per word

    return zipf(token.lower()) >= 3.5


def pronunciation_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of pronunciation guides in brackets: '(PA-klih-TAK-sil)'."""
    out = []
    for m in _PAREN_RE.finditer(text):
        words = [w for w in re.split(r"[\s…]+", m.group(1)) if w]
        syllables = [p for w in words for p in w.split("-")]
        if (words and "-" in m.group(1) and all(_SYLLABLES.match(w) for w in words)
                and all(p.islower() or p.isupper() for p in syllables)
                and any(p.isupper() for p in syllables) and any(p.islower() for p in syllables)):
            out.append((m.start(), m.end()))
    return out


def is_state_after_place(text: str, start: int, token: str, codes: frozenset[str]) -> bool:
    """'MD' in 'Bethesda, MD' is a state, not an acronym."""
    if token not in codes:
        return False
    end = start + len(token)
    return bool(_PLACE_BEFORE.search(text[max(0, start - 40) : start])
                or re.match(r"-[A-Z][a-z]", text[end : end + 3]))  # "CT-Connecticut"


def not_an_acronym_here(text: str, start: int, end: int) -> bool:
    """A phone number spelled with a word, or an author's initials in a reference."""
    if _PHONE_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    token = text[start:end]
    if len(token) <= 3 and (_AUTHOR.match(text, max(0, text.rfind(" ", 0, max(0, start - 1)) + 1))
                            or _AUTHOR.match(text, start)):
        return len(_AUTHOR.findall(text)) >= 2 or "et al" in text
    return False


def names_its_kind(text: str, end: int) -> bool:
    """Is the acronym ending at `end` followed by what it is ('BRAF gene', 'HER2 protein',
    'the RESONATE trial'), or by an identifier ('PMID: 123')? Gene, protein and trial
    symbols are names: their long forms do not help a reader, saying what they are does."""
    after = text[end : end + 20]
    return bool(_KIND_AFTER.match(after) or _LABEL_AFTER.match(after))


def schwartz_hearst(short: str, long: str) -> int:
    """Where the long form of `short` starts in `long` (Schwartz & Hearst 2003); -1 if
    `long` does not spell it out."""
    s, text = letters(short), long.lower()
    if len(s) < 2 or not text.strip() or letters(long) == s:
        return -1
    si, li = len(s) - 1, len(text) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return -1
        li -= 1
        si -= 1
    return li + 1


def _window_before(text: str, end: int, short: str) -> str:
    """The last min(|A| + 5, 2|A|) words before `end` (the Schwartz-Hearst window)."""
    n = len(letters(short))
    words = list(_WORD_RE.finditer(text, 0, end))[-min(n + 5, 2 * n):]
    return text[words[0].start() : end] if words else ""


def _long_form(short: str, window: str) -> str | None:
    at = schwartz_hearst(short, window) if window else -1
    if at < 0:
        return None
    long = window[at:].strip(" ,;:")
    # Long forms are words, not a sentence: one that crosses a bracket or full stop is wrong.
    words = _WORD_RE.findall(long)
    # One word can be a long form too ("fluorouracil (5-FU)"), if it is clearly longer.
    enough = len(words) >= 2 or (len(words) == 1 and len(long) > len(letters(short)) + 3)
    return long if enough and not re.search(r"[()\[\].;]", long) else None


def expanded_here(text: str, start: int, end: int, short: str) -> str | None:
    """The long form written next to the acronym at text[start:end), or None."""
    before, after = text[:start], text[end : end + 200]
    if _LEAD_IN_BEFORE.search(before) and _CLOSE_AFTER.match(after):
        found = _long_form(short, _window_before(text, before.rfind("("), short))
        if found:
            return found
    m = _COMMA_BEFORE.search(before)
    if m:
        found = _long_form(short, _window_before(text, m.start(), short))
        if found:
            return found
    n = len(letters(short))
    for pattern in (_PAREN_AFTER, _STANDS_AFTER):
        m = pattern.match(after)
        if m:
            inner = re.split(r"[()\[\];]|[.,](?:\s|$)", m.group(1))[0]
            words = _WORD_RE.findall(inner)[: min(n + 5, 2 * n)]
            found = _long_form(short, " ".join(words)) if words and words[0][0].lower() == \
                letters(short)[0] else None
            if found:
                return found
    return None


def proper_name_for(short: str, text: str) -> str | None:
    """A capitalised name in `text` whose initials spell the acronym ("National Cancer
    Institute" for NCI), used to suggest the expansion; None if there is none."""
    initials = [c for c in short if c.isalpha()]
    if len(initials) < 2 or len(initials) != len(letters(short)):
        return None
    m = _name_pattern("".join(initials)).search(text)
    return m.group() if m else None


@lru_cache(maxsize=4096)
def _name_pattern(initials: str) -> re.Pattern:
    """Compiled once per acronym: a page's many acronyms crowd the `re` module's own cache,
    and compiling was most of the cost of a suggestion."""
    gap = rf"[ \t]+(?:{_SMALL_WORDS}[ \t]+)*"
    pattern = gap.join(rf"{c}[a-z]+" for c in initials)
    # The same as "(?<![\w-])" before the pattern, but with the first capital in front the
    # regex engine skips ahead to that letter instead of trying every offset (~40x faster).
    return re.compile(rf"{initials[0]}(?<![\w-].){pattern[1:]}(?![\w-])")


@dataclass(frozen=True)
class Occurrence:
    token: str
    start: int  # prose offsets in its unit
    end: int


# What any acronym candidate contains (`is_candidate`: two capitals in one ACRONYM_RE token).
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9-]*[A-Z]")


def find_acronyms(text: str) -> list[Occurrence]:
    """Acronym candidates in a prose unit. Text written mostly in capitals (a shouted
    warning) holds words, not acronyms, and yields nothing."""
    if not _TWO_CAPITALS.search(text):
        return []  # every candidate has two capitals: most units have none
    words = _WORD_RE.findall(text)
    upper = [w for w in words if len(w) > 1 and w.isupper()]
    if len(words) >= 3 and len(upper) * 2 > len(words):
        return []
    out = []
    spoken = pronunciation_ranges(text) if "(" in text else []
    for m in ACRONYM_RE.finditer(text):
        token = m.group(1)
        if (is_candidate(token) and not any(a <= m.start(1) < z for a, z in spoken)
                and not not_an_acronym_here(text, m.start(1), m.end(1))):
            out.append(Occurrence(token, m.start(1), m.end(1)))
    return out


_ABBR_RE = re.compile(r"<abbr\b[^>]*\btitle\s*=\s*([\"'])(.+?)\1[^>]*>\s*([^<]+?)\s*</abbr>",
                      re.I | re.S)


def abbr_titles(source: str) -> dict[str, tuple[int, str]]:
    """`<abbr title="long form">SHORT</abbr>` in the page: key -> (offset, long form)."""
    out: dict[str, tuple[int, str]] = {}
    for m in abbr_tags.finditer(_ABBR_RE, source):  # linear, not _ABBR_RE.finditer
        out.setdefault(key(m.group(3)), (m.start(), m.group(2)))
    return out
