"""Schema migrations of the library database, in order, the version kept in the database.

This is the one place to change the schema of ``library.db``. To add a column or a table,
append a function at the END of this module (never edit, renumber or reorder one that has
landed: libraries in the wild have already run it):

    @migration
    def m003_article_notes(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT ''")

The database's ``PRAGMA user_version`` is the number of migrations applied. On open,
`apply` runs each pending one in its own transaction together with the version bump, so a
kill mid-migration leaves the library at the previous version and the next open runs it
again. Use ``db.execute`` (one statement a call) or `run_script`: ``executescript`` commits
the transaction first and would break that. A library whose version is higher than this list
knows was written by a newer newsdesk and is refused.

Libraries made before this list existed have user_version 2: m001 and m002 are exactly the
schema they already have.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from index.errors import NewsdeskError

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = []


def migration(function: Migration) -> Migration:
    """Register a migration; its number is its place in the list (the order of definition)."""
    MIGRATIONS.append(function)
    return function


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run SQL statements separated by ``;`` inside the current transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def version(db: sqlite3.Connection) -> int:
    """The schema version of the open database: how many migrations it has run."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply(db: sqlite3.Connection, migrations: Sequence[Migration] | None = None) -> int:
    """Run the pending migrations, each in one transaction; returns how many ran.

    `db` must be in autocommit mode (isolation_level=None), as the store's connection is.
    """
    steps = MIGRATIONS if migrations is None else migrations
    _refuse_newer(version(db), len(steps))
    ran = 0
    for number, step in enumerate(steps, 1):
        if version(db) >= number:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have run it while this one waited for the lock.
            if version(db) < number:
                step(db)
                db.execute(f"PRAGMA user_version = {number}")
                ran += 1
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return ran


def _refuse_newer(found: int, known: int) -> None:
    if found > known:
        raise NewsdeskError(
            f"this library was written by a newer newsdesk (schema {found}; "
            f"this newsdesk knows schema {known} and older)",
            hint="upgrade newsdesk to open it",
        )


# -- the migrations, oldest first; append new ones at the end ---------------------------------


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    """Articles, their original input, tags, dedupe bands, the index outbox, searches, feeds."""
    run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            outlet TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT,
            added TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            in_basket INTEGER NOT NULL DEFAULT 0,
            duplicate_of TEXT,
            content_hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_added ON articles(added);
        CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
        CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
        CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url != '';
        CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of)
            WHERE duplicate_of IS NOT NULL;
        CREATE TABLE IF NOT EXISTS originals (
            article_id TEXT PRIMARY KEY,
            raw BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tags (
            article_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag);
        CREATE TABLE IF NOT EXISTS bands (
            band INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS index_outbox (
            article_id TEXT PRIMARY KEY
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS searches (
            name TEXT PRIMARY KEY,
            query TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS feeds (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            tags TEXT NOT NULL DEFAULT '',
            etag TEXT NOT NULL DEFAULT '',
            last_modified TEXT NOT NULL DEFAULT '',
            last_fetched TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            added TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS feed_items (
            feed TEXT NOT NULL,
            item_key TEXT NOT NULL,
            article_id TEXT,
            seen TEXT NOT NULL,
            PRIMARY KEY (feed, item_key)
        ) WITHOUT ROWID
        """,
    )


@migration
def m002_list_order_index(db: sqlite3.Connection) -> None:
    """List views sort by Article.date; without this index every page scans the table."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_date ON articles(COALESCE(published, added))"
    )


@migration
def m003_aliases(db: sqlite3.Connection) -> None:
    """Aliases (index/aliases.py), learned from the articles already in the library."""
    from index.aliases import AliasBook, definitions

    run_script(
        db,
        """
        CREATE TABLE aliases (
            name TEXT NOT NULL,
            synonym TEXT NOT NULL,
            source TEXT NOT NULL,         -- 'learned' from articles, or the 'user''s
            articles INTEGER NOT NULL DEFAULT 0,  -- learned: how many articles define it
            removed INTEGER NOT NULL DEFAULT 0,   -- removed by the user: stays removed
            PRIMARY KEY (name, synonym)
        ) WITHOUT ROWID;
        CREATE INDEX aliases_synonym ON aliases(synonym)
        """,
    )
    book = AliasBook(db)
    rows = db.execute("SELECT title, body FROM articles WHERE duplicate_of IS NULL")
    for title, body in rows:
        book.learn(definitions(f"{title}\n{body}"))


@migration
def m004_stories(db: sqlite3.Connection) -> None:
    """Stories last: which story each article (a root, not a linked copy) belongs to, and
    what each briefing covered, so the next one can leave it out. Deleting an article takes
    it out of its story (the trigger), so no story lists a member that is gone."""
    run_script(
        db,
        """
        CREATE TABLE story_members (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            joined TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX story_members_story ON story_members(story_id);
        CREATE TABLE briefings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            written TEXT NOT NULL
        );
        CREATE TABLE briefed (
            briefing_id INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            story_id TEXT NOT NULL,
            PRIMARY KEY (briefing_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX briefed_article ON briefed(article_id)
        """,
    )
    # one statement with a ";" inside: not for run_script
    db.execute(
        "CREATE TRIGGER story_members_gone AFTER DELETE ON articles BEGIN "
        "DELETE FROM story_members WHERE article_id = OLD.id; END"
    )


@migration
def m005_article_parts(db: sqlite3.Connection) -> None:
    """The parts of an article besides its body (index/extract_parts.py): the standfirst,
    photo captions and the input lines cleanup left out (newline-separated)."""
    db.execute(
        "CREATE TABLE article_parts ("
        " article_id TEXT PRIMARY KEY,"
        " standfirst TEXT NOT NULL DEFAULT '',"
        " captions TEXT NOT NULL DEFAULT '',"
        " dropped TEXT NOT NULL DEFAULT ''"
        ") WITHOUT ROWID"
    )


@migration
def m006_story_summaries(db: sqlite3.Connection) -> None:
    """The key point and summary of each story, kept with a mark of what they were made from
    (the summarizer and its articles' text), so listing the same stories again is instant."""
    db.execute(
        "CREATE TABLE story_summaries ("
        " story_id TEXT PRIMARY KEY,"
        " made_from TEXT NOT NULL,"
        " asked INTEGER NOT NULL,"
        " sentences TEXT NOT NULL"  # a JSON array, the key point first
        ") WITHOUT ROWID"
    )
    # a deleted article's sentences do not stay behind in its story's summary
    db.execute(
        "CREATE TRIGGER story_summaries_gone AFTER DELETE ON story_members BEGIN "
        "DELETE FROM story_summaries WHERE story_id = OLD.story_id; END"
    )


@migration
def m007_story_features(db: sqlite3.Connection) -> None:
    """Each article's story features (its weighted words, and its names and numbers), kept
    with a mark of the code that made them, so placing a new article into the stored stories
    reads its neighbours' features instead of parsing every neighbour's text again. Terms
    are numbered once (story_terms); a feature is its term numbers then its weights (little-
    endian int64 and float64 arrays)."""
    db.execute("CREATE TABLE story_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)")
    db.execute(
        "CREATE TABLE story_features ("
        " article_id TEXT PRIMARY KEY,"
        " made_by TEXT NOT NULL,"
        " words BLOB NOT NULL,"
        " names BLOB NOT NULL"
        ") WITHOUT ROWID"
    )
    # features follow the text: an edited or deleted article's are made again or dropped
    db.execute(
        "CREATE TRIGGER story_features_edited AFTER UPDATE OF title, body ON articles BEGIN "
        "DELETE FROM story_features WHERE article_id = OLD.id; END"
    )
    db.execute(
        "CREATE TRIGGER story_features_gone AFTER DELETE ON articles BEGIN "
        "DELETE FROM story_features WHERE article_id = OLD.id; END"
    )


@migration
def m008_story_picks(db: sqlite3.Connection) -> None:
    """The sentences a briefing's story summarizer picked for each story (with the articles
    printing each), kept with a mark of what they were made from, so the next briefing
    summarizes only the stories whose articles changed."""
    db.execute(
        "CREATE TABLE story_picks ("
        " story_id TEXT PRIMARY KEY,"
        " made_from TEXT NOT NULL,"
        " picks TEXT NOT NULL"  # JSON array of [sentence, [article indexes]]
        ") WITHOUT ROWID"
    )
    # a deleted article's sentences do not stay behind in its story's picks
    db.execute(
        "CREATE TRIGGER story_picks_gone AFTER DELETE ON story_members BEGIN "
        "DELETE FROM story_picks WHERE story_id = OLD.story_id; END"
    )


@migration
def m009_story_facts(db: sqlite3.Connection) -> None:
    """Each article's lead facts (story_facts: the places and counts its headline and first
    sentence name, one "kind:value" a line) beside its story features, so placing a new
    article tells two events of one kind apart as a whole grouping does. A changed
    publication date makes them again too (facts may read it)."""
    db.execute("ALTER TABLE story_features ADD COLUMN facts TEXT NOT NULL DEFAULT ''")
    db.execute("DROP TRIGGER story_features_edited")
    db.execute(
        "CREATE TRIGGER story_features_edited AFTER UPDATE OF title, body, published "
        "ON articles BEGIN DELETE FROM story_features WHERE article_id = OLD.id; END"
    )
