"""The reader follows the library: what another program adds appears, the cursor stays."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Static

from tests.conftest import write_article
from tests.tui.waits import settle, until
from tui.app import NewsdeskApp
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.sidebar import Sidebar


def newsdesk(*args: str) -> None:
    """Run the command line in another process, as cron or a second terminal would."""
    subprocess.run([sys.executable, "-c", "from tui.cli import main; main()", *args],
                   check=True, capture_output=True)


async def test_an_article_added_elsewhere_appears_with_the_cursor_unmoved(
        sample_home: Path, tmp_path: Path) -> None:
    path = write_article(
        tmp_path / "in", "bridge.txt", "Bridge over the river reopens to lorries",
        "The bridge over the river reopened to lorries on Friday after repairs to two "
        "spans, the roads office said, ending a detour of forty kilometres.",
        "Hauliers said the closure had doubled the cost of moving grain to the coast.")
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ArticleList)
        await pilot.press("j", "j")
        before = table.current
        assert before is not None
        newsdesk("add", str(path))
        await until(pilot, lambda: len(table.articles) == 17)
        await settle(pilot)
        assert any("Bridge over the river" in a.title for a in table.articles)
        assert table.current is not None and table.current.id == before.id
        status = str(app.main_screen.query_one("#status", Static).render())
        assert "17 articles" in status
        sidebar = app.main_screen.query_one(Sidebar)
        await until(pilot, lambda: "10" in str(sidebar.get_option("unread").prompt))


async def test_marks_set_elsewhere_show_in_the_list(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ArticleList)
        first = table.current
        assert first is not None and not first.starred
        newsdesk("mark", first.id, "--star")
        await until(pilot, lambda: table.current is not None and table.current.starred)


async def test_an_open_article_follows_changes_made_elsewhere(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        aid = reader.article.id
        header = reader.query_one("#article-header", Static)

        newsdesk("tag", aid, "+night-shift")
        newsdesk("mark", aid, "--star")
        newsdesk("edit", aid, "--title", "Headline corrected from the shell")
        await until(pilot, lambda: "Headline corrected" in str(header.render()))
        shown = str(header.render())
        assert "#night-shift" in shown and "★ starred" in shown

        newsdesk("delete", aid, "--yes")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.pause()
        assert any("no longer in the library" in n.message for n in app._notifications)
        table = app.main_screen.query_one(ArticleList)
        await until(pilot, lambda: aid not in [a.id for a in table.articles])
