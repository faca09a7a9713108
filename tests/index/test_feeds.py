"""Feeds against a real local server: parsing, new vs seen, 304s, fallbacks, OPML."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index.errors import FetchError, InputError, NewsdeskError
from index.feed_parse import parse_feed
from index.feed_run import FeedReport, run, subscribe
from index.feeds import Feed, FeedStore
from index.fetch import FetchConfig, Fetcher
from index.library import Library
from index.opml import import_outlines, read_opml, write_opml
from tests.index.httpserver import LocalServer, article_page, atom, rss, serve

# Generous: a loaded machine must not time out a local answer; hanging routes never
# answer, so their tests wait exactly `timeout`.
FAST = FetchConfig(timeout=2.0, deadline=30.0, max_bytes=1 * 2**20, max_redirects=4)

STORIES = {
    "bridge": ("Old swing bridge to close for repairs",
               "The swing bridge over the canal will close for six weeks from June while "
               "engineers replace its worn gears, the county highways office said.",
               "Cyclists will be sent along the towpath, and a temporary footbridge is planned "
               "for the busiest hours of the morning and evening."),
    "library": ("Town library extends its opening hours",
                "The central library will open until nine on weekday evenings from next month, "
                "after a volunteer scheme found enough helpers to staff the late shifts.",
                "Librarians said the study rooms had been full most afternoons since the "
                "university moved its own reading room across the river."),
    "orchard": ("Community orchard plants its hundredth tree",
                "Volunteers planted the hundredth tree in the community orchard on Saturday, "
                "a pear grafted from a tree that grew in the old rectory garden.",
                "The orchard group hopes to press its first juice in the autumn and to share "
                "the harvest with the primary school that helped dig the beds."),
}


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        for slug, (title, *paragraphs) in STORIES.items():
            running.route(f"/news/{slug}", article_page(title, *paragraphs))
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


def rss_items(server: LocalServer, *slugs: str) -> list[dict[str, str]]:
    return [{"title": STORIES[s][0] if s in STORIES else s,
             "link": server.url(f"/news/{s}?utm_source=rss"), "guid": f"urn:gazette:{s}",
             "description": f"Summary of {s}: the feed's own short text about it.",
             "pubDate": "Tue, 05 Mar 2024 08:00:00 GMT"} for s in slugs]


def add_feed(library: Library, url: str, name: str = "gazette",
             tags: tuple[str, ...] = ()) -> Feed:
    return FeedStore(library.store).add(url, name, tags)


def fetch_all(library: Library, fetcher: Fetcher, *names: str) -> list[FeedReport]:
    return run(library, FeedStore(library.store).select(names), fetcher)


def test_rss_items_become_tagged_articles_with_page_text(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    url = server.route("/rss.xml", rss("Gazette", rss_items(server, "bridge", "library")),
                       content_type="application/rss+xml")
    add_feed(library, url, tags=("Local News",))
    [report] = fetch_all(library, fetcher)
    assert (report.status, len(report.new), report.seen, report.fallback) == ("ok", 2, 0, [])
    articles = {a.title: a for a in library.articles()}
    bridge = articles["Old swing bridge to close for repairs"]
    assert "temporary footbridge" in bridge.body  # the page's full text, not the summary
    assert bridge.tags == ("local-news",)
    assert bridge.url == server.url("/news/bridge")  # tracking parameter dropped
    assert [h.article.title for h in library.search("tag:local-news AND footbridge").hits] == [
        bridge.title]


def test_atom_feed(server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    entries = [{"id": "tag:gazette,2024:orchard", "title": STORIES["orchard"][0],
                "link": server.url("/news/orchard"), "summary": "Trees."}]
    url = server.route("/atom.xml", atom("Gazette Atom", entries),
                       content_type="application/atom+xml")
    add_feed(library, url)
    [report] = fetch_all(library, fetcher)
    assert len(report.new) == 1
    assert "hundredth tree" in library.get(report.new[0]).body


def test_seen_items_are_not_fetched_again(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    url = server.route("/rss.xml", rss("Gazette", rss_items(server, "bridge")))
    add_feed(library, url)
    fetch_all(library, fetcher)
    server.route("/rss.xml", rss("Gazette", rss_items(server, "bridge", "orchard")))
    [report] = fetch_all(library, fetcher)
    assert (len(report.new), report.seen) == (1, 1)
    assert len(server.hits("/news/bridge")) == 1
    assert library.store.count() == 2


def test_etag_and_last_modified_give_a_cheap_304(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    body = rss("Gazette", rss_items(server, "bridge"))
    url = server.route("/rss.xml", body, etag='"v1"', last_modified=1709625600.0)
    add_feed(library, url)
    assert fetch_all(library, fetcher)[0].status == "ok"
    pages_before = len(server.requests)
    [again] = fetch_all(library, fetcher)
    assert again.status == "not-modified" and again.new == []
    conditional = server.hits("/rss.xml")[-1].headers
    assert conditional["If-None-Match"] == '"v1"'
    assert conditional["If-Modified-Since"] == "Tue, 05 Mar 2024 08:00:00 GMT"
    assert len(server.requests) == pages_before + 1  # the feed only, no pages
    assert library.store.count() == 1


def test_item_whose_page_404s_falls_back_to_feed_text(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    items = rss_items(server, "bridge", "vanished")
    url = server.route("/rss.xml", rss("Gazette", items))
    add_feed(library, url, tags=("local",))
    [report] = fetch_all(library, fetcher)
    assert len(report.new) == 2 and report.failed == []
    assert len(report.fallback) == 1 and "HTTP 404" in report.fallback[0]
    article = next(a for a in library.articles() if a.title == "vanished")
    assert "the feed's own short text" in article.body and article.tags == ("local",)


def test_one_broken_feed_does_not_stop_the_others(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    good = server.route("/good.xml", rss("Gazette", rss_items(server, "library")))
    broken = server.route("/broken.xml", "<rss><channel><title>Half a feed</ti",
                          content_type="application/xml")
    slow = server.route("/slow.xml", rss("Slow", []), hang=True)
    server.redirect("/loop.xml", "/loop.xml")
    feeds = FeedStore(library.store)
    feeds.add(good, "good")
    feeds.add(broken, "broken")
    feeds.add(slow, "slow")
    feeds.add(server.url("/loop.xml"), "loop")
    feeds.add(server.url("/missing.xml"), "missing")
    reports = {r.feed.name: r for r in fetch_all(library, fetcher)}
    assert reports["good"].status == "ok" and len(reports["good"].new) == 1
    assert "not a readable feed" in reports["broken"].error
    assert "no answer within" in reports["slow"].error
    assert "redirect loop" in reports["loop"].error
    assert "HTTP 404" in reports["missing"].error
    assert feeds.get("missing").last_error == reports["missing"].error


def test_named_feeds_only(server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    add_feed(library, server.route("/a.xml", rss("A", rss_items(server, "bridge"))), "a")
    add_feed(library, server.route("/b.xml", rss("B", rss_items(server, "orchard"))), "b")
    assert [r.feed.name for r in fetch_all(library, fetcher, "b")] == ["b"]
    assert server.hits("/a.xml") == []


def test_subscribe_names_the_feed_after_its_title(
        server: LocalServer, library: Library, fetcher: Fetcher) -> None:
    url = server.route("/rss.xml", rss("The Harbour Gazette: World", []))
    assert subscribe(library, fetcher, url).name == "the-harbour-gazette-world"
    with pytest.raises(NewsdeskError, match="already subscribed"):
        subscribe(library, fetcher, url)
    page = server.route("/page", article_page("Not a feed", "Just a page of text."))
    with pytest.raises(FetchError, match="not a readable feed"):
        subscribe(library, fetcher, page)


def test_parse_feed_without_guid_keys_by_link() -> None:
    body = rss("G", [{"title": "T", "link": "http://example.com/a?utm_source=x"}]).encode()
    [item] = parse_feed("http://example.com/rss", body).items
    assert item.key == "http://example.com/a"


OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="World">
    <outline type="rss" text="Harbour Gazette" xmlUrl="http://127.0.0.1:9/rss.xml"
             category="/ports,shipping"/>
  </outline>
  <outline type="rss" title="Valley Courier" xmlUrl="http://127.0.0.1:9/courier.xml"/>
</body></opml>"""


def test_opml_round_trip(library: Library) -> None:
    feeds = FeedStore(library.store)
    added, skipped = import_outlines(feeds, read_opml(OPML))
    assert [(f.name, f.tags) for f in added] == [
        ("harbour-gazette", ("ports", "shipping", "world")), ("valley-courier", ())]
    assert import_outlines(feeds, read_opml(OPML))[0] == [] and skipped == []
    again = read_opml(write_opml(feeds.all()))
    assert {(o.url, o.tags) for o in again} == {
        ("http://127.0.0.1:9/rss.xml", ("ports", "shipping", "world")),
        ("http://127.0.0.1:9/courier.xml", ())}


def test_bad_opml() -> None:
    with pytest.raises(InputError, match="not valid OPML"):
        read_opml(b"<opml><body>")
    with pytest.raises(InputError, match="not an OPML file"):
        read_opml(b"<rss/>")


def test_remove_feed(library: Library) -> None:
    feeds = FeedStore(library.store)
    feeds.add("http://127.0.0.1:9/rss.xml", "gazette")
    feeds.remove("gazette")
    assert feeds.all() == []
    with pytest.raises(NewsdeskError, match="no feed called"):
        feeds.remove("gazette")
