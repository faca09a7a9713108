"""The reader screen: one article in full, loaded in the background, marked read on opening."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from index.errors import NewsdeskError
from index.models import Article
from index.textsafe import visible
from tui.messages import ArticleChanged, LibraryFailed
from tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from tui.app import NewsdeskApp


class ReaderScreen(Screen[None]):
    """An article with its metadata; q or Esc goes back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "close", "Back"),
        Binding("j,down", "scroll(1)", "Scroll", show=False),
        Binding("k,up", "scroll(-1)", "Scroll", show=False),
        Binding("space,pagedown", "page(1)", "Page", show=False),
        Binding("pageup", "page(-1)", "Page", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The article's full text and its duplicates arrived."""

        article: Article
        duplicates: list[Article]
        story: list[Article] = field(default_factory=list)  # the other reports of its story

    app: NewsdeskApp

    def __init__(self, article: Article, terms: frozenset[str]) -> None:
        super().__init__()
        self.article = article
        self.terms = terms

    @property
    def current_article(self) -> Article:
        """The article the reader shows (the target of r, s, b, t, o)."""
        return self.article

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="reader-status")
        yield ArticleView(id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).refresh_header(self.article)
        self.query_one(ArticleView).focus()
        self._load(self.article.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def _load(self, article_id: str) -> None:
        try:
            with self.app.library_session() as library:
                article = library.get(article_id)
                if not article.read:
                    # Opening an article reads it: saved at once, like any other mark.
                    article = library.mark(article_id, read=True)
                    self.app.post_message(ArticleChanged(article))
                root = article.duplicate_of or article.id
                copies = library.duplicates_of(root)
                if article.duplicate_of:
                    copies = [library.get(root), *copies]
                copies = [c for c in copies if c.id != article.id]
                story = library.story_companions(article.id)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(self.Loaded(article, copies, story))

    def on_reader_screen_loaded(self, message: Loaded) -> None:
        self.article = message.article
        self.query_one("#reader-status", Static).display = False
        self.query_one(ArticleView).show(message.article, self.terms, message.duplicates,
                                         message.story)

    def on_library_failed(self, message: LibraryFailed) -> None:
        self.query_one("#reader-status", Static).update(Text(visible(message.error.message)))
        self.app.show_error(message.error)

    def article_changed(self, article: Article) -> None:
        """Marks or tags of an article changed: redraw the header if it is this one."""
        if article.id == self.article.id:
            self.article = article
            self.query_one(ArticleView).refresh_header(article)

    def action_scroll(self, lines: int) -> None:
        self.query_one(ArticleView).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        view = self.query_one(ArticleView)
        view.scroll_relative(y=pages * max(1, view.size.height - 2), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
