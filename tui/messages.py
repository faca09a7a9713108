"""App-wide messages: what background workers report back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from index.errors import NewsdeskError
from index.library import AddResult, SearchResults
from index.models import Article
from index.reading import Count


@dataclass
class ArticleChanged(Message):
    """An article's tags or marks were saved; views showing it should redraw it."""

    article: Article


@dataclass
class ListingLoaded(Message):
    """A page of the current view's articles (without bodies) arrived."""

    generation: int
    articles: list[Article]
    offset: int
    total: int


@dataclass
class SearchFinished(Message):
    """Results of the search typed in the search bar."""

    generation: int
    results: SearchResults


@dataclass
class CountsLoaded(Message):
    """Sidebar counts: fixed views, saved searches, tags and outlets."""

    fixed: dict[str, tuple[int, int]]
    searches: list[tuple[str, str]]
    tags: list[Count]
    outlets: list[Count]


@dataclass
class LibraryFailed(Message):
    """A background library call failed with an error worth showing the user."""

    error: NewsdeskError
    generation: int = -1  # for searches: a failure of a superseded query is not shown


@dataclass
class ArticlesAdded(Message):
    """The `a` prompt's inputs were added (or not); one result per input."""

    results: list[AddResult]


@dataclass
class BriefingBuilt(Message):
    """The briefing files were written."""

    paths: list[str]
    count: int


@dataclass
class SearchSaved(Message):
    """A search was saved under a name."""

    name: str
