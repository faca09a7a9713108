"""The reader: a Textual app to read, search, tag and pick articles for the briefing."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from index.errors import NewsdeskError, StoreError
from index.models import Article
from index.textsafe import visible, visible_line
from tui.commands import NewsdeskCommands
from tui.edits import ArticleEdits
from tui.messages import ArticleChanged, LibraryFailed, SearchSaved
from tui.screens.base import ArticleScreen
from tui.screens.main import MainScreen
from tui.widgets.sidebar import View

# The library loads Whoosh and numpy (most of a second): the first rows come from a glance
# at the store (index/glance.py) while it loads in a worker.
if TYPE_CHECKING:
    from index.library import Library

    Job = Callable[[Library], Message | None]


class LibraryOpened(Message):
    """The library folder is open and ready."""


class NewsdeskApp(ArticleEdits):
    """Read, search, tag and pick articles for the briefing."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [  # type: ignore[misc]
        (0, "-narrow"), (100, "-wide")]
    # The footer shows these in order and cuts what does not fit: the essentials come first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "toggle_read", "Read",
                tooltip="Toggle read (newsboat's r reloads a feed: here R reloads)"),
        Binding("s", "toggle_star", "Star", tooltip="Star or unstar"),
        Binding("b", "toggle_basket", "Basket",
                tooltip="Put in, or take out of, the briefing basket"),
        Binding("t", "edit_tags", "Tags",
                tooltip="Change tags: +tag or a bare tag adds, -tag removes; others stay"),
        Binding("B", "build_briefing", "Brief",
                tooltip="Write the briefing (PDF + Markdown) from the basket"),
        Binding("question_mark", "help", "Help", key_display="?",
                tooltip="Every key, and what the row marks mean"),
        Binding("o", "open_link", "Open link", show=False,
                tooltip="Open the link in $BROWSER (a terminal browser takes the screen)"),
        Binding("y", "copy_link", "Copy link", show=False,
                tooltip="Copy the link to the clipboard (OSC 52: works over SSH)"),
        Binding("d", "delete", "Delete", show=False,
                tooltip="Delete the article(s) from the library (asks first; u undoes)"),
        Binding("u", "undo", "Undo", show=False,
                tooltip="Undo the last mark, tag, title edit or delete"),
        Binding("R", "reload", "Reload", show=False,
                tooltip="Reload the list and counts (they also follow the library by themselves)"),
        Binding("a", "add_articles", "Add articles", show=False,
                tooltip="Add files, folders or URLs to the library"),
        Binding("ctrl+l", "redraw", "Redraw", show=False, tooltip="Redraw the screen"),
    ]

    def __init__(self, library_path: str | None = None) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        # One sqlite3 connection, many threads: every use of it holds this lock.
        self._db_lock = threading.Lock()
        self._jobs: deque[Job] = deque()
        self._jobs_lock = threading.Lock()
        self._writing = False
        self._opening = False

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

    def try_library(self, use: Callable[[Library], int]) -> int | None:
        """Run a quick call on the UI thread if the library is free right now, else None."""
        if not self._db_lock.acquire(blocking=False):
            return None
        try:
            return use(self.library) if self.library is not None else None
        except StoreError:
            return None  # busy or locked by another process: ask again next time
        finally:
            self._db_lock.release()

    def write(self, job: Job) -> None:
        """Run a library change on the writer thread, in order; its message is posted after."""
        with self._jobs_lock:
            self._jobs.append(job)
            if self._writing:
                return
            self._writing = True
        self._writer()

    @work(thread=True, exit_on_error=False, group="writer")
    def _writer(self) -> None:
        # One thread at a time applies changes in the order asked, so fast keys never race;
        # it ends when the queue is empty (a new change starts another).
        while True:
            with self._jobs_lock:
                if not self._jobs:
                    self._writing = False
                    return
                job = self._jobs.popleft()
            try:
                with self.library_session() as library:
                    message = job(library)
                if message is not None:
                    self.post_message(message)
            except NewsdeskError as exc:
                self.post_message(LibraryFailed(exc))

    def on_mount(self) -> None:
        self.push_screen(MainScreen())  # its first rows come first, then open_library

    def open_library(self) -> None:
        """Open the library in the background (once); LibraryOpened says it is ready."""
        if not self._opening:
            self._opening = True
            self._open_library()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _open_library(self) -> None:
        from index.library import Library  # here, off the UI thread: it takes a while

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

    def on_unmount(self) -> None:
        if self.library is not None:
            with self._db_lock:
                self.library.close()

    # -- messages from workers ----------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def article_screens(self) -> list[ArticleScreen]:
        """The screens showing articles, front last."""
        return [s for s in self.screen_stack if isinstance(s, ArticleScreen)]

    def on_article_changed(self, message: ArticleChanged) -> None:
        for screen in self.article_screens():
            for article in message.articles:
                screen.article_changed(article)
        self.main_screen.refresh_counts()

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

    # -- the articles keys act on --------------------------------------------------------------

    def current_article(self) -> Article | None:
        """The article the screen in front is about, if any."""
        screens = self.article_screens()
        return screens[-1].current_article if screens else None

    def targets(self) -> list[Article]:
        """What an article key acts on: the front screen's selection, else its article."""
        screens = self.article_screens()
        found = screens[-1].targets if screens else []
        if not found:
            self.notify("No article selected.", severity="warning")
        return found

    # -- screens and the whole library ------------------------------------------------------

    def action_search(self) -> None:
        self._to_main().action_search()

    def _to_main(self) -> MainScreen:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        return self.main_screen

    def action_help(self) -> None:
        # Imported here: the help's table of keys imports every screen, which the first
        # screen does not need.
        from tui.keys import READING, help_sections
        from tui.screens.help import HelpScreen
        from tui.screens.reader import ReaderScreen

        if not isinstance(self.screen, HelpScreen):
            start = READING if isinstance(self.screen, ReaderScreen) else ""
            self.push_screen(HelpScreen(help_sections(self), start))

    def show_view(self, view: View) -> None:
        """Go to the list and show a view there (the palette's "Go to")."""
        self._to_main().show_view(view)

    def action_reload(self) -> None:
        for screen in self.article_screens():
            screen.library_changed()

    def action_redraw(self) -> None:
        self.refresh(repaint=True, layout=True)
        self.screen.refresh(repaint=True, layout=True)
