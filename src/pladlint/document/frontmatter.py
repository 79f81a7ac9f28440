"""Front matter split with exact offsets, parsed through python-frontmatter's handlers.

python-frontmatter returns the body without telling where it started, ignores an unclosed
fence or a YAML list, and lets parser errors escape; this wrapper keeps the body offset and
turns each of those cases into a `FrontMatterError` naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from pladlint.positions import LineIndex, Span

_FENCES = {"---": "yaml", "+++": "toml"}
_CLOSE = {"yaml": re.compile(r"^(---|\.\.\.)[ \t]*$"), "toml": re.compile(r"^\+\+\+[ \t]*$")}


class FrontMatterError(Exception):
    """Front matter that cannot be read; message is one line and names the line number."""


@dataclass(frozen=True)
class FrontMatter:
    format: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    span: Span = Span(0, 0)  # the whole block, fences included
    body_start: int = 0  # offset of the first character after the closing fence's line


def split_front_matter(text: str, index: LineIndex) -> FrontMatter:
    if not text.startswith(("---", "+++")):
        return FrontMatter()
    first = text[: index.line_end(0)]
    fmt = _FENCES.get(first.rstrip(" \t"))
    if fmt is None:
        return FrontMatter()  # e.g. "----" or "--- text": not a fence
    closing = _CLOSE[fmt]
    for line0 in range(1, index.line_count):
        line = text[index.line_start(line0) : index.line_end(line0)]
        if closing.match(line):
            raw = text[index.line_start(1) : index.line_start(line0)]
            body_start = (
                index.line_start(line0 + 1) if line0 + 1 < index.line_count else len(text)
            )
            metadata = _parse(raw, fmt)
            return FrontMatter(fmt, metadata, Span(0, body_start), body_start)
    raise FrontMatterError(
        f"front matter opened with '{first.strip()}' on line 1 is never closed"
    )


def _parse(raw: str, fmt: str) -> dict[str, Any]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "yaml":
        handler: Any = frontmatter.YAMLHandler()
        try:
            data = handler.load(raw) if raw.strip() else {}
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            where = f" on line {mark.line + 2}" if mark is not None else ""
            problem = exc.problem or exc.context or "syntax error"
            raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
        except yaml.YAMLError as exc:
            # e.g. a ReaderError for a control character: its text spans two lines
            reason = " ".join(str(exc).split())
            raise FrontMatterError(f"front matter is not valid YAML: {reason}") from None
    else:
        toml_handler = getattr(frontmatter, "TOMLHandler", None)
        if toml_handler is None:
            raise FrontMatterError("TOML front matter needs the 'toml' package installed")
        try:
            data = toml_handler().load(raw)
        except Exception as exc:  # the toml package raises its own TomlDecodeError
            raise FrontMatterError(f"front matter is not valid TOML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontMatterError(
            f"front matter must be a mapping of keys to values, not a {kind}"
        )
    return {str(k): v for k, v in data.items()}
