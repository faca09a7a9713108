"""The reader driven by keys: navigation, marks, tags, search, saved searches, add, brief."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input

from index.library import Library
from tests.conftest import write_article
from tests.tui.waits import settle, until
from tui.app import NewsdeskApp
from tui.screens.dialogs import TagDialog
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import inert_parser, to_markdown
from tui.widgets.sidebar import Sidebar

SIZE = (120, 40)


def listing(app: NewsdeskApp) -> ArticleList:
    return app.main_screen.query_one(ArticleList)


async def started(app: NewsdeskApp, pilot: Pilot) -> ArticleList:
    await settle(pilot)
    return listing(app)


def palette_options(app: NewsdeskApp) -> list[str]:
    """The command palette's offers, as text."""
    found = app.screen.query(CommandList)
    if not found:
        return []
    options = found.first()
    return [str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)]


def stored(home: Path, article_id: str):
    """The article as a second process would read it."""
    with Library(home) as other:
        return other.get(article_id)


async def test_list_shows_newest_first_and_j_k_move(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        titles = [a.title for a in articles.articles]
        assert len(titles) == 16
        assert titles[0] == "Residents describe night of gunfire in border town"
        await pilot.press("j", "j", "k")
        assert articles.cursor_row == 1
        assert articles.current is not None and articles.current.body == ""


async def test_the_first_rows_do_not_wait_for_the_library(
        sample_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opening the library (Whoosh, numpy) is held back until the test lets it go: the first
    # rows must already be there, read straight from the store.
    opening = threading.Event()
    real_open = Library.open

    def held_open(*args: Any, **kwargs: Any) -> Library:
        opening.wait(timeout=120)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Library, "open", held_open)
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        table = listing(app)
        await until(pilot, lambda: len(table.articles) == 16)
        assert app.library is None
        assert table.articles[0].title == "Residents describe night of gunfire in border town"
        opening.set()
        await until(pilot, lambda: app.library is not None)
        await settle(pilot)
        first = table.articles[0]
        await pilot.press("s")  # the library is open: keys act on it
        await settle(pilot)
        with Library(sample_home) as other:
            assert other.get(first.id).starred != first.starred


async def test_enter_opens_article_and_marks_it_read(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await until(pilot, lambda: reader.article.read and reader.article.body)
        assert stored(sample_home, reader.article.id).read
        await until(pilot, lambda: listing(app).articles[0].read)
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


async def test_l_opens_too(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("j", "l")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))


async def test_r_s_b_toggle_and_are_saved_at_once(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        first = articles.current
        assert first is not None and not first.read and not first.starred
        await pilot.press("r", "s", "b")
        await settle(pilot)
        saved = stored(sample_home, first.id)
        assert (saved.read, saved.starred, saved.in_basket) == (True, True, True)
        current = articles.current
        assert current is not None and current.starred and current.in_basket
        await pilot.press("s")
        await settle(pilot)
        assert not stored(sample_home, first.id).starred


async def test_tag_dialog_completes_and_saves(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        await until(pilot, lambda: app.main_screen.tags)
        first = articles.current
        assert first is not None
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog))
        box = app.screen.query_one(Input)
        assert box.value == ""
        await pilot.press("plus", *"lab")
        await until(pilot, lambda: box._suggestion == "+labour")
        await pilot.press("right", "enter")
        await settle(pilot)
        assert stored(sample_home, first.id).tags == ("iraq-syria", "labour")


async def test_tag_dialog_words_mean_what_they_mean_to_newsdesk_tag(sample_home: Path) -> None:
    # A bare word adds, as `newsdesk tag ID word` does; tags not named stay; -tag removes.
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        first = articles.current
        assert first is not None and first.tags == ("iraq-syria",)
        for typed, expected in (("strike", ("iraq-syria", "strike")),
                                ("-iraq-syria +watch", ("strike", "watch"))):
            await pilot.press("t")
            await until(pilot, lambda: isinstance(app.screen, TagDialog))
            app.screen.query_one(Input).value = typed
            await pilot.press("enter")
            await settle(pilot)
            assert stored(sample_home, first.id).tags == expected


async def test_search_as_you_type_then_escape_clears(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        await pilot.press("slash", *"harbour")
        await until(pilot, lambda: len(articles.articles) == 3)
        assert app.main_screen.search_text == "harbour"
        assert all("arbour" in a.title for a in articles.articles)
        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert "harbour" in app.screen.terms
        await pilot.press("q", "slash", "escape")
        await until(pilot, lambda: len(articles.articles) == 16)
        assert app.main_screen.search_text == ""


async def test_bad_query_is_a_notification_not_a_crash(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("slash", *"published:[nonsense to")
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert app.is_running


async def test_saved_search_appears_in_sidebar(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("slash", *"qaim", "enter")
        await until(pilot, lambda: app.main_screen.search_text == "qaim")
        await pilot.press("ctrl+s", *"qaim-watch", "enter")
        sidebar = app.main_screen.query_one(Sidebar)
        await until(pilot, lambda: "search:qaim-watch" in sidebar._views)
        with Library(sample_home) as other:
            assert ("qaim-watch", "qaim") in other.store.searches()
            assert other.search("@qaim-watch").total == 3


async def test_help_and_palette(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"star")
        await until(pilot, lambda: "Star" in palette_options(app))
        await pilot.press("enter")
        await settle(pilot)
        first = listing(app).current
        assert first is not None and stored(sample_home, first.id).starred


async def test_a_adds_a_file(sample_home: Path, tmp_path: Path) -> None:
    path = write_article(
        tmp_path / "in", "wells.txt", "Engineers restore two wells in the valley",
        "Engineers restored two village wells in the valley on Friday after a month without "
        "water, the district office said.",
        "The repairs were paid for by a fund set up by farmers after last year's drought.")
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        articles = await started(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await until(pilot, lambda: len(articles.articles) == 17)
        assert any("wells" in a.title for a in articles.articles)


async def test_a_reports_an_unreadable_file(sample_home: Path, tmp_path: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert app.is_running


async def test_B_builds_a_pdf_and_names_it(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("B")

        def written() -> list[str]:
            return [n.message for n in app._notifications if n.title == "Briefing written"]

        await until(pilot, written, rounds=3000)
        first, *lines = written()[0].splitlines()
        assert re.fullmatch(r"1 article briefed|([02-9]|\d\d+) articles briefed", first)
        pdf = next(line for line in lines if line.endswith(".pdf"))
        assert Path(pdf).read_bytes().startswith(b"%PDF")
        assert Path(pdf).parent == sample_home / "briefings"


async def test_open_link_without_url_warns(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("o")  # the newest sample was added from a file: no link
        assert any("no link" in n.message for n in app._notifications)


def test_body_markup_is_inert_and_terms_bold() -> None:
    md = to_markdown("Trucks [x](http://evil.example) ![i](http://a/b.png) <b>x</b> *hi*\n\n"
                     "# not a heading", frozenset({"truck"}))
    assert md.startswith("**Trucks**")
    tokens = [t for block in inert_parser().parse(md) for t in [block, *(block.children or [])]]
    kinds = {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "heading_open", "em_open"}
