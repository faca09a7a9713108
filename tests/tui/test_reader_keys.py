"""Reading: J/K and Space along the list, the position, copies, going back, help, palette."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from index.library import Library
from tests.conftest import write_article
from tests.tui.waits import settle, until
from tui.app import NewsdeskApp
from tui.browser import launch_for
from tui.screens.dialogs import TagDialog
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.search_bar import SearchBar

SIZE = (120, 40)


def reader(app: NewsdeskApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def position(app: NewsdeskApp) -> str:
    return str(reader(app).query_one("#reader-status", Static).render())


async def open_first(app: NewsdeskApp, pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return reader(app)


async def test_J_K_move_along_the_list_with_the_position_shown(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        first = (await open_first(app, pilot)).article
        assert position(app).startswith("1 of 16")
        await pilot.press("J")
        await settle(pilot)
        second = reader(app).article
        assert second.id != first.id and second.body and second.read
        assert position(app).startswith("2 of 16")
        await pilot.press("K")
        await settle(pilot)
        assert reader(app).article.id == first.id
        await pilot.press("h")
        assert isinstance(app.screen, MainScreen)
        assert app.main_screen.query_one(ArticleList).cursor_row == 0


async def test_space_at_the_end_moves_to_the_next_unread(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        unread_before = [a.id for a in app.main_screen.query_one(ArticleList).articles
                         if not a.read]
        await pilot.press("space", "space", "space")  # short articles: the end at once
        await settle(pilot)
        assert reader(app).article.id in unread_before[1:]


@pytest.mark.parametrize("back", ["q", "escape", "h", "left", "backspace"])
async def test_every_back_key_goes_back(sample_home: Path, back: str) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press(back)
        assert isinstance(app.screen, MainScreen)


async def test_slash_in_the_reader_searches(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press("slash", *"ferry")
        await until(pilot, lambda: app.main_screen.search_text == "ferry")
        assert isinstance(app.focused, SearchBar)


async def test_same_story_elsewhere_opens_with_its_number(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ArticleList)
        copy = next(a for a in table.articles if a.duplicate_of)
        table.go_to(copy.id)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).duplicates
        await pilot.press("1")
        await settle(pilot)
        assert reader(app).article.id == copy.duplicate_of


async def test_tab_accepts_the_tag_completion(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog))
        box = app.screen.query_one(Input)
        await pilot.press("plus", *"lab")
        await until(pilot, lambda: box._suggestion == "+labour")
        await pilot.press("tab")
        assert box.value == "+labour"
        await pilot.press("enter")
        await settle(pilot)
        current = app.main_screen.query_one(ArticleList).current
        assert current is not None and current.tags == ("iraq-syria", "labour")


async def test_help_is_built_from_the_keys_and_explains_the_marks(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = "\n".join(f"{key} {what}" for _title, rows in help_screen.sections
                         for key, what in rows)
        for expected in ("Next unread", "Mark every article of this view", "R Reload",
                         "newsboat's r reloads", "● Unread", "★ Starred", "▣ In the briefing",
                         "≈ A copy", "J Next article", "Delete"):
            assert expected in text, expected
        scroller = help_screen.query_one("HelpScroll")
        await pilot.press("j", "j")
        assert scroller.scroll_y > 0
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)


async def test_help_in_the_reader_starts_at_the_reader_keys(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(app, pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        scroller = help_screen.query_one("HelpScroll")
        title = help_screen.query_one("#help-1", Static)
        assert "Reading an article" in str(title.render())
        await until(pilot, lambda: scroller.scroll_y > 0)
        assert title.region.y - scroller.region.y <= 3  # at the top (border, padding, margin)


async def test_palette_goes_to_a_tag(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.main_screen.tags)
        await pilot.press("ctrl+p", *"go to #ports")
        await pilot.pause()
        await until(pilot, lambda: app.screen.query("CommandList")
                    and app.screen.query_one("CommandList").option_count)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main_screen.view.key == "tag:ports"
        assert len(app.main_screen.query_one(ArticleList).articles) == 3


def test_terminal_browsers_get_the_terminal_window_ones_do_not() -> None:
    url = "https://example.org/a"
    lynx = launch_for(webbrowser.GenericBrowser(["lynx", "-accept_all_cookies", "%s"]), url)
    assert lynx.terminal == ("lynx", "-accept_all_cookies", url)
    firefox = launch_for(webbrowser.BackgroundBrowser("firefox"), url)
    assert not firefox.terminal and firefox.browser is not None


async def test_o_without_a_browser_copies_the_link(sample_home: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # forget browsers found before
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ArticleList)
        article = next(a for a in table.articles if a.url)
        table.go_to(article.id)
        await pilot.press("o")
        # Checked as soon as it happens: a notification expires (a loaded machine is slow).
        await until(pilot, lambda: app.clipboard == article.url)
        await pilot.pause()
        assert any("copied" in n.message for n in app._notifications)


async def test_y_copies_the_link(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press("K")  # the first row has no link; find one
        table = app.main_screen.query_one(ArticleList)
        article = next(a for a in table.articles if a.url)
        table.go_to(article.id)
        await pilot.press("escape", "enter")
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == article.url


async def test_an_undated_article_says_so_not_the_day_it_was_added(library_home: Path,
                                                                   tmp_path: Path) -> None:
    page = write_article(tmp_path, "notes.txt", "Notes on the border crossings",
                         "Ask the customs office for the seizure figures of the week.")
    with Library(library_home) as library:
        [added] = list(library.add([str(page)]))
        assert library.get(added.id).published is None
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ArticleList)
        assert table.get_row_at(0)[-1].plain == "undated"  # the Date column
        shown = str((await open_first(app, pilot)).query_one("#article-header", Static).render())
        assert "date unknown, added" in shown
