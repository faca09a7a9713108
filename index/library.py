"""The library: one folder holding the store and its search index, and what users do with it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from index import dedupe, story_assign, story_store
from index.adding import Adding, AddResult
from index.aliases import Alias, AliasBook, Expansion, defined_by
from index.errors import NewsdeskError, NotFoundError
from index.filters import SORTS, Filter, Sort
from index.index_upkeep import CATCH_UP_NOTICE, Notice, RebuildReport
from index.ingest import normalize_tag, normalize_tags
from index.models import Article, parse_published, published_text
from index.paths import library_dir
from index.reading import Reading
from index.search import SearchIndex, searchable_body
from index.snippets import make_snippet
from index.store import Store
from index.stories import Story
from index.story_store import Picks, Summary
from index.textsafe import clean

# What callers import from here; adding and index upkeep live in their own modules.
__all__ = ["CATCH_UP_NOTICE", "AddResult", "Hit", "Library", "RebuildReport", "SearchResults",
           "article_to_json"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the article, its score and a highlighted snippet."""

    article: Article
    score: float
    snippet: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of hits and the number of matches in all."""

    hits: list[Hit]
    total: int
    query: str
    terms: frozenset[str] = frozenset()  # the query's analysed words, for highlighting
    expanded: tuple[Expansion, ...] = ()  # what aliases added: ("IS", ("Islamic State",))
    exact: bool = True  # False: total is an estimate ("about N")


# Said when a correction is saved while another process writes the search index.
INDEX_FOLLOWS = ("saved; another newsdesk command (an import, a fetch or a rebuild) is writing "
                 "the search index: searches find the change once it is done")


class Library(Adding, Reading):
    """A newsdesk library folder: ``library.db`` (the record) and ``index/`` (derived)."""

    def __init__(self, root: Path, on_rebuild: RebuildReport | None = None, *,
                 sync_index: bool = True, on_notice: Notice | None = None) -> None:
        self.root = root
        self.on_rebuild = on_rebuild
        self.on_notice = on_notice
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NewsdeskError(
                f"cannot create the library folder {root}: {exc.strerror}",
                hint="pass --library DIR or set NEWSDESK_HOME",
            ) from None
        # A library on a read-only disk serves reads; writing says why it cannot.
        self.read_only = not os.access(root, os.W_OK)
        self.store = Store(root / "library.db", read_only=self.read_only)
        self.aliases = AliasBook(self.store.db)
        self.recent_shingles = dedupe.RecentShingles()
        self.index = SearchIndex(root / "index" if self.read_only else _index_folder(root),
                                 on_notice)
        # `reindex` skips this: it rebuilds whatever state the index is in.
        if sync_index and not self.read_only:
            self._sync_index()

    @classmethod
    def open(
        cls, override: str | Path | None = None, on_rebuild: RebuildReport | None = None,
        *, sync_index: bool = True, on_notice: Notice | None = None,
    ) -> Library:
        """The library named by --library, $NEWSDESK_HOME or the platform default.
        `on_notice(text)` is told what a user should know while a command runs: that it
        waits for another process (an import), that a cleaner process was lost."""
        return cls(library_dir(override), on_rebuild, sync_index=sync_index,
                   on_notice=on_notice)

    def close(self) -> None:
        """Release the database and index files."""
        self.index.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    def get(self, id_or_prefix: str) -> Article:
        """An article by id or unique id prefix."""
        return self.store.get(self.store.resolve(id_or_prefix))

    def dropped(self, article_id: str) -> list[str]:
        """What cleanup left out of an article's input (menus, prompts, footers...)."""
        return self.store.dropped(self.store.resolve(article_id))

    def duplicates_of(self, article_id: str) -> list[Article]:
        """Other copies of the same story (from other pages or outlets)."""
        return self.store.duplicates_of(article_id)

    def stories(
        self, ids: Sequence[str], *, only_new: bool = False, tags: Iterable[str] = ()
    ) -> list[Story]:
        """The articles with these ids grouped into stories, most important first (see
        `stories.importance`; `tags` are the tags the user asked for). A copy stands for the
        article it duplicates; a story lists its selected members and all their copies.
        Articles not yet in a story are placed now, and stay there. With only_new, what
        earlier briefings covered is left out."""
        return story_assign.stories_of(self.store, ids, only_new=only_new, tags=tags)

    def story_companions(self, article_id: str) -> list[Article]:
        """The other articles of this article's story (not its copies), oldest first."""
        return story_assign.companions(self.store, self.store.resolve(article_id))

    def story_summaries(self, made_from: Mapping[str, str]) -> dict[str, Summary]:
        """Kept summaries of these stories (story id -> a mark of what its summary would be
        made from now); only those made from the same are returned."""
        return story_store.summaries(self.store, made_from)

    def summarized_stories(self, story_ids: Sequence[str], asked: int) -> set[str]:
        """Which of these stories have a kept summary of at least `asked` sentences (made
        from any text: story_summaries tells which still fit)."""
        return story_store.summarized(self.store, story_ids, asked)

    def keep_story_summaries(self, made: Mapping[str, Summary]) -> None:
        """Keep these stories' summaries for the next time they are asked for."""
        story_store.keep_summaries(self.store, made)

    def story_picks(self, made_from: Mapping[str, str]) -> dict[str, Picks]:
        """Kept briefing picks of these stories (story id -> a mark of what they would be
        made from now); only those made from the same are returned."""
        return story_store.picks(self.store, made_from)

    def keep_story_picks(self, made: Mapping[str, tuple[str, Picks]]) -> None:
        """Keep these stories' briefing picks (story id -> (mark, picks)) for the next one."""
        story_store.keep_picks(self.store, made)

    def record_briefing(self, stories: Sequence[Story]) -> int:
        """Remember what a briefing covered (its stories' articles), for `only_new` later;
        returns the briefing's number."""
        return story_store.record_briefing(self.store, {s.id: s.article_ids for s in stories})

    def resolve_query(self, text: str) -> str:
        """A query with a leading @NAME replaced by that saved search's query."""
        text = clean(text).strip()  # typed or pasted: no controls, no lone surrogates
        if text.startswith("@"):
            return self.store.search_query(text[1:])
        return text

    def search(
        self, text: str, *, limit: int | None = 50, sort: Sort = "relevance",
        snippets: bool = True, exact: bool = False,
    ) -> SearchResults:
        """Search the library; `@NAME` runs a saved search.

        With snippets=False the hits carry no body and no snippet: a list view that shows
        only headlines skips reading and scanning every hit's text. The total of a ranked
        search is an estimate ("about N") unless ``exact``.
        """
        if sort not in SORTS:
            raise NewsdeskError(f"unknown sort {sort!r}", hint=f"choose from {', '.join(SORTS)}")
        query_text = self.resolve_query(text)
        parsed = self.index.parse(query_text, sort=sort, aliases=self.aliases.groups())
        found = self._on_index(lambda: self.index.search(
            parsed, limit=limit, sort=sort, texts=self._texts, exact=exact))
        ids = [h.id for h in found.hits]
        articles = {a.id: a for a in self.store.get_many(ids, bodies=snippets)}
        hits = [
            Hit(articles[h.id], h.score,
                make_snippet(articles[h.id].body, parsed.terms) if snippets else "")
            for h in found.hits
            if h.id in articles
        ]
        return SearchResults(hits, found.total, query_text, parsed.terms, parsed.expanded,
                             found.exact)

    def _texts(self, ids: Sequence[str]) -> dict[str, dict[str, str]]:
        # what the index analysed of each article, to confirm a phrase in
        return {a.id: {"title": a.title, "body": searchable_body(a)}
                for a in self.store.get_many(list(ids), bodies=True)}

    def _matching_ids(self, query: str) -> set[str]:
        # Only ids are needed: no bodies read, no snippets built.
        return {hit.article.id for hit in self.search(query, limit=None, snippets=False).hits}

    def data_version(self) -> int:
        """A number that changes when another connection (another program) changes the
        library: the reader polls it to follow `newsdesk add` or a cron fetch."""
        return self.store.data_version()

    # -- user state ---------------------------------------------------------------------------

    def tag(self, article_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Article:
        """Add and remove tags; saved at once, searchable as tag:NAME."""
        aid = self.store.resolve(article_id)
        self.store.change_tags(aid, normalize_tags(add), [normalize_tag(t) for t in remove])
        self.flush_index(wait=False)  # during an import, the importer indexes it
        return self.store.get(aid)

    def mark(self, article_id: str, **flags: bool) -> Article:
        """Set read / starred / in_basket marks; saved at once."""
        aid = self.store.resolve(article_id)
        if flags:
            self.store.set_flags(aid, **flags)
        return self.store.get(aid)

    def mark_all(self, where: Filter, **flags: bool) -> list[str]:
        """Set marks on every article a filter matches (newsboat's "mark all read"), in one
        transaction; returns the ids whose marks changed, so the change can be undone."""
        changed: dict[str, None] = {}
        for flag, value in flags.items():
            if getattr(where, flag) is not value:  # else every match has the mark already
                other: dict[str, Any] = {flag: not value}
                changed |= dict.fromkeys(self.ids(replace(where, **other)))
        self.mark_many(list(changed), **flags)
        return list(changed)

    def mark_many(self, ids: Sequence[str], **flags: bool) -> None:
        """Set the same marks on articles by exact id (unknown ids are left alone)."""
        if ids and flags:
            self.store.set_flags_many(ids, **flags)

    # -- corrections ----------------------------------------------------------------------------

    def edit(
        self, article_id: str, *, title: str | None = None, outlet: str | None = None,
        author: str | None = None, published: str | datetime | None = None,
    ) -> Article:
        """Correct an article's title, outlet, author or publication date; the index follows.

        Only the fields given change. ``published`` takes an ISO date ("2024-03-27"), a
        local time ("2024-03-27 12:45"), a zoned time ("2024-03-27T12:45+03:00"), an aware
        datetime, or "" to say the date is unknown.
        """
        aid = self.store.resolve(article_id)
        fields: dict[str, str | None] = {}
        if title is not None:
            if not title.strip():
                raise NewsdeskError("a title cannot be empty", hint="give the headline")
            fields["title"] = " ".join(title.split())
        if outlet is not None:
            fields["outlet"] = " ".join(outlet.split())
        if author is not None:
            fields["author"] = " ".join(author.split())
        if published is not None:
            fields["published"] = _published_field(published)
        if not fields:
            raise NewsdeskError("nothing to change",
                                hint="give --title, --outlet, --author or --published")
        before = self.store.get(aid)
        with self.store.transaction():
            self.store.update_article(aid, **fields)
            if "title" in fields and before.duplicate_of is None:
                self.aliases.unlearn(defined_by(before))
                self.aliases.learn(defined_by(self.store.get(aid)))
        self._index_follows()
        return self.store.get(aid)

    def delete(self, ids: Iterable[str]) -> list[str]:
        """Delete articles (ids or unique prefixes) and everything stored about them; the
        index follows. A deleted first copy hands its place to its oldest remaining copy.
        Returns the full ids deleted."""
        resolved = list(dict.fromkeys(self.store.resolve(i) for i in ids))
        with self.store.transaction():
            for article in self.store.get_many(resolved):
                if article.duplicate_of is None:  # copies were never counted
                    self.aliases.unlearn(defined_by(article))
            for copies in self.store.delete(resolved):
                self._promote(copies)
        self._index_follows()
        return resolved

    def _index_follows(self) -> None:
        # A correction is indexed now, or, while another process (an import) holds the
        # index writer, left queued for that one: like a tag, it never waits for an import.
        self.flush_index(wait=False)
        if self.on_notice is not None and self.store.outbox_size():
            self.on_notice(INDEX_FOLLOWS)

    def _promote(self, copies: Sequence[str]) -> None:
        # Copies of one deleted first copy: the oldest becomes the first, the rest link to it.
        articles = self.store.get_many(copies)
        root, rest = articles[0], [a.id for a in articles[1:]]
        _, bands = dedupe.keys(root.body)
        self.store.relink(root.id, rest, bands)
        self.aliases.learn(defined_by(root))  # now a first copy, it counts

    def save_search(self, name: str, query: str) -> None:
        """Save a search under a name, after checking that it parses."""
        name = name.strip().lstrip("@")
        if not name or any(ch.isspace() for ch in name):
            raise NewsdeskError(f"bad search name {name!r}", hint="use one word, like iraq-border")
        self.index.parse(self.resolve_query(query))
        self.store.save_search(name, query)

    # -- aliases -----------------------------------------------------------------------------

    def add_alias(self, name: str, synonyms: Sequence[str]) -> None:
        """Make each synonym mean the name in searches (and the name each synonym)."""
        name = " ".join(name.split())
        clean = [" ".join(s.split()) for s in synonyms if s.strip() and s.strip() != name]
        if not name or not clean:
            raise NewsdeskError("an alias needs a name and at least one other word for it",
                                hint='newsdesk alias add "Islamic State" Daesh ISIL')
        with self.store.transaction():
            self.aliases.add(name, clean)

    def remove_alias(self, name: str, synonyms: Sequence[str] = ()) -> int:
        """Stop using a name's aliases (or only these); learned ones stay removed."""
        with self.store.transaction():
            removed = self.aliases.remove(" ".join(name.split()), synonyms)
        if not removed:
            raise NotFoundError(f"no aliases of {name!r}", hint="see `newsdesk alias list`")
        return removed

    def alias_list(self) -> list[Alias]:
        """Every alias in use: the user's, and the names the articles define."""
        return self.aliases.all()

    # -- export, stats -------------------------------------------------------------------

    def export(self, out: IO[str]) -> int:
        """Write every article with its user state as JSON lines; returns the count."""
        count = 0
        for batch in _batches(self.store.ids(order="added, id"), 1000):
            for article in self.store.get_many(batch):
                out.write(json.dumps(article_to_json(article), ensure_ascii=False) + "\n")
                count += 1
        return count

    def stats(self) -> dict[str, Any]:
        """Counts a user checks: articles, unread, tags, outlets, index health."""
        s = self.store
        return {
            "library": str(self.root),
            "articles": s.count(),
            "stories": s.count(Filter(duplicates=False)),
            "duplicates": s.count(Filter(duplicates=True)),
            "unread": s.count(Filter(read=False)),
            "starred": s.count(Filter(starred=True)),
            "in_basket": s.count(Filter(in_basket=True)),
            "tags": s.distinct_tags(),
            "outlets": s.distinct_outlets(),
            "saved_searches": len(s.searches()),
            "indexed": self._on_index(self.index.doc_count),
            "pending_index": s.outbox_size(),
        }


def article_to_json(article: Article) -> dict[str, Any]:
    """The JSON form of an article (`show --json` and the export format)."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": published_text(article.published, article.published_precision),
        "added": article.added.isoformat(),
        "url": article.url,
        "origin": article.origin,
        "tags": list(article.tags),
        "read": article.read,
        "starred": article.starred,
        "in_basket": article.in_basket,
        "body": article.body,
        "standfirst": article.standfirst,
        "captions": list(article.captions),
        "duplicate_of": article.duplicate_of,
    }


def _published_field(value: str | datetime) -> str | None:
    """The stored form of an edited publication date (None: unknown)."""
    if isinstance(value, datetime):
        return published_text(value if value.tzinfo else value.replace(tzinfo=UTC),
                              "zoned" if value.tzinfo else "local")
    text = value.strip()
    if not text or text.lower() in ("none", "unknown"):
        return None
    try:
        when, precision = parse_published(text.replace(" ", "T", 1))
    except ValueError:
        raise NewsdeskError(
            f"cannot read the date {value!r}",
            hint="use 2024-03-27, 2024-03-27 12:45 or 2024-03-27T12:45+03:00; '' for unknown",
        ) from None
    return published_text(when, precision)


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _index_folder(root: Path) -> Path:
    """The index folder; a file in its place (not ours to keep: the index is derived) goes."""
    folder = root / "index"
    if folder.exists() and not folder.is_dir():
        folder.unlink()
    return folder
