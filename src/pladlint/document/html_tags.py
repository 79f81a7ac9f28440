"""Reading attributes out of one raw HTML tag with the standard library's parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

TAG_RE = re.compile(r"<(img|abbr)\b[^>]*>", re.I)


class _TagParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is None:
            self.found = (tag, dict(attrs))

    handle_startendtag = handle_starttag


def parse_tag(fragment: str) -> tuple[str, dict[str, str | None]] | None:
    """Tag name and attributes of the first start tag in `fragment` (None if there is none)."""
    parser = _TagParser()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # HTMLParser is lenient; this guards against the odd assertion
        return None
    return parser.found
