"""The article itself: metadata and the body as inert Markdown, search terms highlighted."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from index.models import Article
from index.textsafe import visible, visible_line
from tui.widgets.article_list import published_day

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping them all
# leaves nothing in untrusted text that the parser could read as markup.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
KEYS = 9  # copies, then the story's other articles, open with 1 to 9


def inert_parser() -> MarkdownIt:
    """A parser that knows paragraphs, emphasis and escapes only: no links, images or HTML."""
    return MarkdownIt("zero", {"html": False, "linkify": False}).enable(
        ["emphasis", "escape"]
    )


def to_markdown(body: str, terms: frozenset[str] = frozenset()) -> str:
    """Plain-text paragraphs as escaped Markdown, with words whose stem is a term in bold."""
    paragraphs = [" ".join(p.split()) for p in visible(body).split("\n\n")]
    return "\n\n".join(_paragraph(p, terms) for p in paragraphs if p)


def _paragraph(text: str, terms: frozenset[str]) -> str:
    # Imported here: it loads the search analyzer (Whoosh), which the first screen never needs.
    from index.reading import highlighted

    return "".join(f"**{_escape(piece)}**" if hit else _escape(piece)
                   for piece, hit in highlighted(text, terms))


def _escape(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", text)


def header(article: Article) -> Text:
    """Title, outlet, author, date, link and tags, as plain styled text (links inert)."""
    text = Text(visible_line(article.title), style="bold")
    text.append("\n")
    # An undated page's added day is never shown as if it were its publication date.
    when = (f"{article.published:%A %d %B %Y}" if article.published
            else f"date unknown, added {article.added:%d %B %Y}")
    meta = [article.outlet, f"by {article.author}" if article.author else "", when]
    text.append(visible_line(" · ".join(m for m in meta if m)), style="italic")
    state = [("★ starred", "bold #f5c211") if article.starred else None,
             ("▣ in the basket", "bold #4ebf71") if article.in_basket else None,
             ("≈ a copy of another story", "#b07fe0") if article.duplicate_of else None]
    for mark in filter(None, state):
        text.append("   ")
        text.append(*mark)
    if article.url:
        text.append("\n")
        text.append(visible_line(article.url), style="underline dim")
    if article.tags:
        text.append("\n")
        text.append(visible_line("  ".join(f"#{t}" for t in article.tags)),
                    style="bold #4ebf71")
    return text


def story_lines(story: list[Article], first_number: int = 1) -> Text:
    """The other articles of a story, one a line: its key (numbers from `first_number` up
    to 9; the rest have none), date, outlet, headline."""
    keyed = first_number <= KEYS and bool(story)
    lines = Text("Also in this story" + (" (press its number to open it):" if keyed else ":"),
                 style="bold")
    for number, other in enumerate(story, first_number):
        about = " — ".join(p for p in (published_day(other), other.outlet, other.title) if p)
        mark = f"{number} ◦" if number <= KEYS else "  ◦"
        lines.append(f"\n  {mark} " + visible_line(about))
    return lines


class ArticleView(VerticalScroll, can_focus=True):
    """A scrolling article: header, body, and other outlets' copies of the story."""

    def compose(self) -> ComposeResult:
        yield Static(id="article-header")
        yield Markdown(id="article-body", parser_factory=inert_parser, open_links=False)
        yield Static(id="article-duplicates")
        yield Static(id="article-story")

    def show(self, article: Article, terms: frozenset[str], duplicates: list[Article]) -> None:
        """Display an article in full (body included) and its copies; the rest of its story
        comes later (show_story)."""
        self.refresh_header(article)
        self.query_one(Markdown).update(to_markdown(article.body, terms))
        copies = self.query_one("#article-duplicates", Static)
        copies.display = bool(duplicates)
        if duplicates:
            lines = Text("Same story elsewhere (press its number to open it):", style="bold")
            for number, dup in enumerate(duplicates[:KEYS], 1):
                lines.append(f"\n  {number} ≈ "
                             + visible_line(f"{dup.outlet or dup.origin} — {dup.title}"))
            copies.update(lines)
        self.show_story([])

    def show_story(self, story: list[Article], first_number: int = 1) -> None:
        """List the other reports of the article's story, keyed from `first_number` (after
        the copies' numbers); none: the list is hidden."""
        others = self.query_one("#article-story", Static)
        others.display = bool(story)
        if story:
            others.update(story_lines(story, first_number))

    def refresh_header(self, article: Article) -> None:
        """Redraw the metadata after tags or marks changed."""
        self.query_one("#article-header", Static).update(header(article))
