"""Deleting (with confirmation) and correcting a headline, each undone with u."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from index.errors import NewsdeskError
from index.library import Library
from tests.tui.waits import settle, until
from tui.app import NewsdeskApp
from tui.screens.dialogs import ConfirmDialog
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList

SIZE = (120, 40)


def listing(app: NewsdeskApp) -> ArticleList:
    return app.main_screen.query_one(ArticleList)


def status(app: NewsdeskApp) -> str:
    return str(app.main_screen.query_one("#status", Static).render())


def stored(home: Path, article_id: str):
    with Library(home) as other:
        return other.get(article_id)


async def test_d_asks_then_deletes_and_u_brings_it_back(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert status(app) == "All articles · 16 articles"
        await pilot.press("j")
        doomed = listing(app).current
        assert doomed is not None
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # kept
        await settle(pilot)
        assert stored(sample_home, doomed.id).title == doomed.title
        await pilot.press("d", "y")
        await settle(pilot)
        assert doomed.id not in [a.id for a in listing(app).articles]
        assert status(app) == "All articles · 15 articles"  # counted at once, not at a reload
        with pytest.raises(NewsdeskError):
            stored(sample_home, doomed.id)
        await pilot.press("u")
        await until(pilot, lambda: doomed.id in [a.id for a in listing(app).articles])
        back = stored(sample_home, doomed.id)
        assert (back.title, back.tags, back.read) == (doomed.title, doomed.tags, doomed.read)


async def test_v_selected_articles_are_deleted_together(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v", "d", "enter")
        await settle(pilot)
        assert len(listing(app).articles) == 14
        with Library(sample_home) as other:
            assert len(other.articles()) == 14


async def test_e_in_the_reader_corrects_the_headline(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        old = reader.article.title
        await pilot.press("e")
        box = app.screen.query_one(Input)
        assert box.value == old
        box.value = "Gunfire in the border town overnight"
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article.title == "Gunfire in the border town overnight"
        assert stored(sample_home, reader.article.id).title == reader.article.title
        assert listing(app).articles[0].title == reader.article.title
        await pilot.press("u")
        await settle(pilot)
        assert stored(sample_home, reader.article.id).title == old
