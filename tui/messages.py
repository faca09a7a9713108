"""App-wide messages: what background workers report back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from index.errors import NewsdeskError
from index.models import Article

if TYPE_CHECKING:  # the library loads Whoosh and numpy, which the reader loads later
    from index.library import AddResult
    from index.reading import Count


@dataclass
class ArticleChanged(Message):
    """Articles' tags, marks or titles were saved; views showing them should redraw them."""

    articles: list[Article]


@dataclass(frozen=True, slots=True)
class Request:
    """Rows to load and where they go: a fresh list (keeping the cursor's article), or more."""

    offset: int = 0
    limit: int = 300
    replace: bool = True
    keep: str | None = None  # a fresh list: the article to keep the cursor on
    cursor: int | None = None  # else the position (in the whole list) to put it at


@dataclass
class ListingLoaded(Message):
    """Rows of the current view or search (articles without bodies) arrived."""

    generation: int
    articles: list[Article]
    total: int
    request: Request
    terms: frozenset[str] | None = None  # a search's stemmed terms; None for a view


@dataclass
class CountsLoaded(Message):
    """Sidebar counts: fixed views, saved searches, tags and outlets."""

    fixed: dict[str, tuple[int, int]]
    searches: list[tuple[str, str]]
    tags: list[Count]
    outlets: list[Count]
    generation: int  # the recount it answers: an older one's numbers are dropped


@dataclass
class LibraryFailed(Message):
    """A background library call failed with an error worth showing the user."""

    error: NewsdeskError
    generation: int = -1  # for searches: a failure of a superseded query is not shown


@dataclass
class ArticlesAdded(Message):
    """The `a` prompt's inputs were added (or not); one result per input."""

    results: list[AddResult]
    quiet: bool = False  # put back by undo: nothing to report


@dataclass
class ArticlesMarked(Message):
    """Many articles (a whole view) were marked at once; lists showing them should reload."""

    count: int
    mark: str  # what they are now: "read", "unread"
    quiet: bool = False  # put back by undo: nothing to report


@dataclass
class ArticlesDeleted(Message):
    """Articles were deleted from the library."""

    ids: list[str]


@dataclass
class BriefingBuilt(Message):
    """The briefing files were written."""

    paths: list[str]
    count: int


@dataclass
class SearchSaved(Message):
    """A search was saved under a name."""

    name: str
