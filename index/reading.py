"""The library's read side: what list views, the sidebar, briefings and the CLI ask for.

Callers narrow with a `Filter` (index/filters.py) and never see SQL or the store
(as miniflux's storage/entry_query_builder.go keeps SQL inside storage/).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from index.analysis import NEWS_ANALYZER, WORD
from index.feeds import FeedStore
from index.filters import Filter
from index.models import Article
from index.store import Store

EVERYTHING = Filter()


class Count(NamedTuple):
    """A sidebar entry's figures: the articles it holds and how many are unread."""

    name: str
    total: int
    unread: int


@dataclass(frozen=True, slots=True)
class ViewCounts:
    """Everything the sidebar shows besides its fixed views: saved searches, tags, outlets."""

    searches: list[tuple[str, str]]  # (name, query), by name
    tags: list[Count]
    outlets: list[Count]


class Reading:
    """Filtered counts, listings and ids; the sidebar's figures; an article's original text."""

    store: Store

    def _matching_ids(self, query: str) -> set[str]:
        raise NotImplementedError  # the Library runs the query on its search index

    def ids(self, where: Filter = EVERYTHING, *, limit: int | None = None) -> list[str]:
        """Ids of the articles a filter matches, newest first."""
        if not where.query.strip():
            return self.store.ids(where, limit=limit)
        matches = self._matching_ids(where.query)
        found = [i for i in self.store.ids(where) if i in matches]
        return found[:limit] if limit else found

    def count(self, where: Filter = EVERYTHING) -> int:
        """How many articles a filter matches."""
        if where.query.strip():
            return len(self.ids(where))
        return self.store.count(where)

    def listing(self, where: Filter = EVERYTHING, *, limit: int = 200,
                offset: int = 0) -> list[Article]:
        """A page of the articles a filter matches, newest first, bodies left empty."""
        if not where.query.strip():
            return self.store.listing(where, limit=limit, offset=offset)
        page = self.ids(where)[offset : offset + limit]
        return self.store.get_many(page, bodies=False)

    def articles(self, where: Filter = EVERYTHING, *, limit: int | None = None) -> list[Article]:
        """The articles a filter matches, in full, newest first."""
        return self.store.get_many(self.ids(where, limit=limit))

    def get_many(self, ids: Sequence[str], *, bodies: bool = True) -> list[Article]:
        """Articles by exact id, in the order asked (unknown ids left out); with
        bodies=False the bodies are left empty, for list views."""
        return self.store.get_many(ids, bodies=bodies)

    def original(self, article_id: str) -> bytes:
        """The input an article was made from, as it arrived."""
        return self.store.original(article_id)

    def saved_searches(self) -> list[tuple[str, str]]:
        """Saved searches as (name, query), by name."""
        return self.store.searches()

    def tag_counts(self) -> list[Count]:
        """Every tag with its article and unread counts, by tag."""
        return [Count(*row) for row in self.store.tag_counts()]

    def view_counts(self) -> ViewCounts:
        """The sidebar's saved searches, tags and outlets, each with its counts."""
        outlets = [Count(*row) for row in self.store.outlet_counts()]
        return ViewCounts(self.saved_searches(), self.tag_counts(), outlets)

    @property
    def feeds(self) -> FeedStore:
        """The library's feed subscriptions."""
        return FeedStore(self.store)


def highlighted(text: str, terms: frozenset[str]) -> list[tuple[str, bool]]:
    """The text cut into pieces, each flagged when it is a word whose stem is a search term
    (`SearchResults.terms`); joined, the pieces give the text back."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in WORD.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], False))
        word = match.group()
        pieces.append((word, bool(terms) and NEWS_ANALYZER.stem(word.lower()) in terms))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces
