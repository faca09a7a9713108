"""The reader: a Textual app to read, search, tag and pick articles for the briefing."""

from __future__ import annotations

import asyncio
import queue
import shlex
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import get_current_worker

from index.errors import NewsdeskError, StoreError
from index.library import Library
from index.models import Article
from index.textsafe import visible, visible_line
from tui.commands import NewsdeskCommands
from tui.messages import (
    ArticleChanged,
    ArticlesAdded,
    BriefingBuilt,
    LibraryFailed,
    SearchSaved,
)
from tui.screens.dialogs import PromptDialog, TagDialog, parse_tags
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

Job = Callable[[Library], Message | None]


class LibraryOpened(Message):
    """The library folder is open and ready."""


class NewsdeskApp(App[None]):
    """Read, search, tag and pick articles for the briefing."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "toggle_read", "Read"),
        Binding("s", "toggle_star", "Star"),
        Binding("b", "toggle_basket", "Basket"),
        Binding("t", "edit_tags", "Tags"),
        Binding("o", "open_link", "Link", show=False),
        Binding("B", "build_briefing", "Brief"),
        Binding("a", "add_articles", "Add", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, library_path: str | None = None) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        # One sqlite3 connection, many threads: every use of it holds this lock.
        self._db_lock = threading.Lock()
        self._writes: queue.Queue[Job] = queue.Queue()
        self.first_screen = asyncio.Event()
        """Set once the first screen is drawn (the benchmark waits on it)."""

    # -- the library and its lock -------------------------------------------------------------

    @contextmanager
    def library_session(self) -> Iterator[Library]:
        """The open library, held for this thread alone; NewsdeskError if it is not open."""
        with self._db_lock:
            if self.library is None:
                raise NewsdeskError("the library is not open yet")
            try:
                yield self.library
            except StoreError as exc:
                raise NewsdeskError(f"library database error: {exc}",
                                    hint="another program may hold the library busy") from exc
            except OSError as exc:
                raise NewsdeskError(f"cannot use the library files: {exc}") from exc

    def write(self, job: Job) -> None:
        """Run a library change on the writer thread, in order; its message is posted after."""
        self._writes.put(job)

    def writes_settled(self) -> None:
        """Block until every queued change is saved (tests call this in a thread)."""
        self._writes.join()

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        self.call_after_refresh(self.first_screen.set)
        self._open_library()
        self._writer()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _open_library(self) -> None:
        try:
            library = Library.open(self.library_path)
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        with self._db_lock:
            self.library = library
        self.post_message(LibraryOpened())

    def on_library_opened(self) -> None:
        self.main_screen.library_ready()

    @work(thread=True, exclusive=True, exit_on_error=False, group="writer")
    def _writer(self) -> None:
        # One thread applies changes in the order asked, so fast repeated keys never race.
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                job = self._writes.get(timeout=0.1)
            except queue.Empty:
                continue
            try:
                with self.library_session() as library:
                    message = job(library)
                if message is not None:
                    self.post_message(message)
            except NewsdeskError as exc:
                self.post_message(LibraryFailed(exc))
            finally:
                self._writes.task_done()

    def on_unmount(self) -> None:
        if self.library is not None:
            with self._db_lock:
                self.library.close()

    # -- messages from workers ----------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def on_article_changed(self, message: ArticleChanged) -> None:
        for screen in self.screen_stack:
            changed = getattr(screen, "article_changed", None)
            if changed is not None:
                changed(message.article)

    def on_library_failed(self, message: LibraryFailed) -> None:
        self.show_error(message.error)

    def show_error(self, error: NewsdeskError) -> None:
        """A user-fixable problem as an error notification (never a crash)."""
        text = error.message + (f"\n{error.hint}" if error.hint else "")
        self.notify(visible(text), title="Problem", severity="error", timeout=6, markup=False)

    def on_search_saved(self, message: SearchSaved) -> None:
        name = visible_line(message.name)
        self.notify(f"Saved as @{name} (newsdesk brief --search {name})", markup=False)
        self.main_screen.refresh_counts()

    def on_articles_added(self, message: ArticlesAdded) -> None:
        by_status: dict[str, int] = {}
        for result in message.results:
            by_status[result.status] = by_status.get(result.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in by_status.items()) or "nothing"
        errors = [f"{r.origin}: {r.error}" for r in message.results if r.status == "error"]
        self.notify(visible(summary + "".join(f"\n{e}" for e in errors[:5])), title="Add",
                    severity="error" if errors else "information", markup=False)
        self.main_screen.reload()
        self.main_screen.refresh_counts()

    def on_briefing_built(self, message: BriefingBuilt) -> None:
        self.notify(visible(f"{message.count} articles\n" + "\n".join(message.paths)),
                    title="Briefing written", timeout=15, markup=False)

    # -- actions on the current article ------------------------------------------------------

    def current_article(self) -> Article | None:
        """The article the screen in front is about, if any."""
        for screen in reversed(self.screen_stack):
            if hasattr(screen, "current_article"):
                return screen.current_article  # type: ignore[no-any-return]
        return None

    def _with_article(self) -> Article | None:
        article = self.current_article()
        if article is None:
            self.notify("No article selected.", severity="warning")
        return article

    def _mark(self, **flags: bool) -> None:
        article = self._with_article()
        if article is not None:
            aid = article.id
            self.write(lambda lib: ArticleChanged(lib.mark(aid, **flags)))

    def action_toggle_read(self) -> None:
        if article := self.current_article():
            self._mark(read=not article.read)

    def action_toggle_star(self) -> None:
        if article := self.current_article():
            self._mark(starred=not article.starred)

    def action_toggle_basket(self) -> None:
        if article := self.current_article():
            self._mark(in_basket=not article.in_basket)

    def action_edit_tags(self) -> None:
        article = self._with_article()
        if article is None:
            return
        aid, current = article.id, article.tags

        def apply(typed: str | None) -> None:
            if typed is None:
                return
            change = parse_tags(typed, current)
            if change.add or change.remove:
                self.write(lambda lib: ArticleChanged(lib.tag(aid, change.add, change.remove)))

        self.push_screen(TagDialog(article.title, current, self.main_screen.tags), apply)

    def action_open_link(self) -> None:
        article = self._with_article()
        if article is None:
            return
        if not article.url:
            self.notify("This article has no link (it was added from a file).",
                        severity="warning")
            return
        self._open_in_browser(article.url)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # webbrowser may start a console browser and wait for it: never on the UI thread.
        if not webbrowser.open(url):
            self.call_from_thread(self.notify, f"No browser to open {url}", severity="warning")

    # -- library-wide actions -------------------------------------------------------------------

    def action_search(self) -> None:
        self._to_main().action_search()

    def action_toggle_sort(self) -> None:
        self._to_main().action_toggle_sort()

    def _to_main(self) -> MainScreen:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        return self.main_screen

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save_search(self) -> None:
        query = self.main_screen.search_text
        if not query:
            self.notify("Search first (/), then save it with ctrl+s.", severity="warning")
            return

        def save(name: str | None) -> None:
            if name and name.strip():
                clean = name.strip().lstrip("@")

                def job(lib: Library) -> Message:
                    lib.save_search(clean, query)
                    return SearchSaved(clean)

                self.write(job)

        self.push_screen(PromptDialog(f"Save “{query}” as", "One word, like iraq-border.",
                                      placeholder="name"), save)

    def action_add_articles(self) -> None:
        def add(typed: str | None) -> None:
            if not typed or not typed.strip():
                return
            try:
                args = shlex.split(typed)
            except ValueError as exc:
                self.show_error(NewsdeskError(f"cannot read that list: {exc}",
                                              hint="quote paths that contain spaces"))
                return
            self._add(args)

        self.push_screen(PromptDialog("Add articles", "Files, folders or URLs, space-separated; "
                                      "quote paths with spaces.", placeholder="~/clips"), add)

    @work(thread=True, exclusive=True, exit_on_error=False, group="add")
    def _add(self, args: list[str]) -> None:
        # A library of its own: fetching URLs is slow and must not hold the shared lock.
        try:
            with Library.open(self.library_path) as library:
                results = list(library.add(args))
        except (NewsdeskError, OSError, StoreError) as exc:
            error = exc if isinstance(exc, NewsdeskError) else NewsdeskError(str(exc))
            self.post_message(LibraryFailed(error))
            return
        self.post_message(ArticlesAdded(results))

    def action_build_briefing(self) -> None:
        self.notify("Building the briefing from the basket…", timeout=3)
        self._build_briefing()

    @work(thread=True, exclusive=True, exit_on_error=False, group="briefing")
    def _build_briefing(self) -> None:
        # Imported here: the briefing pulls in sumy and WeasyPrint, which take time to load.
        from briefing.build import Selection, write_briefing
        from briefing.registry import FORMATS

        try:
            with Library.open(self.library_path) as library:
                folder = library.root / "briefings"
                folder.mkdir(exist_ok=True)
                stem = folder / f"briefing-{datetime.now():%Y-%m-%d-%H%M%S}"
                files = write_briefing(
                    library, Selection(basket=True),
                    outputs={name: stem.with_suffix("." + kind.suffix)
                             for name, kind in FORMATS.items() if kind.by_default})
        except (NewsdeskError, OSError, StoreError) as exc:
            error = exc if isinstance(exc, NewsdeskError) else NewsdeskError(str(exc))
            self.post_message(LibraryFailed(error))
            return
        paths = [str(p) for p in files.paths.values()]
        self.post_message(BriefingBuilt(paths, files.articles))
