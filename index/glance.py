"""A first look at a library before the whole of it loads: the reader's first rows.

Opening a `Library` loads Whoosh, numpy and the search index, most of a second on a busy
machine; the first page of a list needs only the store. This module imports neither, reads
only, and leaves any library that needs more than a read (new, of an older schema, damaged)
to `Library.open`.
"""

from __future__ import annotations

import os
import sqlite3

from index import migrations
from index.errors import NewsdeskError
from index.filters import Filter
from index.models import Article
from index.paths import library_dir
from index.store import Store


def first_page(override: str | os.PathLike[str] | None, where: Filter,
               limit: int) -> tuple[list[Article], int] | None:
    """The newest `limit` articles a filter matches (bodies empty) and how many it matches;
    None when the library cannot simply be read as it is (`where.query` is not searched)."""
    path = library_dir(override) / "library.db"
    if not path.is_file():
        return None
    try:
        store = Store(path, read_only=True)
    except (NewsdeskError, sqlite3.Error):
        return None  # Library.open says what is wrong
    try:
        if migrations.version(store.db) != len(migrations.MIGRATIONS):
            return None  # Library.open migrates it first
        return store.listing(where, limit=limit), store.count(where)
    except sqlite3.Error:
        return None
    finally:
        store.close()
