"""PL108 number-clarity: decimals, statistics and mixed denominators a patient struggles with.

Prose of paragraphs, list items and block quotes only. Three kinds of finding: a decimal that
says how likely, how many or how much more ("37.5%", "1.53 times", "14.8 months", "20.7 per
100,000"); a statistic that needs training (hazard ratio, p-value, confidence interval...);
natural frequencies with different denominators in one paragraph. Data: rules/number-clarity.yml.
"""

from __future__ import annotations

import math
import re
from collections import namedtuple
from functools import lru_cache
from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation
from pladlint.checks.readability.regex_anchors import anchors, runnable
from pladlint.vocab.packs import PackError, load_pack, require

_PROSE_KINDS = ("paragraph", "blockquote", "list_item")
_PACK = "number-clarity.yml"

# A decimal standing alone: not part of "1.2.3", "v2.1", "$1.50", "12.05.2020" or "-0.5".
_DECIMAL = re.compile(r"(?<![\w.$€£¥/#:,-])(\d+\.\d+)(?![.,]?\d)")
_AFTER = re.compile(
    r"(?P<pct>\s?(?:%|percent\b|per\s?cent\b|percentage points?\b))"
    r"|(?P<times>\stimes\b)|(?P<fold>-?fold\b)"
    r"|(?P<per>\s(?:per|in)\s(?P<den>\d{1,3}(?:,\d{3})+|\d+)\b(?![.,]\d))"
    r"|\s?(?P<word>[^\s,;:()\[\]]+)")
_RANGE_PCT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?(?:-|–|—|to)\s?(\d+(?:\.\d+)?)\s?(%|percent\b)")
_FREQ = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})*|\d+)\s(in|out of|of every|in every|per)\s"
                   r"(\d{1,3}(?:,\d{3})+|\d+)\b(?![.,]\d)(?:\s(\w+))?")
_VALUE = re.compile(r"\s*(?:\([A-Za-z]{2,4}\))?\s*(?:of\s|was\s|were\s|is\s|=\s*|:\s*|,\s*)?"
                    r"(?P<v>-?\d*\.?\d+)(?P<range>\s*%?\s*(?:to|-|–|—)\s*-?\d*\.?\d+\s*%?)?")
# The writer already gives the plain form: "0.49% (or 1 in 204)", "87.1%, or about 7 in 8".
_RESTATED = re.compile(r"\s*(?:,\s*or|\(\s*or|\()\s*(?:about\s+|around\s+|roughly\s+)?\d+\s+"
                       r"(?:in|out of)\s+\d|\s*\(\d+(?:\.\d+)?\s?%\)")  # or "1 in 7 (15%)"
_CHANGE_BEFORE = {"by", "increased", "decreased", "rose", "fell", "dropped", "falling", "rising",
                  "declined", "declining", "improved", "cut", "reduced", "increasing", "decreasing"}
_CHANGE_AFTER = {"each", "per", "a", "annually", "lower", "higher", "more", "less", "fewer",
                 "increase", "decrease", "reduction", "drop", "rise", "improvement", "absolute",
                 "relative"}
_P_VALUE = re.compile(r"([<>=≤≥])\s*(0?\.\d+)")
_TIME_WORDS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_DETERMINERS = {"the", "these", "those", "them", "this", "that", "all", "their", "your", "our",
                "its", "his", "her", "each", "every", "a", "an"}

_Stat = namedtuple("_Stat", "name pattern plain template needs")  # needs: regex_anchors
# The pack, read once: denominators, tolerance, and the word sets / statistics it lists.
_Pack = namedtuple("_Pack", "denominators tolerance units strength measures durations stats "
                            "explained_after explained_before")


@lru_cache(maxsize=1)
def _pack() -> _Pack:
    data = load_pack(_PACK)
    words = lambda key: frozenset(str(w).lower() for w in require(data, key, list, _PACK))  # noqa: E731
    stats = []
    for i, raw in enumerate(require(data, "statistics", list, _PACK)):
        where = f"{_PACK}: statistics[{i}]"
        template = require(raw if isinstance(raw, dict) else {}, "template", str, where)
        if template not in ("ratio", "chance", "none"):
            raise PackError(f"{where}: template must be ratio, chance or none")
        try:
            pattern = re.compile(require(raw, "pattern", str, where), re.IGNORECASE)
        except re.error as exc:
            raise PackError(f"{where}: pattern is not a valid regular expression: {exc}") from None
        stats.append(_Stat(require(raw, "name", str, where), pattern,
                           require(raw, "plain", str, where), template, anchors(pattern)))
    durations = {str(k): (str(v["smaller"]), float(v["factor"]))
                 for k, v in require(data, "durations", dict, _PACK).items()}
    return _Pack(tuple(int(d) for d in require(data, "denominators", list, _PACK)),
                 float(require(data, "tolerance", (int, float), _PACK)), words("units"),
                 words("strength_words"), words("measure_words"), durations, tuple(stats),
                 words("explained_after"), tuple(sorted(words("explained_before"))))


def _round(x: float) -> int:
    return int(math.floor(x + 0.5))  # half up: 37.5 -> 38, as people round


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _close(approx: float, exact: float, tol: float) -> bool:
    return exact > 0 and abs(approx - exact) < tol * exact


def _frequency(share: float, pack: _Pack) -> tuple[int, int] | None:
    """The natural frequency for a share (0-1): the smallest round denominator that keeps the
    rounded count within the tolerance ("about 4 in 10" for 0.375)."""
    for den in pack.denominators:
        n = _round(share * den)
        if 1 <= n < den and _close(n, share * den, pack.tolerance):
            return n, den
    return None


def _about(n: float, exact: float) -> str:
    return "" if n == exact else "about "


def _half_words(x: float) -> str | None:
    """1.53 -> '1 and a half', 2.1 -> '2'; None when a half-step rounding misleads."""
    if x < 1.25:
        parts = {0.25: "a quarter", 0.33: "a third", 0.5: "half", 0.67: "two thirds", 0.75: "three quarters"}
        return next((w for k, w in parts.items() if abs(k - x) <= 0.03), None)
    halves = _round(x * 2) / 2
    return f"{int(halves)} and a half" if halves != int(halves) else str(int(halves))


def _settle(text: str, found: list) -> list:
    """No "about about 4%"; no rounding that makes "9.3 versus 8.8 months" the same."""
    key = lambda f: (text.count(". ", 0, f[0]), f[3].lower().replace("about ", ""))  # noqa: E731
    same: dict[tuple, set] = {}
    for f in found:
        if f[3] and "value" in f[4]:  # a figure per sentence and rounded form
            same.setdefault(key(f), set()).add(f[4]["value"])
    out = []
    for start, end, message, suggestion, data in sorted(found, key=lambda f: f[:2]):
        seen = same.get(key((start, end, message, suggestion))) if suggestion else None
        if seen and max(seen) - min(seen) >= 0.5:
            suggestion, message = None, (
                f"'{text[start:end]}' has a decimal, but rounding would make different figures "
                "here look the same: say the difference in words ('a little longer')")
        elif suggestion and suggestion.lower().startswith("about ") and set(_words_before(
                text, start, 1)) & {"about", "around", "approximately", "roughly", "nearly"}:
            suggestion = suggestion[len("about "):]
        out.append((start, end, message, suggestion, data))
    return out


def _words_after(text: str, end: int, n: int) -> list[str]:
    return [w.strip(".,;:()").lower() for w in text[end:end + 60].split()[:n]]


def _words_before(text: str, start: int, n: int) -> list[str]:
    return [w.strip(".,;:()").lower() for w in text[max(0, start - 60):start].split()[-n:]]


class NumberClarity(Rule):
    code = "PL108"
    name = "number-clarity"
    severity = Severity.WARNING
    summary = ("A decimal, a statistic such as a hazard ratio or p-value, or mixed denominators "
               "that a patient may not understand.")
    rationale = (
        "Many adults struggle with numbers: a decimal percentage, a hazard ratio or a p-value "
        "asks for training most readers do not have, and '1 in 8' next to '12 out of 1,000' "
        "asks them to do arithmetic before they can compare. The CDC Clear Communication Index "
        "asks for numbers the audience uses, explained, with no calculation left to the reader; "
        "NCI's guidance on communicating risk prefers rounded natural frequencies ('about 4 in "
        "10 people') with one round denominator. pladlint reports decimals that say how likely, "
        "how many or how much more (percentages, 'times', rates, durations), statistics from "
        "rules/number-clarity.yml, and different denominators in one paragraph. Doses, test "
        "values and measurements with a unit ('2.5 mg', '0.5 mL', 'an A1C of 6.5%') stay exact "
        "and are never reported, nor are whole numbers, dates, times, versions, money, table "
        "cells (a table shows exact figures under a heading that explains them) or code."
    )
    example = (
        "In the study, 37.5% of people had side effects. People who took the drug were 1.53 "
        "times as likely to feel sick (hazard ratio 1.53; 95% CI 1.2 to 1.9; p = 0.01).\n"
    )
    fix = (
        "In the study, about 4 in 10 people had side effects. People who took the drug were "
        "about 1 and a half times as likely to feel sick. Round numbers, say 'about', use "
        "natural frequencies with one denominator (10, 100 or 1,000), and say what a "
        "statistic means in words, or leave it out."
    )
    tags = ("plain-language", "numbers")
    audiences = ("patient", "caregiver")
    languages = ("en",)
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        pack = _pack()
        for unit in ctx.doc.units:
            if unit.kind not in _PROSE_KINDS:
                continue
            text = unit.text
            found = list(self._statistics(text, pack))
            for item in self._decimals(text, pack):  # a decimal inside a statistic is not repeated
                if not any(f[0] < item[1] and item[0] < f[1] for f in found):
                    found.append(item)
            found.extend(self._denominators(text, pack))
            for start, end, message, suggestion, data in _settle(text, found):
                yield Violation(unit.source_span(start, end), message, suggestion=suggestion,
                                section=unit.section, data=data)

    # -- statistics ---------------------------------------------------------------------
    def _statistics(self, text: str, pack: _Pack):
        seen: list[tuple[int, int]] = []
        for stat in runnable(pack.stats, text):  # a pattern whose literal text is absent is not run
            for m in stat.pattern.finditer(text):
                start, end = m.span()
                if any(a < end and start < z for a, z in seen):
                    continue
                value = _VALUE.match(text, end)
                if value and stat.name != "p-value":
                    end = value.end()
                elif not value and self._explained(text, start, end, pack):
                    continue
                seen.append((start, end))
                ratio = value.group("v") if value and not value.group("range") else None
                yield self._stat_finding(text, start, end, stat, ratio)

    def _explained(self, text: str, start: int, end: int, pack: _Pack) -> bool:
        after, before = _words_after(text, end, 1), " ".join(_words_before(text, start, 3))
        bracket = re.match(r"\s*\((?:i\.e\.|that is|meaning|which)", text[end:])
        quoted = start > 0 and text[start - 1] in "'\"‘“"
        return bool(bracket or quoted or (after and after[0] in pack.explained_after)
                    or any(before.endswith(w) for w in pack.explained_before))

    def _stat_finding(self, text, start, end, stat: _Stat, value: str | None):
        written = text[start:end]
        suggestion = None
        if stat.template == "ratio" and value:
            v = float(value)
            if 0 < v < 1:
                suggestion = f"[people who ...] were about {_round((1 - v) * 100)}% less likely to [...]"
            elif 1 < v < 2:
                suggestion = f"[people who ...] were about {_round((v - 1) * 100)}% more likely to [...]"
            elif v >= 2:
                suggestion = f"[people who ...] were about {_half_words(v)} times as likely to [...]"
        elif stat.template == "chance":
            pm = _P_VALUE.search(written)
            if pm:
                op, v = pm.group(1), float(pm.group(2))
                if (op in "<≤" and v <= 0.05) or (op == "=" and v < 0.05):
                    suggestion = "this difference is unlikely to be due to chance"
                elif (op in ">≥" and v >= 0.05) or (op == "=" and v > 0.05):
                    suggestion = "this difference may be due to chance"
        what = f"{'an' if stat.name[0] in 'aeiou' else 'a'} {stat.name}, a statistic" \
            if written.lower().rstrip("s") != stat.name else "a statistic"
        message = f"'{written}' is {what} most patients were never taught to read; {stat.plain}"
        return start, end, message, suggestion, {"kind": "statistic", "statistic": stat.name}

    # -- decimals -----------------------------------------------------------------------
    def _decimals(self, text: str, pack: _Pack):
        rates = [_num(m.group(1)) for m in _DECIMAL.finditer(text)
                 if (a := _AFTER.match(text, m.end())) is not None and a.group("per")]
        scale = any(not _close(_round(v), v, pack.tolerance) for v in rates)  # one denominator
        for m in _RANGE_PCT.finditer(text):
            a, b = m.group(1), m.group(2)
            if "." not in a + b or not _num(a) < _num(b) <= 100 or \
                    self._strength(text, m.start(), m.end(), pack):
                continue
            unit = m.group(3)
            ra, rb = _round(_num(a)), _round(_num(b))
            sep = "%" if unit == "%" else " percent"
            suggestion = f"about {ra}{sep} to {rb}{sep}" if ra >= 1 and ra != rb else None
            yield (m.start(), m.end(), f"'{m.group(0)}' has decimals; round it so it reads easily",
                   suggestion, {"kind": "decimal", "form": "percent range"})
        for m in _DECIMAL.finditer(text):
            after = _AFTER.match(text, m.end())
            if after is None or (m.start() > 0 and text[m.start() - 1] == "%"):
                continue
            value = _num(m.group(1))
            if after.group("word") is not None:
                word = after.group("word").lower().rstrip(".")
                if word in pack.units or word.split("/")[0] in pack.units:
                    continue  # a dose or measurement: it must stay exact
                item = self._duration(text, m, after.start("word") + len(word), value, word, pack)
            elif after.group("pct") is not None:
                item = self._percent(text, m, after, value, pack)
            elif after.group("per") is not None:
                item = self._rate(m, after, value, scale)
            else:
                item = self._times(text, m, after, value)
            if item is not None:
                yield item

    def _strength(self, text: str, start: int, end: int, pack: _Pack) -> bool:
        near = _words_after(text, end, 3) + _words_before(text, start, 2)
        return any(w in pack.strength for w in near) or any(
            w in pack.measures for w in _words_before(text, start, 6))

    def _percent(self, text, m, after, value: float, pack: _Pack):
        start, end = m.start(), after.end()
        if self._strength(text, start, end, pack) or _RESTATED.match(text, end):
            return None  # a product's strength, or the writer already gives "(or 1 in 204)"
        symbol = after.group("pct").strip()
        sep = "%" if symbol == "%" else f" {symbol}"
        whole, freq = _round(value), _frequency(value / 100, pack)
        whole_ok = whole >= 1 and (value >= 10 or _close(whole, value, pack.tolerance))
        percent = f"{_about(whole, value)}{whole}{sep}" if whole_ok else None
        nat = f"{_about(freq[0], value * freq[1] / 100)}{freq[0]} in {freq[1]:,}" if freq else None
        before = _words_before(text, start, 1)
        article = before[0] if before and before[0] in ("a", "an") else None
        if symbol.startswith("percentage") or set(before) & _CHANGE_BEFORE or \
                set(_words_after(text, end, 1)) & _CHANGE_AFTER or \
                set(_words_before(text, start, 3)) & {"absolute", "relative", "by"}:
            nat = None  # a change ("rose 0.3% a year", "cut by 14.4%") is not a share of people
            if percent is None and value < 1:
                percent = f"less than 1{sep}"
        follow = re.match(r"\s+of\s+(\w+)", text[end:])
        suggestion = percent
        if nat and follow and follow.group(1).lower() not in _DETERMINERS:
            end += len(" of")  # "37.5% of people" -> "about 4 in 10 people"
            suggestion = nat
        elif article and percent:
            start -= len(article) + 1  # "a 37.5% chance" -> "about a 38% chance"
            about = "About" if text[start].isupper() else "about"
            an = "an" if re.match(r"(8|11|18)(\D|$)", str(whole)) else "a"
            suggestion = f"{about} {an} {percent.split('about ')[-1]}"
        elif not percent and not article:
            suggestion = nat
        ideas = " or ".join(f"'{x}'" for x in dict.fromkeys(x for x in (nat, percent) if x))
        message = (f"'{text[m.start():after.end()]}' is a decimal percentage, hard for many "
                   "readers; " + (f"say {ideas}" if ideas else "round it"))
        return start, end, message, suggestion, {"kind": "decimal", "form": "percent",
                                                 "value": value, "frequency": nat}

    def _times(self, text, m, after, value: float):
        fold = after.group("fold") is not None
        words = _half_words(value)
        end = after.end() if fold else m.end()
        if value < 1.25 and not re.match(r"\s+as\b", text[after.end():]):
            words = None  # "0.5 times more" is ambiguous; "1.2 times" has no plain half-step
        exact = (value * 2).is_integer() or value in (0.25, 0.75)
        suggestion = ("" if exact else "about ") + words + (" times" if fold else "") if words else None
        message = (f"'{text[m.start():after.end()]}' is a decimal comparison; say it in words "
                   + (f"('{suggestion}')" if suggestion else
                      "('a little more likely', or give both figures: '12 in 100 people, "
                      "against 10 in 100')"))
        return m.start(), end, message, suggestion, {"kind": "decimal", "form": "times",
                                                     "value": value}

    def _rate(self, m, after, value: float, scale: bool):
        n = _round(value * (10 if scale else 1))
        if not scale:
            suggestion, end = f"{_about(n, value)}{n}", m.end()
        else:  # "2.5 per 1,000" -> "25 per 10,000", and every rate in the paragraph alike
            per, den = after.group("per").split(after.group("den"))[0], _num(after.group("den"))
            suggestion, end = f"{_about(n, value * 10)}{n}{per}{int(den * 10):,}", after.end()
        return (m.start(), end, f"'{m.group(0)}{after.group('per')}' has a decimal; round it "
                f"('{suggestion}')", suggestion, {"kind": "decimal", "form": "rate", "value": value})

    def _duration(self, text, m, end: int, value: float, word: str, pack: _Pack):
        base = word[:-1] if word.endswith("s") else word
        if base not in pack.durations or value % 1 == 0.5 or value == 0:
            return None  # a half ("1.5 hours") is a number people use
        if {"age", "aged", "ages"} & set(_words_before(text, m.start(), 10)) or \
                _words_after(text, end, 2)[:1] == ["old"] or _words_after(text, end, 2) == ["of", "age"]:
            return None  # an age is left alone
        n = _round(value)
        if n >= 1 and _close(n, value, pack.tolerance):
            figure = f"{_about(n, value)}{n} {base}{'' if n == 1 else 's'}"
        else:
            smaller, factor = pack.durations[base]
            k = _round(value * factor)
            figure = f"about {k} {smaller}{'' if k == 1 else 's'}"
        return (m.start(), end, f"'{text[m.start():end]}' has a decimal; round it ('{figure}')",
                figure, {"kind": "decimal", "form": "duration", "value": value})

    # -- mixed denominators -------------------------------------------------------------
    def _denominators(self, text: str, pack: _Pack):
        freqs = []
        for m in _FREQ.finditer(text):
            n, den = _num(m.group(1)), _num(m.group(3))
            nxt = (m.group(4) or "").lower().rstrip("s")
            if not 1 <= n < den or nxt in _TIME_WORDS or (1900 <= den <= 2100 and "," not in m.group(3)):
                continue
            if m.group(2) == "out of" and den > 12 and den % 100:
                continue  # "85 out of 202 children": a count from a study, not a frequency
            if _RESTATED.match(text, m.end(3)) or re.search(r"\((?:or\s+)?(?:about\s+)?$",
                                                              text[max(0, m.start() - 12):m.start()]):
                continue  # "1 in 8 (or 13 in 100)": the writer gives both
            freqs.append((m.start(), m.end(3), n, den, m.group(2)))
        dens = {f[3] for f in freqs}
        if len(dens) < 2:
            return
        target = self._target(freqs, pack)
        shown = " and ".join(f"{d:,.0f}" for d in sorted(dens))
        for start, end, n, den, conn in freqs:
            if den == target:
                continue
            k = _round(n / den * target) if target else 0
            suggestion = f"{_about(k, n / den * target)}{k} {conn} {target:,}" if target else None
            message = (f"'{text[start:end]}': this paragraph counts out of {shown}; use one "
                       "denominator so readers can compare without doing sums"
                       + (f" ('{suggestion}')" if suggestion else ""))
            yield start, end, message, suggestion, {"kind": "denominators",
                                                    "denominators": sorted(dens),
                                                    "target": target}

    def _target(self, freqs, pack: _Pack) -> int | None:
        """The denominator to convert to: the largest one written, when it is a round one and
        every figure becomes a whole count; else the smallest round one that fits them all."""
        largest = max(f[3] for f in freqs)
        options = [int(largest)] if largest in pack.denominators else []
        options += [d for d in pack.denominators if d > largest]
        for d in options:
            if all(_round(n / den * d) >= 1 and _close(_round(n / den * d), n / den * d,
                                                       pack.tolerance / 2)
                   for _, _, n, den, _ in freqs):
                return d
        return None
