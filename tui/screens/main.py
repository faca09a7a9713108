"""The main screen: sidebar of views, the search bar and the article list."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from index.errors import NewsdeskError
from index.filters import Filter
from index.library import Library
from index.models import Article
from index.textsafe import visible_line
from tui.messages import CountsLoaded, LibraryFailed, ListingLoaded, SearchFinished
from tui.screens.reader import ReaderScreen
from tui.screens.stories import StoriesScreen
from tui.widgets.article_list import PAGE, ArticleList
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import FIXED, STORIES, Sidebar, View

if TYPE_CHECKING:
    from tui.app import NewsdeskApp

# Hits per search page; more load on scroll. Filling the list costs about 1 ms a row, so a
# first page of 50 keeps results near 130-145 ms (median) after the pause at 100k articles.
SEARCH_PAGE = 50
STORIES_LIMIT = 1000  # newest articles of a view grouped into stories (about 2 s at first)


class MainScreen(Screen[None]):
    """Where the day is spent: pick a view or search, move through the list, open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("O", "toggle_sort", "Sort"),
        Binding("ctrl+s", "app.save_search", "Save search"),
        Binding("S", "stories", "Stories"),
        Binding("q", "app.quit", "Quit"),
    ]

    view: reactive[View] = reactive(FIXED[0], init=False)
    """The sidebar view the list shows when no search is active."""
    search_text: reactive[str] = reactive("", init=False)
    """The active search ("" when none)."""
    sort: reactive[str] = reactive("relevance", init=False)
    """How search results are ordered: relevance or newest."""

    app: NewsdeskApp

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.terms: frozenset[str] = frozenset()
        self.tags: list[str] = []
        self._counts_pending = False

    @property
    def current_article(self) -> Article | None:
        """The highlighted article (the target of r, s, b, t, o)."""
        return self.query_one(ArticleList).current

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="list-pane"):
                yield SearchBar(id="search")
                yield Static("Opening the library…", id="status")
                yield ArticleList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(ArticleList).focus()

    def library_ready(self) -> None:
        """The library is open: fill the list, then the sidebar."""
        # The sidebar's counts scan the whole library (0.35 s at 100k articles); started
        # together, they could take the library lock first and hold back the first rows.
        self._counts_pending = True
        self.reload()

    # -- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the current search, or the current view, from the top."""
        if self.search_text:
            self.run_search(self.search_text)
        elif self.view.search:
            self.run_search(self.view.search, from_sidebar=True)
        else:
            self.generation += 1
            self._load_page(self.generation, self.view, 0)

    def run_search(self, text: str, *, from_sidebar: bool = False) -> None:
        """Search now (the search bar calls this once typing pauses)."""
        self.generation += 1
        if not from_sidebar:
            self.search_text = text
        self._search(self.generation, text, self.sort if not from_sidebar else "newest")

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing")
    def _load_page(self, generation: int, view: View, offset: int) -> None:
        try:
            with self.app.library_session() as library:
                total = library.count(view.filter)
                articles = library.listing(view.filter, limit=PAGE, offset=offset)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(ListingLoaded(generation, articles, offset, total))

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing")
    def _search(self, generation: int, text: str, sort: str, offset: int = 0) -> None:
        try:
            with self.app.library_session() as library:
                results = library.search(text, limit=offset + SEARCH_PAGE, sort=sort,
                                         snippets=False)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc, generation))
            return
        if offset:
            more = [hit.article for hit in results.hits[offset:]]
            self.post_message(ListingLoaded(generation, more, offset, results.total))
        else:
            self.post_message(SearchFinished(generation, results))

    def refresh_counts(self) -> None:
        """Recount the sidebar in the background (after any change)."""
        self._counts()

    @work(thread=True, exclusive=True, exit_on_error=False, group="counts")
    def _counts(self) -> None:
        try:
            with self.app.library_session() as library:
                fixed = _fixed_counts(library)
                views = library.view_counts()
                counts = CountsLoaded(fixed, views.searches, views.tags, views.outlets)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(counts)

    # -- results arriving -------------------------------------------------------------------

    def on_listing_loaded(self, message: ListingLoaded) -> None:
        if message.generation != self.generation:
            return
        listing = self.query_one(ArticleList)
        if message.offset:
            listing.extend(message.articles)
            return
        self.terms = frozenset()
        listing.show(message.articles, message.total)
        self._status(f"{self.view.label} · {_count(message.total, 'article')}")
        if self._counts_pending:
            self._counts_pending = False
            self.refresh_counts()

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.generation != self.generation:
            return
        results = message.results
        self.terms = message.results.terms
        articles = [hit.article for hit in results.hits]
        self.query_one(ArticleList).show(articles, results.total)
        if self.search_text:
            sort = f"by {self.sort}"
            self._status(f"Search “{self.search_text}” · {_count(results.total, 'match')}"
                         f" · {sort}")
        else:
            self._status(f"{self.view.label} · {_count(results.total, 'match')}")

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        self.tags = [t for t, _n, _u in message.tags]
        self.query_one(Sidebar).update_counts(message)

    def on_library_failed(self, message: LibraryFailed) -> None:
        if message.generation not in (-1, self.generation):
            return
        self.app.show_error(message.error)

    def article_changed(self, article: Article) -> None:
        """Marks or tags of an article changed: redraw its row and recount."""
        self.query_one(ArticleList).update_article(article)
        self.refresh_counts()

    def _status(self, text: str) -> None:
        # A search text or a view name: plain text, never markup or control characters.
        self.query_one("#status", Static).update(Text(visible_line(text)))

    # -- user actions ---------------------------------------------------------------------

    @on(Sidebar.Selected)
    def _view_chosen(self, event: Sidebar.Selected) -> None:
        if event.view.key == STORIES.key:
            self.action_stories()
            return
        self._clear_search()
        self.view = event.view
        self.query_one(ArticleList).focus()

    def watch_view(self) -> None:
        self.reload()

    def action_stories(self) -> None:
        """The stories of what the list shows: the search, else the sidebar view."""
        text = self.search_text or self.view.search
        if text:
            def source(library: Library) -> list[str]:
                hits = library.search(text, limit=STORIES_LIMIT, snippets=False).hits
                return [h.article.id for h in hits]
            label = text
        else:
            view = self.view

            def source(library: Library) -> list[str]:
                return library.ids(view.filter, limit=STORIES_LIMIT)
            label = view.label
        self.app.push_screen(StoriesScreen(source, label))

    @on(ArticleList.Opened)
    def _open(self, event: ArticleList.Opened) -> None:
        self.app.push_screen(ReaderScreen(event.article, self.terms))

    @on(ArticleList.NeedMore)
    def _more(self, event: ArticleList.NeedMore) -> None:
        if self.search_text:
            self._search(self.generation, self.search_text, self.sort, event.offset)
        elif self.view.search:
            self._search(self.generation, self.view.search, "newest", event.offset)
        else:
            self._load_page(self.generation, self.view, event.offset)

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    @on(SearchBar.Query)
    def _typed(self, event: SearchBar.Query) -> None:
        if event.text:
            self.run_search(event.text)
        elif self.search_text:
            self._clear_search()
            self.reload()

    @on(SearchBar.Kept)
    def _kept(self, event: SearchBar.Kept) -> None:
        if event.text != self.search_text:
            self._typed(SearchBar.Query(event.text))
        self.query_one(SearchBar).display = bool(event.text)
        self.query_one(ArticleList).focus()

    @on(SearchBar.Cleared)
    def _cleared(self) -> None:
        had_query = bool(self.search_text)
        self._clear_search()
        self.query_one(ArticleList).focus()
        if had_query:
            self.reload()

    def _clear_search(self) -> None:
        self.search_text = ""
        bar = self.query_one(SearchBar)
        bar.reset()
        bar.display = False

    def action_toggle_sort(self) -> None:
        if not self.search_text:
            self.notify("Lists are newest first; sorting by relevance needs a search (/).")
            return
        self.sort = _other(self.sort)

    def watch_sort(self) -> None:
        if self.search_text:
            self.run_search(self.search_text)


def _fixed_counts(library: Library) -> dict[str, tuple[int, int]]:
    """(articles, unread) of each fixed view, each distinct filter counted once."""
    counted: dict[Filter, int] = {}

    def count(where: Filter) -> int:
        if where not in counted:
            counted[where] = library.count(where)
        return counted[where]

    return {view.key: (count(view.filter), count(replace(view.filter, read=False)))
            for view in FIXED}


def _other(sort: str) -> str:
    return "newest" if sort == "relevance" else "relevance"


def _count(n: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{n:,} {noun if n == 1 else plural}"
