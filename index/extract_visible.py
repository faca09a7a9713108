"""The visible text of an HTML page, one block element per paragraph, for clean_text."""

from __future__ import annotations

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    ("p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2",
     "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
     "blockquote", "pre", "figure", "figcaption", "form", "br", "hr", "title", "address")
)  # fmt: skip
_HIDDEN = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "head"))


def visible_text(html: str) -> str:
    """Text a reader would see, with blank lines between block elements; "" if unparseable."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    title = root.findtext(".//title") or ""
    parts: list[str] = [title.strip(), "\n\n"]
    _walk(root, parts)
    return "".join(parts)


def _walk(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HIDDEN:
        if element.tail:
            parts.append(element.tail)
        return
    block = tag in _BLOCKS
    if block:
        parts.append("\n\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
    if block:
        parts.append("\n\n")
    if element.tail:
        parts.append(element.tail)
