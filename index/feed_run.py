"""Fetching feeds: many at once in worker threads, stored from one thread, one report each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from index.errors import FetchError, NewsdeskError
from index.feed_parse import FeedItem, ParsedFeed, item_source, parse_feed
from index.feeds import Feed, FeedStore, name_from_url, slug
from index.fetch import Fetcher, Response
from index.ingest import Source
from index.library import AddResult, Library

FEED_WORKERS = 4  # feeds fetched at once
PAGE_WORKERS = 6  # item pages fetched at once, over all feeds (a browser's per-host limit)
# New items taken from one feed in one run; a feed of thousands is read over several runs.
MAX_ITEMS = 100

# What one feed gave: new items, nothing new (HTTP 304), or a failure.
FeedStatus = Literal["ok", "not-modified", "error"]


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one feed gave in a run."""

    feed: Feed
    status: FeedStatus
    new: list[str] = field(default_factory=list)  # ids of articles added
    seen: int = 0  # items taken on an earlier run
    duplicates: int = 0  # new items whose story the library already held
    fallback: list[str] = field(default_factory=list)  # why items were stored from feed text
    failed: list[str] = field(default_factory=list)  # items not stored (tried again next run)
    error: str = ""

    def to_json(self) -> dict[str, object]:
        """The `fetch --json` line for this feed."""
        return {
            "feed": self.feed.name, "url": self.feed.url, "status": self.status,
            "new": self.new, "seen": self.seen, "duplicates": self.duplicates,
            "from_feed_text": len(self.fallback), "failed": self.failed,
            "error": self.error or None,
        }


@dataclass(slots=True)
class _Pick:
    """One new item and what was fetched for it (the page, else the feed's text)."""

    item: FeedItem
    source: Source | AddResult
    fallback: str = ""  # why the feed's text stands in for the page


@dataclass(slots=True)
class _Collected:
    """A feed's fetch as a worker thread hands it back, before anything is stored."""

    feed: Feed
    status: FeedStatus
    items: list[FeedItem] = field(default_factory=list)  # new ones, pages not fetched yet
    seen: int = 0
    capped: bool = False  # more new items than MAX_ITEMS: the rest come next run
    etag: str | None = None
    last_modified: str | None = None
    error: str = ""


def subscribe(library: Library, fetcher: Fetcher, url: str, name: str = "",
              tags: Sequence[str] = ()) -> Feed:
    """Check that URL is a readable feed, then add it, named after its title unless given."""
    feeds = FeedStore(library.store)
    if feeds.has_url(url):
        raise NewsdeskError(f"already subscribed to {url}", hint="see `newsdesk feed list`")
    response = fetcher.get(url)
    parsed = parse_feed(response.url, response.body, _headers(response))
    name = name or feeds.unique_name(slug(parsed.title) or name_from_url(url))
    return feeds.add(url, name, tags)


def run(library: Library, feeds: Sequence[Feed], fetcher: Fetcher,
        on_report: Callable[[FeedReport], None] | None = None) -> list[FeedReport]:
    """Fetch the feeds and store their new items; one report per feed, in the given order.

    Network work happens in worker threads; the library is written only from this thread,
    one feed at a time as each finishes, so a failing feed never holds up the others.
    """
    store = FeedStore(library.store)
    seen = {f.name: store.seen_keys(f.name) for f in feeds}
    reports: dict[str, FeedReport] = {}
    with ThreadPoolExecutor(FEED_WORKERS, "feed") as feed_pool, \
            ThreadPoolExecutor(PAGE_WORKERS, "page") as page_pool:
        futures = {feed_pool.submit(_collect, f, seen[f.name], fetcher): f for f in feeds}
        for future in as_completed(futures):
            got = _outcome(future, futures[future])
            report = _store(library, store, got, _Pages(fetcher, page_pool, got.feed))
            reports[report.feed.name] = report
            if on_report:
                on_report(report)
    return [reports[f.name] for f in feeds]


def _outcome(future: Future[_Collected], feed: Feed) -> _Collected:
    try:
        return future.result()
    except Exception as exc:  # a bug or library failure in one feed must not stop the run
        return _Collected(feed, "error", error=f"unexpected {type(exc).__name__}: {exc}")


# -- in worker threads: fetching only, nothing touches the library -----------------------------

def _collect(feed: Feed, seen: set[str], fetcher: Fetcher) -> _Collected:
    try:
        response = fetcher.get(feed.url, _conditional(feed))
        if response.status == 304:
            return _Collected(feed, "not-modified")
        parsed = parse_feed(response.url, response.body, _headers(response))
    except NewsdeskError as exc:
        return _Collected(feed, "error", error=exc.message)
    new = _new_items(parsed, seen)
    return _Collected(feed, "ok", new[:MAX_ITEMS], len(parsed.items) - len(new),
                      capped=len(new) > MAX_ITEMS,
                      etag=response.headers.get("etag", ""),
                      last_modified=response.headers.get("last-modified", ""))


def _conditional(feed: Feed) -> dict[str, str]:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _headers(response: Response) -> dict[str, str]:
    return {"content-type": response.headers.get("content-type", "")}


def _new_items(parsed: ParsedFeed, seen: set[str]) -> list[FeedItem]:
    fresh: dict[str, FeedItem] = {}
    for item in parsed.items:
        if item.key not in seen:
            fresh.setdefault(item.key, item)  # a feed listing an item twice gives it once
    return list(fresh.values())


def _pick(item: FeedItem, fetcher: Fetcher, feed_host: str) -> _Pick:
    if not item.link:
        return _fallback(item, "the item has no link")
    try:
        return _Pick(item, fetcher.page(item.link, trusted=[feed_host]))
    except FetchError as exc:
        return _fallback(item, exc.message)


def _fallback(item: FeedItem, why: str) -> _Pick:
    if item.text.strip():
        return _Pick(item, item_source(item), why)
    error = AddResult(item.link or item.key, "error", title=item.title,
                      error=f"{why}; the feed gives no text for it either")
    return _Pick(item, error, why)


# -- in the calling thread: the only writer ----------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Pages:
    """Fetches a feed's item pages in the page pool, a few at a time."""

    fetcher: Fetcher
    pool: ThreadPoolExecutor
    feed: Feed

    def fetch(self, items: Sequence[FeedItem]) -> list[_Pick]:
        # The feed's own host is trusted for its items (a feed the user added on
        # localhost links there); other internal addresses are refused (index.netguard).
        host = urlsplit(self.feed.url).hostname or ""
        return list(self.pool.map(lambda item: _pick(item, self.fetcher, host), items))


def _store(library: Library, store: FeedStore, got: _Collected, pages: _Pages) -> FeedReport:
    if got.status != "ok":
        store.record_fetch(got.feed, [], error=got.error)
        return FeedReport(got.feed, got.status, error=got.error)
    picks: list[_Pick] = []
    results: list[AddResult] = []
    # Pages are stored as they arrive, PAGE_WORKERS at a time: a feed of 100 large pages
    # never sits in memory at once.
    for start in range(0, len(got.items), PAGE_WORKERS):
        chunk = pages.fetch(got.items[start : start + PAGE_WORKERS])
        stored = library.add_sources([p.source for p in chunk], tags=got.feed.tags)
        stored = _retry_from_feed_text(library, got.feed, chunk, stored)
        picks += [_Pick(p.item, r, p.fallback) for p, r in zip(chunk, stored, strict=True)]
        results += stored
    report = _report(got.feed, picks, results, got.seen)
    taken = [(p.item.key, r.id) for p, r in zip(picks, results, strict=True)
             if r.status in ("added", "duplicate")]
    # Validators are kept only when every item made it in, so failures (and items past
    # the cap) are tried again.
    keep = not report.failed and not got.capped
    store.record_fetch(got.feed, taken, etag=got.etag if keep else None,
                       last_modified=got.last_modified if keep else None)
    return report


def _retry_from_feed_text(library: Library, feed: Feed, picks: list[_Pick],
                          results: list[AddResult]) -> list[AddResult]:
    # A page fetched fine but held no article the extractor could find: the feed's text
    # is better than nothing.
    retry = [i for i, (p, r) in enumerate(zip(picks, results, strict=True))
             if r.status == "error" and not p.fallback and p.item.text.strip()]
    if not retry:
        return results
    for i in retry:
        picks[i] = _Pick(picks[i].item, item_source(picks[i].item),
                         f"page unreadable: {results[i].error}")
    again = library.add_sources([picks[i].source for i in retry], tags=feed.tags)
    merged = list(results)
    for i, result in zip(retry, again, strict=True):
        merged[i] = result
    return merged


def _report(feed: Feed, picks: list[_Pick], results: list[AddResult], seen: int
            ) -> FeedReport:
    pairs = list(zip(picks, results, strict=True))
    return FeedReport(
        feed, "ok",
        new=[r.id for _, r in pairs if r.status == "added"],
        seen=seen,
        duplicates=sum(r.status == "duplicate" for _, r in pairs),
        fallback=[_why(p) for p, r in pairs if p.fallback and r.status != "error"],
        failed=[f"{r.origin}: {r.error}" for _, r in pairs if r.status == "error"],
    )


def _why(pick: _Pick) -> str:
    where = pick.item.link or pick.item.key
    # Fetch errors already start with the address; other reasons need it in front.
    return pick.fallback if pick.fallback.startswith(where) else f"{where}: {pick.fallback}"
