"""Fetching feeds: many at once in worker threads, stored from one thread, one report each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from index.errors import FetchError, NewsdeskError
from index.feed_parse import FeedItem, ParsedFeed, item_source, parse_feed
from index.feeds import Feed, FeedStore, name_from_url, slug
from index.fetch import Fetcher, Response
from index.ingest import Source
from index.library import AddResult, Library

FEED_WORKERS = 4  # feeds fetched at once
PAGE_WORKERS = 6  # item pages fetched at once, over all feeds (a browser's per-host limit)


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one feed gave in a run."""

    feed: Feed
    status: str  # "ok", "not-modified" or "error"
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
    status: str
    picks: list[_Pick] = field(default_factory=list)
    seen: int = 0
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
        futures = {feed_pool.submit(_collect, f, seen[f.name], fetcher, page_pool): f
                   for f in feeds}
        for future in as_completed(futures):
            report = _store(library, store, _outcome(future, futures[future]))
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

def _collect(feed: Feed, seen: set[str], fetcher: Fetcher, pages: ThreadPoolExecutor
             ) -> _Collected:
    try:
        response = fetcher.get(feed.url, _conditional(feed))
        if response.status == 304:
            return _Collected(feed, "not-modified")
        parsed = parse_feed(response.url, response.body, _headers(response))
    except NewsdeskError as exc:
        return _Collected(feed, "error", error=exc.message)
    new = _new_items(parsed, seen)
    picks = list(pages.map(lambda item: _pick(item, fetcher), new))
    return _Collected(feed, "ok", picks, len(parsed.items) - len(new),
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


def _pick(item: FeedItem, fetcher: Fetcher) -> _Pick:
    if not item.link:
        return _fallback(item, "the item has no link")
    try:
        return _Pick(item, fetcher.page(item.link))
    except FetchError as exc:
        return _fallback(item, exc.message)


def _fallback(item: FeedItem, why: str) -> _Pick:
    if item.text.strip():
        return _Pick(item, item_source(item), why)
    error = AddResult(item.link or item.key, "error", title=item.title,
                      error=f"{why}; the feed gives no text for it either")
    return _Pick(item, error, why)


# -- in the calling thread: the only writer ----------------------------------------------------

def _store(library: Library, store: FeedStore, got: _Collected) -> FeedReport:
    if got.status != "ok":
        store.record_fetch(got.feed, [], error=got.error)
        return FeedReport(got.feed, got.status, error=got.error)
    results = library.add_sources([p.source for p in got.picks], tags=got.feed.tags)
    results = _retry_from_feed_text(library, got, results)
    report = _report(got, results)
    taken = [(p.item.key, r.id) for p, r in zip(got.picks, results, strict=True)
             if r.status in ("added", "duplicate")]
    # Validators are kept only when every item made it in, so failures are tried again.
    keep = not report.failed
    store.record_fetch(got.feed, taken, etag=got.etag if keep else None,
                       last_modified=got.last_modified if keep else None)
    return report


def _retry_from_feed_text(library: Library, got: _Collected, results: list[AddResult]
                          ) -> list[AddResult]:
    # A page fetched fine but held no article the extractor could find: the feed's text
    # is better than nothing.
    retry = [i for i, (p, r) in enumerate(zip(got.picks, results, strict=True))
             if r.status == "error" and not p.fallback and p.item.text.strip()]
    if not retry:
        return results
    for i in retry:
        got.picks[i] = _Pick(got.picks[i].item, item_source(got.picks[i].item),
                             f"page unreadable: {results[i].error}")
    again = library.add_sources([got.picks[i].source for i in retry], tags=got.feed.tags)
    merged = list(results)
    for i, result in zip(retry, again, strict=True):
        merged[i] = result
    return merged


def _report(got: _Collected, results: list[AddResult]) -> FeedReport:
    pairs = list(zip(got.picks, results, strict=True))
    return FeedReport(
        got.feed, "ok",
        new=[r.id for _, r in pairs if r.status == "added"],
        seen=got.seen,
        duplicates=sum(r.status == "duplicate" for _, r in pairs),
        fallback=[_why(p) for p, r in pairs if p.fallback and r.status != "error"],
        failed=[f"{r.origin}: {r.error}" for _, r in pairs if r.status == "error"],
    )


def _why(pick: _Pick) -> str:
    where = pick.item.link or pick.item.key
    # Fetch errors already start with the address; other reasons need it in front.
    return pick.fallback if pick.fallback.startswith(where) else f"{where}: {pick.fallback}"
