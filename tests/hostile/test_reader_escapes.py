"""The reader draws no control character, whatever the library holds or the user types."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from tests.hostile.helpers import HOSTILE_BODY, HOSTILE_TITLE, OSC52, poison_store, raw_controls
from tests.index.samples import BORDER, write
from tests.tui.waits import until
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.search_bar import SearchBar


def screen_text(app: NewsdeskApp) -> str:
    """Every character the app would send to the terminal for its current screen."""
    update = app.screen._compositor.render_update(full=True)
    return "".join(segment.text for strip in update.strips for segment in strip)


def poisoned_library(home: Path, tmp_path: Path) -> str:
    with Library(home) as library:
        result = next(iter(library.add([str(write(tmp_path, "border.txt", BORDER))],
                                       tags=["border"])))
    poison_store(home, result.id, title=HOSTILE_TITLE, body=HOSTILE_BODY,
                 outlet=f"Gazette{OSC52}", author="Ann\x9b2J", url="http://x.example/\x1b[2J")
    return result.id


async def test_list_article_and_search_box_draw_no_controls(library_home: Path,
                                                            tmp_path: Path) -> None:
    poisoned_library(library_home, tmp_path)
    app = NewsdeskApp()
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.main_screen.query_one(ArticleList)
        await until(pilot, lambda: articles.articles)
        await pilot.pause()
        drawn = screen_text(app)
        assert "Harbour" in drawn and not raw_controls(drawn)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen)
                    and app.screen.article.body)
        await pilot.pause()
        drawn = screen_text(app)
        assert "night shift" in drawn and not raw_controls(drawn)
        await pilot.press("q")
        await until(pilot, lambda: not isinstance(app.screen, ReaderScreen))
        box = app.main_screen.query_one(SearchBar)
        box.focus()
        box.insert_text_at_cursor("cranes\x1b]0;x\x07 [bold]\x9b")
        await until(pilot, lambda: app.main_screen.search_text.startswith("cranes"))
        await pilot.pause()
        assert not raw_controls(screen_text(app))
