"""Baselines: record today's findings, then report only new ones.

A team adopting pladlint on thousands of legacy pages runs `pladlint baseline` once and
commits the file; `pladlint check --baseline FILE` then fails only on findings whose
fingerprint (rule, path, section, normalized text, occurrence; never line numbers, see
fingerprints.py) is not in it. Moving text around a page therefore does not revive old
findings; rewriting the offending words or renaming the section does, on purpose.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from pladlint import __version__
from pladlint.findings import LintResult  # noqa: F401  (type of the results handled)

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".pladlint-baseline.json"


class BaselineError(Exception):
    pass


def baseline_text(result: LintResult) -> str:
    """The baseline file: fingerprints, plus rule, path, line and text for people reading it."""
    entries = [{"fingerprint": f.fingerprint, "rule": f.rule, "code": f.code, "path": f.path,
                "line": f.line, "section": f.section, "text": f.text[:200]}
               for f in result.findings]
    data = {"tool": "pladlint", "version": __version__, "baseline_version": BASELINE_VERSION,
            "note": "Known findings, matched by fingerprint (not line numbers). Regenerate "
                    "with `pladlint baseline`.",
            "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline file lists, with how often each occurs."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a pladlint baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a pladlint baseline (no 'findings' list); "
                            "create one with `pladlint baseline`")
    if data.get("baseline_version", BASELINE_VERSION) != BASELINE_VERSION:
        raise BaselineError(f"{path}: baseline format {data.get('baseline_version')} is not "
                            f"supported (expected {BASELINE_VERSION}); regenerate it")
    prints: Counter[str] = Counter()
    for entry in data["findings"]:
        if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str):
            prints[entry["fingerprint"]] += 1
    return prints


@dataclass
class BaselineOutcome:
    result: LintResult  # only the new findings
    known: int  # findings hidden because the baseline lists them
    stale: int  # baseline entries that matched nothing (fixed, or text rewritten)


def apply_baseline(result: LintResult, known: Counter[str]) -> BaselineOutcome:
    remaining = Counter(known)
    files = type(result.files)()  # a list, or a fresh spool for a spooled result (spool.py)
    hidden = 0
    for r in result.files:
        kept = []
        for f in r.findings:
            if f.fingerprint and remaining[f.fingerprint] > 0:
                remaining[f.fingerprint] -= 1
                hidden += 1
            else:
                kept.append(f)
        files.append(replace(r, findings=kept))
    return BaselineOutcome(replace(result, files=files), hidden,
                           sum(remaining.values()))
