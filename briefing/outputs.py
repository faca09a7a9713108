"""Briefing output formats: each turns a rendered briefing into the bytes of one file.

A format is a function ``(Rendered) -> bytes`` here or in a module of its own, named in
briefing/registry.py's FORMATS (its file suffix, CLI option, templates).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from briefing.compose import Briefing
from briefing.render import render_html, render_markdown, render_pdf


class Rendered:
    """A composed briefing and its template folder; the Markdown and HTML made once, when
    the first format asks for them."""

    def __init__(self, briefing: Briefing, folder: Path) -> None:
        self.briefing = briefing
        self.folder = folder

    @cached_property
    def markdown(self) -> str:
        """The briefing as Markdown (briefing.md.j2)."""
        return render_markdown(self.briefing, self.folder)

    @cached_property
    def html(self) -> str:
        """The briefing as a standalone HTML page (briefing.html.j2 + briefing.css)."""
        return render_html(self.briefing, self.markdown, self.folder)


def markdown(rendered: Rendered) -> bytes:
    """The Markdown file."""
    return rendered.markdown.encode("utf-8")


def html(rendered: Rendered) -> bytes:
    """The HTML file."""
    return rendered.html.encode("utf-8")


def pdf(rendered: Rendered) -> bytes:
    """The PDF, laid out by WeasyPrint from the HTML."""
    return render_pdf(rendered.html, rendered.folder)
