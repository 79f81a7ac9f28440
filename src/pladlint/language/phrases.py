"""Phrases and clauses of a prose unit: where the noun phrase before a position starts,
where a clause ends, a list of short items. Plain string walking, no parser: what
glosses.py reads explanations with."""

from __future__ import annotations

import re

# Words that end the phrase a gloss explains, walking back from the gloss (or forward after
# "called"): verbs, conjunctions and prepositions that start another part of the sentence.
# "of" is not one: "cancer of the cervix (cervical cancer)" is one phrase.
STOP = frozenset(
    "and or but nor so because while whereas although though if when where after before "
    "such as like especially particularly mainly namely "
    "during until since than that which who whom whose what how why "
    "is are was were be been being am has have had do does did can could may might must "
    "shall should will would "
    "to for with without by from at on in into onto over under about against between "
    "through via per "
    "receive receives received receiving get gets got getting take takes took taking "
    "use uses used using undergo undergoes underwent undergoing include includes included "
    "including cause causes caused causing need needs needed needing help helps helped "
    "show shows showed shown find finds found treat treats treated treating called "
    "not no also only just even".split())


MAX_WORDS = 6


WORD = re.compile(r"[^\W_](?:[\w'’*+/.-]*[^\W_])?")


# Punctuation that closes a phrase on either side.
HARD = set(",;:.!?()[]{}\"“”")


ACRONYM_ASIDE = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9-]*\s*\)\s*")


def phrase_tail(text: str, start: int, end: int) -> int:
    """Start of the third-last content word of text[start:end] (or `start`), minus one:
    "small cell carcinoma of the bladder" counts "cell carcinoma ... bladder"."""
    words = [m for m in WORD.finditer(text, start, end) if m.group().lower() not in SMALL]
    return (words[-3].start() if len(words) >= 3 else start) - 1


SMALL = frozenset("of the a an in on".split())


def list_after(text: str, pos: int) -> int | None:
    """End of a list of short items that starts at `pos`: "clozapine or quetiapine"."""
    end = None
    while True:
        item = phrase_after(text, pos, 3)
        if item is None:
            return end
        end = item
        sep = LIST_SEP_AFTER.match(text, end)
        if sep is None:
            return end
        pos = sep.end()


def balanced(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of outermost balanced parentheses."""
    out, stack = [], []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            start = stack.pop()
            if not stack:
                out.append((start, i))
    return out


def words_back(text: str, pos: int) -> list[re.Match]:
    """Words before `pos`, nearest first, up to the phrase's hard limits."""
    out: list[re.Match] = []
    # the acronym inside "transporter (VMAT) inhibitors" is no word of the phrase: blanked
    window = ACRONYM_ASIDE.sub(lambda a: " " * len(a.group()), text[max(0, pos - 160) : pos])
    text = " " * max(0, pos - 160) + window
    for m in reversed(list(WORD.finditer(text, max(0, pos - 160), pos))):
        between = text[m.end() : out[-1].start() if out else pos]
        if any(c in HARD for c in between):
            break
        out.append(m)
        if len(out) > MAX_WORDS:
            break
    return out


def phrase_before(text: str, pos: int) -> int | None:
    """Start of the noun phrase that ends at `pos` (None: no such phrase)."""
    while pos > 0 and text[pos - 1] in "”’\"'*_":  # 'is “anxioselective”; that is, ...'
        pos -= 1
    start = None
    words = words_back(text, pos)
    for k, m in enumerate(words):
        if k >= MAX_WORDS or m.group().lower() in STOP:
            break
        start = m.start()
    return start


def phrase_after(text: str, pos: int, most: int = MAX_WORDS) -> int | None:
    """End of the phrase that starts at `pos` (after "called")."""
    end = None
    for k, m in enumerate(WORD.finditer(text, pos, pos + 160)):
        if any(c in HARD for c in text[end if end is not None else pos : m.start()]):
            break
        if k >= most or (k > 0 and m.group().lower() in STOP):
            break
        end = m.end()
    return end


def clause_end(text: str, pos: int, at_comma: bool) -> int:
    """Where the explaining words that start at `pos` end."""
    depth = 0
    for i in range(pos, min(len(text), pos + 400)):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (c in ";!?" or (c == "." and (i + 1 == len(text) or text[i + 1] == " "))
                             or (at_comma and c == ",")):
            return i
    return min(len(text), pos + 400)


def clause_start(text: str, pos: int) -> int:
    """Start of the clause that ends at `pos` (after the last full stop, semicolon, colon or
    opening bracket), at most 200 characters back."""
    floor = max(0, pos - 200)
    for i in range(pos - 1, floor - 1, -1):
        if text[i] in ";:(" or (text[i] in ".!?" and i + 1 < len(text) and text[i + 1] == " "):
            return i + 1
    return floor


# A determiner, or a few describing words and a bracket ("Gastrointestinal (GI) ...").
DETERMINER = re.compile(r"^[\s*_\"“‘']*(?:(?:a|an|the|your|this|these|some)\s+)?"
                         r"(?:(?!(?:when|if|because|while|although|after|before|since|as|unless|"
                         r"until|whether|that|which|and|or|but)\b)[\w-]+\s*(?:\([^()]*\)\s*)?)"
                         r"{0,3}$", re.I)


def at_clause_start(text: str, pos: int) -> bool:
    """Is `pos` the start of a clause (give or take a determiner and markup)?"""
    return bool(DETERMINER.match(text[clause_start(text, pos) : pos]))


def has_words(text: str) -> bool:
    return bool(WORD.search(text))


# An appositive after a list of names: "diazepam, clorazepate and lorazepam - other drugs
# that treat anxiety" explains every name of the list.
CLASS_START = re.compile(r"\s*(?:other|another|both|these|all|two|three|four|drugs?|medicines?)\b",
                          re.I)


LIST_SEP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


LIST_SEP_AFTER = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def lists_a_class(text: str, pos: int) -> bool:
    return bool(CLASS_START.match(text, pos))


def list_before(text: str, start: int) -> int:
    """Extend a phrase start back over a list of short items: "A, B and C"."""
    for _ in range(8):
        sep = LIST_SEP.search(text, 0, start)
        if sep is None:
            return start
        item = phrase_before(text, sep.start())
        if item is None or sep.start() - item > 40:
            return start
        start = item
    return start
