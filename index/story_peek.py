"""A quick look at a library's stories before it is opened (opening loads Whoosh and numpy,
about 0.3 s): enough to start the summarizers' workers while the library opens."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

_MISSING = (
    "SELECT count(DISTINCT m.story_id) FROM story_members m"
    " LEFT JOIN story_summaries s ON s.story_id = m.story_id AND s.asked >= ?"
    " WHERE s.story_id IS NULL"
)


def unsummarized(database: Path, asked: int) -> int:
    """About how many stories of the library whose record is `database` lack a kept summary
    of `asked` sentences: its stored stories without one, or, before any story was made, its
    article count. 0 when it cannot tell at once (no such file, an older schema, a writer
    holding the database)."""
    try:
        db = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error:
        return 0
    with closing(db):
        try:
            (missing,) = db.execute(_MISSING, (asked,)).fetchone()
            if missing:
                return int(missing)
            (stored,) = db.execute("SELECT EXISTS (SELECT 1 FROM story_members)").fetchone()
            return 0 if stored else int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.Error:
            return 0
