"""The search box: every key after / is its own, emptied it stays, an error shows once."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Static

from index.library import Library
from tests.tui.waits import burst, settle, until
from tui.app import NewsdeskApp
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.search_bar import SearchBar

SIZE = (120, 40)


def marks_in_store(home: Path) -> list[tuple[bool, bool]]:
    """(starred, in basket) of every article, as another process sees them."""
    with Library(home) as other:
        return [(a.starred, a.in_basket) for a in other.articles()]


def bar(app: NewsdeskApp) -> SearchBar:
    return app.main_screen.query_one(SearchBar)


def titles(app: NewsdeskApp) -> list[str]:
    return [a.title for a in app.main_screen.query_one(ArticleList).articles]


def status(app: NewsdeskApp) -> str:
    return str(app.main_screen.query_one("#status", Static).render())


async def test_an_emptied_box_stays_open_and_keeps_the_keys(sample_home: Path) -> None:
    before = marks_in_store(sample_home)
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"oil")
        await until(pilot, lambda: app.main_screen.search_text == "oil")
        await pilot.press("backspace", "backspace", "backspace")
        await until(pilot, lambda: len(titles(app)) == 16)  # the plain list is back
        assert bar(app).display and app.focused is bar(app)
        await pilot.press(*"sb")
        await settle(pilot)
        assert bar(app).value == "sb" and app.focused is bar(app)
    assert marks_in_store(sample_home) == before  # nothing starred, nothing in the basket


async def test_ctrl_u_empties_the_box_and_it_stays(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harbour")
        await until(pilot, lambda: len(titles(app)) == 3)
        await pilot.press("ctrl+u")
        await until(pilot, lambda: len(titles(app)) == 16)
        await pilot.press("s")
        await settle(pilot)
        assert bar(app).value == "s" and app.focused is bar(app)
        await pilot.press("escape")
        assert not bar(app).display and isinstance(app.focused, ArticleList)


async def test_a_burst_after_slash_all_goes_to_the_box(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot, "/", *"election")  # the l of election once opened an article
        await until(pilot, lambda: app.main_screen.search_text == "election")
        await settle(pilot)
        assert bar(app).value == "election"
        assert isinstance(app.screen, MainScreen)
        assert titles(app) == ["Election commission publishes candidate list"]


async def test_a_burst_from_the_sidebar_goes_to_the_box_too(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")  # to the sidebar
        burst(pilot, "/", *"qaim", "enter", "j")
        await until(pilot, lambda: len(titles(app)) == 3)
        assert app.main_screen.search_text == "qaim"  # the j after Enter was the list's
        assert isinstance(app.focused, ArticleList)


async def test_paste_after_slash_goes_to_the_box(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot, "/")
        app.post_message(events.Paste("harbour strike"))
        await until(pilot, lambda: app.main_screen.search_text == "harbour strike")
        assert bar(app).value == "harbour strike"
        assert isinstance(app.screen, MainScreen)


async def test_slash_is_a_character_inside_the_box(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot, "/", *"a/b")
        await settle(pilot)
        assert bar(app).value == "a/b"


async def test_a_search_error_shows_once_and_clears_the_old_results(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harbour")
        await until(pilot, lambda: len(titles(app)) == 3)
        await pilot.press(*" AND published:[nonsense to")
        # On a slow machine the debounce may also run a part of the query typed so far: what
        # is checked is the error of the whole query, shown once.
        errors = lambda: [n for n in app._notifications  # noqa: E731
                          if n.severity == "error" and "nonsense to" in n.message]
        await until(pilot, errors)
        await settle(pilot)
        assert len(errors()) == 1
        assert titles(app) == []  # not the results of "harbour" as if the query had run
        assert "harbour AND published:[nonsense to" in status(app)
        assert errors()[0].message.split("\n")[0] in status(app)
        assert app.focused is bar(app)  # still typing: fix the query in place
