"""PL106 passive-voice: a form of "be" or "get" followed by a past participle.

spaCy runs blank (no tagger): a word is a past participle when one of its verb lemmas
(lemminflect's `getAllLemmas`) lists it as its VBN form (`getAllInflections`). Adjectival
participles, naming, states and unavoidable passive infinitives are left alone: see
`rules/passive-voice.yml`. One info per sentence (on its first passive's verb group; the
active sentence as suggestion when a "by" agent closes a simple sentence), and one more info
for a section over its audience's `max_passive_share`; `section_passive_share` is the JSON's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.readability.quotes import QuoteState
from pladlint.vocab.frequency import zipf
from pladlint.vocab.packs import PackError, load_pack, require

_PACK = "passive-voice.yml"
EXCERPT = 60
MIN_SHARE_WORDS = 4  # sentences shorter than this (list items, labels) are not counted
RARE_VERB_ZIPF = 2.5  # an adjective whose verb's "-ing" is rarer is no participle ("ragged")
_BE = frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "'re", "'m"})
_GET = frozenset({"get", "gets", "got", "gotten", "getting"})
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "shall",
                     "should", "wo", "ca", "'ll", "'d"})
_HAVE = frozenset({"have", "has", "had", "having", "'ve"})
_NEG = frozenset({"not", "n't", "never"})
_AUX = _MODALS | _HAVE | _BE | _NEG
_FULL_MODALS, _PERFECT = _MODALS - {"wo", "ca", "'ll", "'d"}, ("been", "gotten", "got")
_PARTICLES = frozenset({"out", "up", "off", "down", "away", "back"})
_ADVERB_EXTRA = frozenset({"all", "both", "each", "first", "later", "now", "also"})
_NOT_ADVERBS = frozenset({"there", "here", "so", "as", "too", "that", "to", "by", "for", "with",
                          "from", "at", "of", "under", "through", "after", "before", "around",
                          "more", "most", "less", "least", "about", "out", "up", "down", "in",
                          "on", "off", "over"})
_CLAUSE_WORDS = frozenset({"who", "which", "that", "whom", "whose", "what", "where", "when",
                           "if", "because", "and", "or", "but"})
_SUBJECT_START_BLOCK = _CLAUSE_WORDS | {
    "while", "after", "before", "although", "though", "since", "once", "unless", "until",
    "as", "so", "how", "why", "there", "here", "this", "these", "those", "then"}
_OBJECT_OF = dict(i="me", he="him", she="her", we="us", they="them", it="it", you="you")
_SUBJECT_OF = dict(me=("I", "1sg"), him=("He", "3sg"), her=("She", "3sg"), us=("We", "pl"),
                   them=("They", "pl"), it=("It", "3sg"), you=("You", "pl"))
_DETERMINERS = frozenset({"the", "a", "an", "your", "my", "his", "her", "their", "our", "its",
                          "this", "that", "these", "those", "some", "any", "each", "every",
                          "all", "most", "many", "much", "few", "several", "both", "no"})
_PLURAL_NOUNS = frozenset({"people", "police", "cattle"})  # lemminflect lists them as singular
_LISTS = ("never", "adjectival", "states_after_be", "before_noun", "get_reader_actions",
          "passive_infinitive_after")  # the word lists of the pack; and adjectival_before


class PassivePack:
    """rules/passive-voice.yml: each list of `_LISTS` a frozenset, and `adjectival_before`."""

    def __init__(self, data: dict) -> None:
        for key in _LISTS:
            value = require(data, key, list, _PACK)
            if not all(isinstance(w, str) and w.strip() for w in value):
                raise PackError(f"{_PACK}: '{key}' must be a list of words")
            setattr(self, key, frozenset(w.strip().lower() for w in value))
        before = require(data, "adjectival_before", dict, _PACK)
        if not all(isinstance(v, list) and all(isinstance(w, str) for w in v)
                   for v in before.values()):
            raise PackError(f"{_PACK}: each entry of adjectival_before must be a list of words")
        self.adjectival_before = {str(k).lower(): frozenset(w.lower() for w in v)
                                  for k, v in before.items()}


load_passive_pack = lru_cache(maxsize=4)(lambda base=None: PassivePack(load_pack(_PACK, base)))


def _lib() -> Any:
    from pladlint.language.inflection import lemminflect_module  # its tables precompiled

    return lemminflect_module()


@lru_cache(maxsize=16384)
def _lemmas(word: str, upos: str) -> tuple[str, ...]:
    return tuple(_lib().getAllLemmas(word, upos=upos).get(upos, ()))


@lru_cache(maxsize=8192)
def _verb_forms(lemma: str) -> dict[str, tuple[str, ...]]:
    table = dict(_lib().getAllInflections(lemma, upos="VERB"))
    if "VBD" in table and "VBN" not in table:  # a regular participle is listed once, as VBD
        table["VBN"] = table["VBD"]
    return table


@lru_cache(maxsize=16384)
def participle_lemmas(word: str) -> tuple[str, ...]:
    """The verbs `word` is the past participle of ("given" -> ("give",)); () if none."""
    return tuple(lem for lem in _lemmas(word, "VERB") if word in _verb_forms(lem).get("VBN", ())
                 ) if word.isalpha() and len(word) > 2 else ()


@lru_cache(maxsize=8192)
def _adjective_not_verb(word: str, lemmas: tuple[str, ...]) -> bool:
    """An adjective whose verb is rare ("ragged", "crooked"): not a participle here."""
    return word in _lemmas(word, "ADJ") and all(
        max((zipf(f) for f in _verb_forms(lem).get("VBG", ())), default=0.0) < RARE_VERB_ZIPF
        for lem in lemmas)


@lru_cache(maxsize=8192)
def _is_noun_only(word: str) -> bool:
    """A noun that is not also an adverb, a preposition or a determiner ("pain", "levels")."""
    return word.isalpha() and bool(_lemmas(word, "NOUN")) and not _lemmas(word, "ADV") \
        and word not in _DETERMINERS and word not in _NOT_ADVERBS


@lru_cache(maxsize=8192)
def _is_adverb(word: str) -> bool:
    return word in _NEG or word in _ADVERB_EXTRA or (
        word not in _NOT_ADVERBS and word.isalpha() and bool(_lemmas(word, "ADV"))
        and not participle_lemmas(word))


@dataclass(frozen=True)
class Passive:
    first: int  # index (in the sentence's tokens) of the first auxiliary
    be: int  # the form of be/get right before the participle (and its adverbs)
    participle: int
    aux: tuple[str, ...]  # the auxiliaries, lower case, adverbs and negation left out
    plain_chain: bool  # nothing but auxiliaries between `first` and the participle
    get: bool
    lemma: str | None  # the participle's verb, when only one verb has that participle
    agent: bool = False  # "by" and the one who acts follow
    particle: str = ""  # of a phrasal verb: "was carried out"


def _low(token: Any) -> str:
    return token.text.lower().replace("\u2019", "'")


def find_passives(tokens: tuple[Any, ...], pack: PassivePack, text: str = "",
                  quotes: QuoteState | None = None) -> list[Passive]:
    """The passives of a sentence, in order (`quotes`: the unit's, shared by its sentences)."""
    # _low written out: a call per token of every sentence costs more than the lowering
    low, out, n = [t.text.lower().replace("\u2019", "'") for t in tokens], [], len(tokens)
    quotes = quotes or QuoteState(text)
    for i, word in enumerate(low):
        is_get = word in _GET
        if not (word in _BE or is_get) or quotes.inside(tokens[i].start):  # a quotation
            continue
        j = i + 1
        while j < n and j - i <= 3 and _is_adverb(low[j]):
            j += 1
        if j >= n or not tokens[j].is_word:
            continue
        part, lemmas = low[j], participle_lemmas(low[j])
        if not lemmas or part in pack.never or part in pack.adjectival or part in _MODALS or \
                _adjective_not_verb(part, lemmas):
            continue
        if j + 1 < n and tokens[j + 1].start == tokens[j].end and low[j + 1] in ("-", "\u2011"):
            continue  # the first part of a compound: "is cost-effective"
        after = low[j + 1] if j + 1 < n else ""
        # a "by" agent makes a state verbal ("damaged by the drug"); "by staining" is a means
        agent = after == "by" and not (low[j + 2] if j + 2 < n else "ing").endswith("ing")
        if part in pack.before_noun and (_is_noun_only(after) or after in pack.before_noun):
            continue  # "the most common events were increased pain": an adjective
        if (not agent and not is_get and part in pack.states_after_be) or \
                (is_get and part in pack.get_reader_actions):
            continue
        if after in pack.adjectival_before.get(part, ()):
            following = low[j + 2] if j + 2 < n else ""  # "used to treat"; "were found in"
            verbal = (part == "used" and any(following in _verb_forms(v).get("VB", ())
                                             for v in _lemmas(following, "VERB"))) or \
                (part == "found" and word not in ("is", "are"))
            if not verbal:
                continue
        if word == "be" and i >= 2 and low[i - 1] == "to" and (
                low[i - 2] in pack.passive_infinitive_after
                or tokens[i - 2].lemma in pack.passive_infinitive_after):
            continue
        first = i  # back over the auxiliaries: "will not be", "has also been", "to be"
        while first > 0 and (low[first - 1] in _AUX or (low[first - 1], low[first]) == ("to", "be")
                             or (first >= 2 and _is_adverb(low[first - 1])
                                 and low[first - 2] in _AUX)):
            first -= 1
        aux = tuple(w for w in low[first:i + 1] if not _is_adverb(w))
        plain = all(not _is_adverb(w) for w in low[first:j])
        out.append(Passive(first, i, j, aux, plain, is_get,
                           lemmas[0] if len(set(lemmas)) == 1 else None, agent,
                           after if after in _PARTICLES and low[j + 2:j + 3] != ["to"] else ""))
    return out


def active_verb(p: Passive, person: str) -> str | None:
    """The active verb group for the passive's auxiliaries, for a subject of `person`
    ("3sg", "1sg", "pl"); None when the tense cannot be read or worded."""
    if p.lemma is None:
        return None
    aux, form = p.aux, lambda tag: (_verb_forms(p.lemma).get(tag) or (None,))[0]
    if len(aux) == 1 and aux[0] in ("is", "are", "am", "get", "gets"):
        return form("VBZ") if person == "3sg" else form("VBP") or form("VB")
    if len(aux) == 1 and aux[0] in ("was", "were", "got"):
        return form("VBD")
    head = words = None
    if len(aux) == 2 and aux[0] in _FULL_MODALS and aux[1] in ("be", "get"):
        head, words = form("VB"), aux[0]
    elif len(aux) == 2 and aux[0] in ("has", "have", "had") and aux[1] in _PERFECT:
        head = form("VBN")
        words = aux[0] if aux[0] == "had" else ("has" if person == "3sg" else "have")
    elif len(aux) == 2 and aux[1] == "being" and aux[0] in ("is", "are", "am", "was", "were"):
        head = form("VBG")
        present = {"3sg": "is", "1sg": "am", "pl": "are"}[person]
        words = present if aux[0] in ("is", "are", "am") else ("were" if person == "pl" else "was")
    elif len(aux) == 3 and aux[0] in _FULL_MODALS and aux[1:] == ("have", "been"):
        head, words = form("VBN"), f"{aux[0]} have"
    return f"{words} {head}" if head and words else None


def who_acts(p: Passive) -> str:
    """'say who or what will test it': the active verb, with "who" (third person) as subject."""
    base = _verb_forms(p.lemma).get("VB", ()) if p.lemma else ()
    # "to be changed": "should change"; an unusual chain ("being used"): the present
    verb = (f"should {base[0]}" if base else None) if p.aux[:1] == ("to",) else \
        active_verb(p, "3sg") or active_verb(replace(p, aux=("is",)), "3sg")
    return f"say who or what {verb} it {p.particle}".rstrip() if verb else "say who or what does it"


def _person(words: list[str]) -> tuple[str, str] | None:
    """The agent as a subject (capitalised) and its person, or None."""
    if len(words) == 1 and words[0].lower() in _SUBJECT_OF:
        return _SUBJECT_OF[words[0].lower()]
    if any(w.lower() in _SUBJECT_OF for w in words):
        return None
    head, lemmas = words[-1], _lemmas(words[-1].lower(), "NOUN")
    if "and" in (w.lower() for w in words) or head.lower() in _PLURAL_NOUNS:
        person = "pl"
    elif lemmas:
        person = "3sg" if head.lower() in lemmas else "pl"
    elif head[:1].isupper() and not head.endswith("s"):
        person = "3sg"  # a name or an acronym: "HPV", "Medicare"
    else:
        return None
    return " ".join([words[0][:1].upper() + words[0][1:]] + words[1:]), person


def _as_object(words: list[str]) -> str | None:
    """The subject as an object: "Your blood" -> "your blood", "I" -> "me"."""
    first, lowered = words[0], words[0].lower()
    if len(words) == 1 and lowered in _OBJECT_OF:
        return _OBJECT_OF[lowered]
    if lowered in _OBJECT_OF or lowered in _OBJECT_OF.values():
        return None
    known = first[1:].islower() and (_lemmas(lowered, "NOUN") or _lemmas(lowered, "ADJ"))
    return " ".join([lowered if lowered in _DETERMINERS or known else first] + words[1:])


def active_rewrite(tokens: tuple[Any, ...], p: Passive) -> str | None:
    """'The nurse will test your blood.' for 'Your blood will be tested by the nurse.', when
    the sentence is exactly subject + passive + 'by' + agent + full stop; else None."""
    words, low = [t.text for t in tokens], [_low(t) for t in tokens]
    stop = words[-1] if not tokens[-1].is_word else ""
    end = len(tokens) - (1 if stop else 0)
    subject, agent = words[:p.first], words[p.participle + 2:end]
    if not p.plain_chain or stop not in ("", ".", "!") or not 1 <= len(subject) <= 6 \
            or low[0] in _SUBJECT_START_BLOCK or p.participle + 1 >= end \
            or not p.agent or not 1 <= len(agent) <= 5:
        return None
    if not all(t.is_word for t in tokens[:p.first] + tokens[p.participle + 2:end]) \
            or any(w in _CLAUSE_WORDS for w in low[:p.first]) \
            or any(w in _CLAUSE_WORDS - {"and", "or"} or w in _AUX - _NEG
                   for w in low[p.participle + 2:end]):
        return None
    found, obj = _person(agent), _as_object(subject)
    verb = active_verb(p, found[1]) if found and obj else None
    return f"{found[0]} {verb} {obj}{stop}" if found and verb else None


@dataclass
class PassiveScan:
    hits: list[tuple[int, Any, list[Passive]]]  # (unit index, sentence, passives)
    counted: Counter  # section -> sentences counted for the share
    passive: Counter  # section -> passive sentences among them

    def share(self, section: int) -> float | None:
        total = self.counted[section]
        return round(self.passive[section] / total, 3) if total else None


def passive_scan(ctx: Any) -> PassiveScan:
    """The passives of `ctx`'s document, computed once and kept on the context."""
    if "_passive_scan" in ctx.__dict__:
        return ctx.__dict__["_passive_scan"]
    pack, hits, counted, passive = load_passive_pack(), [], Counter(), Counter()
    for ui, unit in enumerate(ctx.doc.units):
        if unit.kind == "heading":
            continue
        quotes = QuoteState(unit.text)
        for sentence in ctx.analysis[ui].sentences:
            found = find_passives(sentence.tokens, pack, unit.text, quotes)
            if found:
                hits.append((ui, sentence, found))
            if sentence.words >= MIN_SHARE_WORDS:
                counted[unit.section] += 1
                passive[unit.section] += bool(found)
    ctx.__dict__["_passive_scan"] = PassiveScan(hits, counted, passive)
    return ctx.__dict__["_passive_scan"]


def section_passive_share(ctx: Any, section: int) -> float | None:
    """`passive_share` of the JSON section summary: passive sentences / sentences of at least
    four words (headings left out); None for a page not in English or a section with none."""
    return passive_scan(ctx).share(section) if ctx.language == "en" else None


class PassiveVoice(Rule):
    code = "PL106"
    name = "passive-voice"
    severity = Severity.INFO
    summary = "A sentence in the passive voice ('will be tested'), or a section with too many."
    rationale = (
        "In the passive voice the one who acts comes last or not at all ('Your blood will be "
        "tested'): readers must work out who does what, and whether they are meant to. The "
        "Federal Plain Language Guidelines, the CDC Clear Communication Index and NIH/NLM's "
        "easy-to-read guidance ask for active voice. The passive is still right when the actor "
        "is unknown or does not matter ('You were born with it'), so a sentence is an info, and "
        "so is a section over its audience's share ('max_passive_share' in rules/audiences.yml: "
        "1 in 10 for patients). Adjectives that look like participles ('is located', 'are "
        "interested'), naming ('is called') and passive infinitives a writer cannot avoid ('ask "
        "to be tested') are not reported: see rules/passive-voice.yml."
    )
    example = "Your blood will be tested by the nurse. The results are sent to your doctor.\n"
    fix = (
        "Put the one who acts first: 'The nurse will test your blood. The lab sends the results "
        "to your doctor.' When the sentence does not say who acts, say it: 'Your nurse will "
        "give you ...'"
    )
    tags = ("plain-language", "readability")
    audiences = ("patient", "caregiver", "general")  # scientific writing is passive by habit
    languages = ("en",)
    options = {
        "max-share": Option(None, (int, float, type(None)),
                            "Highest share of passive sentences in a section, 0 to 1 "
                            "(default: the audience's max_passive_share; 1: no limit)."),
        "min-sentences": Option(8, int, "Sections with fewer sentences (of 4 words or more) "
                                        "are not judged on their share."),
        "sentences": Option(True, bool, "Report each passive sentence (info)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        scan = passive_scan(ctx)
        if options["sentences"]:
            for ui, sentence, found in scan.hits:
                yield _sentence_violation(ctx, ui, sentence, found)
        limit = ctx.audience.max_passive_share if options["max-share"] is None \
            else options["max-share"]
        for section in ctx.doc.sections:
            total, count = scan.counted[section.index], scan.passive[section.index]
            if limit is None or total < options["min-sentences"] or count / total <= limit:
                continue
            first = next(ctx.doc.units[ui] for ui in section.units
                         if ctx.doc.units[ui].kind != "heading")
            yield Violation(  # on the heading, or the section's first unit at the top of a page
                section.heading_span or first.source_span(0, len(first.text.rstrip())),
                f"section has {count} passive sentences out of {total} ({count / total:.0%}); "
                f"{ctx.audience.name} pages should keep to about {limit:.0%}: put the one who "
                "acts first in some of them",
                section=section.index,
                data={"kind": "section", "passive": count, "sentences": total,
                      "share": round(count / total, 3), "limit": limit},
            )


def _sentence_violation(ctx: Any, ui: int, sentence: Any, found: list[Passive]) -> Violation:
    unit, tokens, p = ctx.doc.units[ui], sentence.tokens, found[0]
    start, end = tokens[p.first].start, tokens[p.participle + bool(p.particle)].end
    words, rewrite = unit.text[start:end], active_rewrite(tokens, p)
    more = f" ({len(found)} passives in this sentence)" if len(found) > 1 else ""
    message = f"passive voice '{words}': {who_acts(p)}{more}" if not p.agent else (
        f"passive voice '{words} by ...': " + ("put the one who acts first" if rewrite else
                                               "start the sentence with the one who acts "
                                               "(the words after 'by')") + more)
    text = " ".join(unit.text[sentence.start:sentence.end].split())
    return Violation(
        unit.source_span(start, end), message, suggestion=rewrite, section=unit.section,
        data={"kind": "sentence", "passives": len(found),
              "sentence": text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"},
    )
