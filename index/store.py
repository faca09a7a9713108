"""The store: SQLite in WAL mode, the record of every article and all user state."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import NotFoundError
from index.filters import NEWEST_FIRST, Filter, to_sql
from index.models import Article, utcnow
from index.store_open import connect
from index.store_rows import ARTICLE_COLUMNS, LIST_COLUMNS, from_row, iso, to_row
from index.textsafe import clean_line
from index.turns import Turns

if TYPE_CHECKING:
    import numpy as np

    from index.search import CountedFields

# Tables with rows about one article, by their article-id column: `delete` clears each. A
# feature that keeps per-article rows in a new table adds it here.
ARTICLE_TABLES: list[tuple[str, str]] = [
    ("originals", "article_id"),
    ("tags", "article_id"),
    ("bands", "article_id"),
    ("article_parts", "article_id"),
    ("briefed", "article_id"),  # story membership goes by the trigger of migration m004
]
EVERYTHING = Filter()


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article ready to be stored, with what dedupe needs."""

    article: Article
    content_hash: str
    bands: Sequence[int]
    # the input as it arrived, compressed as the originals table keeps it (see pack): the
    # cleaner processes compress it, so the storing process does not
    packed: bytes
    dropped: tuple[str, ...] = ()  # input lines cleanup left out, for `show --raw`
    # the body's dedupe shingles when the cleaner computed them (saves a near-copy check
    # tokenizing the body again); never stored
    shingles: np.ndarray | None = None
    # the terms of its title and body as the index counts them (index.search.counted_terms),
    # when a cleaner process counted them; never stored
    terms: CountedFields | None = None


def pack(raw: bytes) -> bytes:
    """An input as the originals table keeps it (Store.original unpacks it)."""
    return zlib.compress(raw, 6)


class Store:
    """All reads and writes of the library's SQLite database.

    Every write is one transaction, so a kill at any moment leaves either the old or the new
    state. Several processes may use one library: SQLite waits for the lock (busy_timeout)
    instead of failing.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.turns = Turns(path)
        self.db = connect(path, read_only=read_only)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.db.close()
        self.turns.close()

    @contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[sqlite3.Connection]:
        """One atomic write; BEGIN IMMEDIATE takes the write lock up front to avoid deadlocks.

        A bulk writer's step (bulk=True) lets a user's waiting write go first (see turns).
        """
        if self.db.in_transaction:
            yield self.db
            return
        if bulk:
            self.turns.wait()
            yield from self._immediate()
        else:
            with self.turns.first():
                yield from self._immediate()

    def _immediate(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- articles -------------------------------------------------------------------------

    def insert(self, items: Iterable[NewArticle]) -> None:
        """Store new articles with their tags, dedupe bands and original input; queue indexing."""
        with self.transaction() as db:
            for item in items:
                a = item.article
                db.execute(
                    f"INSERT INTO articles ({ARTICLE_COLUMNS}, content_hash) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*to_row(a), item.content_hash),
                )
                db.execute(
                    "INSERT INTO originals VALUES (?, ?)", (a.id, item.packed)
                )
                if a.standfirst or a.captions or item.dropped:
                    db.execute("INSERT OR REPLACE INTO article_parts VALUES (?, ?, ?, ?)",
                               (a.id, a.standfirst, "\n".join(a.captions),
                                "\n".join(item.dropped)))
                db.executemany(
                    "INSERT OR IGNORE INTO tags VALUES (?, ?)", [(a.id, t) for t in a.tags]
                )
                if a.duplicate_of is None:
                    db.executemany(
                        "INSERT OR IGNORE INTO bands VALUES (?, ?)", [(b, a.id) for b in item.bands]
                    )
                    db.execute("INSERT OR IGNORE INTO index_outbox VALUES (?)", (a.id,))

    def original(self, article_id: str) -> bytes:
        """The input an article was made from, as it arrived."""
        row = self.db.execute(
            "SELECT raw FROM originals WHERE article_id = ?", (article_id,)
        ).fetchone()
        return zlib.decompress(row[0]) if row else b""

    def get(self, article_id: str) -> Article:
        """The article with this id; NotFoundError if there is none."""
        found = self.get_many([article_id])
        if not found:
            raise NotFoundError(f"no article with id {article_id}")
        return found[0]

    def get_many(self, ids: Sequence[str], *, bodies: bool = True) -> list[Article]:
        """Articles by id, in the order asked (missing ids are left out).

        With bodies=False the body is left empty, as in `listing`, for list views.
        """
        by_id: dict[str, Article] = {}
        cols = ARTICLE_COLUMNS if bodies else LIST_COLUMNS
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT {cols} FROM articles WHERE id IN ({marks})", chunk
            ).fetchall()
            tags = self._tags_for([r[0] for r in rows])
            parts = self._parts_for([r[0] for r in rows]) if bodies else {}
            for row in rows:
                article = from_row(row, tags.get(row[0], ()))
                if row[0] in parts:
                    standfirst, captions = parts[row[0]]
                    article = replace(article, standfirst=standfirst, captions=captions)
                by_id[row[0]] = article
        return [by_id[i] for i in ids if i in by_id]

    def bodies(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored body of each of these articles, by id (missing ids are left out)."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT id, body FROM articles WHERE id IN ({marks})", chunk).fetchall())
        return found

    def _parts_for(self, ids: Sequence[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT article_id, standfirst, captions FROM article_parts "
            f"WHERE article_id IN ({marks})", list(ids))
        return {aid: (sf, tuple(c for c in caps.split("\n") if c)) for aid, sf, caps in rows}

    def dropped(self, article_id: str) -> list[str]:
        """The input lines cleanup left out of an article, in page order."""
        row = self.db.execute(
            "SELECT dropped FROM article_parts WHERE article_id = ?", (article_id,)).fetchone()
        return [line for line in row[0].split("\n") if line] if row else []

    def _tags_for(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        tags: dict[str, list[str]] = {}
        for aid, tag in self.db.execute(
            f"SELECT article_id, tag FROM tags WHERE article_id IN ({marks}) ORDER BY tag",
            list(ids),
        ):
            tags.setdefault(aid, []).append(tag)
        return {k: tuple(v) for k, v in tags.items()}

    def resolve(self, prefix: str) -> str:
        """The full id for an id or a unique prefix of one."""
        prefix = clean_line(prefix).lower()  # typed or pasted: no controls, no surrogates
        if not prefix:
            raise NotFoundError("no article id given")
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no article with id {prefix}", hint="`newsdesk search` lists ids")
        if len(rows) > 1 and rows[0][0] != prefix:
            ids = ", ".join(r[0] for r in rows[:5])
            raise NotFoundError(
                f"id prefix {prefix} is ambiguous: {ids}…", hint="give more characters of the id"
            )
        return str(rows[0][0])

    def exists(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        return (
            self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def find_hash(self, content_hash: str) -> list[tuple[str, str, str]]:
        """(id, url, origin) of articles whose clean text has this hash."""
        return self.db.execute(
            "SELECT id, url, origin FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchall()

    def find_url(self, url: str) -> str | None:
        """The id of the article saved from this URL, if any."""
        if not url:
            return None
        # `url != ''` lets SQLite use the partial index articles_url; without it every
        # fetched page's check read the whole table
        row = self.db.execute("SELECT id FROM articles WHERE url = ? AND url != '' LIMIT 1",
                              (url,)).fetchone()
        return row[0] if row else None

    def band_candidates(self, bands: Sequence[int]) -> dict[str, int]:
        """Articles sharing dedupe bands with these, with how many they share."""
        if not bands:
            return {}
        marks = ",".join("?" * len(bands))
        return dict(
            self.db.execute(
                f"SELECT article_id, COUNT(*) FROM bands WHERE band IN ({marks}) "
                "GROUP BY article_id",
                list(bands),
            ).fetchall()
        )

    def duplicates_of(self, article_id: str) -> list[Article]:
        """Other copies of the same story, linked to this article."""
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY added", (article_id,)
            )
        ]
        return self.get_many(ids)

    def copies_of(self, roots: Sequence[str]) -> dict[str, list[Article]]:
        """The linked copies of each of these articles (roots without copies left out)."""
        copies: dict[str, list[Article]] = {}
        for start in range(0, len(roots), 500):
            chunk = list(roots[start : start + 500])
            marks = ",".join("?" * len(chunk))
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM articles WHERE duplicate_of IN ({marks}) ORDER BY added, id",
                chunk)]
            for copy in self.get_many(ids, bodies=False):
                copies.setdefault(str(copy.duplicate_of), []).append(copy)
        return copies

    def ids(self, where: Filter = EVERYTHING, order: str = NEWEST_FIRST,
            limit: int | None = None) -> list[str]:
        """Ids of articles matching a filter (its `query` aside), newest first by default."""
        sql, params = self._select("id", where)
        sql += f" ORDER BY {order}" + (f" LIMIT {int(limit)}" if limit else "")
        return [r[0] for r in self.db.execute(sql, params)]

    def listing(self, where: Filter = EVERYTHING, limit: int = 200,
                offset: int = 0) -> list[Article]:
        """A page of articles for a list view, newest first: every field but the body (empty)."""
        sql, params = self._select(LIST_COLUMNS, where)
        sql += f" ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, [*params, int(limit), int(offset)]).fetchall()
        tags = self._tags_for([r[0] for r in rows])
        return [from_row(r, tags.get(r[0], ())) for r in rows]

    def count(self, where: Filter = EVERYTHING) -> int:
        """How many articles match a filter (its `query` aside)."""
        sql, params = self._select("COUNT(*)", where)
        return int(self.db.execute(sql, params).fetchone()[0])

    @staticmethod
    def _select(columns: str, where: Filter) -> tuple[str, list[object]]:
        condition, params = to_sql(where)
        sql = f"SELECT {columns} FROM articles"
        return (f"{sql} WHERE {condition}" if condition else sql), params

    # -- corrections --------------------------------------------------------------------

    def update_article(self, article_id: str, **fields: str | None) -> None:
        """Change stored metadata (title, outlet, author, published) and queue the index."""
        allowed = {"title", "outlet", "author", "published"}
        if not fields or not set(fields) <= allowed:
            raise ValueError(f"fields must be among {allowed}")
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as db:
            db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
            db.execute("INSERT OR IGNORE INTO index_outbox VALUES (?)", (article_id,))

    def delete(self, ids: Sequence[str]) -> list[list[str]]:
        """Delete articles and every row about them; returns, per deleted first copy, the
        ids of its remaining copies, oldest first (now unlinked, for the caller to promote).

        Each deleted id is queued in the outbox, so the next index flush removes it.
        """
        orphans: list[list[str]] = []
        with self.transaction() as db:
            for aid in ids:
                db.execute("DELETE FROM articles WHERE id = ?", (aid,))
                for table, column in ARTICLE_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE {column} = ?", (aid,))
                # The feed keeps the item as seen, so the next fetch does not bring it back.
                db.execute("UPDATE feed_items SET article_id = NULL WHERE article_id = ?", (aid,))
                db.execute("INSERT OR IGNORE INTO index_outbox VALUES (?)", (aid,))
                orphans.append([r[0] for r in db.execute(
                    "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY added, id", (aid,))])
                db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?", (aid,))
        gone = set(ids)
        return [kept for group in orphans if (kept := [o for o in group if o not in gone])]

    def relink(self, root: str, copies: Sequence[str], bands: Sequence[int]) -> None:
        """Make `root` a first copy (with its dedupe bands, queued for the index) and link
        `copies` to it."""
        with self.transaction() as db:
            db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (root,))
            db.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                           [(root, c) for c in copies])
            db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", [(b, root) for b in bands])
            db.execute("INSERT OR IGNORE INTO index_outbox VALUES (?)", (root,))
    def data_version(self) -> int:
        """SQLite's data_version: changes when another connection commits (not this one)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # -- user state -----------------------------------------------------------------------

    def set_flags(self, article_id: str, **flags: bool) -> None:
        """Set read / starred / in_basket marks, durably, in one transaction."""
        self.set_flags_many([article_id], **flags)

    def set_flags_many(self, ids: Sequence[str], **flags: bool) -> None:
        """Set the same marks on many articles, in one transaction."""
        allowed = {"read", "starred", "in_basket"}
        if not flags or not set(flags) <= allowed:
            raise ValueError(f"flags must be among {allowed}")
        sets = ", ".join(f"{k} = ?" for k in flags)
        values = [int(v) for v in flags.values()]
        with self.transaction() as db:
            db.executemany(f"UPDATE articles SET {sets} WHERE id = ?",
                           [[*values, aid] for aid in ids])

    def change_tags(self, article_id: str, add: Iterable[str], remove: Iterable[str]) -> None:
        """Add and remove tags in one transaction, and queue the index update."""
        with self.transaction() as db:
            db.executemany(
                "DELETE FROM tags WHERE article_id = ? AND tag = ?",
                [(article_id, t) for t in remove],
            )
            db.executemany(
                "INSERT OR IGNORE INTO tags VALUES (?, ?)", [(article_id, t) for t in add]
            )
            db.execute("INSERT OR IGNORE INTO index_outbox VALUES (?)", (article_id,))

    def tag_counts(self) -> list[tuple[str, int, int]]:
        """Every tag with its article count and unread count."""
        return self.db.execute(
            "SELECT t.tag, COUNT(*), SUM(1 - a.read) FROM tags t "
            "JOIN articles a ON a.id = t.article_id GROUP BY t.tag ORDER BY t.tag"
        ).fetchall()

    def distinct_tags(self) -> int:
        """How many different tags are in use."""
        return int(self.db.execute("SELECT COUNT(DISTINCT tag) FROM tags").fetchone()[0])

    def distinct_outlets(self) -> int:
        """How many different outlets the articles come from."""
        return int(self.db.execute(
            "SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet != ''").fetchone()[0])

    def outlet_counts(self) -> list[tuple[str, int, int]]:
        """Every outlet with its article count and unread count."""
        return self.db.execute(
            "SELECT outlet, COUNT(*), SUM(1 - read) FROM articles WHERE outlet != '' "
            "GROUP BY outlet ORDER BY outlet"
        ).fetchall()

    # -- saved searches -------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        """Save (or replace) a named search."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO searches VALUES (?, ?, ?)", (name, query, iso(utcnow()))
            )

    def searches(self) -> list[tuple[str, str]]:
        """Saved searches as (name, query), by name."""
        return self.db.execute("SELECT name, query FROM searches ORDER BY name").fetchall()

    def search_query(self, name: str) -> str:
        """The query of a saved search."""
        row = self.db.execute("SELECT query FROM searches WHERE name = ?", (name,)).fetchone()
        if row is None:
            names = ", ".join(n for n, _ in self.searches()) or "none yet"
            raise NotFoundError(f"no saved search named {name}", hint=f"saved searches: {names}")
        return str(row[0])

    # -- index outbox ---------------------------------------------------------------------

    def outbox(self, limit: int = 1000) -> list[str]:
        """Ids whose search-index entry is missing or stale."""
        return [
            r[0] for r in self.db.execute("SELECT article_id FROM index_outbox LIMIT ?", (limit,))
        ]

    def outbox_size(self) -> int:
        """How many articles wait to be indexed."""
        return int(self.db.execute("SELECT COUNT(*) FROM index_outbox").fetchone()[0])

    def clear_outbox(self, ids: Sequence[str]) -> None:
        """Forget ids whose index entry is now up to date."""
        with self.transaction() as db:
            db.executemany("DELETE FROM index_outbox WHERE article_id = ?", [(i,) for i in ids])

    def iter_indexable(self, batch: int = 1000) -> Iterator[list[Article]]:
        """Every article that belongs in the search index (not linked duplicates), in batches."""
        last = ""
        while True:
            ids = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM articles WHERE duplicate_of IS NULL AND id > ? "
                    "ORDER BY id LIMIT ?",
                    (last, batch),
                )
            ]
            if not ids:
                return
            yield self.get_many(ids)
            last = ids[-1]
