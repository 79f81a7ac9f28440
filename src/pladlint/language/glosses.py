"""Where a prose unit explains something: the explained words and the explaining words.

Health-literacy editors accept an explanation in any of the forms a writer uses, in both
orders: "X (plain words)" and "plain words (X)", "X, which is ...", "X, a ...", "X - other
drugs that ...", "X: definition", "X is a ...", "X means ...", "... called X", "X, also
called Y", "X; that is, ...", "drugs such as X". Each is found here as a `Gloss`: the span of
the phrase that is explained (`term`) and the span of the words that explain it (`text`).

The jargon and acronym rules then read one question off it: is a mention inside a
gloss's term (it is explained) or inside its text (it is a word of an explanation, never a
finding)? The finder knows nothing of jargon: it reads the shape of the sentence only, so
a gloss is a gloss even when it is long or holds a rarer word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pladlint.language.phrases import (
    SMALL,
    STOP,
    WORD,
    at_clause_start,
    balanced,
    clause_end,
    clause_start,
    has_words,
    list_after,
    list_before,
    lists_a_class,
    phrase_after,
    phrase_before,
    phrase_tail,
)
from pladlint.positions import Ranges


@dataclass(frozen=True)
class Gloss:
    term_start: int  # prose offsets in the unit: the explained phrase
    term_end: int
    text_start: int  # the explaining words
    text_end: int
    how: str  # parenthesis, acronym, appositive, relative, definition, called, synonym, examples
    tail_start: int = -1  # a mention must end after this: within the phrase's last words
    names: bool = False  # the explaining words are a name for the phrase ("X, also called Y",
    # "the gums (gingiva)"): a term among them is explained too, not just exempt
    exempt: bool = True  # its words are never findings; False for a clause that describes
    # what the term does ("cells, which line the urethra and ureters"): terms there count

    def explains(self, start: int, end: int) -> bool:
        """Is the mention at [start, end) the explained phrase, or its head? "percutaneous
        coronary intervention (a procedure ...)" explains all three words; a word four or
        more words before the gloss belongs to another part of the sentence."""
        return self.term_start <= start and end <= self.term_end and end > self.tail_start

    def holds(self, start: int, end: int) -> bool:
        return self.exempt and self.text_start <= start and end <= self.text_end


# The first words of a parenthesis that refers, counts or gives examples instead of
# explaining: "(see Question 1)", "(such as ...)", "(for example ...)".
_NOT_GLOSS = re.compile(
    r"^\s*(?:see\b|such\s+as\b|for\s+(?:example|instance|more)\b|e\.?\s?g\b|eg\b|including\b|"
    r"like\b|page\b|pages\b|figure\b|fig\b|table\b|chapter\b|p\.|pp\.|n\s*=|ref\b|"
    r"updated\b|source\b|version\b|in\s+\d|from\s+\d|ages?\s+\d|about\s+\d|or\s+\d|\d|"
    # an aside, not an explanation: "(limited by a short follow-up)", "(with 12 people)"
    r"[a-z]+ed\s+(?:by|on|with|for|in|to|from|at|as)\b|with\b|without\b|in\b|at\b|"
    r"during\b|after\b|before\b|per\b|mainly\b|mostly\b|only\b|usually\b|often\b|"
    r"excluding\b|except\b|if\b|unless\b|whether\b|because\b|although\b|but\b)",
    re.I)
# What makes a parenthesis or appositive a description whatever its words: "(a procedure
# that ...)", "(which ...)", "(also called ...)". Without it, a bare phrase is a gloss only
# in everyday words: "(swelling)", not "(incidence of diabetes mellitus)".
_CUE = re.compile(r"^\s*(?:i\.\s?e\.|(?:a|an|the|one|which|that|who|where|when|also|or|ie|"
                  r"meaning|means|called|known|this|these|[a-z]+s\s+(?:that|which|who|used|"
                  r"made|found))\b|[A-Z][A-Za-z0-9-]*[A-Z0-9]s?\s*(?:,|:|\s[-–—])\s)", re.I)
_NUMBER = re.compile(r"\d")
PLAIN_ZIPF = 3.0
# A pronunciation guide: "(PA-klih-TAK-sil)".
_SYLLABLES = re.compile(r"^[A-Za-z]{1,7}(?:-[A-Za-z]{1,7})+(?:\s+[A-Za-z]{1,7}(?:-[A-Za-z]{1,7})*)*$")
# An acronym alone, or acronyms joined by a slash: "(CT)", "(MS/MS)", "(HER2s)".
_ACRONYM_ONLY = re.compile(r"^\s*[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*(?:/[A-Za-z0-9-]+)*(?:s|['’]s)?\s*$")
_LETTERS = re.compile(r"[^\W\d_]")
# Glosses after the explained phrase: (pattern, how, where the explaining words end).
# "clause": at the next full stop, semicolon or bracket; "comma": also at the next comma.
_AFTER = [
    # "which" and a verb that says what the thing is or does; not "which may be followed by"
    (re.compile(r",?\s+which\s+(?:is|are|was|were|means?|refers?|stands?|describes?|has|have|"
                r"helps?|makes?|carr(?:y|ies)|lines?|connects?|controls?|contains?|"
                r"produces?|protects?|holds?|filters?|covers?|surrounds?|moves?|keeps?|"
                r"removes?|blocks?|kills?|stops?|works?|uses?|looks?|checks?|measures?|"
                r"shows?|finds?|treats?|had\s+been|has\s+been|have\s+been)\b", re.I),
     "relative", "clause"),
    (re.compile(r",\s+(?:that\s+is\b|i\.\s?e\.|ie\b)\s*,?", re.I), "appositive", "clause"),
    (re.compile(r";\s+that\s+is\s*,?", re.I), "appositive", "clause"),
    (re.compile(r",?\s+(?:also\s+)?(?:called|known\s+as|or\s+simply|abbreviated(?:\s+as)?)\b",
                re.I), "synonym", "phrase"),
    (re.compile(r",\s+(?:a|an|another|one\s+of|the\s+(?:type|"
                r"kind|part|name|medical|body['’]s|main|most|same|common|small|large|thin|"
                r"first|second|area|layer|tissue|tube|organ|gland|process|study|test|"
                r"treatment|drug|practice|use|way|act))\b", re.I), "appositive", "comma"),
    (re.compile(r",\s+[a-z]+(?:s|es)\s+(?:that|which|who|where|used|made|found|given)\b"),
     "appositive", "comma"),
    (re.compile(r"\s*(?:—|–|\s-\s|--)\s*(?:a|an|the|other|another|one|both|these|all|drugs?|"
                r"medicines?|[a-z]+s\s+(?:that|which|who|used)|[a-z]+\s+(?:that|which|who))\b",
                re.I), "appositive", "comma"),
    (re.compile(r"\s+(?:means|meant|refers\s+to|stands\s+for|is\s+short\s+for|"
                r"is\s+another\s+(?:word|name|term)\s+for)\b", re.I), "definition", "clause"),
    (re.compile(r"\s+(?:is|are|was|were)\s+(?:also\s+|usually\s+|often\s+|sometimes\s+|"
                r"mostly\s+|most\s+often\s+|simply\s+)?(?:a|an|one|any|another|what|when|"
                r"where|how|characteri[sz]ed\s+by|defined\s+as|described\s+as|made\s+up\s+of|"
                r"made\s+of|used\s+to\s+(?:treat|prevent|find|check|diagnose|help|relieve|"
                r"control|reduce|lower|stop|kill|measure|see|look|ease|block)|"
                r"(?:a\s+)?(?:type|kind|form|group|part|name|class)\s+of|the\s+(?:name|term|"
                r"medical\s+(?:name|term|word)|part|area|layer|process|type|kind|main|"
                r"tissue|organ|tube|gland|study|use|most\s+common\s+type)|"
                r"(?:[a-z-]+\s+){0,2}(?:cancers?|diseases?|disorders?|conditions?|infections?|illness(?:es)?|syndromes?|tumou?rs?|growths?|problems?|surgery|tissue|cells?|substances?|drugs?|medicines?|"
                r"tests?|procedures?|treatments?|conditions?|proteins?|chemicals?|"
                r"hormones?|organs?|tubes?|glands?|therapy|therapies)\s+(?:that|which|"
                r"who|where|in|of|made|used|found|given|to))\b", re.I),
     "definition", "clause"),
    (re.compile(r"\s+(?:happens|occurs|is\s+present)\s+when\b", re.I), "definition", "clause"),
    (re.compile(r"\s*:\s+(?:a|an|the|when|how|where|what|cancer|surgery|removal|"
                r"treatment|[a-z]+\s+(?:that|which|of|to|used|made))\b", re.I),
     "definition", "clause"),
]
# A verb before any "that/which/who" makes the words after a comma a clause of their own.
_CLAUSE_VERB = re.compile(r"(?:(?!\b(?:that|which|who)\b)[^,.;:()])*?\b(?:may|can|will|is|are|was|"
                          r"were|has|have|had|should|must|might|could|would|does|do|did)\b",
                          re.I)
_DETERMINER_START = re.compile(r",\s+(?:a|an|another|one|the)\b", re.I)
_PLURAL_COPULA = re.compile(r"\s+(?:are|were)\b", re.I)
_COPULA = re.compile(r",?\s+which\s+(?:is|are|was|were|means?|refers?|stands?)\b", re.I)
# Glosses before the explained phrase: "... is called X", "known as X".
_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+)?(?:\b(?:also|sometimes|often|usually)\s+)?"
    r"\b(?:called|known\s+as|named|termed|referred\s+to\s+as|the\s+(?:medical\s+)?"
    r"(?:term|name|word)(?:\s+for\s+(?:this|it|these))?(?:\s+is)?)\s+"
    r"(?:(?:a|an|the)\s+)?[\"'“‘]?", re.I)
# A name after the kind of thing it is: "the Chinese herb Aristolochia fangchi", "the drug X".
_CLASS_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,2}(?:drug|medicine|herb|plant|protein|gene|enzyme|"
    r"hormone|vitamin|mineral|chemical|substance|virus|bacterium|bacteria|germ|fungus|"
    r"parasite|supplement|antibody|antibiotic|vaccine|dye|metal|inhibitor|blocker|steroid|"
    r"opioid|painkiller|anti[a-z]{4,})s?\s+(?=[A-Za-z])", re.I)
# Drugs named as examples of their class: "antipsychotics, such as clozapine or quetiapine".
_EXAMPLES = re.compile(
    r"\b(?:drugs?|medicines?|medications?|agents?|therap(?:y|ies)|chemotherapy|vaccines?|"
    r"supplements?|herbs?|vitamins?|steroids?|hormones?|opioids?|painkillers?|"
    r"anti[a-z]{4,}|inhibitors?|blockers?|agonists?|antagonists?)\s*,?\s+"
    r"(?:such\s+as|like|including|for\s+example|e\.\s?g\.,?)\s+", re.I)


@lru_cache(maxsize=4096)
def find_glosses(text: str) -> tuple[Gloss, ...]:
    """Every explanation the unit's prose `text` gives, in no particular order. Kept per text:
    the jargon scan and the acronym scan both read a unit's glosses."""
    return tuple(_find(text))


class GlossIndex:
    """A unit's glosses, asked for the first one, in their order, that
    explains a mention or holds it among its explaining words. Looked up by position rather
    than tried one by one: a long paragraph has as many glosses as mentions."""

    def __init__(self, glosses: tuple[Gloss, ...]) -> None:
        self.glosses = glosses
        self.terms = Ranges((g.term_start, g.term_end, k) for k, g in enumerate(glosses))
        self.texts = Ranges((g.text_start, g.text_end, k) for k, g in enumerate(glosses)
                            if g.exempt)

    def explaining(self, start: int, end: int) -> Gloss | None:
        """The first gloss whose `explains(start, end)`, or None."""
        ks = [k for _, _, k in self.terms.holding(start, end) if end > self.glosses[k].tail_start]
        return self.glosses[min(ks)] if ks else None

    def holding(self, start: int, end: int) -> Gloss | None:
        """The first gloss whose `holds(start, end)`, or None."""
        ks = [k for _, _, k in self.texts.holding(start, end)]
        return self.glosses[min(ks)] if ks else None


@lru_cache(maxsize=4096)
def gloss_index(text: str) -> GlossIndex:
    """`find_glosses(text)` indexed by position, kept per text like the glosses: the jargon
    and acronym scans ask it of every mention."""
    return GlossIndex(find_glosses(text))


# Words that every match of a pattern holds (one of each group), lower-case: a text without
# them is not scanned, the same answer for a fraction of the time (most units hold no gloss
# of most shapes; a regex that may start at any space is slow to say so). Keyed by pattern.
_HINTS: dict[re.Pattern, tuple[tuple[str, ...], ...]] = {
    _AFTER[0][0]: (("which",),),
    _AFTER[3][0]: (("called", "known", "simply", "abbreviated"),),
    _AFTER[6][0]: (("—", "–", "-"),),
    _AFTER[7][0]: (("mean", "refer", "stand", "short", "another"),),
    _AFTER[9][0]: (("happens", "occurs", "present"),),
    _AFTER[10][0]: ((":",),),
    _BEFORE: (("called", "known", "name", "term", "referred", "word"),),
    _CLASS_BEFORE: (("drug", "medicine", "herb", "plant", "protein", "gene", "enzyme",
                     "hormone", "vitamin", "mineral", "chemical", "substance", "virus",
                     "bacteri", "germ", "fungus", "parasite", "supplement", "vaccine", "dye",
                     "metal", "inhibitor", "blocker", "steroid", "opioid", "painkiller",
                     "anti"),),
    _EXAMPLES: (("drug", "medic", "agent", "therap", "vaccine", "supplement", "herb",
                 "vitamin", "steroid", "hormone", "opioid", "painkiller", "anti", "inhibitor",
                 "blocker", "agonist"),
                ("such", "like", "including", "example", "e.")),
}
# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into
# it ("ı" matches "i"): a text holding one is always scanned.
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u017f]")


def _may_match(pattern: re.Pattern, low: str | None) -> bool:
    """False only when `pattern` cannot match the text whose lower case is `low`. (The
    patterns that start with a fixed character, such as ", that is", are quick to scan
    and have no hint.)"""
    groups = _HINTS.get(pattern)
    if low is None or groups is None:
        return True
    for group in groups:  # plain loops: cheaper than any() over a generator here
        for word in group:
            if word in low:
                break
        else:
            return False
    return True


def _find(text: str) -> list[Gloss]:
    out: list[Gloss] = []
    if "(" in text:
        out.extend(_parentheses(text))
    low = None if _FOLDS_ODDLY.search(text) else text.lower()
    for pattern, how, until in _AFTER:
        if not _may_match(pattern, low):
            continue
        for m in pattern.finditer(text):
            term_end = m.start()
            if term_end and text[term_end - 1] == ")":
                # "Urothelial carcinoma (also called ...) is cancer that ...": the phrase
                # before the parenthesis is the one defined
                opened = text.rfind("(", 0, term_end)
                term_end = opened if opened >= 0 else term_end
            start = phrase_before(text, term_end)
            if start is None:
                continue
            if until == "phrase":  # a synonym is a name, not a clause: "X, also called Y"
                end = phrase_after(text, m.end()) or m.end()
            else:
                end = clause_end(text, m.end(), until == "comma")
            if (how == "appositive" and _DETERMINER_START.match(m.group())
                    and _CLAUSE_VERB.match(text, m.end(), end)):
                continue  # ", a biopsy may be done": a new clause, not an appositive
            if how == "definition" and _PLURAL_COPULA.match(text, m.start()):
                start = list_before(text, start)  # "Osteosarcoma and chondrosarcoma are ..."
            if how == "definition" and not at_clause_start(text, start):
                continue  # "... echocardiography is an opportunity to ..." is no definition
            if text[start:term_end].strip().lower() in _PRONOUNS:
                continue  # "They are used to prevent ...": nothing is named
            if end > m.end():
                tail = phrase_tail(text, start, term_end)
                if how in ("appositive", "synonym") and lists_a_class(text, m.end()):
                    start = tail = list_before(text, start)
                elif how == "definition" and _PLURAL_COPULA.match(text, m.start()):
                    tail = start - 1  # every item of the list is defined
                exempt = how != "relative" or bool(_COPULA.match(text, m.start()))
                out.append(Gloss(start, term_end, m.end(), end, how, tail, how == "synonym",
                                 exempt))
    for m in (_BEFORE.finditer(text) if _may_match(_BEFORE, low) else ()):
        end = phrase_after(text, m.end())
        if end is None:
            continue
        begin = clause_start(text, m.start())
        if begin < m.start() and has_words(text[begin : m.start()]):
            out.append(Gloss(m.end(), end, begin, m.start(), "called", m.end() - 1))
    for m in (_CLASS_BEFORE.finditer(text) if _may_match(_CLASS_BEFORE, low) else ()):
        end = phrase_after(text, m.end(), 4)
        first = WORD.match(text, m.end())
        if end is not None and first is not None and _name_like(first.group()):
            # the kind may be jargon itself ("the antipsychotic perphenazine"): not exempt
            out.append(Gloss(m.end(), end, m.start(), m.end(), "class", m.end() - 1,
                             exempt=False))
    for m in (_EXAMPLES.finditer(text) if _may_match(_EXAMPLES, low) else ()):
        end = list_after(text, m.end())
        if end is not None:
            out.append(Gloss(m.end(), end, m.start(), m.end(), "examples", m.end() - 1,
                             exempt=False))
    return out


_PRONOUNS = frozenset("it they this these that those he she we you which what there".split())


def _parentheses(text: str) -> list[Gloss]:
    out = []
    for open_at, close_at in balanced(text):
        inner = text[open_at + 1 : close_at]
        if not _LETTERS.search(inner) or _NOT_GLOSS.match(inner) or _spoken(inner.strip()):
            continue
        start = phrase_before(text, open_at)
        if start is None:
            continue
        acronym = bool(_ACRONYM_ONLY.match(inner))
        if acronym and not _spells(inner, text[start:open_at]):
            continue  # "edema (CT)": a label or a cross-reference, not its expansion
        # Which way it explains: "edema (swelling)" explains the phrase; "the gums
        # (gingiva)" names the phrase's plain words; both ways for "CT scan (CAT scan)".
        cue = bool(_CUE.match(inner))
        if not cue and _NUMBER.search(inner) and not acronym:
            continue  # "(median age 3.5 years)": figures, not an explanation
        known = acronym and _known_acronym(inner)
        # "MRI (magnetic resonance imaging)" and "magnetic resonance imaging (MRI)" explain
        # each other only for an acronym readers know; "randomised trials (RCTs)" explains
        # the acronym, not the trials
        explains = (acronym and known) or (not acronym and (cue or _plain(inner)))
        phrase = text[start:open_at]
        names = (len(WORD.findall(inner)) <= 4 and not _NOT_A_NAME.search(inner)
                 and (_plain(phrase) or (_ACRONYM_ONLY.match(phrase) is not None
                                         and _known_acronym(phrase))))
        if not (explains or names or acronym):
            continue
        out.append(Gloss(start if explains else open_at, open_at, open_at + 1, close_at,
                         "acronym" if acronym else "parenthesis",
                         phrase_tail(text, start, open_at), names))
    return out


def _name_like(word: str) -> bool:
    """A name's first word: capitalised, or not an everyday word ("the herb ashwagandha",
    not "the drug gave")."""
    from pladlint.vocab.frequency import zipf

    return word.lower() not in STOP and (word[:1].isupper() or zipf(word.lower()) < 3.5)


def _known_acronym(text: str) -> bool:
    from pladlint.vocab.accessibility_pack import accessibility_pack  # the acronym allowlist

    token = text.strip().split("/")[0]
    token = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
    return token in accessibility_pack().acronym_allowlist


def _spells(inner: str, phrase: str) -> bool:
    """Does the acronym (or one of "MS/MS") stand for the words before it?"""
    from pladlint.language.acronyms import schwartz_hearst

    token = inner.strip().split("/")[0].rstrip("s").removesuffix("'").removesuffix("’")
    return schwartz_hearst(token, phrase) >= 0


def _spoken(inner: str) -> bool:
    """A pronunciation guide: hyphenated syllables, the stressed ones in capitals
    ("PA-klih-TAK-sil"); "slow-growing" is no such thing."""
    parts = [p for w in inner.split() for p in w.split("-")]
    return bool(_SYLLABLES.match(inner)) and any(p.isupper() for p in parts) and \
        any(p.islower() for p in parts)


def _plain(text: str) -> bool:
    """Every content word of `text` is an everyday word (wordfreq Zipf 3.0 or more)."""
    from pladlint.vocab.frequency import zipf  # memoized per word

    # "(slow-growing)": each part of a compound is judged, as a reader reads it
    words = [part.lower() for w in WORD.findall(text) for part in w.split("-")
             if part and part.lower() not in SMALL]
    return bool(words) and all(zipf(w) >= PLAIN_ZIPF for w in words if not w.isupper())


# A short parenthesis that describes rather than names: "(a test)", "(which is rare)".
_NOT_A_NAME = re.compile(r"^\s*(?:a|an|the|which|that|who|when|where|how|it|they|this|these|"
                         r"not|also|called|or|and)\b", re.I)