"""The main screen: sidebar of views, the search bar and the article list."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Footer, Static

from index.errors import NewsdeskError
from index.filters import Filter, Sort
from index.glance import first_page
from index.models import Article
from index.textsafe import visible_line
from tui.messages import CountsLoaded, LibraryFailed, ListingLoaded, Request
from tui.screens.base import ArticleScreen
from tui.widgets.article_list import PAGE, ArticleList
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import FIXED, STORIES, Sidebar, View

if TYPE_CHECKING:
    from index.library import Library
    from tui.app import NewsdeskApp

# Hits per search page; more load on scroll. Filling the list costs about 1 ms a row, so a
# first page of 50 keeps results near 130-145 ms (median) after the pause at 100k articles.
SEARCH_PAGE = 50
STORIES_LIMIT = 1000  # newest articles of a view grouped into stories (about 2 s at first)
WATCH_EVERY = 1.0  # seconds between looks at the library for changes by other programs


class MainScreen(ArticleScreen):
    """Where the day is spent: pick a view or search, move through the list, open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings run as the key arrives, so the focus moves before the next key of
        # a fast burst (or a paste) is routed: every key after / is the box's, every key
        # after Enter or Esc in the box is the list's.
        Binding("slash", "search", "Search", priority=True,
                tooltip="Search as you type; Enter keeps the results, Esc drops them"),
        Binding("enter", "keep_search", "Keep results", priority=True,
                tooltip="In the search box: keep the results, go to the list"),
        Binding("escape", "drop_search", "Drop search", priority=True,
                tooltip="In the search box: drop the search, back to the list"),
        Binding("q", "app.quit", "Quit", tooltip="Quit (in the reader: back to the list)"),
        Binding("A", "mark_all_read", "Mark all read", show=False,
                tooltip="Mark every article of this view or search read (u undoes)"),
        Binding("O", "toggle_sort", "Sort", show=False,
                tooltip="Sort search results by relevance or newest"),
        Binding("ctrl+s", "app.save_search", "Save search", show=False,
                tooltip="Save the current search under a name (then @name finds it)"),
        Binding("S", "stories", "Stories", show=False,
                tooltip="The stories of this list: its articles grouped, most important first"),
        Binding("h,left", "focus_sidebar", "To the sidebar", show=False),
    ]

    view: reactive[View] = reactive(FIXED[0], init=False)
    """The sidebar view the list shows when no search is active."""
    search_text: reactive[str] = reactive("", init=False)
    """The active search ("" when none)."""
    sort: reactive[Sort] = reactive[Sort]("relevance", init=False)
    """How search results are ordered: relevance or newest."""

    app: NewsdeskApp

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0  # bumped by every fresh list: late results of older ones are dropped
        self.terms: frozenset[str] = frozenset()
        self.tags: list[str] = []
        self.basket_count: int | None = None
        self._counts_pending = False
        # Bumped by every recount: a replaced count's thread runs on and may report after the
        # newer one, with the numbers from before the change (Textual cannot stop a thread).
        self.counts_generation = 0
        self._searched = False  # the list shows a search's matches, not a view's articles
        self._data_version: int | None = None

    @property
    def listing(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    @property
    def current_article(self) -> Article | None:
        """The highlighted article (the target of r, s, b, t, o)."""
        return self.listing.current

    @property
    def targets(self) -> list[Article]:
        return self.listing.selected or super().targets

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="list-pane"):
                yield SearchBar(id="search")
                yield Static("Opening the library…", id="status")
                yield ArticleList(id="articles")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.listing.focus()
        self._glance(self.generation, self.view)

    @dataclass
    class Glanced(Message):
        """The first rows, read straight from the store (None if it could not simply be read)."""

        page: ListingLoaded | None

    @work(thread=True, exclusive=True, exit_on_error=False, group="glance")
    def _glance(self, generation: int, view: View) -> None:
        # The first rows straight from the store, before the library (Whoosh, numpy: most of
        # a second on a busy machine) loads.
        found = first_page(self.app.library_path, view.filter, PAGE)
        page = None
        if found is not None:
            page = ListingLoaded(generation, found[0], found[1], Request(limit=PAGE))
        self.post_message(self.Glanced(page))

    def on_main_screen_glanced(self, message: Glanced) -> None:
        if message.page is not None:
            self.on_listing_loaded(message.page)
        # Loading the library takes the CPU for a while: only once these rows are drawn.
        self.call_after_refresh(self.app.open_library)

    def library_ready(self) -> None:
        """The library is open: fill the list, then the sidebar, then watch for changes."""
        # The sidebar's counts scan the whole library (0.35 s at 100k articles); started
        # together, they could take the library lock first and hold back the first rows.
        self._counts_pending = True
        self.reload(keep_cursor=True)  # the glance's rows may be there: the cursor stays
        self._data_version = self.app.try_library(lambda lib: lib.data_version())
        self.set_interval(WATCH_EVERY, self._watch_library)

    def _watch_library(self) -> None:
        # Another program (newsdesk add, a cron fetch) changed the library: follow it.
        version = self.app.try_library(lambda lib: lib.data_version())
        if version is not None and version != self._data_version:
            self.follow_library(version)

    def follow_library(self, version: int | None = None) -> None:
        """Show every screen afresh after a change made through another connection (another
        program, or the reader's own `a`); the watch counts from here on, so it does not
        follow the same change a second time."""
        if version is None:
            version = self.app.try_library(lambda lib: lib.data_version())
        if version is not None:
            self._data_version = version
        self.app.action_reload()

    # -- loading ------------------------------------------------------------------------

    def reload(self, *, keep_cursor: bool = False) -> None:
        """Show the current search or view afresh: from the top, or keeping the cursor."""
        listing = self.listing
        current = listing.current
        if keep_cursor and current is not None:
            start, _total = listing.position
            base = start - 1 - listing.cursor_row
            self._fetch(Request(offset=base, limit=max(PAGE, len(listing.articles)),
                                keep=current.id, cursor=start - 1))
        else:
            self._fetch(Request(limit=self._page()))

    def _page(self) -> int:
        return SEARCH_PAGE if (self.search_text or self.view.search) else PAGE

    def _fetch(self, request: Request) -> None:
        if request.replace:
            self.generation += 1
        if self.search_text:
            self._search(self.generation, self.search_text, self.sort, request)
        elif self.view.search:
            self._search(self.generation, self.view.search, "newest", request)
        else:
            self._load_page(self.generation, self.view, request)

    def run_search(self, text: str) -> None:
        """Search now (the search bar calls this once typing pauses)."""
        self.search_text = text
        self._fetch(Request(limit=SEARCH_PAGE))

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing")
    def _load_page(self, generation: int, view: View, request: Request) -> None:
        try:
            with self.app.library_session() as library:
                total = library.count(view.filter)
                articles = library.listing(view.filter, limit=request.limit,
                                           offset=request.offset)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(ListingLoaded(generation, articles, total, request))

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing")
    def _search(self, generation: int, text: str, sort: Sort, request: Request) -> None:
        try:
            with self.app.library_session() as library:
                # exact: the list pages and jumps to its end by the count
                results = library.search(text, limit=request.offset + request.limit, sort=sort,
                                         snippets=False, exact=True)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc, generation))
            return
        hits = [hit.article for hit in results.hits[request.offset:]]
        self.post_message(ListingLoaded(generation, hits, results.total, request,
                                        terms=results.terms))

    def refresh_counts(self) -> None:
        """Recount the sidebar in the background (after any change)."""
        self.counts_generation += 1
        self._counts(self.counts_generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="counts")
    def _counts(self, generation: int) -> None:
        try:
            with self.app.library_session() as library:
                fixed = _fixed_counts(library)
                views = library.view_counts()
                counts = CountsLoaded(fixed, views.searches, views.tags, views.outlets,
                                     generation)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(counts)

    # -- results arriving -------------------------------------------------------------------

    def on_listing_loaded(self, message: ListingLoaded) -> None:
        if message.generation != self.generation:
            return
        request = message.request
        if not request.replace:
            self.listing.extend(message.articles, request.offset)
            return
        self.terms = message.terms or frozenset()
        keep, cursor = request.keep, request.cursor
        if keep is not None and (current := self.listing.current) is not None:
            # The cursor may have moved while the rows loaded: it stays where it is now.
            keep, cursor = current.id, self.listing.position[0] - 1
        self.listing.show(message.articles, message.total, base=request.offset,
                          keep=keep, cursor=cursor)
        self._searched = message.terms is not None
        self._status(self._describe(message.total))
        if self._counts_pending:
            self._counts_pending = False
            self.refresh_counts()

    def _describe(self, total: int) -> str:
        """The status line: the view or search shown, and how many articles it holds."""
        if not self._searched:
            return f"{self.view.label} · {_count(total, 'article')}"
        if not self.search_text:
            return f"{self.view.label} · {_count(total, 'match')}"
        return f"Search “{self.search_text}” · {_count(total, 'match')} · by {self.sort}"

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        if message.generation != self.counts_generation:
            return  # counted before a later change: the newer count is on its way
        self.tags = [t for t, _n, _u in message.tags]
        self.basket_count = message.fixed["basket"][0]
        self.query_one(Sidebar).update_counts(message)

    def on_library_failed(self, message: LibraryFailed) -> None:
        message.stop()  # shown here, once: not again by the app
        if message.generation not in (-1, self.generation):
            return
        if message.generation == self.generation:
            # The query failed: its results are not the old ones, so show none.
            self.listing.show([], 0)
            self._status(f"Search “{self.search_text}”: {message.error.message}", error=True)
        self.app.show_error(message.error)

    def article_changed(self, article: Article) -> None:
        """Marks or tags of an article changed: redraw its row."""
        self.listing.update_article(article)

    def article_deleted(self, article_id: str) -> None:
        """An article was deleted: drop its row, and count one fewer."""
        if self.listing.remove_article(article_id):
            self._status(self._describe(self.listing.position[1]))

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.set_class(error, "-error")
        # A search text or a view name: plain text, never markup or control characters.
        status.update(Text(visible_line(text)))

    # -- views ------------------------------------------------------------------------------

    def known_views(self) -> list[View]:
        """Every view the sidebar offers (for the palette's "Go to")."""
        return self.query_one(Sidebar).views

    def show_view(self, view: View) -> None:
        """Show a view in the list, as if chosen in the sidebar."""
        if view.key == STORIES.key:
            self.action_stories()
            return
        self._clear_search()
        self.query_one(Sidebar).highlight(view)
        if view == self.view:
            self.reload()
        self.view = view
        self.listing.focus()

    @on(Sidebar.Selected)
    def _view_chosen(self, event: Sidebar.Selected) -> None:
        self.show_view(event.view)

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
        from tui.screens.stories import StoriesScreen  # not needed for the first screen

        self.app.push_screen(StoriesScreen(source, label))

    def action_focus_sidebar(self) -> None:
        self.query_one(Sidebar).focus()

    # -- the list ---------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _open(self, event: ArticleList.Opened) -> None:
        # Imported here: the reader's Markdown widget is not needed for the first screen.
        from tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(event.article, self.terms, self))

    @on(ArticleList.Wanted)
    def _more(self, event: ArticleList.Wanted) -> None:
        limit = self._page()
        if event.cursor is None:
            self._fetch(Request(offset=event.offset, limit=limit, replace=False))
        else:
            self._fetch(Request(offset=event.offset, limit=limit, cursor=event.cursor))

    def step(self, step: int, *, unread: bool = False) -> Article | None:
        """Move the list's cursor to the next (or previous) article; None at the end."""
        found = self.listing.neighbour(step, unread=unread)
        if found is not None:
            self.listing.go_to(found.id)
        return found

    def position(self) -> tuple[int, int]:
        """Where the cursor is in the list (from 1), and the list's length."""
        return self.listing.position

    def action_mark_all_read(self) -> None:
        self.app.mark_all_read(self.shown)

    @property
    def shown(self) -> Filter:
        """What the list shows: the search's matches, else the view's articles."""
        text = self.search_text or self.view.search
        return Filter(query=text) if text else self.view.filter

    def library_changed(self) -> None:
        """Reload the list (the cursor stays) and the counts."""
        self.reload(keep_cursor=True)
        self.refresh_counts()

    # -- searching --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_box = isinstance(self.focused, SearchBar)
        if action == "search":
            return not in_box  # in the box, / is a character like any other
        if action in ("keep_search", "drop_search"):
            return in_box
        return True

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        # At once, not after a refresh: keys typed right after / belong to the box.
        self.set_focus(bar)

    @on(SearchBar.Query)
    def _typed(self, event: SearchBar.Query) -> None:
        if event.text:
            self.run_search(event.text)
        elif self.search_text:
            # An emptied box shows the plain list again but stays open for typing.
            self.search_text = ""
            self.reload()

    def action_keep_search(self) -> None:
        bar = self.query_one(SearchBar)
        text = bar.take()
        if text != self.search_text:
            self._typed(SearchBar.Query(text))
        bar.display = bool(text)
        self.set_focus(self.listing)

    def action_drop_search(self) -> None:
        had_query = bool(self.search_text)
        self._clear_search()
        self.set_focus(self.listing)
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


def _other(sort: Sort) -> Sort:
    return "newest" if sort == "relevance" else "relevance"


def _count(n: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{n:,} {noun if n == 1 else plural}"
