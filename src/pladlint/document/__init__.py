"""Parse a page once into the model every rule reads."""

from __future__ import annotations

from pathlib import Path

from pladlint.document.frontmatter import FrontMatterError, split_front_matter
from pladlint.document.markdown import parse_body
from pladlint.document.model import Document, HtmlComment, Image, Link, ProseUnit, Section
from pladlint.positions import LineIndex

__all__ = [
    "Document", "FrontMatterError", "HtmlComment", "Image", "Link", "ProseUnit", "Section",
    "parse_document",
]


def parse_document(path: Path, text: str) -> Document:
    """Raises FrontMatterError for front matter that cannot be read."""
    index = LineIndex(text)
    fm = split_front_matter(text, index)
    walker = parse_body(text, index, fm.body_start)
    return Document(
        path=path, text=text, index=index, front_matter=fm, sections=walker.sections,
        units=walker.units, links=walker.links, images=walker.images, comments=walker.comments,
    )
