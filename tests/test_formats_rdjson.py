"""reviewdog rdjson: valid against reviewdog's schema; columns in UTF-8 bytes."""

from __future__ import annotations

import json

import pytest

from pladlint.formatters import FormatOptions, get_formatter

from conftest import SCHEMAS
from format_samples import sample_result


def render(result) -> dict:
    return json.loads(get_formatter("rdjson")(result, FormatOptions()))


def test_validates_against_reviewdog_schema() -> None:
    path = SCHEMAS / "reviewdog-rdjson-DiagnosticResult.schema.json"
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared/schemas is only in CI and dev trees)")
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(render(sample_result()))


def test_every_field_and_byte_columns() -> None:
    result = sample_result()
    doc = render(result)
    assert doc["source"]["name"] == "pladlint"
    diagnostics = doc["diagnostics"]
    assert len(diagnostics) == len(result.findings) + len(result.errors)
    for d, f in zip(diagnostics, result.findings):
        assert d["message"].startswith(f.message)
        assert d["location"]["path"] == f.path
        rng = d["location"]["range"]
        assert rng["start"]["line"] == f.line and rng["end"]["line"] == f.end_line
        assert d["severity"] == f.severity.value.upper()
        assert d["code"]["value"] == f.code and d["code"]["url"].startswith("https://")
        assert d["source"]["name"] == "pladlint"
    naive = next(d for d, f in zip(diagnostics, result.findings) if f.text == "![](x.png)")
    prefix = "Naïve café — "
    assert naive["location"]["range"]["start"]["column"] == len(prefix.encode("utf-8")) + 1
    assert naive["location"]["range"]["end"]["column"] == len(
        (prefix + "![](x.png)").encode("utf-8")) + 1
    ascii_one = diagnostics[0]
    assert ascii_one["location"]["range"]["start"]["column"] == result.findings[0].column
    assert diagnostics[-1]["location"] == {"path": "docs/broken.md"}
