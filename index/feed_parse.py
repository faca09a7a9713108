"""Reading RSS and Atom: fetched feed bytes to items, and an item's own text as a page."""

from __future__ import annotations

import calendar
import hashlib
import html
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from index.errors import FetchError
from index.ingest import Source
from index.sources import HTML
from index.urls import SCHEMES, canonical_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: how to recognise it again, where its page is, its own text."""

    key: str
    link: str
    title: str = ""
    text: str = ""  # the feed's content or summary, sanitized HTML
    author: str = ""
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and entries, in feed order."""

    title: str
    items: list[FeedItem]


def parse_feed(url: str, body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse RSS / Atom bytes already fetched; FetchError if they hold no feed."""
    # Imported here: feedparser is only needed when feeds are read.
    import feedparser

    # A stream, never bytes or str: feedparser would fetch a URL or open a file for those.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url, **(headers or {})},
    )
    problem = parsed.get("bozo_exception")
    # A wrong media type or charset label is common and harmless; broken XML is not.
    soft = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
    if not parsed.entries and (not parsed.version or (problem and not isinstance(problem, soft))):
        reason = problem or "no RSS or Atom in it"
        raise FetchError(f"{url}: not a readable feed ({reason})",
                         hint="check that the address is the feed itself, not its web page")
    items = [_item(entry) for entry in parsed.entries]
    return ParsedFeed(str(parsed.feed.get("title", "")).strip(), [i for i in items if i.key])


def _item(entry: Any) -> FeedItem:
    link = str(entry.get("link") or "").strip()
    if link.split(":", 1)[0].lower() not in SCHEMES:
        link = ""
    title = str(entry.get("title") or "").strip()
    text = _text(entry)
    key = str(entry.get("id") or "").strip() or (canonical_url(link) if link else "")
    if not key and (title or text):
        key = "sha:" + hashlib.blake2b(f"{title}\0{text}".encode(), digest_size=12).hexdigest()
    return FeedItem(key=key, link=link, title=title, text=text,
                    author=str(entry.get("author") or "").strip(), published=_date(entry))


def _text(entry: Any) -> str:
    # Full content beats the summary; feedparser has already sanitized both.
    contents = entry.get("content") or []
    best = max((str(c.get("value") or "") for c in contents), key=len, default="")
    summary = str(entry.get("summary") or "")
    return best if len(best) >= len(summary) else summary


def _date(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def item_source(item: FeedItem) -> Source:
    """The feed's own text for an item as a small HTML page, for when its page cannot be had.

    Title, author and date go in the page's meta tags, where the extractor looks for them.
    """
    meta = [f"<title>{html.escape(item.title)}</title>"]
    if item.author:
        meta.append(f'<meta name="author" content="{html.escape(item.author)}">')
    if item.published:
        stamp = item.published.isoformat()
        meta.append(f'<meta property="article:published_time" content="{stamp}">')
    page = (f"<!DOCTYPE html><html><head>{''.join(meta)}</head><body><article>"
            f"<h1>{html.escape(item.title)}</h1>{item.text}</article></body></html>")
    url = canonical_url(item.link) if item.link else ""
    return Source(origin=item.link or item.key, raw=page.encode(), kind=HTML, url=url)
