"""Which articles a briefing covers: a Selection of criteria turned into library articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from index.errors import NewsdeskError
from index.filters import Filter
from index.ingest import normalize_tags
from index.library import Library
from index.models import Article
from index.stories import Story

_RELATIVE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True, slots=True)
class Selection:
    """What to brief. Different kinds of criteria intersect; several values of one kind
    (tags, searches, ids) are a union. An empty Selection selects nothing."""

    query: str = ""
    searches: tuple[str, ...] = ()
    since: datetime | None = None
    tags: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    basket: bool = False
    new: bool = False  # only what no earlier briefing covered (see Library.stories)

    def is_empty(self) -> bool:
        """Whether no criterion at all was given."""
        return not (self.query.strip() or self.searches or self.since or self.tags
                    or self.ids or self.basket)


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """A UTC start time from "24h", "7d", "2w", "yesterday", "today" or "2024-03-27"."""
    now = now or datetime.now(UTC)
    cleaned = text.strip().lower()
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if cleaned == "today":
        return midnight
    if cleaned == "yesterday":
        return midnight - timedelta(days=1)
    if match := _RELATIVE.match(cleaned):
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now - timedelta(**{_UNITS[unit]: amount})
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise NewsdeskError(
            f"cannot read the period {text!r}",
            hint="use 24h, 7d, 2w, today, yesterday or a date like 2024-03-27",
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def select_articles(library: Library, selection: Selection) -> list[Article]:
    """The stories a selection covers, newest first (ties by id). A linked copy is replaced by
    the article it duplicates, so each story appears once. With `selection.new`, only the
    articles no earlier briefing covered."""
    found = select_ids(library, selection)
    roots = _roots(library, found)
    if selection.new:
        fresh = {i for story in select_stories(library, selection, found)
                 for i in story.article_ids}
        roots &= fresh
    articles = library.get_many(sorted(roots))
    return sort_articles(articles)


def select_ids(library: Library, selection: Selection,
               searched: Mapping[str, set[str]] | None = None) -> set[str]:
    """The ids of every article the criteria select (copies included as found). `searched`:
    what saved searches found already (search_members), so they are not run again."""
    if selection.is_empty():
        raise NewsdeskError(
            "no articles were selected",
            hint="give a QUERY, --search, --since, --tag, --ids or --basket"
                 " (--since 36500d: every article)",
        )
    found: set[str] | None = None
    for ids in _criteria(library, selection, searched or {}):
        found = ids if found is None else found & ids
    return found or set()


def select_stories(library: Library, selection: Selection, ids: Iterable[str] | None = None,
                   searched: Mapping[str, set[str]] | None = None) -> list[Story]:
    """The stories of a selection, most important first; with `selection.new`, only those
    with articles no earlier briefing covered (and only those articles). `ids`: what
    select_ids gave already; `searched`: what saved searches found already."""
    ids = sorted(select_ids(library, selection, searched) if ids is None else ids)
    return library.stories(ids, only_new=selection.new, tags=selection.tags)


def story_articles(library: Library, stories: Sequence[Story]) -> dict[str, Article]:
    """Every article of these stories by id, bodies included (copies too: each is an outlet's
    report of its story)."""
    ids = sorted({i for story in stories for i in story.article_ids})
    return {a.id: a for a in library.get_many(ids)}


def sort_articles(articles: Iterable[Article]) -> list[Article]:
    """Newest first, then by id: explicit, so the same library always gives the same order."""
    by_id = sorted(articles, key=lambda a: a.id)
    return sorted(by_id, key=lambda a: a.date.astimezone(UTC), reverse=True)


def search_members(library: Library, names: Iterable[str]) -> dict[str, set[str]]:
    """For each saved search name, the ids of the stories it finds (copies mapped to roots)."""
    return {
        name: _roots(library, _search_ids(library, f"@{name.lstrip('@')}")) for name in names
    }


def _criteria(library: Library, selection: Selection, searched: Mapping[str, set[str]]
              ) -> list[set[str]]:
    """One id set per kind of criterion given."""
    sets: list[set[str]] = []
    if selection.query.strip():
        sets.append(_search_ids(library, selection.query))
    if selection.searches:
        todo = [name for name in selection.searches if name not in searched]
        found = {**search_members(library, todo), **searched}
        sets.append(set().union(*(found[name] for name in selection.searches)))
    if selection.ids:
        sets.append({library.get(prefix).id for prefix in selection.ids})
    narrowing = _filter(selection)
    if narrowing != Filter():
        sets.append(set(library.ids(narrowing)))
    return sets


def _filter(selection: Selection) -> Filter:
    """The period, tags and basket of a selection as a library filter."""
    return Filter(since=selection.since, tags=normalize_tags(selection.tags),
                  in_basket=True if selection.basket else None)


def _search_ids(library: Library, query: str) -> set[str]:
    # Only ids are needed: no bodies read, no snippets built.
    hits = library.search(query, limit=None, snippets=False).hits
    return {hit.article.id for hit in hits}


def _roots(library: Library, ids: set[str]) -> set[str]:
    """The ids with every linked copy replaced by the article it duplicates."""
    if not ids:
        return set()
    articles = library.get_many(sorted(ids), bodies=False)
    return {a.duplicate_of or a.id for a in articles}
