"""`pladlint explain-term WORD [--file PAGE]`: why a term was, or was not, reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint.cli import main
from pladlint.vocab.rare_words import zipf

NCI = "https://www.cancer.gov/publications/dictionaries/cancer-terms/def"
PAGE = f"""---
audienceLevel: patient
---

# Tests for a lump

Your doctor may do a [biopsy]({NCI}/biopsy) to check the lump.

## After surgery

Some people get edema (swelling) after surgery. The edema goes down in a few weeks.

## Treatment

You may get pembrolizumab. Some people get anaphylaxis after it.
Tell your nurse about anaphylaxis or a rash after pembrolizumab.
"""


def run(*args: str):
    return CliRunner().invoke(main, ["explain-term", *args], catch_exceptions=False)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def as_json(*args: str) -> dict:
    out = run(*args, "--format", "json")
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_glossary_linked_term_says_it_is_explained_by_the_link(page: Path) -> None:
    out = run("biopsy", "--file", str(page))
    assert out.exit_code == 0, out.output
    text = out.output
    assert "in pack nci-cancer-terms (medical) as 'biopsy'" in text
    assert f"wordfreq Zipf {round(zipf('biopsy'), 2)}" in text
    assert "jargon_zipf 3.5" in text and "audience patient (from the page's front matter)" in text
    assert "everyday list: no" in text
    assert "1 use, 0 reported" in text
    assert f":7:23  [Tests for a lump]  'biopsy': in the text of a glossary link ({NCI}/biopsy)" \
        in text

    report = as_json("biopsy", "--file", str(page))
    assert report["verdict"] == "jargon-unexplained"
    assert report["matched"]["term"] == "biopsy" and report["matched"]["pack"] == "nci-cancer-terms"
    assert report["everyday"] is False and report["jargon_zipf"] == 3.5
    assert report["zipf"] == round(zipf("biopsy"), 2)
    (mention,) = report["mentions"]
    assert (mention["line"], mention["column"]) == (7, 23)
    assert mention["explained"] == "glossary-link" and mention["status"] == "explained"
    assert mention["url"] == f"{NCI}/biopsy" and mention["rule"] is None


def test_inline_definition_and_later_uses(page: Path) -> None:
    report = as_json("edema", "--file", str(page))
    first, second = report["mentions"]
    assert (first["line"], first["column"]) == (11, 17)
    assert first["explained"] == "inline" and first["status"] == "explained"
    assert first["section"] == "After surgery"
    assert second["explained"] == "earlier" and second["status"] == "explained"
    assert "line 11: inline" in second["note"]
    text = run("edema", "--file", str(page)).output
    assert "'edema': defined next to it in the text" in text
    assert "'edema': explained earlier (line 11: inline)" in text


def test_unexplained_terms_are_reported_once_per_section(page: Path) -> None:
    checked = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(page)])
    findings = [f for f in json.loads(checked.output)["files"][0]["findings"]
                if f["rule"] in ("jargon-unexplained", "jargon-rare-word")]
    assert findings, "the page's unexplained jargon is not reported at all"
    assert all(f["line"] in (15, 16) for f in findings)  # the Treatment section only
    for f in findings:
        report = as_json(f["text"], "--file", str(page))
        assert report["verdict"] == f["rule"]
        first, *later = report["mentions"]
        assert (first["line"], first["column"]) == (f["line"], f["column"])
        assert first["status"] == "reported" and first["rule"] == f["rule"]
        assert first["code"] == f["code"] and first["severity"] == f["severity"]
        assert first["section"] == "Treatment" and first["explained"] is None
        assert later and all(m["status"] == "repeat" for m in later)
        assert f"(line {f['line']})" in later[0]["note"]
        assert report["reported"] == 1
        text = run(f["text"], "--file", str(page)).output
        assert f"2 uses, 1 reported" in text
        assert (f":{f['line']}:{f['column']}  [Treatment]  '{f['text']}': reported by "
                f"{f['rule']} ({f['code']}, {f['severity']})") in text


def test_case_and_plural_match_by_lemma(tmp_path: Path) -> None:
    path = tmp_path / "nodes.md"
    path.write_text("# Surgery\n\nLymph nodes may be removed. One lymph node is tested.\n",
                    encoding="utf-8")
    report = as_json("LYMPH NODE", "--file", str(path))
    assert report["matched"]["term"] == "lymph node"
    assert [m["text"] for m in report["mentions"]] == ["Lymph nodes", "lymph node"]
    assert [m["status"] for m in report["mentions"]] == ["reported", "repeat"]


def test_without_a_page_only_the_lexicon_facts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = as_json("pembrolizumab")
    assert report["file"] is None and report["mentions"] is None
    assert [p["pack"] for p in report["packs"] if p["kind"] == "drug"] == ["nci-drug-names"]
    assert report["verdict"] == "jargon-rare-word"
    assert report["audience"] == "patient"
    everyday = as_json("pelvis")
    assert everyday["everyday"] is True and everyday["verdict"] is None
    assert "everyday" in everyday["verdict_reason"]
    text = run("pelvis").output
    assert "everyday list: yes" in text and "verdict: not reported as jargon" in text
    assert "uses" not in text  # no page: no mentions


def test_audience_comes_from_the_page(tmp_path: Path) -> None:
    general = tmp_path / "general.md"
    general.write_text("---\naudienceLevel: general\n---\n\n# Scans\n\nA biopsy.\n",
                       encoding="utf-8")
    assert as_json("biopsy", "--file", str(general))["jargon_zipf"] == 3.2
    pro = tmp_path / "pro.md"
    pro.write_text("---\naudienceLevel: professional\n---\n\n# Scans\n\nA biopsy.\n",
                   encoding="utf-8")
    report = as_json("biopsy", "--file", str(pro))
    assert report["audience"] == "professional" and report["verdict"] is None
    assert "not check professional pages" in report["verdict_reason"]
    (mention,) = report["mentions"]
    assert mention["status"] in ("not-reported", "not-counted") and mention["rule"] is None
    assert "does not check professional pages" in mention["note"]


def test_common_listed_term_and_rare_word_facts(tmp_path: Path, monkeypatch) -> None:
    from pladlint.config import Config
    from pladlint.document import parse_document
    from pladlint.engine import build_context
    from pladlint.vocab.lexicon import default_lexicon

    monkeypatch.chdir(tmp_path)
    nlp = build_context(parse_document(Path("x.md"), "x"), Config()).nlp
    common = sorted(t.term for t in default_lexicon(nlp).entries.values()
                    if t.kind == "medical" and not t.plain and t.term.isalpha()
                    and t.term.islower() and zipf(t.term) >= 3.6)
    assert common, "the packs list no common term without a plain alternative"
    report = as_json(common[0])
    assert report["matched"]["term"] == common[0]
    assert report["verdict"] is None and report["zipf"] >= 3.5
    assert "common enough for patient readers" in report["verdict_reason"]
    rare = as_json("noncancerous")
    assert rare["packs"] == [] and rare["rare_word"]["rare"] is False
    assert rare["verdict"] is None


def test_bad_file_exits_2(tmp_path: Path) -> None:
    missing = run("biopsy", "--file", str(tmp_path / "missing.md"))
    assert missing.exit_code == 2 and "no such file" in missing.output
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\n# Hi\n", encoding="utf-8")
    out = run("biopsy", "--file", str(broken))
    assert out.exit_code == 2 and "broken.md" in out.output
    binary = tmp_path / "blob.md"
    binary.write_bytes(b"\x00\xff\xfe\x00binary")
    assert run("biopsy", "--file", str(binary)).exit_code == 2
