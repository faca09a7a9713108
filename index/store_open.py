"""Opening the library's SQLite database: WAL and migrations, a read-only or full disk, and a
lost or damaged file told as such."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from index import migrations
from index.errors import NewsdeskError
from index.failures import disk_full

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """The database at `path`, migrated to the current schema (created if missing); on a
    read-only or full disk, opened for reading. NewsdeskError for a lost or damaged one."""
    _refuse_lost_database(path)
    try:
        if read_only:
            return _open_read_only(path)
        db = sqlite3.connect(path, timeout=60.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 60000")
        try:
            _set_up(db)
        except sqlite3.OperationalError:
            if not disk_full(path.parent) or not path.exists():
                raise
            # A full disk: SQLite cannot even make its WAL index. Reads still work.
            db.close()
            return _open_read_only(path)
        return db
    except sqlite3.DatabaseError as exc:
        raise _open_error(path, exc) from None


def _set_up(db: sqlite3.Connection, attempts: int = 200) -> None:
    # Switching a new database to WAL needs a moment alone with it and does not wait on
    # busy_timeout: two processes creating one library at once (cron's add and the
    # reader) can see "database is locked" here. That is a wait, not an error.
    for attempt in range(attempts):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            migrations.apply(db)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(min(0.01 * (attempt + 1), 0.3))


def _open_read_only(path: Path) -> sqlite3.Connection:
    """The database on a read-only disk: as it is, WAL included when SQLite can read it;
    else immutable (nothing can change the file there, so the locks and the WAL index
    SQLite could not create are not needed)."""
    last: sqlite3.Error | None = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True,
                                 isolation_level=None, check_same_thread=False)
            db.execute("SELECT COUNT(*) FROM articles").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            last = exc
    assert last is not None
    raise last


def _refuse_lost_database(path: Path) -> None:
    """A 0-byte library.db beside a search index is a lost library, never a new one."""
    try:
        empty = path.stat().st_size == 0
    except FileNotFoundError:
        return
    index = path.parent / "index"
    if empty and index.is_dir() and any(index.iterdir()):
        raise NewsdeskError(
            f"{path} is empty (0 bytes), but the library has a search index: the database "
            "was lost or cut off, and newsdesk will not start a new one over it",
            hint="restore library.db from a backup; to start afresh, move the folder away",
        )


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> NewsdeskError:
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError:
        header = b""
    if header == SQLITE_HEADER:
        return NewsdeskError(
            f"the library database {path} is damaged ({exc})",
            hint="restore library.db from a backup; `sqlite3 library.db .recover` may "
                 "save what is left",
        )
    return NewsdeskError(
        f"cannot open the library database {path}: {exc}",
        hint="check the --library path; the file may not be a newsdesk library",
    )
