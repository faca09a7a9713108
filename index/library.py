"""The library: one folder holding the store and its search index, and what users do with it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

from index import dedupe, story_assign, story_store
from index.aliases import Alias, AliasBook, Expansion, definitions
from index.errors import InputError, NewsdeskError, NotFoundError
from index.filters import Filter
from index.ingest import (
    Source,
    expand,
    extract,
    normalize_tag,
    normalize_tags,
    prepare,
    read_file,
)
from index.jsonl import BadLine, parse_line
from index.models import Article, parse_published, published_text
from index.paths import library_dir
from index.reading import Reading
from index.search import SORTS, IndexBusy, SearchIndex
from index.snippets import make_snippet
from index.sources import URL
from index.store import NewArticle, Store
from index.stories import Story
from index.textsafe import clean

T = TypeVar("T")
BATCH = 500  # inputs read and cleaned per step of a bulk add
STORE_CHUNK = 25  # inputs per store transaction: short, so other writers barely wait
CATCH_UP_NOTICE = 1000  # articles left unindexed before opening says it is catching up
FLUSH = 5000  # inputs per index commit on a bulk add or import
# Whoosh sub-writer processes for a bulk add: they index while this process cleans.
INDEX_PROCS = max(1, min(4, os.cpu_count() or 1))


class RebuildReport(Protocol):
    """Told why the search index is being rebuilt, and how far it got (done of total)."""

    def __call__(self, reason: str, done: int, total: int) -> None: ...


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one input of `add`."""

    origin: str
    status: str  # "added", "duplicate", "skipped" or "error"
    id: str = ""
    title: str = ""
    error: str = ""
    duplicate_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `add --json` line for this input."""
        return {
            "origin": self.origin,
            "id": self.id or None,
            "status": self.status,
            "title": self.title or None,
            "error": self.error or None,
        }


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


class Library(Reading):
    """A newsdesk library folder: ``library.db`` (the record) and ``index/`` (derived)."""

    def __init__(self, root: Path, on_rebuild: RebuildReport | None = None, *,
                 sync_index: bool = True) -> None:
        self.root = root
        self.on_rebuild = on_rebuild
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
        self.index = SearchIndex(root / "index" if self.read_only else _index_folder(root))
        # `reindex` skips this: it rebuilds whatever state the index is in.
        if sync_index and not self.read_only:
            self._sync_index()

    @classmethod
    def open(
        cls, override: str | Path | None = None, on_rebuild: RebuildReport | None = None,
        *, sync_index: bool = True,
    ) -> Library:
        """The library named by --library, $NEWSDESK_HOME or the platform default."""
        return cls(library_dir(override), on_rebuild, sync_index=sync_index)

    def close(self) -> None:
        """Release the database and index files."""
        self.index.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping the index in step with the store ------------------------------------------

    def _sync_index(self) -> None:
        # The index is derived: rebuild it when it is missing, and catch up on articles a
        # killed process stored but never indexed.
        if not self.index.exists():
            if self.store.count():
                self._rebuild_index("the search index is missing")
            else:
                self.reindex()
        elif damage := self.index.damage():
            self._rebuild_index(f"the search index is damaged ({damage})")
        elif self.index.outdated():
            self._rebuild_index("the search index was made by another version of newsdesk")
        elif pending := self.store.outbox_size():
            self._catch_up(pending)

    def _catch_up(self, pending: int) -> None:
        # Articles stored but not indexed: a killed command's, or an import's in flight.
        # An import holding the writer indexes them itself: then this does not wait.
        reason = "catching the search index up with articles stored but not indexed yet"
        report = self.on_rebuild
        if report is None or pending < CATCH_UP_NOTICE:
            self.flush_index(wait=False)
            return
        report(reason, 0, pending)
        self.flush_index(wait=False, progress=lambda done: report(reason, done, pending))

    def flush_index(self, *, wait: bool = True,
                    progress: Callable[[int], None] | None = None) -> int:
        """Index every article whose index entry is missing or stale; returns how many.

        With wait=False it stops, leaving the rest in the outbox, when another process
        is writing the index: that one (or the next command) indexes them, and a user's
        tag or search never waits for an import.
        """
        done = 0
        try:
            while ids := self.store.outbox(limit=5000):
                articles = self.store.get_many(ids)
                live = [a for a in articles if a.duplicate_of is None]
                gone = sorted(set(ids) - {a.id for a in live})
                self._on_index(partial(self.index.update, live, removed=gone, wait=wait))
                self.store.clear_outbox(ids)
                done += len(ids)
                if progress:
                    progress(done)
        except IndexBusy:
            pass  # the writer's holder flushes the outbox when it finishes
        return done

    def reindex(
        self, progress: Callable[[int], None] | None = None, *, unless_current: bool = False
    ) -> int:
        """Rebuild the search index from the store; the old one serves until the switch."""
        pending = self.store.outbox(limit=10**9)
        count = self.index.rebuild(self.store.iter_indexable(), progress,
                                   unless_current=unless_current)
        self.store.clear_outbox(pending)
        return count

    def _on_index(self, operation: Callable[[], T]) -> T:
        """Run an index operation; if the index turns out damaged, rebuild it and retry.

        The store is the record, so a broken index costs a rebuild, never data. Only a
        failure that damage() confirms leads to a rebuild: anything else is raised.
        """
        try:
            return operation()
        except (NewsdeskError, IndexBusy):
            raise
        except Exception as exc:
            self._repair_or_raise(exc)
            return operation()

    def _repair_or_raise(self, exc: Exception) -> None:
        damage = self.index.damage()
        if not damage and self.index.exists():
            raise exc
        self.index.close()
        self._rebuild_index(f"the search index is damaged ({damage or 'missing files'})")

    def _rebuild_index(self, reason: str) -> None:
        """Rebuild an index that cannot serve as it is, telling on_rebuild why and how far."""
        total = self.store.count(Filter(duplicates=False))
        report = self.on_rebuild or (lambda reason, done, total: None)
        reason += "; rebuilding it from the library"
        report(reason, 0, total)
        self.reindex(lambda done: report(reason, done, total), unless_current=True)

    # -- adding -----------------------------------------------------------------------------

    def add(self, args: Iterable[str], tags: Iterable[str] = (),
            outlet: str = "") -> Iterator[AddResult]:
        """Add files, folders and URLs; one result per input, in order, as chunks land.

        A non-empty ``outlet`` names the outlet of every input, whatever cleanup finds.
        """
        tag_list = normalize_tags(tags)
        outlet = " ".join(outlet.split())

        def batches() -> Iterator[list[NewArticle | AddResult]]:
            batch: list[tuple[str, str | None]] = []
            for item in expand(args):
                batch.append(item)
                if len(batch) >= BATCH:
                    yield self._prepare_batch(batch, tag_list, outlet)
                    batch = []
            if batch:
                yield self._prepare_batch(batch, tag_list, outlet)

        yield from self._ingest(batches())

    def add_sources(
        self, sources: Iterable[Source | AddResult], tags: Iterable[str] = ()
    ) -> list[AddResult]:
        """Add already-read sources (fetched pages, feed items) in one batch."""
        prepared: list[NewArticle | AddResult] = []
        tag_list = normalize_tags(tags)
        for source in sources:
            prepared.append(
                source if isinstance(source, AddResult) else self._prepare(source, tag_list)
            )
        return self._store_batch(prepared)

    def _prepare_batch(
        self, batch: Sequence[tuple[str, str | None]], tags: tuple[str, ...], outlet: str = ""
    ) -> list[NewArticle | AddResult]:
        prepared: list[NewArticle | AddResult] = []
        for origin, kind in batch:
            if kind is None:
                prepared.append(AddResult(origin, "skipped", error="not an article format"))
            elif kind.startswith("unreadable:"):
                why = kind.partition(":")[2]
                prepared.append(AddResult(origin, "error",
                                          error=f"{origin}: cannot read this folder ({why})"))
            elif kind == URL:
                prepared.append(self._fetch(origin, tags, outlet))
            else:
                try:
                    source = read_file(origin, kind)
                except InputError as exc:
                    prepared.append(AddResult(origin, "error", error=exc.message))
                    continue
                prepared.append(self._prepare(source, tags, outlet))
        return prepared

    def _fetch(self, url: str, tags: tuple[str, ...], outlet: str = "") -> NewArticle | AddResult:
        # Imported here: fetching needs httpx, which local adds never touch.
        from index.fetch import fetch_source

        try:
            return self._prepare(fetch_source(url), tags, outlet)
        except NewsdeskError as exc:
            return AddResult(url, "error", error=exc.message)

    @staticmethod
    def _prepare(source: Source, tags: tuple[str, ...], outlet: str = ""
                 ) -> NewArticle | AddResult:
        try:
            extracted = extract(source)
            if outlet:
                extracted = replace(extracted, outlet=outlet)
            return prepare(source, extracted, tags)
        except InputError as exc:
            return AddResult(source.origin, "error", error=exc.message)

    def _store_batch(self, prepared: Sequence[NewArticle | AddResult]) -> list[AddResult]:
        results = self._store_only(prepared)
        if any(r.status == "added" for r in results):
            self.flush_index()
        return results

    def _store_only(self, prepared: Sequence[NewArticle | AddResult]) -> list[AddResult]:
        # Short transactions: a kill leaves each chunk stored (and queued in the outbox)
        # or not, and a user's tag or mark waits for one chunk at most, not a batch.
        results: list[AddResult] = []
        for start in range(0, len(prepared), STORE_CHUNK):
            with self.store.transaction():
                results += [
                    item if isinstance(item, AddResult) else self._store_one(item)
                    for item in prepared[start : start + STORE_CHUNK]
                ]
        return results

    def _ingest(self, batches: Iterator[list[NewArticle | AddResult]]) -> Iterator[AddResult]:
        """Store prepared batches, indexing them in chunks of FLUSH inputs, one commit each.

        The index writer stays open while the next batches are read and cleaned, so on a
        bulk add Whoosh's sub-writer processes index one batch while this process prepares
        the next. Results are yielded after each chunk's commit, never with the writer
        open, so a caller may write to the library between results. Each batch is stored
        (and queued in the outbox) in its own transaction before it reaches the index: a
        kill at any moment loses at most the index entries, which the outbox restores.
        """
        batch = next(batches, None)
        # A few files are not worth starting sub-writer processes for.
        procs = INDEX_PROCS if batch is not None and len(batch) >= BATCH else 1
        while batch is not None:
            results: list[AddResult] = []
            indexed: list[str] = []
            try:
                with self.index.bulk(procs=procs) as writer:
                    while batch is not None and len(results) < FLUSH:
                        stored = self._store_only(batch)
                        new = [
                            item.article
                            for item, result in zip(batch, stored, strict=True)
                            if result.status == "added" and isinstance(item, NewArticle)
                        ]
                        writer(new)
                        indexed += [a.id for a in new]
                        results += stored
                        batch = next(batches, None)  # read and cleaned while Whoosh indexes
            except NewsdeskError:
                raise
            except Exception as exc:
                # Stored and queued already: a rebuild from the store indexes them too.
                self._repair_or_raise(exc)
            self.store.clear_outbox(indexed)
            yield from results
        if self.store.outbox_size():
            self.flush_index()

    def _store_one(self, item: NewArticle) -> AddResult:
        a = item.article
        same_text = self.store.find_hash(item.content_hash)
        if self.store.exists(a.id):
            if any(other_id == a.id for other_id, _url, _origin in same_text):
                return AddResult(a.origin, "duplicate", a.id, a.title, duplicate_of=a.id)
            # An import line reusing an id for other text: say so rather than drop it.
            return AddResult(a.origin, "error", a.id, a.title,
                             error=f"id {a.id} is already another article's; not added")
        # The same file or page again is a no-op; the same text from another page or
        # outlet is kept, linked to the first copy, so a briefing can say "also reported by".
        for other_id, other_url, other_origin in same_text:
            if (a.url and other_url == a.url) or other_origin == a.origin:
                return AddResult(a.origin, "duplicate", other_id, a.title, duplicate_of=other_id)
        if a.url and (same_url := self.store.find_url(a.url)):
            return AddResult(a.origin, "duplicate", same_url, a.title, duplicate_of=same_url)
        root = self._root_of(same_text[0][0]) if same_text else self._near_duplicate(item)
        if root:
            item = NewArticle(a.with_state(duplicate_of=root), item.content_hash, (), item.raw)
        self.store.insert([item])
        if not root:  # a copy defines nothing new; counting it twice would outvote others
            self.aliases.learn(definitions(f"{a.title}\n{a.body}"))
        if root:
            return AddResult(a.origin, "duplicate", a.id, a.title, duplicate_of=root)
        return AddResult(a.origin, "added", a.id, a.title)

    def _root_of(self, article_id: str) -> str:
        return self.store.get(article_id).duplicate_of or article_id

    def _near_duplicate(self, item: NewArticle) -> str | None:
        candidates = self.store.band_candidates(item.bands)
        if not candidates:
            return None
        mine = dedupe.shingles(dedupe.words(item.article.body))
        best = sorted(candidates, key=candidates.__getitem__, reverse=True)[:5]
        for other in self.store.get_many(best):
            theirs = dedupe.shingles(dedupe.words(other.body))
            if dedupe.containment(mine, theirs) >= dedupe.NEAR_DUPLICATE:
                return other.duplicate_of or other.id
        return None

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
        self, text: str, *, limit: int | None = 50, sort: str = "relevance",
        snippets: bool = True,
    ) -> SearchResults:
        """Search the library; `@NAME` runs a saved search.

        With snippets=False the hits carry no body and no snippet: a list view that shows
        only headlines skips reading and scanning every hit's text.
        """
        if sort not in SORTS:
            raise NewsdeskError(f"unknown sort {sort!r}", hint=f"choose from {', '.join(SORTS)}")
        query_text = self.resolve_query(text)
        parsed = self.index.parse(query_text, sort=sort, aliases=self.aliases.groups())
        found, total = self._on_index(lambda: self.index.search(parsed, limit=limit,
                                                                 sort=sort))
        ids = [h.id for h in found]
        articles = {a.id: a for a in self.store.get_many(ids, bodies=snippets)}
        hits = [
            Hit(articles[h.id], h.score,
                make_snippet(articles[h.id].body, parsed.terms) if snippets else "")
            for h in found
            if h.id in articles
        ]
        return SearchResults(hits, total, query_text, parsed.terms, parsed.expanded)

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
        self.store.update_article(aid, **fields)
        self.flush_index()
        return self.store.get(aid)

    def delete(self, ids: Iterable[str]) -> list[str]:
        """Delete articles (ids or unique prefixes) and everything stored about them; the
        index follows. A deleted first copy hands its place to its oldest remaining copy.
        Returns the full ids deleted."""
        resolved = list(dict.fromkeys(self.store.resolve(i) for i in ids))
        with self.store.transaction():
            for copies in self.store.delete(resolved):
                self._promote(copies)
        self.flush_index()
        return resolved

    def _promote(self, copies: Sequence[str]) -> None:
        # Copies of one deleted first copy: the oldest becomes the first, the rest link to it.
        articles = self.store.get_many(copies)
        root, rest = articles[0], [a.id for a in articles[1:]]
        _, bands = dedupe.keys(root.body)
        self.store.relink(root.id, rest, bands)

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

    # -- export, import, stats -------------------------------------------------------------------

    def export(self, out: IO[str]) -> int:
        """Write every article with its user state as JSON lines; returns the count."""
        count = 0
        for batch in _batches(self.store.ids(order="added, id"), 1000):
            for article in self.store.get_many(batch):
                out.write(json.dumps(article_to_json(article), ensure_ascii=False) + "\n")
                count += 1
        return count

    def import_jsonl(self, lines: Iterable[str], origin: str) -> Iterator[AddResult]:
        """Add articles from JSON lines in the export format, keeping ids and user state."""

        def batches() -> Iterator[list[NewArticle | AddResult]]:
            batch: list[NewArticle | AddResult] = []
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                batch.append(_from_json_line(line, f"{origin}:{number}"))
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch

        yield from self._ingest(batches())

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


def _from_json_line(line: str, where: str) -> NewArticle | AddResult:
    try:
        article, chash, bands = parse_line(line, where)
    except BadLine as exc:
        return AddResult(where, "error", error=f"bad article line: {exc}")
    return NewArticle(article, chash, bands, line.encode("utf-8", errors="replace"))


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _index_folder(root: Path) -> Path:
    """The index folder; a file in its place (not ours to keep: the index is derived) goes."""
    folder = root / "index"
    if folder.exists() and not folder.is_dir():
        folder.unlink()
    return folder
