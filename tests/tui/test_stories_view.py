"""The reader's Stories view: the stories of what the list shows, each opening onto its
articles, and the article view naming the other reports of its story."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from index.library import Library
from index.models import Article
from index.stories import Story
from tests.tui.test_app import SIZE, started
from tests.tui.waits import until
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.screens.stories import StoriesScreen, article_label, story_label
from tui.widgets.article_view import story_lines


def _loaded(app: NewsdeskApp) -> bool:
    return isinstance(app.screen, StoriesScreen) and bool(app.screen.stories)


async def test_stories_view_groups_the_list_and_opens_articles(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("S")
        await until(pilot, lambda: _loaded(app))
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        # fewer stories than articles: some report the same event
        assert 0 < len(screen.stories) < 16
        assert sum(len(s.article_ids) for s in screen.stories) == 16  # every article once
        biggest = max(screen.stories, key=lambda s: len(s.article_ids))
        stories = screen.query_one("#story-list", OptionList)
        stories.highlighted = screen.stories.index(biggest)
        await pilot.press("enter")
        articles = screen.query_one("#story-articles", OptionList)
        await until(pilot, lambda: articles.has_focus)
        assert articles.option_count == len(biggest.article_ids)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen)
                    and bool(app.screen.article.body))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        story = reader.query_one("#article-story", Static)
        await until(pilot, lambda: story.display)
        assert "Also in this story" in str(story.render())
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, StoriesScreen))
        await pilot.press("q")
        assert not isinstance(app.screen, StoriesScreen)


async def test_stories_entry_in_the_sidebar(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        sidebar = app.main_screen.query_one("#sidebar", OptionList)
        sidebar.focus()
        sidebar.highlighted = sidebar.get_option_index("stories")
        await pilot.press("enter")
        await until(pilot, lambda: _loaded(app))


def test_story_dates_show_the_year_like_the_article_list() -> None:
    # a story from two years ago must not look like this week's
    first = datetime(2024, 3, 27, 9, 0, tzinfo=UTC)
    story = Story(id="s1", title="Dam talks resume", article_ids=("a", "b"),
                  outlets=("Tigris Daily",), first=first, last=first + timedelta(days=2),
                  score=1.0, new=True, updated=False)
    assert "2024-03-27 to 2024-03-29" in story_label(story).plain
    article = Article(id="b", title="Talks on the dam resume", body="", published=first)
    assert article_label(article).plain.startswith("2024-03-27 — Talks on the dam resume")
    assert "2024-03-27" in story_lines([article]).plain


def test_an_undated_article_lends_no_date_to_its_story() -> None:
    # A note saved today about a 2024 event: its added day is not when the story happened.
    published = datetime(2024, 3, 27, 9, 0, tzinfo=UTC)
    added = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    report = Article(id="a", title="Talks on the dam resume", body="", published=published)
    note = Article(id="b", title="Notes on the dam talks", body="", added=added)
    story = Story(id="s1", title=report.title, article_ids=("a", "b"), outlets=(),
                  first=published, last=added, score=1.0, new=True, updated=False)
    assert story_label(story, [report, note]).plain.endswith("2 articles · 2024-03-27")
    assert story_label(story, [note]).plain.endswith("date unknown")
    assert article_label(note).plain == "date unknown — Notes on the dam talks"
    assert "2026-11-22" not in story_lines([note]).plain


async def test_the_article_does_not_wait_for_its_story(
        sample_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Placing articles in stories can take many seconds on a large library: held here until
    # the test lets it go, the article's text and the keys must not wait for it.
    placing = threading.Event()
    real = Library.story_companions

    def held(self: Library, article_id: str) -> list[Article]:
        placing.wait(timeout=120)
        return real(self, article_id)

    monkeypatch.setattr(Library, "story_companions", held)
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        table = await started(app, pilot)
        qaim = next(a for a in table.articles if a.id == "a016")
        table.go_to(qaim.id)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("s")
        await until(pilot, lambda: reader.article.starred != qaim.starred)
        story = reader.query_one("#article-story", Static)
        assert not story.display
        placing.set()
        await until(pilot, lambda: story.display)
        assert "Also in this story" in str(story.render())


async def test_an_article_of_the_story_opens_with_its_number(sample_home: Path) -> None:
    app = NewsdeskApp()
    async with app.run_test(size=SIZE) as pilot:
        table = await started(app, pilot)
        table.go_to("a016")  # one of the four Qaim convoy reports
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        story = reader.query_one("#article-story", Static)
        await until(pilot, lambda: story.display)
        listed = str(story.render())
        number = len(reader.duplicates) + 1  # copies come first, then the story's articles
        assert "press its number" in listed and f"{number} ◦" in listed
        wanted = reader.story[0]
        came_from = reader.article.duplicate_of or reader.article.id  # a copy: its original
        await pilot.press(str(number))
        await until(pilot, lambda: reader.article.id == wanted.id and reader.loaded)
        assert wanted.title in str(reader.query_one("#article-header", Static).render())
        # the new article's story arrives in turn, with the article it was opened from
        await until(pilot, lambda: any(a.id == came_from for a in reader.story))
        assert story.display
