"""The article list as a newsboat user drives it: dates, ends, unread jumps, selection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Footer

from index.filters import Filter
from index.library import Library
from tests.tui.waits import settle, until
from tui.app import NewsdeskApp
from tui.messages import CountsLoaded
from tui.widgets.article_list import ArticleList
from tui.widgets.sidebar import Sidebar

SIZES = [(80, 24), (120, 40)]


def listing(app: NewsdeskApp) -> ArticleList:
    return app.main_screen.query_one(ArticleList)


def stored(home: Path, article_id: str):
    with Library(home) as other:
        return other.get(article_id)


def row_text(app: NewsdeskApp, row: int) -> list[str]:
    """The plain text of a row's cells, as drawn (cut to the column widths)."""
    table = listing(app)
    return [cell.plain for cell in table.get_row_at(row)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_dates_whole_with_the_year_on_the_first_screen(sample_home: Path,
                                                             size: tuple[int, int]) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = listing(app)
        assert row_text(app, 0)[-1] == "2024-03-28"
        drawn = sum(col.get_render_width(table) for col in table.columns.values())
        assert drawn <= table.scrollable_content_region.width  # nothing cut at the right


async def test_g_G_home_end_jump_to_the_ends_loading_what_is_needed(long_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = listing(app)
        assert len(table.articles) < 700
        await pilot.press("G")
        await settle(pilot)
        assert table.current is not None and table.current.id == "m0000"  # the oldest
        assert table.position == (700, 700)
        await pilot.press("g")
        await settle(pilot)
        assert table.current is not None and table.current.id == "m0699"
        assert table.position == (1, 700)
        await pilot.press("end")
        await settle(pilot)
        assert table.position == (700, 700)
        await pilot.press("k", "home")
        await settle(pilot)
        assert table.position == (1, 700)


async def test_scrolling_up_from_the_end_loads_the_rows_before(long_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        table = listing(app)
        first_loaded = 700 - len(table.articles) + 1
        assert first_loaded > 300
        for _ in range(12):
            await pilot.press("pageup")
            await settle(pilot)
        at, _total = table.position
        assert at < first_loaded  # rows above the first loaded one came in
        assert table.current is not None and table.current.id == f"m{700 - at:04d}"


async def test_n_and_N_go_to_the_next_and_previous_unread(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = listing(app)
        await pilot.press("r", "n")  # the first is read now: n skips nothing it should not
        await settle(pilot)
        assert table.cursor_row == 1
        for _ in range(10):
            await pilot.press("n")
        current = table.current
        assert current is not None and not current.read
        assert all(a.read for a in table.articles[table.cursor_row + 1:])
        await pilot.press("N")
        previous = table.current
        assert previous is not None and not previous.read and previous is not current


async def test_n_loads_the_next_page_to_find_an_unread(long_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = listing(app)
        loaded = len(table.articles)
        with Library(long_home) as other:  # every loaded row read: the next unread is further
            other.mark_many([a.id for a in table.articles], read=True)
        await until(pilot, lambda: all(a.read for a in table.articles))
        await pilot.press("n")
        await settle(pilot)
        current = table.current
        assert current is not None and not current.read
        assert table.position[0] > loaded


async def test_v_selects_several_and_s_stars_them_all(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = listing(app)
        first, second = table.articles[0], table.articles[1]
        await pilot.press("v", "v")
        assert [a.id for a in table.selected] == [first.id, second.id]
        assert row_text(app, 0)[0].startswith("▶")
        await pilot.press("s")
        await settle(pilot)
        assert stored(app.library.root, first.id).starred  # type: ignore[union-attr]
        assert stored(app.library.root, second.id).starred  # type: ignore[union-attr]
        await pilot.press("u")  # undo stars both back
        await settle(pilot)
        assert not stored(app.library.root, first.id).starred  # type: ignore[union-attr]
        await pilot.press("V")
        assert table.selected == []


async def test_A_marks_the_whole_view_read_not_only_the_loaded_rows(long_home: Path) -> None:
    with Library(long_home) as library:
        unread_before = set(library.ids(Filter(read=False)))
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(listing(app).articles) < 700  # a page loaded, not the whole list
        sidebar = app.main_screen.query_one(Sidebar)
        assert "234" in str(sidebar.get_option("unread").prompt)
        await pilot.press("A")
        await settle(pilot)
        assert all(a.read for a in listing(app).articles)
        with Library(long_home) as other:
            assert other.count(Filter(read=False)) == 0
        assert "234" not in str(sidebar.get_option("unread").prompt)
        assert any("234 articles read" in n.message for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
        with Library(long_home) as other:
            assert set(other.ids(Filter(read=False))) == unread_before
        assert "234" in str(sidebar.get_option("unread").prompt)


async def test_a_count_taken_before_A_never_shows_after_it(long_home: Path) -> None:
    """A recount that has its numbers but has not reported them when the user presses A (a
    busy machine) reports after the recount A starts: the sidebar keeps the newer numbers,
    not the 234 unread from before."""
    hold, held, release = threading.Event(), threading.Event(), threading.Event()
    handled: list[int] = []

    async def wait_for(check: Callable[[], bool]) -> None:
        # Not `until`: it waits for every worker, and the held count is one on purpose.
        for _ in range(12000):
            if check():
                return
            await pilot.pause(0.01)
        raise AssertionError("condition never became true")

    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        post = screen.post_message

        def late_when_asked(message: Message) -> bool:
            if isinstance(message, CountsLoaded):
                if hold.is_set():  # the worker thread, its numbers taken
                    hold.clear()
                    held.set()
                    assert release.wait(120)
                handled.append(message.generation)
            return post(message)

        screen.post_message = late_when_asked  # type: ignore[method-assign]
        sidebar = screen.query_one(Sidebar)
        assert "234" in str(sidebar.get_option("unread").prompt)
        hold.set()
        screen.refresh_counts()
        stale = screen.counts_generation
        await wait_for(held.is_set)  # the old count has its numbers: 234 unread
        await pilot.press("A")
        await wait_for(lambda: "234" not in str(sidebar.get_option("unread").prompt))
        release.set()
        await wait_for(lambda: stale in handled)
        await settle(pilot)
        assert "234" not in str(sidebar.get_option("unread").prompt)


async def test_A_in_a_search_marks_only_its_matches(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main_screen.run_search("ferry")
        await settle(pilot)
        matches = {a.id for a in listing(app).articles}
        assert any(not a.read for a in listing(app).articles)
        await pilot.press("enter", "A")
        await settle(pilot)
        with Library(sample_home) as other:
            unread = {a.id for a in other.articles(Filter(read=False))}
        assert unread and not unread & matches


async def test_a_read_headline_is_no_longer_bold(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = listing(app)
        assert "bold" in str(table.get_row_at(0)[1].style)
        await pilot.press("r")
        await settle(pilot)
        assert "bold" not in str(table.get_row_at(0)[1].style)


async def test_footer_at_80_columns_keeps_help_tags_and_brief(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        shown = {key.description: key.region for key in footer.query("FooterKey")}
        for needed in ("Help", "Tags", "Brief", "Search", "Quit"):
            assert shown[needed].right <= 80, needed


async def test_B_with_an_empty_basket_says_what_to_do(sample_home: Path) -> None:
    with Library(sample_home) as library:
        for article in library.articles():
            library.mark(article.id, in_basket=False)
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        said = " ".join(n.message for n in app._notifications)
        assert "Press b" in said and "--since" not in said


async def test_h_goes_to_the_sidebar_where_j_k_and_l_choose_a_view(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h", "j", "j", "l")  # All, Unread, Starred
        await settle(pilot)
        assert app.main_screen.view.key == "starred"
        assert len(listing(app).articles) == 3
        assert isinstance(app.focused, ArticleList)


async def test_ctrl_l_redraws_and_R_reloads_keeping_the_cursor(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "ctrl+l", "R")
        await settle(pilot)
        await until(pilot, lambda: listing(app).cursor_row == 2)


async def test_the_cursor_stays_where_it_was_moved_while_the_rows_loaded(
        sample_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first rows show from a glance; moving the cursor before the full listing arrives
    # must not be undone by it (it put the cursor back on the row the glance had).
    go, asked = threading.Event(), threading.Event()
    listing = Library.listing

    def held(self: Library, *args: object, **kwargs: object) -> object:
        asked.set()
        go.wait(timeout=60)
        return listing(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "listing", held)
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.main_screen.query_one(ArticleList)
        await until(pilot, lambda: asked.is_set() and bool(table.articles))
        chosen = table.articles[2]
        table.go_to(chosen.id)
        go.set()
        await settle(pilot)
        assert table.current is not None and table.current.id == chosen.id
