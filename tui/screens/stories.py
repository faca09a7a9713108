"""The stories screen: the current selection grouped into stories, each opening onto its
articles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from index.errors import NewsdeskError
from index.models import Article
from index.textsafe import visible, visible_line
from tui.messages import LibraryFailed
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import DATE_FORMAT, published_day

if TYPE_CHECKING:  # the library loads Whoosh and numpy, which the first screen never needs
    from index.library import Library
    from index.stories import Story
    from tui.app import NewsdeskApp

    # The selection's article ids (MainScreen caps them at STORIES_LIMIT).
    Source = Callable[[Library], list[str]]


def story_label(story: Story, members: Sequence[Article] = ()) -> Text:
    """Two lines: the headline (with new / updated), then outlets, count and the dates its
    loaded `members` were published (an undated one's added day is no date of the story)."""
    text = Text(visible_line(story.title), style="bold")
    if story.new:
        text.append("  new", style="bold #4ebf71")
    elif story.updated:
        text.append("  updated", style="bold #f5c211")
    count = len(story.article_ids)
    about = [", ".join(story.outlets), f"{count} article{'s' * (count != 1)}",
             _span(story, members)]
    text.append("\n" + visible_line(" · ".join(p for p in about if p)), style="italic")
    return text


def _span(story: Story, members: Sequence[Article]) -> str:
    days = sorted({a.published.strftime(DATE_FORMAT) for a in members if a.published})
    if not members:  # not loaded: the story's own dates
        days = sorted({d.strftime(DATE_FORMAT) for d in (story.first, story.last) if d})
    if not days:
        return "date unknown"
    return days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"


def article_label(article: Article) -> Text:
    """One line: date, outlet and headline."""
    about = " — ".join(p for p in (published_day(article), article.outlet, article.title) if p)
    return Text(visible_line(about))


class StoriesScreen(Screen[None]):
    """Stories on the left, most important first; the highlighted story's articles on the
    right. Enter on an article opens it; Tab moves between the lists; q or Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "close", "Back"),
        Binding("tab", "switch", "Stories/articles"),
    ]

    @dataclass
    class Loaded(Message):
        """The stories of the selection, with their articles, arrived."""

        stories: list[Story]
        articles: dict[str, list[Article]]

    app: NewsdeskApp

    def __init__(self, source: Source, label: str) -> None:
        super().__init__()
        self.source = source
        self.label = label
        self.stories: list[Story] = []
        self.articles: dict[str, list[Article]] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Stories of {visible_line(self.label)}: grouping…"), id="stories-status")
        with Horizontal(id="stories-main"):
            yield OptionList(id="story-list")
            yield OptionList(id="story-articles")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#story-list", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stories")
    def _load(self) -> None:
        try:
            with self.app.library_session() as library:
                stories = library.stories(self.source(library))
                articles = {s.id: library.get_many(list(s.article_ids), bodies=False)
                            for s in stories}
        except NewsdeskError as exc:
            self.post_message(LibraryFailed(exc))
            return
        self.post_message(self.Loaded(stories, articles))

    def on_stories_screen_loaded(self, message: Loaded) -> None:
        self.stories, self.articles = message.stories, message.articles
        count = len(self.stories)
        self.query_one("#stories-status", Static).update(Text(
            f"Stories of {visible_line(self.label)}: {count} stor{'ies' if count != 1 else 'y'},"
            " most important first"))
        stories = self.query_one("#story-list", OptionList)
        stories.set_options([Option(story_label(s, self.articles.get(s.id, [])), id=s.id)
                             for s in self.stories])
        if self.stories:
            stories.highlighted = 0

    @on(OptionList.OptionHighlighted, "#story-list")
    def _story_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        members = self.articles.get(event.option.id or "", [])
        self.query_one("#story-articles", OptionList).set_options(
            [Option(article_label(a), id=a.id) for a in members])

    @on(OptionList.OptionSelected, "#story-list")
    def _story_opened(self, event: OptionList.OptionSelected) -> None:
        articles = self.query_one("#story-articles", OptionList)
        articles.focus()
        if articles.option_count:
            articles.highlighted = 0

    @on(OptionList.OptionSelected, "#story-articles")
    def _article_opened(self, event: OptionList.OptionSelected) -> None:
        found = [a for members in self.articles.values() for a in members
                 if a.id == event.option.id]
        if found:
            self.app.push_screen(ReaderScreen(found[0], frozenset()))

    def on_library_failed(self, message: LibraryFailed) -> None:
        message.stop()  # shown here, once: not again by the app
        self.query_one("#stories-status", Static).update(Text(visible(message.error.message)))
        self.app.show_error(message.error)

    def action_switch(self) -> None:
        stories = self.query_one("#story-list", OptionList)
        target = "#story-articles" if stories.has_focus else "#story-list"
        self.query_one(target, OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
