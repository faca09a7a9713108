"""How the reader looks, at 80x24 and 120x40, on the fixed sample library."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import build_sample_library
from tests.tui.waits import burst, settle, until
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.sidebar import Sidebar

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(library_home: Path) -> NewsdeskApp:
    build_sample_library(library_home)
    return NewsdeskApp()


async def _ready(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, NewsdeskApp)
    await settle(pilot)
    await until(pilot, lambda: "tag:ports" in app.main_screen.query_one(Sidebar)._views)
    _no_blink(app)


def _no_blink(app: NewsdeskApp) -> None:
    for screen in app.screen_stack:
        for box in screen.query(Input):
            box.cursor_blink = False


def steps(*keys: str, wait: Callable[[NewsdeskApp], bool] | None = None, typed: Sequence[str] = "",
          then: tuple[str, ...] = ()) -> Callable[[Pilot], Awaitable[None]]:
    """Wait for the first screen, type `typed` (keys) in the search box, press keys, then the keys
    of `then` once that has settled, then wait for `wait` (and no cursor blink). The search
    is typed in one burst: pressed key by key, a loaded machine may pause past the search
    debounce after "q" and show that query's error in the picture."""

    async def run(pilot: Pilot) -> None:
        await _ready(pilot)
        if typed:
            burst(pilot, "/", *typed)
        await pilot.press(*keys)
        app = pilot.app
        assert isinstance(app, NewsdeskApp)
        await settle(pilot)
        if then:
            await pilot.press(*then)
            await settle(pilot)
        if wait is not None:
            await until(pilot, lambda: wait(app))
        _no_blink(app)
        await pilot.pause()

    return run


def _reader_loaded(app: NewsdeskApp) -> bool:
    return isinstance(app.screen, ReaderScreen) and bool(app.screen.article.body)


def _searched(app: NewsdeskApp) -> bool:
    return app.main_screen.search_text == "qaim" and len(
        app.main_screen.query_one(ArticleList).articles) == 3


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, app: NewsdeskApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader(snap_compare, app: NewsdeskApp, size: tuple[int, int]) -> None:
    # The oldest-but-one unread Qaim story: starred, in the basket, with a copy elsewhere.
    run = steps("enter", typed="qaim", then=("j", "j", "enter"), wait=_reader_loaded)
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, app: NewsdeskApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=steps(typed="qaim", wait=_searched))


def test_tag_dialog(snap_compare, app: NewsdeskApp) -> None:
    keys = ("t", "plus", *"lab")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, app: NewsdeskApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=steps("question_mark"))


def _emptied(app: NewsdeskApp) -> bool:
    return not app.main_screen.search_text and len(
        app.main_screen.query_one(ArticleList).articles) == 16


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_emptied_search_box(snap_compare, app: NewsdeskApp, size: tuple[int, int]) -> None:
    # Typed, then erased: the box stays open and focused, the plain list is back.
    typed = (*"oil", "backspace", "backspace", "backspace")
    assert snap_compare(app, terminal_size=size, run_before=steps(typed=typed, wait=_emptied))


def _stories_loaded(app: NewsdeskApp) -> bool:
    from tui.screens.stories import StoriesScreen

    return isinstance(app.screen, StoriesScreen) and bool(app.screen.stories)


def test_stories(snap_compare, app: NewsdeskApp) -> None:
    assert snap_compare(app, terminal_size=(120, 40),
                        run_before=steps("S", wait=_stories_loaded))
