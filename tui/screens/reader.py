"""The reader screen: one article in full, loaded in the background, marked read on opening."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Static

from index.errors import NewsdeskError, NotFoundError, StoreError
from index.models import Article
from index.textsafe import visible_line
from tui.messages import ArticleChanged, LibraryFailed
from tui.screens.base import ArticleScreen
from tui.widgets.article_view import KEYS, ArticleView

if TYPE_CHECKING:
    from tui.app import NewsdeskApp


class Browsing(Protocol):
    """The list the reader was opened from: J/K and Space move along it."""

    def step(self, step: int, *, unread: bool = False) -> Article | None:
        """Move to the next (step 1) or previous (-1) article, or unread one; None at an end."""

    def position(self) -> tuple[int, int]:
        """The current article's place in the list (from 1), and the list's length."""


class ReaderScreen(ArticleScreen):
    """An article with its metadata; q, Esc, h, ← or Backspace go back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,h,left,backspace", "close", "Back", tooltip="Back to the list"),
        Binding("J", "next(1)", "Next", tooltip="Next article in the list"),
        Binding("K", "next(-1)", "Previous", show=False, tooltip="Previous article in the list"),
        Binding("space", "space", "Page / next unread", show=False,
                tooltip="Next page; at the end, the next unread article"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup,shift+space", "page(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("slash", "app.search", "Search", show=False, priority=True,
                tooltip="Back to the list, searching"),
        Binding("e", "edit_title", "Edit title", show=False,
                tooltip="Correct the headline (the index follows)"),
        Binding("1", "open_other(1)", "Open copy / story article", show=False,
                key_display="1…9", tooltip="Open article number N under “Same story "
                "elsewhere” or “Also in this story”"),
        *(Binding(str(n), f"open_other({n})", show=False) for n in range(2, KEYS + 1)),
    ]

    @dataclass
    class Loaded(Message):
        """The article's full text and its copies arrived."""

        article: Article
        duplicates: list[Article]

    @dataclass
    class StoryLoaded(Message):
        """The other reports of an article's story arrived."""

        article_id: str
        story: list[Article]

    @dataclass
    class Gone(Message):
        """The article shown was deleted (by another program)."""

        article_id: str

    app: NewsdeskApp

    def __init__(self, article: Article, terms: frozenset[str],
                 browsing: Browsing | None = None) -> None:
        super().__init__()
        self.article = article
        self.terms = terms
        self.browsing = browsing
        self.duplicates: list[Article] = []
        self.story: list[Article] = []  # the other reports of its story, once placed
        self.loaded = False

    @property
    def current_article(self) -> Article:
        """The article the reader shows (the target of r, s, b, t, o)."""
        return self.article

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="reader-status")
        yield ArticleView(id="article")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.show_article(self.article)

    def show_article(self, article: Article) -> None:
        """Show another article here (J, K, Space at the end, a copy)."""
        self.article = article
        self.loaded = False
        self.story = []
        self.query_one(ArticleView).refresh_header(article)
        self.query_one(ArticleView).scroll_home(animate=False)
        self._position()
        self._load(article.id)

    def _position(self, note: str = "") -> None:
        status = self.query_one("#reader-status", Static)
        at, total = self.browsing.position() if self.browsing else (0, 0)
        where = f"{at} of {total:,}" if at else ""
        status.update(Text(visible_line("  ·  ".join(t for t in (where, note) if t))))

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def _load(self, article_id: str) -> None:
        self._read(article_id, opening=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="article-again")
    def _load_again(self, article_id: str) -> None:
        self._read(article_id, opening=False)

    def _read(self, article_id: str, *, opening: bool) -> None:
        try:
            with self.app.library_session() as library:
                article = library.get(article_id)
                if opening and not article.read:
                    # Opening an article reads it: saved at once, like any other mark.
                    article = library.mark(article_id, read=True)
                    self.app.post_message(ArticleChanged([article]))
                root = article.duplicate_of or article.id
                copies = library.duplicates_of(root)
                if article.duplicate_of:
                    copies = [library.get(root), *copies]
                copies = [c for c in copies if c.id != article.id]
        except NotFoundError:
            self.post_message(self.Gone(article_id))  # deleted by another program
            return
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(self.Loaded(article, copies))
        self._load_story(article.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story")
    def _load_story(self, article_id: str) -> None:
        # A library of its own: placing articles in stories can take many seconds on a large
        # library, and must hold back neither the article nor the keys acting on it.
        from index.library import Library

        try:
            with Library.open(self.app.library_path, sync_index=False) as library:
                story = library.story_companions(article_id)
        except NotFoundError:
            return  # deleted meanwhile: the article's own load says so
        except (NewsdeskError, OSError, StoreError) as exc:
            self.post_message(LibraryFailed(exc if isinstance(exc, NewsdeskError)
                                            else NewsdeskError(str(exc))))
            return
        self.post_message(self.StoryLoaded(article_id, story))

    def on_reader_screen_story_loaded(self, message: StoryLoaded) -> None:
        if message.article_id == self.article.id:
            self.story = message.story
            self.query_one(ArticleView).show_story(message.story,
                                                   len(self.duplicates[:KEYS]) + 1)

    def library_changed(self) -> None:
        """Another program changed the library: show this article as it is now (its marks,
        tags, title, copies), or go back to the list if it was deleted."""
        if self.loaded:
            self._load_again(self.article.id)

    def on_reader_screen_gone(self, message: Gone) -> None:
        if message.article_id == self.article.id:
            self.app.notify("The article is no longer in the library (deleted elsewhere).",
                            severity="warning", timeout=5)
            self._leave()

    def on_reader_screen_loaded(self, message: Loaded) -> None:
        if message.article.id != self.article.id:
            return  # J pressed again before this one arrived
        self.article = message.article
        self.duplicates = message.duplicates
        self.story = []  # shown again when it arrives
        self.loaded = True
        self.query_one(ArticleView).show(message.article, self.terms, message.duplicates)

    def on_library_failed(self, message: LibraryFailed) -> None:
        message.stop()
        self._position(message.error.message)
        self.app.show_error(message.error)

    def article_changed(self, article: Article) -> None:
        """Marks or tags of an article changed: redraw the header if it is this one."""
        if article.id == self.article.id:
            self.article = article
            self.query_one(ArticleView).refresh_header(article)

    def article_deleted(self, article_id: str) -> None:
        """This article was deleted: back to the list."""
        if article_id == self.article.id:
            self._leave()

    def _leave(self) -> None:
        # Back to the list, closing any dialog open on this article first.
        if self not in self.app.screen_stack:
            return
        while self.app.screen is not self:
            self.app.pop_screen()
        self.dismiss(None)

    # -- moving ------------------------------------------------------------------------------

    def action_scroll(self, lines: int) -> None:
        self.query_one(ArticleView).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        view = self.query_one(ArticleView)
        view.scroll_relative(y=pages * max(1, view.size.height - 2), animate=False)

    def action_top(self) -> None:
        self.query_one(ArticleView).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one(ArticleView).scroll_end(animate=False)

    def action_space(self) -> None:
        view = self.query_one(ArticleView)
        if view.scroll_y < view.max_scroll_y:
            self.action_page(1)
        else:
            self._go(1, unread=True)

    def action_next(self, step: int) -> None:
        self._go(step)

    def _go(self, step: int, *, unread: bool = False) -> None:
        found = self.browsing.step(step, unread=unread) if self.browsing else None
        if found is None:
            what = "unread article" if unread else "article"
            self.notify(f"No {what} {'after' if step > 0 else 'before'} this one in the list.",
                        timeout=2)
            return
        self.show_article(found)

    def action_open_other(self, number: int) -> None:
        """Open the copy, or the other article of the story, listed with this number."""
        numbered = [*self.duplicates[:KEYS], *self.story][:KEYS]
        if not 1 <= number <= len(numbered):
            self.notify("No copy or story article with that number.", severity="warning",
                        timeout=2)
            return
        self.show_article(numbered[number - 1])

    def action_edit_title(self) -> None:
        self.app.edit_title(self.article)

    def action_close(self) -> None:
        self.dismiss(None)
