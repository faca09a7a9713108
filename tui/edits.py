"""The reader's actions on articles and the library: marks, tags, links, undo, add, brief."""

from __future__ import annotations

import json
import shlex
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SuspendNotSupported
from textual.message import Message

from index.errors import NewsdeskError, StoreError
from index.filters import Filter
from index.models import Article
from index.tags import parse_typed
from index.textsafe import visible
from tui.browser import Launch, choose
from tui.messages import (
    ArticleChanged,
    ArticlesAdded,
    ArticlesDeleted,
    ArticlesMarked,
    BriefingBuilt,
    LibraryFailed,
    SearchSaved,
)
from tui.screens.dialogs import ConfirmDialog, PromptDialog, TagDialog

if TYPE_CHECKING:  # the library loads Whoosh and numpy: imported where it is used
    from index.library import Library
    from tui.screens.base import ArticleScreen
    from tui.screens.main import MainScreen

    Job = Callable[[Library], Message | None]
FLAGS = ("read", "starred", "in_basket")


class ArticleEdits(App[None]):
    """The app's actions on the articles its keys target (NewsdeskApp is the one subclass)."""

    if TYPE_CHECKING:  # provided by NewsdeskApp
        library_path: str | None

        def write(self, job: Job) -> None: ...
        def targets(self) -> list[Article]: ...
        def current_article(self) -> Article | None: ...
        def show_error(self, error: NewsdeskError) -> None: ...
        @property
        def main_screen(self) -> MainScreen: ...
        def article_screens(self) -> list[ArticleScreen]: ...

    _undo: tuple[str, Job] | None = None

    # -- marks and tags, with one step of undo ------------------------------------------------

    def _change(self, what: str, do: Job, undo: Job) -> None:
        self._undo = (what, undo)
        self.write(do)

    def _toggle(self, flag: str) -> None:
        articles = self.targets()
        if not articles:
            return
        # Several articles: set them all the way the first is not (like mutt's tagged ops).
        value = not getattr(articles[0], flag)
        ids = [a.id for a in articles]
        before = [(a.id, getattr(a, flag)) for a in articles]

        def do(lib: Library) -> Message:
            return ArticleChanged([lib.mark(aid, **{flag: value}) for aid in ids])

        def undo(lib: Library) -> Message:
            return ArticleChanged([lib.mark(aid, **{flag: old}) for aid, old in before])

        self._change(flag.replace("_", " "), do, undo)

    def action_toggle_read(self) -> None:
        self._toggle("read")

    def action_toggle_star(self) -> None:
        self._toggle("starred")

    def action_toggle_basket(self) -> None:
        self._toggle("in_basket")

    def mark_all_read(self, where: Filter) -> None:
        """Mark every article the filter matches read (newsboat's A), undoably: the whole
        view, not only the rows loaded so far."""

        def do(lib: Library) -> Message:
            changed[:] = lib.mark_all(where, read=True)
            return ArticlesMarked(len(changed), "read")

        def undo(lib: Library) -> Message:
            lib.mark_many(changed, read=False)
            return ArticlesMarked(len(changed), "unread", quiet=True)

        changed: list[str] = []
        self._change("mark all read", do, undo)

    def on_articles_marked(self, message: ArticlesMarked) -> None:
        for screen in self.article_screens():
            screen.library_changed()  # the list reloads and recounts
        if not message.quiet:
            noun = "article" if message.count == 1 else "articles"
            self.notify(f"Marked {message.count:,} {noun} {message.mark}"
                        + (" (u undoes)." if message.count else "."), timeout=4)

    def action_edit_tags(self) -> None:
        articles = self.targets()
        if not articles:
            return
        first = articles[0]
        single = len(articles) == 1
        title = first.title if single else f"{len(articles)} selected articles"

        def apply(typed: str | None) -> None:
            if typed is not None:
                self._retag(articles, typed)

        self.push_screen(TagDialog(title, first.tags if single else (), self.main_screen.tags),
                         apply)

    def _retag(self, articles: list[Article], typed: str) -> None:
        change = parse_typed(typed)
        if not change:
            return
        changes = [(a.id, a.tags) for a in articles]

        def do(lib: Library) -> Message:
            return ArticleChanged([lib.tag(aid, change.add, change.remove) for aid, _ in changes])

        def undo(lib: Library) -> Message:
            restored = []
            for aid, old in changes:
                now = lib.get(aid).tags
                restored.append(lib.tag(aid, [t for t in old if t not in now],
                                        [t for t in now if t not in old]))
            return ArticleChanged(restored)

        self._change("tags", do, undo)

    def edit_title(self, article: Article) -> None:
        """Ask for a corrected headline and save it (u undoes)."""
        aid, old = article.id, article.title

        def save(typed: str | None) -> None:
            if typed is None or " ".join(typed.split()) == old:
                return
            new = typed

            def do(lib: Library) -> Message:
                return ArticleChanged([lib.edit(aid, title=new)])

            def undo(lib: Library) -> Message:
                return ArticleChanged([lib.edit(aid, title=old)])

            self._change("title", do, undo)

        self.push_screen(PromptDialog("Headline", "Enter saves; Esc leaves it as it was.",
                                      value=old), save)

    def action_delete(self) -> None:
        articles = self.targets()
        if not articles:
            return
        what = (f"“{articles[0].title}”" if len(articles) == 1
                else f"{len(articles)} selected articles")

        def answer(yes: bool | None) -> None:
            if yes:
                self._delete(articles)

        self.push_screen(ConfirmDialog(f"Delete {what}?",
                                       "y or Enter deletes (u undoes it); n or Esc keeps."),
                         answer)

    def _delete(self, articles: list[Article]) -> None:
        ids = [a.id for a in articles]
        saved: list[str] = []

        def do(lib: Library) -> Message:
            from index.library import article_to_json  # on the writer thread: Whoosh, numpy

            # Kept in the export format, so undo can put them back with their marks and tags.
            saved[:] = [json.dumps(article_to_json(lib.get(aid))) for aid in ids]
            return ArticlesDeleted(lib.delete(ids))

        def undo(lib: Library) -> Message:
            results = list(lib.import_jsonl(saved, "undo"))
            return ArticlesAdded(results, quiet=True)

        self._change("delete", do, undo)

    def on_articles_deleted(self, message: ArticlesDeleted) -> None:
        for screen in self.article_screens():
            for aid in message.ids:
                screen.article_deleted(aid)
        self.main_screen.refresh_counts()
        count = len(message.ids)
        self.notify(f"Deleted {count} article{'s' if count != 1 else ''} (u undoes).",
                    timeout=4)

    def action_undo(self) -> None:
        if self._undo is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        what, job = self._undo
        self._undo = None
        self.write(job)
        self.notify(f"Undone: {what}.", timeout=3)

    # -- links ---------------------------------------------------------------------------------

    def _url(self) -> str | None:
        article = self.current_article()
        if article is None:
            self.notify("No article selected.", severity="warning")
            return None
        if not article.url:
            self.notify("This article has no link (it was added from a file).",
                        severity="warning")
            return None
        return article.url

    def action_open_link(self) -> None:
        if url := self._url():
            self._find_browser(url)

    def action_copy_link(self) -> None:
        if url := self._url():
            self.copy_to_clipboard(url)
            self.notify(visible(f"Copied {url}"), timeout=3, markup=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browser")
    def _find_browser(self, url: str) -> None:
        # Finding the browser may ask the platform (slow); a window browser opens from here.
        launch = choose(url)
        if launch.browser is not None and launch.browser.open(url):
            return
        self.call_from_thread(self._launch, launch)

    def _launch(self, launch: Launch) -> None:
        if launch.terminal:
            try:
                # A terminal browser needs the screen and the keys: step aside until it quits.
                with self.suspend():
                    subprocess.run(launch.terminal, check=False)
                return
            except (SuspendNotSupported, OSError):
                pass
        self.copy_to_clipboard(launch.url)
        self.notify(visible(f"No browser to open it here; the link is copied:\n{launch.url}"),
                    title="Link copied", timeout=6, markup=False)

    # -- the library as a whole ------------------------------------------------------------------

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
        from index.library import Library

        try:
            with Library.open(self.library_path) as library:
                results = list(library.add(args))
        except (NewsdeskError, OSError, StoreError) as exc:
            self.post_message(LibraryFailed(_as_error(exc)))
            return
        self.post_message(ArticlesAdded(results))

    def on_articles_added(self, message: ArticlesAdded) -> None:
        # Added through a library of its own: the watch would see it too and reload again.
        self.main_screen.follow_library()
        if message.quiet:
            return
        by_status: dict[str, int] = {}
        for result in message.results:
            by_status[result.status] = by_status.get(result.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in by_status.items()) or "nothing"
        errors = [f"{r.origin}: {r.error}" for r in message.results if r.status == "error"]
        self.notify(visible(summary + "".join(f"\n{e}" for e in errors[:5])), title="Add",
                    severity="error" if errors else "information", markup=False)

    def action_build_briefing(self) -> None:
        if self.main_screen.basket_count == 0:
            self.notify(EMPTY_BASKET, title="The basket is empty", severity="warning",
                        timeout=6)
            return
        self.notify("Building the briefing from the basket…", timeout=3)
        self._build_briefing()

    @work(thread=True, exclusive=True, exit_on_error=False, group="briefing")
    def _build_briefing(self) -> None:
        # Imported here: the briefing pulls in sumy and WeasyPrint, which take time to load.
        from briefing.build import write_briefing
        from briefing.registry import FORMATS
        from briefing.select import Selection
        from index.library import Library

        try:
            with Library.open(self.library_path) as library:
                # a count, not the articles: the briefing loads them itself
                if not library.count(Filter(in_basket=True)):
                    raise NewsdeskError("the basket is empty", hint=EMPTY_BASKET)
                stem = _briefing_stem(library.root)
                files = write_briefing(
                    library, Selection(basket=True),
                    outputs={name: stem.with_suffix("." + kind.suffix)
                             for name, kind in FORMATS.items() if kind.by_default})
        except (NewsdeskError, OSError, StoreError) as exc:
            self.post_message(LibraryFailed(_as_error(exc)))
            return
        paths = [str(p) for p in files.paths.values()]
        self.post_message(BriefingBuilt(paths, files.articles))

    def on_briefing_built(self, message: BriefingBuilt) -> None:
        noun = "article" if message.count == 1 else "articles"
        self.notify(visible(f"{message.count} {noun} briefed\n" + "\n".join(message.paths)),
                    title="Briefing written", timeout=15, markup=False)


EMPTY_BASKET = ("Press b on the articles the briefing should cover (▣ marks them), "
                "then B. The Basket view in the sidebar lists them.")


def _briefing_stem(root: Path) -> Path:
    folder = root / "briefings"
    folder.mkdir(exist_ok=True)
    return folder / f"briefing-{datetime.now():%Y-%m-%d-%H%M%S}"


def _as_error(exc: Exception) -> NewsdeskError:
    return exc if isinstance(exc, NewsdeskError) else NewsdeskError(str(exc))
