"""Checkstyle XML: one <file> per page, one <error> per finding, always parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pladlint.formatters import FormatOptions, get_formatter

from format_samples import sample_result


def test_every_field() -> None:
    result = sample_result()
    root = ET.fromstring(get_formatter("checkstyle")(result, FormatOptions()))
    assert root.tag == "checkstyle" and root.get("version")
    files = root.findall("file")
    assert [f.get("name") for f in files] == ["docs/café page.md", "docs/odd,name:1.md",
                                              "docs/broken.md"]
    errors = [e for node in files[:2] for e in node.findall("error")]
    assert len(errors) == len(result.findings)
    for e, f in zip(errors, result.findings):
        assert e.get("line") == str(f.line) and e.get("column") == str(f.column)
        assert e.get("severity") == f.severity.value
        assert e.get("message").startswith(f.message.replace("\x00", "").replace("\x1b", ""))
        assert e.get("source") == f"pladlint.{f.code}.{f.rule}"
    (broken,) = files[2].findall("error")
    assert broken.get("severity") == "error" and "not valid YAML" in broken.get("message")
