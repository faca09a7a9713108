"""Subscribed feeds in the library: the Feed record and the feeds / feed_items tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from index.errors import NewsdeskError, NotFoundError
from index.ingest import normalize_tags
from index.models import utcnow
from index.store import Store
from index.textsafe import clean_line
from index.urls import check_url

_COLUMNS = "name, url, tags, etag, last_modified, last_fetched, last_error, added"


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription, with what the last fetch left behind for the next one."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    etag: str = ""
    last_modified: str = ""
    last_fetched: datetime | None = None
    last_error: str = ""
    added: datetime | None = None

    def to_json(self) -> dict[str, object]:
        """The `feed list --json` form."""
        return {
            "name": self.name,
            "url": self.url,
            "tags": list(self.tags),
            "last_fetched": self.last_fetched.isoformat() if self.last_fetched else None,
            "last_error": self.last_error or None,
        }


def slug(text: str) -> str:
    """A feed name from a title or address: lowercase words joined by hyphens."""
    words = re.findall(r"[^\W_]+", text.lower())
    return "-".join(words)[:40].strip("-")


def name_from_url(url: str) -> str:
    """A fallback feed name: the host without www, e.g. "news-example-org"."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    return slug(host) or "feed"


class FeedStore:
    """Feeds and the items already taken from them, in the library's SQLite store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def add(self, url: str, name: str, tags: Iterable[str] = ()) -> Feed:
        """Subscribe; NewsdeskError if the name or the address is taken already."""
        url = check_url(url)
        name = name.strip()
        if not name or any(ch.isspace() for ch in name) or clean_line(name) != name:
            raise NewsdeskError(f"bad feed name {name!r}", hint="use one word, like world-news")
        if (taken := self._name_for_url(url)) is not None:
            raise NewsdeskError(f"already subscribed to {url} as {taken!r}")
        if self._exists(name):
            raise NewsdeskError(f"there is already a feed called {name!r}",
                                hint="choose another with --name")
        feed = Feed(name, url, normalize_tags(tags), added=utcnow())
        with self.store.transaction() as db:
            db.execute(f"INSERT INTO feeds ({_COLUMNS}) VALUES (?, ?, ?, '', '', NULL, '', ?)",
                       (feed.name, feed.url, " ".join(feed.tags), _iso(feed.added)))
        return feed

    def unique_name(self, wanted: str) -> str:
        """wanted, or wanted-2, wanted-3 ... whichever is free."""
        name, n = wanted or "feed", 1
        while self._exists(name):
            n += 1
            name = f"{wanted}-{n}"
        return name

    def has_url(self, url: str) -> bool:
        """Whether some feed already has this address."""
        return self._name_for_url(url) is not None

    def remove(self, name: str) -> None:
        """Unsubscribe, forgetting its seen items (the articles stay in the library)."""
        self.get(name)
        with self.store.transaction() as db:
            db.execute("DELETE FROM feed_items WHERE feed = ?", (name,))
            db.execute("DELETE FROM feeds WHERE name = ?", (name,))

    def get(self, name: str) -> Feed:
        """One feed by name; NotFoundError if there is none."""
        row = self.db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"no feed called {name!r}", hint="see `newsdesk feed list`")
        return _feed(row)

    def all(self) -> list[Feed]:
        """Every feed, by name."""
        return [_feed(r) for r in self.db.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY name")]

    def select(self, names: Sequence[str]) -> list[Feed]:
        """The named feeds (NotFoundError for an unknown name), or every feed if none named."""
        return [self.get(n) for n in dict.fromkeys(names)] if names else self.all()

    def seen_keys(self, name: str) -> set[str]:
        """Item keys already taken from a feed."""
        rows = self.db.execute("SELECT item_key FROM feed_items WHERE feed = ?", (name,))
        return {r[0] for r in rows}

    def record_fetch(self, feed: Feed, seen: Iterable[tuple[str, str | None]], *,
                     etag: str | None = None, last_modified: str | None = None,
                     error: str = "") -> None:
        """After a fetch: the items taken (key, article id), new validators, the error if any.

        Validators given as None are left as they were.
        """
        now = _iso(utcnow())
        with self.store.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO feed_items (feed, item_key, article_id, seen) "
                "VALUES (?, ?, ?, ?)", [(feed.name, key, aid, now) for key, aid in seen])
            db.execute(
                "UPDATE feeds SET etag = coalesce(?, etag), "
                "last_modified = coalesce(?, last_modified), last_fetched = ?, last_error = ? "
                "WHERE name = ?", (etag, last_modified, now, error, feed.name))

    def _exists(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM feeds WHERE name = ?", (name,)).fetchone() is not None

    def _name_for_url(self, url: str) -> str | None:
        row = self.db.execute("SELECT name FROM feeds WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _feed(row: Sequence[str]) -> Feed:
    name, url, tags, etag, last_modified, fetched, error, added = row
    return Feed(  # names and errors are shown on terminals: no control characters
        name=clean_line(name), url=clean_line(url), tags=tuple(tags.split()), etag=etag,
        last_modified=last_modified,
        last_fetched=datetime.fromisoformat(fetched) if fetched else None,
        last_error=clean_line(error) if error else error,
        added=datetime.fromisoformat(added) if added else None,
    )
